""""그럼 작년엔?", "그 전년도는?", "아 아니 재작년이요" right after a figure: the same figure in another year.

The report often gives a figure with its earlier or planned values ("상담건수: 4,000건 (2018) — 2016년 3,303건,
2017년 3,411건 …", "취업률: 52.9% (2017년) — 2016년 52.0%"). The answer the bot just gave holds them, so the
year asked is looked up there; a year it does not give is an honest "not in the report" with 120.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Dict, List, Optional

from knowledge.morphology import nouns

if TYPE_CHECKING:  # (context.py asks this module first, in every knowledge action)
    from actions.context import Replies

# the year words of a follow-up; 그 전년도 is relative to the year just answered, the rest to the report's year
_BEFORE_THAT = re.compile(r"그\s*전\s*(?:년도|년|해)|그\s*앞\s*(?:해|년도)|전년도")
_RELATIVE = (
    (re.compile(r"재작년|지지난\s*해"), -2),
    (re.compile(r"작년|지난\s*해|전년|지난\s*년도"), -1),
    (re.compile(r"올해|금년|이번\s*해|올\s*해"), 0),
    (re.compile(r"내년|다음\s*해"), 1),
)
_ABSOLUTE = re.compile(r"(?<!\d)(20\d\d)\s*년|[’'‘](\d\d)\s*년|(?<![\d.])(\d\d)\s*년도")
# what may stand around the year in such a follow-up ("그럼 작년엔 몇 군데였는데", "작년 생활임금은 얼마였는데")
_FILLER = re.compile(
    r"그럼|그러면|그리고|아니|아|음|혹시|그|건|거|기준|수치|숫자|실적|몇|얼마|였는데|였어요?|이었어요?|였나요|였죠|였음|"
    r"였대요?|이었나요|이었는데|었는데|됐어요?|되나요|돼요|는데|군데|곳|개|명|건|는요|은요|에는|엔|요|은|는|이|가|도|야|임|"
    r"하루|평균|지금\s*까지|현재\s*까지|여태|[^가-힣0-9]"
)
# "작년보다 늘었어요?", "전년보다 줄었나요": the year asked to compare with
_COMPARED = re.compile(r"(?:보다|에\s*비해|대비)\s*(?:더\s*|좀\s*)?(?:늘|줄|많|적|올랐|올|내렸|떨어|증가|감소)\S*")
# "- 시민명예노동옴부즈만 상담건수: 4,000건 (2018 (주요 정책지표)) — 2016년 3,303건, …": a line with a figure
_FIGURE_LINE = re.compile(r"^-\s*(?P<label>[^:\n]{2,40}):\s*(?P<value>[0-9][0-9,.]*\s*[^\s(—]*)(?P<rest>.*)$", re.M)
_VALUE = r"([0-9](?:[0-9,.]*[0-9])?(?![0-9,.]*\s*[월일])\s*(?:%|건|명|개소|개|억원|백만원|원|곳)?)"  # (not "2018년 7월"; not "1,400,")
_IN_YEAR = re.compile(r"(?:(20\d\d)\s*년|[’'‘](\d\d)\s*년)\s*" + _VALUE)
_MAIN_YEAR = re.compile(r"^\s*\((?:(20\d\d)|[’'‘](\d\d))")
_AS_OF_YEAR = re.compile(r"(20\d\d)년\s*\d+월\s*기준")
_NAME = re.compile(r"^\[([^\]]+)\]")
_SOURCE = re.compile(r"「(.+?)」")
FOLLOW_UP_LENGTH = 25
# the kind of value a follow-up asks, which the figure's must be
_AMOUNT_ASKED = re.compile(r"얼마|금액|시급|몇\s*원")
_AMOUNT = re.compile(r"원|%")
_COUNT_ASKED = re.compile(r"몇\s*(?:명|건|개|곳|군데)")


@dataclass(frozen=True)
class FigureSeries:
    """One figure line of an answer: its label, the year its main value is for, and its value in each year given."""

    label: str
    main_year: Optional[int]
    by_year: Dict[int, str]
    line: str  # as the answer said it, without its "- "


def _year(full: Optional[str], short: Optional[str]) -> Optional[int]:
    if full:
        return int(full)
    return 2000 + int(short) if short else None


def figure_lines(answer: str) -> List[FigureSeries]:
    """The figures an answer states, with the values per year its line gives."""
    found = []
    for line in _FIGURE_LINE.finditer(answer):
        main = _MAIN_YEAR.match(line.group("rest"))
        main_year = _year(*main.groups()) if main else None
        by_year = {main_year: line.group("value").strip()} if main_year else {}
        for match in _IN_YEAR.finditer(line.group("rest")):
            year = _year(match.group(1), match.group(2))
            by_year.setdefault(year, match.group(3).strip())
        found.append(FigureSeries(line.group("label").strip(), main_year, by_year, line.group(0)[1:].strip()))
    return found


def asked_year(text: str, report_year: int, year_answered: Optional[int]) -> Optional[int]:
    """The year a follow-up asks about, or None when it names none."""
    if _BEFORE_THAT.search(text):
        return (year_answered or report_year) - 1
    for words, offset in _RELATIVE:
        if words.search(text):
            return report_year + offset
    absolute = _ABSOLUTE.search(text)
    if absolute:
        return _year(absolute.group(1), absolute.group(2) or absolute.group(3))
    return None


def figure_in_year(text: str, before: str, replies: "Replies") -> Optional[str]:
    """The answer to ``text`` ("그럼 작년엔?") right after the reply ``before`` gave a figure: its value that year,
    or that the report lacks it; None when the message is not such a follow-up."""
    if not text or text.startswith("/") or len(text) > FOLLOW_UP_LENGTH:
        return None
    lines = figure_lines(before)
    if not lines:
        return None
    as_of = _AS_OF_YEAR.search(before)
    report_year = int(as_of.group(1)) if as_of else 2018
    series = next((line for line in lines if len(line.by_year) > 1), lines[0])
    by_year: Dict[int, str] = {}
    for line in lines:  # ("그 전년도는?" after "… 3,411건 (2017년)": the year answered last comes first)
        if line.label == series.label:
            for year_given, value in line.by_year.items():
                by_year.setdefault(year_given, value)
    year = asked_year(text, report_year, lines[0].main_year if lines[0].label == series.label else series.main_year)
    if year is None:
        return None
    rest = _ABSOLUTE.sub(" ", text)
    for words, _ in _RELATIVE:
        rest = words.sub(" ", rest)
    rest = _BEFORE_THAT.sub(" ", rest)
    rest = _COMPARED.sub(" ", rest)  # "작년보다 늘었어요?": that year's value, beside this year's in the line
    name_match = _NAME.match(before)
    name = name_match.group(1) if name_match else series.label
    for word in re.findall(r"[가-힣]{2,}", f"{name} {series.label}"):
        rest = rest.replace(word, " ")
    if len(_FILLER.sub("", rest)) > 2:
        return None  # "작년에 취업한 사람은 몇 명이에요": a question of its own
    values_said = " ".join(by_year.values()) or series.line
    if (_AMOUNT_ASKED.search(text) and not _AMOUNT.search(values_said)) or (
        _COUNT_ASKED.search(text) and _AMOUNT.search(values_said)
    ):
        return None  # "그럼 2018년 거는 얼마였죠" after a number of people: another figure (the wage)
    source = _SOURCE.search(before)
    values = dict(name=name, label=series.label, year=year, source=source.group(1) if source else "업무보고")
    if year not in by_year and not by_year and year == report_year:
        by_year[year] = series.line.split(":", 1)[1].split("—")[0].strip()  # "올해 기준은?" of a figure as of the report
    if year in by_year:
        return replies.text("utter_figure_in_year", value=by_year[year], line=series.line, **values)
    return replies.text("utter_figure_in_year_unknown", **values)


# "다 합치면 몇 개야", "전부 해서 몇 명이에요": the sum of the parts a figure line just listed
_TOTAL_ASKED = re.compile(
    r"(?:다|모두|전부|전체)?\s*(?:합치면|합하면|합쳐서|더하면|해서)\s*(?:\S+\s*)?(?:몇|얼마)|합계|총합|총\s*몇|전체\s*(?:로|를|는)?\s*(?:치면|보면|따지면)"
)
# "올해 전체로 치면", "일년 다 합치면": the whole year, of a figure given for half of it
_WHOLE_YEAR = re.compile(r"올해|1\s*년|일\s*년|한\s*해|연간")
_HALF_YEAR = re.compile(r"상반기|하반기")
# "둘이 합치면", "두 개 합하면": two figures said one after the other
_TWO_ANSWERS = re.compile(r"둘|두\s*(?:개|번|해|기간|군데|곳)|양쪽|상하반기|상·하반기")
# "— 사회적기업 617개, 협동조합 3,265개, 마을기업 108개, 기타 209개": parts, each with a number
_PART = re.compile(r"(?<![0-9’'‘])[가-힣A-Za-z()·]+(?<!년)\s*[0-9][0-9,.]*\s*(?:개소|개|명|건|곳|억원|백만원|원)")  # (not years)


def _line_reply(before: str, line: FigureSeries, replies: "Replies") -> str:
    """One figure line of the reply ``before`` said again, with that reply's programme, source and date."""
    name_match, source = _NAME.match(before), _SOURCE.search(before)
    as_of = _AS_OF_YEAR.search(before)
    return replies.text(
        "utter_fact_answer", name=name_match.group(1) if name_match else line.label, facts=f"- {line.line}",
        source=source.group(1) if source else "업무보고", as_of=as_of.group(0) if as_of else "2018년 7월 기준",
    )


def total_of_parts(text: str, before: str, replies: "Replies") -> Optional[str]:
    """The line of the figure whose parts the reply ``before`` listed, when a short follow-up asks for their sum ("다
    합치면 몇 개야" after "서울 사회적경제기업 수: 4,199개 — 사회적기업 617개, 협동조합 3,265개, …"); its value is the
    total the report gives. None when the message is no such follow-up or no line lists parts."""
    if not text or text.startswith("/") or len(text) > FOLLOW_UP_LENGTH or not _TOTAL_ASKED.search(text):
        return None
    if _TWO_ANSWERS.search(text):
        return None  # "둘이 합치면 총 몇 명이에요" after 상반기, then 하반기: the sum of two answers, not of one's parts
    with_parts = [line for line in figure_lines(before) if "—" in line.line and len(_PART.findall(line.line.split("—", 1)[1])) >= 2]
    if len(with_parts) != 1 or any(noun not in with_parts[0].line.replace(" ", "") for noun in _named_in(_nouns_asked(text), before)):
        # ("육아휴직 대체인턴 그거는 총 몇명" names another line of the reply: not this one's total)
        return None
    if _WHOLE_YEAR.search(text) and _HALF_YEAR.search(with_parts[0].line.split("—", 1)[0]):
        return None  # "올해 전체로 치면 몇명임" after 상반기's 4,951명: the year's total (10,109명), not the half's
    return _line_reply(before, with_parts[0], replies)


# "스터디룸 쓴 사람만 따로 보면?", "그중에 사회주택 빼고 기업쪽으로 가는건", "그럼 몇퍼 늘어난거야", "그게 몇년까지라구요?":
# one part of a figure line just said (a part named in its note, its rate, or the year it runs to)
# ("인원만요?", "서울시 과정만?", "마을기업은요 ㅎ", "멘토링 말고 특강이요": a part named bare)
_PART_ASKED = re.compile(
    r"몇|얼마|따로|만\s*(?:보면|치면|따지면|하면)|빼고|빼면|쪽(?:으로|은|는|만)|퍼(?:센트)?(?![가-힣])|퍼\s*(?:늘|줄|증가|감소)|%|비율|증가율|규모"
    r"|만\s*(?:은|는)?\s*요?\s*[?？]*\s*$|[은는]\s*요\s*[?？ㅎㅋ~!.\s]*$|말고\s*(?:\S+\s+){0,2}\S+(?:이요|요)\s*[?？]*\s*$"
)
# "구에서 뽑은거", "구청 사업만", "시 사업으로": the city's or the districts' part of a figure ("시 990명, 자치구 9,119명")
_CITY_OR_DISTRICT_PART = re.compile(r"(?<![가-힣])(?:(?P<gu>(?:자치)?구(?:청)?)|(?P<si>(?:서울)?시(?:청)?))(?=에서|에|가|는|만|이|쪽|\s|$|요)")
_RATE_ASKED = re.compile(r"퍼(?:센트)?(?![가-힣])|몇\s*퍼|%|비율|증가율|감소율")
_UNTIL_ASKED = re.compile(r"몇\s*년\s*까지|언제\s*까지|몇\s*년도\s*까지")
# nouns of a follow-up that name no part ("쓴 사람만", "지금까지", "작년엔 하루")
_NOT_A_PART = frozenset({"사업", "금액", "총액", "액수", "사람", "지금", "작년", "올해", "하루", "그중", "따로", "얼마", "숫자", "정도", "배정", "편성", "배분", "투입", "규모"})
_NUMBER_AFTER = r"[^0-9—\n]{0,10}?[0-9][0-9,.]*"


def part_of_figure(text: str, before: str, replies: "Replies", programme_words: str = "") -> Optional[str]:
    """The one figure line of the reply ``before`` that holds the part a short follow-up asks for: a part its note
    names with a number, its rate when a rate is asked, the year it runs to when that is asked, or the line its label
    names; every noun the question names must be in that line, but for words the programme's facts
    (``programme_words``) never use. None otherwise."""
    if not text or text.startswith("/") or len(text) > FOLLOW_UP_LENGTH + 5 or not _PART_ASKED.search(text):
        return None
    name = _NAME.match(before)
    if not name:
        return None  # (the bureau's own figures have follow-ups of their own: context.policy_figure_follow_up)
    lines = figure_lines(before)
    if not lines:
        return None
    said = _nouns_asked(text)
    known = _named_in(said, before)
    # "계획 말고 지금 실제로 …": what is set aside names no line the question asks for
    aside = _SET_ASIDE.search(text)
    whose = [m for m in _CITY_OR_DISTRICT_PART.finditer(text) if not aside or m.start() > aside.start()]
    if whose and not known:  # "그중에 구에서 하는 사업만 따지면요": the line's part for the districts (or the city)
        part = "구" if whose[-1].group("gu") else "시"
        said, known = said + [part], [part]
    words_aside = text[: aside.start()].split() if aside else []
    set_aside = re.sub(r"(?:은|는|이|가|을|를|도)$", "", words_aside[-1]) if words_aside else ""
    if len(set_aside) >= 2:
        lines = [line for line in lines if set_aside not in line.label.replace(" ", "")]
        rest = text[aside.end():]
        said = [noun for noun in said if noun not in set_aside or noun in rest]
        known = [noun for noun in known if noun not in set_aside or noun in rest]
    # every noun the question names must be in the line ("국가과정은 학과 몇개나" is not the line of 국가과정 1,134명)
    whole = [line for line in lines if all(noun in line.line.replace(" ", "") for noun in said)]
    chosen: List[FigureSeries] = []
    if _RATE_ASKED.search(text):
        chosen = [line for line in whole if "%" in line.line.split(":", 1)[1]]
    elif _UNTIL_ASKED.search(text):
        chosen = [line for line in whole if "까지" in line.line.split("—", 1)[0]]
    elif known:
        # a part its note names with a number; here a noun neither the reply nor the programme's facts ever say is
        # no part of it ("그중에 구청이나 공공기관에 있는건": 구청), nor one typed after the part in the same word
        # (공공기관: 공공 21); but "최저시급" is no 시급
        parts = [
            noun for noun in said if noun in known or _in_word_with(noun, known, text, before_it=True)
            or (noun in programme_words.replace(" ", "") and not _in_word_with(noun, known, text, before_it=False))
        ]
        chosen = [
            line for line in lines
            if "—" in line.line and all(noun in line.line.replace(" ", "") for noun in parts)
            and any(re.search(re.escape(noun) + _NUMBER_AFTER, line.line.split("—", 1)[1]) for noun in known)
        ]
        # "육아휴직 대체인턴 그거는 총 몇명": the line whose label names all it says (beyond the programme's own name)
        if not chosen and all(noun not in name.group(1).replace(" ", "") for noun in said):
            chosen = [line for line in whole if all(noun in line.label.replace(" ", "") for noun in said) and _kind_fits(text, line)]
    elif not said and len(lines) == 1 and _AMOUNT_ASKED.search(text) and _TOTAL_MONEY_ASKED.search(text) and (
        _kind_fits(text, lines[0]) or re.search(r"[0-9]\s*(?:억원|백만원|만원)", lines[0].line)
    ):  # "돈은 총 얼마 모였는데" right after the one amount, "그건 총 금액이 얼마에요" after a count with its sum: that line
        chosen = lines
    if len(chosen) != 1:
        return None
    return _line_reply(before, chosen[0], replies)


# "사업개발비 지원은여?", "그럼 마을기업은요?": a thing named alone, asked the same as before
_THING_ASKED = re.compile(
    # ("아 인건비 말고 사업개발비 지원이요": the thing after what it sets aside)
    r"^\s*(?:그럼\s*|그러면\s*|아\s*|아니\s*)?(?:[가-힣]+\s*(?:말고|말구)\s+)?(?P<thing>[가-힣A-Za-z0-9·]+(?:\s+[가-힣A-Za-z0-9·]+)?)"
    r"\s*(?:(?:은|는)\s*(?:요|여|용)?|(?<=[가-힣])(?:이요|요))\s*[?？~!.]*\s*$"
)


def figure_of_another_thing(text: str, before: str, figure_facts: List[str], replies: "Replies") -> Optional[str]:
    """"사업개발비 지원은여?" right after "인건비 지원 기업 수: 1,208개": the figure of the programme discussed that counts
    the same (지원 기업 수) for the thing named; ``figure_facts`` are that programme's figures as "label: value …".
    None unless exactly one figure is that."""
    asked = _THING_ASKED.match(text or "")
    lines = figure_lines(before) if asked and _NAME.match(before) else []
    said = _nouns_asked(asked.group("thing")) if asked else []
    if not lines or not said:
        return None
    kinds = {tuple(line.label.split()[-2:]) for line in lines if len(line.label.split()) >= 3}
    chosen = [
        fact for fact in figure_facts
        if tuple(fact.split(":", 1)[0].split()[-2:]) in kinds and fact not in before
        and all(noun in fact.split(":", 1)[0].replace(" ", "") for noun in said)
    ]
    if len(chosen) != 1:
        return None
    label, rest = chosen[0].split(":", 1)
    return _line_reply(before, FigureSeries(label, None, {}, f"{label}:{rest}"), replies)


def _in_word_with(noun: str, known: List[str], text: str, before_it: bool) -> bool:
    """Whether ``noun`` is typed in one word with a noun of ``known``, before it ("최저시급": 최저 before 시급) or
    after it ("공공기관": 기관 after 공공)."""
    return any(
        k in word and noun in word and (word.index(noun) < word.index(k)) == before_it
        for word in text.split() for k in known if k != noun
    )


_SET_ASIDE = re.compile(r"말고|말구|빼고")
# "총 얼마 모였는데", "다 해서 얼마": the sum a figure line gives
_TOTAL_MONEY_ASKED = re.compile(r"총|전체|모두|다\s*(?:해서|합쳐|합하)|모였|모은|모인|모금")


def _nouns_asked(text: str) -> List[str]:
    """The nouns of a follow-up that may name a part (two letters or more, not "사람", "올해" …), each once."""
    return [noun for noun in dict.fromkeys(nouns(text)) if len(noun) >= 2 and noun not in _NOT_A_PART]


def _named_in(said: List[str], before: str) -> List[str]:
    """The nouns ``said`` that the reply ``before`` also said (spaces aside)."""
    spoken = re.sub(r"\s+", "", before)
    return [noun for noun in said if noun in spoken]


def _kind_fits(text: str, line: FigureSeries) -> bool:
    """Whether the value of ``line`` is the kind ``text`` asks: an amount for 얼마, people for 몇 명/분, a count for
    몇 개."""
    value = line.line.split(":", 1)[1].split("—", 1)[0]
    if _AMOUNT_ASKED.search(text):
        return bool(re.search(r"[0-9]\s*(?:억원|백만원|만원|원)", value))
    if re.search(r"몇\s*(?:명|분)", text):
        return bool(re.search(r"[0-9]\s*명", value))
    return bool(_COUNT_ASKED.search(text)) and not _AMOUNT.search(value)
