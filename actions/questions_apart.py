"""Several questions in one message, each answered: "일자리카페 몇개나 있고 이용료 따로 있어요?" → 73곳, 무료.

The NLU gives a message one intent, and classifies each of its questions apart when it asks several
(knowledge/clauses.py, bot/nlu/linear_intent_classifier.py: ``latest_message["questions"]``). The action that
answers the message first answers each question as if it had been asked alone, in order, by the action that
answers its intent; the slots one answer sets (the programme, the place) carry to the next ("일요일도 여나요?
글고 거기 모의면접도 해줘요?"). The message is answered whole, as before, when its questions all ask the same thing
of the same programme ("기술교육원 몇군데 있고 학과는 몇개에요?"), when a question's intent is a guess and nothing is
discussed, and when two questions get one answer (or one gets none): then they were one question in two parts.
"""
from __future__ import annotations

import copy
import re
from typing import Any, ClassVar, Dict, List, Optional, Text, Tuple, Type

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.context import QUESTION_INTENTS, SURE_OF_A_QUESTION, KnowledgeAction, Replies, current_programme, profile_from_tracker
from actions.eligibility import utter_verdict
from knowledge.clauses import QUESTION_WORD
from knowledge.fact_search import ASKING_NOUNS
from knowledge.morphology import nouns
from knowledge.queries import KnowledgeBase, Verdict, check_eligibility

# below this confidence a question's own intent is a guess (short ones: "몇명 있어요?" 0.28): a question about a
# programme (but its eligibility, whose answer starts a form) keeps it, another is a question about what is discussed
# ("ask_programme_info", whose answer finds the detail the words ask for); with nothing discussed, the message is
# answered whole
_GUESSED_QUESTIONS = frozenset(QUESTION_INTENTS) - {"ask_eligibility"}
# what a question after the first asks, whatever the NLU made of it alone: a detail of what is discussed, not a new
# situation or request ("자격증 따는것도 지원해줌?" read as a wish to train)
_DETAIL = "ask_programme_info"
_ONLY_FIRST = ("situation_", "recommend_programmes")
# actions that may have run before the first answer of a turn
_BEFORE_ANSWERS = frozenset({"action_listen", "action_deactivate_loop", None})


class AnswersQuestionsApart(KnowledgeAction):
    """A knowledge action that answers each question of a message asking several; ``answered_intents`` names the
    intents whose questions it answers (registered here, so a question goes to the action for its intent)."""

    answered_intents: ClassVar[Tuple[str, ...]] = ()
    _by_intent: ClassVar[Dict[str, Type["AnswersQuestionsApart"]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for intent in cls.__dict__.get("answered_intents", ()):
            AnswersQuestionsApart._by_intent[intent] = cls

    def answer_message(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        questions = questions_apart(tracker)
        if not questions or not first_answer_of_the_turn(tracker):
            return self.answer(dispatcher, tracker, replies, kb)
        events: List[Dict[Text, Any]] = []
        answers: List[Dict[Text, Any]] = []
        said = set()
        # (an eligibility question the message asks as a whole: the form gives its verdict after this action)
        form_follows = (tracker.latest_message.get("intent") or {}).get("name") == "ask_eligibility"
        for question in questions:
            action = AnswersQuestionsApart._by_intent[question["intent"]["name"]]()
            asked_alone = CollectingDispatcher()
            events += action.answer(asked_alone, tracker_asking(tracker, question, events), replies, kb)
            if question["intent"]["name"] == "ask_eligibility" and not asked_alone.messages:
                # (the form gives the verdict after this action: here, in its place among the answers)
                _verdict_if_known(asked_alone, tracker_asking(tracker, question, events), replies, kb)
            new = [m for m in asked_alone.messages if (m.get("text"), m.get("response")) not in said]
            if not new and not (form_follows and question["intent"]["name"] == "ask_eligibility"):
                # one answer for two questions, or none for one: they were one question in two parts ("…생활임금이라는
                # 거죠? 일반 민간 회사도 그만큼 줘야 되는 거예요?"), which the message as a whole asks best
                return self.answer(dispatcher, tracker, replies, kb)
            said.update((m.get("text"), m.get("response")) for m in new)
            answers += new
        dispatcher.messages.extend(answers)
        return events


def _verdict_if_known(dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase) -> None:
    programme = current_programme(tracker, kb)
    profile = profile_from_tracker(tracker)
    # (one without rules, "서초쉼터 … 주로 누가 와요?": whom the report says it serves; no form will ask anything)
    if programme is not None and (not programme.checkable_rules or check_eligibility(programme, profile).verdict is not Verdict.UNKNOWN):
        utter_verdict(dispatcher, replies, kb, programme, profile)


def questions_apart(tracker: Tracker) -> List[Dict[str, Any]]:
    """The questions of the latest message to answer one by one, or [] when it is one question (or asks one thing
    several times)."""
    questions = []
    discussed = tracker.get_slot("programme")
    for index, question in enumerate(tracker.latest_message.get("questions") or []):
        intent = question.get("intent") or {}
        name = intent.get("name")
        # (a programme named by a question before is discussed too: "사회투자기금 올해 융자 총 얼마고 이자는 몇프로에요")
        discussed = _programme_named(tracker, question) or discussed
        if intent.get("confidence", 0.0) < SURE_OF_A_QUESTION:
            if not discussed:
                return []
            name = name if name in _GUESSED_QUESTIONS else _DETAIL
        elif index > 0 and name.startswith(_ONLY_FIRST):
            name = _DETAIL
        elif name == "inform" and discussed and QUESTION_WORD.search(question.get("text") or ""):
            name = _DETAIL  # "뉴딜 올해 몇명 뽑고 …" read as a statement: it asks a number of what is discussed
        if name in AnswersQuestionsApart._by_intent:
            questions.append({**question, "intent": {"name": name, "confidence": intent.get("confidence", 0.0)}})
    if len(questions) < 2:
        return []
    asked = set()
    programme: Optional[str] = None
    for question in questions:
        programme = _programme_named(tracker, question) or programme
        asked.add((question["intent"]["name"], programme))
    # two details of one programme asked in two kinds of number ("융자 총 얼마고 이자는 몇프로에요": an amount, a rate)
    # are two questions; two counts ("몇군데 있고 학과는 몇개에요") one, which the message as a whole answers
    kinds = {kind for question in questions for kind in _figure_kinds(question["text"])}
    # and a number beside something else, each naming its own thing ("스터디룸 몇개 있어요? 모의면접도 해줘요?": a count,
    # then whether it offers one; not "… 취업까지 간 사람 있긴함? 몇명이나", one question in two parts)
    counted_and_not = bool(kinds) and any(not _figure_kinds(question["text"]) for question in questions) and all(
        _names_its_own_thing(without_programme_words(question["text"])) for question in questions
    )
    return questions if len(asked) > 1 or len(kinds) > 1 or counted_and_not else []


def without_programme_words(text: str) -> str:
    """The text without a programme's usual words for itself ("청년일자리센터에"): what is left names the thing asked."""
    return _PROGRAMME_WORDS.sub(" ", text)


# the words that name a programme or a place of it, not a thing asked about
_PROGRAMME_WORDS = re.compile(r"[가-힣]*(?:센터|쉼터|교육원|카페|일자리|사업)(?:에서|에는|에|은|는|이|가|도)?")


def _names_its_own_thing(text: str) -> bool:
    return any(len(noun) >= 2 and noun not in ASKING_NOUNS and not noun.startswith(("사람", "인원")) for noun in nouns(text))


# the kinds of number a question asks for: an amount of money, a rate, a count
_FIGURE_KINDS = (
    ("amount", re.compile(r"얼마|금액|몇\s*억|몇\s*원")),
    ("rate", re.compile(r"몇\s*(?:프로|퍼센트|%)|이자율|비율|률")),
    ("count", re.compile(r"몇\s*(?:명|개|곳|군데|건)")),
)


def _figure_kinds(text: str) -> List[str]:
    return [kind for kind, pattern in _FIGURE_KINDS if pattern.search(text)]


def first_answer_of_the_turn(tracker: Tracker) -> bool:
    """Whether nothing has answered the latest message yet (a form's verdict later in the turn is not a question's
    first answer)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "bot" or (event.get("event") == "action" and event.get("name") not in _BEFORE_ANSWERS):
            return False
    return True


def _programme_named(tracker: Tracker, question: Dict[str, Any]) -> Optional[str]:
    return next((str(e.get("value")) for e in _entities_in(tracker, question) if e.get("entity") == "programme"), None)


def _entities_in(tracker: Tracker, question: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [
        e for e in tracker.latest_message.get("entities") or []
        if e.get("start") is not None and question["start"] <= e["start"] and e.get("end", 0) <= question["end"]
    ]


def tracker_asking(tracker: Tracker, question: Dict[str, Any], answered: List[Dict[Text, Any]]) -> Tracker:
    """The conversation as if the latest message had been ``question`` alone, with the slots the answers to the
    questions before it set."""
    message = {
        **tracker.latest_message,
        "text": question["text"],
        "intent": question["intent"],
        "intent_ranking": [question["intent"]],
        "entities": _entities_in(tracker, question),
        "questions": [],
    }
    slots = copy.deepcopy(tracker.slots)
    events = copy.deepcopy(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "user":
            events[index] = {**events[index], "text": question["text"], "parse_data": message}
            break
    for event in answered:
        if event.get("event") == "slot":
            slots[event["name"]] = event.get("value")
            events.append(event)
    named = _programme_named(tracker, question)
    if named is not None:  # (a programme named in this question, whatever the one before was about)
        slots["programme"] = named
    return Tracker(
        tracker.sender_id, slots, message, events, tracker.is_paused(), tracker.followup_action,
        tracker.active_loop, tracker.latest_action_name,
    )
