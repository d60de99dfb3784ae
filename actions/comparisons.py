"""Which of two (or more) sites or programmes is later, earlier, bigger or more open: "퀵 쉼터랑 미디어노동자 쉼터
중에 어디가 더 늦게까지 해요?", "북창쉼터랑 서초쉼터 중에 어디가 더 넓어요?", "둘 중에 나이 제한 더 넉넉한 건
뭐예요". Only what the knowledge base holds for each is compared; the answer names the winner and shows every value,
so the citizen can check it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

from rasa_sdk import Tracker

from actions.context import discussed_in_order, previous_programme, previous_reply
from knowledge.fact_search import ASKING_NOUNS
from knowledge.morphology import nouns
from knowledge.queries import KnowledgeBase, PlaceInfo, ProgrammeInfo

# a comparison asked: a measure word, "더/제일", and which one ("어디가", "중에", "둘 중")
COMPARING = re.compile(r"(?<![가-힣])(?:더|제일|젤|가장|젤로)(?![가-힣]{0,1}(?:궁금|물어|알려|있|없))")
WHICH = re.compile(r"어디|어느|어떤\s*(?:거|게|곳|데|쪽)|뭐가|뭐예요|뭐에요|뭔가요|중에|중엔|중에서|둘\s*중|둘이|랑|이랑|하고|vs", re.I)
_AND = re.compile(r"(?:이랑|랑|하고|vs|VS|,)\s")
BOTH = re.compile(r"둘\s*(?:중|다|이)|두\s*(?:곳|군데|개|데)|거기랑|거기하고|그\s*둘")

# each measure of a site: its words, and how to read its value (None: the report does not give it)
_MINUTES_PER_DAY = 24 * 60


def _closing(place: PlaceInfo) -> Optional[int]:
    hours = next((h for h in place.hours if not h.closed and h.opens and h.closes), None)
    if hours is None:
        return None
    closes = hours.closes.hour * 60 + hours.closes.minute
    return closes + (_MINUTES_PER_DAY if hours.overnight else 0)


def _opening(place: PlaceInfo) -> Optional[int]:
    hours = next((h for h in place.hours if not h.closed and h.opens), None)
    return hours.opens.hour * 60 + hours.opens.minute if hours is not None else None


def _open_for(place: PlaceInfo) -> Optional[int]:
    opens, closes = _opening(place), _closing(place)
    return closes - opens if opens is not None and closes is not None else None


def _from_note(pattern: str) -> Callable[[PlaceInfo], Optional[int]]:
    compiled = re.compile(pattern)

    def read(place: PlaceInfo) -> Optional[int]:
        found = compiled.search(place.note or "")
        return int(found.group(1).replace(",", "")) if found else None

    return read


@dataclass(frozen=True)
class Measure:
    reply: str  # the reply naming the winner (domain.yml)
    words: "re.Pattern[str]"
    value: Callable[[PlaceInfo], Optional[int]]
    larger_wins: bool
    value_reply: Optional[str] = None  # how one value is said; None: the site's hours are shown


PLACE_MEASURES: Tuple[Measure, ...] = (
    Measure("utter_compare_places_open_longest",
            re.compile(r"오래\s*(?:열|여|하|운영|있)|운영\s*시간\S*\s*(?:더\s*)?길|(?:여는|하는)\s*시간\S*\s*(?:더\s*)?길"),
            _open_for, True),
    Measure("utter_compare_places_closes_late",
            re.compile(r"늦게|늦은\s*시간|밤\s*늦|마감\S*\s*(?:더\s*)?늦|닫는\s*(?:게|건|시간)?\s*(?:더\s*)?늦|운영\s*시간"),
            _closing, True),
    Measure("utter_compare_places_opens_early",
            re.compile(r"일찍|이른\s*시간|먼저\s*(?:열|여|문)|여는\s*(?:게|건|시간)?\s*(?:더\s*)?빨|빨리\s*(?:열|여)"),
            _opening, False),
    Measure("utter_compare_places_size", re.compile(r"넓|크(?:고|다|죠|나|냐|요|지|게)|큰\s*(?:데|곳|거|게|쪽)|규모"),
            _from_note(r"규모\s*([\d,]+)\s*㎡"), True, "utter_compare_value_size"),
    Measure("utter_compare_places_staff",
            re.compile(r"(?:운영\s*인력|인력|직원|일하는\s*(?:사람|분))\S*\s*(?:이|가|은|는)?\s*(?:더|제일|가장)?\s*많"),
            _from_note(r"운영인력\s*(\d+)\s*명"), True, "utter_compare_value_staff"),
    Measure("utter_compare_places_users",
            re.compile(r"(?:이용|오는|찾는|가는)\S*\s*(?:사람|분|인원)?\S*\s*(?:더|제일|가장)?\s*많|붐비|북적|사람\S*\s*(?:더|제일|가장)?\s*많"),
            _from_note(r"일평균\s*(\d+)\s*명"), True, "utter_compare_value_users"),
)


@dataclass(frozen=True)
class PlaceComparison:
    measure: Measure
    values: List[Tuple[PlaceInfo, Optional[int]]]  # in the order the citizen named them
    winners: List[PlaceInfo]  # more than one on a tie; none when no value is known


# "북창쉼터랑 합정쉼터 중에 늦게까지 하는 데가 어디에요", "합정보다 넓어요?", "운영시간 비교 좀 해줘"
WHICH_OF = re.compile(r"(?:중에|중에서|중엔|둘\s*중)\S*\s*(?:\S+\s+){0,4}?\S*(?:어디|어느|뭐|누가)|[가-힣]보다\s|비교")


# "밤에 여는 쉼터도 있어요?", "새벽에도 하는 데 있냐": the sites open latest, of all the programme's
NIGHT_ASKED = re.compile(
    r"(?:밤|새벽|야간|심야)(?:에|에도|에는|늦게|새)?\s*(?:까지\s*)?(?:여는|열려|열어|운영|문\s*(?:여는|열)|하는\s*(?:데|곳|쉼터|센터))"
    r"|24\s*시간\s*(?:여는|하는|운영|열)"
)


def asks_to_compare(text: str) -> bool:
    return bool((COMPARING.search(text) and WHICH.search(text)) or WHICH_OF.search(text))


def _places_compared(tracker: Tracker, kb: KnowledgeBase, programme: ProgrammeInfo) -> List[PlaceInfo]:
    """The sites named now ("북창쉼터랑 서초쉼터 중에"), with "거기" the one discussed; else the ones the citizen or the
    bot named just before ("둘 중에"); else every site of the programme ("어디가 제일 늦게까지 해요?")."""
    text = tracker.latest_message.get("text") or ""
    own = {place.name: place for place in programme.places}
    named = [p for p in kb.places_in_text(text) if p.name in own]
    for part in _AND.split(text):  # "대리기사 쉼터랑 방송쪽 쉼터": the one site each part's words describe
        words = [w for w in nouns(part) if len(w) >= 2 and w not in ASKING_NOUNS and not any(w in p.name for p in programme.places)]
        for word in words:
            serving = [place for place in programme.places if word in f"{place.serves or ''} {place.note or ''}"]
            if len(serving) == 1 and not kb.places_in_text(part):
                named += [place for place in serving if place not in named]
                break
    if re.search(r"거기|그곳|거긴|그\s*쉼터|그\s*센터", text) and tracker.get_slot("place") in own:
        there = own[tracker.get_slot("place")]
        named = [there] + [p for p in named if p.name != there.name]
    if len(named) >= 2:
        return named
    if BOTH.search(text) or named:
        said_before = [own[name] for name in discussed_in_order(tracker, "place") if name in own]
        before_text = "\n".join(event.get("text") or "" for event in previous_reply(tracker))
        in_reply = [p for p in kb.places_in_text(before_text) if p.name in own]
        for earlier in (in_reply, said_before[-2:]):
            merged = list(dict.fromkeys([*named, *earlier]))
            if len(merged) >= 2:
                return merged
    return list(programme.places)


def compare_places(tracker: Tracker, kb: KnowledgeBase, programme: Optional[ProgrammeInfo]) -> Optional[PlaceComparison]:
    """The comparison of the programme's sites the message asks for, or None when it asks none."""
    text = tracker.latest_message.get("text") or ""
    at_night = bool(NIGHT_ASKED.search(text)) and not kb.places_in_text(text)
    if programme is None or len(programme.places) < 2 or not (asks_to_compare(text) or at_night):
        return None
    measure = next((m for m in PLACE_MEASURES if m.words.search(text)), None)
    if at_night and not asks_to_compare(text):
        # (which of them is open at night: the ones closing latest, every site's hours shown)
        measure = next(m for m in PLACE_MEASURES if m.value is _closing)
    if measure is None:
        return None
    places = list(programme.places) if at_night and not asks_to_compare(text) else _places_compared(tracker, kb, programme)
    if len(places) < 2:
        return None
    values = [(place, measure.value(place)) for place in places]
    known = [value for _, value in values if value is not None]
    best = (max(known) if measure.larger_wins else min(known)) if known else None
    winners = [place for place, value in values if value is not None and value == best]
    return PlaceComparison(measure, values, winners)


# "나이 제한 더 넉넉한 건", "나이 많아도 되는 건 어디": the higher upper age limit
AGE_LIMIT_COMPARED = re.compile(r"나이\S*\s*(?:제한|기준|조건)?\S*\s*(?:더|제일|가장)?\s*(?:넉넉|높|많|여유|널널|너그러|후)|나이\s*(?:더\s*)?많아도")
# "처음 물어본 거랑 나이 기준이 다르네요?": the two age limits side by side
AGE_LIMITS_DIFFER = re.compile(
    r"나이\s*(?:제한|기준|조건)\S*\s*(?:이|가|은|는)?\s*(?:다르|달라|다른|차이)"
    r"|(?:둘\s*다|각각|두\s*개\s*다)\s*(?:\S+\s*){0,2}?(?:나이|몇\s*살|연령)"  # "둘 다 나이 기준이 몇 살까진데요?"
)


@dataclass(frozen=True)
class AgeLimitComparison:
    values: List[Tuple[ProgrammeInfo, Optional[int]]]
    winners: List[ProgrammeInfo]


def _age_max(programme: ProgrammeInfo) -> Optional[int]:
    limits = []
    for rule in programme.rules:
        if rule.kind == "age_max":
            try:
                limits.append(int(float(str(rule.value))))
            except ValueError:
                continue
    return max(limits) if limits else None


def compare_age_limits(tracker: Tracker, kb: KnowledgeBase, current: Optional[ProgrammeInfo]) -> Optional[AgeLimitComparison]:
    """Which programme takes older citizens: those named now, else the one discussed and the one before it."""
    text = tracker.latest_message.get("text") or ""
    if not ((asks_to_compare(text) and AGE_LIMIT_COMPARED.search(text)) or AGE_LIMITS_DIFFER.search(text)):
        return None
    programmes: Sequence[Optional[ProgrammeInfo]] = kb.programmes_in_text(text)
    if len(programmes) < 2:
        programmes = [current, previous_programme(tracker, kb)]
    compared = [p for p in dict.fromkeys(p for p in programmes if p is not None) if p.rules]
    if len(compared) < 2:
        return None
    values = [(p, _age_max(p)) for p in compared]
    known = [value for _, value in values if value is not None]
    if not known:
        return None
    # no upper limit at all is the most generous
    unlimited = [p for p, value in values if value is None and any(rule.kind == "age_min" for rule in p.rules)]
    winners = unlimited or [p for p, value in values if value == max(known)]
    return AgeLimitComparison(values, winners)
