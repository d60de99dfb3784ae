"""The first stage of the two-stage fallback: "did you mean …?" with the two likeliest topics.

In a conversation about a programme, a message the NLU is unsure of is often a follow-up about it ("구마다 몇 명씩
있는데요"): when the knowledge base clearly answers it, that answer comes instead of the question.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.context import KnowledgeAction, Replies, current_programme, knows_about_citizen
from actions.details import policy_figure_answer, policy_figure_follow_up
from actions.fits import answer_about_fits
from actions.open_questions import answer_about_current_programme, answer_facts_told
from actions.programme_questions import POLICY_FIGURE_STRONG
from knowledge.queries import KnowledgeBase

# the fallback loop ends with an answer, and the bot waits for the citizen
_ANSWERED = [ActiveLoop(None), FollowupAction("action_listen")]
# never offered as a guess: they are not topics a citizen would pick
_NOT_TOPICS = {"nlu_fallback", "out_of_scope", "affirm", "deny", "inform", "thanks", "goodbye", "bot_challenge"}


class ActionDefaultAskAffirmation(KnowledgeAction):
    def name(self) -> Text:
        return "action_default_ask_affirmation"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        told = answer_facts_told(dispatcher, tracker, replies, kb) if knows_about_citizen(tracker) else None
        if told is not None:  # "아 잠깐, 지난달에 생일이 지나서 이제 35살이에요" (unsure, in the form): the verdict again
            # (the fallback ends here too, or the next message would revert the verdict's slots as a rephrasing)
            followed = any(e.get("event") == "followup" for e in told)
            return told + ([ActiveLoop(None)] if followed else _ANSWERED)
        # an answer, not a "did you mean": the fallback ends here, so that the next message (however unsure the NLU
        # is of it: "치유프로그램은 언제까지 해요") is read afresh rather than as the answer to a question not asked
        fits = answer_about_fits(dispatcher, tracker, replies, kb)  # "그럼 나같은 사람이 해볼만한건 뭐있어"
        if fits is not None:
            return fits + _ANSWERED
        text = tracker.latest_message.get("text") or ""
        figure = policy_figure_follow_up(tracker, replies, kb) or policy_figure_answer(
            replies, kb, text, POLICY_FIGURE_STRONG if current_programme(tracker, kb) else 0
        )
        if figure is not None:  # "ㅇㅋ 그럼 올해 서울시 일자리 목표는 몇 개야" (unsure): the bureau's own figure
            dispatcher.utter_message(text=figure)
            return _ANSWERED
        events = answer_about_current_programme(dispatcher, tracker, replies, kb)
        if events is not None:
            return events + _ANSWERED
        ranking = tracker.latest_message.get("intent_ranking") or []
        guesses = [item["name"] for item in ranking if item.get("name") not in _NOT_TOPICS][:2]
        buttons = [{"title": replies.label("intents", name), "payload": f"/{name}"} for name in guesses if name]
        buttons.append({"title": replies.text("utter_did_you_mean_none"), "payload": "/out_of_scope"})
        dispatcher.utter_message(text=replies.text("utter_did_you_mean"), buttons=buttons)
        return []
