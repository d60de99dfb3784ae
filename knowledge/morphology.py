"""MeCab (python-mecab-ko), one tagger per process: the NLU tokenizer's morphemes and the nouns of a question.

Lives here, free of Rasa, so that the action server's fact search (fact_search.py) and the NLU tokenizer
(bot/nlu/korean_tokenizer.py) share one way of loading it. Nothing is loaded at import time.
"""
from __future__ import annotations

import logging
import os
import re
import threading
from typing import Any, List, Optional

logger = logging.getLogger(__name__)

_mecab_lock = threading.Lock()
_mecab_instance: Optional[Any] = None
_mecab_pid: Optional[int] = None

# a greeting a message opens with ("안녕하세요~ 작년에 졸업하고 …"): the NLU classifies what follows it, and the
# action answering that says hello first (bot/nlu/linear_intent_classifier.py, actions/context.py)
GREETING_OPENING = re.compile(
    r"^(?:\s*(?:안녕하세요|안녕하십니까|안녕(?!히)|하이(?![가-힣])|헬로|hello(?![a-z])|hi(?![a-z])|ㅎㅇ|반갑습니다|반가워요)(?:[\s~!.,^]|ㅎ|ㅋ)*)+",
    re.IGNORECASE,
)

# common phone misspellings, each the same length as its fix (so offsets into the text stay valid): 잇어요 → 있어요,
# 업나요 → 없나요 (only opening a word: not 사업/취업), 않돼 → 안돼, 되요 → 돼요, 됬 → 됐, 햇어 → 했어
_MISSPELLINGS = (
    (re.compile(r"잇(?=[어었나는을음니습지겠으])"), "있"),
    (re.compile(r"(?<![가-힣])업(?=[어었나는음니습])"), "없"),
    (re.compile(r"않(?=[돼되])"), "안"),
    (re.compile(r"되(?=요(?![가-힣]))"), "돼"),
    (re.compile(r"됬"), "됐"),
    (re.compile(r"(?<=[가-힣])햇(?=[어었나는음니습지])|(?<![가-힣])햇(?=[어었는음니습지])"), "했"),
    (re.compile(r"됫(?=[어었나는음니습지])"), "됐"),
    (re.compile(r"(?<![가-힣])머(?=(?:야|에요|예요|임|지|냐|하는|해)(?![가-힣]))"), "뭐"),  # "그거 머야??"
    # names as phones type them: "청일쎈터", "일자리까페", "뉴딜일짜리", "취업나래", "마을노무싸"
    (re.compile(r"쎈터"), "센터"),
    (re.compile(r"까페"), "카페"),
    (re.compile(r"(?<=일)짜리"), "자리"),
    (re.compile(r"(?<=취업)나래|(?<=취업\s)나래"), "날개"),
    (re.compile(r"노무싸"), "노무사"),
    # "만40 관악 거주 ㄱㄴ?": 가능 in its initials, asked
    (re.compile(r"(?<![ㄱ-ㅎ])ㄱㄴ(?=\s*(?:[?？]|$|한가|함|할까|해|하나|한지|요))"), "가능"),
)


def respell(text: str) -> str:
    """``text`` with common misspellings fixed, character for character ("면접정장도 빌릴수잇어?" → "…있어?"): the
    NLU and the actions read the words the citizen meant, and entity offsets still point into the original."""
    for wrong, right in _MISSPELLINGS:
        text = wrong.sub(right, text)
    return text


# MeCab's tags for common and proper nouns (Sejong tag set of mecab-ko-dic)
NOUN_TAGS = frozenset({"NNG", "NNP"})


def get_mecab() -> Any:
    """Returns this process's ``mecab.MeCab`` object, creating it on first use.

    The object is re-created after a fork so that every worker process owns its own tagger. ``MeCab.parse``
    builds a new lattice per call, so one tagger can be shared by threads.
    """
    global _mecab_instance, _mecab_pid
    pid = os.getpid()
    if _mecab_instance is None or _mecab_pid != pid:
        with _mecab_lock:
            if _mecab_instance is None or _mecab_pid != pid:
                import mecab  # python-mecab-ko

                logger.debug("Loading MeCab (python-mecab-ko) in process %s.", pid)
                _mecab_instance = mecab.MeCab()
                _mecab_pid = pid
    return _mecab_instance


def nouns(text: str) -> List[str]:
    """The nouns of ``text`` as MeCab tags them ("스터디룸 예약은 어케함" → 스터디, 룸, 예약), in order."""
    if not text.strip():
        return []
    return [m.surface for m in get_mecab().parse(text) if (m.feature.pos or "") in NOUN_TAGS]
