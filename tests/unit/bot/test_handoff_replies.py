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
