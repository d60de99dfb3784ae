"""Detail questions no intent names ("거기 몇 층이에요?", "시급 얼마예요?"): the one fact that answers them.

The knowledge base finds the fact (knowledge/fact_search.py); this module decides when to look and says it.
It is used for follow-ups about the programme being discussed, for questions whose usual answer field is
empty in the report (cost, how to apply, where), for "when does it open" asked as an hours question, and for
messages the NLU put out of scope while a programme is being discussed.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import KnowledgeAction, Replies, current_programme, intent_payload, source_values
from knowledge.queries import KnowledgeBase, ProgrammeInfo

# "언제 열어요 / 몇 월에" asks for a date; "몇 시 / 몇시까지" asks for opening hours (answered from the hours)
DATE_QUESTION = re.compile(r"언제|며칠|몇\s*월|기간|개관|개소|생기|생겨|시작|오픈|열리|모집")
CLOCK_QUESTION = re.compile(r"몇\s*시|[0-9]\s*시|시\s*까지|시\s*부터|오전|오후|새벽|밤")


def detail_answer(
    replies: Replies, kb: KnowledgeBase, programme: Optional[ProgrammeInfo], question: str, place: Optional[str] = None
) -> Optional[Tuple[str, ProgrammeInfo]]:
    """The reply with the facts answering ``question`` (about ``programme``, or any programme when None) and
    the programme they are about; None when no fact clearly answers it."""
    if not question or question.startswith("/"):
        return None
    facts = kb.find_facts(question, programme.slug if programme is not None else None, place)
    about = programme or (kb.programme(facts[0].programme_slug) if facts else None)
    if not facts or about is None:
        return None
    lines = "\n".join(f"- {fact.text}" for fact in facts if fact.programme_slug == about.slug)
    return replies.text("utter_fact_answer", facts=lines, **source_values(about)), about


# "몇 명 / 몇 개 / 몇 군데 / 경쟁률 / 몇 층 / 기간": a number of the report, not a rule about who may use it
FIGURE_QUESTION = re.compile(r"몇\s*(명|분|개|군데|곳|층|프로)|명이나|개나|경쟁|률|기간|예산|규모|얼마나\s*(많|있)")


def asks_for_a_figure(question: str) -> bool:
    return bool(FIGURE_QUESTION.search(question)) or asks_for_a_date(question)


def asks_for_a_date(question: str) -> bool:
    return bool(DATE_QUESTION.search(question)) and not CLOCK_QUESTION.search(question)


class ActionAnswerDetailOrOutOfScope(KnowledgeAction):
    """An out-of-scope message may still be a detail question about the programme in context ("5층엔 뭐
    들어와요?") or name a fact outright ("공정무역 도시 인증은 언제예요?"); otherwise it is out of scope."""

    def name(self) -> Text:
        return "action_answer_detail_or_out_of_scope"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        question = tracker.latest_message.get("text") or ""
        programme = current_programme(tracker, kb)
        found = detail_answer(replies, kb, programme, question, tracker.get_slot("place"))
        if found is None and programme is not None:
            found = detail_answer(replies, kb, None, question)  # a clear fact about another programme
        if found is None:
            dispatcher.utter_message(text=replies.text("utter_out_of_scope"))
            return []
        text, about = found
        more = replies.button("utter_button_more", intent_payload("ask_programme_info", programme=about.slug))
        dispatcher.utter_message(text=text, buttons=[more])
        return [SlotSet("programme", about.slug)]
