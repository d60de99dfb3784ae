"""The staff console in headless Chromium against the real stack (action server, Rasa with its HTTP API,
``python -m bot.web``): sign in, search, a citizen's handoff over REST and over the web chat, take, reply,
hand back, analytics. Screenshots of every step go to tests/e2e/screenshots/.
"""
from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine

from bot.console.app import HANDBACK_MESSAGE
from bot.handoff import HandoffStore


from .conftest import STAFF_NAME, STAFF_PASSWORD, ConsoleStack

pytestmark = pytest.mark.slow

BOT_TIMEOUT = 60_000  # ms for one answer on a busy 2-core machine


def joined(messages) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def sign_in(page: Page, console: ConsoleStack) -> None:
    page.goto(console.web_url + "/console/")
    expect(page).to_have_url(re.compile(r"/console/login$"))
    expect(page.get_by_role("heading", name="상담원 로그인")).to_be_visible()
    page.get_by_label("아이디").fill(STAFF_NAME)
    page.get_by_label("비밀번호").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    expect(page).to_have_url(re.compile(r"/console/queue$"))
    expect(page.get_by_text("상담원 E2E 님")).to_be_visible()


def open_handoff(page: Page, console: ConsoleStack, sender: str) -> None:
    page.goto(console.web_url + "/console/queue")
    link = page.get_by_role("link", name=sender)
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", name=re.compile(r"상담 요청 #\d+"))).to_be_visible()


def test_staff_search_take_reply_and_hand_back_a_rest_citizen(page: Page, console_stack: ConsoleStack, shot) -> None:
    console, stack = console_stack, console_stack.stack
    page.on("dialog", lambda dialog: dialog.accept())  # "hand back?" confirmation
    sign_in(page, console)
    shot(page, "signed-in")

    # --- search: the knowledge base and what the assistant would understand
    page.get_by_role("link", name="제도 검색").click()
    page.get_by_label("키워드나 시민의 질문").fill("면접 정장")
    page.get_by_role("button", name="검색", exact=True).click()
    card = page.locator("article#p-interview_suit_rental")
    expect(card).to_contain_text("취업날개")
    expect(card.locator(".source")).to_contain_text("출처:")
    expect(card.locator(".source")).to_contain_text("2018년 7월 기준")
    assert float(page.locator("#kb-ms").inner_text()) < 100
    expect(page.locator(".assistant .intent-name")).not_to_be_empty()
    expect(page.locator(".assistant")).not_to_contain_text("연결할 수 없어")
    shot(page, "search-interview-suit", full_page=True)

    # --- a citizen asks for a person over REST
    sender = f"console-e2e-{uuid.uuid4().hex[:8]}"
    assert "면접" in joined(stack.say(sender, "취업날개가 뭐예요?"))
    assert "120" in joined(stack.say(sender, "상담원 연결해줘"))
    assert stack.tracker(sender)["paused"] is True

    page.goto(console.web_url + "/console/queue")
    row = page.locator("table.queue tr", has=page.get_by_role("link", name=sender))
    expect(row).to_contain_text("REST")
    expect(row).to_contain_text("대기 중")
    expect(row.locator(".waited")).to_have_text("1분 미만")
    shot(page, "queue")
    open_handoff(page, console, sender)
    transcript = page.locator("ol.transcript")
    expect(transcript).to_contain_text("취업날개가 뭐예요?")
    expect(transcript).to_contain_text("상담원 연결해줘")
    expect(transcript).to_contain_text("상담원 연결을 요청했어요")
    expect(page.locator("#status")).to_have_text("대기 중")
    shot(page, "handoff-waiting", full_page=True)

    # --- take it and reply
    page.get_by_role("button", name="상담 맡기").click()
    expect(page.locator("#status")).to_have_text(f"상담 중 ({STAFF_NAME})")
    reply = "안녕하세요, 서울시 일자리 상담원입니다. 면접 정장 대여 예약을 도와드릴게요."
    page.get_by_label("시민에게 보낼 말 (2,000자까지)").fill(reply)
    page.get_by_role("button", name="보내기").click()
    expect(page.locator(".notice")).to_contain_text("보관함에 넣었어요")
    expect(page.locator("li.msg.staff")).to_contain_text(reply)
    staff_events = [e for e in stack.tracker(sender)["events"] if e.get("event") == "bot" and e.get("text") == reply]
    assert staff_events and staff_events[0]["metadata"]["staff"] == STAFF_NAME
    assert stack.tracker(sender)["paused"] is True  # still with staff
    shot(page, "handoff-replied", full_page=True)

    # --- hand back: Rasa resumes and answers the citizen again
    page.get_by_role("button", name="도우미에게 돌려주기").click()
    expect(page).to_have_url(re.compile(r"/console/queue\?notice=returned$"))
    expect(page.get_by_role("link", name=sender)).to_have_count(0)
    tracker = stack.tracker(sender)
    assert tracker["paused"] is False
    assert any(e.get("event") == "resume" for e in tracker["events"])
    assert any(e.get("event") == "bot" and e.get("text") == HANDBACK_MESSAGE for e in tracker["events"])
    # REST cannot push: the citizen's next message brings what staff said first, then the bot's answer
    messages = stack.say(sender, "취업날개 누가 받을 수 있어요?")
    assert [m["text"] for m in messages[:2]] == [reply, HANDBACK_MESSAGE]
    again = joined(messages[2:])
    assert again and ("34" in again or "청년" in again), again
    shot(page, "handed-back")
    outbox = HandoffStore(create_engine(console.database_url, future=True))
    assert outbox.deliver(sender) == []  # delivered once, not again

    # --- analytics
    page.get_by_role("link", name="이용 통계").click()
    expect(page.get_by_role("heading", name="이용 통계")).to_be_visible()
    # this stack's Rasa keeps the conversation above in its SQL tracker store (DATABASE_URL), whose events are counted
    expect(page.locator("svg.chart")).to_have_count(2)
    assert int(page.locator("#stat-handoffs").inner_text().replace(",", "")) >= 1
    assert int(page.locator("#stat-messages").inner_text().replace(",", "")) >= 3
    expect(page.locator("table.data").first).to_contain_text("request_human")
    expect(page.locator("#stat-fallback")).to_have_text(re.compile(r"^\d+(\.\d)?%$"))
    shot(page, "analytics", full_page=True)

    page.get_by_role("button", name="로그아웃").click()
    expect(page).to_have_url(re.compile(r"/console/login\?notice=logged_out$"))
    assert page.errors == []


def test_a_web_chat_citizen_gets_the_staff_reply_live(page: Page, context, console_stack: ConsoleStack, shot) -> None:
    console = console_stack
    citizen = context.browser.new_context(viewport={"width": 1280, "height": 800}, locale="ko-KR", timezone_id="Asia/Seoul")
    try:
        chat = citizen.new_page()
        chat.goto(console.web_url + "/")
        widget = chat.locator("#seoul-chat-widget")
        widget.locator(".launcher").click()
        widget.get_by_label("메시지 입력").fill("상담원 연결해줘")
        widget.get_by_role("button", name="보내기", exact=True).click()
        bot = widget.locator('.msg[data-role="bot"] .bubble')
        expect(bot.last).to_contain_text("상담원 연결을 요청했어요", timeout=BOT_TIMEOUT)
        session = chat.evaluate(
            "() => { for (const k of Object.keys(localStorage)) { const v = JSON.parse(localStorage.getItem(k));"
            " if (v && v.sessionId) return v.sessionId; } return null; }"
        )

        page.on("dialog", lambda dialog: dialog.accept())
        sign_in(page, console)
        assert session, "the widget keeps its session id in localStorage"
        open_handoff(page, console, session)  # the web chat's session id is the conversation's sender id
        expect(page.locator(".facts")).to_contain_text("웹 채팅")
        page.get_by_role("button", name="상담 맡기").click()
        reply = "상담원입니다. 실시간으로 답장을 보내 드려요."
        page.get_by_label("시민에게 보낼 말 (2,000자까지)").fill(reply)
        page.get_by_role("button", name="보내기").click()
        expect(page.locator(".notice")).to_contain_text("채팅 창에 바로 표시됐어요")
        expect(bot.last).to_have_text(reply, timeout=15_000)  # arrived over socket.io, no reload
        shot(chat, "citizen-sees-staff-reply")
        shot(page, "staff-replied-live", full_page=True)

        page.get_by_role("button", name="도우미에게 돌려주기").click()
        expect(page).to_have_url(re.compile(r"/console/queue\?notice=returned$"))
        expect(bot.last).to_have_text(HANDBACK_MESSAGE, timeout=15_000)
        count = bot.count()
        widget.get_by_label("메시지 입력").fill("취업날개가 뭐예요?")
        widget.get_by_role("button", name="보내기", exact=True).click()
        expect(bot).not_to_have_count(count, timeout=BOT_TIMEOUT)  # the bot answers again
        expect(bot.nth(count)).to_contain_text("면접", timeout=BOT_TIMEOUT)
        shot(chat, "citizen-bot-answers-again")
        assert page.errors == []
    finally:
        citizen.close()
