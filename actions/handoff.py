"""Handing a conversation to a person: queue it for the staff console and pause the bot."""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.context import Replies, knowledge_base
from actions.open_questions import answer_about_current_programme
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.fits import utter_for_employers_hiring
from actions.question_words import ASKS_FOR_STAFF, HANDOFF_WORDS
from bot.handoff import HandoffStore
from knowledge.db import get_engine

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def handoff_store() -> HandoffStore:
    return HandoffStore(get_engine())


def handoff_reason(tracker: Tracker) -> str:
    """The citizen's last words before asking for a person: what staff should read first."""
    texts = [
        event.get("text") or ""
        for event in tracker.events
        if event.get("event") == "user" and not (event.get("text") or "").startswith("/")
    ]
    return " / ".join(texts[-3:])


class ActionRequestHuman(Action):
    def name(self) -> Text:
        return "action_request_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        replies = Replies(domain)
        text = tracker.latest_message.get("text") or ""
        hiring = None if text.startswith("/") or ASKS_FOR_STAFF.search(text) else utter_for_employers_hiring(
            dispatcher, tracker, replies, knowledge_base()
        )
        if hiring is not None:  # "… 청년 채용할 때 시에서 사람 연결해주거나 …": people to hire, not a person to talk to
            return hiring
        if not text.startswith("/") and not HANDOFF_WORDS.search(text):
            # "이용한 사람 몇명이나 돼" (read as asking for a person): a question about the programme in context
            try:
                kb = knowledge_base()
                events = answer_about_current_programme(dispatcher, tracker, replies, kb, any_question_named=True)
                nothing_in_context = tracker.get_slot("programme") is None
                described = kb.described_programme(text) if events is None and nothing_in_context else None
                if described is not None:  # "비정규직 정규직으로 바꿔 준다던데, 실제로 바뀐 사람이 있긴 해요?"
                    events = ActionAnswerProgrammeQuestion().respond(
                        dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", described
                    )
            except SQLAlchemyError:
                events = None
            if events is not None:
                return events
        channel = tracker.get_latest_input_channel()
        try:
            handoff_store().request(tracker.sender_id, handoff_reason(tracker), channel)
        except SQLAlchemyError:
            logger.exception("could not queue a handoff for %s", tracker.sender_id)
            dispatcher.utter_message(text=replies.text("utter_handoff_failed"))
            return []
        dispatcher.utter_message(text=replies.text("utter_handoff_requested"))
        return [ConversationPaused()]
