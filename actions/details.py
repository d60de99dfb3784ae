"""Detail questions no intent names ("거기 몇 층이에요?", "시급 얼마예요?"): the one fact that answers them.

The knowledge base finds the fact (knowledge/fact_search.py); this module decides when to look and says it.
It is used for follow-ups about the programme being discussed, for questions whose usual answer field is
empty in the report (cost, how to apply, where), for "when does it open" asked as an hours question, and for
messages the NLU put out of scope while a programme is being discussed (open_questions.py).
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import (
    Replies, count_of_described, latest_entity_values, previous_reply, previous_user_text, said_just_before, source_values,
)
from actions.figures_by_year import asked_year
from actions.question_words import MEANING_ASKED
from knowledge.fact_search import Fact, after_what_was_heard, asking_part, guessed_count, without_reason
from knowledge.morphology import nouns
from knowledge.queries import FigureInfo, KnowledgeBase, ProgrammeInfo, programme_facts

# "언제 열어요 / 몇 월에" asks for a date; "몇 시 / 몇시까지" asks for opening hours (answered from the hours)
DATE_QUESTION = re.compile(r"언제|날짜|일정|일시|며칠(?!\s*(?:동안|간|이나|씩))|몇\s*일(?!\s*(?:동안|간|이나|씩))|몇\s*월|기간|개관|개소|생기|생겨|시작|오픈|열리|모집(?!\s*(?:분야|대상|인원|규모|과|학과))")  # (not "모집 분야는 뭐뭐")
# a date after the report's ("내년", "다음 모집"): the report cannot have it
LATER_DATES = re.compile(
    r"내년|후년|다음\s*(?:모집|번|기수|해|달|회|일정|차|기)|또\s*(?:언제|모집|열|해)|언제쯤\s*또|요즘|최근|"
    r"20(?:19|[2-9]\d)\s*년"  # "2024년 기준으로": a year after the report's
)
# "2019년 하반기": a year after the report's, and the half of it
_YEAR_ASKED = re.compile(r"20(?P<yy>19|[2-9]\d)\s*년")
_HALF = re.compile(r"상반기|하반기")


def _says_the_year_asked(question: str, facts: List[Fact]) -> bool:
    """Whether a fact found speaks of the later year asked (and its half, if one is asked); True when no year is."""
    year = _YEAR_ASKED.search(question)
    if year is None:
        return True
    yy = year.group("yy")
    half = _HALF.search(question[year.end():year.end() + 12])
    said = rf"(?:’|'|20){yy}(?:년도?|\.)" + (rf"\s*{half.group()}" if half else "")  # ("’19년도 상반기", not '18's 하반기)
    return any(re.search(said, f.text) for f in facts)


# a fact that says the report lacks something ("개별 카페의 위치·운영시간은 보고서에 없습니다")
REPORT_LACKS = re.compile(r"나와\s*있지\s*않|보고서에\s*(?:는\s*)?없")
# "정확히 며칠에 해요?": the day, which a fact giving only the month does not say
DAY_ASKED = re.compile(r"며칠(?!\s*(?:동안|간|이나|씩))|몇\s*일(?!\s*(?:동안|간|이나|씩))|정확한\s*날|무슨\s*요일|날짜")
DAY_GIVEN = re.compile(r"\d{2}\.\s*\d{1,2}\.\s*\d{1,2}|\d{1,2}\s*월\s*\d{1,2}\s*일|(?<![’'\d.])\d{1,2}\.\d{1,2}(?![\d월])")
# "얼마씩 줘요", "금액이": a sum of money asked
# a sum of money in a fact ("3,500원", "1억원", "130억원", "2,000백만원"), not any number ("주52시간", "’18.7.1.")
AMOUNT_IN_FACT = re.compile(r"\d[\d,.]*\s*(?:원|만\s*원|억|천만|백만원)")
# "사업장 지원해주는거 있나요", "도와주는 거": what a programme offers (its services say it, beside its summary)
OFFERS_ASKED = re.compile(r"지원\S{0,2}\s*(?:해\s*주|받을|받는|되는|하는\s*(?:거|게|것))|도와\s*주|혜택")
AMOUNT_ASKED = re.compile(r"얼마(?:씩|나(?!\s*(?:와|오|했|해|이용|많|모|참여|상담|처리|늘|줄|됐|됩))|를|가|예요|에요|야|임|까지|\s*줘|\s*받|\s*나와|\s*나오|\s*지원|\s*(?:까지\s*)?(?:돼|되|줘|줌))|금액")
# "스터디룸은 이용한 사람 얼마나 돼요": how many people, not a sum of money
PEOPLE_COUNTED = re.compile(r"(?:사람|인원|분|애)(?:이|은|는|들|수)?\s*얼마")
CLOCK_QUESTION = re.compile(r"몇\s*시(?!간)|[0-9]\s*시(?!간)|시\s*까지|시\s*부터|오전|오후|새벽|밤|언제\s*(?:문\s*)?닫")


REPORT_YEAR = 2018  # the year of the report (2018년 7월 기준)


# "… 하반기꺼는 언제 열려요? 인사담당자도 들을수있다던데": a remark of hearsay after the question, no part of it
_REMARK_AFTER = re.compile(r"[?？]\s*(?P<remark>[^?？]*(?:다던데|라던데|다던대|다며|다는데|라는데|던데요?)\s*[.~ㅎㅋ]*)\s*$")


def _without_remark_after(question: str) -> str:
    """``question`` without a remark after it, when what comes first asks its own thing ("언제 열려요?"; not "헐 서울
    아니네요? 옮긴다는 얘기 있던데", whose remark is what is asked)."""
    remark = _REMARK_AFTER.search(question)
    if remark is None or not re.search(r"언제|어디|몇|얼마|뭐|무슨|누가|어떻게", question[: remark.start("remark")]):
        return question
    return question[: remark.start("remark")].strip()


def detail_answer(
    replies: Replies, kb: KnowledgeBase, programme: Optional[ProgrammeInfo], question: str, place: Optional[str] = None,
    topic: Optional[str] = None, say_unknown: bool = True,
) -> Optional[Tuple[str, ProgrammeInfo]]:
    """The reply with the facts answering ``question`` (about ``programme``, or any programme when None, or any
    of ``topic``) and the programme they are about; None when no fact clearly answers it (or, without
    ``say_unknown``, when the question asks about something the report never mentions)."""
    if not question or question.startswith("/"):
        return None
    question = _without_remark_after(question)
    later = bool(LATER_DATES.search(question))
    # "다음 모집은 언제쯤 하나요?": the report's only later dates are its plans (예정)
    query = question + " 예정" if later else question
    facts = kb.find_facts(query, programme.slug if programme is not None else None, place, topic=topic)
    # (a fact of another programme of the topic may answer better: "서울에 협동조합이 몇개나 있어요?" at 협동조합지원센터)
    about = programme if programme is not None and facts and facts[0].programme_slug == programme.slug else (
        kb.programme(facts[0].programme_slug) if facts else None
    )
    if not facts or about is None:
        return None
    lines = "\n".join(f"- {fact.text}" for fact in facts if fact.programme_slug == about.slug)
    # ("동생이 예순 넘어서 퀵 오토바이를 타는데요, 합정쉼터에 하루 몇 명쯤 오는지요?": the story's words ask nothing)
    unknown = kb.fact_index().unknown_nouns(without_reason(asking_part(question)))
    if not unknown and programme is not None and say_unknown:
        # "수료하면 자격증도 따지는거예요?" of 기술교육원: 자격증 is a word of the report, but none of the programme's
        # facts (the ones found share only 수료)
        # ("… 사단법인 팀장입니다. … 사업 하나당 지원금이 얼마 정도예요?": who asks is no part of what is asked)
        unknown = kb.fact_index().nouns_foreign_to(asking_part(question), programme.slug)
        # ("청년일자리센터 스터디룸은 몇개에요? 일자리카페보다 …": another programme named to compare is no feature)
        others = [
            p.name for p in kb.programmes_in_text(question)
            if p.slug != programme.slug and re.search(re.escape(p.name) + r"\s*(?:보다|에\s*비해|랑\s*비교)", question)
        ]
        unknown = [noun for noun in unknown if not any(noun in name for name in others)]
    if unknown and ((programme is None and topic is None) or not say_unknown):
        return None  # words shared with some fact, about something the report never mentions: not a detail of it
    if not unknown and programme is not None and about.slug == programme.slug and about.services and OFFERS_ASKED.search(question) and all(
        fact.kind == "summary" for fact in facts
    ):  # "주52시간 때문에 사업장 지원해주는거 있나요": its summary alone says less than what it is (with its services)
        return None
    if unknown:
        # "스터디룸 예약은 어케함": the facts share 스터디룸, but what is asked (예약) is not in the report
        text = replies.text("utter_detail_unknown", words=", ".join(unknown), facts=lines, **source_values(about))
        return text, about
    text = replies.text("utter_fact_answer", facts=lines, **source_values(about))
    if REPORT_LACKS.search(lines):  # "서울일자리센터는 뭐하는 곳인데 위치는?", "강남역 근처 일자리카페 위치": where to ask
        text += "\n" + replies.text("utter_info_unknown_ask_120")
    if later and (not any("예정" in fact.text for fact in facts) or not _says_the_year_asked(question, facts)):
        # "내년 모집은 언제예요?": only past dates; "2019년 하반기 모집 날짜도": the report plans only '19's first half
        text += "\n" + replies.text("utter_later_dates_unknown")
    if AMOUNT_ASKED.search(question) and not PEOPLE_COUNTED.search(question) and not any(
        AMOUNT_IN_FACT.search(fact.text) for fact in facts
    ):
        text += "\n" + replies.text("utter_amount_unknown")  # "근무환경개선금은 얼마씩 줘요": the fact names it, no sum
    earlier = asked_year(question, REPORT_YEAR, None) if asks_for_a_figure(question) else None
    if earlier is not None and earlier < REPORT_YEAR and not any(
        str(earlier) in fact.text or f"’{earlier % 100:02d}" in fact.text for fact in facts
    ):  # "작년에는 몇명이나 빌려갔어요?" of 취업날개: the report counts 2018 only
        text += "\n" + replies.text("utter_earlier_year_unknown", year=earlier)
    elif (
        earlier in (None, REPORT_YEAR) and asks_for_a_figure(question) and re.search(r"(?<!\d)(?:20)?18\s*년", question)
        and not any("2018" in fact.text or "’18" in fact.text for fact in facts)
        and any(re.search(r"20\d\d년|’\d\d", fact.text) for fact in facts)
    ):  # "뉴딜일자리 2018년 참여자 취업률도 나왔어요?": the report gives 2017's (52.9%), not 2018's
        text += "\n" + replies.text("utter_earlier_year_unknown", year=REPORT_YEAR)
    if DAY_ASKED.search(question) and not any(DAY_GIVEN.search(fact.text) for fact in facts):
        text += "\n" + replies.text("utter_exact_date_unknown")  # "해커톤 정확히 며칠에 해?": only the month
    return text, about


def policy_figure_answer(
    replies: Replies, kb: KnowledgeBase, question: str, min_words: int = 0, tie_break: str = ""
) -> Optional[str]:
    """The answer when a question asks one of the bureau's own figures ("올해 서울시 일자리 목표 몇 개예요?"), which no
    programme holds; None otherwise."""
    if not question or question.startswith("/"):
        return None
    figure = kb.policy_figure(question, min_words, tie_break)
    return None if figure is None else figure_reply(replies, figure)


def figure_reply(replies: Replies, figure: FigureInfo) -> str:
    """One of the bureau's figures as said: its value, its note (what is achieved, the kinds of jobs) and source."""
    line = figure.display() + (f" — {figure.note}" if figure.note else "")
    return replies.text("utter_policy_figure", figure=line, source=figure.source_section or "일반현황")


# "은평구만 치면", "우리 구에서만": a number within one district
ONE_DISTRICT = re.compile(
    r"구\s*(?:만|에서만|에만|안에서|내에서)|구별|만\s*(?:치면|따지면|보면)"
    r"|구에서\s*(?:나온|나왔|만든|만들|생긴|된|한)"  # ("그중 관악구에서 나온 건 몇개인지")
)
# "규모는 어느정도 되는데요", "올해 몇개나 뽑는거에요 그거", "그중에 지금까지 달성한건 얼마나", "창업쪽은 뭐 있어요"
# right after a figure: more of the same figure (its line holds the target, what is achieved and the kinds of jobs)
FIGURE_FOLLOW_UP = re.compile(
    r"목표|실적|달성|채웠|채운|예산|규모|몇\s*개|얼마나|뽑|몇\s*명|창업|뭐\s*(?:뭐\s*)?있|어떤\s*(?:거|것|일|게)|종류"
    r"|실제로?\s*(?:만든|만들|한|된|채운|이룬)|대비|퍼센트|몇\s*(?:프로|퍼)|%"  # "목표 말구 6월까지 실제로 만든거"
    r"|(?:거기|그\s*안|그거)에?\s*(?:도\s*)?(?:들어가|포함)"  # "학교보안관 같은것도 거기 들어가요?": one of its kinds
)


def policy_figure_follow_up(tracker: Tracker, replies: Replies, kb: KnowledgeBase) -> Optional[str]:
    """"지금까지 얼마나 채웠어" right after one of the bureau's figures: the figure the previous question and this
    one ask together (the target, then what is achieved of it), else more of the figure just said; None otherwise."""
    text = tracker.latest_message.get("text") or ""
    opening = replies.opening("utter_policy_figure")
    if not text or text.startswith("/") or not said_just_before(tracker, opening):
        return None
    if count_of_described(tracker, kb, text) is not None:
        return None  # "시랑 구청이 같이 만드는 일자리도 있다던데 그중에 신중년 몫은 몇개에요?": a figure of the one described
    said = " ".join(e.get("text") or "" for e in previous_reply(tracker) if (e.get("text") or "").startswith(opening))
    figure = next((f for f in kb.figures() if f.programme_slug is None and f"- {f.display()}" in said), None)
    groups = latest_entity_values(tracker, "target_group")
    if figure is not None and groups:  # "장애인은 몇퍼 달성했어요" after the seniors' target
        figure = kb.jobs_target_for_group(str(groups[-1])) or figure
    about = kb.programmes_in_text(figure.label) if figure is not None and not kb.programmes_in_text(text) else []
    if len(about) == 1 and (AMOUNT_ASKED.search(text) or asks_for_a_figure(text)):
        # "5월말까지 실제로 산건 얼마에요" after the bureau's target for 사회적경제 공공구매: the programme that figure is
        # of counts what was done so far (349억원)
        own = detail_answer(replies, kb, about[0], text, say_unknown=False)
        if own is not None and own[1].slug == about[0].slug and figure.display() not in own[0] and AMOUNT_IN_FACT.search(own[0]):
            return own[0]
    if figure is None or not FIGURE_FOLLOW_UP.search(text) or kb.programmes_in_text(text) or kb.policy_figure(text):
        # (the latest words name another figure by themselves, or ask together with the previous ones)
        return policy_figure_answer(replies, kb, f"{previous_user_text(tracker)} {text}", tie_break=text)
    answer = figure_reply(replies, figure)
    district = next(iter(latest_entity_values(tracker, "district")), None)
    if district is not None and ONE_DISTRICT.search(text):  # "은평구만 치면 몇개임?": the report counts all of Seoul
        answer += "\n" + replies.text("utter_district_figure_unknown", district=district)
    return answer


# "무슨 학과 있는지 목록 좀 보여줘요", "어떤 과정들이 있는지 리스트": the names of things, one by one
NAMES_ASKED = re.compile(r"(?:무슨|어떤|어느)\s*(?P<what>[가-힣]{2,4}?)(?:들)?\s*(?:이|가)?\s*(?:있는지|있나|있어|있음|있습|있읍|있는|목록)|(?P<listed>[가-힣]{2,4}?)(?:들)?\s*(?:목록|리스트|명단)")


def names_only_counted(programme: ProgrammeInfo, text: str) -> Optional[str]:
    """The thing whose names a question asks for ("북부기술교육원 무슨 학과 있는지 목록" → 학과) when the programme's facts
    only count it ("154개 학과", "57개학과"): the report gives the number, not the list. None otherwise."""
    asked = NAMES_ASKED.search(text)
    what = (asked.group("what") or asked.group("listed")) if asked else None
    if not what:
        return None
    texts = [fact.text for fact in programme_facts(programme) if what in fact.text]
    counted = [t for t in texts if re.search(r"\d[\d,]*\s*개\s*" + re.escape(what), t)]
    return what if counted and len(counted) == len(texts) else None


def say_detail(
    dispatcher: CollectingDispatcher, found: Tuple[str, ProgrammeInfo], buttons: Optional[List[Dict[str, str]]] = None
) -> List[Dict[Text, Any]]:
    """Says a detail ``detail_answer`` found; the programme it is about (and the place it names) become the
    conversation's context."""
    text, about = found
    dispatcher.utter_message(text=text, buttons=buttons)
    return [SlotSet("programme", about.slug)] + place_named(about, text)


def states_a_number(reply: str) -> bool:
    """Whether a reply's fact lines ("- …") hold a number (its source line's 2018 does not count)."""
    return any(re.search(r"\d", line) for line in reply.splitlines() if line.startswith("- "))


def place_named(programme: ProgrammeInfo, answer: str) -> List[Dict[Text, Any]]:
    """The place slot for an answer about one of the programme's places ("상암쉼터: 미디어 노동자 …"), so the
    next follow-up ("거기 몇 시까지 해요?") is about that place."""
    named = [place.name for place in programme.places if place.name in answer]
    return [SlotSet("place", named[0])] if len(set(named)) == 1 else []


# "몇 명 / 몇 개 / 몇 군데 / 경쟁률 / 몇 층 / 기간": a number of the report, not a rule about who may use it
# "무료상담 한 100건쯤 했으려나", "하루에 열 명도 안 오죠?": a number supposed, to be checked against the report's
COUNT_GUESSED = re.compile(guessed_count("명|분|건|개|곳|군데|개소"))
FIGURE_QUESTION = re.compile(
    r"몇\s*(명|분|개|군데|곳|층|프로|퍼|건|년|개월|달|주)|몇\s*번\s*(?:까지|이나|씩)?\s*(?:받|들|참여|상담|했|해|운영)|(?:며칠|몇\s*일)\s*(?:동안|간)\s*(?:빌|대여|쓸|써|이용|사용)|몇\s*번\s*(?:까지|이나)\s*(?:빌|대여|쓸|써|이용|사용)|명이나|(?:몇|\d)\s*(?:개나|건이나)"
    r"|몇이나|경쟁|(?<![법자])률|기간|예산|규모|얼마나\s*(많|있|됐|되|돼|했|처리|해\s*줬|해\s*준)|많이들?\s*(?:받|처리)"
    r"|(?:애들|사람|사람들|분들|친구들|곳|데)\s*(?:이|도|가)?\s*많(?:대|나|아|았|음|냐|은가|은지|을까)"  # "거기서 취업한 애들 많대요?": how many
    # "상담받고 진짜 취업된 사람도 있어요?", "올해 그거 이용한 사람이 많았나요?": whether (how many) it led anywhere
    r"|(?:취업|취직|합격|이용|참여|수료|상담)\s*(?:을|을\s*)?(?:한|된|했던|받은|하신|되신)\s*(?:사람|분|애|인원|친구)(?:들)?\s*(?:이|도|은|는)?\s*(?:있|많|얼마|몇)"
    # "옴부즈만 상반기 무료상담 건수", "이용자수": a count named by its noun
    r"|건수|횟수|(?:이용자|참여자|상담자|수혜자|이용객|방문자|방문객|수강생|수료생|취업자|이용\s*인원)\s*(?:수|는|가|은)?\s*(?:[?？]|$|몇|얼마|어느|되|돼)"
    r"|(?:거기|그곳|그\s*쉼터|쉼터|센터|공간|건물|교육장)\s*(?:은|는|이|가)?\s*(?:좀\s*)?넓(?:어|나|은가|은지|음|니|냐|죠)"  # "거기 넓어요?": its size
    r"|(?:계획|목표|선발|모집|참여|이용|배정)\s*(?:인원|건수|규모)|인원\s*(?:은|이|수)?\s*(?:[?？]|$)"  # "직업훈련 올해 계획인원"
    # "올해 융자 총 얼마고", "사회주택은 얼마 배정돼있어요": an amount of the programme, not a price
    r"|총\s*(?:얼마|몇)|얼마(?:나|씩)?\s*(?:배정|편성|투입|배분)"
    r"|실적\S*\s*(?:이|은|는)?\s*(?:어느\s*정도|얼마|몇)"  # "상담 실적이 어느정도 돼요": a count
    # "그중에 지금 일하고 있는 사람은?": how many take part
    # (not "방송 일하는 사람들 쉼터", "일하는 사람이 여섯 명이에요": who, told)
    r"|(?:일하고|참여하고|근무하고)\s*있는\s*(?:사람|분|인원)(?:은|이|수)?\s*(?:요|여)?\s*(?:[?？]|몇|얼마|$)"
    r"|(?:올해|금년|작년|내년|\d{2,4}\s*년)\s*(?:\S+\s*)?목표(?:는|가|치는|치가)?\s*(?:요|여)?\s*(?:[?？]|얼마|몇|$)"  # "… 올해 목표는": a target figure
    r"|(?:숫자|개수|갯수)\s*(?:만|는|도)?\s*(?:따로|별도로)?\s*(?:요|여)?\s*(?:[?？]|$|알려|좀)"  # "그 가운데 협동조합 숫자만 따로요"
    r"|" + COUNT_GUESSED.pattern
)


# "몇년 쉬다가 다시 일해보려고 하는데 뉴딜일자리라는게 뭔지 설명좀": the story before "…다가 / …는데" is not asked
STORY_THEN = re.compile(r"(?:(?<=다가)|(?<=는데)|(?<=은데)|(?<=는데요)|(?<=은데요))\s+")


def asks_for_a_figure(question: str) -> bool:
    asked = STORY_THEN.split(after_what_was_heard(question))[-1]
    return bool(FIGURE_QUESTION.search(asked)) or asks_for_a_date(question)


def asks_for_a_date(question: str) -> bool:
    asked = after_what_was_heard(question)  # (not the 모집 of "모집 포스터가 있던데 …")
    return bool(DATE_QUESTION.search(asked)) and not CLOCK_QUESTION.search(asked)


def meaning_answer(replies: Replies, programme: Optional[ProgrammeInfo], question: str) -> Optional[Tuple[str, ProgrammeInfo]]:
    """"근무조건에 공휴일 유급화라고 써있던데 무슨말이에요?": where the report uses the term (its words are all there
    is: it explains none), and where to ask what it means; None when the term is not the programme's."""
    asked = MEANING_ASKED.search(question)
    if asked is None or programme is None:
        return None
    term = asked.group(1) or asked.group(2)
    key = term.replace(" ", "")
    facts = [fact for fact in programme_facts(programme) if key in fact.text.replace(" ", "")]
    words = [word for word in nouns(term) if len(word) >= 2]
    if not facts and len(words) >= 2:
        # "자율개선사업 제외 사업장이라는게 무슨말임" of "…에서 제외된 사업장을…": the term's words, inflected apart
        facts = [fact for fact in programme_facts(programme) if all(word in fact.text for word in words)]
    if not facts:
        return None
    lines = "\n".join(f"- {fact.text}" for fact in facts[:2])
    return replies.text("utter_term_in_report", term=term, facts=lines, **source_values(programme)), programme
