"""Programmes for a profile ("29살 서울 사는 취준생인데 받을 수 있는 지원 다 알려줘"), each with why."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import KnowledgeAction, Replies, intent_payload, join, mentioned_programme, profile_from_tracker
from actions.programme_questions import ActionAnswerProgrammeQuestion, states_profile_facts
from knowledge.queries import KnowledgeBase, Profile, Recommendation, Verdict


def profile_summary(replies: Replies, profile: Profile) -> str:
    parts = []
    if profile.age is not None:
        parts.append(replies.label("profile", "age", age=profile.age))
    if profile.seoul_resident is not None:
        parts.append(replies.label("profile", "seoul" if profile.seoul_resident else "outside"))
    if profile.job_status:
        parts.append(replies.label("profile", profile.job_status))
    return join(parts)


def _why(replies: Replies, recommendation: Recommendation) -> str:
    result = recommendation.result
    if result.verdict is Verdict.ELIGIBLE:
        return replies.text("utter_recommend_why_eligible", met=join(result.met))
    missing = join(replies.label("missing", field) for field in result.missing)
    return replies.text("utter_recommend_why_missing", met=join(result.met), missing=missing)


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
        profile = profile_from_tracker(tracker)
        summary = profile_summary(replies, profile)
        if not summary:
            dispatcher.utter_message(text=replies.text("utter_recommend_ask_profile"))
            return []
        recommendations = kb.recommend(profile, limit=5)
        if not recommendations:
            dispatcher.utter_message(text=replies.text("utter_recommend_none", profile=summary))
            return []
        lines = [replies.text("utter_recommend_intro", profile=summary)]
        lines += [
            replies.text("utter_recommend_line", name=r.programme.name, why=_why(replies, r))
            for r in recommendations
        ]
        lines.append(replies.text("utter_recommend_footer", as_of=recommendations[0].programme.as_of_label))
        dispatcher.utter_message(
            text="\n".join(lines),
            buttons=[
                {"title": r.programme.name, "payload": intent_payload("ask_programme_info", programme=r.programme.slug)}
                for r in recommendations[:4]
            ],
        )
        return []
