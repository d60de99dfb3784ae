"""Asking for a person queues the conversation and pauses the bot; "did you mean" offers two topics."""
from __future__ import annotations

from actions.fallback import ActionDefaultAskAffirmation
from actions.handoff import ActionRequestHuman, handoff_store
from tests.unit.actions.conftest import make_tracker, run_action, texts


async def test_handoff_is_recorded_and_pauses(domain) -> None:
    events = [
        {"event": "user", "text": "사장이 석 달째 월급을 안 줘요"},
        {"event": "user", "text": "상담원 연결해줘"},
    ]
    tracker = make_tracker("request_human", "상담원 연결해줘", events=events)
    messages, result = await run_action(ActionRequestHuman(), tracker, domain)
    assert "120" in texts(messages)
    assert result == [{"event": "pause", "timestamp": None}]
    queued = [h for h in handoff_store().open_requests() if h.sender_id == "citizen-1"]
    assert len(queued) == 1 and "월급" in queued[0].reason
    await run_action(ActionRequestHuman(), tracker, domain)  # asking twice queues once
    assert len([h for h in handoff_store().open_requests() if h.sender_id == "citizen-1"]) == 1


async def test_did_you_mean_offers_the_two_likeliest_topics(domain) -> None:
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.9},
        {"name": "ask_hours", "confidence": 0.4},
        {"name": "inform", "confidence": 0.3},
        {"name": "ask_location", "confidence": 0.2},
        {"name": "ask_cost", "confidence": 0.1},
    ]
    tracker = make_tracker("nlu_fallback", "거기 언제", ranking=ranking)
    messages, _ = await run_action(ActionDefaultAskAffirmation(), tracker, domain)
    buttons = messages[0]["buttons"]
    assert [b["payload"] for b in buttons] == ["/ask_hours", "/ask_location", "/out_of_scope"]
    assert buttons[0]["title"] == "운영시간"
