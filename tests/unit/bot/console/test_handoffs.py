"""The handoff queue over HTTP: list, transcript, take, reply (tracker + live/outbox delivery), hand back."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from bot.console.app import HANDBACK_MESSAGE
from bot.handoff import HandoffRequest, HandoffStatus

from .conftest import Client, ConsoleServer

TRANSCRIPT = {
    "sender_id": "web-0123456789abcdef",
    "paused": True,
    "events": [
        {"event": "action", "name": "action_session_start", "timestamp": 1709514000.0},
        {"event": "session_started", "timestamp": 1709514000.1},
        {"event": "user", "text": "취업날개가 뭐예요?", "timestamp": 1709514001.0,
         "parse_data": {"intent": {"name": "ask_programme_info", "confidence": 0.98}}},
        {"event": "bot", "text": "취업날개 서비스는 면접 정장을 무료로 빌려줘요.", "timestamp": 1709514002.0,
         "data": {"buttons": [{"title": "신청 방법", "payload": "/ask_how_to_apply"}]}},
        {"event": "user", "text": "<b>상담원</b> 연결해줘", "timestamp": 1709514010.0,
         "parse_data": {"intent": {"name": "request_human", "confidence": 0.99}}},
        {"event": "pause", "timestamp": 1709514011.0},
        {"event": "bot", "text": "네, 제가 도와드릴게요.", "timestamp": 1709514100.0, "metadata": {"staff": "tester"}},
    ],
}


def requested_minutes_ago(console: ConsoleServer, handoff_id: int, minutes: int) -> None:
    with console.handoffs._session() as session, session.begin():
        session.execute(
            update(HandoffRequest)
            .where(HandoffRequest.id == handoff_id)
            .values(requested_at=datetime.now(timezone.utc) - timedelta(minutes=minutes))
        )


def notice_after(staff: Client, reply) -> str:
    assert reply.status == 303, reply.text
    return staff.get(reply.location).text


def test_the_queue_lists_open_requests_with_waiting_time(console: ConsoleServer, staff: Client) -> None:
    first = console.handoffs.request("kakao:abcdef", "월급을 못 받았어요 / 상담원 연결", "kakao")
    second = console.handoffs.request("web-0123456789abcdef", "상담원 연결해줘", "socketio")
    done = console.handoffs.request("rest-user-1", "사람이랑 얘기", "rest")
    console.handoffs.hand_back(done.id, "tester")
    requested_minutes_ago(console, first.id, 75)
    page = staff.get("/console/queue").text
    assert "상담 대기열 <small>2건</small>" in page
    assert "kakao:abcdef" in page and "카카오톡" in page and "1시간 15분" in page
    assert "web-0123456789abcdef" in page and "웹 채팅" in page
    assert "rest-user-1" not in page  # handed back: no longer in the queue
    assert f'href="/console/handoffs/{second.id}"' in page
    assert 'data-refresh="20"' in page
    assert '<span class="badge">2</span>' in page  # the menu shows how many are waiting


def test_the_conversation_page_shows_the_transcript_escaped(console: ConsoleServer, staff: Client) -> None:
    handoff = console.handoffs.request("web-0123456789abcdef", "상담원 연결해줘", "socketio")
    console.rasa.trackers["web-0123456789abcdef"] = TRANSCRIPT
    page = staff.get(f"/console/handoffs/{handoff.id}").text
    assert "취업날개가 뭐예요?" in page and "면접 정장을 무료로" in page
    assert "&lt;b&gt;상담원&lt;/b&gt; 연결해줘" in page and "<b>상담원</b>" not in page
    assert "상담원 tester" in page and "도우미 일시정지" in page
    assert "신청 방법" in page  # the bot's buttons
    assert re.search(r"<time>\d\d:\d\d:\d\d</time>", page)
    assert "상담 맡기" in page and "답장 보내기" not in page  # reply only after taking it


def test_take_reply_and_hand_back_over_rest(console: ConsoleServer, staff: Client) -> None:
    handoff = console.handoffs.request("rest-citizen-1", "상담원 연결해줘", "rest")
    page = f"/console/handoffs/{handoff.id}"

    # replying before taking it is refused
    assert "먼저 ‘상담 맡기’를" in notice_after(staff, staff.post(page + "/reply", {"csrf_token": staff.csrf(), "text": "안녕"}))

    taken = notice_after(staff, staff.post(page + "/take", {"csrf_token": staff.csrf()}))
    assert "상담을 맡았어요" in taken and "상담 중 (tester)" in taken and "답장 보내기" in taken
    assert console.handoffs.get(handoff.id).status is HandoffStatus.TAKEN

    sent = notice_after(staff, staff.post(page + "/reply", {"csrf_token": staff.csrf(), "text": "  안녕하세요, 상담원 김민지입니다.\r\n무엇을 도와드릴까요?  "}))
    assert "보관함에 넣었어요" in sent
    text = "안녕하세요, 상담원 김민지입니다.\n무엇을 도와드릴까요?"
    assert console.rasa.appended()[-1] == ("rest-citizen-1", [{"event": "bot", "text": text, "metadata": {"staff": "tester"}}])
    [queued] = console.handoffs.undelivered("rest-citizen-1")
    assert (queued.text, queued.staff, queued.channel) == (text, "tester", "rest")
    assert not [call for call in console.rasa.calls if call[0] == "push_to_socket"]  # REST cannot be pushed to

    returned = staff.post(page + "/hand-back", {"csrf_token": staff.csrf()})
    assert returned.location == "/console/queue?notice=returned"
    assert console.rasa.appended()[-1] == (
        "rest-citizen-1",
        [
            {"event": "resume"},
            {"event": "bot", "text": HANDBACK_MESSAGE, "metadata": {"staff": "tester", "handback": True}},
            {"event": "action", "name": "action_listen"},  # so the next message is a normal turn for the rules
        ],
    )
    assert console.handoffs.get(handoff.id).status is HandoffStatus.RETURNED
    assert [m.text for m in console.handoffs.deliver("rest-citizen-1")] == [text, HANDBACK_MESSAGE]
    assert "rest-citizen-1" not in staff.get("/console/queue").text

    actions = [(e.action, e.target) for e in reversed(console.auth.audit_log(50)) if e.action in ("take", "reply", "hand_back")]
    assert actions == [("take", "rest-citizen-1"), ("reply", "rest-citizen-1"), ("hand_back", "rest-citizen-1")]
    # a closed request takes no more replies
    assert "이미 도우미에게 돌려준" in notice_after(staff, staff.post(page + "/reply", {"csrf_token": staff.csrf(), "text": "또"}))


def test_web_chat_replies_are_pushed_live(console: ConsoleServer, staff: Client) -> None:
    handoff = console.handoffs.request("0123456789abcdef0123456789abcdef", "상담원", "socketio")
    page = f"/console/handoffs/{handoff.id}"
    staff.post(page + "/take", {"csrf_token": staff.csrf()})
    assert "채팅 창에 바로 표시됐어요" in notice_after(staff, staff.post(page + "/reply", {"csrf_token": staff.csrf(), "text": "안녕하세요"}))
    assert ("push_to_socket", ("0123456789abcdef0123456789abcdef", "안녕하세요")) in console.rasa.calls
    assert console.handoffs.undelivered("0123456789abcdef0123456789abcdef") == []

    console.rasa.connected = 0
    assert "열려 있지 않아요" in notice_after(staff, staff.post(page + "/reply", {"csrf_token": staff.csrf(), "text": "계세요?"}))


def test_when_rasa_is_down_nothing_is_sent_or_closed(console: ConsoleServer, staff: Client) -> None:
    handoff = console.handoffs.request("rest-citizen-2", "상담원", "rest")
    page = f"/console/handoffs/{handoff.id}"
    staff.post(page + "/take", {"csrf_token": staff.csrf()})
    console.rasa.down = True
    conversation = staff.get(page).text
    assert "대화 기록을 가져오지 못했어요" in conversation
    assert "연결할 수 없어" in notice_after(staff, staff.post(page + "/reply", {"csrf_token": staff.csrf(), "text": "안녕"}))
    assert console.handoffs.undelivered("rest-citizen-2") == []
    assert "연결할 수 없어" in notice_after(staff, staff.post(page + "/hand-back", {"csrf_token": staff.csrf()}))
    assert console.handoffs.get(handoff.id).status is HandoffStatus.TAKEN


@pytest.mark.parametrize("text, notice", [("", "보낼 내용을 입력해"), ("   \n\t ", "보낼 내용을 입력해"), ("가" * 2001, "2,000자까지")])
def test_empty_or_too_long_replies_are_refused(console: ConsoleServer, staff: Client, text: str, notice: str) -> None:
    handoff = console.handoffs.request("rest-citizen-3", "상담원", "rest")
    page = f"/console/handoffs/{handoff.id}"
    staff.post(page + "/take", {"csrf_token": staff.csrf()})
    assert notice in notice_after(staff, staff.post(page + "/reply", {"csrf_token": staff.csrf(), "text": text}))
    assert console.rasa.appended() == []


def test_a_colleague_can_take_over_but_not_reply_without_taking(console: ConsoleServer, staff: Client) -> None:
    handoff = console.handoffs.request("rest-citizen-4", "상담원", "rest")
    page = f"/console/handoffs/{handoff.id}"
    staff.post(page + "/take", {"csrf_token": staff.csrf()})
    colleague = console.client()
    colleague.login(name="colleague")
    assert "먼저 ‘상담 맡기’를" in notice_after(colleague, colleague.post(page + "/reply", {"csrf_token": colleague.csrf(), "text": "안녕"}))
    assert "이 상담 이어받기" in colleague.get(page).text
    colleague.post(page + "/take", {"csrf_token": colleague.csrf()})
    assert console.handoffs.get(handoff.id).taken_by == "colleague"
    assert console.auth.audit_log(1)[0].detail == "taken over from tester"


def test_unknown_requests_are_404(staff: Client) -> None:
    for path in ["/console/handoffs/999", "/console/handoffs/0", "/console/handoffs/99999999999999999999999"]:
        assert staff.get(path).status == 404
    assert staff.post("/console/handoffs/999/take", {"csrf_token": staff.csrf()}).status == 404
    assert staff.get("/console/handoffs/abc").status == 404
