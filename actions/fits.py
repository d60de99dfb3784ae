"""What a citizen's profile fits: the list of programmes with one line of why each.

Said by the recommendation action ("29살 서울 사는 취준생인데 받을 수 있는 지원 다 알려줘") and by follow-ups that
ask the same once the bot knows about the citizen ("그럼 저는 뭘 받을 수 있어요?" after a verdict).
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import (
    Replies, intent_payload, join, knows_about_citizen, latest_entity_values, profile_from_tracker, programme_buttons,
    programmes_just_listed, states_profile_facts,
)
from actions.details import detail_answer, figure_reply
from actions.eligibility import YOUTH, YOUTH_AGES, alternatives
from actions.question_words import (
    AMONG_THEM_FREE, AMONG_THEM_PAID, ASKS_ELSEWHERE, ASKS_WHAT_FITS, EARNING, EMPLOYER, EMPLOYER_SELF, HIRING, JOBS_WORDS, WAGE_WORDS, WHAT_IS_THERE,
    LEARN_WHILE_EARNING, WHERE_TO_ASK, WORK_NOT_TRAINING, question_named,
)
from knowledge.queries import KnowledgeBase, Profile, ProgrammeInfo, Recommendation, Verdict, check_eligibility


def profile_summary(replies: Replies, profile: Profile) -> str:
    parts = []
    if profile.age is not None:
        parts.append(replies.label("profile", "age", age=profile.age))
    elif profile.high_school_senior:
        parts.append(replies.label("profile", "high_school_senior"))
    if profile.seoul_resident is not None:
        parts.append(replies.label("profile", "seoul" if profile.seoul_resident else "outside"))
    if profile.job_status:
        parts.append(replies.label("profile", profile.job_status))
    return join(parts)


# the slot a rule reads, by the rule's kind (the facts "따로 수입은 없고 구직등록은 안 했어요" tell)
RULE_SLOTS = {
    "age_min": "age", "age_max": "age", "seoul_resident": "residence", "job_status": "job_status",
    "no_regular_income": "has_regular_income", "job_seeker_registered": "job_seeker_registered",
    "workplace_size_max": "workplace_size",
}


def _why(replies: Replies, recommendation: Recommendation) -> str:
    result = recommendation.result
    if result.verdict is Verdict.ELIGIBLE:
        return replies.text("utter_recommend_why_eligible", met=join(result.met))
    missing = join(replies.label("missing", field) for field in result.missing)
    return replies.text("utter_recommend_why_missing", met=join(result.met), missing=missing)


def fit_line(replies: Replies, programme: ProgrammeInfo, profile: Profile) -> Optional[str]:
    """How what the citizen told fits one programme of a list ("만 18세 이상, 서울시민에는 맞아요. 구직등록 여부 확인이 더
    필요해요"), so that comparing two says which they can use; None for one without rules to judge by."""
    if not programme.checkable_rules:
        return None
    result = check_eligibility(programme, profile)
    if result.verdict is Verdict.NOT_ELIGIBLE:
        return replies.text("utter_compare_fit_fails", failed=join(result.failed))
    return _why(replies, Recommendation(programme, result))


# the report's job-creation family: programmes that give the citizen work (공공근로 sets no wage in the report)
WORK_TOPICS = ("public_works", "job_creation")


def _open_to_their_group(kb: KnowledgeBase, profile: Profile) -> List[ProgrammeInfo]:
    """Programmes for young people that set no rules, when the citizen is of a youth age."""
    if profile.age is None or not YOUTH_AGES[0] <= profile.age <= YOUTH_AGES[1]:
        return []
    return [p for p in kb.programmes_for_group(YOUTH) if not p.checkable_rules]


def utter_fits(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase, explain_dropped: bool = False
) -> List[Dict[Text, Any]]:
    """Eligible programmes first, then those that only need one more fact checked; with ``explain_dropped``, also
    the programmes the facts of the latest message rule out, and why ("공공근로사업: 구직등록을 한 분")."""
    profile = profile_from_tracker(tracker)
    summary = profile_summary(replies, profile)
    if not summary:
        groups = latest_entity_values(tracker, "target_group") or [tracker.get_slot("target_group")]
        for_group = kb.programmes_for_group(groups[-1]) if groups[-1] else []
        if for_group:  # "일자리 쪽으로 청년 지원 뭐 있어요": the group's programmes, then the facts that would check them
            lines = [replies.text("utter_recommend_for_group", group=groups[-1])]
            lines += [replies.text("utter_programme_line", name=p.name, summary=p.summary) for p in for_group[:5]]
            lines.append(replies.text("utter_recommend_for_group_footer", as_of=for_group[0].as_of_label))
            buttons = programme_buttons(for_group[:4])
            dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
            return []
        dispatcher.utter_message(text=replies.text("utter_recommend_ask_profile"))
        return []
    recommendations = kb.recommend(profile, limit=5)
    dropped = _dropped_by_latest_facts(replies, tracker, kb, profile) if explain_dropped else []
    if not recommendations:
        open_to_them = _open_to_their_group(kb, profile)
        if open_to_them:
            # "22살 대학 졸업반인데 집은 경기도 고양이에요 …": nothing with rules fits, but the report's places for
            # young people that set no rules (청년일자리센터, 일자리카페) are open to them
            lines = [replies.text("utter_recommend_open_to_group", profile=summary, group=YOUTH)]
            lines += [replies.text("utter_programme_line", name=p.name, summary=p.summary) for p in open_to_them[:4]]
            lines += dropped
            lines.append(replies.text("utter_recommend_footer", as_of=open_to_them[0].as_of_label))
            buttons = programme_buttons(open_to_them[:4])
            dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
            return []
        advice = kb.for_situation("situation_labour_problem") if profile.job_status == "employed" else []
        if advice:
            # "서울에서 일하는 직장인인데 회사에서 문제 생기면 도움 받을 수 있는 제도 뭐 있어요?": no programme's rules
            # fit someone in work, but the free labour advice is for them
            lines = [replies.text("utter_recommend_for_workers", profile=summary)]
            lines += [replies.text("utter_programme_line", name=p.name, summary=p.summary) for p in advice[:4]]
            lines.append(replies.text("utter_recommend_footer", as_of=advice[0].as_of_label))
            dispatcher.utter_message(text="\n".join(lines), buttons=programme_buttons(advice[:4]))
            return []
        dispatcher.utter_message(text="\n".join([replies.text("utter_recommend_none", profile=summary)] + dropped))
        return []
    lines = [replies.text("utter_recommend_intro", profile=summary)]
    lines += [
        replies.text("utter_recommend_line", name=r.programme.name, why=_why(replies, r)) for r in recommendations
    ]
    listed = {r.programme.slug for r in recommendations}
    open_to_them = [p for p in _open_to_their_group(kb, profile) if p.slug not in listed] if profile.job_status != "employed" else []
    if open_to_them:  # "26살 서울 사는 취준생이에요": the centre and cafés set no rules, but are made for them
        names = join(p.name for p in open_to_them)
        lines.append(replies.text("utter_recommend_open_line", names=names, group=YOUTH))
    lines += dropped
    lines.append(replies.text("utter_recommend_footer", as_of=recommendations[0].programme.as_of_label))
    dispatcher.utter_message(
        text="\n".join(lines),
        buttons=[
            {"title": r.programme.name, "payload": intent_payload("ask_programme_info", programme=r.programme.slug)}
            for r in recommendations[:4]
        ],
    )
    return the_one_listed([r.programme for r in recommendations])


def _dropped_by_latest_facts(replies: Replies, tracker: Tracker, kb: KnowledgeBase, profile: Profile) -> List[str]:
    """One line per programme the facts just told rule out: without them it was still possible."""
    told = {e.get("entity") for e in tracker.latest_message.get("entities", [])}
    lines = []
    for programme in kb.all_programmes(citizen_facing_only=True):
        result = check_eligibility(programme, profile)
        failed_now = [rule for rule in programme.rules if rule.text in result.failed and RULE_SLOTS.get(rule.kind) in told]
        if result.verdict is Verdict.NOT_ELIGIBLE and failed_now:
            failed = join(rule.text for rule in failed_now)
            lines.append(replies.text("utter_recommend_dropped", name=programme.name, failed=failed))
    return lines


def utter_paying_fits(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase, work: bool = False
) -> List[Dict[Text, Any]]:
    """"이 중에 월급 나오는 건 어떤 거예요?": of what fits the profile, the programmes the report gives a wage for;
    with ``work`` ("배우는거 말고 바로 일하는거요"), also the city's job-creation programmes (공공근로), wage or not."""
    paying = []
    for recommendation in kb.recommend(profile_from_tracker(tracker), limit=5):
        programme = recommendation.programme
        wages = [f.display() for f in programme.figures if f.unit.strip() == "원" and WAGE_WORDS.search(f.label)]
        if wages:
            paying.append((programme, ", ".join(wages)))
        elif work and programme.topic in WORK_TOPICS:
            paying.append((programme, programme.summary))
    if not paying:
        return utter_fits(dispatcher, tracker, replies, kb)
    lines = [replies.text("utter_recommend_working" if work else "utter_recommend_paying")]
    lines += [replies.text("utter_programme_line", name=p.name, summary=line) for p, line in paying]
    lines.append(replies.text("utter_recommend_footer", as_of=paying[0][0].as_of_label))
    buttons = programme_buttons(p for p, _ in paying)
    dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
    return the_one_listed([p for p, _ in paying])


def utter_paying_for_group(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
) -> Optional[List[Dict[Text, Any]]]:
    """"청년이 돈 벌 수 있는 건 뭐 있어요": the programmes for the group named that the report gives a wage for;
    None when no group is named, no pay is asked, or none pays."""
    text = tracker.latest_message.get("text") or ""
    groups = latest_entity_values(tracker, "target_group")
    if not groups or not EARNING.search(text) or not WHAT_IS_THERE.search(text) or kb.programmes_in_text(text):
        return None
    paying = [
        (p, [f.display() for f in p.figures if f.unit.strip() == "원" and WAGE_WORDS.search(f.label)])
        for p in kb.programmes_for_group(groups[-1])
    ]
    paying = [(p, wages) for p, wages in paying if wages]
    if not paying:
        return None
    lines = [replies.text("utter_recommend_paying_for_group", group=groups[-1])]
    lines += [replies.text("utter_programme_line", name=p.name, summary=", ".join(wages)) for p, wages in paying]
    lines.append(replies.text("utter_recommend_for_group_footer", as_of=paying[0][0].as_of_label))
    buttons = programme_buttons(p for p, _ in paying)
    dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
    return the_one_listed([p for p, _ in paying])


def utter_jobs_for_group(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase, outright: bool = False
) -> Optional[List[Dict[Text, Any]]]:
    """"여성 일자리도 서울시에서 많이 만든다던데 어떤 것들이 있는지요": the city's job target for the group named,
    whose note names the kinds of jobs (국공립어린이집 보육교사, 아이돌보미 …); None when no group's jobs are asked."""
    text = tracker.latest_message.get("text") or ""
    groups = latest_entity_values(tracker, "target_group")
    # (``outright``: only a group's jobs asked in so many words, as in a request for a list: "일자리 쪽으로 청년 지원
    # 뭐 있어요" wants the programmes for young people)
    if not groups or kb.programmes_in_text(text):
        return None
    group = str(groups[-1])
    # ("여성쪽은 목표가 몇 개에요?": the target asked of a group, without the word 일자리; "여자들 대상으로 하는 일자리
    # 사업 뭐뭐있나요", "장애인 일자리도 서울시에서 해주나요": the jobs of a group no programme of the report serves)
    of_no_programme = not kb.programmes_for_group(group)
    asked = (
        GROUP_JOBS_ASKED.search(text) or (WHAT_IS_THERE.search(text) and not outright)
        or (of_no_programme and GROUP_JOBS_OFFERED.search(text))
    )
    if not (
        (JOBS_WORDS.search(text) and asked) or (of_no_programme and GROUP_TARGET_ASKED.search(text))
        # "그럼 서울시에서 나같은 중장년한테 해주는건 뭐 있어요": what the city does for a group no programme is for
        # is the jobs it makes for them
        # (not "만 52세, 서울 거주, … 추천할만한 서울시 제도가 뭐가 있을까요": what fits the facts told)
        or (of_no_programme and WHAT_IS_THERE.search(text) and GROUP_JOBS_OFFERED.search(text) and not states_profile_facts(tracker))
    ):
        return None
    figure = kb.jobs_target_for_group(group)
    if figure is None:
        return None
    text_out = figure_reply(replies, figure)
    if question_named(text) in ("ask_how_to_apply", "ask_location", "ask_contact"):
        # "장애인 일자리 지원 신청하려면 어디서 어떻게 해요?": the report gives the target, not where to apply
        text_out += "\n" + replies.text("utter_info_unknown_ask_120")
    dispatcher.utter_message(text=text_out)
    return []


# the report's programmes for companies hiring young people are of this topic (서울형 강소기업, 청년일자리 민관협력사업)
EMPLOYERS_GROUP = "기업"
HIRING_TOPIC = "youth_jobs"


def _say_for_employers(dispatcher: CollectingDispatcher, replies: Replies, intro: str, offered: List[ProgrammeInfo]) -> None:
    """The first four programmes offered to companies, a line each, with a button each."""
    lines = [replies.text(intro)]
    lines += [replies.text("utter_programme_line", name=p.name, summary=p.summary) for p in offered[:4]]
    lines.append(replies.text("utter_situation_footer", as_of=offered[0].as_of_label))
    dispatcher.utter_message(text="\n".join(lines), buttons=programme_buttons(offered[:4]))


def utter_for_employers_hiring(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
) -> Optional[List[Dict[Text, Any]]]:
    """"작은 스타트업 대표인데 청년 채용할 때 시에서 … 지원해주는거 있어요?": what the report offers companies hiring
    young people; None unless an employer asks about hiring without naming a programme."""
    text = tracker.latest_message.get("text") or ""
    if not HIRING.search(text) or not (EMPLOYER.search(text) or told_to_be_employer(tracker)) or kb.programmes_in_text(text):
        return None  # ("청년 한명 더 뽑고 싶은데 그쪽으론 뭐 있어요" after "인쇄소 사장이에요": an employer hiring)
    if latest_entity_values(tracker, "workplace_size") and not EMPLOYER.search(text):
        return None  # "내년에 사람 더 뽑아서 열두 명 되면요?" after a verdict: the size it will have, judged
    offered = [p for p in kb.programmes_for_group(EMPLOYERS_GROUP) if p.topic == HIRING_TOPIC]
    if not offered:
        return None
    _say_for_employers(dispatcher, replies, "utter_for_employers_hiring", offered)
    # ("직원이 육아휴직 들어가는데 대체인력 구하기가 …": and the fact of them that names the need, 육아휴직자 대체 청년인턴)
    detail = detail_answer(replies, kb, None, text, topic=HIRING_TOPIC, say_unknown=False)
    if detail is not None and detail[1].slug in [p.slug for p in offered]:
        dispatcher.utter_message(text=detail[0])
    return [SlotSet("programme", offered[0].slug), SlotSet("place", None), SlotSet("last_question", "ask_programme_info")]


def told_to_be_employer(tracker: Tracker) -> bool:
    """Whether the citizen said they run a business or manage its staff ("인쇄소 사장이에요") in this conversation."""
    return any(
        event.get("event") == "user" and EMPLOYER_SELF.search(event.get("text") or "") for event in tracker.events
    ) or bool(EMPLOYER_SELF.search(tracker.latest_message.get("text") or ""))


def utter_for_employers(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
) -> List[Dict[Text, Any]]:
    """"직원 130명 회사 인사담당자에요 … 우리 회사가 써먹을만한거 추천좀": what the report offers companies (its
    programmes naming 기업 as a target, those for staff and employers' organisations too)."""
    offered = [p for p in kb.all_programmes() if EMPLOYERS_GROUP in p.target_groups]
    _say_for_employers(dispatcher, replies, "utter_for_employers", offered)
    return [SlotSet("programme", None), SlotSet("place", None), SlotSet("last_question", "ask_programme_info")]


def utter_alternatives_after_no(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
) -> Optional[List[Dict[Text, Any]]]:
    """"그럼 저희는 어디에 물어봐야 돼요?" after a "no": what the citizen can use instead, one line each; None when
    the last verdict was not a "no"."""
    slug = tracker.get_slot("programme")
    programme = kb.programme(slug) if slug else None
    profile = profile_from_tracker(tracker)
    if programme is None or check_eligibility(programme, profile).verdict is not Verdict.NOT_ELIGIBLE:
        return None
    others = alternatives(kb, profile, programme)
    if not others:
        return None
    lines = [replies.text("utter_alternatives")]
    lines += [replies.text("utter_programme_line", name=p.name, summary=p.summary) for p in others]
    lines.append(replies.text("utter_recommend_footer", as_of=others[0].as_of_label))
    buttons = programme_buttons(others)
    dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
    return the_one_listed(others)


def the_one_listed(programmes: List[ProgrammeInfo]) -> List[Dict[Text, Any]]:
    """A list of one programme makes it the one discussed: "그거 시급 얼마예요?" is about it."""
    return [SlotSet("programme", programmes[0].slug), SlotSet("place", None)] if len(programmes) == 1 else []


_FREE = re.compile(r"무료|공짜")
# "어르신 대상 일자리는 따로 없나요", "장애인 일자리 같은 것도 있나요?", "중장년 일자리는 또 어떤 거예요?"
GROUP_JOBS_ASKED = re.compile(
    r"(?:일자리|일거리)(?:는|도|은)?\s*(?:(?:따로|같은\s*(?:것|거|게)도?)\s*(?:없|있)|(?:또\s*)?어떤\s*(?:거|것|건|게))"
)
# the jobs of a group asked without a list word ("장애인 일자리도 서울시에서 해주나요", "… 일자리 사업 뭐뭐있나요")
GROUP_JOBS_OFFERED = re.compile(r"해\s*주|하나요|있나요|있어요|있을까|있는지|뭐\s*(?:뭐\s*)?있|어떤|종류|창업")
GROUP_TARGET_ASKED = re.compile(r"목표|실적|달성|몇\s*개")


def utter_free_ones(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
) -> Optional[List[Dict[Text, Any]]]:
    """"그 중에 무료로 상담해주는 건 어느거에요": of the programmes just listed and those of the topic discussed, the
    ones the report calls free (with its words); None when nothing is being discussed or none is called free."""
    text = tracker.latest_message.get("text") or ""
    if not AMONG_THEM_FREE.search(text) or kb.programmes_in_text(text):
        return None  # ("면접정장 공짜로 빌려주는거 그거 어느 업체에서 해줘요?" names its programme)
    current = kb.programme(tracker.get_slot("programme") or "")
    candidates = {p.slug: p for p in programmes_just_listed(tracker, kb)}
    topics = {p.topic for p in candidates.values()} | ({current.topic} if current is not None else set())
    candidates.update({p.slug: p for p in kb.all_programmes(citizen_facing_only=True) if p.topic in topics})
    wanted = [noun for noun in ("상담", "대여", "교육", "컨설팅") if noun in text]  # "무료로 상담해주는 건"
    free = []
    for programme in candidates.values():
        says = [line for line in (programme.cost or "", programme.summary, *programme.services) if _FREE.search(line)]
        if says and all(any(noun in line for line in says) for noun in wanted):
            free.append((programme, says[0]))
    if not free:
        return None
    lines = [replies.text("utter_free_intro")]
    lines += [replies.text("utter_programme_line", name=p.name, summary=said) for p, said in free[:4]]
    lines.append(replies.text("utter_recommend_footer", as_of=free[0][0].as_of_label))
    buttons = programme_buttons(p for p, _ in free[:4])
    dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
    return [SlotSet("last_question", "ask_cost")]


WHERE_TO_ASK_LENGTH = 20  # (a short follow-up: a longer message tells something new)


def answer_about_fits(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
) -> Optional[List[Dict[Text, Any]]]:
    """The answer when a message asks what fits the citizen the bot knows about ("그럼 저는 뭘 받을 수 있어요?",
    "이 중에 월급 나오는 건?"), wherever the NLU put it; None otherwise."""
    text = tracker.latest_message.get("text") or ""
    free = utter_free_ones(dispatcher, tracker, replies, kb)
    if free is not None:  # "그 중에 무료로 상담해주는 건 어느거에요" after help for a small workplace
        return free
    for_group = utter_paying_for_group(dispatcher, tracker, replies, kb)
    if for_group is not None:  # "여기서 알려줄 수 있는 것 중에 청년이 돈 벌 수 있는 건 뭐 있어요"
        return for_group
    group_jobs = utter_jobs_for_group(dispatcher, tracker, replies, kb)
    if group_jobs is not None:  # "어르신 일자리는 어떤 게 있어요?"
        return group_jobs
    listed = programmes_just_listed(tracker, kb)
    if len(listed) > 1 and WHERE_TO_ASK.search(text) and len(text) <= WHERE_TO_ASK_LENGTH:
        # "어디에 물어보면 되는데요" right after a list of free labour advice: those places, and that the report gives
        # no number or address for them (120 connects)
        lines = [replies.text("utter_where_to_ask_intro")]
        lines += [replies.text("utter_programme_line", name=p.name, summary=p.summary) for p in listed]
        dispatcher.utter_message(text="\n".join(lines), buttons=programme_buttons(listed))
        return []
    if tracker.get_slot("last_question") == "ask_eligibility" and ASKS_ELSEWHERE.search(text):
        told_no = utter_alternatives_after_no(dispatcher, tracker, replies, kb)
        if told_no is not None:
            return told_no
    if not knows_about_citizen(tracker):
        return None
    if AMONG_THEM_PAID.search(text) or LEARN_WHILE_EARNING.search(text):
        # ("31살 서울 성북구 살아요. 일하면서 배우는 쪽이면 좋겠어요": of what fits, the paid ones)
        return utter_paying_fits(dispatcher, tracker, replies, kb)
    if WORK_NOT_TRAINING.search(text):
        return utter_paying_fits(dispatcher, tracker, replies, kb, work=True)
    if ASKS_WHAT_FITS.search(text):
        return utter_fits(dispatcher, tracker, replies, kb)
    return None
