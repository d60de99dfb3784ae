"""The questions of one message: "취업날개 몇살까지 되고 어디서 신청해요?" asks two things, each answered.

Citizens pack several questions into one message ("일요일도 여나요? 글고 거기 모의면접도 해줘요?",
"보호관은 몇명이고 옴부즈만은 구마다 몇명씩이에요"). One intent for the whole message answers one of them, or
neither. The NLU classifies each question found here on its own (bot/nlu/linear_intent_classifier.py) and the
actions answer each (actions/questions_apart.py). Free of Rasa: the NLU and the action server share it.

A message is split only where a question ends and another begins: after a question mark, before "그리고/글구/근데",
after "…는지랑", or after the "-고" that joins two questions ("몇개나 있고 이용료 …"). A statement before a question
("55세고 서울 살아요. 공공근로 같은거 있나요?") stays with it, so the facts of a story reach the question they lead to.
"""
from __future__ import annotations

import re
from typing import List, Tuple

# a clause that asks outright (ends like a question, or carries a question word); "있어요/없어요" without a question
# mark tell ("학생이라 돈없어요")
_ASKS = re.compile(
    r"몇|며칠|얼마|어디|어딘|언제|뭐|뭔|뭘|무슨|무엇|누가|누구|어떻게|어케|어떤|어느|"
    r"(?:나요|까요|가요|는지|인지|[되돼됨]요|[되돼]죠|죠|지요|나|냐|니|해(?:요|줘요?|주나요?|주세요)|"
    r"주나|줘|줌|됨|임|인가요?|맞(?:죠|아요|나요|음)|까)\s*[?？~.!ㅠㅜㅎㅋ]*\s*$|[?？]|(?:는지|인지)(?:랑|하고)?\s*$"
)
# "쉼터 상담사입니다", "청년센터 직원인데요": the words after a site that make it where the asker works, introducing
# themselves, not a programme asked about
ASKER_ROLE = (
    r"\s*(?:에서\s*(?:일하는|근무하는|일해요|근무해요)\s*)?(?:상담사|상담원|선생님|직원|사회복지사|복지사|담당자|강사|팀장|실무자|활동가|매니저)"
    r"(?:님)?\s*(?:입니다|이에요|예요|인데요?|이고요?|로\s*일|으로\s*일)"
)
_ASKER_WORKPLACE = re.compile(r"[가-힣A-Za-z·]+" + ASKER_ROLE)


def without_asker_workplace(text: str) -> str:
    """``text`` with where the asker works blanked out ("쉼터 상담사입니다. 이용자분이 …" → "… 이용자분이 …")."""
    return _ASKER_WORKPLACE.sub(lambda m: " " * len(m.group()), text)


# the words that make "…고" join two questions rather than two facts ("35살이고 서울 사는데")
QUESTION_WORD = re.compile(r"몇|며칠|얼마|어디|언제|뭐|무슨|누가|어떻게|어떤")
# where one question ends and another begins
_AFTER_QUESTION_MARK = re.compile(r"[?？]+[~!.ㅠㅜㅎㅋ]*\s+(?=\S)")
_CONNECTOR_WORD = r"(?:아\s+)?(?:그리고|글고|글구|그리구|그리궁|그리고요|근데|그런데|그리고\s+또|또한)"
_CONNECTOR = re.compile(r"\s+" + _CONNECTOR_WORD + r"\s+")
_LEADING_CONNECTOR = re.compile(r"\s*(?:" + _CONNECTOR_WORD + r"\s+)?")
# (not "몇명인지도 나와있나요": whether the report gives it, one question)
_WHETHER_AND = re.compile(r"(?<=[는인던]지)(?:랑|하고|도(?!\s+(?:나와|나오|알\s*수|있|확인|보|찾))|,)\s+")
# "몇개나 있고 이용료…", "시급 얼마고 몇개월…", "몇명이고 옴부즈만은…", "평일 몇시까지고 토욜은…"
_QUESTION_AND = re.compile(r"(?<=[가-힣])(?<![그라다려보알하싶])고\s+(?!싶|있어|있는데|계|나서|난\s|해서)")
# "몇시까지 하고 몇군데 있어요?", "어디서 하고 …": "하고" right after a question word is a question's end ("…하고 같이" is not)
_QUESTION_DO_AND = re.compile(r"(?:몇\s*시(?:에|까지|부터)?|언제(?:까지|부터)?|어디서|어디에서|얼마나)\s*하[고구]\s+(?!싶|있|계|나서|난\s|해서)")
# "나이제한이랑 신청방법이요": two things asked by their names, each a question
_ASKED_NOUN_AND = re.compile(
    r"(?:나이\s*제한|자격\s*조건|조건|자격|방법|절차|운영\s*시간|시간|주소|위치|비용|요금|전화\s*번호|연락처|기간|일정|마감)(?:이랑|랑|하고|와|과)\s+(?!같|비슷|관련|상관|똑같)"
)

# "… 신청방법이요", "위치 알려주세요": a thing asked by its name alone
_NOUN_ASKED = re.compile(
    r"(?:제한|조건|자격|방법|절차|시간|주소|위치|비용|요금|번호|연락처|기간|일정|마감)(?:은|는|이|가|도)?\s*"
    r"(?:이요|요|좀|알려\s*\S*|궁금\S*)?\s*[?？.!~]*\s*$"
)
# "금천구쯤인가", "한 3만원 정도요?": a guess at what was just asked
_GUESS = re.compile(r"^(?:한\s*)?\S{1,10}\s*(?:쯤|정도|근처|언저리)(?:인가|인가요|이에요|예요|이죠|일까|일걸|이요|요)?\S{0,2}\s*[?？~.]*$")
# a clause this short is not a question of its own ("되면?"), it stays with the one before
MIN_CLAUSE = 4
# "공휴일엔?", "그럼 토요일은?": a topic alone, asked; and a question that names its own topic first ("공공근로는 …")
_BARE_TOPIC = re.compile(r"^(?:그럼\s*|그러면\s*)?[가-힣A-Za-z0-9]{1,8}(?:은|는|엔|에는|도|요)\s*[?？]+[~!.ㅠㅜㅎㅋ]*$")
_OWN_TOPIC = re.compile(r"^[가-힣A-Za-z0-9]{1,10}(?:은|는)\s")


def _asks(text: str) -> bool:
    return bool(_ASKS.search(text.strip()))


def question_spans(text: str) -> List[Tuple[int, int]]:
    """The character spans of the questions in ``text``: one span (the whole text) unless it asks several."""
    cuts = set()
    for pattern in (_AFTER_QUESTION_MARK, _CONNECTOR, _WHETHER_AND, _QUESTION_DO_AND, _ASKED_NOUN_AND):
        cuts.update(match.end() if pattern is not _CONNECTOR else match.start() for match in pattern.finditer(text))
    for match in _QUESTION_AND.finditer(text):
        before = text[: match.start()]
        start = max(before.rfind("?"), before.rfind("？"), before.rfind(". "), -1) + 1
        if QUESTION_WORD.search(before[start:]):
            cuts.add(match.end())
    spans: List[Tuple[int, int]] = []
    start = 0
    for cut in sorted(cuts) + [len(text)]:
        if cut <= start:
            continue
        spans.append((start, cut))
        start = cut
    # strip each span's spaces and leading connector
    cleaned: List[Tuple[int, int]] = []
    for begin, end in spans:
        piece = text[begin:end]
        begin += _LEADING_CONNECTOR.match(piece).end()
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            cleaned.append((begin, end))
    # a piece that does not ask, or is too short to, joins the next (a story before its question) or the one before
    merged: List[Tuple[int, int]] = []
    pending = None
    for begin, end in cleaned:
        if pending is not None:
            begin = pending
            pending = None
        piece = text[begin:end]
        if merged and _GUESS.match(piece):  # "… 어느 구에 있어요? 금천구쯤인가": a guess at the answer, not a question
            merged[-1] = (merged[-1][0], end)
            continue
        if not (_asks(piece) or _ASKED_NOUN_AND.search(piece + " ") or _NOUN_ASKED.search(piece)) or len(piece.replace(" ", "")) < MIN_CLAUSE:
            if merged and len(piece.replace(" ", "")) < MIN_CLAUSE:
                merged[-1] = (merged[-1][0], end)
            else:
                pending = begin
            continue
        merged.append((begin, end))
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], len(text.rstrip()))
        else:
            return [(0, len(text))]
    # "공휴일엔? 쉬면 돈 안나옴?": a bare topic is what the question after it is about (not "뉴딜은? 공공근로는 몇 살까지?")
    joined: List[Tuple[int, int]] = []
    for begin, end in merged:
        if joined and _BARE_TOPIC.match(text[joined[-1][0]:joined[-1][1]]) and not _OWN_TOPIC.match(text[begin:end]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((begin, end))
    return joined if len(joined) > 1 else [(0, len(text))]


def questions(text: str) -> List[str]:
    """The questions of ``text`` as strings (see question_spans)."""
    return [text[begin:end] for begin, end in question_spans(text)]
