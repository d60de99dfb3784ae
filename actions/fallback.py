"""The first stage of the two-stage fallback: "did you mean …?" with the two likeliest topics."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import Replies

# never offered as a guess: they are not topics a citizen would pick
_NOT_TOPICS = {"nlu_fallback", "out_of_scope", "affirm", "deny", "inform", "thanks", "goodbye", "bot_challenge"}


class ActionDefaultAskAffirmation(Action):
    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        replies = Replies(domain)
        ranking = tracker.latest_message.get("intent_ranking") or []
        guesses = [item["name"] for item in ranking if item.get("name") not in _NOT_TOPICS][:2]
        buttons = [{"title": replies.label("intents", name), "payload": f"/{name}"} for name in guesses if name]
        buttons.append({"title": replies.text("utter_did_you_mean_none"), "payload": "/out_of_scope"})
        dispatcher.utter_message(text=replies.text("utter_did_you_mean"), buttons=buttons)
        return []
