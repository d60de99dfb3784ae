"""Eligibility as a conversation: ask only for the facts a programme's rules still need, then judge."""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.context import (
    BOTH_ASKED,
    KnowledgeAction,
    Replies,
    current_programme,
    join,
    knowledge_base,
    profile_from_tracker,
    programme_buttons,
)
from actions.details import asks_for_a_figure
from actions.question_words import question_named
from knowledge.queries import (
    RULE_NEEDS,
    KnowledgeBase,
    ProgrammeInfo,
    Profile,
    Verdict,
    check_eligibility,
)

# Profile field → the slot that holds it; fields without a slot are never asked for
PROFILE_SLOTS = {
    "age": "age",
    "seoul_resident": "residence",
    "job_status": "job_status",
    "has_regular_income": "has_regular_income",
    "job_seeker_registered": "job_seeker_registered",
    "workplace_size": "workplace_size",
}
logger = logging.getLogger(__name__)
# "최소 나이는?", "몇 살부터 돼요?": the age limit asked back instead of an age given
# "서울 살아야 됨?", "구직등록 해야 돼요?": a rule asked about (whether one must), not an answer
RULE_ASKED = re.compile(r"(?:살아야|해야|있어야|없어야|돼야|되어야|이어야|여야)\s*(?:되|돼|됨|함|하|해|합|됩|\?|$)")
AGE_LIMIT_ASKED = re.compile(r"(?:최소|최대|최저|최고|제한)\s*(?:나이|연령)|나이\s*(?:제한|기준)|몇\s*살\s*(?:부터|까지)")
_NUMBER = re.compile(r"\d{1,3}")
_OTHER_QUESTIONS = ("ask_location", "ask_cost", "ask_hours", "ask_open_now", "ask_how_to_apply", "ask_contact")
# "… 없어요", "… 없음": an answer ending on "none"
_ENDS_WITH_NONE = re.compile(r"(?<![가-힣])(?:소득은?\s*|수입은?\s*)?(?:없어요|없습니다|없음|없어|없어여|없죠|없고요)\s*[.!~ㅠㅜㅋㅎ]*\s*$")
# "네 했어요", "등록 해놨어요": the registration a form asks next, said ahead
_DONE_AHEAD = re.compile(r"(?:^|\s)(?:네|예|넵)?\s*(?:등록\s*)?(?:했어요|했습니다|했고|해놨어요|해놨고|했음)")


def slot_the_form_asked(tracker: Tracker) -> Optional[str]:
    """The slot the eligibility form had just asked for when the citizen wrote their latest message (a rule may
    have stopped the form since, when the NLU took the answer for something else: "알바생 포함해서 9명이에요")."""
    events = tracker.events
    latest_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=None)
    for event in reversed(events[:latest_user] if latest_user is not None else []):
        if event.get("event") == "user":
            return None
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            return event.get("value")
    return None


def eligibility_text(replies: Replies, programme: ProgrammeInfo, profile: Profile) -> str:
    """The verdict with its reasons, or the rules themselves while facts are missing."""
    result = check_eligibility(programme, profile)
    notes = replies.text("utter_notes_line", notes=join(result.notes)) if result.notes else ""
    values = dict(name=programme.name, source=programme.source_section, as_of=programme.as_of_label, notes=notes)
    if not programme.checkable_rules:
        # "일반 시민도 가도 돼요?": whom the report names the programme for is the nearest thing to a rule it has
        groups = replies.text("utter_target_groups_line", groups=join(programme.target_groups)) if programme.target_groups else ""
        return replies.text("utter_eligibility_no_rules", summary=programme.summary, groups=groups, **values)
    if result.verdict is Verdict.ELIGIBLE:
        return replies.text("utter_eligible", met=join(result.met), **values)
    rules = join(rule.text for rule in programme.checkable_rules)
    if result.verdict is Verdict.NOT_ELIGIBLE:  # all the rules, for "나이 제한은 몇 살까지예요?" after a no on residence
        others = len(result.failed) < len(programme.checkable_rules)
        all_rules = replies.text("utter_all_rules_line", rules=rules) if others else ""
        return replies.text("utter_not_eligible", failed=join(result.failed), rules=all_rules, **values)
    return replies.text("utter_eligibility_unknown", rules=rules, **values)


# the report's young people: 뉴딜일자리 is for "만 18~39세 청년", the widest youth age it gives
YOUTH = "청년"
YOUTH_AGES = (18, 39)
# the groups a programme for young job seekers also names (청년일자리센터: 청년, 구직자); one naming 시민 or 실업자
# too (기술교육원) is for anyone
_YOUTH_AND_ALIKE = {YOUTH, "구직자", "기업"}


def for_youth_only(programme: ProgrammeInfo) -> bool:
    """Whether the report names the programme for young people alone (청년일자리센터, 일자리카페)."""
    return YOUTH in programme.target_groups and set(programme.target_groups) <= _YOUTH_AND_ALIKE


def alternatives(kb: KnowledgeBase, profile: Profile, programme: ProgrammeInfo) -> List[ProgrammeInfo]:
    """Programmes this profile can use instead: first those for the same situations (labour advice elsewhere when
    a workplace is too big for 마을노무사), then those the profile fits; none it is known not to qualify for, and
    none the report names for young people alone when the citizen is past the youth ages (a 52-year-old turned
    down by 뉴딜일자리 is not sent to 청년일자리센터)."""
    same_purpose = [other for situation in programme.situations for other in kb.for_situation(situation)]
    fitting = [r.programme for r in kb.recommend(profile, limit=4)]
    past_youth = profile.age is not None and profile.age > YOUTH_AGES[1]
    chosen: List[ProgrammeInfo] = []
    for other in same_purpose + fitting:
        if other.slug == programme.slug or any(other.slug == c.slug for c in chosen):
            continue
        if past_youth and for_youth_only(other):
            continue
        if check_eligibility(other, profile).verdict is not Verdict.NOT_ELIGIBLE:
            chosen.append(other)
    return chosen[:3]


# what the NLU may be sure a message asks for instead of answering the form, whatever fact it tells on the way
_ANOTHER_REQUEST = frozenset({
    "ask_programme_info", "ask_hours", "ask_open_now", "ask_location", "ask_how_to_apply", "ask_cost", "ask_contact",
    "recommend_programmes", "request_human",
})
_SURE_OF_ANOTHER_REQUEST = 0.8


# "아 잘못말함 뉴딜일자리요", "아 아니 뉴딜이요": the programme corrected (not another question about one)
PROGRAMME_CORRECTED = re.compile(r"잘못\s*(?:말|쳤|침|썼|눌|봤)|(?<![가-힣])아\s*아니|아니\s*아니|ㄴㄴ|말고|아니고|정정")


def asks_for_something_else(tracker: Tracker) -> bool:
    """Whether the NLU is sure the latest message asks for another thing than the form's question: "딸이 면접 보는데
    정장 무료로 빌려주는 데 있다던데요" tells a fact (면접: looking for work) on the way, and is no answer."""
    intent = tracker.latest_message.get("intent") or {}
    name = str(intent.get("name"))
    return (intent.get("confidence") or 0.0) >= _SURE_OF_ANOTHER_REQUEST and (
        name.startswith("situation_") or name in _ANOTHER_REQUEST
    )


def answers_the_form(tracker: Tracker) -> bool:
    """Whether the latest message answers the eligibility form that had just asked a question (whatever the NLU
    made of the rest of it: "네 고용센터에 구직등록 했어요" may read as out of scope)."""
    facts = set(PROFILE_SLOTS.values())  # an answer may give another fact than the one asked ("구직등록 했어요")
    told = any(e.get("entity") in facts for e in tracker.latest_message.get("entities", []))
    return bool(slot_the_form_asked(tracker)) and told and not asks_for_something_else(tracker)


def _programme_before(tracker: Tracker, current: str) -> Optional[ProgrammeInfo]:
    """The programme discussed before the current one ("둘 다" of 취업날개, then 뉴딜일자리)."""
    kb = knowledge_base()
    for event in reversed(tracker.events):
        value = event.get("value") if event.get("event") == "slot" and event.get("name") == "programme" else None
        if value and value != current and kb.programme(str(value)) is not None:
            return kb.programme(str(value))
    return None


def _none_said_last(tracker: Tracker) -> List[Dict[Text, Any]]:
    """"네 했어요 없어요" to "소득이 있으세요?" (read as a yes, registration answered ahead): the word the answer ends on
    is the income's (없어요); the "네 했어요" before it, the registration the form would ask next."""
    text = tracker.latest_message.get("text") or ""
    if tracker.get_slot("requested_slot") != "has_regular_income" or tracker.get_slot("has_regular_income") is not True:
        return []
    if not _ENDS_WITH_NONE.search(text) or (tracker.latest_message.get("intent") or {}).get("name") != "affirm":
        return []
    events = [SlotSet("has_regular_income", False)]
    if tracker.get_slot("job_seeker_registered") is None and _DONE_AHEAD.search(text):
        events.append(SlotSet("job_seeker_registered", True))
    return events


def asks_another_question(tracker: Tracker) -> bool:
    """"작년 취업률은" while the form asks the age (a fact, to the NLU): a figure or another question asked instead of
    an answer, with no fact told; not the form's own rules asked back ("최소 나이는?")."""
    text = tracker.latest_message.get("text") or ""
    # (only the age takes any text typed while it is asked; for the other facts Rasa rejects the form and the rules answer)
    if (
        tracker.get_slot("requested_slot") != "age" or (tracker.latest_message.get("intent") or {}).get("name") != "inform"
        or _NUMBER.search(text) or AGE_LIMIT_ASKED.search(text) or RULE_ASKED.search(text)
    ):  # (the age's text mapping takes a fact's message; any other intent is Rasa's rules' to answer)
        return False
    if any(e.get("entity") in set(PROFILE_SLOTS.values()) for e in tracker.latest_message.get("entities", [])):
        return False
    return asks_for_a_figure(text) or question_named(text) in _OTHER_QUESTIONS


class ValidateEligibilityForm(FormValidationAction):
    """Chooses which facts to ask for, per programme, and checks the typed answers."""

    def name(self) -> Text:
        return "validate_eligibility_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        if asks_another_question(tracker):  # the form stops; the question is answered as it would be outside it
            from actions.programme_questions import ActionAnswerProgrammeQuestion  # (it imports this module)

            state = tracker.current_state()  # (as asked outside the form: not the eligibility question again)
            state["slots"] = {**state["slots"], "last_question": None, "requested_slot": None, "age": None}
            state["active_loop"] = {}
            answered = await ActionAnswerProgrammeQuestion().run(dispatcher, Tracker.from_dict(state), domain)
            return [e for e in answered if e.get("event") != "followup"] + [  # (the age: not the question read as one)
                SlotSet("age", None), SlotSet("requested_slot", None), ActiveLoop(None),
                FollowupAction("action_listen"),
            ]
        named = [e.get("value") for e in tracker.latest_message.get("entities", []) if e.get("entity") == "programme"]
        if named and slot_the_form_asked(tracker):
            # "아 아니 뉴딜일자리요" while the form was asking: the rules of the programme meant now, then its questions
            programme = knowledge_base().programme(str(named[-1]))
            if programme is not None:
                rules = eligibility_text(Replies(domain), programme, profile_from_tracker(tracker))
                if rules not in said_since_the_citizen(tracker):  # (not again after an action that said them)
                    dispatcher.utter_message(text=rules)
        events = await super().run(dispatcher, tracker, domain)
        events = _none_said_last(tracker) + events
        # "아 잠깐, 지난달에 생일이 지나서 이제 35살이에요" while the form asked the job status: a fact it did not ask
        # for is still an answer (Rasa would otherwise reject the form and fall back); the form then re-checks
        asked = tracker.get_slot("requested_slot")
        told = {e.get("entity") for e in tracker.latest_message.get("entities", [])} & set(PROFILE_SLOTS.values())
        validated = {e.get("name") for e in events if e.get("event") == "slot" and e.get("name") != "requested_slot"}
        if asked and asked not in told and not validated and not asks_for_something_else(tracker):
            events = [SlotSet(slot, tracker.get_slot(slot)) for slot in sorted(told) if tracker.get_slot(slot) is not None] + events
            validated = {e.get("name") for e in events if e.get("event") == "slot" and e.get("name") != "requested_slot"}
        text = tracker.latest_message.get("text") or ""
        if (
            named and asked and not validated and knowledge_base().programme(str(named[-1])) is not None
            and PROGRAMME_CORRECTED.search(text) and question_named(text) in (None, "ask_eligibility")
        ):
            # "아 잘못말함 뉴딜일자리요 거기 나이제한은요?": the programme meant now is the answer (its rules were said
            # above); the form goes on with what that one still needs, instead of Rasa rejecting it and falling back
            events = [SlotSet("programme", str(named[-1]))] + events
        return events

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        kb = knowledge_base()
        programme = current_programme(tracker, kb)
        if programme is None:
            return ["programme"]
        result = check_eligibility(programme, profile_from_tracker(tracker))
        if result.verdict is not Verdict.UNKNOWN:
            return []
        return [PROFILE_SLOTS[field] for field in result.missing if field in PROFILE_SLOTS]

    def validate_programme(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        kb = knowledge_base()
        programme = kb.programme(str(value)) or kb.find_programme(str(value))
        return {"programme": programme.slug if programme else None}

    def validate_age(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        age = _whole_number(value)
        if age is None or not 10 <= age <= 120:
            text = tracker.latest_message.get("text") or ""
            programme = current_programme(tracker, knowledge_base())
            if _NUMBER.search(text) is None and (AGE_LIMIT_ASKED.search(text) or RULE_ASKED.search(text)) and programme is not None:
                # "최소 나이는?", "둘 다 서울 살아야 됨?" while the form asks the age: the rules (of both, when both
                # were discussed), then the question again
                asked_of = [programme]
                before = _programme_before(tracker, programme.slug) if BOTH_ASKED.search(text) else None
                if before is not None:
                    asked_of.insert(0, before)
                profile = profile_from_tracker(tracker)
                dispatcher.utter_message(text="\n".join(eligibility_text(Replies(domain), p, profile) for p in asked_of))
            elif not tracker.latest_message.get("entities"):  # e.g. "아 아니 뉴딜일자리요" is not a bad age
                dispatcher.utter_message(text=Replies(domain).text("utter_invalid_age"))
            return {"age": None}
        return {"age": float(age)}

    def validate_workplace_size(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        size = _whole_number(value)
        if size is None or size < 1:
            dispatcher.utter_message(text=Replies(domain).text("utter_invalid_workplace_size"))
            return {"workplace_size": None}
        return {"workplace_size": float(size)}


class ActionAskForFact(Action):
    """Asks for a fact the programme's rules need, naming the rule, so the citizen knows why a status question
    comes ("[공공근로사업] 대상 조건에 ‘실업자’가 있어서 여쭤볼게요. 지금 어떤 상황이세요?")."""

    slot = ""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        replies = Replies(domain)
        question = f"utter_ask_{self.slot}"
        field = next(f for f, s in PROFILE_SLOTS.items() if s == self.slot)
        try:
            programme = current_programme(tracker, knowledge_base())
        except SQLAlchemyError:  # the question still gets asked, only without its reason
            logger.exception("knowledge base unavailable in %s", self.name())
            programme = None
        rules = [rule.text for rule in (programme.rules if programme else ()) if RULE_NEEDS.get(rule.kind) == field]
        text = replies.text(question)
        if programme is not None and rules:
            text = replies.text("utter_why_asked", name=programme.name, rule=join(rules)) + "\n" + text
        dispatcher.utter_message(text=text, buttons=replies.buttons(question))
        return []


class ActionAskJobStatus(ActionAskForFact):
    slot = "job_status"


class ActionAskHasRegularIncome(ActionAskForFact):
    slot = "has_regular_income"


class ActionAskJobSeekerRegistered(ActionAskForFact):
    slot = "job_seeker_registered"


def _whole_number(value: Any) -> Optional[int]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    match = _NUMBER.search(str(value or ""))
    return int(match.group()) if match else None


class ActionEligibilityVerdict(KnowledgeAction):
    """Gives the verdict once the form has what it needs, and alternatives when not eligible."""

    answers_follow_ups = False  # (the form's verdict)

    def name(self) -> Text:
        return "action_eligibility_verdict"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        programme = current_programme(tracker, kb)
        if programme is None:
            dispatcher.utter_message(text=replies.text("utter_ask_programme"))
            return []
        profile = profile_from_tracker(tracker)
        if eligibility_text(replies, programme, profile) not in said_since_the_citizen(tracker):
            # (the question's own action may have given it already: "생일이 지나면 못 빌리는 건가요?" with the age)
            utter_verdict(dispatcher, replies, kb, programme, profile)
        return [SlotSet("programme", programme.slug), SlotSet("last_question", "ask_eligibility")]


def said_since_the_citizen(tracker: Tracker) -> List[str]:
    """What the bot has said since the citizen's latest message."""
    said: List[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "bot" and event.get("text"):
            said.append(event["text"])
    return said


def utter_verdict(
    dispatcher: CollectingDispatcher, replies: Replies, kb: KnowledgeBase, programme: ProgrammeInfo, profile: Profile
) -> None:
    """The verdict with its reasons, and what the citizen can use instead when not eligible."""
    dispatcher.utter_message(text=eligibility_text(replies, programme, profile))
    if check_eligibility(programme, profile).verdict is Verdict.NOT_ELIGIBLE:
        others = alternatives(kb, profile, programme)
        if others:
            dispatcher.utter_message(
                text=replies.text("utter_alternatives"),
                buttons=programme_buttons(others),
            )
