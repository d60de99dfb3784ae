"""What every action shares: the knowledge base, the domain's reply texts, and the citizen's context."""
from __future__ import annotations

import logging
import re
from abc import ABCMeta, abstractmethod
from datetime import datetime
from functools import lru_cache
from typing import Any, Dict, Iterable, Iterator, List, Optional, Set, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.figures_by_year import FOLLOW_UP_LENGTH, figure_in_year, figure_lines, figure_of_another_thing, part_of_figure, total_of_parts
from actions.question_words import AMONG_LISTED, NOT_COVERED, QUESTION_LENGTH, question_named
from knowledge.fact_search import ASKING_NOUNS, CITY_AND_DISTRICTS_TOGETHER, question_words
from knowledge.morphology import GREETING_OPENING, nouns, respell
from knowledge.queries import (
    POINTS_AT_A_PLACE, RULE_NEEDS, SEOUL, KnowledgeBase, PlaceInfo, ProgrammeInfo, Profile, Verdict, check_eligibility, place_keys,
    programme_facts,
)

logger = logging.getLogger(__name__)

QUESTION_INTENTS = (
    "ask_programme_info",
    "ask_eligibility",
    "ask_hours",
    "ask_open_now",
    "ask_location",
    "ask_how_to_apply",
    "ask_cost",
    "ask_contact",
)
_PLACEHOLDER = re.compile(r"{(\w+)}")
# "남부 말고", "강동 아니고": what comes before is not what is asked about
NOT_THIS = re.compile(r"말고|말구|아니고|아니라(?=[\s,])|빼고")
# "정장 말고 또 해주는거 있어요?", "그거 말고도": besides it, not instead of it (no correction)
BESIDES = re.compile(r"(?:말고|말구|빼고)\s*(?:도|또|다른|딴|더)(?![가-힣])|(?:말고|말구|빼고)도")
# "다른 데도 있어요?", "딴 쉼터는요": the places of a programme other than the one discussed
# ("일이 밤 늦게 끝나는 날은요? 그때 갈만한 데는" after 북창쉼터's hours: the others, open then)
OTHER_PLACES = re.compile(r"(?:다른|딴|나머지)\s*(?:데|곳|쉼터|교육원|지점|센터)|(?:그때|그\s*시간에?|밤에?|새벽에?)\s*갈\s*만한\s*(?:데|곳)")


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """One in-memory copy per action-server process, read from ``DATABASE_URL`` on first use."""
    return KnowledgeBase()


def now() -> datetime:
    """The current time in Seoul; tests replace this to freeze the clock."""
    return datetime.now(SEOUL)


class Replies:
    """The Korean reply texts of ``domain.yml`` (sent to the action server with every call)."""

    def __init__(self, domain: DomainDict) -> None:
        self._responses: Dict[str, List[Dict[str, Any]]] = domain.get("responses", {})

    def text(self, key: str, **values: Any) -> str:
        return _fill(self._responses[key][0]["text"], values)

    def label(self, group: str, key: str, **values: Any) -> str:
        """A word from the ``utter_labels`` table (profile facts, missing facts, intent names)."""
        return _fill(self._responses["utter_labels"][0]["custom"][group][key], values)

    def opening(self, key: str) -> str:
        """A response's text up to its first placeholder: how to recognise it among the bot's past messages."""
        return self._responses[key][0]["text"].split("{")[0]

    def fixed_words(self, key: str) -> str:
        """A response's first line between its placeholders ("아쉽지만 조건에 맞지 않아요." of "[{name}] 아쉽지만 …"):
        how to recognise it anywhere in the bot's past messages."""
        first_line = self._responses[key][0]["text"].split("\n")[0]
        return max(_PLACEHOLDER.split(first_line), key=len).strip(" []")

    def buttons(self, key: str) -> List[Dict[str, str]]:
        """The buttons a response carries (quick replies under a question)."""
        return [
            {name: str(value).replace("{{", "{").replace("}}", "}") for name, value in button.items()}
            for button in self._responses[key][0].get("buttons", [])
        ]

    def button(self, key: str, payload: str) -> Dict[str, str]:
        return {"title": self.text(key), "payload": payload}


def _fill(template: str, values: Dict[str, Any]) -> str:
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), template)


def intent_payload(intent: str, **entities: str) -> str:
    """A button payload that triggers ``intent`` with entities, e.g. ``/ask_hours{"programme": "x"}``."""
    if not entities:
        return f"/{intent}"
    body = ", ".join(f'"{name}": "{value}"' for name, value in entities.items())
    return f"/{intent}{{{body}}}"


def latest_entity_values(tracker: Tracker, entity: str) -> List[str]:
    return [str(e["value"]) for e in tracker.latest_message.get("entities", []) if e.get("entity") == entity]


def _unnamed(text: str, entities: Iterable[Dict[Text, Any]]) -> str:
    """``text`` with the programme names its ``entities`` found blanked out."""
    spans = [e for e in entities if e.get("entity") == "programme" and "start" in e and "end" in e]
    for entity in sorted(spans, key=lambda e: -e["start"]):
        text = text[: entity["start"]] + " " + text[entity["end"]:]
    return text


def latest_text_unnamed(tracker: Tracker) -> str:
    """The latest message without the programmes it names ("기교원 몇살부터" → " 몇살부터"): what it asks of them."""
    return _unnamed(tracker.latest_message.get("text") or "", tracker.latest_message.get("entities", []))


def previous_question_unnamed(tracker: Tracker) -> str:
    """The citizen's previous message without the programmes it named ("노동옴부즈만 구마다 몇명있어?" → " 구마다
    몇명있어?"), to ask it again of another programme ("ㄴㄴ 노동권리보호관 말한거")."""
    users = [event for event in tracker.events if event.get("event") == "user"]
    if len(users) < 2 or (users[-2].get("text") or "").startswith("/"):
        return ""
    return _unnamed(users[-2].get("text") or "", (users[-2].get("parse_data") or {}).get("entities", []))


def earlier_user_texts(tracker: Tracker) -> List[str]:
    """What the citizen wrote before the latest message, oldest first (buttons' payloads left out)."""
    texts = [event.get("text") or "" for event in tracker.events if event.get("event") == "user"][:-1]
    return [text for text in texts if text and not text.startswith("/")]


def previous_user_text(tracker: Tracker) -> str:
    """What the citizen wrote before the latest message ("" when nothing)."""
    texts = [event.get("text") or "" for event in tracker.events if event.get("event") == "user"]
    return texts[-2] if len(texts) >= 2 and not texts[-2].startswith("/") else ""


# below this confidence the NLU only guesses what one question of several asks (actions/questions_apart.py)
SURE_OF_A_QUESTION = 0.5


def _previous_message_questions(tracker: Tracker) -> List[Dict[Text, Any]]:
    """The questions the intent classifier split the citizen's previous message into (text, span and intent of each;
    bot/nlu/linear_intent_classifier.py)."""
    users = [event for event in tracker.events if event.get("event") == "user"]
    return ((users[-2].get("parse_data") or {}).get("questions") or []) if len(users) >= 2 else []


def previous_questions(tracker: Tracker) -> List[str]:
    """What the citizen's previous message asked, question by question ("서초쉼터 몇시에 열고 주로 누가 와요?" →
    ask_hours, ask_eligibility), each once in order; [] unless it asked several."""
    questions = _previous_message_questions(tracker)
    asked = [
        (q.get("intent") or {}).get("name") for q in questions
        if (q.get("intent") or {}).get("confidence", 0.0) >= SURE_OF_A_QUESTION
    ]
    asked = list(dict.fromkeys(name for name in asked if name in QUESTION_INTENTS))
    return asked if len(asked) > 1 else []


def previous_question_texts(tracker: Tracker) -> List[Tuple[str, str]]:
    """Each question of the citizen's previous message with what it asks ("서초쉼터 몇시에 열어요? 하루에 몇명쯤
    와요?" → its hours, then a count): the NLU's intent where it is sure, else the question's own words; [] unless
    the message asked several."""
    asked = []
    for q in _previous_message_questions(tracker):
        intent = q.get("intent") or {}
        name = intent.get("name") if intent.get("confidence", 0.0) >= SURE_OF_A_QUESTION else None
        name = name if name in QUESTION_INTENTS else question_named(q.get("text") or "") or "ask_programme_info"
        asked.append((q.get("text") or "", name))
    return asked if len(asked) > 1 else []


# "상반기는?" after "하반기는 언제부터 언제까지 일해요": one word put in place of one of the question before
ONE_WORD_AGAIN = re.compile(
    r"^\s*(?:그럼\s*|아\s*)?[가-힣]{2,6}(?:은|는)(?:요)?\s*[?？]*\s*$"
    r"|^\s*(?:아니|아뇨|ㄴㄴ|앗)[\s,.]*[가-힣]{2,6}(?:요|이요)(?:\s+[가-힣]{2,6})?\s*[?？!.]*\s*$"  # "아니 상반기요 상반기"
)
# "대학생 개인인데", "저 혼자 하려는데": an individual (programmes for organisations are not for them)
AN_INDIVIDUAL = re.compile(r"개인(?:인데|이에요|이고|적으로|으로|이|도|은)|저\s*혼자|나\s*혼자|혼자서")
# "저희 청년 협동조합인데", "우리 단체는 비영리법인이에요": an organisation asking for itself
AN_ORGANISATION = re.compile(
    r"(?:저희|우리|울)\s*(?:\S+\s+){0,2}?\S*(?:협동조합|사회적기업|마을기업|자활기업|단체|법인|조합|기관|NPO)"
    r"(?:인데|이에요|예요|이고|입니다|이라|이라서|은|는|도|에서)"
    # ("청년 창업 돕는 협동조합 이사장입니다", "… 공모에 협동조합도 참여할 수 있나요?")
    r"|(?:협동조합|사회적기업|마을기업|비영리단체|법인)\s*(?:이사장|대표|사무국장|이사|실무자)"
    r"|(?:협동조합|사회적기업|마을기업|비영리단체|법인)(?:도|은|는)\s*(?:참여|신청|지원|응모)\S*\s*(?:할\s*수|가능|되)"
)
# "앗 하반기 물어본거에요", "아니 북부 말한거에요": the citizen corrects a word of their previous question
CORRECTION = re.compile(
    r"(?:물어본|물어봤|여쭤본|말한|말했|얘기한|질문한)\s*(?:거|건|것|게)|(?:물어본|말한|궁금한)\s*(?:건데|거였)|얘기(?:였|이었)"
    r"|(?:여쭈|여쭤보|물어보|말하)려(?:던|고\s*(?:한|했))"  # "상반기를 여쭈려고 한 것입니다"
    r"|잘못\s*(?:말했|말함|말씀|물어봤|물어봄)"  # "아 상반기요 상반기 잘못 말했네요" (not 잘못 쳤다: a value retyped)
    r"|헷갈렸\S*(?=\s+(?:\S+\s+)?\S+\s*말이(?:요|에요|예요|오)\s*[.!?]*\s*$)"  # "아 내가 헷갈렸소. 하반기 말이요"
)
_WORD = re.compile(r"[가-힣A-Za-z0-9]+")


_HANGUL_FIRST, _FINALS, _FINAL_N = 0xAC00, 28, 4
_ONE_WORD = re.compile(r"^\s*(?P<word>[가-힣]{2,6})\s*(?P<tail>[?？]*)\s*$")


def uncontracted(text: str) -> str:
    """"상반긴?" → "상반기는?": a word whose last syllable took the ㄴ of 는, as typed in a hurry (else ``text``)."""
    found = _ONE_WORD.match(text)
    if not found:
        return text
    word = found.group("word")
    code = ord(word[-1]) - _HANGUL_FIRST
    if code % _FINALS != _FINAL_N or word[-1] in "은는":
        return text
    return f"{word[:-1]}{chr(ord(word[-1]) - _FINAL_N)}는{found.group('tail')}"


def corrected_question(tracker: Tracker) -> Optional[str]:
    """The previous question with the word the latest message corrects put in ("공공근로 상반기 모집 언제였어?" +
    "앗 하반기 물어본거에요" → "공공근로 하반기 모집 언제였어?"); None when the message corrects nothing or no word of
    the previous question is like the new one."""
    said_now = tracker.latest_message.get("text") or ""
    for text in dict.fromkeys([said_now, uncontracted(said_now)]):  # ("상반긴?": 상반기는, typed in a hurry)
        corrected = _corrected(tracker, text)
        if corrected is not None:
            return corrected
    return None


def _corrected(tracker: Tracker, text: str) -> Optional[str]:
    """corrected_question for the message read as ``text``."""
    if not CORRECTION.search(text) and not (
        ONE_WORD_AGAIN.match(text) and not tracker.latest_message.get("entities")  # ("일요일은요?" names a day)
    ):
        return None
    before, *after = CORRECTION.split(text)
    # "상반기요 상반기 잘못 말했네요": the words before the admission; "아 내가 헷갈렸소. 하반기 말이요": after it
    said = before if any(len(word) >= 2 for word in nouns(before)) or not after else " ".join(after)
    earlier = [event.get("text") or "" for event in tracker.events if event.get("event") == "user"][:-1]
    # the question corrected may be a few messages back ("하반기는 언제부터?", "끝나는 날은요?", "아 상반기 물어본거였어요")
    for previous in [t for t in reversed(earlier) if t and not t.startswith("/")][:3]:
        corrected = previous
        for new in nouns(said):
            if len(new) < 2 or new in previous:
                continue
            new_grams = {new[i:i + 2] for i in range(len(new) - 1)}
            for old in _WORD.findall(previous):
                if old != new and len(old) >= 2 and new_grams & {old[i:i + 2] for i in range(len(old) - 1)}:
                    corrected = corrected.replace(old, new, 1)
                    break
        if corrected != previous:
            return corrected
    return None


# where a sentence ends: punctuation, or laughter / tears before a space ("…수고했다고 끝남ㅋㅋ 다시 면접 …")
SENTENCE_END = re.compile(r"[.?!。]+|[ㅋㅎㅠㅜ]{2,}(?=\s)")


def last_sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` starts (0 for one sentence)."""
    ends = [match.end() for match in SENTENCE_END.finditer(text.rstrip(" .?!。"))]
    return ends[-1] if ends else 0


def named_only_in_the_story(tracker: Tracker, slug: str) -> bool:
    """Whether the programme ``slug`` is named only before the message's last sentence ("인턴 … 정규직 전환 얘기 하나도
    없이 … 끝남ㅋㅋ 다시 면접 보러 … 정장 공짜로 빌려주는 데 있다며?"): part of the story, not what is asked."""
    start = last_sentence_start(tracker.latest_message.get("text") or "")
    spans = [
        e.get("start") for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == "programme" and str(e.get("value")) == slug and isinstance(e.get("start"), int)
    ]
    return start > 0 and bool(spans) and all(span < start for span in spans)


def programme_values_asked_first(tracker: Tracker, before: Optional[int] = None) -> List[str]:
    """The programmes the latest message names, those of its last sentence first: "요즘 주52시간 얘기도 나오고 …
    싶어서요. 마을노무사 컨설팅 받을 수 있을까요?" asks about 마을노무사 (a story's names come before the question);
    with ``before`` (where "말고" stands) not those named before it ("뉴딜 말고 면접 정장 빌려주는 거요": not 뉴딜)."""
    text = tracker.latest_message.get("text") or ""
    entities = [
        e for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == "programme" and not (before is not None and isinstance(e.get("start"), int) and e["start"] < before)
    ]
    start = last_sentence_start(text)
    asked = [e for e in entities if isinstance(e.get("start"), int) and e["start"] >= start > 0]
    values = [str(e["value"]) for e in asked] + [str(e["value"]) for e in entities if e not in asked]
    return list(dict.fromkeys(values))


# "처음 말한 데", "첫 번째 거", "앞에 말한 거"; "두번째 말한 그 보호관", "뒤에 말한 데": a thing the citizen named
# before, by the order they said them in (words of the bot, "처음에 말해준", are not counted); the whole phrase, which
# the name replaces ("처음 말한 데는" → "서초쉼터는"), not "처음 거기 갔을 때"
_SAID_VERB = r"(?:말한|말했던|물어본|물어봤던|여쭤본|얘기한|얘기했던|꺼낸)"
_POINTER = r"(?:거|꺼|것|데|곳|센터|쉼터)(?=(?:는|은|가|이|요|도|랑|하고|의|에|에서|로)?(?![가-힣]))"
_REFERENCE = rf"(?:{_SAID_VERB}(?:\s*{_POINTER})?|{_POINTER})"
_FIRST_SAID = re.compile(rf"(?:처음|첫\s*번째|첫째|맨\s*처음|맨\s*앞|앞에|먼저)\s*(?:에\s*)?{_REFERENCE}|전자")
_SECOND_SAID = re.compile(rf"(?:두\s*번째|둘째)\s*(?:로\s*)?{_REFERENCE}|(?:뒤에|나중에|마지막에?|뒤엣)\s*{_REFERENCE}|후자")
_LATER_SAID = re.compile(r"뒤에|나중에|마지막|뒤엣|후자")
# "둘 다", "둘 중", "둘이 같은 건물이에요?", "그 둘", "두 곳 다": both of two things
BOTH_ASKED = re.compile(
    r"둘\s*(?:다|이|모두|다요)(?![가-힣])|둘\s*중|둘이\s*(?:같|다르|달라|차이|뭐|어떻)|그\s*둘"
    r"|두\s*(?:곳|군데|개|데|제도)\s*(?:다|모두|중)|양쪽\s*(?:다|모두)"
)
# "둘 중에 되는 쪽", "가능한 거": of the two, the one that takes the citizen
# (not the ending of "각각 어떻게 되는데요")
_FITTING_ONE = re.compile(r"(?:되는|가능한|맞는|할\s*수\s*있는|받을\s*수\s*있는)\s*(?:쪽|거|것|곳|데(?!요|여|\s*[?？]|$))")
# how many earlier messages of the citizen a reference by order looks back over
_ORDER_LOOKBACK = 4


def named_by_citizen(tracker: Tracker, kb: KnowledgeBase) -> List[Tuple[str, str]]:
    """The things the citizen's earlier messages named, in the order that "두번째 거" counts: the latest message
    naming two or more (within the last few), else each thing named in those messages, first mention first."""
    messages = [
        event.get("text") or "" for event in tracker.events
        if event.get("event") == "user" and not (event.get("text") or "").startswith("/")
    ][:-1][-_ORDER_LOOKBACK:]
    named = [kb.named_in_order(message) for message in messages]
    for things in reversed(named):
        if len(things) >= 2:
            return things
    return list(dict.fromkeys(thing for things in named for thing in things))


def referred_by_order(tracker: Tracker, kb: KnowledgeBase) -> Tuple[Optional[Tuple[int, int]], List[Tuple[str, str]]]:
    """What "처음 말한 데" (one), "뒤에 말한 거" (one) or "둘 중에 어디가" (both) refers to among the things the
    citizen named before, with where the words that refer stand; nothing when the message names something itself."""
    text = tracker.latest_message.get("text") or ""
    first, second, both = _FIRST_SAID.search(text), _SECOND_SAID.search(text), BOTH_ASKED.search(text)
    if text.startswith("/") or not (first or second or both) or kb.named_in_order(text):
        return None, []  # (the order words first: most messages have none, and naming scans every alias)
    said = named_by_citizen(tracker, kb)
    if len(said) < 2:
        return None, []
    if second:
        return second.span(), [said[-1]] if _LATER_SAID.search(second.group()) else [said[1]]
    if first:
        return first.span(), [said[0]]
    fitting = _FITTING_ONE.search(text, both.end()) if "각각" not in text else None
    if fitting is not None:  # "둘 중에 되는 쪽은 최대 몇살까지에요?" from a 36-year-old: the one of the two that takes them
        profile = profile_from_tracker(tracker)
        programmes = [(kind, key, kb.programme(key)) for kind, key in said[-2:] if kind == "programme"]
        taking = [
            (kind, key) for kind, key, programme in programmes
            if programme is not None and programme.rules and check_eligibility(programme, profile).verdict is Verdict.ELIGIBLE
        ]
        if len(taking) == 1:
            return (both.start(), fitting.end()), taking
    return both.span(), said[-2:]


def with_references_named(tracker: Tracker, kb: KnowledgeBase) -> Tracker:
    """The tracker with the latest message as meant: misspellings fixed ("받을수잇는거죠") and the things an order
    reference points to named, as if said ("두번째 거는 몇 군데 있음?" → "서울시 기술교육원는 몇 군데 있음?", "둘 중에
    어디가 더 넓어요" → "북창쉼터랑 합정쉼터 둘 중에 …"): every answer after reads the names, one way to resolve them."""
    said = tracker.latest_message.get("text") or ""
    words, referred = referred_by_order(tracker, kb)
    meant = respell(said)
    if words is not None:
        start, end = words
        names = [kb.programme(key).name if kind == "programme" and kb.programme(key) else key for kind, key in referred]
        if len(names) == 1:
            meant = meant[:start] + names[0] + meant[end:]
        else:
            meant = f"{meant[:start]}{'랑 '.join(names)} {meant[start:]}"
    if words is None:
        meant = _listed_by_its_last_word(tracker, kb, meant)
    story_start = used_in_the_story(tracker)
    if meant == said and not story_start:
        return tracker
    resolved = tracker.copy()
    resolved.latest_message = {**tracker.latest_message, "text": meant}
    if story_start:
        # "뉴딜 끝나고 중소기업 들어갔는데 … 나오지 말래요": the NLU set the programme of the story's start; the
        # conversation is about what it was about before
        resolved.slots = {**tracker.slots, "programme": _slot_before_latest_message(tracker, "programme")}
    return resolved


# the kinds of place a programme's name ends in, said for it ("센터", "카페")
_KIND_WORDS = frozenset({"센터", "카페", "쉼터", "교육원", "포럼", "아카데미"})
_OWN_PLACE_BEFORE = re.compile(r"(?:저희|우리|울|제|내|our)\s*$")
# a word with its particle ("센터", "카페는", "센터가")
_WORD_AND_PARTICLE = re.compile(
    r"(?<![가-힣])(?P<word>[가-힣]{2,4}?)(?:은|는|이|가|도|들은|들|에서|에|보다|랑|이랑|하고|를|을|로|으로)?(?![가-힣])"
)


def _listed_by_its_last_word(tracker: Tracker, kb: KnowledgeBase, text: str) -> str:
    """"카페 그거 몇군데나 있어?", "센터 스터디룸은 몇개에요?" right after a list of 청년일자리센터 and 일자리카페: the
    one listed whose name ends in the word said, named in full (not when the word ends two names or a name is
    said)."""
    if text.startswith("/") or kb.programmes_in_text(text):
        return text
    listed = programmes_just_listed(tracker, kb)
    if len(listed) < 2:
        return text
    pieces, at = [], 0
    for match in _WORD_AND_PARTICLE.finditer(text):
        word = match.group("word")
        if word not in _KIND_WORDS or _OWN_PLACE_BEFORE.search(text[: match.start()]):
            continue  # (not "청년 아이디어로 일자리 만드는 공모" after a list with 뉴딜일자리, nor "저희 센터가 작아요")
        owners = [p for p in listed if p.name.endswith(word) and p.name != word]
        # (not "센터 언제 생겨요" after 노동권익센터 and 감정노동 보호, whose summary names its 감정노동보호센터)
        others = [p for p in listed if p not in owners and word in p.summary]
        if len(owners) == 1 and not others:  # ("카페보다 센터가 나을지": each one named)
            pieces += [text[at: match.start("word")], owners[0].name]
            at = match.end("word")
    return "".join(pieces) + text[at:]


def _slot_before_latest_message(tracker: Tracker, name: str) -> Any:
    """The value a slot had before the citizen's latest message."""
    latest = max((i for i, event in enumerate(tracker.events) if event.get("event") == "user"), default=len(tracker.events))
    value = None
    for event in tracker.events[:latest]:
        if event.get("event") == "slot" and event.get("name") == name:
            value = event.get("value")
    return value


def discussed_in_order(tracker: Tracker, slot: str) -> List[str]:
    """The values a slot took in the conversation, each once, in the order they came up."""
    values = [event.get("value") for event in tracker.events if event.get("event") == "slot" and event.get("name") == slot]
    return list(dict.fromkeys(value for value in values if value))


_BACK_AGAIN = re.compile(r"(?<![가-힣])다시(?![가-힣])")
_OWN_ONE = re.compile(r"(?:제|내)\s*(?:쪽|거|꺼)")


def place_pointed_back(tracker: Tracker, kb: KnowledgeBase) -> Optional[PlaceInfo]:
    """The site discussed earlier that "아까 거기 닫는 건 몇 시예요?" (after 합정쉼터, then 뉴딜일자리), "다시 제 쪽
    거기" (the first one, the citizen's own) or "아까 강동 거기는" (the one in that district) points back to; None
    when a site is named, or nothing earlier is pointed to."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/") or not (BACK_TO.search(text) or _BACK_AGAIN.search(text)):
        return None
    if not POINTS_AT_A_PLACE.search(text) or kb.places_in_text(text):
        return None
    order = [place for place in (kb.place(name) for name in discussed_in_order(tracker, "place")) if place is not None]
    if not order:
        return None
    districts = latest_entity_values(tracker, "district")
    if districts:  # "아까 강동 거기는 …" after 동부, then 중부: the one in that district
        there = [place for place in order if place.district and place.district.startswith(str(districts[-1])[:2])]
        return there[-1] if there else None
    if _FIRST_SAID.search(text) or _OWN_ONE.search(text):
        return order[0] if order[0].name != tracker.get_slot("place") or len(order) == 1 else None
    if tracker.get_slot("programme") != order[-1].programme_slug:
        return order[-1]  # (the conversation moved to another programme since: the last site discussed)
    return order[-2] if len(order) >= 2 else None


# "뉴딜 끝나고 …", "일자리카페에서 상담받고 들어간 회사인데 …", "기술교육원 다니다 관뒀는데 …": a programme used before,
# told as the start of a story
_USED_BEFORE = re.compile(
    r"(?:으로|로|에서|를|을|은|는|이|가|도)?\s*(?:\S+\s+){0,2}?"
    r"(?:끝나고|끝났는데|끝난\s*뒤|끝난\s*후|끝내고|마치고|수료(?:했는데|하고|한)|했는데|했었는데|하다가|다니다가?|다녔는데|빌려서|빌렸는데"
    r"|받고\s*들어간|통해\s*들어간|상담\s*받고|나왔는데|관뒀는데|그만두고|그만뒀는데"
    r"|해\s*왔는데|써\s*왔는데|썼는데|이용했는데|다녀\s*왔는데)"  # "일자리카페에서 면접스터디 해왔는데 … 좁아요"
)


def used_in_the_story(tracker: Tracker) -> bool:
    """Whether a situation is told and every programme the message names was used before, as its start ("뉴딜 끝나고
    중소기업 들어갔는데 … 나오지 말래요"): the help for the situation is asked, not that programme."""
    intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
    text = tracker.latest_message.get("text") or ""
    spans = [
        e for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == "programme" and isinstance(e.get("end"), int)
    ]
    return intent.startswith("situation_") and bool(spans) and all(_used_before_after(text, e["end"]) for e in spans)


# "지금 뉴딜일자리로 일하는 중인데여 끝나고 …": still in it, so its own help after it ends is asked
_STILL_IN_IT = re.compile(r"는\s*중|고\s*있")


def _used_before_after(text: str, end: int) -> bool:
    """Whether the words after a programme's name (at ``end``) tell it as used and over."""
    found = _USED_BEFORE.match(text, end)
    return found is not None and not _STILL_IN_IT.search(text, end, found.end())


def mentioned_programme(tracker: Tracker, kb: KnowledgeBase) -> Optional[ProgrammeInfo]:
    """The programme named in the latest message (entity, else any known name in the text); after "말고" / "아니고"
    the one named after it ("아 아니 공공근로 말고 뉴딜일자리요"); none when the programmes it names were used before,
    at the start of a story (``used_in_the_story``)."""
    text = tracker.latest_message.get("text") or ""
    if used_in_the_story(tracker):
        return None
    rejected = NOT_THIS.search(text)
    if rejected and not text.startswith("/"):
        after = kb.programmes_in_text(text[rejected.end():])
        if after:
            return after[0]
    for value in programme_values_asked_first(tracker, before=rejected.start() if rejected and not text.startswith("/") else None):
        programme = kb.programme(value) or kb.find_programme(value)
        if programme is not None:
            return programme
    if text.startswith("/"):
        return None
    if rejected and not BESIDES.search(text):
        return None  # "쉼터 말고 낮에 기술 배울수 있는 데도 있어요?": not the one set aside, and no other named
    found = kb.programmes_in_text(text)
    return found[0] if found else (discussed_by_a_word(tracker, kb) or referred_back_by_description(tracker, kb))


# "아까 …", "앞에 말한 …", "처음에 말해준 것 중에 …", "… 다시요", "다시 … 얘기로 돌아가서": back to something said before
BACK_TO = re.compile(
    r"아까|앞에\s*(?:말|얘기|물어|나온)|앞서|처음에?\s*(?:말|얘기|물어|부탁|추천|알려)|(?<![가-힣])다시요|다시\s*(?:처음|그|얘기|돌아)"
    r"|전에\s*(?:말|얘기|물어)|돌아가서"
)


def referred_back_by_description(tracker: Tracker, kb: KnowledgeBase) -> Optional[ProgrammeInfo]:
    """The one programme discussed or offered earlier that the words of a reference back describe ("그럼 처음에 말해준 것
    중에 저소득층 공공 일자리 그거" → 공공근로사업), when the one discussed now is not it: the programme whose facts
    share the most rare words with the message, and more than any other."""
    text = tracker.latest_message.get("text") or ""
    if not BACK_TO.search(text):
        return None
    earlier = [kb.programme(slug) for slug in discussed_in_order(tracker, "programme")]
    earlier += _programmes_on_buttons((e for e in tracker.events if e.get("event") == "bot"), kb)
    candidates = list({p.slug: p for p in earlier if p is not None}.values())
    index = kb.fact_index()
    scores = sorted(((len(index.distinctive_words_shared(text, p.slug)), p) for p in candidates), key=lambda s: -s[0])
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    best = scores[0][1]
    return best if best.slug != tracker.get_slot("programme") else None


def discussed_by_a_word(tracker: Tracker, kb: KnowledgeBase) -> Optional[ProgrammeInfo]:
    """The one programme discussed earlier whose name holds a word of the message ("그럼 센터는 토욜 몇시까지?" after
    청년일자리센터 then 일자리카페; "처음에 말한 정장 그건 몇살까지라고요?"), when the one discussed now does not."""
    discussed = [p for p in (kb.programme(slug) for slug in discussed_in_order(tracker, "programme")) if p is not None]
    if len(discussed) < 2 or states_profile_facts(tracker):
        return None  # (facts told are about the person, whatever they name: "취준생이면 ㅇㅋ?")
    text = tracker.latest_message.get("text") or ""
    # words said on their own, not the tail of a compound ("모의면접" names no 면접 정장)
    words = [
        w for w in nouns(text)
        if len(w) >= 2 and w not in ASKING_NOUNS and re.search(rf"(?<![가-힣]){re.escape(w)}", text)
    ]
    current = tracker.get_slot("programme")

    def named_by(programme: ProgrammeInfo, word: str) -> bool:
        # the name's head ("청년일자리센터" → 센터) or a word of a name or alias ("면접 정장" → 정장), not any part of
        # one ("노무컨설팅" is no 컨설팅)
        tokens = {token for name in (programme.name, *programme.aliases) for token in name.split()}
        return programme.name.replace(" ", "").endswith(word) or word in tokens

    for word in words:
        holding = [p for p in discussed if named_by(p, word)]
        if len(holding) == 1 and holding[0].slug != current:
            return holding[0]
        if holding:
            return None  # (the one discussed now, or more than one: nothing to resolve)
    return None


def current_programme(tracker: Tracker, kb: KnowledgeBase) -> Optional[ProgrammeInfo]:
    """The programme of this turn: named now, else the one the conversation is about."""
    programme = mentioned_programme(tracker, kb)
    if programme is not None:
        return programme
    slug = tracker.get_slot("programme")
    return kb.programme(slug) if slug else None


def previous_programme(tracker: Tracker, kb: KnowledgeBase) -> Optional[ProgrammeInfo]:
    """The programme the conversation was about before the current one ("노동권익센터도 거기 들어간다던데" moved it
    from 전태일 기념관): where a follow-up the current one cannot answer may belong."""
    current = tracker.get_slot("programme")
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == "programme":
            value = event.get("value")
            if value and value != current:
                return kb.programme(value)
    return None


_BUTTON_PROGRAMME = re.compile(r'"programme"\s*:\s*"([a-z_]+)"')


def previous_reply(tracker: Tracker) -> List[Dict[Text, Any]]:
    """The bot events of the reply to the citizen's previous message, in order."""
    users_seen = 0
    reply: List[Dict[Text, Any]] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen == 2:
                break
        elif event.get("event") == "bot" and users_seen == 1:
            reply.insert(0, event)
    return reply


def target_of_the_count(said: str, before: str, replies: Replies) -> Optional[str]:
    """"그럼 내년 목표는?" right after a count done so far (사회적경제 공공구매 실적: 349억원): the bureau's target for the
    same thing, in the year asked (its indicator 사회적경제 공공구매액, 2019년 1,400억원); None otherwise."""
    if "목표" not in said or len(said) > FOLLOW_UP_LENGTH:
        return None
    counted = [line.label for line in figure_lines(before) if "목표" not in line.label]
    if len(counted) != 1:
        return None
    thing = " ".join(word for word in counted[0].split() if word not in ("실적", "달성", "현황"))  # (what was counted)
    target = knowledge_base().policy_figure(f"{thing} 목표")
    if target is None or len(set(counted[0].split()) & set(target.label.split())) < 1:
        return None
    from actions.details import figure_reply  # (details.py builds on this module)

    return figure_in_year(said, figure_reply(replies, target), replies)


def said_just_before(tracker: Tracker, opening: str) -> bool:
    """Whether the bot's reply to the citizen's previous message began with ``opening``."""
    return any((event.get("text") or "").startswith(opening) for event in previous_reply(tracker))


def _programmes_on_buttons(events: Iterable[Dict[Text, Any]], kb: KnowledgeBase) -> List[ProgrammeInfo]:
    """The programmes the buttons of these bot events offer, in their order."""
    buttons = [button for event in events for button in (event.get("data") or {}).get("buttons") or []]
    slugs = [m.group(1) for b in buttons for m in [_BUTTON_PROGRAMME.search(str(b.get("payload") or ""))] if m]
    # once each, in order: one programme's next steps ("누가 이용할 수 있나요", "신청 방법") are no list of several
    return [p for p in (kb.programme(slug) for slug in dict.fromkeys(slugs)) if p is not None]


def programmes_just_listed(tracker: Tracker, kb: KnowledgeBase) -> List[ProgrammeInfo]:
    """The programmes the bot's previous reply offered as buttons (a list of what fits, of a situation's help), in
    its order: "어떤 일 하는 거예요?" right after such a list asks about them."""
    return _programmes_on_buttons(previous_reply(tracker), kb)


def _bot_events_lately(tracker: Tracker, replies_back: int) -> Iterator[Dict[Text, Any]]:
    """The bot events of its last ``replies_back`` replies, latest first."""
    users_seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen > replies_back:
                return
        elif event.get("event") == "bot" and users_seen >= 1:
            yield event


def bot_texts_lately(tracker: Tracker, replies_back: int = 3) -> List[str]:
    """The texts of the bot's last ``replies_back`` replies, latest first: a list may be a question or two back."""
    return [event["text"] for event in _bot_events_lately(tracker, replies_back) if event.get("text")]


def programmes_listed_lately(tracker: Tracker, kb: KnowledgeBase, replies_back: int = 3) -> List[ProgrammeInfo]:
    """The programmes of the latest list the bot offered (as buttons) in its last ``replies_back`` replies: "그 중에"
    may point back past a question about one of them."""
    for event in _bot_events_lately(tracker, replies_back):
        listed = _programmes_on_buttons([event], kb)  # (once each)
        if len(listed) > 1:
            return listed
    return []


_FEW_PROGRAMMES = 3


def offers_what_is_said(kb: KnowledgeBase, programme: ProgrammeInfo, text: str) -> bool:
    """Whether a noun of ``text`` is in the programme's facts ("정장" of 취업날개's 면접 정장 무료 대여)."""
    said = kb.fact_index().said_of(programme.slug)
    return any(len(noun) >= 2 and noun not in ASKING_NOUNS and noun in said for noun in nouns(" ".join(question_words(text))))


def _split_compounds(said: List[str], nouns_said: Iterable[str], within: Optional[str] = None) -> Set[str]:
    """The words of a question that are compounds the analyser split into ``nouns_said`` ("모의면접", of which it keeps
    모의 and 면접), not verbs ("하는"); only those in ``within`` (the message as typed) when given, so that a synonym's
    translation brings none in."""
    return {
        word for word in said
        if (within is None or word in within) and any(noun in word and len(word) <= len(noun) + 2 for noun in nouns_said)
    }


# the words a synonym may bring in for "빌려주는 데" (운영업체): who runs a programme, not what it offers
_OPERATOR_WORDS = frozenset({"운영", "업체", "운영업체", "위탁", "법인", "위탁법인", "민간위탁"})


def the_one_offering(kb: KnowledgeBase, text: str) -> Optional[ProgrammeInfo]:
    """The one citizen-facing programme whose facts alone say the nouns of ``text`` that any says ("정장" of 취업날개
    in "손주 정장 빌리려면 어떻게 신청해요?"); None when such nouns point to none or to several."""
    index = kb.fact_index()
    said = question_words(text)
    # (words said, or a synonym's for them, "양복" → 정장, but not 운영업체 for "빌려주는 데", which is 취업날개's alone)
    named = {
        n for n in nouns(" ".join(said))
        if len(n) >= 2 and n not in ASKING_NOUNS and (n in text or n not in _OPERATOR_WORDS)
    }
    named |= _split_compounds(said, named, within=text)
    facing = [p.slug for p in kb.all_programmes(citizen_facing_only=True)]
    owners = {slug for word in named if index.said_of_how_many(word) == 1 for slug in facing if word in index.said_of(slug)}
    return kb.programme(owners.pop()) if len(owners) == 1 else None


def listed_one_offering(tracker: Tracker, kb: KnowledgeBase, current: Optional[ProgrammeInfo]) -> Optional[ProgrammeInfo]:
    """The one programme of a recent list whose facts name what the message asks about, when the programme in
    context does not ("모의면접도 해줌?" after 서울일자리센터, 청년일자리센터 and 일자리카페 were offered; "법률지원까지
    해주는 건 그 중에 어디예요")."""
    text = tracker.latest_message.get("text") or ""
    said = question_words(text)
    named = [n for n in nouns(" ".join(said)) if len(n) >= 2 and n not in ASKING_NOUNS]
    words = {*named, *_split_compounds(said, named)}
    listed = programmes_listed_lately(tracker, kb)
    if not words or not listed or (current is None and not AMONG_LISTED.search(text)):
        return None
    index = kb.fact_index()
    # the most telling word first: the longer ("모의면접", then "면접"), then the rarer ("융자" before "규모"), so that the
    # answer never depends on the order of a set
    # (no programme in context after a list of what fits: "그 중에 기술 배우는 곳은 송파에서 가까운 데가 어디요")
    own = index.said_of(current.slug) if current is not None else frozenset()
    for word in sorted(words, key=lambda w: (-len(w), index.said_of_how_many(w), w)):
        if index.said_of_how_many(word) > _FEW_PROGRAMMES:
            continue  # "서울시", "지원": words of many programmes tell none of them apart
        if word in own:
            return None
        offering = [p for p in listed if word in index.said_of(p.slug)]
        if offering:
            return offering[0] if len(offering) == 1 else None
    return None


# kinds of work done on the move: the report's shelters name these workers together as 이동노동자 (합정쉼터)
MOBILE_WORKERS = "이동노동자"
MOBILE_WORK = ("택배기사", "대리기사", "퀵서비스노동자")


def programmes_serving_workers(tracker: Tracker, kb: KnowledgeBase) -> List[ProgrammeInfo]:
    """The programmes with a site for the kind of work the latest message names ("퀵하는데", "방송 스탭들"); riders
    and drivers count as the report's 이동노동자 too."""
    workers = [w for w in latest_entity_values(tracker, "worker_type") if w]
    workers += [MOBILE_WORKERS for w in workers if w in MOBILE_WORK]
    return [
        p for p in kb.all_programmes(citizen_facing_only=True)
        if any(place.serves and any(w in place.serves for w in workers) for place in p.places)
    ]


def places_serving(tracker: Tracker, programme: ProgrammeInfo, text: str) -> List[PlaceInfo]:
    """The programme's sites for the kind of work the message names (an entity, or the words of a site's ``serves``)."""
    workers = [w for w in latest_entity_values(tracker, "worker_type") if w]
    unspaced = text.replace(" ", "")
    return [
        p for p in programme.places
        if p.serves and (any(w in p.serves for w in workers) or p.serves.replace(" ", "") in unspaced)
    ]


def mentioned_places(
    tracker: Tracker, kb: KnowledgeBase, programme: ProgrammeInfo, previous: bool = True
) -> List[PlaceInfo]:
    """Places of ``programme`` named in the latest message, else (with ``previous``) the one discussed before."""
    text = NOT_THIS.split(tracker.latest_message.get("text") or "")[-1]  # "남부 말고 강동 쪽은?": after the 말고
    places = [p for p in kb.places_in_text(text) if p.programme_slug == programme.slug]
    if places:
        return places
    # "방송 스태프 쉼터도 있어요?", "미디어노동자 쉼터 말한거였어요": the place that serves that kind of work
    serving = places_serving(tracker, programme, text)
    if serving:
        return serving
    if not previous:
        return []
    discussed = tracker.get_slot("place")
    if OTHER_PLACES.search(text) and discussed:  # "쉼터 다른 데도 있어요?" after 북창쉼터: the others
        return [p for p in programme.places if p.name != discussed]
    if latest_entity_values(tracker, "district"):
        return []  # "아 강동 아니고 용산이요": the district asked about, not the place discussed before
    return [p for p in programme.places if p.name == discussed]


# what may surround a place said alone: corrections, particles, "쪽", "거기", punctuation ("아 잘못 봤다 북부요", "합정은??")
_AROUND_A_PLACE = re.compile(
    r"아니(?:요|다|고)?|앗|아|어|ㄴㄴ|잘못\s*\S+|정정|오타|말고|그럼|그러면|그러면요|거기|저기|쪽|쉼터|기술교육원|교육원|센터|"
    r"이에요|예요|에요|이요|요|은|는|도|의|[?？!.~,ㅋㅎ]|\s"
)


def without_place_names(text: str, places: Iterable[PlaceInfo], blank: str = " ") -> str:
    """``text`` with the names of ``places`` and their short forms ("북부기술교육원", "북부") blanked out."""
    for place in places:
        for key in sorted(place_keys(place.name), key=len, reverse=True):
            text = text.replace(key, blank)
    return text


# "정보가 언제 기준이에요?", "최신 자료예요?": how old the bot's information is
AS_OF_ASKED = re.compile(
    r"(?:정보|자료|내용|데이터|답변)\S*\s*(?:\S+\s+)?(?:언제|몇\s*년|몇\s*월)\s*(?:기준|꺼|거|자료)|"
    r"(?:언제|몇\s*년)\s*기준(?:이에요|인가요|이야|임|이죠|예요|\s*[?？])|최신(?:\s*(?:정보|자료|내용))?(?:이에요|예요|에요|인가요|이야|임|이죠|\s*맞|\s*[?？])"
    r"|최신\s*(?:거|것|건)(?:죠|지|예요|이에요|인가요|맞|야|임|\s*[?？])|(?:정보|자료)\S*\s*(?:다\s*)?(?:올해|요즘|지금)\s*(?:거|것|꺼)"  # "정보는 다 올해 최신 거죠?"
)
# "공정무역 커피 수입하는 회사 주식 지금 사도 됨?": an investment asked about, whatever programme it names
INVESTMENT_ASKED = re.compile(
    r"(?:주식|주가|코인|가상\s*화폐|암호\s*화폐|종목|삼전|삼성전자|하이닉스)\S*\s*(?:\S+\s*){0,4}?"
    r"(?:사도|살까|사야|사면|사는\s*게|뭐\s*사|오를|오르|떨어질|들어가도|추천|어때|매수|매도|전망)"
    # "수능 다시 볼까봐요 인서울 정시 커트라인 좀 알려줘요": university admissions
    # "오늘 미세먼지 심해요? 마스크 써야돼요?": today's air and what to wear (not 공공근로's 미세먼지 rule, asked of work)
    r"|(?:오늘|내일|지금|낼)\s*(?:\S+\s*)?미세\s*먼지\s*(?:\S+\s*)?(?:심해|심한가|어때|나빠|나쁨|많아|좋아|괜찮)(?![^?？]*(?:일해|일하|근무|공공근로|작업))"  # ("…어때요? 엄마 밖에서 일하시는데": the air asked, the work told)
    r"|마스크\s*(?:를\s*)?(?:써야|쓰고\s*나가|껴야|챙겨야)"
    r"|수능|정시\s*(?:커트|컷|등급|지원|모집|원서|전형|합격)|수시\s*(?:커트|컷|등급|지원|모집|원서|전형|합격|경쟁률)|커트\s*라인|입시|내신\s*(?:등급|몇)"
)
# "한국 국적이 아니고 외국인등록증만 있는데 그래도 참여 되나요?", "외국인도 뉴딜 신청 돼요?": a condition of nationality
FOREIGNER_ASKED = re.compile(r"국적|외국인(?:\s*(?:친구|동생|남편|아내|와이프|직원|노동자|근로자|유학생|알바생?))?\s*(?:도|은|이라도|인데도)\s*(?:\S+\s*){0,3}?(?:돼|되|신청|참여|받을|할\s*수)")
# "근데 2018년엔 오히려 줄었던데 2018년 수치는요?": a remark before the follow-up
_REMARK_BEFORE = re.compile(r"(?:던데|는데|은데|던데요|네요)\s+")
# "귀화해서 한국 국적이고": a citizen, told (not "한국 국적이 아니고")
NATURALISED = re.compile(r"귀화|한국\s*국적(?:이고|이에요|입니다|이라서|을\s*(?:땄|받|취득)|\s*취득)")
# the scheme a "not covered" reply named ("… '청년수당' 안내가 없어서 …"), and a message opening by pointing at it
_SCHEME_NAMED = re.compile(r"'([^']+)'")
THAT_ONE = re.compile(r"^\s*(?:그럼\s*)?(?:그거|그건|그것|그게|거기)(?:는|도)?\s(?!\s*그렇고)")
# "나도 돼?", "받을 수 있어?": whether it is for the one asking (not "… 물어볼 무료 상담은 어디서 해요?")
ASKS_IF_IT_FITS = re.compile(r"(?:나|저|난|전)도\s*(?:돼|되|가능|받|신청)|(?:돼|되나|되요|됨|가능)\s*[?？]")
# "뉴딜 하면서 밤에 대리 계속 뛰어도 되나", "공공근로 하면서 주말 알바 해도 돼요?": other paid work alongside it
SIDE_WORK_ASKED = re.compile(
    r"(?:하면서|다니면서|일하면서|참여하면서)\s*(?:\S+\s*){0,3}?(?:알바|아르바이트|부업|투잡|대리|장사|배달)\S*\s*(?:\S+\s*){0,2}?"
    r"(?:해도|뛰어도|뛰면|하면|병행|괜찮|되나|돼요|될까|되는지)"
)
# "한번 했던 사람이 다시 참여할수 있는지는 어디다 물어봐요": where to ask what the report does not say (120)
WHERE_TO_ASK = re.compile(r"(?:는지|인지|건지)(?:는|도)?\s*(?:\S+\s*)?어디(?:다|에|에다|로)?\s*(?:물어|문의|알아봐)")
# "아니 동부요 …": a correction opening the message, the place right after it
_CORRECTION_OPENING = re.compile(r"(?:(?:아|앗|어|음)[\s,.]*)?(?:아니(?:요|다|고)?|아뇨|ㄴㄴ|잘못\s*\S+)[\s,.!]*")
# "… 중부 는 요": the place the message ends on, asked about
_PLACE_LAST = re.compile(r"\s*(?:은|는|도)\s*(?:요|여)?\s*[?？!.~]*")


def place_said_alone(tracker: Tracker, kb: KnowledgeBase) -> Optional[PlaceInfo]:
    """The one place a message says and nothing else but a correction ("아 잘못 봤다 북부요", "합정은??"): the
    previous question asked again about it."""
    text = tracker.latest_message.get("text") or ""
    places = kb.places_in_text(text) if not text.startswith("/") else []
    if len(places) != 1:
        return None
    rest = without_place_names(text, places)
    if len(_AROUND_A_PLACE.sub("", rest)) <= 1:
        return places[0]
    before, _, after = without_place_names(text, places, blank="\0").partition("\0")
    if _CORRECTION_OPENING.fullmatch(before) and question_named(after) is None and not kb.programmes_in_text(after):
        return places[0]  # "아니 동부요 강동 사는 사람이라": that place, and why
    if _PLACE_LAST.fullmatch(after) and question_named(before) is None and not kb.programmes_in_text(before):
        return places[0]  # "그럼 서울 이 아니네 중부 는 요": the place the message comes to
    return None


# the questions a place said alone asks again ("합정은??" after the hours of 상암쉼터)
PLACE_QUESTIONS = ("ask_hours", "ask_open_now", "ask_location", "ask_contact")
# "… 퀵 쉼터는요?", "대리기사 쉼터도?": the same question, about another
THE_SAME_ABOUT = re.compile(r"(?:은|는|도)\s*(?:요|여)?\s*[?？!.~]*$")


# "…를 여쭈려던 것이었습니다", "착각했어요", "말하려던 거예요": the thing named is the one meant instead
MEANT_INSTEAD = re.compile(CORRECTION.pattern + r"|착각|잘못\s*(?:말|물|썼|적|쳤|봤)|헷갈")


def place_asked_again(tracker: Tracker, kb: KnowledgeBase) -> Optional[PlaceInfo]:
    """The place the previous question (hours, place, contact, open now) is asked again about: said alone ("합정은??",
    "아 잘못 봤다 북부요"), or the one serving the work just told ("아 아니다 형 요즘 퀵으로 바꿨대요. 퀵 쉼터는요?")."""
    text = tracker.latest_message.get("text") or ""
    programme = current_programme(tracker, kb)
    set_aside = list(NOT_THIS.finditer(text))
    if (
        programme is not None and set_aside and len(text) <= QUESTION_LENGTH and question_named(text) is None
        and not kb.places_in_text(text[set_aside[-1].end():])
    ):  # "아 서초 말고 퀵기사들 가는 데요" after 서초쉼터's daily users: the site of the work named after the 말고, whatever
        # was asked (not "퀵이에요 대리 아니고": the work set aside comes last there)
        after = set_aside[-1].end()
        workers = [
            e.get("value") for e in tracker.latest_message.get("entities") or []
            if e.get("entity") == "worker_type" and int(e.get("start") or 0) >= after
        ]
        serving = [p for p in programme.places if p.serves and any(w and w in p.serves for w in workers)]
        if len(serving) == 1:
            return serving[0]
    if tracker.get_slot("last_question") not in PLACE_QUESTIONS and not set(previous_questions(tracker)) & set(PLACE_QUESTIONS):
        return None  # (one of several questions asked before may be the place question: "서초쉼터 몇시에 열고 누가 와요?")
    place = place_said_alone(tracker, kb)
    named = kb.places_in_text(text)
    if place is None and len(named) == 1 and MEANT_INSTEAD.search(text) and question_named(text) is None:
        # "아 죄송합니다 제가 착각하였습니다. 퀵서비스 기사들 쉬는 북창쉼터를 여쭈려던 것이었습니다": that place meant
        place = named[0]
    if place is None and programme is not None and len(text) <= QUESTION_LENGTH and THE_SAME_ABOUT.search(text) and (
        question_named(text) in (None, tracker.get_slot("last_question")) and not kb.places_in_text(text)
    ):
        serving = places_serving(tracker, programme, text)
        place = serving[0] if len(serving) == 1 else None
    return place


# what a citizen says about themselves that eligibility rules read
PROFILE_ENTITIES = (
    "age", "residence", "job_status", "workplace_size", "job_seeker_registered", "has_regular_income", "high_school_senior",
)


def profile_facts_told(tracker: Tracker) -> List[str]:
    """The kinds of fact about the citizen the latest message tells ("62살 서울살고 소득없고" → age, residence, …)."""
    return list(dict.fromkeys(
        e["entity"] for e in tracker.latest_message.get("entities", []) if e.get("entity") in PROFILE_ENTITIES
    ))


def states_profile_facts(tracker: Tracker) -> bool:
    return bool(profile_facts_told(tracker))


# the Profile field each profile entity fills (the rest have the entity's own name)
_ENTITY_FIELDS = {"residence": "seoul_resident", "high_school_senior": "age"}


def organisation_told(text: str) -> Optional[bool]:
    """Whether the message says the asker is an individual (False) or an organisation (True); None if neither."""
    if AN_INDIVIDUAL.search(text):
        return False
    return True if AN_ORGANISATION.search(text) else None


def without_groups(tracker: Tracker, text: str) -> str:
    """The message without the groups it names ("어르신 일자리에 드는 예산": the seniors' line of the bureau's targets, not a
    programme whose facts happen to count 어르신 among others)."""
    spans = sorted(
        (e["start"], e["end"]) for e in tracker.latest_message.get("entities") or []
        if e.get("entity") == "target_group" and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
    )
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    return text


def count_of_described(tracker: Tracker, kb: KnowledgeBase, text: str) -> Optional[ProgrammeInfo]:
    """"시랑 구청이 같이 만드는 일자리도 있다던데 그중에 신중년 몫은 몇개에요?": the programme a number is asked of,
    described by more than the group it names (신중년 alone is the bureau's line for that group); None otherwise."""
    if not _HOW_MANY.search(text) or not latest_entity_values(tracker, "target_group"):
        return None
    described = kb.described_programme(text)
    if described is None or not (kb.described_programme(without_groups(tracker, text)) or CITY_AND_DISTRICTS_TOGETHER.search(text)):
        return None
    return described


_HOW_MANY = re.compile(r"몇|얼마")


def states_facts_it_judges(tracker: Tracker, programme: ProgrammeInfo) -> bool:
    """Whether the latest message tells a fact one of the programme's rules reads ("직원 스무명 되는 제조업체
    대표입니다. 서울형 강소기업 …" tells a size no rule of 서울형 강소기업 reads; "저희 청년 협동조합인데" tells what a
    rule for organisations reads)."""
    needed = {RULE_NEEDS.get(rule.kind) for rule in programme.rules}
    if "is_organisation" in needed and organisation_told(tracker.latest_message.get("text") or "") is not None:
        return True
    return any(
        _ENTITY_FIELDS.get(e.get("entity"), e.get("entity")) in needed
        for e in tracker.latest_message.get("entities", []) if e.get("entity") in PROFILE_ENTITIES
    )


def knows_about_citizen(tracker: Tracker) -> bool:
    """Whether the citizen has told the bot their age, residence or job status."""
    profile = profile_from_tracker(tracker)
    return (
        profile.age is not None or profile.seoul_resident is not None or bool(profile.job_status)
        or bool(profile.high_school_senior)
    )


# "정장 빌리는것도?", "그럼 정장 빌리는 건 이제 안 되는 거?", "기술 배우는 데는 나이 많아도 받아줘요?": a programme
# asked about for the person just judged
ASKS_FOR_THEM_TOO = re.compile(
    r"(?:것|거|건|게|데|데는|곳|곳은)도\s*[?？]*\s*$|도\s*(?:돼|되|가능|받아\s*주)|안\s*되는\s*(?:거|건)|못\s*(?:빌리|받|하|들어가|쓰)"
    r"|받아\s*(?:줘|주나|줍니까|주냐|주는지)"
    r"|(?:은|는)요(?![가-힣])"  # "그럼 면접정장 빌려주는 취업날개는요? 만 38로"
)
# the intents whose own answer already weighs facts against the programme discussed
_VERDICT_INTENTS = ("inform", "ask_eligibility", "request_human", "recommend_programmes", "greet", "thanks", "bot_challenge")


# a fact supposed ("8명 되면요?", "서울로 이사 오면", "등록하고 나면 저 할수있는거죠?")
SUPPOSED = re.compile(r"(?:되면|이면|라면|하면|하고\s*나면|오면|가면|줄이면|늘리면|늘면|줄면)(?:요|은요|는요)?\s*[?？]*|거죠|는\s*거죠")


# "주말 알바생들", "야간 근무자": workers named by when they work, no question of hours
WORKERS_BY_THEIR_DAYS = re.compile(r"(?:주말|평일|야간|주간|새벽)\s*(?:알바|아르바이트|근무자|직원|파트|일하는)")
# "왜 안돼요? 12명도 작은 회사인데", "그래도 안됨?", "몇명까지 되는건데" right after a verdict: its rule questioned
VERDICT_QUESTIONED = re.compile(
    r"왜\s*(?:안|못)\s*(?:돼|되|됨|받|해|들어)|그래도\s*(?:안|못)\s*(?:돼|되|됨)|몇\s*(?:명|살|세)\s*까지\s*(?:돼|되|가능|받)"
)


def judged_just_before(tracker: Tracker, replies: "Replies") -> bool:
    """Whether the bot's reply to the previous message was a verdict, "yes" or "no"."""
    verdicts = [replies.fixed_words("utter_eligible"), replies.fixed_words("utter_not_eligible")]
    return any(words in (event.get("text") or "") for event in previous_reply(tracker) for words in verdicts)


def verdict_asked_again(tracker: Tracker, kb: KnowledgeBase, replies: "Replies") -> Optional[ProgrammeInfo]:
    """The programme whose verdict the message asks for again, whatever the NLU made of it: facts about the person
    the last eligibility question was about ("동생 13", "구직등록 안함", "주소는 인천이고 학교만 서울이야"), or,
    for a person the bot knows, another programme asked about ("정장 빌리는것도?" after what fits a 37-year-old),
    or the verdict just given questioned ("왜 안돼요?")."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    text = tracker.latest_message.get("text") or ""
    slug = tracker.get_slot("programme")
    judged = kb.programme(slug) if slug else None
    if (
        judged is not None and judged.rules and VERDICT_QUESTIONED.search(text) and judged_just_before(tracker, replies)
        and all(p.slug == judged.slug for p in kb.programmes_in_text(text))
    ):
        return judged
    if intent in _VERDICT_INTENTS:
        return None
    if question_named(WORKERS_BY_THEIR_DAYS.sub(" ", text)) not in (None, "ask_eligibility"):
        return None  # "서울 사는데 거기 몇시까지 해요?": the hours asked, whatever is told (not "주말 알바생들까지 다 치면")
    after_fits = said_just_before(tracker, replies.opening("utter_recommend_intro"))
    eligibility_talk = tracker.get_slot("last_question") == "ask_eligibility" or after_fits or (
        # "담달에 인원 줄여서 8명 되면요?" after a "no" for 12 people and a question about applying: judged again
        SUPPOSED.search(text) is not None and any(
            e.get("event") == "slot" and e.get("name") == "last_question" and e.get("value") == "ask_eligibility"
            for e in tracker.events
        )
    )
    if not eligibility_talk:
        return None
    named = [p for p in kb.programmes_in_text(text) if p.rules]
    if len(named) == 1 and knows_about_citizen(tracker) and ASKS_FOR_THEM_TOO.search(text):
        return named[0]
    current = judged
    if (
        not named and not after_fits and current is not None and current.rules
        and states_facts_it_judges(tracker, current)
    ):
        return current
    return None


# "그럼 우리 엄마는요? 62살이고…", "남편은 45살 …", "누나는 36": whose facts a message tells (the person said as
# the subject, the last one if several: "나 말고 우리 누나가 물어봐달란 거였음. 누나는 36")
_PERSON = re.compile(
    # ("사촌형" is the 형 said after; but "큰애" and "작은애" are different children, and "막내", "둘째" alone someone)
    r"(?<![가-힣])(?:사촌|친|큰|작은|막내)?"
    r"(?P<who>(?:큰|작은|첫째|둘째|셋째|막내)애|아들|딸|엄마|어머니|아버지|아빠|남편|아내|와이프|집사람|남동생|여동생|동생"
    r"|형님|형|누나|언니|오빠|조카|손자|손녀|손주|막내|첫째|둘째|셋째|저|나|전|난|제가|내가)"
    r"(?P<particle>은요|는요|도요|이는|은|는|도|이|가|요|이요)?(?![가-힣])"
)
_SELF = ("저", "나", "전", "난", "제가", "내가")
# "방금 동생이 그러는데 … 구직등록 해드렸대요": who passes the news on is not whom it is about
_REPORTER = re.compile(r"\s*(?:그러는데|그러던데|그랬는데|그러더라|그러네|말하길|말하는데|말로는|얘기하길|얘기하는데|알려줬|알려주)")
# "방금 아들이 구직등록 해줬다네": who did it for the citizen is not whom it is about
_DOER = re.compile(r"\s*(?:\S+\s+){0,2}?\S*?(?:해\s*줬|해\s*주었|해\s*주셨|해\s*줌|해\s*드렸|시켜\s*줬|대신\s)")
_POSSESSIVE = re.compile(r"(?:우리|울|저희|제|내)\s*$")
# "아 제가 착각했네요 만으로치면 서른아홉이랍니다": the asker's own slip, not a fact about the asker
_ASKERS_SLIP = re.compile(r"\s*(?:\S+\s+)?(?:착각|잘못|실수|헷갈|깜빡|틀렸|틀리게|오타)")
# the slots that hold facts about a person (a workplace's size is the business's, not a person's)
_PERSON_SLOTS = ("age", "residence", "job_status", "has_regular_income", "job_seeker_registered", "high_school_senior")
# "서울 같이 살아요": the household's residence is the same person to person
_SAME_HOME = re.compile(r"(?:같이|함께)\s*(?:살|사는|사시|삽니|지내)|한\s*집|같은\s*집")  # ("같이 사는 동생은 28살인데")


def _person_of(text: str) -> Optional[str]:
    """Who a message tells about ("엄마", or "self" for 저는/나도), None when it names nobody."""
    text = text or ""
    said = [
        m for m in _PERSON.finditer(text)
        # a subject ("누나는", "저도", "난"), or someone's ("울 동생 24살"); not "나 말고", nor 나 in "되나요"
        if (
            m.group("particle") or m.group("who") in ("전", "난", "제가", "내가") or _POSSESSIVE.search(text[:m.start()])
            or (m.group("who") not in _SELF and re.match(r"\s*\d", text[m.end():]))  # "아버지 61세 은퇴하셨어요"
        )
        and not (m.group("who") in ("저", "나") and m.group("particle") in ("이", "가", None))
        and not re.match(r"\s*말고", text[m.end():])
        and not _REPORTER.match(text[m.end():])
        and not (m.group("particle") in ("이", "가") and _DOER.match(text[m.end():]))
        and not (m.group("who") in _SELF and _ASKERS_SLIP.match(text[m.end():]))
    ]
    if not said:
        return None
    who = said[-1].group("who")
    return "self" if who in _SELF else who


def _up_to_the_last_fact(event: Dict[Text, Any]) -> str:
    """A message up to the last fact about a person it tells: "52살이고 … 구직등록은 해뒀습니다. 딸은 대학생이라
    등록금도 걱정이고요" tells the citizen's own facts, the daughter only named after them."""
    text = event.get("text") or ""
    ends = [
        int(e.get("end") or 0) for e in (event.get("parse_data") or {}).get("entities") or []
        if e.get("entity") in _PERSON_SLOTS
    ]
    return text[: max(ends)] if ends and max(ends) > 0 else text


def facts_by_person(tracker: Tracker) -> Tuple[str, Dict[str, Dict[str, Any]]]:
    """Whom the conversation is about now, and each person's facts as they were told: a slot set after a message
    belongs to the person that message is about ("남편은 45살 서울 살고 …" after the mother's 62; "난 기술교육원은
    됨?" back to the citizen's own 40 after a brother's 24). A message naming nobody goes on about the one before."""
    person = "self"
    facts: Dict[str, Dict[str, Any]] = {}
    for event in tracker.events:
        if event.get("event") == "user" and not (event.get("text") or "").startswith("/"):
            person = _person_of(_up_to_the_last_fact(event)) or person
        elif event.get("event") == "slot" and event.get("name") in _PERSON_SLOTS and event.get("value") is not None:
            facts.setdefault(person, {})[event["name"]] = event["value"]
    return person, facts


def facts_of_the_person_now(tracker: Tracker) -> Optional[Dict[str, Any]]:
    """The profile slots as they are for the person the conversation is about now, when more than one person's
    facts were told (None otherwise: the slots hold them)."""
    person, facts = facts_by_person(tracker)
    if len(facts) < 2 and (not facts or person in facts):
        return None
    own = facts.get(person, {})
    # "큰애는 17살이에요 같이 살고요" after "중2 아들 14살인데 서울 살아요": the household's home, whoever told it
    homes = [their.get("residence") for who, their in facts.items() if who != person and their.get("residence")]
    home = facts.get("self", {}).get("residence") or (homes[-1] if homes else None)
    shared = {"residence": home} if _SAME_HOME.search(tracker.latest_message.get("text") or "") and "residence" not in own else {}
    return {name: own.get(name, shared.get(name)) for name in _PERSON_SLOTS}


def profile_from_tracker(tracker: Tracker) -> Profile:
    """The citizen's facts collected so far (slots filled from entities and form answers); another person's facts
    told now replace the ones told before."""
    theirs = facts_of_the_person_now(tracker)

    def slot(name: str) -> Any:
        return theirs.get(name) if theirs is not None and name in theirs else tracker.get_slot(name)

    def number(name: str) -> Optional[int]:
        value = slot(name)
        try:
            return int(float(value)) if value is not None else None
        except (TypeError, ValueError):
            return None

    residence = slot("residence")
    return Profile(
        age=number("age"),
        seoul_resident=None if residence is None else residence == "seoul",
        job_status=slot("job_status"),
        has_regular_income=slot("has_regular_income"),
        job_seeker_registered=slot("job_seeker_registered"),
        workplace_size=number("workplace_size"),
        worker_type=tracker.get_slot("worker_type"),
        high_school_senior=slot("high_school_senior"),
        # "대학생 개인인데 … 지원금 받을 수 있나요?": an individual, not an organisation (said now, not remembered)
        is_organisation=organisation_told(tracker.latest_message.get("text") or ""),
    )


def source_values(programme: ProgrammeInfo) -> Dict[str, str]:
    return {"name": programme.name, "source": programme.source_section, "as_of": programme.as_of_label}


def programme_buttons(programmes: Iterable[ProgrammeInfo]) -> List[Dict[str, str]]:
    """One button per programme, asking what it is (the buttons under every list of programmes)."""
    return [{"title": p.name, "payload": intent_payload("ask_programme_info", programme=p.slug)} for p in programmes]


def join(items: Iterable[str], separator: str = ", ") -> str:
    return separator.join(item for item in items if item)


# asking outright for a person, whatever else the message says
WANTS_A_PERSON = re.compile(
    r"(?:챗봇|봇|기계|로봇)\s*말고|(?:담당자|상담원|상담사|직원|사람)(?:한테|에게|께|으로|로)\s*(?:넘겨|연결|바꿔)"
    r"|(?:담당자|상담원|상담사|직원)(?:님|분)?\s*(?:좀\s*)?(?:바꿔|연결해|불러)"  # "담당자님 좀 바꿔 주시겠습니까"
    # ("그 사람한테 물어보면 돈은 안 받아요?": the person just discussed, a 노동옴부즈만, asked about)
    r"|(?<!그\s)(?<!그)(?<!이\s)(?<!저\s)(?<!라는\s)(?<!같은\s)사람(?:한테|이랑|하고|과)\s*(?:직접\s*)?(?:물어|묻|얘기|상담|통화|연결)|"
    r"(?:상담원|상담사|직원|사람|담당자|담당\s*직원|담당(?:하시는|하는)\s*분)(?:분)?(?:이랑|랑|하고|과|한테)?\s*(?:직접\s*)?"
    r"(?:연결|통화|바꿔|얘기하고\s*싶|대화하고\s*싶|상담하고\s*싶|얘기하게|이야기하게|얘기\s*좀|통화하게|얘기할게|이야기할게|통화할게)"
)


def asks_for_a_person(tracker: Tracker) -> bool:
    """Whether the citizen asks for a person in a message the NLU gave another intent (the first action after it)."""
    text = tracker.latest_message.get("text") or ""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return (
        intent != "request_human" and not text.startswith("/") and tracker.latest_action_name == "action_listen"
        and bool(WANTS_A_PERSON.search(text))
    )


# thanks said with a question, before or after it ("ㅇㅋ 감사요 신청은 온라인으로 하는거 맞죠?", "ㄳ 전화번호는요?",
# "ㅇㅋ 그럼 거기 무료인건 맞죠? 고마워요"), and how much question there must be besides (not "네 감사해요 ㅎㅎ")
THANKS_OPENING = re.compile(
    r"^\W*(?:(?:ㅇㅋ|ㅇㅇ|오케이|오키|ok|네+|넵|예|아+|앗|오+|와+|알겠어요|알겠습니다|알았어요|그렇군요|글쿠나|그렇구나)[\s~!.,^]*)*"
    r"(?:감사|고마워|고맙|ㄳ|ㄱㅅ|땡큐|땡스|thx|thank|쌩유)[가-힣ㄳㄱㅅ]*[\s~!.,^ㅎㅋ]*",
    re.IGNORECASE,
)
THANKS_CLOSING = re.compile(r"[?？.!]\s*(?:감사(?:합니다|해요|요)?|고마워요?|고맙습니다|ㄳ|ㄱㅅ|땡큐)[\s~!.^ㅎㅋ]*$")
QUESTION_WITH_THANKS = 6


def thanked_with_a_question(text: str) -> bool:
    """Whether a question came with thanks, which the answer returns first."""
    opening = THANKS_OPENING.match(text)
    if opening:
        return len(text[opening.end():].strip()) >= QUESTION_WITH_THANKS
    closing = THANKS_CLOSING.search(text)
    return bool(closing) and len(text[: closing.start()].strip()) >= QUESTION_WITH_THANKS


def return_courtesy_first(dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, first: int) -> None:
    """"안녕하세요~ 사회적기업 창업 준비하는 사람이에요" answered as a question: the answer greets back first (and
    "ㄳ 전화번호는요?" thanks back first)."""
    text = tracker.latest_message.get("text") or ""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    answer = dispatcher.messages[first:]
    if intent == "greet" or not answer or tracker.latest_action_name != "action_listen":
        return
    if GREETING_OPENING.match(text):
        hello = replies.text("utter_hello_first")
    elif intent != "goodbye" and thanked_with_a_question(text) and answer[0].get("response") != "utter_thanks":
        # (also when the NLU heard the thanks first, "ㄳ요 근로환경 컨설팅 해준다는건 …?", and the question was answered)
        hello = replies.text("utter_welcome_first")
    else:
        return
    if answer[0].get("text") and not answer[0]["text"].startswith(hello):
        answer[0]["text"] = f"{hello} {answer[0]['text']}"
    elif not answer[0].get("text"):  # (a response named, rendered by Rasa): a line of its own before it
        dispatcher.utter_message(text=hello)
        dispatcher.messages.insert(first, dispatcher.messages.pop())


def place_said_now(tracker: Tracker, kb: KnowledgeBase, events: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The one site the message named ("앗 상암이랑 헷갈렸다 상암은요"), as the place discussed from now on ("거기 몇시에
    닫아?"), when the answer did not set one itself."""
    text = tracker.latest_message.get("text") or ""
    if text.startswith("/") or any(e.get("event") == "slot" and e.get("name") == "place" for e in events):
        return []
    named = kb.places_in_text(NOT_THIS.split(text)[-1])  # ("합정 말고 상암": the one after 말고)
    return [SlotSet("place", named[0].name)] if len(named) == 1 else []


class KnowledgeAction(Action, metaclass=ABCMeta):
    """An action over the knowledge base: a database fault becomes a polite answer with 120."""

    # whether a follow-up about the figure just given ("그럼 작년엔?") is answered before this action's own answer
    answers_follow_ups: bool = True
    # whether a place said alone after a place question ("합정은??") is handed to the programme question action,
    # which asks that question again itself
    hands_on_place_follow_ups: bool = True

    @abstractmethod
    def name(self) -> Text:
        """The action's name in the domain."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        replies = Replies(domain)
        if asks_for_a_person(tracker):
            # "…이걸로 뭘 할 수 있는지 챗봇 말고 사람한테 직접 물어보고 싶어요" (read as "what can you do?"): a person
            return [FollowupAction("action_request_human")]
        if (
            self.answers_follow_ups and self.hands_on_place_follow_ups
            and tracker.latest_action_name == "action_listen" and place_asked_again(tracker, knowledge_base()) is not None
        ):  # "합정은??" (out of scope to the NLU) after the hours of 상암쉼터: that question, about 합정쉼터
            return [FollowupAction("action_answer_programme_question")]
        said = tracker.latest_message.get("text") or ""
        if self.answers_follow_ups and AS_OF_ASKED.search(said) and not said.startswith("/"):
            # "근데 정보가 언제 기준이에요? 최신이에요?": the report's date, and where to check what changed since
            dispatcher.utter_message(text=replies.text("utter_as_of"))
            return [FollowupAction("action_listen")]  # (nothing else follows: no eligibility form after it)
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        confidence = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)
        if self.answers_follow_ups and WHERE_TO_ASK.search(said) and (not intent.startswith("situation_") or confidence < 0.5):
            # (a story heard with confidence is asked of its own help: "월급 받을 수 있는지 어디에 물어봐요")
            dispatcher.utter_message(text=replies.text("utter_where_to_ask"))
            return [FollowupAction("action_listen")]
        other_scheme = NOT_COVERED.search(said) if self.answers_follow_ups and len(said) <= FOLLOW_UP_LENGTH else None
        if (
            other_scheme and not intent.startswith("situation_") and not knowledge_base().programmes_in_text(said)
            # (the scheme alone: "청년수당이요", whose 이요 MeCab calls a noun)
            and not any(len(noun) >= 2 and noun not in ("이요", "이에요") for noun in nouns(said.replace(other_scheme.group(), " ")))
        ):
            # "청년수당이요" (a fact, to the NLU): a scheme the report does not cover (120), not a programme it does
            dispatcher.utter_message(text=replies.text("utter_not_covered", topic=other_scheme.group()))
            return [FollowupAction("action_listen")]
        scheme_before = _SCHEME_NAMED.search(" ".join(
            e.get("text") or "" for e in previous_reply(tracker) if (e.get("text") or "").startswith(replies.opening("utter_not_covered"))
        )) if self.answers_follow_ups and THAT_ONE.match(said) and ASKS_IF_IT_FITS.search(said) else None
        if scheme_before and not knowledge_base().programmes_in_text(said):
            # "그거 나도 돼? 스물여섯 송파 살아" right after "'청년수당' 안내가 없어서": still that scheme (120)
            dispatcher.utter_message(text=replies.text("utter_not_covered", topic=scheme_before.group(1)))
            return [FollowupAction("action_listen")]
        if self.answers_follow_ups and SIDE_WORK_ASKED.search(said) and not said.startswith("/"):
            kb = knowledge_base()
            doing = mentioned_programme(tracker, kb) or current_programme(tracker, kb)
            if doing is not None:  # "뉴딜 하면서 밤에 대리 계속 뛰어도 되나": other work alongside, which the report does not rule on
                dispatcher.utter_message(text=replies.text("utter_feature_unknown", name=doing.name, words="다른 일과 함께 하는 것(겸업)"))
                return [SlotSet("programme", doing.slug), FollowupAction("action_listen")]
        if self.answers_follow_ups and FOREIGNER_ASKED.search(said) and not intent.startswith("situation_") and not NATURALISED.search(said):
            dispatcher.utter_message(text=replies.text("utter_nationality_unknown"))  # (the report states no such rule)
            return [FollowupAction("action_listen")]
        if self.answers_follow_ups and INVESTMENT_ASKED.search(said) and not said.startswith("/"):
            before = len(dispatcher.messages)
            dispatcher.utter_message(text=replies.text("utter_out_of_scope"))
            return_courtesy_first(dispatcher, tracker, replies, before)  # ("hi 주식 추천좀": greeted back first)
            # (no eligibility form after "삼전 사도 돼요?", whatever the NLU made of it)
            asked = (tracker.latest_message.get("intent") or {}).get("name")
            return [FollowupAction("action_listen")] if asked == "ask_eligibility" else []
        before = "\n".join(event.get("text") or "" for event in previous_reply(tracker)) if self.answers_follow_ups else ""
        if before and any(p.name not in before for p in knowledge_base().programmes_in_text(said)):
            before = ""  # "ㄴㄴ 그거말고 뉴딜 총 몇명 뽑는지" after 취업날개's users and their parts: not that figure's total
        target = target_of_the_count(said, before, replies) if before else None
        if target is not None:  # "그럼 내년 목표는?" right after 공공구매 실적: the bureau's target in that year
            dispatcher.utter_message(text=target)
            return []
        remark = said[: len(said) - len(_REMARK_BEFORE.split(said)[-1])]
        # ("공공기관 납품도 밀어준다던데 올해 실적 어때요" after 마을기업's figure: a remark naming another thing)
        remark_of_it = not any(n not in before.replace(" ", "") and n not in ASKING_NOUNS for n in nouns(remark) if len(n) >= 2)
        in_year = figure_in_year(said, before, replies) or (
            figure_in_year(_REMARK_BEFORE.split(said)[-1], before, replies) if remark_of_it else None
        ) if before else None
        if in_year is not None:  # "그럼 작년엔?" right after a figure, whatever the NLU made of it
            dispatcher.utter_message(text=in_year)
            return []
        total = total_of_parts(tracker.latest_message.get("text") or "", before, replies) if before else None
        if total is not None:  # "다 합치면 몇 개야" right after a figure and its parts: the report's total
            dispatcher.utter_message(text=total)
            return []
        discussed = tracker.get_slot("programme") if before else None
        said_of = knowledge_base().fact_index().said_of(discussed) if discussed else ""
        part = part_of_figure(tracker.latest_message.get("text") or "", before, replies, said_of) if before else None
        if part is not None:  # "스터디룸 쓴 사람만 따로 보면?", "그럼 몇퍼 늘어난거야" right after a figure: its line
            dispatcher.utter_message(text=part)
            return []
        programme_discussed = knowledge_base().programme(str(discussed)) if discussed else None
        another = figure_of_another_thing(
            said, before, [fact.text for fact in programme_facts(programme_discussed) if fact.kind == "figure"], replies
        ) if programme_discussed is not None else None
        if another is not None:  # "사업개발비 지원은여?" right after 인건비 지원 기업 수: the same count of that
            dispatcher.utter_message(text=another)
            return []
        try:
            before = len(dispatcher.messages)
            kb = knowledge_base()
            tracker = with_references_named(tracker, kb)  # "두번째 거는 몇 군데 있음?": as if the name were said
            events = self.answer_message(dispatcher, tracker, replies, kb)
            return_courtesy_first(dispatcher, tracker, replies, before)
            if tracker.is_paused():  # answered while a handoff waits (bot/handoff.py): the request still stands
                dispatcher.utter_message(text=replies.text("utter_handoff_still_waiting"))
            theirs = facts_of_the_person_now(tracker) if self.answers_follow_ups else None
            # (the slots as they are for the person discussed now: the next form or verdict is about them)
            switch = [SlotSet(name, value) for name, value in (theirs or {}).items() if tracker.get_slot(name) != value]
            return switch + events + place_said_now(tracker, kb, events)
        except SQLAlchemyError:
            logger.exception("knowledge base unavailable in %s", self.name())
            dispatcher.utter_message(text=replies.text("utter_knowledge_unavailable"))
            return []

    @abstractmethod
    def answer(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        replies: Replies,
        kb: KnowledgeBase,
    ) -> List[Dict[Text, Any]]:
        """Answer from the knowledge base ``kb``; return the events."""

    def answer_message(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        """Answer the latest message (actions/questions_apart.py answers each of several questions)."""
        return self.answer(dispatcher, tracker, replies, kb)
