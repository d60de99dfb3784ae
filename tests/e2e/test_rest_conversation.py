"""A multi-turn Korean conversation over the real REST channel, servers started for real."""
from __future__ import annotations

import uuid

from tests.e2e.conftest import Stack


def joined(messages) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def test_multi_turn_conversation_keeps_context(stack: Stack) -> None:
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    greeting = stack.say(sender, "안녕하세요")
    assert "서울 일자리·노동 도우미" in joined(greeting)
    assert greeting[-1].get("buttons"), "the greeting offers quick replies"

    info = joined(stack.say(sender, "취업날개가 뭐예요?"))
    assert "면접" in info and "2018년 7월 기준" in info

    follow_up = joined(stack.say(sender, "나이 제한은요?"))
    assert "34" in follow_up or "만 나이로 몇 살" in follow_up

    verdict = joined(stack.say(sender, "36살이요"))
    assert "맞지 않아요" in verdict

    hours = joined(stack.say(sender, "청년일자리센터 토요일에도 해요?"))
    assert "10:00~18:00" in hours

    corrected = joined(stack.say(sender, "아 아니 서초쉼터요"))
    assert "서초쉼터" in corrected and "18:00" in corrected

    slots = stack.tracker(sender)["slots"]
    assert slots["programme"] == "rest_area" and slots["age"] == 36


def test_situation_story_leads_to_free_labour_consultation(stack: Stack) -> None:
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    reply = joined(stack.say(sender, "사장이 석 달째 월급을 안 줘요. 연락도 안 받아요"))
    assert "노동권리보호관" in reply or "노동옴부즈만" in reply


def test_handoff_pauses_the_bot_until_staff_hand_it_back(stack: Stack) -> None:
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    reply = joined(stack.say(sender, "상담원 연결해줘"))
    assert "120" in reply
    assert stack.tracker(sender)["paused"] is True
    paused = stack.say(sender, "여보세요?")  # paused: a person answers, not the bot; the citizen learns it arrived
    assert len(paused) == 1 and "상담원에게 전달" in paused[0]["text"] and "120" in paused[0]["text"]
    assert stack.tracker(sender)["latest_message"]["text"] == "여보세요?"  # nothing lost


def test_a_question_asked_while_waiting_for_staff_is_still_answered(stack: Stack) -> None:
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    assert "상담원" in joined(stack.say(sender, "사람이랑 직접 얘기하고 싶어요"))
    answer = joined(stack.say(sender, "기다리는 동안 하나만, 기술교육원 나이제한 있어?"))
    assert "15세" in answer and "상담원 연결 요청은 그대로" in answer  # the fact, and the request still stands
    assert stack.tracker(sender)["paused"] is True
    waiting = stack.say(sender, "아직이에요?")  # about the wait: for staff
    assert len(waiting) == 1 and "상담원에게 전달" in waiting[0]["text"]


def _post_raw(stack: Stack, raw: bytes):
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/rest/webhook", data=raw, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_bad_input_gets_a_clear_400_and_the_conversation_goes_on(stack: Stack) -> None:
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    assert "면접" in joined(stack.say(sender, "취업날개가 뭐예요?"))
    for raw in [b"{oops", b"\x00\xff", b'{"sender": "x"}', b'{"sender": "x", "message": ""}', b"[]"]:
        status, text = _post_raw(stack, raw)
        assert status == 400 and "error" in text.decode("utf-8", "replace")
    status, _ = _post_raw(stack, ('{"sender": "%s", "message": "%s"}' % (sender, "가" * 100_000)).encode())
    assert status == 400
    assert "취업날개" in joined(stack.say(sender, "신청은 어떻게 해요?"))  # context survived the bad requests
    assert stack.tracker(sender)["slots"]["programme"] == "interview_suit_rental"


def test_low_confidence_asks_did_you_mean_with_buttons(stack: Stack) -> None:
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    reply = stack.say(sender, "/nlu_fallback")  # what the FallbackClassifier predicts below its threshold
    assert "혹시 이런 뜻이었나요?" in joined(reply)
    assert reply[-1]["buttons"][-1]["payload"] == "/out_of_scope"
