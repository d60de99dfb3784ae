"""Finding the one fact a detail question asks about ("몇 군데나 있어요?", "사진도 찍어줘요?", "시급 얼마예요?").

Citizens ask about details no intent names: how many sites, when it opens, what floor, the hourly wage. The
knowledge base holds those details as facts of a programme (its services, rules, figures, places, notes and
the report's own sentence). This module scores every fact against the question:

- character bigrams of the text with spaces and punctuation removed, so missing spaces and particles barely
  matter, weighted by how rare the bigram is among all facts (IDF): "공정무역" counts, "서울" hardly does;
- question-ending bigrams ("있어요", "알려줘") and the programme's own names are not evidence;
- the kind of answer asked for ("몇 명" wants a count of people, "언제" a date, "얼마" an amount, "몇 층" a
  floor): a fact with that kind of value gains, one without it loses.

Only a fact that clearly matches is used; otherwise the caller says it does not know (and points to 120).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from knowledge.morphology import nouns

_NOT_TEXT = re.compile(r"[^0-9a-z가-힣]+")

# Bigrams of question phrasing and of the answers' own 해요체 endings: never evidence for a fact.
STOP_BIGRAMS = frozenset(
    """
    어요 해요 있어 있나 나요 돼요 되나 되요 예요 에요 이에 거예 인가 가요 까요 주세 세요 알려 려줘 려주 줘요 궁금 는데
    은데 던데 하는 하나 습니 니다 합니 건가 거야 이야 뭐예 뭐야 뭔데 언제 어디 디서 디에 얼마 마나 어떻 떻게 몇명
    몇개 몇군 군데 몇층 몇곳 그거 거기 그럼 혹시 진짜 정말 그리 리고 그래 래서 근데 저는 제가 나는 내가 하고 해서
    있는 없는 없어 되는 받을 을수 수있 있을 받아 아요 할수 하면 면돼 도돼 도되 이요 네요 지요 해줘 해주 주나
    까지 부터 정도 어느 무슨 어떤 같은 이런 그런 거죠 건데 거든 끝나 나요 맞는 찾기 찾아 층에 층이 층은 들어 다고 고요 인지 편인 지요 회사 도와 와주
    이었 었어 였어 었습 였습 아니 니라 아닌 나와 와있 구체 체적 적으 요일 지에
    """.split()
)

# A number said as a guess to be checked ("한 100건쯤 했으려나", "열 명도 안 오죠?", "3천개 넘는다며?", "몇백 건 정도"):
# the count is what is asked, whatever number the citizen supposed
_GUESSED_NUMBER = (
    r"(?:몇\s*(?:십|백|천|만)|수\s*(?:십|백|천)|\d[\d,.]*\s*(?:십|백|천|만)?|(?:[이삼사오육칠팔구]?(?:십|백|천|만))+"
    r"|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|서른|마흔|쉰)"
)
_GUESS_AFTER = r"(?:쯤|정도|가량|이상|넘|안팎|남짓|미만|밖에|도\s*안|도\s*못|은\s*(?:되|넘)|는\s*(?:되|넘)|이나\s*(?:되|했|돼))"


def guessed_count(counters: str) -> str:
    """The pattern of a guessed number of ``counters`` (e.g. "명" or "건|개|곳"): "한 100건쯤", "몇백 건 정도"."""
    return (
        r"(?:한\s*|대략\s*|약\s*)" + _GUESSED_NUMBER + r"\s*(?:" + counters + r")(?![가-힣]*월)"
        r"|(?:몇\s*(?:십|백|천|만)|수\s*(?:십|백|천))\s*(?:" + counters + r")"
        r"|(?<![\d.])" + _GUESSED_NUMBER + r"\s*여?\s*(?:" + counters + r")\s*" + _GUESS_AFTER
    )


_COUNT_GUESSED = re.compile(guessed_count("명|분|건|개|곳|군데|개소"))


# "멘토스쿨 말고 직무·기업분석 상담창구요": what is set aside is no evidence
_SET_ASIDE = re.compile(r"[^\s,.?!]+\s*(?:말고|아니고|말구)(?=\s)")


def without_guessed_numbers(question: str) -> str:
    """The question without the digits of a number it supposes ("한 100건쯤" → "한 건쯤"): not evidence for the fact
    that happens to share them (4,000건 for 100건)."""
    return _COUNT_GUESSED.sub(lambda m: re.sub(r"\d[\d,.]*", "", m.group()), question)


# What kind of value a question asks for: (question pattern, fact pattern).
ANSWER_KINDS: Dict[str, Tuple[re.Pattern, re.Pattern]] = {
    "people": (  # "몇 명", and "누가 와요?" of an event: who and how many take part
        re.compile(
            r"몇\s*명|인원|명이나|몇\s*분|(?:취업|취직|합격|이용|참여|수료)\s*(?:을\s*)?(?:한|된|했던|받은)\s*(?:사람|분|애|친구)|누가\s*(?:와|오|참석|참여|가요|가나)|누구(?:나|든)?\s*(?:와|오|참석|참여)|"
            r"규모|아무나\s*(?:참석|참여|가)|얼마나\s*(?:됐|되|돼)|몇이나|몇\s*사람|많이\s*(?:와|오|찾|이용)|(?:사람|애들|분들|친구들)(?:들)?(?:이|도)?\s*많|"
            r"(?:가서|가도|가면)\s*(?:들|참석|볼)|(?:참석|참가|참여)할\s*수|(?<!수업\s)(?<!수업)(?<!강의\s)(?<!강의)들을\s*수|얼마나\s*(?:왔|와|참석|참여|모였)|"
            r"(?:바뀐|된|전환된|받은|참여한|이용한)\s*사람|(?:전환|정규직화?)\S*\s*얼마나|"
            r"(?:일하고|참여하고|근무하고)\s*있는\s*(?:사람|분|인원)(?:은|이|수)?\s*(?:[?？]|몇|얼마|$)|" + guessed_count("명|분")
            # "참여자수", "위촉 인원수는": a number of people named by its noun and 수
            + r"|(?:인원|참여자|참가자|이용자|수료자|회원|노무사|상담사|보호관)\s*수(?:는|가|도|요|만|예요|에요)?(?![가-힣])"
        ),
        re.compile(r"\d[\d,]*\s*명"),
    ),
    "count": (  # "스터디룸 13" (a room listed with its number) counts too
        re.compile(
            r"몇\s*(군데|개(?!월)|곳|개소|건|대(?!\s*몇)|회)|몇\s*번\s*(?:했|해|운영|하)|(?:몇|\d)\s*(?:개나|건이나)|군데|얼마나\s*(?:했|해|많이|처리|이용)"
            r"|많이들?\s*(?:받|처리)|(?:상담|교육|컨설팅)\S{0,2}\s*많이\s*(?:해요|하나|하냐|했|해\s*[?？])|" + guessed_count("건|개|곳|군데|개소")
            # "지원 사업장수", "총 사업수", "상담 건수는": a count named by its noun and 수
            + r"|(?:사업장|사업|기업|업체|기관|단체|센터|조합|일자리|개소|학과|과정|쉼터|카페|건)\s*수(?:는|가|도|요|만|예요|에요)?(?![가-힣])"
        ), re.compile(
            r"\d[\d,]*\s*(개소|개(?!월)|곳|건|회(?!\s*차))|[가-힣](?:룸|실|홀)\s*\d+(?![\d,]*\s*명)"
            r"|(?:업체|기관|법인|단체)[^:：]{0,12}[:：]\s*[^,]+,\s*[^,]+"  # (named organisations listed: "운영업체: A, B, C")
        ),
    ),
    "date": (
        re.compile(r"언제|날짜|일정|일시|(?<!주\s)(?<!주)며칠(?!\s*(?:동안|간|이나|씩))|(?<!주\s)(?<!주)몇\s*일(?!\s*(?:동안|간|이나|씩))|몇\s*월|기간|(?<!일\s)(?<!일)끝나(?!고\s*(?:저녁|밤|나서|오|가|들|다니|듣|배우))(?!면)|끝난|마감|종료|까지\s*(해|하|운영|모집|신청|접수)|부터|시작|개관|개소|오픈|생기(?!면)|열어|열리"),
        re.compile(r"[’']\d{2}|\d{1,2}\s*월|\d{1,2}\.\d{1,2}|\d{4}\s*년"),
    ),
    "amount": (
        re.compile(r"얼마|시급|금액|이자|이율|프로|퍼센트|%|비용|돈|월급|임금|예산|지원금|받아요|(?<![가-힣])싼|싸게|저렴|몫"),
        re.compile(r"\d[\d,]*\s*(원|만원|억|백만원|%)"),
    ),
    "free": (  # "스터디룸 쓰는 것도 공짜예요?": the fact that says 무료, if the programme has one
        re.compile(r"공짜|무료|유료"), re.compile(r"무료|유료"),
    ),
    "rate": (  # "경쟁률", "취업률 몇 프로": not the 률 of "법률"
        re.compile(r"경쟁|비율|[업격장]률|률\s*(?:은|이|얼마|몇)|퍼센트|프로(?!그램|젝트|필|세스|모션)|%|몇\s*(?:대|:)\s*몇"), re.compile(r"\d+(\.\d+)?\s*%|\d+\s*:\s*\d+")
    ),
    "floor": (re.compile(r"몇\s*층|층"), re.compile(r"\d+\s*층")),
    "area": (re.compile(r"넓|좁|크기|평수|몇\s*평|면적|㎡|제곱미터"), re.compile(r"\d[\d,.]*\s*㎡")),
    "total": (  # "한 해에 전부 얼마": the programme's total, not a rate or a price
        # (not "총 몇 군데": a count, of any kind)
        re.compile(r"전부|총(?!\s*몇\s*(?:명|개|곳|군데|건|분|사람|가지))|모두\s*얼마|한\s*해|1년에|연간|규모|예산"), re.compile(r"총|규모|예산|\d\s*억|백만원")
    ),
    "duration": (  # "최대 몇 년까지 할 수 있어요?": how long, not when
        re.compile(r"몇\s*(?:년|개월|달)|얼마나\s*(?:오래|길게|할\s*수)|기간\s*(?:은|이)?\s*얼마|"
                   r"(?<![\d.’'])(?:\d{1,2}|한|두|세|일)\s*(?:년|개월|달)\s*(?:만\s*(?:하|일|근무|다니)|동안만|짜리|이면\s*끝|하고\s*끝)|최대\s*(?:얼마|언제)|얼마\s*동안|(?:며칠|몇\s*일)\s*(?:동안|간)"), re.compile(r"\d+\s*(?:개월|년간|년\s*동안)")
    ),
    "age": (re.compile(r"몇\s*살|나이|연령|살\s*까지|세\s*까지|살부터|세부터"), re.compile(r"\d+\s*세|고교|졸업")),
    "address": (
        re.compile(r"어디|위치|주소|장소"),
        re.compile(r"[가-힣]+(?:구|동|로|길)(?![가-힣])|\d+\s*층|광장|덕수궁|시청|청사|센터\s*내|[가-힣]+시\s"),
    ),
}
# Kinds a fact may match without any other evidence, within the programme being discussed ("몇 군데나 있어요?");
# an amount or a place needs a word of the question too ("하루 일당 얼마?" must not get the annual budget).
KIND_ALONE = frozenset({"people", "count", "date", "rate", "floor", "age", "duration", "area"})
# Only these kinds halve a fact without them: a question for a number is not answered by a sentence without
# one; "어디" also asks "어디어디 업체가 해요?", so a fact without an address is not ruled out.
KIND_REQUIRED = frozenset({"people", "count", "date", "rate", "floor", "age", "amount", "duration", "area"})
# Among facts that match on the kind alone, which kind of fact answers best: numbers are in the figures,
# dates of openings and deadlines in the status, how-to-apply and place notes.
PREFERRED_FACTS = {
    "people": ("figure", "place"), "count": ("figure", "summary"), "rate": ("figure",), "floor": ("place", "summary"),
    "age": ("rule", "summary"), "date": ("status", "how_to_apply", "place", "service"),
}
YEAR_BONUS = 1.0  # the question asks this year's figure and the fact is the report year's whole
THIS_YEAR_ASKED = re.compile(r"올해|금년|이번\s*해")
WHOLE_YEAR_FIGURE = re.compile(r"\((?:’18년|2018년?)\)")
PLACE_BONUS = 2.0  # the fact names the place being discussed
OPENING = re.compile(r"생긴|생겼|개소|개관|오픈|문\s*연|문\s*(?:을\s*)?열었|열었던|처음\s*열|언제\s*(?:부터|열었)")
KIND_BONUS = 4.0  # enough on its own within one programme: "몇 군데나 있어요?" → the fact with a count of sites
KIND_PENALTY = 0.5  # the fact lacks the kind of value asked for: its score is halved
# the city's own name before a programme's ("서울시 뉴딜일자리"): never what a question asks about
_CITY_WORDS = frozenset({"서울", "서울시", "서울형"})
DISTINCTIVE_IDF = 3.0  # a bigram in at most ~5% of the facts: without one (or the kind asked for) nothing matches
# identifying a programme from a description: bigrams rarer than this count, their IDF sum must reach the
# threshold, and lead the runner-up by this factor
IDENTIFY_MIN_IDF = 2.5
IDENTIFY_THRESHOLD = 9.0
IDENTIFY_LEAD = 1.3


@dataclass(frozen=True)
class Fact:
    """One statement about a programme, as the knowledge base holds it."""

    programme_slug: str
    kind: str  # "summary" | "service" | "rule" | "figure" | "place" | "how_to_apply" | "cost" | "status" | "quote"
    text: str


@dataclass(frozen=True)
class FactHit:
    fact: Fact
    score: float
    matched: Tuple[str, ...]  # the question's bigrams found in the fact (empty: it matched on the kind alone)


# "요일별 운영 여부와 주소는 보고서에 없어요": what the report lacks is not what the fact is about
_REPORT_LACKS = re.compile(r"[^.,(]*보고서에\s*(?:없|나와\s*있지\s*않|따로\s*나와\s*있지\s*않)[^.)]*")

# a particle ending a word of the question ("행사는", "지원도", "센터에서"): not part of what is asked about
_PARTICLE = re.compile(r"(?<=..)(?:에서|까지|부터|으로|이랑|에는|에도|는요|은요|도요|[은는이가을를도에의로와과랑])$")


# Nouns of asking, time, people and pay that no fact needs to contain for a question to be answered ("예약은 며칠
# 전에 해요?" is about 예약, not 며칠); the rest of the question's nouns name what is asked about.
ASKING_NOUNS = frozenset(
    """
    대요 래요 참고 얼마 가능 나이 번호 도움 감사 연결 근처 이번 다음 하루 주말 저녁 아침 새벽 점심 오늘 내일 올해 작년 요즘 지금
    처음 동안 이유 나중 해당 정도 며칠 몇일 질문 대답 확인 정확 진행 부탁 안녕 사람 직원 혜택 대신 중간 상태 마지막
    당장 종일 최대 최소 가격 요금 유료 공짜 비용 월급 급여 일당 연봉 수당 시급 연락 연락처 문의 사이트 링크
    이메일 카톡 문자 통화 자세 구체 설명 내용 얘기 소리 생각 궁금 진짜 혹시 제일 가장 보통 대충 대략 이거 그거 저거
    여기 거기 저기 정보 말씀 답변 안내 부분 관련 경우 사항 기준 조건 자격 대상 신청 방법 절차 서류 위치 주소
    내년 후년 제한 일반 일반인 홈피 오픈 날짜 차이 요청 그때 미안 주세요 이름 명칭 추천 리스트 정리 목록 물건
    걱정 고민 문제 상황 사정 형편 마음 부담 어려움 스트레스 필요 생각 때문 사실 지원 개인 시청 소식 뉴스 건물
    농담 장난 일부 기간 규모 다요 모두 전부 각각 전체 개야 개임 개냐 명야 명임 명이냐 합치 합계 가정 가족 집안 범위
    실적 목표 목표치 수치 통계 숫자 개수 갯수 도요 가요 기때 전담 따로
    """.split()
)
# a place name ("관악구", "강남역"): where, which the location answers say, not what is asked about
_PLACE_NOUN = re.compile(r"..*[구동역]$")
# who is asking or asked about ("울엄마도 가능?", "대학생도 되나요?"): a question of who may use it, never a subject
# the report lacks
PEOPLE_NOUNS = frozenset(
    """
    대학생 학생 고등학생 졸업생 휴학생 취준생 주부 외국인 유학생 직장인 알바생 아르바이트생 백수 장애인 노인 어르신
    청년 여성 남성 여자 남자 엄마 아빠 어머니 아버지 부모님 아들 딸 남편 아내 와이프 동생 언니 오빠 누나 형 친구
    가족 조카 사촌 사촌동생 동생들 형님 삼촌 이모 고모 시누이 며느리 사위 사장 사장님 대표 프리랜서 울엄마 울아빠 우리엄마 우리아빠 할머니 할아버지 손자 손녀 이웃
    라이더 기사 대리기사 배달원 배달기사 택배기사 퀵 노동자 근로자 알바 직원 정규직 비정규직 계약직 일용직 경비원
    대리 과장 차장 부장 팀장 인사팀 담당자 점주 점장 기자 주무관
    """.split()
)
# a number asked for ("참가자 몇 명?", "이자 몇 프로?"): the fact with that number answers it, however the
# question names its subject
# kinds whose question is only answered by the value itself
VALUE_ONLY_KINDS = ("floor", "area", "rate", "count")
NUMBER_KINDS = ("people", "count", "amount", "rate", "floor", "age", "duration", "area")

# what citizens say for the report's words ("빨간 날" is a 공휴일, "헤메" is 헤어메이크업)
QUESTION_SYNONYMS = {
    "공공기관 납품": "공공구매", "공공기관에 납품": "공공구매", "관공서 납품": "공공구매", "관공서에 납품": "공공구매", "납품": "구매",
    "짧게 배우는": "단기과정", "짧은 과정": "단기과정", "짧게 배울": "단기과정",
    "뭘 가르쳐": "무슨 교육", "뭐 가르쳐": "무슨 교육", "뭘 가르치": "무슨 교육", "뭐 가르치": "무슨 교육",
    "면접 보러 가는 날": "취업활동", "면접보러 가는 날": "취업활동", "면접 보는 날": "취업활동", "결근 처리": "근무시간 인정",
    "결근처리": "근무시간 인정", "뭘 쓸 수 있": "무슨 공간", "뭘 쓸수있": "무슨 공간", "뭐 쓸 수 있": "무슨 공간", "뭐 쓸수있": "무슨 공간",
    "빨간날": "공휴일", "빨간 날": "공휴일", "헤메": "헤어메이크업", "법적": "법률", "대출": "융자",
    "국비 과정": "국가 과정", "국비과정": "국가과정", "우리 구": "구별", "우리구": "구별", "저희 구": "구별",
    "구마다": "구별", "동네마다": "구별", "동네별": "구별", "자치구마다": "자치구별", "자금": "융자", "외국": "해외", "맡아서": "위탁", "맡는": "위탁",
    "맡고": "위탁", "맡게": "위탁", "맡을": "위탁", "돈 빌리": "융자", "돈 빌려": "융자", "돈 빌릴": "융자", "자금 빌리": "융자", "자금 빌려": "융자", "자금 빌릴": "융자",
    "옮겼": "이전", "옮긴": "이전", "옮긴다": "이전", "옮겨": "이전", "옮기": "이전",
    "소송": "법률지원", "재판": "법률지원", "늘린": "확대", "늘리": "확대", "늘려": "확대", "늘어나": "확대", "늘어난": "확대", "늘어날": "확대",
    # descriptions of programmes in everyday words ("일 끝나고 쉴 데", "기술 배우는 학교", "면접 볼 때 입을 옷")
    "쉬는 곳": "쉼터", "쉴 곳": "쉼터", "쉴 데": "쉼터", "쉬는 데": "쉼터", "기술학교": "기술교육원", "학교 안": "대학", "학교안": "대학", "캠퍼스": "대학",
    "기술 학교": "기술교육원", "면접 옷": "면접 정장", "입을 옷": "정장",
    "저녁에 듣는": "야간", "저녁 수업": "야간 과정", "밤에 하는": "야간", "밤에 듣": "야간", "밤에 수업": "야간 과정", "상담 실적": "상담 건수", "상담실적": "상담 건수", "훈련 인원이 총": "직업훈련 계획 인원", "훈련 인원 총": "직업훈련 계획 인원", "총 훈련 인원": "직업훈련 계획 인원", "올해 훈련 인원": "직업훈련 계획 인원", "올해 훈련인원": "직업훈련 계획 인원", "저녁에 수업": "야간 과정", "밤 수업": "야간 과정", "밤에 다니": "야간 과정", "밤에 다닐": "야간 과정", "밤에도 다니": "야간 과정", "밤에도 다닐": "야간 과정", "저녁에 다니": "야간 과정", "저녁에 다닐": "야간 과정", "퇴근하고 다니": "야간 과정", "퇴근하고 다닐": "야간 과정", "밤 수업": "야간 과정", "밤반": "야간 과정", "밤에 수업": "야간 과정", "저녁반": "야간 과정", "밤에 하는 수업": "야간 과정",
    "야간반": "야간 과정", "밤에만": "야간", "저녁에만": "야간", "시간되는": "", "시간 되는": "", "시간이 되는": "", "퇴근하고 듣": "야간", "팔 데": "판로", "팔데": "판로", "파는 곳": "판로", "팔 곳": "판로",
    "산하기관": "투자·출연기관", "산하 기관": "투자·출연기관", "수업": "과정", "강의": "과정",
    "한 사업에": "사업별", "한 사업당": "사업별", "제일 적게": "최소", "가장 적게": "최소", "제일 많이": "최대",
    "가장 많이": "최대", "완공": "조성", "언제 생기": "언제 조성 개소 개관 발족", "언제생기": "언제 조성 개소 개관 발족", "언제 생겨": "언제 조성 개소 개관 발족",
    "언제생겨": "언제 조성 개소 개관 발족", "언제 생김": "언제 조성 개소 개관 발족", "언제생김": "언제 조성 개소 개관 발족", "다 지어": "조성", "옮기": "이전", "옮긴": "이전", "옮겨": "이전", "옮겼": "이전",
    "언제까지 일": "사업기간 언제까지", "몇달이나 일": "사업기간 언제까지 ", "몇 달이나 일": "사업기간 언제까지 ", "몇달 일": "사업기간 언제까지 ", "몇 달 일": "사업기간 언제까지 ", "언제부터 일": "사업기간 언제부터", "근로시간 줄": "노동시간 단축", "신보재단": "서울신용보증재단", "운영자금": "자금 융자", "먼저 뽑": "우선 선발", "시간 줄였": "시간 단축", "시간 줄인": "시간 단축", "시간 줄어": "시간 단축", "시간줄였": "시간 단축",
    "시랑 구가 같이": "서울시와 자치구가 함께", "서울시랑 자치구가 같이": "서울시와 자치구가 함께",
    "자치구랑 시가 같이": "서울시와 자치구가 함께", "시와 구가 같이": "서울시와 자치구가 함께", "변호사": "법률지원",
    "머리 손질": "헤어메이크업", "헤메": "헤어메이크업", "머리": "헤어", "화장": "메이크업", "마음 치료": "치유", "치료": "치유",
    "주 이용자": "주이용대상", "주이용자": "주이용대상", "주로 이용하는": "주이용대상", "맡겨 둔 돈": "예치금", "맡긴 돈": "예치금", "맡겨놨": "예치", "맡겨 놨": "예치", "맡겨놓": "예치", "맡겨 놓": "예치", "맡겼다가": "예치", "맡겨뒀": "예치", "돌려주": "환급", "돌려받": "환급", "층마다": "층별", "각 층": "층별", "인터넷으로": "온라인", "인터넷": "온라인", "돈이 모자라": "융자", "돈이 부족": "융자", "면접 연습": "모의면접", "면접연습": "모의면접", "첨삭": "클리닉", "먼저 뽑": "우선 선발", "세우는": "설립",
    "세우려": "설립", "차리는": "설립", "빌려주는 곳": "운영업체", "빌려주는 데": "운영업체", "빌려주는 업체": "운영업체", "어디 업체": "운영업체", "업체에서 빌려": "운영업체", "어느 업체": "운영업체",
    "얼마나 빌려": "융자 규모", "얼마 빌려": "융자 규모", "직접 빌리": "수행기관 융자", "직접 빌려": "수행기관 융자", "찾아가야": "방문", "직접 가야": "방문", "직접 찾아": "방문", "늘었": "증가 확대", "늘렸": "증가 확대", "올 상반기": "상반기 1~6월", "올해 상반기": "올해 상반기 1~6월", " 하나당": "별", " 한 개당": "별", " 한개당": "별", " 개당": "별", "분이 활동": "명 인원 ", "명이 활동": "명 인원 ", "분이나 활동": "명 인원 ", "명이나 활동": "명 인원 ", "짓는데": "소요예산", "짓는 데": "소요예산", "얼마 들어갔": "소요예산", "공사비": "소요예산", "건축비": "소요예산", "채웠": "달성", "담 모집": "모집 선발 예정", "다음 모집": "모집 선발 예정", "다음에 언제 뽑": "선발 예정", "담에 언제 뽑": "선발 예정", "다음꺼는 언제": "선발 예정", "다음 거는 언제": "선발 예정", "다음꺼 언제": "선발 예정", "담꺼는 언제": "선발 예정", "다음엔 언제 뽑": "선발 예정", "다음번엔 언제": "선발 예정", "다음번 모집": "모집 선발 예정", "담번 모집": "모집 선발 예정", "빌려주는 돈": "융자 규모", "얼마 풀": "융자 규모", "몇개까지 늘": "목표", "몇 개까지 늘": "목표", "몇개로 늘": "목표", "몇 개로 늘": "목표", "최종적으로": "목표", "구청에서 하는": "자치구", "구청이랑 같이": "자치구 협력", "구청하고 같이": "자치구 협력", "구청과 같이": "자치구 협력", "구청이랑 함께": "자치구 협력", "총액": "총 규모", "취업 많이": "취업률", "취업 얼마나": "취업률", "취업은 얼마나": "취업률", "취업이 얼마나": "취업률", "취업을 많이": "취업률", "취업 잘": "취업률",
    "취업들": "취업률", "센터 같은": "보호센터",
    "누가 운영": "위탁법인 민간위탁", "직접 운영": "민간위탁 위탁법인", "위탁이에요": "민간위탁 위탁법인", "위탁인가": "민간위탁 위탁법인", "운영은 누가": "위탁법인 민간위탁", "누가 맡": "위탁법인 민간위탁", "어디서 운영": "위탁법인", "어디서 위탁": "위탁법인",
    "정보는 어디": "플랫폼", "정보 어디": "플랫폼", "모아서 볼": "통합정보 플랫폼", "팔 수 있": "판로 확대", "업체가 따로": "운영업체", "업체 따로": "운영업체", "사주는": "구매", "신보는": "서울신용보증재단은", "신보가": "서울신용보증재단이", "신보도": "서울신용보증재단도", "신보에서": "서울신용보증재단에서", "사 주는": "구매", "사줬": "구매", "사 줬": "구매", "사준": "구매", "얼마까지": "최대 얼마",
    "밥도 줘": "급식비", "밥 줘": "급식비", "밥은 줘": "급식비", "밥 나와": "급식비", "밥은 나와": "급식비", "점심은 줘": "급식비",
    "점심 줘": "급식비", "점심도 줘": "급식비", "점심 나와": "급식비", "식사": "급식", "밥값": "급식비", "밥 값": "급식비", "밥도 준": "급식비", "밥 준": "급식비", "한끼": "급식비", "한 끼": "급식비", "위탁 맡은": "위탁법인", "맡은 학교": "위탁법인",
    "맡은 대학": "위탁법인", "정장 어디서": "운영업체", "양복 어디서": "운영업체", "빌려주는 가게": "운영업체",
    "가게 이름": "운영업체", "몇년이나 할": "최대 개월", "몇 년이나 할": "최대 개월", "몇년까지 할": "최대 개월",
    "모집 분야": "공모 분야", "연장": "연장 최대", "공정무역의 날": "세계 공정무역의 날 둘째 토요일", "공정무역의날": "세계 공정무역의 날 둘째 토요일", "더 많이 생긴": "확대", "더 생긴": "확대", "더 생겨": "확대", "더 생기": "확대", "더 늘어": "확대", "더 늘리": "확대", "더 만들": "확대", "많아진": "확대",
    # English words in Korean messages ("점심 lunch 줘요?", "photo 도 같이 찍어줘요?")
    "lunch": "급식", "meal": "급식", "photo": "사진촬영", "picture": "사진촬영", "holiday": "공휴일",
    "company": "운영업체", "how many people": "이용 인원", "free": "무료",
    "hair makeup": "헤어메이크업", "makeup": "메이크업", "hair": "헤어", "max": "최대", "contract": "",
    # "기간은 딱 1년짜리죠?", "몇달까지 가능함": how long one may take part (뉴딜일자리's 최대 23개월)
    "1년짜리": "최대 개월", "일년짜리": "최대 개월", "1년 짜리": "최대 개월", "몇달까지": "최대 몇 개월",
    "몇 달까지": "최대 몇 개월", "계약 기간": "최대 개월", "계약기간": "최대 개월",

    # "전체 다 합치면 학과수는?", "그 돈 언제 돌려줌", "사업은 언제까지 하는거에요", "취업은 좀 되는편이에요?"
    "다 합치면": "총 계획", "모두 합치면": "총 계획", "전부 합치면": "총 계획", "전체 학과": "계획 학과", "학과 전체": "계획 학과",
    "선정 절차": "서면심사 면접 선정", "심사 절차": "서면심사 면접 선정", "어떻게 뽑": "서면심사 면접 선정", "돌려줌": "환급", "돌려줘": "환급", "돌려준": "환급",
    "언제까지 하는": "사업기간 언제까지", "사업은 언제까지": "사업기간 언제까지", "취업은 좀": "취업률", "취업은 되": "취업률",
    "취업이 되": "취업률", "취업 되는": "취업률",
    "언제 문연": "언제 개소 개관 발족", "언제 문 연": "언제 개소 개관 발족", "언제 문을 연": "언제 개소 개관 발족",
    "언제 만든": "언제 만들었", "밤에도 수업": "야간 과정",
    "밤에도수업": "야간 과정", "밤수업": "야간 과정", "취업은 잘": "취업률", "취업이 잘": "취업률", "근무시간으로 쳐": "근무시간 인정", "근무시간으로 인정": "근무시간 인정",
    # "취업준비하러 다니는시간도 근무로 쳐주나요": 뉴딜일자리's 취업활동의 근무시간 인정
    "근무로 쳐": "근무시간 인정", "근무한걸로": "근무시간 인정", "근무한 것으로": "근무시간 인정", "근무로 인정": "근무시간 인정", "일한 걸로 쳐": "근무시간 인정", "근무한 걸로": "근무시간 인정",
    # a 120 agent's keywords: "기술교육원 하반기 마감", "보호센터 개소 시기", "일자리카페 개수"
    "마감일": "모집 기간", "하반기 마감": "하반기 모집 기간", "상반기 마감": "상반기 모집 기간", "모집 마감": "모집 기간 신청기한",
    "접수 마감": "접수 모집 기간 신청기한", "신청 마감": "신청기한 모집 기간", "개소 시기": "언제 조성 개소 개관 발족", "개관 시기": "언제 조성 개소 개관 발족",
    "오픈 시기": "언제 조성 개소 개관 발족", "설립 시기": "언제 조성 개소 개관 발족", "시기": "언제", "개수": "몇 개",
    # "작년까지 뽑은건?" of 서울형 강소기업: those selected before (’16~17년 기선정 297개)
    "까지 뽑은": "기선정", "까지 선정된": "기선정", "까지 뽑힌": "기선정", "이미 뽑힌": "기선정", "이미 뽑은": "기선정", "이미 선정된": "기선정", "지금까지 뽑": "기선정", "여태 뽑": "기선정", "그동안 뽑": "기선정",
    "취업준비하러": "취업활동", "취업 준비하러": "취업활동", "면접 보러 다니": "취업활동",
    # "이용자수", "이용한 사람 얼마나 돼요", "진짜 취업된 사람도 있어요?": the report's 이용 인원 / 취업 인원
    "저녁 반": "야간 과정", "올해 교육 인원": "직업훈련 계획 인원", "교육 인원이 총": "직업훈련 계획 인원", "근로기간": "사업기간", "근로 기간": "사업기간", "근무기간": "사업기간", "근무 기간": "사업기간", "근무는 언제": "사업기간 언제", "근무 언제": "사업기간 언제", "배우시는 쪽": "직업훈련 쪽", "배우는 쪽": "직업훈련 쪽", "배우실 쪽": "직업훈련 쪽", "상반기": "상반기 1~6월", "금리": "이자율", "기한": "언제까지", "따로 만들": "기관별 마련", "만들어야": "마련", "온라인몰": "온라인쇼핑몰", "이용자수": "이용 인원", "이용자 수": "이용 인원", "누적 이용": "이용 인원", "누적이용": "이용 인원", "이용한 사람": "이용 인원", "이용한 분": "이용 인원",
    "취업된 사람": "취업 인원", "취업한 사람": "취업 인원", "취업된 분": "취업 인원", "취업한 분": "취업 인원",
    # "그중에 지금 실제로 일하고 있는 인원은요": those taking part now (참여 인원, ’18.6월 현재), not the year's plan
    # "보고서 기준으로 현재 몇 개인가요": the source named, which every answer is (not the facts saying 보고서)
    "보고서 기준으로": "", "보고서 기준": "", "보고서상": "", "보고서에는": "", "보고서에서는": "", "보고서에서": "", "보고서에": "",
    # "청년이 다니기 괜찮은 중소기업 …": the report's 청년이 일하기 좋은 중소기업 (서울형 강소기업)
    "다니기 괜찮은": "일하기 좋은", "다니기 좋은": "일하기 좋은", "괜찮은 중소기업": "일하기 좋은 중소기업", "좋은 중소기업": "일하기 좋은 중소기업",
    # "중간에 그만두면 돈 떼인다던데": the training's deposit, kept unless one completes it (예치환불제)
    "중간에 그만두면": "예치 환급", "중도에 그만두면": "예치 환급", "중간에 관두면": "예치 환급", "수료 못하면": "예치 환급",
    # "노동상담 하는 센터도 그 건물에 들어간다던데": the 서울노동권익센터, described
    "노동상담 하는 센터": "노동권익센터", "노동상담하는 센터": "노동권익센터", "노동 상담 센터": "노동권익센터", "노동상담센터": "노동권익센터",
    # "올해 목표치는요": the bureau's indicators are its targets (2018 (주요 정책지표))
    "목표치": "목표 정책지표",
    "실제로 ": "", "일하고 있는": "참여 현재", "근무하고 있는": "참여 현재", "참여하고 있는": "참여 현재",
}
# a citizen's word only in the report's sense when not part of a longer one ("장애인 화장실" is no 메이크업)
SYNONYM_NOT_BEFORE = {"화장": r"(?!실|품)"}
_ASKING_SENTENCE = re.compile(r"[?？]|나요|까요|는지|어떻게|어케|뭐|뭘|무슨|언제|어디|얼마|몇|알려|있어요|있나|되나|궁금")
# ("인사팀 막내입니다ㅠ 주52시간 때문에 …": a sentence ends at 니다, or at 요/다 with a sigh or a laugh)
_SENTENCE_END = re.compile(r"(?<=[.!?？。])\s+|(?<=요)[.,]?\s+(?=[가-힣])|(?<=니다)\.?\s+(?=[가-힣])|(?<=[요다])[ㅠㅜㅎㅋ!~.]+\s*(?=[가-힣])")
# "청계천에 기념관 짓는다는 얘기 들었는데 거기 들어가면 뭐가 있어요?": what was heard tells the story, not the question
_HEARD_THEN = re.compile(r"(?:(?<=들었는데)|(?<=하더라고)|(?<=그러던데)|(?<=봤는데)|(?<=있던데)|(?<=보니까))\s+")


def after_what_was_heard(question: str) -> str:
    """The question without the story of where it was heard ("구청 게시판에 … 모집 포스터가 있던데 그 사람들이 뭘
    해주는 거예요?" → "그 사람들이 뭘 해주는 거예요?"): what is asked."""
    return _HEARD_THEN.split(question)[-1]
# "사업당 얼마": the report says "사업별"
_PER = re.compile(r"(?<=[가-힣]{2})당(?![가-힣])")


# "시랑 구청이 같이", "서울시하고 자치구가 함께": the report's 서울시와 자치구가 함께 (시-구 협력 일자리)
CITY_AND_DISTRICTS_TOGETHER = re.compile(r"(?:서울)?시(?:랑|와|하고|가)\s*(?:자치)?구(?:청)?(?:이|가|랑|와|하고)?\s*(?:같이|함께)")


# "시랑 구가", "시하고 구청이": the city and the districts, named together
_CITY_OR_DISTRICT = re.compile(r"(?<![가-힣])(?:서울)?시(?:랑|와|하고)\s*(?:자치)?구(?:청)?(?:가|이|랑|와|하고|는|도)?(?![가-힣])")


# "… 이름이 뭐였죠 입점하고 싶어서": the reason after a question, which is no part of what is asked
_REASON_TAIL = re.compile(r"(?<=[?？요죠까지])\s+[^?？]{1,30}?(?:싶어서|싶어가지고|하려고|할려고|하려구|때문에|궁금해서|보게|보려고|가려고)(?:요)?\s*[.!~ㅠㅜ]*$")


def without_reason(question: str) -> str:
    """The question without a reason said after it ("입점하고 싶어서")."""
    return _REASON_TAIL.sub("", question)


def asking_part(question: str) -> str:
    """The sentences of a message that ask something, and its last: in a story ("딸이 낮에는 편의점에서 아르바이트를
    하거든요. 저녁에 듣는 수업도 있나요?") the others tell the situation."""
    sentences = [part for part in _SENTENCE_END.split(question) if part.strip()]
    asking = [part for part in sentences[:-1] if _ASKING_SENTENCE.search(part)] + sentences[-1:]
    return " ".join(asking) if asking else question


# "37살 서울사는데 …", "당장 생활비가 없어서": one's age, where one lives and what one lives on describe the citizen,
# not a programme ("울사" is in 서울사회적경제지원센터, "37" in some figure, "생활" in 생활임금)
_TOLD_OF_ONESELF = re.compile(r"생활비|(?<![\d.,])\d{1,2}\s*(?:살|세)(?![가-힣])|(?<=서울)(?=사는|살고|살아|살면|삼|사람)|(?<=서울)(?:사는|살고|살아|살면|삼)")


# "쉼터 말고 …": what is set aside, not asked about (but "정장 말고도 …", "그거 말고 또 …" keep it)
_SETS_ASIDE = re.compile(r"(?:말고|말구|아니고|빼고)(?!\s*(?:도|또|다른|딴|더)(?![가-힣]))(?!도)")


def without_set_aside(question: str) -> str:
    """The question after what it sets aside ("쉼터 말고 낮에 기술 배울수 있는 데도 있어요?" → "낮에 기술 …")."""
    found = list(_SETS_ASIDE.finditer(question))
    return question[found[-1].end():] if found else question


def question_words(text: str) -> List[str]:
    """The words of a question, each without its particle, in the report's words."""
    text = CITY_AND_DISTRICTS_TOGETHER.sub("서울시와 자치구가 함께", text.lower())
    for said, written in QUESTION_SYNONYMS.items():
        if said in SYNONYM_NOT_BEFORE:
            text = re.sub(re.escape(said) + SYNONYM_NOT_BEFORE[said], written, text)
        else:
            text = text.replace(said, written)
    text = _PER.sub("별", text)
    return [_PARTICLE.sub("", word) for word in _NOT_TEXT.split(text) if word]


def question_bigrams(text: str) -> List[str]:
    """The bigrams of a question, each word without its particle, in the report's words."""
    return bigrams(" ".join(question_words(text)))


def bigrams(text: str) -> List[str]:
    """Character bigrams within each word: "사진 촬영" and "사진촬영" share 사진 and 촬영; no bigram spans two
    words ("공공근로 하면" must not match "근로하반기")."""
    return [word[i : i + 2] for word in _NOT_TEXT.split(text.lower()) for i in range(len(word) - 1)]


class FactIndex:
    """IDF-weighted bigram index over every fact; built once per knowledge-base refresh."""

    def __init__(self, facts: Sequence[Fact], names: Dict[str, Sequence[str]]) -> None:
        """``names``: each programme's name first, then its aliases."""
        self.facts = list(facts)
        self._bigrams = [set(bigrams(_REPORT_LACKS.sub(" ", fact.text))) for fact in self.facts]
        df: Counter = Counter(b for grams in self._bigrams for b in grams)
        total = max(len(self.facts), 1)
        self._idf = {b: math.log(total / count) for b, count in df.items()}
        # a programme's names and aliases, as bigrams: they say which programme, not which fact
        self._name_bigrams = {slug: {b for name in names_ for b in bigrams(name)} for slug, names_ in names.items()}
        self._main_name_bigrams = {slug: set(bigrams(names_[0])) for slug, names_ in names.items() if names_}
        self._aliases = {slug: tuple(names_[1:]) for slug, names_ in names.items()}
        # the rare words an alias adds to the programme's own name ("사회투자기금 융자" → 융자; not 서울 of "서울시 …";
        # an alias without the name is another name of all of it: "정장 빌려주는" of 취업날개)
        self._added_to_name = {
            slug: {
                alias: {
                    b for word in _NOT_TEXT.split(alias.replace(names_[0], " ").lower()) if word not in _CITY_WORDS
                    for b in bigrams(word) if self._idf.get(b, 0.0) >= DISTINCTIVE_IDF
                }
                for alias in names_[1:] if names_[0] in alias
            }
            for slug, names_ in names.items() if names_
        }
        self._known = set(df) | {b for grams in self._name_bigrams.values() for b in grams}
        self._summary_bigrams = {fact.programme_slug: set(bigrams(fact.text)) for fact in self.facts if fact.kind == "summary"}
        self._programme_bigrams: Dict[str, set] = {}
        self._said: Dict[str, str] = {}  # every fact of a programme, as one text
        for fact in self.facts:
            self._said[fact.programme_slug] = f"{self._said.get(fact.programme_slug, '')} {fact.text}"
        for fact, grams in zip(self.facts, self._bigrams):
            self._programme_bigrams.setdefault(fact.programme_slug, set()).update(grams)
        for slug, grams in self._name_bigrams.items():
            self._programme_bigrams.setdefault(slug, set()).update(b for b in grams if b in self._idf)

    def evidence(
        self, question: str, programme_slug: Optional[str] = None, aliases: bool = True, summary_words: bool = False
    ) -> List[str]:
        """The question's bigrams that can point to a fact: not the programme's name, nor its aliases, except
        (``aliases=False``) the words of an alias the question says beyond the name ("자판기" of 공정무역 자판기)."""
        ignored = set(STOP_BIGRAMS)
        if programme_slug is not None:
            ignored |= self._name_bigrams.get(programme_slug, set())
            # "사회투자기금 올해 융자 총 얼마": a rare word an alias adds to the name is asked about when no alias that has
            # it is said whole (not "사회투자기금 융자 받으려면": the programme, named)
            said_whole = re.sub(r"\s+", "", question.lower())
            added_by_alias = self._added_to_name.get(programme_slug, {})
            named_by = {b for alias, added in added_by_alias.items() if re.sub(r"\s+", "", alias.lower()) in said_whole for b in added}
            for alias, added in added_by_alias.items():
                if re.sub(r"\s+", "", alias.lower()) not in said_whole:
                    ignored -= added - self._main_name_bigrams.get(programme_slug, set()) - named_by
            if not aliases:
                # an alias's word (or a part of one) said that the summary lacks: "자판기도 놨다던데" of 공정무역
                # 자판기, "온라인으로 팔 데" of 사회적경제 온라인쇼핑몰 (not "면접 정장" of 취업날개: that is all of it)
                alias_words = [w for alias in self._aliases.get(programme_slug, ()) for w in _NOT_TEXT.split(alias.lower())]
                summary = self._summary_bigrams.get(programme_slug, set())
                said = [word for word in question_words(question) if len(word) >= 2]
                shared = {w for w in alias_words if len(w) >= 2 and any(w in word for word in said)}  # "포럼이라는"
                shared |= {word for word in said if any(word in w for w in alias_words)}  # "온라인" of 온라인쇼핑몰
                # (with ``summary_words``, one the summary says too: "공공구매 올해 얼마나" when nothing else matched)
                named_parts = {b for word in shared if summary_words or not set(bigrams(word)) & summary for b in bigrams(word)}
                # (so are the report's words the question says in its own: "센터 같은 건" → 보호센터)
                ignored -= (named_parts | set(self.translated(question))) - self._main_name_bigrams.get(programme_slug, set())
        found = [b for b in dict.fromkeys(question_bigrams(question)) if b not in ignored and self._idf.get(b, 0.0) > 0.5]
        asked = set(question_bigrams(after_what_was_heard(question)))
        # "청계천에 기념관 짓는다는 얘기 들었는데 거기 들어가면 뭐가 있어요? 전시만 하나요": the story's words (청계천)
        # are not what is asked, when what is asked has words of its own
        in_question = [b for b in found if b in asked]
        return in_question if in_question else found

    @staticmethod
    def lacks_the_value_asked(question: str, facts: Sequence[Fact]) -> bool:
        """Whether the question asks a floor, an area or a rate and no fact has one ("그 교육장은 몇 층짜리
        건물이에요?" about a fact without floors): the answer is "the report does not say", not that fact."""
        asked = [kind for kind in VALUE_ONLY_KINDS if ANSWER_KINDS[kind][0].search(question)]
        # "정규직 전환 얼마나 했어" asks a count, which a number of people answers too
        accepted = asked + (["people"] if "count" in asked else [])
        if "count" in asked and "얼마" in question:
            accepted.append("amount")  # ("공공구매 올해 얼마나 했대요": a sum of money answers it too, 349억원)
        return bool(asked) and not any(ANSWER_KINDS[kind][1].search(fact.text) for kind in accepted for fact in facts)

    def idf(self, bigram: str) -> float:
        return self._idf.get(bigram, 0.0)

    def translated(self, question: str) -> List[str]:
        """The bigrams of the report's words the question said in the citizen's ("늘린다는" → 확대, 대출 → 융자): an
        explicit match, as good as the report's own word."""
        lowered = question.lower()
        return [
            b for said, written in QUESTION_SYNONYMS.items()
            if said in lowered and not (said in SYNONYM_NOT_BEFORE and not re.search(re.escape(said) + SYNONYM_NOT_BEFORE[said], lowered))
            for b in bigrams(written)
        ]

    def unknown_nouns(self, question: str, whole: bool = False) -> List[str]:
        """Nouns of the question that no fact and no programme name contains any part of ("스터디룸 예약은
        어케함" → 예약; "용접 학과 있나요?" → 용접): what is asked about is something the report does not say,
        whatever else of the question a fact shares (with ``whole``, of the story told too: its topic)."""
        if any(ANSWER_KINDS[kind][0].search(question) for kind in NUMBER_KINDS):
            return []
        # in a story ("딸이 낮에는 편의점에서 아르바이트를 하거든요. 저녁에 듣는 수업도 있나요?") what is asked is in
        # the last sentence; the others tell the situation
        said = without_set_aside(question) if whole else asking_part(without_set_aside(question))
        question = CITY_AND_DISTRICTS_TOGETHER.sub("서울시와 자치구가 함께", said)
        for words, written in QUESTION_SYNONYMS.items():
            question = question.replace(words, written)
        return [
            noun for noun in dict.fromkeys(nouns(question))
            if len(noun) >= 2 and noun not in ASKING_NOUNS and noun not in PEOPLE_NOUNS and not _PLACE_NOUN.match(noun)
            and not any(b in self._known for b in bigrams(noun)) and not self._split_off_a_known_word(question, noun)
            and noun in said  # (not a word of the report's put in for the citizen's)
        ]

    def _split_off_a_known_word(self, question: str, noun: str, known: Optional[Set[str]] = None) -> bool:
        """Whether the analyser cut ``noun`` off the end of a word the report (or ``known``) has ("기초수급자면" →
        기초/수급/자면: 급자 is the report's): not a word of its own."""
        at = question.find(noun)
        return at > 0 and "가" <= question[at - 1] <= "힣" and f"{question[at - 1]}{noun[0]}" in (self._known if known is None else known)

    def identify(self, question: str) -> Optional[Tuple[str, float]]:
        """The programme a question describes without naming it ("육아휴직도 눈치 안 보고 쓸 수 있는 중소기업을 시에서
        골라 준다던데" → 서울형 강소기업): the distinctive words it shares with all of a programme's facts and names,
        when one programme clearly leads; None otherwise."""
        question = _TOLD_OF_ONESELF.sub(" ", question)
        evidence = [b for b in self.evidence(question) if self._idf.get(b, 0.0) >= IDENTIFY_MIN_IDF]
        words = question_words(question)
        scores: Dict[str, float] = {}
        matches: Dict[str, Set[str]] = {}
        for slug, grams in self._programme_bigrams.items():
            matched = [b for b in evidence if b in grams]
            matches[slug] = set(matched)
            # two words of the question at least ("나에게 맞는 지원 찾기" shares one rare word with one summary), or
            # one long rare word whole ("육아휴직과 관련해서 하는 사업": 육아·아휴·휴직)
            shared_words = {word for word in words for b in matched if b in bigrams(word)}
            longest = max((sum(b in matched for b in set(bigrams(word))) for word in shared_words), default=0)
            if len(shared_words) >= 2 or longest >= 3:
                scores[slug] = sum(self._idf[b] for b in matched)
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        if not ranked or ranked[0][1] < IDENTIFY_THRESHOLD:
            return None
        if len(ranked) > 1 and ranked[0][1] < IDENTIFY_LEAD * ranked[1][1]:
            # close behind, unless the leader alone has a word of its own name ("카페같은 데서 취업상담도 해주고
            # 스터디룸도 …": 일자리카페, not 청년일자리센터, which also offers 취업상담 and 스터디룸)
            own_name = (matches[ranked[0][0]] - matches[ranked[1][0]]) & self.main_name_bigrams(ranked[0][0])
            if not own_name or ranked[0][1] == ranked[1][1]:
                return None
        return ranked[0]

    def said_of(self, programme_slug: str) -> str:
        """Everything the knowledge base says of a programme, as one text ("정장" is said of 취업날개)."""
        return self._said.get(programme_slug, "")

    def said_of_how_many(self, word: str) -> int:
        """How many programmes' facts hold ``word`` ("서울시": most; "모의면접": one)."""
        return sum(word in said for said in self._said.values())

    def main_name_bigrams(self, programme_slug: str) -> Set[str]:
        return set(self._main_name_bigrams.get(programme_slug, set()))

    def distinctive_words_shared(self, question: str, programme_slug: str) -> List[str]:
        """The question's rare bigrams (a word few facts have) that the programme's facts or names have: "마을기업
        같은 거 해보려는데" shares 마을기업 with 사회적경제기업 육성."""
        grams = self._programme_bigrams.get(programme_slug, set())
        return [b for b in self.evidence(question) if self._idf.get(b, 0.0) >= DISTINCTIVE_IDF and b in grams]

    def nouns_foreign_to(self, question: str, programme_slug: str) -> List[str]:
        """Nouns of the question that no fact or name of the programme shares a part of ("당일 대여 되나" about
        취업날개 → 당일): a feature of it the report does not describe."""
        grams = self._programme_bigrams.get(programme_slug, set())
        question = without_set_aside(question)
        said = question
        question = CITY_AND_DISTRICTS_TOGETHER.sub("서울시와 자치구가 함께", question)
        question = _CITY_OR_DISTRICT.sub("서울시와 자치구 ", question)  # ("예산은 시랑 구가 몇대몇으로 내요": no 시랑)
        for words, written in QUESTION_SYNONYMS.items():
            question = question.replace(words, written)
        return [
            noun for noun in dict.fromkeys(nouns(question))
            if len(noun) >= 2 and noun not in ASKING_NOUNS and noun not in PEOPLE_NOUNS and not _PLACE_NOUN.match(noun)
            and not any(b in grams for b in bigrams(noun)) and not self._split_off_a_known_word(question, noun, grams)
            and noun in said  # (not a word of the report's put in for the citizen's)
            # ("옴부즈만 상반기 무료상담 건수": the report's ’18.1~6월 says 상반기)
            and not any(b in grams for word in QUESTION_SYNONYMS.get(noun, "").split() if word != noun for b in bigrams(word))
        ]

    def names_only_the_unknown(self, question: str) -> bool:
        """Whether every noun the question is about is one the report never uses ("주식 추천좀"), unlike "프리랜서
        영상 편집자인데 쓸 만한 제도" (제도 is the report's word)."""
        content = [noun for noun in nouns(question) if len(noun) >= 2 and noun not in ASKING_NOUNS]
        return bool(content) and set(content) <= set(self.unknown_nouns(question))

    def search(
        self, question: str, programme_slug: Optional[str] = None, limit: int = 3, place: Optional[str] = None
    ) -> List[FactHit]:
        """The best-matching facts (of one programme, or of all), best first; ``place`` is the place being
        discussed, whose facts win ties. An alias may name a part of the programme ("공정무역 자판기", "감정노동
        보호 가이드라인"): when nothing matches without it, its words count as evidence."""
        question = _SET_ASIDE.sub(" ", without_guessed_numbers(without_reason(question)))
        evidence = self.evidence(question, programme_slug)
        hits = self._search(question, programme_slug, limit, place, evidence)
        if programme_slug is not None and (not hits or hits[0].fact.kind == "summary" or not hits[0].matched):
            # nothing, only the programme's summary (its general words) or facts of the kind asked that share no word
            # with it ("공공구매 올해 얼마나 했대요": an amount, any): an alias's word may be the detail asked
            # ("사회적기업 인건비 지원 올해 몇개 기업이나": the alias said whole, and nothing else matched at all)
            number_asked = any(ANSWER_KINDS[kind][0].search(question) for kind in NUMBER_KINDS)
            with_aliases = self.evidence(
                question, programme_slug, aliases=False, summary_words=(bool(hits) and not hits[0].matched) or (not hits and number_asked)
            )
            if with_aliases != evidence:
                # a word naming the programme is weaker evidence: the fact must also have the kind of value asked
                # ("정장 며칠 빌릴 수 있어요?" of 취업날개: no fact gives a number of days, so none answers)
                required = [k for k, (q, _) in ANSWER_KINDS.items() if k in KIND_REQUIRED and q.search(question)]
                detailed = [  # (a detail: the summary is what the first search may give)
                    hit for hit in self._search(question, programme_slug, limit, place, with_aliases)
                    if hit.fact.kind != "summary"
                    and (not required or any(ANSWER_KINDS[k][1].search(hit.fact.text) for k in required))
                ]
                # (over the summary only for a word it lacks: "온라인" of 함께누리몰, not "재정지원" it says too)
                new_words = not hits or set(detailed[0].matched if detailed else ()) - set(bigrams(hits[0].fact.text))
                if detailed and new_words and (not hits or detailed[0].score > hits[0].score):
                    hits = detailed
        return hits

    def _search(
        self, question: str, programme_slug: Optional[str], limit: int, place: Optional[str], evidence: List[str]
    ) -> List[FactHit]:
        asked = [kind for kind, (q, _) in ANSWER_KINDS.items() if q.search(question)]
        if "duration" in asked:  # "인턴 기간은 얼마나 돼요?": how long (최대 23개월), not a date nor a number of people
            asked = [kind for kind in asked if kind not in ("date", "people")]
        preferred = [kind for a in asked for kind in PREFERRED_FACTS.get(a, ())]
        # "합격자 발표 언제 나와요?": words of the question no fact in scope has (two or more: "하루에 몇 명" may say
        # 하루 where the report says 일평균); a date alone would answer something else
        in_scope = [grams for fact, grams in zip(self.facts, self._bigrams) if programme_slug in (None, fact.programme_slug)]
        unmatched = {
            b for b in evidence if self._idf[b] >= DISTINCTIVE_IDF and not any(b in grams for grams in in_scope)
        }
        unmatched_words = [word for word in question_words(question) if unmatched.intersection(bigrams(word))]
        said = set(question_bigrams(question))
        hits: List[Tuple[float, int, int, int, FactHit]] = []
        for fact, grams in zip(self.facts, self._bigrams):
            if programme_slug is not None and fact.programme_slug != programme_slug:
                continue
            matched = tuple(b for b in evidence if b in grams)
            distinctive = any(self._idf[b] >= DISTINCTIVE_IDF for b in matched)
            score = sum(self._idf[b] for b in matched) if distinctive else 0.0
            if asked:
                kinds = [kind for kind in asked if ANSWER_KINDS[kind][1].search(fact.text)]
                total_sum = "total" in asked and "amount" in asked and "total" not in kinds
                if not kinds or total_sum:
                    # "올해 총 얼마나 빌려줘요": a fact with a rate (3% 이자) is no sum of money either
                    if KIND_REQUIRED.intersection(asked):
                        score *= KIND_PENALTY
                elif distinctive or (programme_slug is not None and KIND_ALONE.intersection(kinds) and len(unmatched_words) < 2):
                    score += KIND_BONUS
            if score > 0 and place and place in fact.text and (distinctive or "date" not in asked or OPENING.search(question)):
                # "하루에 몇 명 와요?" about 서초쉼터: its figure; a place's own dates (contract, opening) only when its
                # opening is asked ("언제 생긴 곳이에요?"), not "수업은 언제 시작해요?"
                score += PLACE_BONUS
            if score > 0 and THIS_YEAR_ASKED.search(question) and WHOLE_YEAR_FIGURE.search(fact.text):
                score += YEAR_BONUS  # "기술교육원 올해 몇명 교육함": the year's figure (7,298명 (’18년)), not a half or a day's
            if score > 0:
                rank = preferred.index(fact.kind) if fact.kind in preferred else len(preferred)
                # among equals, the fact sharing more of what was said, name words included ("상담받고 취업한 사람 몇
                # 명" of 청년일자리센터, whose name says 취업: 상담 후 취업 인원)
                overlap = len(said & grams)
                hits.append((-score, rank, -overlap, len(fact.text), FactHit(fact, score, matched if distinctive else ())))
        hits.sort(key=lambda item: item[:4])
        return [hit for *_, hit in hits[:limit]]


def best_facts(hits: Iterable[FactHit], threshold: float, keep_ratio: float = 0.75, limit: int = 2) -> List[Fact]:
    """The facts worth saying: the best if it reaches the threshold, plus close runners-up (no duplicates).
    """
    hits = list(hits)
    if not hits or hits[0].score < threshold:
        return []
    chosen: List[Fact] = []
    for hit in hits:
        if hit.score < hits[0].score * keep_ratio or len(chosen) == limit:
            break
        if not any(hit.fact.text in other.text or other.text in hit.fact.text for other in chosen):
            chosen.append(hit.fact)
    return chosen
