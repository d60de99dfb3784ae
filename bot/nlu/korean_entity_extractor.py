"""Gazetteer + rule entity extractor for Korean messages (Rasa 3.6).

Gazetteer: the training data's lookup tables (table name = entity) and entity
synonyms (variant -> canonical value) are stored in this component's model
storage at train time and reloaded by :meth:`KoreanEntityExtractor.load`; the
training data is not needed after that. Phrases are matched with spaCy's
``PhraseMatcher`` on a Doc of the message's non-space characters, so spacing
does not matter ("청년 일자리 센터" == "청년일자리센터"). A match only counts if it
starts where a morpheme or word starts and ends where a morpheme or word ends,
or where a particle follows. That check uses the morphemes from
``bot.nlu.korean_tokenizer``. Particles never become part of an entity
("마포구에서" -> 마포구, 0-3). Character-level matching is used because MeCab
often merges a name's last syllable with a particle ("취준생이" -> 취/준/생이,
"마포구의" -> 마포/구의), which a morpheme-level match would miss.

Optional typo tolerance: programme names of at least four syllables also match
at Hangul jamo edit distance 1 ("취업날게" -> 취업날개).

Rules on the original text: ``age``, ``weekday``, ``time``, ``residence``.
Residence comes from the rules only by default ("[서울] 살아요" yes, "서울 기온" no);
add ``residence`` to ``gazetteer_entities`` to also use a residence lookup table.

Every entity gets its canonical ``value`` and ``confidence_entity``. When
matches overlap, the longest one wins (ties: gazetteer, then rules, then typo
matches), so entities never overlap. This component reads no outside file.
"""
from __future__ import annotations

import logging
import re
import threading
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Set, Text, Tuple

import rasa.shared.utils.io
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import ENTITY_ATTRIBUTE_CONFIDENCE_TYPE, TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.korean_tokenizer import POS_TAG_KEY, analyse, normalise
from knowledge.clauses import ASKER_ROLE
from knowledge.morphology import respell

logger = logging.getLogger(__name__)

GAZETTEER_ENTITIES = [
    "programme",
    "district",
    "worker_type",
    "target_group",
    "job_status",
    "residence",
]

# Particles / copula endings that may follow a name inside one word.
_PARTICLES = (
    "의", "이", "가", "은", "는", "을", "를", "에", "께", "한테", "으로", "로",
    "와", "과", "랑", "하고", "도", "만", "요", "예요", "야", "인", "입니",
    "까지", "부터", "보다", "처럼", "같", "쯤", "라고", "라서", "라도", "임",
)

# Priorities used to break ties between overlapping matches of equal length.
_PRIORITY_GAZETTEER, _PRIORITY_RULE, _PRIORITY_FUZZY = 0, 1, 2


class _Candidate(NamedTuple):
    length: int  # non-space characters covered
    priority: int
    start: int
    end: int
    entity: Text
    value: Any
    confidence: float


# --------------------------------------------------------------------------- #
# spaCy: loaded lazily, once per process                                       #
# --------------------------------------------------------------------------- #
_spacy_lock = threading.Lock()
_spacy_nlp: Optional[Any] = None


def _get_nlp() -> Any:
    """A blank Korean spaCy pipeline with a plain tokenizer (no mecab/natto)."""
    global _spacy_nlp
    if _spacy_nlp is None:
        with _spacy_lock:
            if _spacy_nlp is None:
                import spacy

                _spacy_nlp = spacy.blank(
                    "ko",
                    config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}},
                )
    return _spacy_nlp


# --------------------------------------------------------------------------- #
# Text helpers                                                                  #
# --------------------------------------------------------------------------- #
def _is_hangul(char: Text) -> bool:
    return "\uac00" <= char <= "\ud7a3" or "\u3131" <= char <= "\u318e"


def _lower(char: Text) -> Text:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def compact_key(phrase: Text, case_sensitive: bool = False) -> Text:
    """The spacing-free, normalised form of a phrase used for matching."""
    text = normalise(phrase, collapse_repeats=False).text
    chars = [c for c in text if c != " "]
    if not case_sensitive:
        chars = [_lower(c) for c in chars]
    return "".join(chars)


class _CompactText:
    """The message's non-space characters, with their spans in the original."""

    def __init__(self, text: Text, case_sensitive: bool) -> None:
        norm = normalise(text, collapse_repeats=False)
        chars: List[Text] = []
        starts: List[int] = []
        ends: List[int] = []
        word_start: List[bool] = []
        gap = True
        for char, start, end in zip(norm.text, norm.starts, norm.ends):
            if char == " ":
                gap = True
                continue
            boundary = gap or not chars or (_is_hangul(chars[-1]) != _is_hangul(char))
            if not boundary and not char.isalnum():
                boundary = True
            if not boundary and not chars[-1].isalnum():
                boundary = True
            chars.append(char if case_sensitive else _lower(char))
            starts.append(start)
            ends.append(end)
            word_start.append(boundary)
            gap = False
        self.chars = chars
        self.text = "".join(chars)
        self.starts = starts
        self.ends = ends
        self.word_start = word_start + [True]  # index n is always a boundary

    def __len__(self) -> int:
        return len(self.chars)

    def word_end_after(self, j: int) -> int:
        """Index of the next word start at or after ``j``."""
        k = j
        while not self.word_start[k]:
            k += 1
        return k


# --------------------------------------------------------------------------- #
# Jamo helpers for typo tolerance                                               #
# --------------------------------------------------------------------------- #
_COMPAT_CONSONANTS = "ㄱㄲㄳㄴㄵㄶㄷㄸㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def jamo(char: Text) -> Tuple[Text, ...]:
    """Decomposes a Hangul syllable (or compatibility jamo) into jamo."""
    code = ord(char) - 0xAC00
    if 0 <= code < 11172:
        initial, rest = divmod(code, 588)
        medial, final = divmod(rest, 28)
        parts = (_INITIALS[initial], _MEDIALS[medial])
        return parts + (_FINALS[final],) if final else parts
    if char in _COMPAT_CONSONANTS or char in _MEDIALS:
        return (char,)
    return ("\x00" + char,)  # never equal to a jamo


def _edit_distance(a: Tuple[Text, ...], b: Tuple[Text, ...]) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


# --------------------------------------------------------------------------- #
# Rules                                                                         #
# --------------------------------------------------------------------------- #
_NATIVE_TENS = {
    "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
    "예순": 60, "일흔": 70, "여든": 80, "아흔": 90,
}
_NATIVE_UNITS = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4,
    "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}
_SINO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}


def _alternation(words: Iterable[Text]) -> Text:
    return "|".join(sorted(set(words), key=len, reverse=True))


_TENS = _alternation(_NATIVE_TENS)
_UNITS = _alternation(_NATIVE_UNITS)
# start of a word, or right after a particle typed without a space
_WORD_START = r"(?:(?<![가-힣])|(?<=[는은가이도요])|(?<=(?<![가-힣])[저전]))"  # ("저마흔인데": 저 typed against the age)
# "살" as the age counter, not the verb 살다 (살아요, 살고, 살았어요 ...)
_SAL = r"(?:살(?![아았고지며면던려자게기림짝펴핀])|살(?=고딩|고등|고\d))"  # ("17살고딩인데": an age, then a 고등학생)
_COUNTERS = r"(?!\s*(?:시|명|개|번|분|곳|군데|달|가지|권|장|대|마리|잔|병|벌|채|통|층|째|주|일|년|시간|개월|차|회|건|배))"

_AGE_DIGITS = re.compile(
    r"(?:(?P<man>만)\s*)?(?<![\d.,])(?P<n>\d{1,3})\s*(?:세(?!대|기|트|금|상|요일)|" + _SAL + r")"
)
_AGE_MAN_ONLY = re.compile(
    r"(?<![\d.,가-힣])만\s*(?<![\d.,])(?P<n>\d{1,3})"
    # ("그럼 취업날개는요? 만 38로": the age to judge by)
    r"(?=\s*(?:이에요|이에여|이예요|이여|이요|입니다|이고|인데|이야|이라|이래|이네|네요|네여|이거든|이구|이시(?=[고며구니는지])|이신|이세요|이셔|이십|래(?![가-힣])|래요|라네|라는데|됨|됐|$)|(?:에|로|으로)(?=\s|[,.?？!]|$)|\s+(?!(?:원|명|개|천|건|시|분|년|달|%|\d)))"
)
_AGE_NATIVE_SAL = re.compile(
    _WORD_START + r"(?:(?P<tens>" + _TENS + r")\s?(?P<units>" + _UNITS + r")?|(?P<only>"
    + _UNITS + r"))\s*" + _SAL
)
_COPULA = r"(?:이에요|이에여|이예요|이요|입니다|이야|인데|이고|이라|임|이니|이면|이지만|이거든|이래|이시(?=[고며구니는지])|이신|이세요|이셔)"  # ("만 마흔이래요", "예순하나이신데")
_AGE_NATIVE_BARE = re.compile(
    _WORD_START + r"(?:(?P<tens>" + _TENS + r")\s?(?P<units>" + _UNITS + r")" + _COUNTERS
    # a bare tens word: 서른이에요, 올해 마흔 됐어요 (not 열 / 쉰, which are common words)
    + r"|(?P<bare>" + _alternation(t for t in _NATIVE_TENS if t not in ("열", "쉰", "스무"))
    + r")(?=\s*(?:$|[,.!?~]|" + _COPULA + r"|\s(?!\s*(?:초반|중반|후반|대|명|개|번|가지))|넘|됐|되|에|도|은)))"
)
# "나이 26", "나이는 24이고", "27이에요", "29인데", "I'm 25", "25 years old"
_AGE_NUMBER_CONTEXT = re.compile(
    r"나이(?:는|가|가요)?\s*(?P<a>\d{1,2})(?![\d.,:%])"
    r"|(?<![\d.,:\-])(?P<b>[1-9]\d)(?=\s*" + _COPULA + r")"
    r"|(?i:\bI'?\s?a?m\s+(?P<c>\d{1,2})\b(?!\s*(?:%|am|pm|:|시)))"
    r"|(?i:\b(?P<d>\d{1,2})\s*(?:years?\s*old|yrs?\s*old|y/?o)\b)"
    # "만으로 따지면 34에요", "만 나이로는 34": the age corrected to 만 나이
    r"|만\s*(?:으로|나이로)\s*(?:(?:따지면|치면|하면|계산하면|는|은)\s*)?(?P<e>\d{1,2})(?![\d.,:%])"
    r"|(?<![\d.,:\-])(?P<f>[1-9]\d)(?=\s*(?:에요|예요|이래요|이라네요|이라는데|이라고\s*하)(?![가-힣]))"
    # "내년에 18 되면?", "곧 40 돼요": an age one will be
    r"|(?<![\d.,:\-])(?P<g>[1-9]\d)\s*(?:살\s*)?(?=(?:이\s*)?(?:되면|돼요|되는데|되거든|됐|되어|되요|될\s*때))"
    # "27 서울 취준임", "52 실직자": an age opening a message of facts about oneself
    # ("졸업반 대학생임 23 관악구 살아": also right after a sentence about oneself)
    r"|(?:^|(?<=[임요다,.!?]\s)|(?<=[임요다,.!?])|(?<=\s[나저난]\s)|(?<=^[나저난]\s))\s*(?P<h>[1-9]\d)(?=\s+(?:서울|경기|인천|남자?|여자?|취준|백수|무직|실직|대학|직장|회사|구직|[가-힣]+구\s))"
    # "39면요?", "그럼 34면 돼요?": an age supposed, opening the message
    r"|^\s*(?:그럼|그러면|만)?\s*(?P<i>[1-9]\d)\s*(?:이면|면|이라면|라면)(?![가-힣]*(?:명|개|시|원))"
    # "아 오타 32", "잘못 쳤어요 25": an age corrected, said alone
    r"|^\s*(?:(?:앗|아|어|아니|ㄴㄴ)[\s,.!]*)*(?:정정|오타|수정|잘못\s*(?:쳤|침|말했|썼|씀|적었|적음|눌렀|봄|봤|읽))\S*[\s,.!]*(?P<j>[1-9]\d)"
    r"\s*(?:살|세|이요|요|임|이에요)?[\s.!~ㅋㅎ]*$"
    # "동생은 14", "우리 애는 열일곱 아니고 17": someone's age said after who it is, alone
    r"|(?:^|(?<=[.!?。]\s)|(?<=[.!?。]))\s*(?:\S+\s+)?(?:동생|형|누나|오빠|언니|아들|딸|애|손주|손자|손녀|남편|와이프|아내|엄마|아빠|친구)(?:은|는|이는|\s)\s*(?P<k>[1-9]\d)"
    r"\s*(?:살|세|이요|요|임|이에요)?[\s.!?~ㅋㅎ]*$"
    # "동생은 27 서울살고 취준중": someone's age after who it is, opening terse facts about them
    r"|(?:^|(?<=[.!?。]\s)|(?<=[.!?。]))\s*(?:\S+\s+)?(?:동생|형|누나|오빠|언니|아들|딸|애|손주|손자|손녀|남편|와이프|아내|엄마|아빠|친구)(?:은|는|이는)\s*(?P<m>[1-9]\d)"
    r"(?=\s+(?:서울|경기|인천|남자?|여자?|취준|백수|무직|실직|대학|직장|회사|구직|[가-힣]+구\s))"
    # "서울사는 취준생 36": an age closing terse facts about oneself
    r"|(?:취준생|취준|백수|무직|실직자|구직자|대학생|졸업생|직장인|회사원|알바생|주부)\s*(?P<l>[1-9]\d)\s*(?:살|세)?[\s.!?~ㅋㅎ]*$"
    # "올해 52 먹은 사람도": an age eaten (the Korean way of saying one's age), without 살
    r"|(?<![\d.,:\-])(?P<q>[1-9]\d)\s*(?:살\s*)?(?:먹은|먹었|먹고)"
    # "서울 은평 살고 38": an age closing facts about where one lives
    r"|(?:살고|살구|사는데|살아요|살아|살며)\s*,?\s*(?P<r>[1-9]\d)\s*(?:살|세)?[\s.!?~ㅋㅎ]*$"
    # "취업날개 33 서울 취준": an age after the programme's name, opening terse facts about oneself
    # ("취업날개 29 여 관악 취준", "배우자 60 여 노원 무직": the sex and a bare district may come between)
    r"|^\s*[가-힣]{2,10}(?:\s+(?:문의|관련|질문|신청|건))?\s+(?P<p>[1-9]\d)(?=\s+(?:(?:남|여)(?:자|성)?\s+)?(?:서울|경기|인천|취준|백수|무직|실직|구직|[가-힣]+구\s"
    r"|[가-힣]{2,3}\s+(?:취준|백수|무직|실직|구직|재직|직장|회사)"
    # ("뉴딜 41 송파": a bare district closing the message)
    r"|(?!(?:개월|가지|군데|시간|번째|명|개|곳|세대)\b)[가-힣]{2,3}(?:구)?\s*[?？.!]*\s*$))"
)
# "한국나이로 서른일곱", "한국 나이 35", "세는나이로 37": an age counted the Korean way, not 만 나이
_KOREAN_AGE_BEFORE = re.compile(r"(?:한국\s*나이|세는\s*나이|그냥\s*나이)\s*(?:로는|로|론|는|가|으로|상)?\s*$")
# a message that is only a number: the answer to "how old are you?"
_AGE_WHOLE_MESSAGE = re.compile(r"^\s*(?P<n>[1-9]\d)\s*(?:요|이요|살|세)?\s*[.!~]*\s*$")
_AGE_SINO = re.compile(
    _WORD_START + r"(?P<a>[이삼사오육칠팔구])?십(?:\s?(?P<b>[일이삼사오육칠팔구]))?\s*(?:세(?!대|기|트|금|요일)|"
    + _SAL + r"|(?<=[이삼사오육칠팔구]십)(?=" + _COPULA + r")"  # "나이가 칠십인데": a decade said alone
    + r"|(?<=[이삼사오육칠팔구]십)(?=\s*(?:된\s|됐|넘은|넘었|먹은|노인)))"  # "칠십 된 노인도", "육십 넘은"
)
# "오십둘이고", "육십셋인데": Sino-Korean tens with a native unit, as people say ages aloud
_AGE_MIXED = re.compile(
    _WORD_START + r"(?P<a>[이삼사오육칠팔구])십\s?(?P<u>하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉|(?:한|두|세|네)(?=\s*살))"
    r"(?=\s*(?:$|[,.!?~]|살|세|" + _COPULA + r"|\s))"
)
# "60대도 할 수 있는 게", "오십대 중반", "30대 후반": an age told by its decade, where every age of it is judged
# alike by the report's limits (15, 18, 34, 39): 20대 and 40대–70대 as the decade's start (or its part), 30대 only
# with 초반/후반 (35 falls between)
_AGE_DECADE = re.compile(
    r"(?:(?<![\d.,])(?P<d>[2-7])0|" + _WORD_START + r"(?P<s>[이삼사오육칠])십)\s*대(?![가-힣]*\s*\d)(?:\s*(?P<part>초반|중반|후반))?"
)
_DECADE_PART = {None: 0, "초반": 1, "중반": 5, "후반": 8}

_WEEKDAY_NAMES = {
    "월": "mon", "화": "tue", "수": "wed", "목": "thu", "금": "fri", "토": "sat", "일": "sun",
}
_WEEKDAY_ENGLISH = {
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri", "saturday": "sat",
    "sunday": "sun",
}
_WEEKDAY = re.compile(
    r"(?P<day>[월화수목금토일])\s?(?:요일|욜)"
    r"|(?i:(?<![a-z])(?P<english_day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z]))"  # "saturday도 open?"
    r"|(?P<weekend>주말|(?i:(?<![a-z])weekends?(?![a-z])))"
    r"|(?P<weekdays>평일|주중|월\s*[~\-]\s*금(?:요일)?)"
    r"|(?P<today>오늘)"
    r"|(?P<tomorrow>내일)(?!\s*(?:배움|모레))"
    # slang 낼 (= 내일) as a word of its own, not the verb 내다 (서류 낼 때, 낼 수)
    r"|(?:^|(?<=[\s,.!?~]))(?P<tomorrow_slang>낼)"
    r"(?=\s+(?!때|수|거|게|건|것|곳|데|돈|사람|필요|만|뿐|줄|적|생각|계획|예정|분|시간))"
)

_NATIVE_HOURS = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7,
    "여덟": 8, "아홉": 9, "열": 10, "열한": 11, "열두": 12,
}
_PERIODS = r"새벽|아침|오전|낮|점심|오후|저녁|밤"
# what may follow "N시" when it is a clock time (not 시간, 시작, 한시적 ...)
_AFTER_HOUR = r"(?=$|[\s\d.,!?~)\]ㅋㅎ]|[에엔부까쯤경요도는이인반정즈전후만라였예랑]|-)"
_TIME_HOUR = re.compile(
    r"(?:(?P<period>" + _PERIODS + r")\s*)?"
    r"(?:(?<![\d:])(?P<h>\d{1,2})|" + _WORD_START + r"(?P<hn>" + _alternation(_NATIVE_HOURS) + r"))"
    r"\s*시" + _AFTER_HOUR
    + r"(?:\s*(?P<half>반)|\s*(?P<m>\d{1,2})\s*분)?"
)
_TIME_CLOCK = re.compile(
    r"(?:(?P<period>" + _PERIODS + r")\s*)?(?<![\d:])(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)(?![\d:])"
)

_OUTSIDE_PLACES = [
    "경기도", "경기", "인천광역시", "인천시", "인천", "부산", "대구", "대전", "광주",
    "울산", "세종", "강원도", "강원", "충청북도", "충청남도", "충청도", "충북", "충남",
    "전라북도", "전라남도", "전라도", "전북", "전남", "경상북도", "경상남도", "경상도",
    "경북", "경남", "제주도", "제주", "지방", "수원", "성남", "고양", "용인", "부천",
    "안양", "안산", "의정부", "남양주", "하남", "김포", "파주", "광명", "과천", "구리",
    "시흥", "군포", "화성", "평택", "일산", "분당", "부평", "송도", "동탄", "판교", "평촌", "산본", "광교", "위례",
    "미사", "김해", "창원", "포항", "천안", "청주", "전주", "춘천", "원주", "강릉", "여수", "순천", "목포",
]
# "뉴딜 25 부천 가능?", "그 형은 33 구로 살고 취준중": a bare number right before where one lives is one's age
_AGE_BEFORE_HOME = re.compile(
    r"(?<![\d.,:\-])(?<![가-힣A-Za-z])(?<!직원\s)(?<!인원\s)(?P<n>[1-9]\d)\s+(?:"
    r"(?P<home>(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도|군)?)(?=[\s?？.!,~]|$|에|서|거주|살|사|이|임|인데)"
    r"|[가-힣]{2,4}\s*(?:에\s*)?(?:살고|살구|살아|사는|삼(?![가-힣])|거주))"
)
# "그럼 19 은평은", "경기 광명 25는": an age and where one lives, alone, asked of the programme discussed (either order)
_AGE_WITH_PLACE_ALONE = re.compile(
    r"^\s*(?:(?:그럼|그러면|근데|아)\s*)?(?:(?P<place>[가-힣]{2,5}(?:\s+[가-힣]{2,5})?)(?<!반기)(?<!분기)(?<!건수)(?<!인원)(?<![년월회차번개])\s+(?P<after>[1-9]\d)"
    r"|(?P<before>[1-9]\d)(?!\s*(?:시|명|개|번|분|곳|군데|달|가지|월|원|만|년|개월|일|주|층|회|건|차|기|대)(?:은|는|이|가|도|요|에|이면|면)?(?![가-힣]))\s+[가-힣]{2,5}?)"
    r"\s*(?:살|세)?\s*(?:은|는|이면|면|이라면|라면|도|이면요|면요|이요|요|임|이는|이은)?\s*[?？.~]*\s*$"
)
_RESIDE_VERB = (
    r"(?P<verb>(?:안\s*|못\s*)?(?:"
    r"(?:살(?:아(?!야)|[았고지며면던거구어는앙죠]|잖|$|(?=\s))|삽니|사는|산다|사니|사시(?=[고는며니면지]|$|\s)|사세요|사십니|사심(?=\s*(?:$|[.!?~ㅋㅎㅠ]))|삼(?=\s*(?:$|[.!?~ㅋㅎㅠ,])|\s))"  # 살다 ("인천 삼 뉴딜 지원 가능?")
    r"|거주|자취|하숙|시민(?!청)|주민(?!센터)|사람(?!들)|토박이"
    r"|지내(?:요|고|는|며|면|는데)|지냅니))"
)
# "부모님이랑", "저랑", "할머니하고": with whom one lives
_WITH_WHOM = (
    r"(?:(?:부모님|가족|엄마|아빠|동생|형|누나|언니|오빠|남편|아내|와이프|애들|친구|룸메|저|나|우리|저희|할머니|할아버지)"
    r"(?:이랑|랑|하고|과|와)\s*)"
)
# The span is the place only ("[서울] 살아요"), as in the project's annotations.
_RESIDENCE = re.compile(
    r"(?P<place>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도|군)?)"
    # ("서울 은평 살고": a narrower place between, not "서울 근처")
    r"(?=(?:\s+(?!(?:근처|근교|인근|외곽|밖|옆|주변|말고|아니|잘|다|또)(?![가-힣]))(?!안|못)[가-힣]{1,4}(?=\s*(?:살|사는|삽|거주)))?"
    r"(?:\s*(?:에서|에|쪽에서|쪽에|쪽)|서)?\s*" + _WITH_WHOM + r"?(?:(?:같이|함께|혼자|지금|계속|쭉|오래)\s*)?" + _RESIDE_VERB  # ("서울서 같이살고", "서울서 저랑 같이 살고")
    # "경기도 부천 중동에 부모님이랑 살아요": narrower places, then with whom
    + r"|(?:\s+(?:" + _alternation(_OUTSIDE_PLACES) + r"|[가-힣]{1,4}(?:동|구|시|읍|면|군))){1,2}\s*(?:에서|에)\s*"
    + _WITH_WHOM + r"?(?:(?:같이|함께|혼자|지금|계속|쭉|오래)\s*)?" + _RESIDE_VERB.replace("?P<verb>", "?P<verb_far>") + r")"
)
# "주소는 인천이고 학교만 서울이야", "주민등록은 아직 의정부로 돼있음": where one lives by the register, which
# outweighs any other place the message names
_RESIDENCE_ADDRESS = re.compile(
    r"(?<!센터)(?<!센터\s)(?<!쉼터)(?<!쉼터\s)(?<!교육원)(?<!교육원\s)(?<!카페\s)(?<!거기\s)(?<!기념관\s)(?<!정확한\s)(?<!상세\s)"
    r"(?:주소지?|주민\s*등록(?:\s*상)?|전입\s*신고|등본|거주지)(?:는|은|가|이|상|상으로는|상은|상으론|도|만)?\s*"
    r"(?:(?:아직|여전히|지금|계속|그대로)\s*)*"
    r"(?P<place>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도|군)?)"
    r"(?=\s*(?:$|[,.!?~ㅋㅎ]|이|인데|으로|로|에|임|야|예요|이에요|입니다|\s))"
)
# "서울로 이사 가면요?", "서울로 이사 왔어요": where the citizen lives once moved (a hypothetical is judged as asked)
_RESIDENCE_MOVING = re.compile(
    r"(?P<place>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도|군)?)"
    r"\s*(?:으로|로)\s*(?:(?:자취방|방|집|원룸|짐)\s*(?:을|를)?\s*)?(?:(?:이사|이주|전입)\s*(?:를\s*|을\s*)?(?:가|오|와|갈|올|했|하|해|간|온|갔|왔)|옮겼|옮길|옮기|옮겨)"
    r"(?!까|지\s*(?:말지|고민))"  # ("서울로 이사 갈까 고민 중": not decided, so not where one lives)
    # "인천 본가로 들어가요", "서울로 방 구해서 나오면요?": home moved back to the family's, or a room found
    r"|(?P<home_place>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도|군)?)"
    r"\s*(?:(?:(?:우리|저희|울)\s*)?(?:본가|부모님\s*댁|부모님\s*집|집|고향\s*집)\s*(?:으로|로)\s*"
    r"(?:들어가|들어와|들어갈|들어올|들어왔|돌아가|돌아갈|돌아왔|돌아와|내려가|내려갈|내려왔|올라왔|올라와|올라오|올라갈|올라가)"
    r"|(?:으로|로|에)\s*(?:방|집|자취방|원룸|월세방?)\s*(?:을\s*|를\s*)?(?:구해|구하|얻어|얻으|잡아|잡으|얻|구했|얻었))"
)
# "남부는 …", "교육원이 …", "센터도 …": a site or office as the subject of a move ("… 서울로 옮긴대요")
_SITE_MOVING = re.compile(
    r"(?:동부|서부|남부|북부|중부|교육원|센터|쉼터|기념관|사무소|사무실|본부|공장|학교)(?:는|은|이|가|도)\s+(?:\S+\s+){0,4}?$"
)
_PLACE = r"(?P<place>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도|군)?)"
# "군포에 있는 공장 기숙사에서 살아요", "청주에 있는 학교 기숙사 들어갔지", "학교 기숙사 살아서 지금 대전에 있어요":
# where one lives is where one's dormitory is
_RESIDENCE_DORM = re.compile(
    _PLACE + r"\s*(?:에\s*있는|에서|에|의)?\s*(?:[가-힣]{1,6}\s*){0,2}?기숙사\s*(?:에서|에|로|서)?\s*"
    r"(?:살|사는|삽|지내|지냅|들어가|들어갔|들어감|있|생활|입사)"
    r"|기숙사\s*(?:에서|에|서)?\s*(?:살아서|살아|살고|사는데|지내서|지내고|지내는데|있어서|있고|들어가서|들어가고)\s*"
    r"(?:[가-힣]{1,4}\s+){0,2}?(?P<place_after>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도|군)?)"
    r"\s*(?:에|에서)\s*(?:있|살|지내)"
)
# "인천 부평에서 출퇴근해요": where one commutes from is where one lives; so is where one looks for work from
# ("대전에서 취준하거든요")
_RESIDENCE_COMMUTE = re.compile(
    _PLACE + r"(?:\s+[가-힣]{1,4})?\s*(?:에서|서)\s*(?:(?:매일|맨날|날마다|왕복\s*\d\s*시간\S*)\s*)?"
    r"(?:출퇴근|통근|출근|취준|취업\s*준비|구직\s*(?:중|하|활동))"
)
# "서울 우리집에 사는 고3", "서울 저희 집에서 같이 살아요": one's home in Seoul
_RESIDENCE_HOME = re.compile(
    r"(?P<place>서울)(?:시)?\s*(?:(?:우리|저희|울|제|본)\s*)?집(?:에서|에)?\s*(?:(?:같이|함께)\s*)?(?:사는|살|삽|지내)"
)
# "집은 경기도 부천이요", "우리집은 인천인데": where one's home is (a narrower place after it says it better)
_RESIDENCE_HOME_IS = re.compile(
    r"(?:(?<![가-힣])|(?<=우리)|(?<=저희)|(?<=울))집(?:은|이|는)\s*"
    r"(?P<place>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도|군)?)"
    r"(?=\s*(?:$|[,.!?~ㅋㅎ]|이|인데|으로|로|에|임|야|예요|이에요|입니다|\s))"
)
_RESIDENCE_ENGLISH = re.compile(
    r"(?i:\b(?:live|living|reside|residing)\s+in\s+(?P<place>seoul|gyeonggi(?:-do)?|incheon|busan|"
    r"daegu|daejeon|gwangju|ulsan|sejong|suwon|seongnam|goyang|yongin|bucheon|ansan|anyang)\b)"
)
# a message that is only a place: the answer to "where do you live?"
_RESIDENCE_WHOLE_MESSAGE = re.compile(
    r"^\s*(?:(?:아|어|음|앗|아니)\s+)?(?:저는\s*|전\s*|저\s*|나는\s*|난\s*)?(?:(?:우리\s*|저희\s*|울\s*)?집(?:은|이|는)?\s*)?(?P<place>서울(?:특별시|시)?|" + _alternation(_OUTSIDE_PLACES) + r")"
    r"\s*(?:이요|요|이에요|예요|에요|입니다|이고요|임|이야|야)?\s*[.!~]*\s*$"
)
# "27 서울 취준임", "52 실직자 인천": a place among terse facts about oneself (an age before it, a job status after)
_RESIDENCE_AMONG_FACTS = re.compile(
    r"(?:^\s*[1-9]\d\s*(?:살|세)?\s+(?:[가-힣]{2,4}\s+)?|(?<![가-힣]))"
    r"(?P<place>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도)?)"
    r"(?=\s+(?:취준|백수|무직|실직|실업|구직|직장인|대학생|주부|프리랜서|은퇴|퇴직|자영업|알바|소득|수입|일\s*(?:안|않|없|쉬))|\s*$|(?:\s+[가-힣]{1,5}?)?(?:이에요|예요|입니다|이야|임)(?![가-힣])|(?:\s+[가-힣]{1,5}?)?(?:이어도|여도|이지만)(?=\s))"
)
# the place named in _AGE_WITH_PLACE_ALONE, when it is Seoul or a place outside it ("경기 광명")
_HOME_PLACE = re.compile(r"(?P<home>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도)?)(?:\s+[가-힣]{2,5})?$")
# "37살 서울은", "39 경기도면?": an age and a place, alone, asked of the programme discussed
_RESIDENCE_AFTER_AGE_ASKED = re.compile(
    r"^\s*(?:그럼\s*)?[1-9]\d\s*(?:살|세)?\s*,?\s*(?P<place>서울(?:특별시|시)?|(?:" + _alternation(_OUTSIDE_PLACES) + r")(?:시|도)?)"
    r"\s*(?:은|는|이면|면|이라면|라면|도|이면요|면요)?\s*[?.~]*\s*$"
)
# "서울 안 살아요", "서울 사는 거 아니면": the verb negated after it
_NEGATION_AFTER = re.compile(r"\s*(?:(?:거|게|건|것|건\s*)\s*)?(?:않|아니|아님|아닌|ㄴㄴ)")
_WORD_TAIL = re.compile(r"[가-힣]*")


def _rule_text(text: Text) -> Text:
    """Same-length copy for the regex rules (full-width -> ASCII, spaces -> ' ')."""
    chars = []
    for char in text:
        code = ord(char)
        if char.isspace():
            chars.append(" ")
        elif 0xFF01 <= code <= 0xFF5E:
            chars.append(chr(code - 0xFEE0))
        else:
            chars.append(char)
    return "".join(chars)


def _to_24h(hour: int, minute: int, period: Optional[Text]) -> Optional[Text]:
    if hour > 24 or minute > 59:
        return None
    if hour == 24:
        hour = 0
    elif period and hour <= 12:
        if period in ("새벽", "아침", "오전"):
            hour = 0 if hour == 12 else hour
        elif period in ("낮", "점심"):
            hour = hour + 12 if 1 <= hour <= 6 else hour
        elif period == "오후":
            hour = hour if hour == 12 else hour + 12
        elif period == "저녁":
            hour = 0 if hour == 12 else hour + 12
        elif period == "밤":
            # 밤 12시 = midnight; 밤 1-4시 = small hours; 밤 5-11시 = evening
            hour = 0 if hour == 12 else (hour if hour <= 4 else hour + 12)
    return f"{hour:02d}:{minute:02d}"


# native numbers as people count them: 열한 명, 여섯명, 스무 명; and as nouns: 넷이던데, 다섯이에요
_COUNT_UNITS = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}
_COUNT_NOUN_UNITS = {"하나": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
_COUNT_TENS = {"열": 10, "스무": 20, "스물": 20, "서른": 30, "마흔": 40, "쉰": 50}
_NATIVE_COUNT = (
    r"(?:(?:" + _alternation(_COUNT_TENS) + r")\s?(?:" + _alternation(_COUNT_UNITS) + r")?"
    r"|(?:" + _alternation(_COUNT_UNITS) + r"))"
)
_NATIVE_COUNT_NOUN = (
    r"(?:(?:열|스물|서른|마흔)\s?(?:" + _alternation(_COUNT_NOUN_UNITS) + r")?|(?:" + _alternation(_COUNT_NOUN_UNITS) + r"))"
)
# who or what is counted: the staff, or the workplace itself ("옆 가게는 12명이라던데", "빵집은 넷이던데")
_SIZE_SUBJECT = (
    r"(?:직원|사람|인원|근로자|노동자|알바생?|종업원|식구|직원\s*수|회사|가게|사업장|업체|식당|매장|사무실|공장|본점|분점|지점|직영점|\d호점"
    r"|(?i:staffs?|employees?|workers?)"  # "우리 가게 staff 12명인데"
    r"|카페|편의점|학원|병원|미용실|의원|약국|[가-힣]{1,3}집)"
)
_SIZE_JOINER = (
    r"\s?(?:이|은|는|가|도|만|까지|랑|이랑|하고)?\s*"
    r"(?:다\s*해서\s*|총\s*|딱\s*|(?:모두|전부|통틀어)\s*(?=\d)|포함\s*(?:해서|하면|하여|해|해도)?\s*|(?:다\s*|모두\s*|전부\s*)?"
    r"(?:합치면|합쳐서|합쳐도|합해서|더하면|더해도|세면|세도|치면|쳐도|쳐서|하면)\s*)?"
)
# "직원 10명인 회사", "5인 사업장", "저희 가게 알바 포함 7명", "사장님 포함 열한명": the size of the citizen's workplace
_WORKPLACE_SIZE = re.compile(
    _SIZE_SUBJECT + _SIZE_JOINER + r"(?:(?P<a>\d{1,4})|" + _WORD_START + r"(?P<na>" + _NATIVE_COUNT + r"))\s*(?:명|인(?![가-힣]))"
    r"|(?:사장님?|대표님?|원장님?|점장님?|실장님?|사모님|남편|아내|와이프|부부|가족|저|(?<![가-힣])나)\s*(?:까지\s*)?(?:다\s*|모두\s*)?(?:포함|합쳐서?|합치면|빼고|더해서?|(?<=까지)\s*(?:해서|치면|하면)?|(?<=다\s)(?:해서|치면)|(?<=다)(?:해서|치면))\s*(?:해서\s*|하면\s*)?"
    r"(?:(?:딱|총|다|모두|전부)\s*|[가-힣]{1,6}(?:까지|이랑|랑)\s*)?"  # ("저 포함해서 디자이너까지 4명", "사장 포함 딱 9명")
    r"(?:(?P<c>\d{1,4})|" + _WORD_START + r"(?P<nc>" + _NATIVE_COUNT + r"))\s*(?:명|인(?![가-힣]))"
    r"|(?:(?:다\s*|모두\s*|전부\s*)?(?:합쳐서?|합치면|더해서|더하면|포함해서|포함하면)|까지\s*(?:다\s*|모두\s*|전부\s*)?(?:치면|세면|하면|합치면|포함하면))\s*(?:(?P<f>\d{1,4})|" + _WORD_START + r"(?P<nf>" + _NATIVE_COUNT + r"))\s*명"
    r"|(?:직원|사람|인원|알바|가게|회사|사업장|매장|호점|본점|지점|식당|카페|공장|뽑|채용|고용)[^.?!]{0,12}?(?:(?P<g>\d{1,4})|" + _WORD_START + r"(?P<ng>" + _NATIVE_COUNT + r"))\s*명이?\s*(?=되면|돼도|되어도|이면|이라면|\s+되면|\s*되는데|\s*돼요|\s*된대|\s*되거든)"
    # "아 정정할게요 … 지금은 8명이에요": the size as it is now, told as a correction
    # "내년에 13명까지 늘리려고 하는데 그때도 되나요": the size it will have (judged as asked)
    r"|(?P<i>\d{1,4})\s*명(?:까지|으로|로)\s*(?:늘리|늘려|늘릴|늘어나|늘면|키우|키울)"
    r"|(?:지금은?|이제는?|현재는?)\s*(?:딱\s*|총\s*)?(?P<h>\d{1,4})\s*명\s*(?=이에요|이요|이오|입니다|이야|임|이고|인데|밖에|뿐|\s*$|[?!.~]|(?:으로|로)\s*(?:줄|늘|바뀌))"
    # "미안하오 열한 명은 작년 얘기고 지금은 일곱 명이오": the size now, in words
    r"|(?:지금은?|이제는?|현재는?)\s*(?P<nh>" + _NATIVE_COUNT + r")\s*명\s*(?=이에요|이요|이오|입니다|이야|임|이고|인데|밖에|뿐|\s*$|[?!.~])"
    r"|" + _SIZE_SUBJECT + r"(?:이|은|는|가|도)?\s*(?P<nd>" + _NATIVE_COUNT_NOUN + r")"
    r"(?=이던데|이라던데|이라는데|이래요|이에요|이요|이야|인데|이고|이라|밖에|뿐|\s*정도|\s*$|[?!.~])"
    # ("9명 이하 사업장은 몇 군데나": the rule's threshold, not a size told)
    r"|(?:(?P<b>\d{1,4})|" + _WORD_START + r"(?P<nb>" + _NATIVE_COUNT + r"))\s*(?:명|인)\s*(?:짜리|정도|남짓)?\s*(?:인\s*|있는\s*|되는\s*)?"
    r"(?:회사|가게|사업장|업체|식당|매장|사무실|공장|작은\s*회사|영세|카페|편의점|학원|병원|미용실)"
)


def _native_count(words: Text) -> int:
    """열한 → 11, 스무 → 20, 넷 → 4: a native Korean number as used for counting people."""
    words = words.replace(" ", "")
    for tens, value in sorted(_COUNT_TENS.items(), key=lambda item: -len(item[0])):
        if words.startswith(tens):
            rest = words[len(tens):]
            return value + (_COUNT_UNITS.get(rest) or _COUNT_NOUN_UNITS.get(rest) or 0)
    return _COUNT_UNITS.get(words) or _COUNT_NOUN_UNITS.get(words) or 0


# "구직등록 했어요" / "구직등록은 아직 안 했어요" / "구직등록이요? 그런 거 안 했는데요" (공공근로 asks for it)
_REGISTERED = re.compile(
    r"(?:구직\s*등록|(?:고용\s*센터|워크넷)\S*\s*(?:\S+\s+){0,2}?등록|(?<![가-힣])(?:그거|그것|그걸|그건)\s*등록)(?:은|도|을|는|이요|이|만)?\?*\s*(?:(?P<mark>[Oo○](?![A-Za-z]))|(?P<unmarked>[Xx×](?![A-Za-z]))|(?P<thought>[^.?!]{0,4}?(?:한|된|했는|돼\s*있는|되어\s*있는)\s*(?:줄|걸로)\s*(?:알았|알고)[^.?!]{0,20}?(?:안\s*돼|안\s*되|안돼|안되|없|안\s*했|안했|안\s*함|안함))|(?P<no>(?:(?!했|햇|하였|하셨|해\s*놨|해놨|마쳤)[^.?!,]){0,10}?(?:안\s*함(?![가-힣])|안함(?![가-힣])|안\s*돼\s*있|안돼\s*있|안\s*해\s*보|안\s*해\s*놨|안해놨|안\s*해\s*놓|안\s*해\s*뒀|안\s*했|안했|안\s*햇|안\s*하셨|안하셨|안\s*하신|못\s*했|못했|못\s*하셨|아직|없|안\s*되|안됐))"
    r"|(?P<yes>[^.?!]{0,12}?(?:했|햇|하였|하셨|해\s*놨|해놨|해\s*뒀|해\s*두었|해\s*두셨|해\s*드렸|해드림|해\s*줬|해\s*주었|해\s*줌|완료|되어|돼\s*있|됐|마쳤|끝냈|끝냄|끝났|마치(?:시)?면|마치고|하시면(?!\s*(?:돼|되|안))|(?<=[에\s])함(?![가-힣]))"
    r"|함(?![가-힣])|했음|해씀|해놓음|해놨음"  # "방금 워크넷에서 구직등록함 이제 됨?"
    r"|하고\s*(?:오면|오시면|나면|나시면|나서|와서|오셔서|왔|옴)|하면(?!\s*(?:돼|되|안))|할게|할\s*거|하러\s*갈))"  # "오늘 구직등록 하고 오면요?"
)
# "워크넷 들어가보니까 작년에 해놨더라": the job-seeker register looked up and found done (or not)
_REGISTER_LOOKED_UP = re.compile(
    r"(?:워크넷|고용\s*센터)\S*\s*(?:\S+\s+){0,4}?\S*?(?:(?P<no>안\s*돼\s*있|안\s*되어\s*있|없더|안\s*했더)|(?P<yes>해\s*놨더|해\s*놓았더|했더|돼\s*있더|되어\s*있더|돼\s*있네|되어\s*있네))"
)
# "방금 햇음ㅋ 서울 살고 소득 없음" right after "구직등록은 아직 안햇는데": registration is the one thing a citizen
# goes and does ("just did it" says nothing else the rules ask)
_JUST_DID = re.compile(r"^\s*(?:(?:아|앗|ㅇㅇ|네)[\s,.!]*)?(?:방금|이제|지금\s*막)\s*(?:했|햇|해씀|함(?![가-힣])|했습|완료)")
# "소득 없어요" / "고정 수입은 있어요" / "월급같은거 없어요" (공공근로: 정기소득이 없는 실업자)
_INCOME = re.compile(
    r"(?:정기\s*소득|고정\s*수입|소득|수입|(?:regular\s*)?income|벌이|월급|급여|들어오는\s*돈|버는\s*(?:돈|건|거|게)|버시는\s*(?:돈|건|거|게))(?:\s*같은\s*(?:거|것|건|게)|은|이|가|도|는|이나)?\s*"
    r"(?:(?:나오는|들어오는|받는|주는)\s*(?:데|곳|거|게|것)(?:가|도|는|은)?\s*)?"  # "월급 나오는 데 없고"
    r"(?:(?P<no>[Xx×](?![A-Za-z])|(?:전혀\s*|하나도\s*|1도\s*|일도\s*|딱히\s*|아예\s*|지금\s*|완전\s*|진짜\s*|일절\s*)?(?:없|업(?=고|어|음|슴|는데|구)|0\s*원|0(?![\d,.])|제로|한\s*푼도))|(?P<yes>[Oo○](?![A-Za-z])|(?:조금\s*|좀\s*|약간\s*|매달\s*|매월\s*|꼬박꼬박\s*)?(?:(?:을|를)?\s*받고\s*)?(?:있|들어오|들어와|나오고|나와요|나와서|나옵)))"
)

# "연금이 매달 나오긴 하는데": a pension is a regular income (공공근로: 정기소득이 없는 실업자)
_PENSION = re.compile(
    r"연금(?:이|을|도|은|으로)?\s*(?:(?:매달|매월|꼬박꼬박|다달이|좀|조금씩?|약간|쥐꼬리만큼|정기적으로|고정\s*(?:으로|적으로)?)\s*)*(?:나오|나와|나온|나옵|나옴|받|들어오|들어와|들어온|들어옵|들어옴)"
)
# "오피스텔 월세가 매달 조금 들어와요": rent received is a regular income too
_RENT_RECEIVED = re.compile(
    # ("매달 월세가 150만원씩 꼬박꼬박 들어옵니다": the amount may follow the particle)
    r"(?:월세|임대\s*수입|임대료|집세)(?:\s*(?:수입|소득))?(?:가|도|는|를|로|은|이)?(?:\s*\d[\d,]*\s*(?:만\s*)?원?\s*(?:씩|정도|가량)?)?(?:가|도|는|를|로|은|이)?\s*"
    r"(?:(?:매달|매월|꼬박꼬박|다달이|좀|조금|정기적으로|고정\s*(?:으로|적으로)?)\s*)*(?:들어오|들어와|들어옵|들어옴|나오|나와|나옵|나옴|받고|받아|받는)"
)
# "파트타임으로 한 달에 80씩 받고 있어요": a monthly pay is a regular income
_MONTHLY_PAY = re.compile(
    r"(?:한\s*달에|매달|매월|월)\s*\d{1,4}\s*(?:만\s*원?|만원)?\s*(?:씩|정도|가량)?\s*(?:(?:고정\s*(?:으로|적으로)?|정기적으로|꼬박꼬박)\s*)?(?:받|벌|들어오|들어와|들어옵|들어옴|나오|나와|나옵|나옴)"
)
# "세입자 나가서 월세가 끊기면": that income stops
_RENT_STOPS = re.compile(  # ("그 가게 자리 팔아서 이제 월세도 안 들어와요": stopped already)
    r"(?:월세|연금|임대\s*수입|임대료)(?:가|이|도)?\s*(?:이제\s*|더\s*|더는\s*)?"
    r"(?:끊기면|끊겨|끊겼|없어지면|없어졌|안\s*들어오면|안\s*들어와|안\s*들어옴|안\s*나와|끊어지면|끊어졌|끝났)"
)
# "알바 그만두면?": the pay that made them ineligible stops (공공근로 after "편의점 알바로 월급 받고 있거든")
_INCOME_STOPS = re.compile(r"(?:알바|아르바이트|일|회사|직장|그거|그것|그\s*일)(?:을|를|도)?\s*(?:그만\s*두면|관두면|그만하면|끊기면|쉬게\s*되면)")

# "고3인데", "고등학교 졸업 앞두고": a high-school senior (취업날개 counts from 고교졸업예정자), whatever the age
# "앗 오타 15명이요", "정정 12명": a number of people said alone to correct one told before (a bare "9명이에요"
# is read only as the answer to the form's question)
# "마을노무사 우리 가게 되요? 5명 이에요": the workplace named in one sentence, its size told in the next
# "정직원 6명에 주말 알바 4명", "직원 5명이랑 알바 2명": two kinds of workers of one workplace, counted together
_SIZE_SUMMED = re.compile(
    r"(?P<a>\d{1,4})\s*명(?:에|이랑|하고|과|와|\s*\+|,)\s*(?:\S+\s+){0,2}?"
    r"(?:알바|아르바이트|파트|직원|정직원|비정규직|계약직|일용직|주말\s*알바|이모님)\S{0,3}\s*(?P<b>\d{1,4})\s*명"
)
# (also "지점이 하나 더 있는데 거긴 6명이에요": the other workplace, pointed at)
_SIZE_TOLD_AFTER = re.compile(
    r"(?:[?!.~]|거긴|거기는|거기도|그곳은|그쪽은)\s*(?:(?:직원|사람|인원)\s*(?:은|는|이|가)?\s*)?(?P<n>\d{1,4})\s*명\s*(?:이에요|이요|예요|입니다|이야|임)"
)
_SIZE_ALONE = re.compile(
    r"^\s*(?:(?:앗|아|어|아니)[\s,.!]*)*(?:(?:정정|오타|수정|잘못\s*말했(?:네요?|어요)?|아니\s*고)[\s,.!]*)+"
    r"(?P<n>\d{1,4})\s*명\s*(?:이요|이에요|예요|요|임|입니다)?[\s.!~ㅋㅎ]*$"
)
# "12명이 아니고 8명이래", "친구가 다시 세보니까 15명이래": a number of people corrected, whatever the subject
_SIZE_CORRECTED = (
    re.compile(r"\d{1,4}\s*명(?:이|은|는)?\s*아니(?:고|라|구)\s*(?P<n>\d{1,4})\s*명"),
    # "ㄴㄴ 주말알바 2명 빼먹음 그럼 10명": some left out of the count, then the whole
    re.compile(r"(?:빼먹|빠뜨|빠트|까먹|놓쳤|안\s*셌)\S*\s+(?:그럼|그러면|합치면|치면|하면|다\s*해서|총)?\s*(?P<n>\d{1,4})\s*명"),
    re.compile(r"(?:다시\s*세|세어\s*보|잘못\s*(?:알았|셌|세었|세서))\S*\s+(?:\S+\s+){0,4}?(?P<n>\d{1,4})\s*명"),
    # "담주 알바 한명 들어오면 10명 되는데요", "한명 그만둬서 지금은 딱 9명이에요": the count after someone joins or leaves
    re.compile(
        r"(?:들어오면|들어와서|들어왔|뽑으면|뽑아서|뽑았|채용하면|합류하면|늘면|그만둬서|그만두셔서|그만뒀|관둬서|관뒀|나가서|나갔|퇴사해서|퇴사했)"
        r"\S*\s+(?:(?:이제|지금은?|그럼|그러면|총|딱|다\s*해서)\s*)*(?P<n>\d{1,4})\s*명"
    ),
    # "아 잘못 말했어요 12명은 … 본사 전체고 제가 있는 매장은 따로 사업장이고 7명이에요": after a correction, the count
    # the message ends on
    re.compile(
        r"^\s*(?:(?:앗|아|어|아니)[\s,.!]*)*(?:정정|수정|잘못\s*(?:말했|말함|얘기했|쳤|침)|다시\s*(?:말하|말씀|얘기하|세))[^\n]*(?P<n>(?<!\d)\d{1,4})\s*명"
        r"\s*(?:이에요|이요|예요|입니다|이야|임|이래요|이라네요|요)?[\s.!~ㅋㅎ]*$"
    ),
)
_HIGH_SCHOOL_SENIOR = re.compile(
    r"(?<![가-힣0-9])고\s*(?:3|삼)(?![0-9가-힣])|고\s*(?:3|삼)(?=(?:이|인데|이고|이에요|이요|임|때|생|학생|이라))|"
    r"고등학교\s*(?:3\s*학년|삼\s*학년|졸업\s*(?:예정|앞|전|하기\s*전|하는|해요|한대|한다|함))|고교\s*졸업\s*예정"
)
_SEOUL_BEFORE_DISTRICT = re.compile(r"(?<![가-힣])(?P<place>서울)(?:시|특별시)?\s+$")
_RESIDE_AFTER_DISTRICT = re.compile(
    # "중랑구에서 저랑 같이 삽니다": with whom one lives may come between
    # "중랑구 면목동 임대아파트에 혼자 살아요": the neighbourhood and the home may come between too
    # ("동작구 노량진 고시원 사는": a neighbourhood without 동 before the home, and no particle before the verb)
    r"(?:\s+[가-힣]{1,5}동\d*|\s+[가-힣]{2,4}(?=\s*[가-힣]{0,4}(?:아파트|빌라|원룸|오피스텔|고시원|반지하|주택|자취방)))?"
    r"(?:\s*[가-힣]{0,4}(?:아파트|빌라|원룸|오피스텔|고시원|반지하|주택|자취방|집)(?=\s*(?:에서|에|사는|살|삽니|거주)))?"
    r"(?:\s*(?:에서|에|쪽에서|쪽에|쪽))?\s*(?:(?:저랑|나랑|저희\s*(?:가족|부모님)?(?:이랑|랑|하고|과)|(?:부모님|가족|남편|아내|와이프|엄마|아빠|고모|이모|삼촌|할머니|할아버지|친척|형|누나|언니|오빠|동생|친구|룸메)(?:이랑|랑|하고|과|와))\s*)?"
    r"(?:(?:같이|함께|혼자|지금|계속|쭉|오래|전세로|월세로|전세|월세)\s*)?" + _RESIDE_VERB
    # "마포로 이사 가면": where the citizen will live (a hypothetical is judged as asked)
    + r"|(?:\s+[가-힣]{1,5}동\d*)?\s*(?:으로|로)\s*(?:(?:자취방|방|집|원룸|짐)\s*(?:을|를)?\s*)?(?P<moving>이사|이주|전입|옮겼|옮길|옮기|옮겨)"  # ("관악구로 자취방 옮기는데")
    # "집은 강서구예요", "주소지는 관악구예요": the district one lives in, named as where home is
    + r"|(?P<copula>이에요|예요|에요|이에여|예여|에여|입니다|이야|이고요|이고|고|임|(?:으로|로)\s*(?:돼|되어|되)\s*있(?:음|어요|어|습니다|는데|다))(?![가-힣])"
)
# "집은", "주소지는", "사는 곳은" right before a district: where the citizen lives
_HOME_BEFORE = re.compile(r"(?P<home>집|주소지?|사는\s*(?:곳|데)|거주지)(?:은|는|이|가)?\s*(?:서울\s*)?$")
# the end of a message, or of its sentence ("집은 은평구", "집은 은평구.")
_MESSAGE_ENDS = re.compile(r"\s*(?:[.!~]+\s*)?$")
# "한 살 차이", "두 살 어려요": a difference of ages, not an age
# an age still to come, told after the age now ("다음달 생일 지나면 35", "내년엔 35")
_AGE_TO_COME = re.compile(r"다음\s*달|담달|내년|생일\s*(?:지나|되)|곧|몇\s*달\s*(?:뒤|후)")
_AGE_TO_COME_REACH = 12
# "취업날개 나이제한 29살까지 맞죠?", "39세 이하라던데": a limit asked about, not the citizen's age
_AGE_LIMIT_AFTER = re.compile(r"\s*(?:까지|부터|이하|이상)\s*(?:맞|라던|라고|라는|인가|인지|이죠|죠|아니|아닌)")
_AGE_DIFFERENCE_AFTER = re.compile(r"\s*(?:차이|어리|어린|어려|많|위|아래|밑|터울|더|정도\s*차이)")


# "쉼터 상담사입니다", "청년센터 직원인데요": a site named as where the asker works, introducing themselves
_ASKER_WORKS_THERE = re.compile(ASKER_ROLE)
# the groups that, said of oneself with an age or where one lives, tell one is looking for work
_SEEKING_GROUPS = frozenset({"구직자"})


def _job_seeker_described(chosen: List[_Candidate]) -> List[_Candidate]:
    """"취업날개 서울 사는 구직자 36살도 돼요?": a group word next to facts about oneself tells one's job status (so the
    check does not ask again what the citizen said); alone ("구직자도 돼요?") it stays a group."""
    if any(c.entity == "job_status" for c in chosen) or not any(c.entity in ("age", "residence") for c in chosen):
        return chosen
    return [
        c._replace(entity="job_status", value="job_seeker") if c.entity == "target_group" and c.value in _SEEKING_GROUPS else c
        for c in chosen
    ]


def _residence_from_district(text: Text, chosen: Sequence["_Candidate"]) -> List["_Candidate"]:
    """"관악구 살아요" / "마포에 살아요": a Seoul district followed by 살다/거주 says the citizen lives in Seoul
    (the span is the verb, "살아", so it does not overlap the district)."""
    for candidate in chosen:
        # ("은평구고": the district's span may stop before its 구, which the words after it follow)
        after = candidate.end + 1 if text.startswith("구", candidate.end) else candidate.end
        match = _RESIDE_AFTER_DISTRICT.match(text, after) if candidate.entity == "district" else None
        home = _HOME_BEFORE.search(text[: candidate.start]) if candidate.entity == "district" else None
        home_named = bool(home) or not text[: candidate.start].strip()
        if home and home.group("home") and _MESSAGE_ENDS.match(text, after):
            # "… 저도 되나요? 집은 은평구": home named, the district ending the message, no verb needed (span: 집은)
            start, end = home.span("home")
            if all(end <= c.start or start >= c.end for c in chosen):
                return [_Candidate(end - start, candidate.priority, start, end, "residence", "seoul", candidate.confidence)]
        if match and match.group("copula") and not home_named:
            match = None  # "센터는 마포구예요" says where a centre is, not where the citizen lives
        if match and not (match.group("verb") or "").startswith(("안", "못")):
            group = next(g for g in ("verb", "moving", "copula") if match.group(g))
            start, end = match.span(group)  # the verb: the district keeps its own span
            if all(end <= c.start or start >= c.end for c in chosen):
                return [_Candidate(end - start, candidate.priority, start, end, "residence", "seoul", candidate.confidence)]
        seoul = _SEOUL_BEFORE_DISTRICT.search(text, 0, candidate.start) if candidate.entity == "district" else None
        if seoul and all(seoul.end("place") <= c.start or seoul.start("place") >= c.end for c in chosen):
            # "예순하나 무직 수입 0 서울 도봉": an address given about oneself ("서울 도봉") is where one lives
            start, end = seoul.span("place")
            return [_Candidate(end - start, candidate.priority, start, end, "residence", "seoul", candidate.confidence)]
    return []


# words that tell facts about oneself, after which a bare district is where one lives ("만 47 관악구 실직했고 소득 없음")
_FACT_AFTER_DISTRICT = re.compile(
    r"(?:구)?\s+(?:취준|백수|무직|실직|실업|구직|직장인|대학생|주부|프리랜서|은퇴|퇴직|자영업|알바|소득|수입|일\s*안|일\s*없|미혼|기혼)"
    r"|(?:구)?\s*[.!~ㅋㅎ]*\s*$"
    r"|(?:구)?\s*(?:이요|이에요|예요|에요|요)(?=[\s,.!~ㅋㅎ]|$)"  # ("만 58 은평이요 작년에 퇴직했어요", "만31 같은 강북구요")
    r"|(?:구)?\s+(?:가능|되나|되냐|됨|돼|되요|될까|되는지|되죠|신청|ㄱㄴ)"
    r"|(?:구)?\s*(?:은|는|이면|면|이라면|라면|도)?\s*[?？.~]*\s*$"  # ("그럼 19 은평은": the age, then where one lives)
    r"|(?:구)?\s+[1-9]\d\s*(?:살|세)?\s*(?:은|는|이면|면|이라면|라면|도|요|임)?\s*[?？.~]*\s*$"  # ("은평 25는")  # ("뉴딜 만39 강북 가능?": the eligibility asked right after)
)
_FACTS_ABOUT_ONESELF = ("age", "job_status", "job_seeker_registered", "has_regular_income")
# "직장은 마포구", "회사가 강남구 쪽": where one works or studies, not where one lives
_NOT_HOME_BEFORE = re.compile(r"(?:직장|회사|학교|일터|가게|매장|사무실|근무지|공장|센터|쉼터|교육원)\S{0,2}\s*(?:서울\s*)?$")


def _district_among_facts(text: Text, chosen: Sequence["_Candidate"]) -> Optional["_Candidate"]:
    """"스물일곱 마포 취준생", "만 47 관악구 실직했고 소득 없음": a bare Seoul district among terse facts about oneself
    (an age, a job status, income or registration told in the same message) is where one lives."""
    if not any(c.entity in _FACTS_ABOUT_ONESELF for c in chosen):
        return None
    for candidate in chosen:
        if candidate.entity != "district" or _NOT_HOME_BEFORE.search(text[: candidate.start]):
            continue
        if _FACT_AFTER_DISTRICT.match(text, candidate.end):
            return candidate
    return None


def extract_rule_entities(text: Text, wanted: Set[Text]) -> List[Tuple[int, int, Text, Any]]:
    """Returns ``(start, end, entity, value)`` for age / weekday / time / residence."""
    found: List[Tuple[int, int, Text, Any]] = []
    if not text:
        return found
    t = _rule_text(text)

    if "age" in wanted:
        for match in _AGE_DIGITS.finditer(t):
            value = int(match.group("n"))
            if 0 < value < 120:
                found.append((match.start(), match.end(), "age", value))
        for match in _AGE_MAN_ONLY.finditer(t):
            value = int(match.group("n"))
            if 0 < value < 120:
                found.append((match.start(), match.end(), "age", value))
        for match in _AGE_NATIVE_SAL.finditer(t):
            if match.group("only"):
                value = _NATIVE_UNITS[match.group("only")]
            else:
                value = _NATIVE_TENS[match.group("tens")] + (
                    _NATIVE_UNITS[match.group("units")] if match.group("units") else 0
                )
            found.append((match.start(), match.end(), "age", value))
        for match in _AGE_NATIVE_BARE.finditer(t):
            if match.group("bare"):
                value = _NATIVE_TENS[match.group("bare")]
            else:
                value = _NATIVE_TENS[match.group("tens")] + _NATIVE_UNITS[match.group("units")]
            found.append((match.start(), match.end(), "age", value))
        for match in _AGE_NUMBER_CONTEXT.finditer(t):
            group = next(g for g in ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "p", "q", "r") if match.group(g))
            value = int(match.group(group))
            if 10 <= value < 100:
                found.append((match.start(group), match.end(group), "age", value))
        match = _AGE_WHOLE_MESSAGE.match(t)
        if match:
            found.append((match.start("n"), match.end("n"), "age", int(match.group("n"))))
        for match in _AGE_BEFORE_HOME.finditer(t):
            found.append((match.start("n"), match.end("n"), "age", int(match.group("n"))))
        match = _AGE_WITH_PLACE_ALONE.match(t)
        if match:
            group = "after" if match.group("after") else "before"
            found.append((match.start(group), match.end(group), "age", int(match.group(group))))
        for match in _AGE_SINO.finditer(t):
            tens = _SINO_DIGITS[match.group("a")] if match.group("a") else 1
            units = _SINO_DIGITS[match.group("b")] if match.group("b") else 0
            found.append((match.start(), match.end(), "age", tens * 10 + units))
        for match in _AGE_MIXED.finditer(t):
            value = _SINO_DIGITS[match.group("a")] * 10 + _NATIVE_UNITS[match.group("u")]
            found.append((match.start(), match.end(), "age", value))
        for match in _AGE_DECADE.finditer(t):
            tens = int(match.group("d")) if match.group("d") else _SINO_DIGITS[match.group("s")]
            if tens != 3 or match.group("part") in ("초반", "후반"):
                found.append((match.start(), match.end(), "age", tens * 10 + _DECADE_PART[match.group("part")]))
        found = [  # "한국나이로 서른다섯": 만 나이 is one less once this year's birthday has passed (the report's limits are 만)
            (s, e, entity, value - 1) if entity == "age" and _KOREAN_AGE_BEFORE.search(t[max(0, s - 12):s]) else (s, e, entity, value)
            for s, e, entity, value in found
        ]
        found = [f for f in found if f[2] != "age" or not _AGE_DIFFERENCE_AFTER.match(t, f[1])]
        found = [f for f in found if f[2] != "age" or not _AGE_LIMIT_AFTER.match(t, f[1])]
        ages = [f for f in found if f[2] == "age"]
        ages_now = [f for f in ages if not _AGE_TO_COME.search(t[max(0, f[0] - _AGE_TO_COME_REACH):f[0]])]
        if ages_now and len(ages_now) < len(ages):  # "지금 만34살이고 다음달 생일 지나면 35돼요": the age now
            found = [f for f in found if f[2] != "age" or f in ages_now]  # (an age to come alone is judged as asked)

    if "weekday" in wanted:
        for match in _WEEKDAY.finditer(t):
            if match.group("day"):
                value = _WEEKDAY_NAMES[match.group("day")]
            elif match.group("english_day"):
                value = _WEEKDAY_ENGLISH[match.group("english_day").lower()]
            elif match.group("tomorrow_slang"):
                if t[: match.start()].rstrip().endswith(("을", "를")):  # 서류를 낼 ...
                    continue
                value = "tomorrow"
            else:
                value = next(
                    name
                    for name in ("weekend", "weekdays", "today", "tomorrow")
                    if match.group(name)
                )
            found.append((match.start(), match.end(), "weekday", value))

    if "time" in wanted:
        for match in _TIME_HOUR.finditer(t):
            hour = (
                int(match.group("h"))
                if match.group("h")
                else _NATIVE_HOURS[match.group("hn")]
            )
            if hour > 23:  # "24시" usually means open around the clock
                continue
            minute = 30 if match.group("half") else int(match.group("m") or 0)
            value = _to_24h(hour, minute, match.group("period"))
            if value is not None:
                found.append((match.start(), match.end(), "time", value))
        for match in _TIME_CLOCK.finditer(t):
            value = _to_24h(int(match.group("h")), int(match.group("m")), match.group("period"))
            if value is not None:
                found.append((match.start(), match.end(), "time", value))

    if "workplace_size" in wanted:
        for match in _WORKPLACE_SIZE.finditer(t):
            group = next(g for g in ("a", "b", "c", "f", "g", "h", "i", "na", "nb", "nc", "nd", "nf", "ng", "nh") if match.group(g))
            value = int(match.group(group)) if group in ("a", "b", "c", "f", "g", "h", "i") else _native_count(match.group(group))
            if value > 0:
                found.append((match.start(group), match.end(group), "workplace_size", value))
        corrected = max(
            (match for pattern in _SIZE_CORRECTED for match in pattern.finditer(t)), key=lambda match: match.end(), default=None
        )
        if corrected:  # (the number said last replaces whatever else the message counted)
            found = [item for item in found if item[2] != "workplace_size"]
            found.append((corrected.start("n"), corrected.end("n"), "workplace_size", int(corrected.group("n"))))
        summed = _SIZE_SUMMED.search(t)
        if summed:  # "정직원 6명에 주말 알바 4명이요": everyone who works there
            found = [item for item in found if item[2] != "workplace_size"]
            total = int(summed.group("a")) + int(summed.group("b"))
            found.append((summed.start("a"), summed.end("b"), "workplace_size", total))
        told = _SIZE_TOLD_AFTER.search(t)
        if told and re.search(_SIZE_SUBJECT, t[: told.start()]) and not any(e == "workplace_size" for *_, e, _ in found):
            found.append((told.start("n"), told.end("n"), "workplace_size", int(told.group("n"))))
        alone = _SIZE_ALONE.match(t)
        if alone and not any(entity == "workplace_size" for *_, entity, _ in found):
            found.append((alone.start("n"), alone.end("n") + 1, "workplace_size", int(alone.group("n"))))
    if "job_seeker_registered" in wanted:
        for match in _REGISTERED.finditer(t):
            found.append((match.start(), match.end(), "job_seeker_registered", (match.group("yes") or match.group("mark")) is not None))
        if not any(item[2] == "job_seeker_registered" for item in found):
            for match in _REGISTER_LOOKED_UP.finditer(t):
                found.append((match.start(), match.end(), "job_seeker_registered", match.group("yes") is not None))
        just_did = _JUST_DID.match(t)
        if just_did and not any(item[2] == "job_seeker_registered" for item in found):
            found.append((just_did.start(), just_did.end(), "job_seeker_registered", True))
    if "high_school_senior" in wanted:
        for match in _HIGH_SCHOOL_SENIOR.finditer(t):
            found.append((match.start(), match.end(), "high_school_senior", True))
    if "has_regular_income" in wanted:
        for match in _INCOME.finditer(t):
            found.append((match.start(), match.end(), "has_regular_income", match.group("yes") is not None))
        for match in _INCOME_STOPS.finditer(t):
            found.append((match.start(), match.end(), "has_regular_income", False))
        for pattern, value in ((_PENSION, True), (_RENT_RECEIVED, True), (_MONTHLY_PAY, True), (_RENT_STOPS, False)):
            for match in pattern.finditer(t):
                found.append((match.start(), match.end(), "has_regular_income", value))

    if "residence" in wanted:
        for match in _RESIDENCE.finditer(t):
            verb = "verb" if match.group("verb") is not None else "verb_far"
            tail = _WORD_TAIL.match(t, match.end(verb)).end()
            negated = match.group(verb).startswith(("안", "못")) or bool(
                _NEGATION_AFTER.match(t, tail)
            )
            if negated and "면" in t[match.end(verb) - 1 : tail]:
                continue  # "서울 안 살면 ...?" is a hypothetical
            if match.group("place").startswith("서울"):
                value = "outside" if negated else "seoul"
            elif negated:
                continue  # "경기도 안 살아요" says nothing useful
            else:
                value = "outside"
            found.append((match.start("place"), match.end("place"), "residence", value))
        for match in _RESIDENCE_MOVING.finditer(t):
            if _SITE_MOVING.search(t, 0, match.start()):
                continue  # "남부는 올해 안에 서울로 옮기는 걸로 확정된 거 맞죠?": a site moves, not the citizen
            group = "place" if match.group("place") else "home_place"
            value = "seoul" if match.group(group).startswith("서울") else "outside"
            found.append((match.start(group), match.end(group), "residence", value))
        for match in _RESIDENCE_COMMUTE.finditer(t):
            value = "seoul" if match.group("place").startswith("서울") else "outside"
            found.append((match.start("place"), match.end("place"), "residence", value))
        for match in _RESIDENCE_HOME.finditer(t):
            found.append((match.start("place"), match.end("place"), "residence", "seoul"))
        for match in _RESIDENCE_DORM.finditer(t):
            group = "place" if match.group("place") else "place_after"
            value = "seoul" if match.group(group).startswith("서울") else "outside"
            found.append((match.start(group), match.end(group), "residence", value))
        for match in _RESIDENCE_HOME_IS.finditer(t):
            value = "seoul" if match.group("place").startswith("서울") else "outside"
            found.append((match.start("place"), match.end("place"), "residence", value))
        match = _AGE_WITH_PLACE_ALONE.match(t)  # "경기 광명 25는": the place before one's age
        home = _HOME_PLACE.match(match.group("place")) if match and match.group("place") else None
        if home:
            start = match.start("place")
            found.append((start + home.start("home"), start + home.end("home"), "residence", "seoul" if home.group("home").startswith("서울") else "outside"))
        for match in _AGE_BEFORE_HOME.finditer(t):  # "뉴딜 25 부천 가능?": the place after one's age
            if match.group("home"):
                found.append((match.start("home"), match.end("home"), "residence", "outside"))
        for match in _RESIDENCE_ENGLISH.finditer(t):
            value = "seoul" if match.group("place").lower() == "seoul" else "outside"
            found.append((match.start("place"), match.end("place"), "residence", value))
        for match in _RESIDENCE_AMONG_FACTS.finditer(t):
            value = "seoul" if match.group("place").startswith("서울") else "outside"
            found.append((match.start("place"), match.end("place"), "residence", value))
        match = _RESIDENCE_WHOLE_MESSAGE.match(t) or _RESIDENCE_AFTER_AGE_ASKED.match(t)
        if match:
            value = "seoul" if match.group("place").startswith("서울") else "outside"
            found.append((match.start("place"), match.end("place"), "residence", value))
        registered = [
            (m.start("place"), m.end("place"), "residence", "seoul" if m.group("place").startswith("서울") else "outside")
            for m in _RESIDENCE_ADDRESS.finditer(t)
        ]
        if registered:  # the address on the register decides ("주소는 인천이고 학교만 서울이야")
            found = [f for f in found if f[2] != "residence"] + registered
        # "경기도 고양시예요", "인천 부평이에요": one place, named wider then narrower; the narrower says it
        found = list(dict.fromkeys(found))
        places = sorted((f for f in found if f[2] == "residence"), key=lambda f: f[0])
        wider = {a for a, b in zip(places, places[1:]) if a[3] == b[3] and b[0] >= a[1] and not t[a[1]:b[0]].strip()}
        found = [f for f in found if f not in wider]
    return found


# --------------------------------------------------------------------------- #
# The Rasa component                                                           #
# --------------------------------------------------------------------------- #
@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True
)
class KoreanEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Extracts gazetteer entities (lookup tables + synonyms) and rule entities.

    Reads no outside file: the gazetteer comes from the training data and is
    persisted into this component's model storage.
    """

    GAZETTEER_FILE_NAME = "korean_gazetteer.json"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """The component's default config."""
        return {
            # Entities this component may output (gazetteer and/or rules).
            "entities": [
                "programme", "district", "worker_type", "target_group", "job_status",
                "residence", "age", "weekday", "time",
                "workplace_size", "job_seeker_registered", "has_regular_income", "high_school_senior",
            ],
            # Entities matched from lookup tables / synonyms (if also in `entities`).
            # `residence` is left out on purpose: a bare "서울" is rarely a
            # statement of residence, so residence comes from the rules only.
            "gazetteer_entities": [e for e in GAZETTEER_ENTITIES if e != "residence"],
            # Take phrases from lookup tables whose name is a gazetteer entity.
            "use_lookup_tables": True,
            # Map matched phrases to canonical values via entity synonyms, and
            # add synonym variants as phrases of their canonical value's entity.
            "use_entity_synonyms": True,
            # Latin letters are matched case-insensitively unless this is True.
            "case_sensitive": False,
            # Phrases shorter than this (spacing-free characters) are ignored.
            "min_phrase_length": 2,
            # Phrases at least this long may also end inside a MeCab token
            # (unspaced text: "기술교육원위치" is analysed as 기술/교육/원위치).
            "free_end_min_length": 4,
            # Jamo edit distance 1 tolerated for these entities' phrases ...
            "fuzzy_entities": ["programme"],
            # ... when the phrase has at least this many characters.
            "fuzzy_min_length": 4,
            "confidence": 1.0,
            "fuzzy_confidence": 0.9,
            # Words standing for a forgotten part of a name ("마을 무슨 노무사", "서울일자리 어쩌고 센터"): a
            # phrase of the fuzzy entities matches with one of them, as a word of its own, left out.
            "gap_words": ["무슨", "뭐시기", "머시기", "거시기", "어쩌고", "어쩌구", "뭐더라", "뭐라더라", "뭐라나"],
        }

    @staticmethod
    def supported_languages() -> Optional[List[Text]]:
        """Supported languages (see parent class for full docstring)."""
        return ["ko"]

    @staticmethod
    def required_packages() -> List[Text]:
        """Any extra python dependencies required for this component to run."""
        # python-mecab-ko is not listed: its import name (mecab) differs from its
        # distribution name, which breaks Rasa's fingerprinting. It is checked
        # by KoreanTokenizer.create and imported on first use.
        return ["spacy"]

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        gazetteer: Optional[List[Dict[Text, Any]]] = None,
    ) -> None:
        """Creates the extractor; `gazetteer` is a list of phrase records."""
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._wanted: Set[Text] = set(self._config["entities"] or [])
        self._gazetteer_wanted: Set[Text] = self._wanted.intersection(
            self._config["gazetteer_entities"] or []
        )
        self._case_sensitive = bool(self._config["case_sensitive"])
        self.gazetteer: List[Dict[Text, Any]] = list(gazetteer or [])
        self._matcher: Optional[Any] = None
        self._labels: Dict[int, Tuple[Text, Text]] = {}
        # (length, 0, left half) / (length, 1, right half) -> [(phrase, entity, value)]:
        # with one differing character, one half of the window matches exactly.
        self._fuzzy_index: Dict[Tuple[int, int, Text], List[Tuple[Text, Text, Text]]] = {}
        self._fuzzy_lengths: List[int] = []
        self._build()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> KoreanEntityExtractor:
        """Creates a new untrained component (see parent class for full docstring)."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> KoreanEntityExtractor:
        """Loads the persisted gazetteer (see parent class for full docstring)."""
        try:
            with model_storage.read_from(resource) as model_path:
                data = rasa.shared.utils.io.read_json_file(
                    model_path / cls.GAZETTEER_FILE_NAME
                )
            return cls(config, model_storage, resource, gazetteer=data.get("phrases", []))
        except (ValueError, FileNotFoundError):
            rasa.shared.utils.io.raise_warning(
                f"Failed to load {cls.__name__} from model storage. Continuing "
                f"with rule-based entities only (no lookup tables / synonyms)."
            )
            return cls(config, model_storage, resource)

    # ------------------------------------------------------------------ train
    def train(self, training_data: TrainingData) -> Resource:
        """Collects lookup tables and synonyms into the gazetteer and persists it."""
        self.gazetteer = self._collect_phrases(training_data)
        self._build()
        if not self.gazetteer and self._gazetteer_wanted:
            logger.warning(
                "%s found no lookup table named after one of %s; only rule-based "
                "entities will be extracted.",
                self.__class__.__name__,
                sorted(self._gazetteer_wanted),
            )
        self.persist()
        return self._resource

    def persist(self) -> None:
        """Writes the gazetteer to the model storage."""
        with self._model_storage.write_to(self._resource) as model_path:
            rasa.shared.utils.io.dump_obj_as_json_to_file(
                model_path / self.GAZETTEER_FILE_NAME, {"phrases": self.gazetteer}
            )

    def _collect_phrases(self, training_data: TrainingData) -> List[Dict[Text, Any]]:
        synonyms: Dict[Text, Text] = {}
        if self._config["use_entity_synonyms"]:
            for variant, canonical in training_data.entity_synonyms.items():
                synonyms[compact_key(str(variant), self._case_sensitive)] = str(canonical)

        def canonical_of(phrase: Text) -> Text:
            return synonyms.get(compact_key(phrase, self._case_sensitive), phrase)

        phrases: List[Dict[Text, Any]] = []
        value_types: Dict[Text, List[Text]] = {}

        def add(entity: Text, phrase: Text, value: Text) -> None:
            phrases.append({"entity": entity, "phrase": phrase, "value": value})
            types = value_types.setdefault(value, [])
            if entity not in types:
                types.append(entity)

        if self._config["use_lookup_tables"]:
            for table in training_data.lookup_tables:
                entity = table.get("name")
                elements = table.get("elements")
                if entity not in self._gazetteer_wanted:
                    continue
                if not isinstance(elements, list):
                    logger.warning(
                        "Lookup table '%s' has no list of elements; skipped.", entity
                    )
                    continue
                for element in elements:
                    phrase = str(element).strip()
                    if phrase:
                        add(entity, phrase, canonical_of(phrase))

        # Entity types of canonical values also come from annotated examples.
        for example in training_data.entity_examples:
            for entity in example.get(ENTITIES, []):
                name, value = entity.get(ENTITY_ATTRIBUTE_TYPE), entity.get(ENTITY_ATTRIBUTE_VALUE)
                if name in self._gazetteer_wanted and isinstance(value, str):
                    types = value_types.setdefault(value, [])
                    if name not in types:
                        types.append(name)

        if self._config["use_entity_synonyms"]:
            untyped = 0
            for variant, canonical in training_data.entity_synonyms.items():
                variant, canonical = str(variant), str(canonical)
                types = value_types.get(canonical, [])
                if not types:
                    untyped += 1
                for entity in types:
                    add(entity, variant, canonical)
                    if not re.fullmatch(r"[a-z0-9_]+", canonical):
                        add(entity, canonical, canonical)
            if untyped:
                logger.debug(
                    "%d entity synonyms have a value of no known entity type "
                    "(not in a lookup table, not annotated); they are ignored.",
                    untyped,
                )

        unique: Dict[Tuple[Text, Text], Dict[Text, Any]] = {}
        for record in phrases:
            key = (record["entity"], compact_key(record["phrase"], self._case_sensitive))
            if len(key[1]) < int(self._config["min_phrase_length"]):
                continue
            previous = unique.get(key)
            if previous is None:
                unique[key] = record
            elif previous["value"] != record["value"]:
                logger.warning(
                    "'%s' is listed for %s values '%s' and '%s'; keeping '%s'.",
                    record["phrase"], key[0], previous["value"], record["value"],
                    previous["value"],
                )
        return sorted(unique.values(), key=lambda r: (r["entity"], r["phrase"]))

    # ------------------------------------------------------------- matching
    def _build(self) -> None:
        """(Re)builds the PhraseMatcher and the typo index from the gazetteer."""
        self._matcher = None
        self._labels = {}
        self._fuzzy_index = {}
        lengths: Set[int] = set()
        fuzzy_entities = set(self._config["fuzzy_entities"] or [])
        min_fuzzy = int(self._config["fuzzy_min_length"])
        patterns: Dict[Text, List[Text]] = {}
        for record in self.gazetteer:
            if record["entity"] not in self._gazetteer_wanted:
                continue
            key = compact_key(record["phrase"], self._case_sensitive)
            if len(key) < int(self._config["min_phrase_length"]):
                continue
            label = f"{record['entity']}\u241f{record['value']}"
            patterns.setdefault(label, []).append(key)
            if record["entity"] in fuzzy_entities and len(key) >= min_fuzzy:
                lengths.add(len(key))
                middle = len(key) // 2
                item = (key, record["entity"], record["value"])
                self._fuzzy_index.setdefault((len(key), 0, key[:middle]), []).append(item)
                self._fuzzy_index.setdefault((len(key), 1, key[middle:]), []).append(item)
        self._fuzzy_lengths = sorted(lengths)
        if not patterns:
            return

        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        nlp = _get_nlp()
        matcher = PhraseMatcher(nlp.vocab)
        for label, keys in patterns.items():
            docs = [Doc(nlp.vocab, words=list(key)) for key in sorted(set(keys))]
            matcher.add(label, docs)
            entity, value = label.split("\u241f", 1)
            self._labels[nlp.vocab.strings[label]] = (entity, value)
        self._matcher = matcher

    def process(self, messages: List[Message]) -> List[Message]:
        """Extracts entities and appends them to each message's entities."""
        for message in messages:
            extracted = self.add_extractor_name(self._extract(message))
            message.set(
                ENTITIES, message.get(ENTITIES, []) + extracted, add_to_output=True
            )
        return messages

    def _morpheme_bounds(self, message: Message, text: Text) -> Tuple[Set[int], Set[int]]:
        tokens = message.get(TOKENS_NAMES[TEXT])
        if tokens and all(POS_TAG_KEY in token.data for token in tokens):
            return {t.start for t in tokens}, {t.end for t in tokens}
        morphs = analyse(text)
        return {m.start for m in morphs}, {m.end for m in morphs}

    def _extract(self, message: Message) -> List[Dict[Text, Any]]:
        text = message.get(TEXT)
        if not isinstance(text, str) or not text.strip():
            return []
        candidates: List[_Candidate] = []

        def span_length(start: int, end: int) -> int:
            return sum(1 for c in text[start:end] if not c.isspace())

        if self._matcher is not None or self._fuzzy_lengths:
            candidates.extend(self._gazetteer_candidates(message, text))

        for start, end, entity, value in extract_rule_entities(respell(text), self._wanted):
            candidates.append(
                _Candidate(
                    span_length(start, end), _PRIORITY_RULE, start, end, entity, value,
                    float(self._config["confidence"]),
                )
            )

        order = {name: rank for rank, name in enumerate(self._config["entities"] or [])}
        chosen: List[_Candidate] = []
        for candidate in sorted(
            candidates,
            key=lambda c: (-c.length, c.priority, order.get(c.entity, len(order)), c.start),
        ):
            if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
                chosen.append(candidate)
        if "residence" in self._wanted and not any(c.entity == "residence" for c in chosen):
            chosen.extend(_residence_from_district(text, chosen))
        if "residence" in self._wanted and not any(c.entity == "residence" for c in chosen):
            district = _district_among_facts(text, chosen)
            if district is not None:  # the district told as one's home: its span now says where one lives
                chosen = [c for c in chosen if c is not district] + [district._replace(entity="residence", value="seoul")]
        if "job_status" in self._wanted:
            chosen = _job_seeker_described(chosen)
        # "쉼터 상담사입니다. 이용자분이 … 월급을 못받으셨대요": where the asker works, not a programme asked about
        chosen = [c for c in chosen if not (c.entity == "programme" and _ASKER_WORKS_THERE.match(text, c.end))]
        return [
            {
                ENTITY_ATTRIBUTE_TYPE: c.entity,
                ENTITY_ATTRIBUTE_START: c.start,
                ENTITY_ATTRIBUTE_END: c.end,
                ENTITY_ATTRIBUTE_VALUE: c.value,
                ENTITY_ATTRIBUTE_CONFIDENCE_TYPE: c.confidence,
            }
            for c in sorted(chosen, key=lambda c: c.start)
        ]

    def _gazetteer_candidates(self, message: Message, text: Text) -> List[_Candidate]:
        compact = _CompactText(text, self._case_sensitive)
        n = len(compact)
        if n == 0:
            return []
        token_starts, token_ends = self._morpheme_bounds(message, text)

        def start_ok(i: int) -> bool:
            return compact.word_start[i] or compact.starts[i] in token_starts

        def end_ok(j: int) -> bool:
            if compact.word_start[j] or compact.ends[j - 1] in token_ends:
                return True
            rest = compact.text[j : compact.word_end_after(j)]
            return rest.startswith(_PARTICLES)

        free_end = int(self._config["free_end_min_length"])

        found: List[_Candidate] = []
        exact_spans: Set[Tuple[int, int]] = set()
        confidence = float(self._config["confidence"])
        if self._matcher is not None:
            from spacy.tokens import Doc

            doc = Doc(_get_nlp().vocab, words=compact.chars, spaces=[False] * n)
            for match_id, i, j in self._matcher(doc):
                if not (start_ok(i) and (j - i >= free_end or end_ok(j))):
                    continue
                entity, value = self._labels[match_id]
                exact_spans.add((i, j))
                found.append(
                    _Candidate(
                        j - i, _PRIORITY_GAZETTEER, compact.starts[i], compact.ends[j - 1],
                        entity, value, confidence,
                    )
                )

        found.extend(self._gap_candidates(compact, start_ok, end_ok))

        if self._fuzzy_lengths:
            fuzzy_confidence = float(self._config["fuzzy_confidence"])
            ends_ok = [False] + [end_ok(j) for j in range(1, n + 1)]
            for i in range(n):
                if not start_ok(i):
                    continue
                for length in self._fuzzy_lengths:
                    j = i + length
                    if j > n:
                        break
                    if not ends_ok[j] or (i, j) in exact_spans:
                        continue
                    window = compact.text[i:j]
                    middle = length // 2
                    for half in (0, 1):
                        part = window[:middle] if half == 0 else window[middle:]
                        for key, entity, value in self._fuzzy_index.get((length, half, part), ()):
                            differing = [p for p in range(length) if key[p] != window[p]]
                            if len(differing) != 1:
                                continue
                            position = differing[0]
                            if _edit_distance(jamo(window[position]), jamo(key[position])) <= 1:
                                logger.debug("Typo match %r -> %r (%s).", window, key, value)
                                found.append(
                                    _Candidate(
                                        length, _PRIORITY_FUZZY, compact.starts[i],
                                        compact.ends[j - 1], entity, value, fuzzy_confidence,
                                    )
                                )
        return found

    def _gap_candidates(
        self, compact: "_CompactText", start_ok: Callable[[int], bool], end_ok: Callable[[int], bool]
    ) -> List[_Candidate]:
        """Names said with a word for the part forgotten ("마을 무슨 노무사" → 마을노무사): the gazetteer matched
        over the text without that word, kept when the match spans the gap (typo confidence)."""
        if self._matcher is None:
            return []
        from spacy.tokens import Doc

        fuzzy_entities = set(self._config["fuzzy_entities"] or [])
        found: List[_Candidate] = []
        for word in self._config["gap_words"] or []:
            for gap in re.finditer(re.escape(compact_key(word, self._case_sensitive)), compact.text):
                a, b = gap.start(), gap.end()
                if a == 0 or not (compact.word_start[a] and compact.word_start[b]) or b >= len(compact):
                    continue
                chars = compact.chars[:a] + compact.chars[b:]
                doc = Doc(_get_nlp().vocab, words=chars, spaces=[False] * len(chars))
                for match_id, i, j in self._matcher(doc):
                    entity, value = self._labels[match_id]
                    end = j + (b - a)  # the match's end in the message
                    if entity in fuzzy_entities and i < a < j and start_ok(i) and end_ok(end):
                        found.append(
                            _Candidate(
                                end - i, _PRIORITY_FUZZY, compact.starts[i], compact.ends[end - 1], entity, value,
                                float(self._config["fuzzy_confidence"]),
                            )
                        )
        return found
