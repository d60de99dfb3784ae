"""What a citizen hears while staff have the conversation: thanks are answered in kind, the rest is "delivered"."""
from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ConversationPaused, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.handoff import delivered_response


def paused_tracker(text: str, intent: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events("citizen-1", [ConversationPaused()], slots=Domain.empty().slots)
    tracker.update(UserUttered(text, intent={"name": intent, "confidence": 0.9}))
    return tracker


@pytest.mark.parametrize(
    "text, intent, response",
    [
        ("넹 ㄱㅅ", "thanks", "utter_message_delivered_thanks"),
        ("수고하세요", "goodbye", "utter_message_delivered_thanks"),
        ("녹음 파일도 있어요", "inform", "utter_message_delivered"),
    ],
)
def test_a_message_while_waiting_for_staff(text: str, intent: str, response: str) -> None:
    tracker = paused_tracker(text, intent)
    assert tracker.is_paused()
    assert delivered_response(tracker) == response


def test_without_a_tracker_the_message_is_said_delivered() -> None:
    assert delivered_response(None) == "utter_message_delivered"


def test_a_question_is_answered_while_the_request_waits_not_once_staff_take_it(tmp_path) -> None:
    """"기다리는 동안 하나만, 옴부즈만 노무상담은 공짜 맞죠?" gets the bot's answer while nobody has taken the request;
    a message about the wait ("아직이에요?") and anything once staff took it go to staff."""
    from sqlalchemy import create_engine

    from bot.handoff import HandoffStore, asked_while_waiting

    store = HandoffStore(create_engine(f"sqlite:///{tmp_path}/handoff.db", future=True))
    request = store.request("citizen-1", "노무상담 문의")
    question = {
        "text": "기다리는 동안 하나만, 옴부즈만 노무상담은 공짜 맞죠?",
        "intent": {"name": "ask_cost", "confidence": 0.48},
        "entities": [{"entity": "programme", "value": "labour_ombudsman"}],
    }
    about_the_wait = {"text": "아직이에요?", "intent": {"name": "ask_open_now", "confidence": 0.76}, "entities": []}
    # (the wait said on the way to a question naming no programme: "기다리는 동안 하나만요 장애인 일자리 …")
    meanwhile = {"text": "기다리는 동안 하나만요 장애인 일자리 상반기 실적은 몇개에요", "intent": {"name": "ask_programme_info", "confidence": 0.6}, "entities": []}
    still_waiting = {"text": "기다리는 동안 연결은 언제 돼요?", "intent": {"name": "ask_programme_info", "confidence": 0.6}, "entities": []}
    assert asked_while_waiting(meanwhile, True, "citizen-1", store)
    situation = {"text": "기다리는동안 물어보자 무료로 법률지원 해주는데 있어?", "intent": {"name": "situation_labour_problem", "confidence": 0.7}, "entities": []}
    told = {"text": "무료로 법률지원 해주는데 있어?", "intent": {"name": "situation_labour_problem", "confidence": 0.7}, "entities": []}
    assert asked_while_waiting(situation, True, "citizen-1", store)
    assert not asked_while_waiting(told, True, "citizen-1", store)  # (a story for staff, unless asked meanwhile)
    assert not asked_while_waiting(still_waiting, True, "citizen-1", store)
    assert asked_while_waiting(question, True, "citizen-1", store)
    # "그동안 하나만 물어볼게 …" about a programme named: answered, however unsure the NLU (a story at 0.22)
    in_the_meantime = {
        "text": "그동안 하나만 물어볼게 공공근로 하반기엔 몇명 뽑았어", "intent": {"name": "situation_small_workplace", "confidence": 0.22},
        "entities": [{"entity": "programme", "value": "public_works"}],
    }
    assert asked_while_waiting(in_the_meantime, True, "citizen-1", store)
    assert not asked_while_waiting({**in_the_meantime, "entities": []}, True, "citizen-1", store)
    # facts told of a programme named, asked meanwhile (the NLU's inform): answered; without the programme, for staff
    figure_meanwhile = {
        "text": "기다리는 동안 하나만요 시-구 협력 일자리사업으로 만드는 일자리 총 몇개에요", "intent": {"name": "inform", "confidence": 0.67},
        "entities": [{"entity": "programme", "value": "district_cooperative_jobs"}],
    }
    assert asked_while_waiting(figure_meanwhile, True, "citizen-1", store)
    assert not asked_while_waiting({**figure_meanwhile, "entities": []}, True, "citizen-1", store)
    assert not asked_while_waiting(question, False, "citizen-1", store)  # (not paused: Rasa answers anyway)
    assert not asked_while_waiting(about_the_wait, True, "citizen-1", store)
    assert not asked_while_waiting(question, True, "citizen-2", store)  # (no request of theirs waits)
    store.take(request.id, "staff-1")
    assert not asked_while_waiting(question, True, "citizen-1", store)
