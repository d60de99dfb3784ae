"""Programmes for a profile ("29살 서울 사는 취준생인데 받을 수 있는 지원 다 알려줘"), each with why."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import KnowledgeAction, Replies, mentioned_programme
from actions.fits import knows_about_citizen, utter_fits
from actions.programme_questions import ActionAnswerProgrammeQuestion, states_profile_facts
from knowledge.queries import KnowledgeBase


class ActionRecommendProgrammes(KnowledgeAction):
    """Eligible programmes first, then those that only need one more fact checked."""

    def name(self) -> Text:
        return "action_recommend_programmes"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        named = mentioned_programme(tracker, kb)
        if named is not None and states_profile_facts(tracker):
            # "서른다섯인데 취업날개 받을 수 있나요?": about that programme, not a list
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_programme_info", "ask_eligibility", named
            )
        if named is not None and not knows_about_citizen(tracker):
            # "소셜벤처 창업 준비중! 지원 프로그램 있음?": the programme named is the answer, not a profile question
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", named
            )
        return utter_fits(dispatcher, tracker, replies, kb)
