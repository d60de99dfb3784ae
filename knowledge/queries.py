"""Read-only questions to the knowledge base, shared by the actions and the staff console.

Results are plain frozen dataclasses, detached from any database session, so callers can keep them.
"""
from __future__ import annotations

import enum
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from time import monotonic
from typing import Dict, Iterable, List, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload

from knowledge.clauses import without_asker_workplace
from knowledge.db import get_engine
from knowledge.fact_search import (
    DISTINCTIVE_IDF, STOP_BIGRAMS, Fact, FactHit, FactIndex, best_facts, bigrams, question_bigrams, without_reason,
)
from knowledge.schema import Figure, Place, Programme, ProgrammeAlias
from knowledge.validation import WEEKDAYS, alias_key, describes

logger = logging.getLogger(__name__)

# the citizen's words for a figure's label ("일하는 사람" are the bureau's 현원)
FIGURE_WORDS = {"일하는 사람": "현원", "일하는 직원": "현원", "근무하는 사람": "현원", "일하는 공무원": "현원"}
# the unit a question asks for, rates first ("예산 집행률" is a rate)
UNITS_ASKED = (
    (re.compile(r"률|퍼센트|퍼|프로|%"), ("%",)),
    (re.compile(r"얼마|금액|예산|억|원"), ("백만원", "억원", "원", "천원", "만원")),
    (re.compile(r"몇\s*명|인원|사람"), ("명",)),
    (re.compile(r"몇\s*(?:개|곳|군데)"), ("개", "곳", "개소")),
)

# "거긴 …", "그곳은 …", "그 교육원 …", "처음 말한 데는": the site being discussed, pointed at (not named)
POINTS_AT_A_PLACE = re.compile(r"거기|거긴|그곳|그\s*(?:데|곳|쉼터|센터|교육원|기념관)|(?<![가-힣])데(?:는|가|요)?(?![가-힣])")

SEOUL = ZoneInfo("Asia/Seoul")
WEEKDAY_KO = ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"]


# ---------------------------------------------------------------------------------------- results
@dataclass(frozen=True)
class HoursInfo:
    weekday: int
    closed: bool
    opens: Optional[time]
    closes: Optional[time]

    @property
    def overnight(self) -> bool:
        return not self.closed and self.closes is not None and self.closes <= self.opens

    def label(self) -> str:
        if self.closed:
            return "휴무"
        return f"{self.opens:%H:%M}~{'다음날 ' if self.overnight else ''}{self.closes:%H:%M}"


@dataclass(frozen=True)
class PlaceInfo:
    name: str
    programme_slug: str
    district: Optional[str]
    address: Optional[str]
    serves: Optional[str]
    note: Optional[str]
    hours: Tuple[HoursInfo, ...]


@dataclass(frozen=True)
class RuleInfo:
    kind: str
    value: object
    text: str


@dataclass(frozen=True)
class FigureInfo:
    label: str
    value: float
    unit: str
    period: Optional[str]
    note: Optional[str]
    programme_slug: Optional[str]
    source_section: Optional[str]

    def display(self) -> str:
        number = f"{self.value:,.0f}" if float(self.value).is_integer() else f"{self.value:,}"
        text = f"{self.label}: {number}{self.unit}"
        if self.unit == "원" and self.value >= 10_000 and float(self.value) % 10_000 == 0:
            text += f"({self.value / 10_000:,.0f}만원)"  # "200,000원(20만원)": as people say a sum
        return f"{text} ({self.period})" if self.period else text


@dataclass(frozen=True)
class ProgrammeInfo:
    slug: str
    name: str
    family: str
    topic: str
    citizen_facing: bool
    target_groups: Tuple[str, ...]
    summary: str
    services: Tuple[str, ...]
    how_to_apply: Optional[str]
    cost: Optional[str]
    status_note: Optional[str]
    situations: Tuple[str, ...]
    source_section: str
    source_quote: str
    as_of: str
    aliases: Tuple[str, ...]
    places: Tuple[PlaceInfo, ...]
    rules: Tuple[RuleInfo, ...]
    figures: Tuple[FigureInfo, ...]
    descriptions: Tuple[str, ...] = ()
    department: Optional[str] = None  # the division in charge, where the report's 주요기능 table names the programme
    department_duty: Optional[str] = None

    @property
    def checkable_rules(self) -> List[RuleInfo]:
        """The rules a verdict is made of; a "note" (주이용대상 …) only informs it."""
        return [rule for rule in self.rules if rule.kind != "note"]

    @property
    def as_of_label(self) -> str:
        year, month = self.as_of.split("-")
        return f"{year}년 {int(month)}월 기준"


class OpenStatus(str, enum.Enum):
    OPEN = "open"
    CLOSED = "closed"
    UNKNOWN = "unknown"  # the report does not give hours for that day


@dataclass(frozen=True)
class OpenAnswer:
    place: PlaceInfo
    status: OpenStatus
    hours_today: Optional[HoursInfo]
    # set when the place is open because of yesterday's range that runs past midnight
    from_previous_day: Optional[HoursInfo] = None


class Verdict(str, enum.Enum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Profile:
    """What we know about a citizen; ``None`` means not (yet) known."""

    age: Optional[int] = None
    seoul_resident: Optional[bool] = None
    job_status: Optional[str] = None  # job_seeker | unemployed | employed
    has_regular_income: Optional[bool] = None
    job_seeker_registered: Optional[bool] = None
    workplace_size: Optional[int] = None
    worker_type: Optional[str] = None
    is_organisation: Optional[bool] = None
    high_school_senior: Optional[bool] = None  # "고3이에요": 17–19 years old, though no age was said

# the age range of a high-school senior (만 나이): enough for "34세 이하" or "만 15세 이상", not for "만 18세 이상"
HIGH_SCHOOL_SENIOR_AGES = (17, 19)


# facts of a Profile that a rule kind needs; the assistant asks for them in this order
RULE_NEEDS = {
    "age_min": "age",
    "age_max": "age",
    "seoul_resident": "seoul_resident",
    "job_status": "job_status",
    "no_regular_income": "has_regular_income",
    "job_seeker_registered": "job_seeker_registered",
    "workplace_size_max": "workplace_size",
    "worker_type": "worker_type",
    "organisation": "is_organisation",
}
_NOT_WORKING = {"job_seeker", "unemployed"}


# the example jobs a line of the bureau's jobs targets ends with ("… 예산 1,467억원. 초등학교급식도우미, 학교보안관, … 등")
_JOB_EXAMPLES = re.compile(r"\.\s*([^.]+?)\s*등\s*$")

@dataclass(frozen=True)
class EligibilityResult:
    programme: ProgrammeInfo
    verdict: Verdict
    met: Tuple[str, ...] = ()
    failed: Tuple[str, ...] = ()
    missing: Tuple[str, ...] = ()  # Profile field names still needed, in asking order
    notes: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Recommendation:
    programme: ProgrammeInfo
    result: EligibilityResult


@dataclass(frozen=True)
class SearchHit:
    programme: ProgrammeInfo
    score: float
    matched: Tuple[str, ...] = field(default_factory=tuple)


# -------------------------------------------------------------------------------------- the rules
def _rule_outcome(rule: RuleInfo, profile: Profile) -> Optional[bool]:
    """True/False when the profile meets/fails the rule, None when the needed fact is unknown."""
    kind, value = rule.kind, rule.value
    if kind in ("age_min", "age_max"):
        if profile.age is None and profile.high_school_senior:
            youngest, oldest = HIGH_SCHOOL_SENIOR_AGES
            if kind == "age_max":
                return True if oldest <= value else (False if youngest > value else None)
            return True if youngest >= value else (False if oldest < value else None)
        if profile.age is None:
            return None
        return profile.age >= value if kind == "age_min" else profile.age <= value
    if kind == "seoul_resident":
        return profile.seoul_resident
    if kind == "job_status":
        if profile.job_status is None:
            # "고용센터에 구직등록 했어요" answers "지금 어떤 상황이세요?": a registered job seeker is looking for work
            if (value in _NOT_WORKING and profile.job_seeker_registered) or (value == "job_seeker" and profile.high_school_senior):
                # a 고3 counts as a job seeker where the report names 고교졸업예정자 (취업날개)
                return True
            return None
        if value in _NOT_WORKING:
            return profile.job_status in _NOT_WORKING
        return profile.job_status == value
    if kind == "no_regular_income":
        if profile.has_regular_income is None:
            return False if profile.job_status == "employed" else None
        return not profile.has_regular_income
    if kind == "job_seeker_registered":
        return profile.job_seeker_registered
    if kind == "workplace_size_max":
        return None if profile.workplace_size is None else profile.workplace_size <= value
    if kind == "worker_type":
        return None if profile.worker_type is None else profile.worker_type == value
    if kind == "organisation":
        return profile.is_organisation
    return None


def check_eligibility(programme: ProgrammeInfo, profile: Profile) -> EligibilityResult:
    """Eligible / not eligible / can't tell, with the reasons and the facts still missing."""
    met: List[str] = []
    failed: List[str] = []
    missing: List[str] = []
    notes: List[str] = []
    checkable = programme.checkable_rules
    for rule in programme.rules:
        if rule.kind == "note":
            notes.append(rule.text)
            continue
        outcome = _rule_outcome(rule, profile)
        if outcome is True:
            met.append(rule.text)
        elif outcome is False:
            failed.append(rule.text)
        else:
            need = RULE_NEEDS[rule.kind]
            if need not in missing:
                missing.append(need)
    order = list(dict.fromkeys(RULE_NEEDS.values()))
    missing.sort(key=order.index)
    if failed:
        verdict = Verdict.NOT_ELIGIBLE
    elif missing or not checkable:
        verdict = Verdict.UNKNOWN
    else:
        verdict = Verdict.ELIGIBLE
    return EligibilityResult(programme, verdict, tuple(met), tuple(failed), tuple(missing), tuple(notes))


def _previous(weekday: int) -> int:
    return (weekday - 1) % 7


def open_status(place: PlaceInfo, moment: datetime) -> OpenAnswer:
    """Is ``place`` open at ``moment`` (converted to Asia/Seoul), counting ranges past midnight."""
    local = moment.astimezone(SEOUL) if moment.tzinfo else moment.replace(tzinfo=SEOUL)
    now, weekday = local.time(), local.weekday()
    by_day: Dict[int, List[HoursInfo]] = {}
    for hours in place.hours:
        by_day.setdefault(hours.weekday, []).append(hours)
    for yesterday in by_day.get(_previous(weekday), []):
        if yesterday.overnight and now < yesterday.closes:
            return OpenAnswer(place, OpenStatus.OPEN, _first(by_day.get(weekday)), yesterday)
    today = by_day.get(weekday)
    if not today:
        return OpenAnswer(place, OpenStatus.UNKNOWN, None)
    for hours in today:
        if hours.closed:
            continue
        if hours.overnight and now >= hours.opens:
            return OpenAnswer(place, OpenStatus.OPEN, hours)
        if not hours.overnight and hours.opens <= now < hours.closes:
            return OpenAnswer(place, OpenStatus.OPEN, hours)
    return OpenAnswer(place, OpenStatus.CLOSED, today[0])


def _first(items: Optional[List[HoursInfo]]) -> Optional[HoursInfo]:
    return items[0] if items else None


def hours_on(place: PlaceInfo, day: date) -> Optional[HoursInfo]:
    """The hours of ``place`` on ``day``; ``None`` when the report does not give that day."""
    for hours in place.hours:
        if hours.weekday == day.weekday():
            return hours
    return None


def weekday_index(name: str) -> Optional[int]:
    """``mon``..``sun`` → 0..6."""
    return WEEKDAYS.index(name) if name in WEEKDAYS else None


# ------------------------------------------------------------------------------- the query object
def _to_info(row: Programme) -> ProgrammeInfo:
    return ProgrammeInfo(
        slug=row.slug,
        name=row.name,
        family=row.family,
        topic=row.topic,
        citizen_facing=row.citizen_facing,
        target_groups=tuple(row.target_groups or ()),
        summary=row.summary,
        services=tuple(row.services or ()),
        how_to_apply=row.how_to_apply,
        cost=row.cost,
        status_note=row.status_note,
        department=row.department,
        department_duty=row.department_duty,
        situations=tuple(row.situations or ()),
        source_section=row.source.section,
        source_quote=row.source.quote,
        as_of=row.source.as_of,
        aliases=tuple(alias.alias for alias in row.aliases),
        descriptions=tuple(description.pattern for description in row.descriptions),
        places=tuple(
            PlaceInfo(
                name=place.name,
                programme_slug=row.slug,
                district=place.district,
                address=place.address,
                serves=place.serves,
                note=place.note,
                hours=tuple(
                    HoursInfo(h.weekday, h.closed, h.opens, h.closes) for h in place.hours
                ),
            )
            for place in row.places
        ),
        rules=tuple(RuleInfo(r.kind, r.value, r.text) for r in row.eligibility_rules),
        figures=tuple(_figure_info(f, row.slug) for f in row.figures),
    )


def _figure_info(row: Figure, slug: Optional[str]) -> FigureInfo:
    return FigureInfo(
        label=row.label,
        value=row.value,
        unit=row.unit,
        period=row.period,
        note=row.note,
        programme_slug=slug,
        source_section=row.source.section if row.source else None,
    )


# How clearly a fact must match a detail question (fact_search.py scores): within the programme being
# discussed one distinctive word is enough; across all programmes (no context) it takes about two.
# "상담은?", "그럼 교육은요": one noun said alone, of the programme being discussed
BARE_TOPIC = re.compile(r"^\W*(?:그럼\s*|그러면\s*|아\s*)?(?P<noun>[가-힣]{2,6}?)(?:은|는|이|가|도)?(?:요)?\W*$")
SCOPED_FACT_THRESHOLD = 3.8
# "층마다 뭐가 들어와요", "층별 용도", "각 층에": the whole floor plan ("5층에 뭐 있어요" asks one floor)
FLOOR_PLAN_ASKED = re.compile(r"층마다|층별|각\s*층|층\s*구성|층\s*용도|몇\s*층에\s*(?:뭐|무엇|무슨)")
FLOOR_FACT = re.compile(r"^(\d+)층\s*:")
# the label of the bureau's job target for one group ("’18년 일자리 목표 — 여성")
JOBS_TARGET_FOR = re.compile(r"^.*일자리 목표 — (?P<group>\S+)$")
POLICY_FIGURE_WORDS = 4  # bigrams a question shares with a bureau figure's label ("서울시 일자리 목표": 서울·울시·일자·자리·목표)
GLOBAL_FACT_THRESHOLD = 9.0


def programme_facts(programme: ProgrammeInfo) -> List[Fact]:
    """Every statement the knowledge base holds about a programme, one fact each."""
    facts = [("summary", programme.summary), ("how_to_apply", programme.how_to_apply), ("cost", programme.cost),
             ("status", programme.status_note), ("quote", programme.source_quote)]
    facts += [("service", service) for service in programme.services]
    facts += [("rule", rule.text) for rule in programme.rules]
    facts += [("figure", f.display() + (f" — {f.note}" if f.note else "")) for f in programme.figures]
    for place in programme.places:
        where = ", ".join(filter(None, [place.address or place.district, place.serves, place.note]))
        facts.append(("place", f"{place.name}: {where}" if where else place.name))
    return [Fact(programme.slug, kind, text) for kind, text in facts if text]


PLACE_KIND_SUFFIXES = ("쉼터", "기술교육원", "교육원", "센터")


def place_keys(name: str) -> List[str]:
    """A place's name as citizens shorten it: 합정쉼터 → also 합정 (at least two letters left); a place of several
    sites by each ("서울시청·덕수궁돌담길" → also 덕수궁돌담길)."""
    key = alias_key(name)
    keys = [key] + [alias_key(part) for part in name.split("·") if "·" in name and len(alias_key(part)) >= 4]
    for suffix in PLACE_KIND_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 2:
            keys.append(key[: -len(suffix)])
            break
    return keys


# "(서초)구 살고", "(서초)구에 삽니다": a district lived in, right after a name
_LIVES_IN_DISTRICT = re.compile(r"구(?:에서|에|쪽에|쪽)?(?:살|사는|사시|삽|사세|거주)")


# words that hold a site's short name and mean something else ("고용노동부에 물어봐야되나" names no 동부기술교육원)
_WORDS_AROUND_A_SITE = frozenset({"노동부"})


def names_place(short: str, key: str) -> bool:
    """Whether a place's short name in a text's key names the place: "서초" does in "서초쉼터몇시", not in
    "서초구살고" (where the citizen lives)."""
    return any(
        not _LIVES_IN_DISTRICT.match(key, found.end()) and key[max(0, found.start() - 1):found.end()] not in _WORDS_AROUND_A_SITE
        for found in re.finditer(re.escape(short), key)
    )


class KnowledgeBase:
    """The knowledge base, read once into memory: it is small (tens of programmes) and read-only.

    Loading everything on first use makes each look-up a dictionary access, which keeps the
    per-message path of the action server free of SQL round trips. ``refresh()`` re-reads it.
    """

    def __init__(self, engine: Optional[Engine] = None, max_age_seconds: float = 300.0) -> None:
        self._engine = engine
        self._max_age = max_age_seconds
        self._loaded_at = 0.0
        self._programmes: Optional[Dict[str, ProgrammeInfo]] = None
        self._keys: Dict[str, str] = {}
        self._place_keys: Dict[str, PlaceInfo] = {}
        self._figures: Tuple[FigureInfo, ...] = ()
        self._figure_bigrams: Tuple[Tuple[FigureInfo, frozenset], ...] = ()  # the loose figures' labels, as bigrams
        self._fact_index: Optional[FactIndex] = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = get_engine()
        return self._engine

    def refresh(self) -> None:
        with Session(self.engine, future=True) as session:
            rows = (
                session.execute(
                    select(Programme).options(
                        selectinload(Programme.aliases),
                        selectinload(Programme.descriptions),
                        selectinload(Programme.places).selectinload(Place.hours),
                        selectinload(Programme.eligibility_rules),
                        selectinload(Programme.figures).selectinload(Figure.source),
                    ).order_by(Programme.id)
                )
                .unique()
                .scalars()
                .all()
            )
            programmes = {row.slug: _to_info(row) for row in rows}
            loose = session.execute(select(Figure).where(Figure.programme_id.is_(None))).scalars()
            figures = tuple(_figure_info(f, None) for f in loose)
            keys = {
                alias.key: slug
                for slug, alias in session.execute(
                    select(Programme.slug, ProgrammeAlias).join(ProgrammeAlias.programme)
                ).all()
            }
        keys.update({slug: slug for slug in programmes})
        self._programmes, self._keys, self._figures = programmes, keys, figures
        self._figure_bigrams = tuple((figure, frozenset(bigrams(figure.label))) for figure in figures)
        self._fact_index = None  # rebuilt from the new contents on first use
        self._loaded_at = monotonic()
        # a place's short form that is part of another programme's name says nothing about the place: "청년일자리"
        # (청년일자리센터) is also in 청년일자리 민관협력사업 and in "청년 일자리 중에 시급 주는 거"
        self._place_keys = {
            key: place
            for programme in programmes.values()
            for place in programme.places
            for key in place_keys(place.name)
            if key == alias_key(place.name)
            or not (
                any(alias.startswith(key) for alias, slug in keys.items() if slug != programme.slug)
                or any(  # "서울시청" (of 서울시청·덕수궁돌담길) begins 서울시청 다목적홀, another programme's place
                    alias_key(other.name).startswith(key)
                    for other_programme in programmes.values() if other_programme.slug != programme.slug
                    for other in other_programme.places
                )
            )
        }

    def _data(self) -> Dict[str, ProgrammeInfo]:
        if self._programmes is None:
            self.refresh()
        elif monotonic() - self._loaded_at > self._max_age:
            try:  # pick up a `make kb` reload; keep serving the old copy if the database is away
                self.refresh()
            except SQLAlchemyError:
                logger.warning("knowledge base refresh failed; serving the copy from memory", exc_info=True)
                self._loaded_at = monotonic()
        assert self._programmes is not None
        return self._programmes

    # -- programmes
    def all_programmes(self, citizen_facing_only: bool = False) -> List[ProgrammeInfo]:
        return [p for p in self._data().values() if p.citizen_facing or not citizen_facing_only]

    def programmes_for_group(self, group: str) -> List[ProgrammeInfo]:
        """Citizen programmes the report names ``group`` ("청년", "구직자") as a target of, in source order."""
        return [p for p in self.all_programmes(citizen_facing_only=True) if group in p.target_groups]

    def programme(self, slug: str) -> Optional[ProgrammeInfo]:
        return self._data().get(slug)

    def find_programme(self, name: str) -> Optional[ProgrammeInfo]:
        """By slug, official name or alias, ignoring spacing and punctuation; else the longest
        name contained in the text ("취업날개 서비스 신청" → 취업날개)."""
        data = self._data()
        key = alias_key(name)
        if not key:
            return None
        if key in self._keys:
            return data[self._keys[key]]
        place = self._place_keys.get(key)
        if place is not None:
            return data[place.programme_slug]
        mentioned = self.programmes_in_text(name)
        return mentioned[0] if mentioned else None

    def programmes_in_text(self, text: str) -> List[ProgrammeInfo]:
        """Programmes named anywhere in ``text``, longest name first; then those it describes in the words of
        their ``described_as`` ("시에서 월급 주면서 일도 가르쳐 주는 거" → 뉴딜일자리)."""
        data = self._data()
        key = alias_key(without_asker_workplace(text))  # ("쉼터 상담사입니다. …": where the asker works)
        found: List[Tuple[int, str]] = []
        for alias, slug in self._keys.items():
            if len(alias) >= 2 and alias in key:
                found.append((len(alias), slug))
        for alias, place in self._place_keys.items():
            if names_place(alias, key):
                found.append((len(alias), place.programme_slug))
        ordered: List[str] = []
        for _, slug in sorted(found, reverse=True):
            if slug not in ordered:
                ordered.append(slug)
        ordered += [
            slug for slug, programme in data.items()
            if slug not in ordered and any(describes(pattern, key) for pattern in programme.descriptions)
        ]
        return [data[slug] for slug in ordered]

    def for_situation(self, situation: str) -> List[ProgrammeInfo]:
        """Programmes that help in a situation (``situations`` in the sources), in source order."""
        return [p for p in self._data().values() if situation in p.situations]

    # -- places
    def place(self, name: str) -> Optional[PlaceInfo]:
        """A place by its name ("서초쉼터", "서초 쉼터")."""
        self._data()
        return self._place_keys.get(alias_key(name))

    def named_in_order(self, text: str) -> List[Tuple[str, str]]:
        """What ``text`` names, as ("programme", slug) or ("place", name), in the order it is said: "두번째 거" and
        "뒤에 말한 데" count in the citizen's order, not the bot's. Overlapping names: the longest wins (a site's
        name is the site, not its programme)."""
        self._data()
        key = alias_key(without_asker_workplace(text))
        spans: List[Tuple[int, int, Tuple[str, str]]] = []
        for alias, slug in self._keys.items():
            if len(alias) >= 2:
                spans += [(m.start(), m.end(), ("programme", slug)) for m in re.finditer(re.escape(alias), key)]
        for alias, place in self._place_keys.items():
            if alias and names_place(alias, key):
                spans += [(m.start(), m.end(), ("place", place.name)) for m in re.finditer(re.escape(alias), key)]
        taken: List[Tuple[int, int]] = []
        named: List[Tuple[int, Tuple[str, str]]] = []
        for start, end, thing in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):  # longest first
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            named.append((start, thing))
        return list(dict.fromkeys(thing for _, thing in sorted(named)))

    def places_in_text(self, text: str) -> List[PlaceInfo]:
        self._data()
        key = alias_key(text)
        found = [place for alias, place in self._place_keys.items() if alias and names_place(alias, key)]
        return list({place.name: place for place in found}.values())  # one place may match by several aliases

    def places_in_district(self, district: str, programme_slug: Optional[str] = None) -> List[PlaceInfo]:
        """Places the report locates in ``district`` ("마포구"; "마포" works too)."""
        short = district[:-1] if district.endswith("구") and len(district) > 2 else district
        result = []
        for programme in self._data().values():
            if programme_slug and programme.slug != programme_slug:
                continue
            for place in programme.places:
                located = " ".join(filter(None, [place.district, place.address]))
                if place.district == district or (short and short in located):
                    result.append(place)
        return result

    # -- eligibility
    def check(self, slug: str, profile: Profile) -> EligibilityResult:
        programme = self.programme(slug)
        if programme is None:
            raise KeyError(slug)
        return check_eligibility(programme, profile)

    def recommend(
        self, profile: Profile, topics: Optional[Iterable[str]] = None, limit: int = 5
    ) -> List[Recommendation]:
        """Citizen programmes the profile may use: eligible first, then those only missing facts.

        A programme without checkable rules is only offered when it is in ``topics``.
        """
        wanted = set(topics or ())
        scored: List[Tuple[int, int, str, Recommendation]] = []
        for programme in self.all_programmes(citizen_facing_only=True):
            result = check_eligibility(programme, profile)
            if result.verdict is Verdict.NOT_ELIGIBLE:
                continue
            if not result.met and programme.topic not in wanted:
                continue
            rank = 0 if result.verdict is Verdict.ELIGIBLE else 1
            scored.append((rank, -len(result.met), programme.slug, Recommendation(programme, result)))
        scored.sort(key=lambda item: item[:3])
        return [item[3] for item in scored[:limit]]

    # -- details no intent names ("몇 군데?", "시급 얼마?")
    def fact_index(self) -> FactIndex:
        programmes = self._data()
        if self._fact_index is None:
            self._fact_index = FactIndex(
                [fact for programme in programmes.values() for fact in programme_facts(programme)],
                {slug: (p.name, *p.aliases) for slug, p in programmes.items()},
            )
        return self._fact_index

    def described_programme(self, text: str) -> Optional[ProgrammeInfo]:
        """The programme a message describes without naming it, when one clearly fits (fact_search.identify)."""
        found = self.fact_index().identify(text)
        return self.programme(found[0]) if found else None

    def find_facts(
        self, question: str, programme_slug: Optional[str] = None, place: Optional[str] = None,
        topic: Optional[str] = None,
    ) -> List[Fact]:
        """Facts that clearly answer a detail question: within one programme, or (stricter) across all, or across
        the programmes of one ``topic``."""
        if programme_slug is not None and topic is None and FLOOR_PLAN_ASKED.search(question):
            # "층마다 무엇이 들어서는지": every floor of the building the report plans, lowest first
            floors = [
                fact for fact in self.fact_index().facts
                if fact.programme_slug == programme_slug and FLOOR_FACT.match(fact.text)
            ]
            if len(floors) > 1:
                return sorted(floors, key=lambda fact: int(FLOOR_FACT.match(fact.text).group(1)))
        # a topic holds a handful of programmes: as strict as one programme
        threshold = SCOPED_FACT_THRESHOLD if programme_slug is not None or topic is not None else GLOBAL_FACT_THRESHOLD
        hits = self.fact_index().search(question, programme_slug, limit=8 if topic is None else 200, place=place)
        if place and programme_slug is not None:
            hits = self._as_of_the_place(hits, question, programme_slug, place)
        if topic is not None:
            programmes = self._data()
            # only facts sharing words with the question: a number of the right kind alone is not enough here
            hits = [hit for hit in hits if programmes[hit.fact.programme_slug].topic == topic and hit.matched]
        if hits and (topic is not None or programme_slug is not None) and hits[0].matched:
            # "대출도 돼?" after a list about the social economy: every word the question asks about is in the fact
            # (융자), so one distinctive word is enough to find the programme of the topic that has it; within one
            # programme only when that word is the report's for the citizen's ("더 늘린다는 말도" → 확대)
            index = self.fact_index()
            matched = set(hits[0].matched)
            distinctive = {b for b in index.evidence(question, programme_slug) if index.idf(b) >= DISTINCTIVE_IDF}
            if matched == distinctive and (
                topic is not None or matched <= set(index.translated(question))
            ):
                threshold = min(threshold, hits[0].score)
        if (
            programme_slug is not None and topic is None and hits and not hits[0].matched
            and programme_slug not in [p.slug for p in self.programmes_in_text(question)]
        ):
            # "서울에 협동조합이 몇개나 있어요?" at 협동조합지원센터: its own counts match only the kind asked (its name
            # is no evidence within it); a fact of its topic that has the word and the kind is the answer
            own = self._data()[programme_slug].topic
            name = self.fact_index().main_name_bigrams(programme_slug)
            wider = [  # (the word it has is the programme's own name, which is why the search within it ignored it)
                hit for hit in self.fact_index().search(question, None, limit=8, place=place)
                if hit.matched and set(hit.matched) <= name and hit.fact.programme_slug != programme_slug
                and self._data()[hit.fact.programme_slug].topic == own
            ]
            if wider and wider[0].score > hits[0].score and wider[0].score >= GLOBAL_FACT_THRESHOLD:
                hits, threshold = wider, GLOBAL_FACT_THRESHOLD
        bare = BARE_TOPIC.match(question) if programme_slug is not None and topic is None and not hits else None
        if bare is not None and not self.programmes_in_text(bare.group("noun")):  # (not "일자리카페?": its name)
            # "상담은?" while 감정노동 보호 is discussed: its facts that say 상담 (a word too common to search by), not
            # its summary
            return [
                fact for fact in self.fact_index().facts
                if fact.programme_slug == programme_slug and fact.kind != "summary" and bare.group("noun") in fact.text
            ][:2]
        facts = best_facts(hits, threshold)
        # ("… 몇 명이나 뽑았는지도 알 수 있을까요? 경쟁이 센지 궁금해서요": the reason after it asks no rate)
        return [] if self.fact_index().lacks_the_value_asked(without_reason(question), facts) else facts

    def _as_of_the_place(self, hits: List[FactHit], question: str, programme_slug: str, place: str) -> List[FactHit]:
        """The hits with a fact about another site of the programme replaced by the same kind of fact about the site
        discussed: "거긴 어느 학교에서 맡아 합니까" of 중부 matched 동부's (학)경복대학교 on 학교, but asks who runs 중부."""
        discussed = self.place(place)
        programme = self.programme(programme_slug)
        sites = [p.name for p in programme.places] if discussed is not None and programme is not None else []
        if (
            discussed is None or len(sites) < 2 or not POINTS_AT_A_PLACE.search(question)
            or any(p.name != discussed.name for p in self.places_in_text(question))
        ):  # (only "거기", "그곳": "강동 쪽에도 있어요?" after 북부 asks of another site)
            return hits
        others = [name for name in sites if name != discussed.name]
        # where the other sites are, as their places and facts say ("강동구 고덕동", "용산구 한남동")
        said_of_others = " ".join(
            [f"{p.district or ''} {p.address or ''}" for p in programme.places if p.name != discussed.name]
            + [f.text for f in self.fact_index().facts if f.programme_slug == programme_slug
               and any(f.text.startswith(name) for name in others)]
        )
        where_others = {word[:-1] for word in re.findall(r"[가-힣]{1,4}[구동시군](?![가-힣])", said_of_others)}
        if any(word in question for word in where_others if len(word) >= 2):
            return hits  # "강동 쪽에도 하나 있다던데 거긴 어느 동네예요?": another site, by where it is
        own = [f for f in self.fact_index().facts if f.programme_slug == programme_slug and discussed.name in f.text]
        replaced: List[FactHit] = []
        for hit in hits:
            if discussed.name not in hit.fact.text and any(name in hit.fact.text for name in others):
                same_kind = [f for f in own if f.kind == hit.fact.kind and not any(name in f.text for name in others)]
                if not same_kind:
                    continue
                hit = FactHit(same_kind[0], hit.score, hit.matched)
            if all(hit.fact != other.fact for other in replaced):
                replaced.append(hit)
        return replaced

    def policy_figure(self, question: str, min_words: int = 0, tie_break: str = "") -> Optional[FigureInfo]:
        """The bureau's own figure a question asks for ("올해 서울시 일자리 목표 몇 개예요?" → ’18년 서울시 일자리 목표):
        one that is tied to no programme and shares more words with the question than any other (at least
        POLICY_FIGURE_WORDS bigrams of them, or ``min_words``); ``tie_break``'s words choose among equals."""
        self._data()
        for said, written in FIGURE_WORDS.items():  # "일하는 사람 몇명이에요" counts 현원
            question = question.replace(said, written)
        asked = set(question_bigrams(question)) - STOP_BIGRAMS
        scored = sorted(((len(asked & label), figure) for figure, label in self._figure_bigrams), key=lambda item: -item[0])
        if not scored or scored[0][0] < max(min_words, POLICY_FIGURE_WORDS):
            return None
        tied = [figure for score, figure in scored if score == scored[0][0]]
        if len(tied) > 1 and tie_break:
            # "목표는 몇 개야" then "지금까지 얼마나 채웠어" (달성): the words said last choose among equals
            latest = set(question_bigrams(tie_break)) - STOP_BIGRAMS
            labels = dict((id(figure), label) for figure, label in self._figure_bigrams)
            ranked = sorted(((len(latest & labels[id(figure)]), figure) for figure in tied), key=lambda item: -item[0])
            tied = [figure for score, figure in ranked if score == ranked[0][0]]
        if len(tied) > 1:
            # "예산 총 얼마예요" of 예산현액 and 집행률 alike: the one in the unit asked (an amount, not a rate)
            units = next(
                (units for said in (tie_break, question) for asking, units in UNITS_ASKED if said and asking.search(said)), None
            )
            in_unit = [figure for figure in tied if units and figure.unit in units]
            tied = in_unit or tied
        if len(tied) > 1 and re.search(r"프로|퍼센트|퍼(?![가-힣])|%|비율", question):
            # "서울시 일자리 목표 대비 몇프로 달성했는지": the target and what is achieved of it give the same rate
            rates = {re.search(r"\d+(?:\.\d+)?%", figure.note or "").group(0) for figure in tied if re.search(r"\d+(?:\.\d+)?%", figure.note or "")}
            if len(rates) == 1:
                tied = [figure for figure in tied if rates <= {m for m in re.findall(r"\d+(?:\.\d+)?%", figure.note or "")}][:1]
        if len(tied) > 1:
            return None  # "일자리 목표" alone: the total, the direct or the indirect one?
        best = self.fact_index().search(question, None, limit=1)
        if best and best[0].score >= GLOBAL_FACT_THRESHOLD and len(set(best[0].matched) - STOP_BIGRAMS) >= scored[0][0] + 2:
            # "사회적경제 기업에 돈을 빌려주는 서울시 기금 … 이자는 얼마인지요": a programme's fact says clearly more of
            # what was asked (사회투자기금's 3%: 10 words) than the bureau's count of 사회적경제 기업 does (5)
            return None
        if "일자리 목표" in tied[0].label or "일자리 달성" in tied[0].label:
            # "서울시 청년 일자리 올해 목표 몇개예요": the target of the group named (76,692), not Seoul's total
            # (the group said last first: "그러면 어르신들 일자리는요?" after the 중장년 target)
            for said in (tie_break, question):
                for figure in self.figures():
                    target = JOBS_TARGET_FOR.match(figure.label) if figure.programme_slug is None else None
                    if said and target and len(target.group("group")) >= 2 and target.group("group") in said:
                        return figure
        month = re.search(r"(?<!\d)(\d{1,2})\s*월", question)
        if month and best and best[0].score >= GLOBAL_FACT_THRESHOLD and f"{month.group(1)}월" in best[0].fact.text:
            # "공공구매 올해 얼마나 했어요 5월까지": what a programme's fact says by that month (349억원, 5월말), not the
            # bureau's yearly indicator
            return None
        return tied[0]

    def jobs_target_for_group(self, group: str) -> Optional[FigureInfo]:
        """The bureau's job target for one group of citizens ("’18년 일자리 목표 — 여성"; 저소득층 → 저소득), whose note
        names the kinds of jobs; None for a group the report sets no target for."""
        for figure in self.figures():
            target = JOBS_TARGET_FOR.match(figure.label) if figure.programme_slug is None else None
            named = target.group("group") if target else ""
            if named and (named == group or (len(named) >= 2 and group.startswith(named))):
                return figure
        return None

    def jobs_line_listing(self, text: str) -> Optional[FigureInfo]:
        """The bureau's jobs target whose examples name a job the message names ("시니어 택배 라는 것도 시에서 하는
        일자리 입니까" → 어르신: "…초등학교급식도우미, 학교보안관, 교통질서계도요원, 시니어택배 등"), or None."""
        said = re.sub(r"\s+", "", text)
        for figure in self.figures():
            if figure.programme_slug is not None or "일자리 목표 —" not in figure.label or not figure.note:
                continue
            examples = _JOB_EXAMPLES.search(figure.note)
            names = [name.strip() for name in examples.group(1).split(",")] if examples else []
            if any(len(name) >= 3 and name.replace(" ", "") in said for name in names):
                return figure
        return None

    # -- staff search
    def figures(self) -> Tuple[FigureInfo, ...]:
        self._data()
        return self._figures

    def search(self, query: str, limit: int = 10) -> List[SearchHit]:
        """Keyword search for staff over names, aliases, summaries, services, places and figures."""
        terms = [alias_key(term) for term in query.split() if alias_key(term)]
        if not terms:
            return []
        hits: List[SearchHit] = []
        for programme in self._data().values():
            fields: Sequence[Tuple[float, str]] = [
                (5.0, " ".join([programme.name, *programme.aliases])),
                (2.0, programme.summary),
                (1.5, " ".join(programme.services)),
                (1.0, " ".join(" ".join(filter(None, [p.name, p.district, p.address, p.serves])) for p in programme.places)),
                (1.0, " ".join(programme.target_groups)),
                (0.5, " ".join(r.text for r in programme.rules)),
                (0.5, " ".join(f.label for f in programme.figures)),
            ]
            score, matched = 0.0, []
            for term in terms:
                best = max((weight for weight, text in fields if term in alias_key(text)), default=0.0)
                if best:
                    score += best
                    matched.append(term)
            if programme.slug in {self._keys.get(t) for t in terms}:
                score += 10
            if score:
                hits.append(SearchHit(programme, score, tuple(matched)))
        hits.sort(key=lambda hit: (-hit.score, hit.programme.slug))
        return hits[:limit]
