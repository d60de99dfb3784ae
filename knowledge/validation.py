"""Validation of the YAML sources, so a policy editor's mistake names file, entry and field.

Pydantic 1.10 (Rasa 3.6's pin) models mirror the format documented in ``knowledge/README.md``.
"""
from __future__ import annotations

import functools
import re
from datetime import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple, Union

import yaml
from pydantic import BaseModel, Extra, ValidationError, root_validator, validator

TOPICS = {
    "youth_jobs",
    "job_creation",
    "public_works",
    "vocational_training",
    "labour_rights",
    "vulnerable_workers",
    "working_conditions",
    "labour_culture",
    "social_economy",
    "events",
}
TARGET_GROUPS = {
    "청년",
    "구직자",
    "실업자",
    "저소득층",
    "노동자",
    "특수고용노동자",
    "이동노동자",
    "감정노동자",
    "소규모사업장",
    "공공부문 노동자",
    "사회적경제기업",
    "기업",
    "시민",
}
JOB_STATUSES = {"job_seeker", "unemployed", "employed"}
RULE_KINDS = {
    "age_min",
    "age_max",
    "seoul_resident",
    "job_status",
    "no_regular_income",
    "job_seeker_registered",
    "workplace_size_max",
    "worker_type",
    "organisation",
    "note",
}
SITUATIONS = {
    "situation_unpaid_wages",
    "situation_unfair_dismissal",
    "situation_workplace_harassment",
    "situation_customer_abuse",
    "situation_labour_problem",
    "situation_small_workplace",
    "situation_interview_suit",
    "situation_study_space",
    "situation_job_search",
    "situation_job_training",
    "situation_low_income",
    "situation_rest_area",
    "situation_social_economy",
}
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_TIME = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


class KnowledgeSourceError(Exception):
    """A source file is invalid; the message names file, entry and field."""


class _Strict(BaseModel):
    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True


class SourceRef(_Strict):
    section: str
    quote: str


class HoursEntry(_Strict):
    days: Union[str, List[str]]
    opens: Optional[str] = None
    closes: Optional[str] = None
    closed: bool = False

    @validator("days")
    def _days(cls, days: Union[str, List[str]]) -> Union[str, List[str]]:
        if isinstance(days, str):
            if days not in {"daily", "weekdays"}:
                raise ValueError("must be 'daily', 'weekdays' or a list of mon..sun")
            return days
        unknown = [d for d in days if d not in WEEKDAYS]
        if unknown or not days:
            raise ValueError(f"unknown weekday(s) {unknown}; use mon..sun")
        return days

    @validator("opens", "closes")
    def _time(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not _TIME.match(value):
            raise ValueError("must be HH:MM (24 h)")
        return value

    @root_validator(skip_on_failure=True)
    def _open_or_closed(cls, values: Dict[str, Any]) -> Dict[str, Any]:
        has_times = values.get("opens") is not None and values.get("closes") is not None
        if values.get("closed") == has_times:
            raise ValueError("give either opens and closes, or closed: true")
        return values

    def weekdays(self) -> List[int]:
        if self.days == "daily":
            return list(range(7))
        if self.days == "weekdays":
            return list(range(5))
        return [WEEKDAYS.index(d) for d in self.days]

    @staticmethod
    def parse_time(value: str) -> time:
        hours, minutes = (int(part) for part in value.split(":"))
        return time(0, minutes) if hours == 24 else time(hours, minutes)


class PlaceEntry(_Strict):
    name: str
    district: Optional[str] = None
    address: Optional[str] = None
    serves: Optional[str] = None
    note: Optional[str] = None
    hours: List[HoursEntry] = []


class RuleEntry(_Strict):
    kind: str
    value: Any = None
    text: str

    @validator("kind")
    def _kind(cls, kind: str) -> str:
        if kind not in RULE_KINDS:
            raise ValueError(f"unknown kind '{kind}'; one of {sorted(RULE_KINDS)}")
        return kind

    @root_validator(skip_on_failure=True)
    def _value_type(cls, values: Dict[str, Any]) -> Dict[str, Any]:
        kind, value = values["kind"], values.get("value")
        if kind in {"age_min", "age_max", "workplace_size_max"}:
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{kind} needs a whole number")
        elif kind in {"seoul_resident", "no_regular_income", "job_seeker_registered", "organisation"}:
            if value is not True:
                raise ValueError(f"{kind} needs value: true")
        elif kind == "job_status":
            if value not in JOB_STATUSES:
                raise ValueError(f"job_status needs one of {sorted(JOB_STATUSES)}")
        elif kind == "worker_type":
            if not isinstance(value, str) or not value:
                raise ValueError("worker_type needs a Korean worker type")
        elif kind == "note" and value is not None:
            raise ValueError("note rules have value: null")
        return values


class FigureEntry(_Strict):
    label: str
    value: float
    unit: str
    period: Optional[str] = None
    note: Optional[str] = None
    source: Optional[SourceRef] = None


# the bureau's three divisions, as the report's 조직 table names them
DEPARTMENTS = ("일자리정책담당관", "노동정책담당관", "사회적경제담당관")


class DepartmentEntry(_Strict):
    """The division whose duties (the report's 주요기능 table) name the programme: where staff transfer a call."""

    name: str
    duty: str  # the 주요기능 line that names it, as the report writes it

    @validator("name")
    def _name(cls, name: str) -> str:
        if name not in DEPARTMENTS:
            raise ValueError(f"must be one of {DEPARTMENTS}")
        return name


class ProgrammeEntry(_Strict):
    slug: str
    name: str
    aliases: List[str] = []
    # how citizens describe it without its name ("시에서 월급 주면서 일 가르쳐 주는 거"): word groups joined by " + ",
    # each a "|"-list of spacing-free alternatives that must occur; a group starting with "!" must not. Search
    # vocabulary only: it states no fact.
    described_as: List[str] = []
    topic: str
    citizen_facing: bool
    target_groups: List[str] = []
    summary: str
    services: List[str] = []
    how_to_apply: Optional[str] = None
    cost: Optional[str] = None
    status_note: Optional[str] = None
    department: Optional[DepartmentEntry] = None
    situations: List[str] = []
    source: SourceRef
    as_of: str
    eligibility: List[RuleEntry] = []
    places: List[PlaceEntry] = []
    figures: List[FigureEntry] = []

    @validator("slug")
    def _slug(cls, slug: str) -> str:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", slug):
            raise ValueError("must be snake_case ASCII")
        return slug

    @validator("described_as", each_item=True)
    def _description(cls, pattern: str) -> str:
        groups = description_groups(pattern)
        if sum(not excluded for excluded, _ in groups) < 2:
            raise ValueError(f"'{pattern}': at least two required word groups (one word is an alias)")
        return pattern

    @validator("topic")
    def _topic(cls, topic: str) -> str:
        if topic not in TOPICS:
            raise ValueError(f"unknown topic '{topic}'; one of {sorted(TOPICS)}")
        return topic

    @validator("target_groups", each_item=True)
    def _group(cls, group: str) -> str:
        if group not in TARGET_GROUPS:
            raise ValueError(f"unknown target group '{group}'")
        return group

    @validator("situations", each_item=True)
    def _situation(cls, situation: str) -> str:
        if situation not in SITUATIONS:
            raise ValueError(f"unknown situation '{situation}'; see docs/nlu-taxonomy.md")
        return situation

    @validator("as_of", pre=True)
    def _as_of(cls, as_of: Any) -> str:
        as_of = str(as_of)
        if not re.fullmatch(r"\d{4}-\d{2}", as_of):
            raise ValueError("must be YYYY-MM")
        return as_of


class SourceFile(_Strict):
    family: Optional[str] = None
    programmes: List[ProgrammeEntry] = []
    figures: List[FigureEntry] = []


def _describe(path: Path, raw: Dict[str, Any], error: Dict[str, Any]) -> str:
    loc = list(error["loc"])
    where = path.name
    if len(loc) >= 2 and loc[0] == "programmes" and isinstance(loc[1], int):
        try:
            slug = raw["programmes"][loc[1]].get("slug", f"#{loc[1] + 1}")
        except (IndexError, AttributeError, KeyError, TypeError):
            slug = f"#{loc[1] + 1}"
        where += f", entry '{slug}'"
        loc = loc[2:]
    elif len(loc) >= 2 and loc[0] == "figures" and isinstance(loc[1], int):
        where += f", figure #{loc[1] + 1}"
        loc = loc[2:]
    field = ".".join(str(part) for part in loc if part != "__root__") or "(entry)"
    return f"{where}, field '{field}': {error['msg']}"


def parse_source_file(path: Path) -> SourceFile:
    """Parse and validate one YAML source; raise :class:`KnowledgeSourceError` naming the place."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeSourceError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise KnowledgeSourceError(f"{path.name}: expected a mapping with 'programmes' or 'figures'")
    try:
        return SourceFile.parse_obj(raw)
    except ValidationError as exc:
        messages = [_describe(path, raw, error) for error in exc.errors()]
        raise KnowledgeSourceError("\n".join(messages)) from exc


def parse_sources(directory: Path) -> Dict[Path, SourceFile]:
    """Validate every ``*.yaml`` in ``directory``, including cross-file rules (unique slugs/aliases)."""
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise KnowledgeSourceError(f"{directory}: no *.yaml source files")
    parsed = {path: parse_source_file(path) for path in files}
    seen_slugs: Dict[str, str] = {}
    seen_keys: Dict[str, str] = {}
    for path, source in parsed.items():
        for programme in source.programmes:
            where = f"{path.name}, entry '{programme.slug}'"
            if programme.slug in seen_slugs:
                raise KnowledgeSourceError(
                    f"{where}, field 'slug': already used in {seen_slugs[programme.slug]}"
                )
            seen_slugs[programme.slug] = path.name
            for alias in [programme.name, *programme.aliases]:
                key = alias_key(alias)
                owner = seen_keys.get(key)
                if owner is not None and owner != programme.slug:
                    raise KnowledgeSourceError(
                        f"{where}, field 'aliases': '{alias}' is also a name of '{owner}'"
                    )
                seen_keys[key] = programme.slug
    return parsed


_KEY_DROP = re.compile(r"[\s·・ㆍ\-_/.,()\[\]「」『』'\"’‘“”休]+")


@functools.lru_cache(maxsize=512)
def description_groups(pattern: str) -> Tuple[Tuple[bool, Tuple[str, ...]], ...]:
    """A ``described_as`` pattern as (excluded, alternatives) groups; raises ValueError when one is empty."""
    groups = []
    for group in pattern.split(" + "):
        excluded = group.startswith("!")
        words = tuple(alias_key(word) for word in group.lstrip("!").split("|"))
        if not all(words):
            raise ValueError(f"'{pattern}': an empty word in '{group}'")
        groups.append((excluded, words))
    return tuple(groups)


def describes(pattern: str, key: str) -> bool:
    """Whether a message (its ``alias_key``) fits a ``described_as`` pattern."""
    return all(any(word in key for word in words) != excluded for excluded, words in description_groups(pattern))


def alias_key(text: str) -> str:
    """The matching key of a name: lower case, no spacing or punctuation ("청년 일자리-센터" == "청년일자리센터")."""
    return _KEY_DROP.sub("", text).lower()
