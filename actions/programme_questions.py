"""Answers to "what / hours / open now / where / how to apply / cost / contact" about one programme."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.context import (
    BOTH_ASKED,
    QUESTION_INTENTS,
    KnowledgeAction,
    Replies,
    current_programme,
    intent_payload,
    join,
    knows_about_citizen,
    latest_entity_values,
    mentioned_places,
    mentioned_programme,
    previous_programme,
    profile_from_tracker,
    previous_question_unnamed,
    previous_reply,
    previous_user_text,
    programme_buttons,
    PROFILE_ENTITIES,
    states_facts_it_judges,
    profile_facts_told,
    states_profile_facts,
    verdict_asked_again,
    programmes_just_listed,
    programmes_serving_workers,
    said_just_before,
    source_values,
)
from actions.comparisons import compare_age_limits, compare_places
from actions.details import (
    AMOUNT_IN_FACT, COUNT_GUESSED, FIGURE_QUESTION, LATER_DATES, REPORT_LACKS, asks_for_a_date, asks_for_a_figure,
    detail_answer, figure_reply, meaning_answer, names_only_counted,
    STORY_THEN, place_named, policy_figure_answer, policy_figure_follow_up, say_detail, states_a_number,
)
from actions.eligibility import PROFILE_SLOTS, answers_the_form, eligibility_text, utter_verdict
from actions.fits import answer_about_fits, fit_line, told_to_be_employer, utter_fits, utter_for_employers_hiring, utter_jobs_for_group
from actions.questions_apart import AnswersQuestionsApart
from actions.question_words import (
    ADDRESS_FACT, ADDRESS_WORDS, AMONG_LISTED, APPLY_WORDS, PLAN_ASKED, ASKS_IF_I_CAN, HOW_OR_WHAT_ASKED, MAY_APPLY, ASKS_IF_I_QUALIFY, CONTACT_WORDS, COST_WORDS, FREE_ASKED,
    DIRECTIONS_WORDS, ELIGIBILITY_WORDS, ENDS_ASKED, FEATURE_QUESTION, HOLIDAY_WORDS, HOURS_WORDS, LOCATION_WORDS,
    NEARBY_WORDS, NEAR_NOT_NEARLY, OBLIGATION_ASKED,
    NOT_COVERED, PARKING_ASKED, PERSON_ASKS_IF_ELIGIBLE, PERSONAL_RECORD, POINTS_BACK, QUESTION_LENGTH, SITE_IN_DISTRICT_ASKED,
    WAGE_WORDS, WHO_FOR,
    WHO_RUNS_WORDS, is_bare_question,
    question_named,
    question_sentence, asking_sentence, story_question, wage_asked,
    APPLYING_WORDS, COMPARED, FIELD_OF, PRICE_WORDS, REQUIREMENT,
)
from knowledge.clauses import QUESTION_WORD
from knowledge.fact_search import ASKING_NOUNS, Fact, question_words, without_set_aside
from knowledge.morphology import nouns
from knowledge.validation import WEEKDAYS
from knowledge.queries import (
    WEEKDAY_KO,
    FigureInfo,
    HoursInfo,
    KnowledgeBase,
    OpenStatus,
    PlaceInfo,
    ProgrammeInfo,
    Verdict,
    check_eligibility,
    hours_on,
    open_status,
    programme_facts,
    weekday_index,
)


# "X도 그래요?", "X는 어때요?": the question before, about X
SAME_AS_BEFORE = re.compile(
    r"(?:도|는|은)\s*(?:그래요|그런가요|그래|마찬가지|똑같|같아요|같나요|어때요|어떤가요|어떻습니까|어떻나요|어떨까요|어떠세요|어떰)"
)
# what may stand around a programme's name in "그럼 공공근로는요?" (nothing else is asked)
_ELLIPSIS_WORDS = frozenset(
    "그럼 그러면 그리고 그건 아 음 혹시 근데 저기 는요 은요 도요 요 는 은 도 어때요 어때 경우는요 경우엔요 에휴 휴 흠 헐 "
    "아니 아니요 아뇨 ㄴㄴ 노노 앗 그거 그게 말고 이요 이에요 예요 요요 말한거 말한거요 말한 거 얘기한거 "
    "잠깐 잠깐만요 제가 내가 물어본건 물어본거 물어본 물어본거요 말한건 얘기한건 궁금한건 궁금했던 거였어요 "
    "잘못 말했다 말했네 말했어요 잘못말함 얘기였어요 얘기였어 얘기였는데 얘기요 말이었어요 말이에요 거요 "
    "거기 거긴 거기는 여기 여기는 있는거 있는거요 있는 있는곳 있는곳요 있는데요 곳 곳이요 쪽 쪽이요 쪽요 "
    "헷갈렸어요 헷갈렸네 헷갈렸다 헷갈려서 착각했어요 착각했네요 "
    "이분 그분 이분은 그분은 이분도 그분도 걔 걔는 걔도 얘 얘는 얘도 같은 분이 같은 분은 같은 분도 같은 사람이 같은 사람은 그 분 그 친구는 "
    "그 사람은 그 학생은 그 학생도 그 친구도".split()  # "이분 뉴딜일자리는요?": for the one just judged
    # "거기 말고 상암은?", "아 아니 합정에 있는거요"
)


def nlu_confidence(tracker: Tracker) -> float:
    return float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)


def asks_the_same_about(tracker: Tracker, kb: Optional[KnowledgeBase] = None) -> bool:
    """Whether the message only names a programme or (given ``kb``) one of its places ("그럼 공공근로는요?",
    "상암쉼터는요?"): the same question as before."""
    text = tracker.latest_message.get("text") or ""
    spans = [e for e in tracker.latest_message.get("entities", []) if e.get("entity") == "programme" and "start" in e]
    places_named = bool(kb is not None and not text.startswith("/") and kb.places_in_text(text))
    if not spans and not places_named:
        return False
    for entity in sorted(spans, key=lambda e: -e["start"]):
        text = text[: entity["start"]] + " " + text[entity["end"]:]
    if SAME_AS_BEFORE.search(text):
        return True  # "상암쉼터도 그래요? 방송 일 하는데 거기가 가까워서"
    first, _, rest = text.partition("?") if "?" in text else (text, "", "")
    if rest.strip() and not ASKS_SOMETHING.search(rest) and spans:
        text = first  # "뉴딜일자리는요? 제 친구가 거기서 일한다던데": the question is the first sentence
    text = REJECTED_BEFORE.sub(" ", text)  # ("cafe 말구 youth job center요": the one set aside says nothing more)
    words = re.sub(r"[\s?!.,~ㅠㅜ]+", " ", text).split()
    if places_named:
        # (a place with its particle: "합정이랑", "상암쉼터는요"; not "합정은어떤사람들이주로와요" typed as one word)
        words = [word for word in words if not (kb.places_in_text(word) and len(word) <= 8)]
        # ("대리기사들 가는 서초 쉼터요": the place told by whom it serves, its kind typed apart)
        said = tracker.latest_message.get("text") or ""
        serves = [place.serves.replace(" ", "") for place in kb.places_in_text(said) if place.serves]
        words = [
            word for word in words
            if not (_PLACE_KIND_WORD.fullmatch(word) or any(word.startswith(s) for s in serves) or _GOING_THERE.fullmatch(word))
        ]
    return all(word in _ELLIPSIS_WORDS for word in words)


# "서초 쉼터요", "북부 교육원은요": a place's kind typed apart from its name; "대리기사들 가는": who goes there
_PLACE_KIND_WORD = re.compile(r"(?:쉼터|교육원|기술교육원|센터)(?:요|는요|은요|는|은|도|도요)?")
_GOING_THERE = re.compile(r"(?:가는|오는|쓰는|다니는|이용하는|쉬는)(?:데|곳|거)?(?:요|는요)?")


# "기술교육원밖에 없죠?", "이거 하나뿐이에요?": whether there is anything else
# (not "저까지 8명밖에 없어요": a count)
ONLY_ONE_ASKED = re.compile(
    r"(?<!\d명)(?<!\d\s명)(?<!\d개)(?<!\d살)(?<!\d세)밖에\s*(?:없|안\s*되|안되|못)|(?:하나|한\s*개|한\s*곳)\s*뿐"
)
# "cafe 말구", "그거 말고": the one set aside before the one meant
REJECTED_BEFORE = re.compile(r"\S+\s*(?:말고|말구)(?=\s|$)")
# a place named by its venue ("서울시청 다목적홀", "서울시청·덕수궁돌담길"), not by what it is ("서초쉼터")
VENUE_NAME = re.compile(r"시청|홀$|광장|돌담길|파크|빌딩|회관")

# what makes a message a question rather than facts told ("어머니 구직등록은 안 하셨어요")
ASKS_SOMETHING = re.compile(
    r"[?？]|나요|까요|는지|어떻게|어케|뭐|뭘|무슨|언제|어디|얼마|몇|알려|가능|돼요|되요|될까|되나|있어요|있나|좋겠|싶어|싶은데|원해"
    r"|(?<![가-힣])머(?=\s|$|가|야|예요|에요|임|지|하|해)"  # ("5층엔 머 들어가요": 뭐 as typed)
)

# "참여 조건이 어떻게 되는지", "자격 요건 알려주세요": the rules asked outright
RULES_ASKED = re.compile(r"(?:조건|자격|요건|대상)(?:이|은|는|을|이요)?\s*(?:어떻게|뭐|무엇|어떤|알려|궁금|좀)")
FLOOR_ASKED = re.compile(r"몇\s*층")
EVERY_SITE = re.compile(r"나머지|각각|전부\s*(?:어디|다)|모두\s*어디|다른\s*(?:곳|데|교육원|쉼터)들?(?:은|는)?\s*(?:어디|다)")
# "배우시는 쪽으로 가면 …" after work and training were offered: one of them, by what it does
SIDE_CHOSEN = re.compile(r"(?:는|은|할|실)\s*쪽(?:으로|이면|은|는)")
# "상담 받는거 돈 따로 내야돼요?": what the citizen pays
PAID_BY_CITIZEN = re.compile(r"내야|내나|드나|들어요|무료|유료|공짜|비용|돈\s*(?:을|이)?\s*(?:따로|내|들|드)")
# "5층은 어디가 쓰는 거에요?", "3층엔 뭐 들어와요": what one floor of a building is for
FLOOR_USE_ASKED = re.compile(r"\d\s*층\s*(?:은|는|에는|엔|에|이)?\s*(?:어디|누가|뭐|무엇|무슨|어떤)")
# "교육 같은것도 해줘요?", "거기서 교육도 해줘요?": whether it offers a thing
OFFERED_TOO = re.compile(r"(?:[가-힣]{2,}도|(?:것|거|건)도)\s*(?:해\s*줘|해\s*주|해요|하나요|하나|하는지|있어|있나|있는지)")
ALSO_THING = re.compile(r"(?:것|거|건)도\s|[가-힣]{2,}도\s*(?:공짜|무료|돈\s*(?:안|드|들))")
# "강동구 살아요 가까운 데로요": a site near where one lives (not "쪽", which also says where one lives)
# ("20년 가까이 인쇄소에서 일했는데": nearly, of a length of time or a number, is no place near home)
NEAR_HOME = re.compile(r"가까운|가깝|" + NEAR_NOT_NEARLY + r"|근처|주변|인근")
# "밤에 쉴 수 있는 쉼터는 어디예요": the sites open at night (hours past midnight)
OPEN_AT_NIGHT = re.compile(r"(?:밤|새벽|야간|심야|늦게|밤늦게)\S*\s*(?:\S+\s+)?(?:쉴|쉬는|가|갈|여는|열|하는|운영|이용)")
# "서울 아닌 데", "경기도에 있는": the sites outside Seoul
OUTSIDE_SEOUL = re.compile(r"서울\s*(?:아닌|밖|바깥|외곽|말고\s*다른)|서울이\s*아닌|경기도에\s*있는")
# "서울 안에 있는 곳만", "서울 시내에 있는 데": the sites in Seoul
IN_SEOUL_ONLY = re.compile(r"서울\s*(?:안|안에|내|시내)(?:에)?\s*있는|서울에\s*있는\s*(?:곳|데|거)만")
# "4개 다 서울 안에 있는거죠?", "서울 안에 몇 군데 있어요?": whether all are, which every site (and where) answers
ALL_IN_SEOUL_ASKED = re.compile(r"(?:다|전부|모두)\s*서울|몇\s*(?:군데|곳|개)|(?:거|것|건)죠|맞(?:죠|나요|아요)")
# "안에는 뭐뭐 들어가요?", "뭐가 있어요?": what a place holds
WHAT_INSIDE = re.compile(r"뭐뭐|뭐가|무엇이|어떤\s*(?:게|것|시설|공간)")
# "지금", "현재", "요즘": today's amount, which may differ from the report's
CURRENT_WORDS = re.compile(r"지금|현재|요즘|요새|올해|최근")
# "그거 말고 시에서 여는 다른 행사는 뭐가 있어요?": the other programmes of the topic
OTHER_ONES = re.compile(r"(?:말고|빼고)\s*(?:다른|또)|다른\s*(?:행사|제도|사업|프로그램|센터|지원|곳|것|거)(?:는|은|도|이|가)?\s*(?:뭐|뭘|무슨|어떤|있|없)")
# bigrams a question must share with a bureau figure's label to be asked of it while a programme is discussed
POLICY_FIGURE_STRONG = 4
# "신청하려면 조건이 뭐예요?", "지원 자격은 어떻게 돼요": the conditions asked, whatever word of applying is around
CONDITIONS_ASKED = re.compile(r"(?:조건|자격(?!증))\s*(?:이|은|가|는|이요|들이)?\s*(?:뭐|뭔|어떻게|어떤|있|따로|다\s*(?:뭐|어떻게))")
# "뭐하는곳이에요? 학과가 많은편인가요": a second question after the first, which a detail may answer
SECOND_QUESTION = re.compile(r"[?？]\s*\S")
# "서울에서 일하는데도요?", "회사는 서울인데": working (not living) in Seoul
WORKS_IN_SEOUL = re.compile(r"서울(?:에서|으로|로)\s*(?:일하|출근|출퇴근|다니|근무)|(?:회사|직장|일터)(?:가|는|도)?\s*서울")
# charges beyond the price ("반납 늦으면 연체료 있어요?"): a "free" programme says nothing of them
# "훈련수당 같은거 나와요?", "장려금 따로 있어요?": money paid to the citizen by name (of a programme that pays none)
# "취업날개 그거 뭐야??", "마을노무사가 뭐에요": what a programme is, the whole question
WHAT_IT_IS = re.compile(r"(?:그거|그게|이거|이게|그건|이건|거기|가|이|는|은)?\s*(?:뭐야|뭐예요|뭐에요|뭐임|뭔가요|뭔데|뭐죠|뭐지|뭡니까|뭐여)\s*[?？!~ㅋㅎ]*\s*$")
ALLOWANCE = re.compile(r"[가-힣]{0,4}(?P<kind>수당|장려금|활동비)")
OTHER_CHARGES = re.compile(r"연체료|위약금|벌금|보증금|배송비|세탁비|분실\s*비용|파손\s*비용")
CHARGES_WRITTEN = {"보증금": ("예치",)}  # (the report's word for it: 기술교육원's 교육훈련비 예치)
# a fee by name ("이용료", "수강료"): what it costs
FEE_WORDS = re.compile(r"수수료|이용료|수강료|교육비|참가비|입장료|관람료|회비|요금|사용료|대여료|상담(?:비|료)")
# what a fact must hold to answer what something costs
PRICE_FACT = re.compile(  # (a rate is a price only as interest: "38% 증가" of users is none)
    r"무료|공짜|\d[\d,]*\s*(?:원|만원|억)|(?:이자|금리)\S*\s*(?:최대\s*|연\s*)?\d+(?:\.\d+)?\s*%|예치|환급|부담"
)
# "몇 명 이하여야", "몇 살까지 돼요": a limit of the rules
LIMIT_ASKED = re.compile(
    r"몇\s*(?:명|인|살|세)\s*(?:이하|이상|미만|초과)|(?:이하|이상)(?:여야|이어야|라야|이라야)"
    r"|(?:뭘|뭐가|무엇을|뭐를)\s*(?:더\s*)?(?:갖춰|갖추|준비해야|필요)|갖춰야|자격\s*요건"  # "공공근로 하려면 뭘 더 갖춰야 해요?"
    r"|나이\s*(?:제한|기준|조건)|연령\s*(?:제한|기준|조건)|몇\s*(?:살|세)\s*(?:까지|부터)"  # "아까 정장 빌려주는 데는 나이 제한 있어요?"
    r"|대상\s*(?:사업장|기업|회사|업체)?\s*(?:규모|크기)"  # "마을노무사 대상 사업장 규모": its rule (9인 이하), not its totals
    r"|(?:사업장|회사|직원|업체)\s*(?:인원|규모|크기)\s*(?:기준|제한|조건)"  # "마을노무사 사업장 인원기준"
)
# "근무시간으로 쳐줘요?", "일주일에 몇 시간 일해요?", "몇 시간까지 쓸 수 있어요?": hours of work or of use, not opening hours
NOT_OPENING_HOURS = re.compile(
    r"근무\s*시간|근로\s*시간|노동\s*시간|일하는\s*시간|다니는\s*시간|근무로\s*(?:쳐|인정)|몇\s*시간\s*(?:까지|동안|씩|이나)?\s*(?:일|근무|쓸|써|이용|사용|빌)"
    r"|몇\s*시간\s*(?:을|이나|정도|씩)?\s*(?:줄|단축|늘|감축|초과)"  # "신보재단은 몇시간 줄였대요": hours cut, a figure
    r"|(?:밤|야간|저녁|주간|낮)\S{0,4}\s*(?:(?:하는|듣는|있는|다니는|배우는)\s*)?(?:수업|반|과정|강의|교육)|야간반|주간반"  # "밤에 하는 수업도 있나요": a course
)
# "새 건물로 들어간다던데", "이사 간다던데": a move heard of, which a status note may plan
STATUS_PLACE_ASKED = re.compile(
    r"새\s*(?:건물|청사|사무실|곳|장소)|들어간다|들어가는|입주|이전|이사\s*(?:간|가|한)|옮긴|옮겨"
    r"|어디서\s*(?:해|하|한다|열|개최)"  # "어디서 한다고?" of GSEF's forum: where its status says it is held (빌바오)
)
# who may take part, asked in words (not 세 of 미세먼지): ELIGIBILITY_WORDS, word by word
WHO_MAY_WORDS = re.compile(r"나이|\d\s*(?:살|세)|몇\s*(?:살|세)|자격(?!증)|대상|누가|누구|조건|제한|해당|저도|나도|신청\s*(?:가능|돼|되나|할\s*수)")
# a sum of money asked ("벌금 얼마나 나와요", "몇 만원", "얼마씩 줘요"), not a count ("얼마나 와요")
SUM_ASKED = re.compile(
    r"벌금|과태료|금액|액수|몇\s*(?:만\s*)?원|얼마\s*(?:씩|를|받|줘|줌|나와|나오|내야|들어|까지|예요|에요|야|임)"
    r"|얼마나\s*(?:나와|나오|받|줘|내야|들어)"
)
# how rare a word must be to tie a question to a programme's own facts (bigram idf; 지원 is 1.4, 인턴 5.1)
OWN_WORD_IDF = 4.5
# "운영자금 대출 같은것도 돼요?": money to run a business (운영 is no opening hours here)
OPERATING_MONEY = re.compile(r"운영\s*(?:자금|비|예산|지원금)")
# "시범기관이 두군데였다던데 어디어디요", "어느 기관에서 해요": which ones, not an address
WHICH_ONES_WHERE = re.compile(r"어디\s*어디|어느\s*(?:곳|곳들|기관|기업|회사|단체)|어떤\s*(?:곳|곳들|기관|기업|회사|단체)")
# "어디에 생기는지", "무슨 구에 생겨요": where, whatever word of opening comes with it
WHERE_ASKED = re.compile(r"어디|(?:무슨|어느)\s*(?:구|동|동네|건물)|위치|주소")
# a site asked for, not an address one will have ("서울 주소 되면요?")
SITE_ASKED = re.compile(r"어디|위치|가까|근처|찾아가")
# "거기 무슨 동이에요", "어느 구에 있어요": the area asked (무슨 asks no description here)
WHICH_AREA = re.compile(r"(?:무슨|어느)\s*(?:구|동네|동|건물)(?:이|에|인|쪽|요|[?？\s]|$)")
# "상담받을 수 있는 데가 있어요?", "하는 곳 있나요": a place sought among several
SOUGHT_PLACE = re.compile(r"(?:데|곳|센터)(?:가|는|이|도)?\s*(?:있|없|어디)")
# "대여비 얼마에요?", "이용료는 얼마고": the price asked besides a charge the report does not name
PRICE_ASKED_TOO = re.compile(r"(?:대여비|이용료|비용|가격|요금)\S*\s*(?:\S+\s*)?(?:얼마|있|무료|공짜)|얼마(?:에요|예요|야|임|인가요)")
# "선정 절차가 어떻게 되나요", "어떻게 뽑아요": how the applicants are chosen, not how to apply
SELECTION_ASKED = re.compile(
    r"선정\s*(?:절차|과정|방법|기준)|심사\s*(?:절차|과정|기준)|어떻게\s*뽑|뽑는\s*(?:방법|절차|기준)"
    r"|(?:선정|뽑|심사)\S{0,3}\s*(?:때|시)?\s*(?:뭘|뭐|무엇을|무슨|어떤)\s*기준"  # "선정할때 뭘 기준으로 봐요"
)
# "하루에 몇시간 근무해요?", "주 몇 시간 일해요": a number of hours of work asked
HOURS_OF_WORK_ASKED = re.compile(r"몇\s*시간\s*(?:씩\s*)?(?:일|근무|근로)")
# "몇 군데 있어요?", "몇 곳이에요": how many places, which a programme's list of places answers when no figure does
PLACES_COUNTED = re.compile(
    r"(?:몇\s*(?:군데|곳|개소)|(?:교육원|쉼터|센터|지점|거기)\S{0,3}\s*몇\s*개)"  # (not "학과 몇개에요")
    r"\s*(?:나|가|이나)?\s*(?:있|이에|예요|에요|인가|야|임|\?|$)"
)
PLACE_UNITS = ("개", "개소", "곳")


def sites_counted(programme: ProgrammeInfo, text: str) -> bool:
    """Whether the message asks how many sites a programme has, which its list of sites answers (no figure counts them)."""
    return bool(PLACES_COUNTED.search(text)) and len(programme.places) >= 2 and not any(
        f.unit in PLACE_UNITS for f in programme.figures
    )
def district_counted_in(tracker: Tracker, text: str) -> Optional[str]:
    """The district a number is asked within ("마포구에 … 몇 개"), not the one someone lives in ("마포구에 사는데")."""
    for district in latest_entity_values(tracker, "district"):
        short = re.escape(district[:-1] if len(district) > 2 else district)
        if re.search(short + r"(?:구)?\s*(?:에|에서|에는|엔|안에|내에|쪽에|쪽엔|에만)(?![가-힣])(?!\s*(?:살|사는|사세|거주))", text):
            return district
        if re.search(short + r"(?:구)?\s*(?:참여자|이용자|사람|인원|주민|청년)(?:들)?\s*(?:만|따로|수)", text):
            return district  # "저희 성북구 참여자만 따로 몇명인지도": a count within it
    return None


def rare_words_of(kb: KnowledgeBase, text: str, programme: ProgrammeInfo, min_idf: float = 0.0) -> List[str]:
    """The question's rare words (bigrams) that the programme's facts share, its own names left out (인건비 of
    사회적경제기업 육성, 미세먼지 of 공공근로사업's 미세먼지 행동요령); with ``min_idf`` only the rarer ones."""
    index = kb.fact_index()
    names = " ".join([programme.name, *programme.aliases])
    return [
        b for b in index.distinctive_words_shared(text, programme.slug) if b not in names and index.idf(b) >= min_idf
    ]


def services_named(programme: ProgrammeInfo, text: str, own_words: bool = False) -> List[str]:
    """The programme's services that the message names by a word other than the programme's own ("사진", "헤메"), or
    with ``own_words`` by any word ("컨설팅" of 마을노무사's 노무컨설팅)."""
    own = "" if own_words else " ".join([programme.name, *programme.aliases, programme.cost or ""])
    words = [
        w for w in nouns(" ".join(question_words(text))) if len(w) >= 2 and w not in ASKING_NOUNS and (not own or w not in own)
    ]
    return [service for service in programme.services if any(word in service for word in words)]


# "오픈은?", "여는 시간은?": the other end of the hours just given
OPENING_TIME = re.compile(r"^\W*(?:그럼\s*|아\s*)?(?:오픈|여는\s*(?:건|거|시간)|문\s*여는\s*(?:건|거|시간)|시작\s*시간|몇\s*시\s*부터)\S{0,3}\W*$")

# last questions whose answer may have been a detail (the NLU's intent for "위탁 누가 맡고있어?" was eligibility)
_DETAIL_LIKE = ("ask_programme_info", "ask_eligibility")

# a question about the age limit, whatever else the message says
AGE_QUESTION = re.compile(r"나이|몇\s*살|연령|연세")

# the questions a message may name outright while the NLU heard only "about this programme"
_SPECIFIC_QUESTIONS = ("ask_open_now", "ask_location", "ask_contact")  # hours words may ask pay ("공휴일에 쉬어도")
# words that ask what a programme is ("뭐 하는 곳이에요?"), whatever else is named
INFO_WORDS = re.compile(r"뭐|뭔|무엇|무슨|어떤|설명|소개|하는\s*(?:곳|데|거)")

# "스무 살 딸이 … 기술교육원은 어떤 곳인지 설명 좀 부탁드려요": what it is, though facts about someone were told
INFO_REQUEST = re.compile(
    r"어떤\s*곳|설명|소개|뭐\s*하는|무엇을\s*하|뭐예요|뭔가요|뭐에요|어떤\s*(?:제도|사업|프로그램|센터|거|건지)|무슨\s*일"
    r"|어떤\s*일(?:을)?\s*하"  # "공공근로라는 게 대체 어떤 일을 하는 건가요" (from someone who lost a job)
    r"|(?:뭘|뭐|무엇을|무얼)\s*(?:가르치|배우|해\s*주|해주)"  # "기술교육원이란데서 뭘 가르치는겨" (a grandson's story told)
)
# "저녁에 듣는 수업도 있나요?": whether something else exists too (not "지금 문 열려있어?")
ALSO_EXISTS = re.compile(r"(?:[가-힣]도|(?:반|과정|수업|강의|프로그램)(?:은|는|이)?)\s*있(?:어요|나요|어|음|나|을까요|습니까|는지)")
# "밤에 수업 들을수있나", "저녁 강의도 해요?": a course at a time of day, which the report's 야간 과정 answers (not hours)
# ("낮엔 일해서 밤에만 시간되는데": only that time of day is free, so a course then is what is asked)
COURSE_AT_A_TIME = re.compile(
    r"(?:밤|저녁|야간|주말|새벽)(?:에|에도|엔|에는)?\s*(?:\S+\s*)?(?:수업|강의|과정|교육)"
    r"|(?:밤|저녁|야간|주말)(?:에|엔)?만\s*(?:시간\s*(?:이\s*)?)?(?:되|돼|가능|괜찮|있)"
)
# a short question about a feature ("당일 대여 되나"), not facts about oneself ("저 민간회사 다니는데 …")
FEATURE_LENGTH = 15
# "자격증도 나오는 거예요?", "통역도 해 줘요?": whether it also gives or does something
# "옴부즈만 소관부서 어디", "담당 부서가 어디에요", "어느 과에서 해요": the city's division in charge
DEPARTMENT_ASKED = re.compile(r"(?:소관|담당|주관|주무|맡은|맡는)\s*(?:부서|과(?![가-힣])|팀)|어느\s*(?:부서|과(?![가-힣]))|무슨\s*부서|소관(?:이|은|인가|이에요|예요)")
MOVE_DESTINATION_ASKED = re.compile(r"어디로\s*(?:옮기|옮겨|옮긴|옮길|이전|이사)|(?:옮기|옮겨\s*가|이전하)\S*\s*(?:곳|데|장소|위치)\s*(?:은|는|이|가)?\s*어디")
FEATURE_YES_NO = re.compile(r"[가-힣]도\s*(?:\S+\s*){0,2}?(?:나오|나와|돼요|되나|되요|있어요|있나|해\s*주|해줘|줘요|주나|받을\s*수)")
# "노무사가 가게로 직접 와요?", "집으로 찾아와 주나요?": whether someone comes over, a feature the report may not describe
COMES_OVER = re.compile(r"(?:직접|찾아|방문)\s*(?:와요|오나요|와\s*주|와줘|오는|와서|와\s*줘|와요\?)|(?:으로|로)\s*(?:직접\s*)?와요")
ABOUT_ONESELF = re.compile(r"다니|일하|근무|살아|살고|사는|하는데|인데")
# "어떤 교육을 하나요?", "무슨 도움을 주나요?": what a programme does, asked of it by name
WHAT_IT_DOES = re.compile(
    r"(?:어떤|무슨|뭔|무엇)\s*(?:교육|일|활동|서비스|지원|도움|프로그램|내용|사업)(?:을|를|이|가|들을)?\s*(?:하|해|받|주|제공)"
    r"|(?:뭐|뭘|무슨|어떤)\s*(?:지원|혜택)(?:이|을|가)?\s*(?:돼|되|받|해|줘|주|있)"  # "최종 선정되면 회사에 뭐 지원돼요?"
)
# a total ("전부 얼마", "한 해에", "규모"): a figure of the programme, not the citizen's cost
TOTAL_WORDS = re.compile(r"전부|총|모두\s*얼마|한\s*해|1년에|일\s*년에|연간|규모|예산")

# a year after the report's, or "내년", said outright ("2024년 뉴딜일자리 모집 일정 나왔어?")
LATER_YEAR = re.compile(r"20(?:19|[2-9]\d)\s*년|내년|후년")
# "공휴일에 쉬면 그날 돈 안 나와요?": pay on a holiday, not the hours
HOLIDAY_PAY = re.compile(r"돈|급여|월급|임금|유급|무급|수당|일당|페이")

# "무슨 구에 있어요?": the district, which the report may not give
DISTRICT_ASKED = re.compile(r"(?:무슨|어느|몇)\s*구")

# a contact asked for along with something else: the report never gives one
ASKS_CONTACT_TOO = re.compile(r"전화\s*번호|연락처|전번|홈페이지|홈피|사이트|이메일|링크")

# questions whose answer is a field of the programme asked about ("신청은 어떻게 해요?"): never another programme's
_FIELD_QUESTIONS = ("ask_how_to_apply", "ask_hours", "ask_open_now", "ask_location", "ask_contact")

# what a fact about applying says
APPLY_FACT = re.compile(r"신청|접수|모집|공모|공고|선정(?!\))|등록|예약|방문|문의")  # (not "운영업체(’18.2월 선정)")

# a place not open yet ("’19년 3월 개관 예정"): "지금 가볼 수 있어요?" is answered by when it opens
OPENING_LATER = re.compile(r"(?:개관|개소|발족|오픈|조성)\s*예정")


# weekday groups as the citizen says them → weekday numbers
_DAY_GROUPS = {"weekdays": [0, 1, 2, 3, 4], "weekend": [5, 6]}
# programmes offered as buttons when nobody named one
POPULAR = ("youth_job_centre", "interview_suit_rental", "newdeal_jobs", "public_works", "labour_rights_centre", "rest_area")


def _time(value: Any) -> str:
    return f"{value:%H:%M}"


def _days_label(days: List[int]) -> str:
    if days == list(range(7)):
        return "매일"
    if days == list(range(5)):
        return "평일(월~금)"
    return ", ".join(WEEKDAY_KO[d] for d in days)


def wages_said_of_others(kb: KnowledgeBase, programme: ProgrammeInfo, text: str) -> List[FigureInfo]:
    """The wages of other programmes whose amount the message says ("9220원", "9,220원")."""
    amounts = {int(m.replace(",", "")) for m in re.findall(r"(\d[\d,]{2,})\s*원", text)}
    return [
        f for other in kb.all_programmes(citizen_facing_only=True) if other.slug != programme.slug for f in other.figures
        if f.unit.strip() == "원" and WAGE_WORDS.search(f.label) and f.value in amounts
    ]


def unknown_location_line(replies: Replies, place: PlaceInfo) -> str:
    """A site whose address the report lacks, with whom it is for ("상암쉼터: … (주 이용: 미디어 노동자)")."""
    if place.serves:
        return replies.text("utter_location_line_unknown_serves", place=place.name, serves=place.serves)
    return replies.text("utter_location_line_unknown", place=place.name)


def hours_lines(replies: Replies, place: PlaceInfo) -> List[str]:
    """One line per run of weekdays with the same hours ("평일(월~금) 09:00~21:00")."""
    groups: List[tuple] = []
    for hours in place.hours:
        key = (hours.closed, hours.opens, hours.closes)
        if groups and groups[-1][0] == key and groups[-1][1][-1] == hours.weekday - 1:
            groups[-1][1].append(hours.weekday)
        else:
            groups.append((key, [hours.weekday], hours))
    lines = []
    for _, days, hours in groups:
        lines.append(_hours_line(replies, place.name, _days_label(days), hours))
    if place.serves and lines:
        # "서초쉼터 퀵기사 쉼터 맞죠? 아침 8시반에 여는": whom the site is for, with its hours (서초: 대리기사)
        lines[-1] += replies.text("utter_hours_serves", serves=place.serves)
    return lines


def _range(replies: Replies, hours: HoursInfo) -> str:
    if hours.closed:
        return replies.text("utter_hours_range_closed")
    key = "utter_hours_range_overnight" if hours.overnight else "utter_hours_range"
    return replies.text(key, opens=_time(hours.opens), closes=_time(hours.closes))


def _hours_line(replies: Replies, place: str, days: str, hours: HoursInfo) -> str:
    return replies.text("utter_hours_line", place=place, days=days, range=_range(replies, hours))


def _hours_summary(replies: Replies, place: PlaceInfo) -> str:
    """The site's hours on one line, without its name (the comparison's line names it)."""
    return " / ".join(line.lstrip("- ").removeprefix(f"{place.name}: ") for line in hours_lines(replies, place))


# "지금도 그대로예요?", "아직 그 금액이에요?": whether a figure still holds
STILL_THE_SAME = re.compile(r"그대로|아직|여전히|지금도|바뀌|변했|변동")
# a number of people or things asked ("지금 일하고 있는 사람은?", "몇 군데"), not a date, a rate or "가면 들어갈 수 있나"
COUNTS_ASKED = re.compile(
    r"몇\s*(?:명|분|사람|개|곳|군데|개소|건)|인원|명이나|몇이나|(?:일하고|참여하고|근무하고)\s*있는\s*(?:사람|분|인원)"
)


def counts_asked(text: str) -> bool:
    return bool(COUNTS_ASKED.search(text))


# two things asked of together ("최저임금이랑 생활임금 각각", "둘 다")
EACH_OF_TWO = re.compile(r"각각|둘\s*다|(?:이랑|랑|하고|와|과)\s")
# an amount asked ("금액은요", "얼마예요"), and the clock ("몇 시", "열어요")
AMOUNT_ASKED = re.compile(r"금액|얼마|액수|시급|단가")
CLOCK_ASKED = re.compile(r"몇\s*시|시간|열어|열려|여는|닫")
# "실업급여 받으면서 … 같이": two things together
# "둘 다 동시에 하는 건 되나", "뉴딜 하면서 기술교육원 다닐 수 있어요?": two programmes at once (not "돈 받으면서 일하는 건")
BOTH_AT_ONCE = re.compile(
    r"동시에|병행|중복|(?:같이|함께)\s*(?:할|해도|하는|받을|받아도|다닐|다녀도)|하면서\s*(?:\S+\s*){0,2}?(?:다닐|할|받을|신청할)\s*수"
)
TOGETHER = re.compile(r"받으면서|하면서|같이\s*(?:할|받|해|돼|되)|함께\s*(?:할|받|해)|동시에|중복")
# "급식비은얼마" (typed without spaces, 밥값 in the report's words): a priced thing at the start of a word
PRICED_THING = re.compile(r"[가-힣]+?(?:비|료|금)(?=[은는이가을를도]|\s|$)")
# "국제포럼이랑 사회적경제 주간 행사", "A하고 B", "A, B": two named together
NAMED_TOGETHER = re.compile(r"[가-힣](?:이랑|랑|하고|및|,)\s*[가-힣]")
# words of a time of day or of opening ("마감은?", "합정은 밤새 하지?"): an hours question however short
TIME_OF_DAY_WORDS = re.compile(r"마감|밤|새벽|아침|저녁|낮|늦|일찍|오픈|열|닫|운영|영업|까지|부터|24")
# below this, an hours question without a word of time may be about something else
UNSURE_HOURS = 0.3
UNSURE_COST = 0.6  # (a cost question without a word of price, heard no surer than this, may be a feature asked)
# "여기서 뭐 물어볼 수 있어요?", "무슨 질문 할 수 있어요": what the assistant can do
CAPABILITIES_ASKED = re.compile(r"(?:뭐|뭘|무엇을|무슨\s*(?:거|것|질문))\s*(?:물어볼|물어봐도|질문할|질문해도|여쭤볼)\s*(?:수|되)")
# "직접 신청", "사장님이 해야", "회사에서 신청": who files the application (not "제가 신청할 수 있어요?", whether one may)
WHO_APPLIES = re.compile(r"(?:직접|사장님?이|회사(?:가|에서)|대표(?:가|님이))\s*(?:\S+\s*)?(?:신청|접수|해야|하는\s*(?:거|건))")
# "근무조건 어때요?", "처우는 괜찮아요?": the terms of work (pay, length, holidays), not who may join
WORKING_TERMS = re.compile(r"근무\s*조건|(?<!공공)근로\s*조건|처우|일하는\s*조건")
# "몇개월까지 일할수있어요?", "얼마 동안 해요": a duration
DURATION_ASKED = re.compile(
    r"몇\s*(?:개월|달|년|주)\s*(?:까지|동안|이나|정도|씩|짜리)|얼마\s*동안|(?:기간|기한)\S*\s*(?:얼마|몇)"
)
# "몇 건이나", "몇 명": a count, whatever price word the question also has (무료 상담 몇 건)
COUNT_ASKED = re.compile(  # (and a ratio; "무료상담 건수", "이용한 사람 얼마나 돼요": a count named by its noun)
    r"몇\s*(?:건|명|번|곳|군데|개)|(?:건|명)이나|경쟁률|몇\s*대\s*(?:몇|일|1)|건수|횟수|이용자\s*수"
    r"|(?<!한\s)(?<!한)(?:사람|인원|분)(?:이|은|는|들)?\s*(?:얼마|몇\s*(?:명|분))"
)
# "면접도 봐요?", "서류 심사 있어요?": the selection of the programme in context, never another programme's 면접 정장
OWN_PROCESS = re.compile(r"면접\s*(?:도|은|을|이)?\s*(?:봐|보|봄|봤|있|해)|서류\s*(?:심사|전형)|필기|시험|추첨|합격|선발\s*(?:방법|기준|절차)")
# what asks the hours even with 운영 in it ("운영시간", "몇 시까지 운영")
# "누나는요?", "그럼 우리 엄마는?": a person named alone, the question before asked for them
PERSON_ONLY = re.compile(
    r"^\s*(?:그럼\s*|그러면\s*)?(?:우리\s*|저희\s*|울\s*)?(?:형|누나|언니|오빠|동생|엄마|아빠|남편|아내|와이프|아들|딸|친구|조카"
    r"|어머니|아버지|할머니|할아버지|손주|손자|손녀)(?:님)?(?:은|는|이는)?\s*요?\s*[?？!.~]*\s*$"
)
# "취업률 몇프로에요?", "몇 퍼센트": a rate asked
RATE_ASKED = re.compile(r"몇\s*(?:프로|퍼)|률(?:은|이|도)?\s*(?:몇|얼마|어떻게|어때|높|낮|돼|되)|%")
# "몇시까지", "언제 열어요": a time of day asked (not "평일 야간 하시는 분" telling when someone works)
WHEN_OPEN_ASKED = re.compile(r"몇\s*시|시\s*까지|시\s*부터|언제|열어|여나|여는|문\s*(?:을\s*)?(?:열|닫)|닫아|닫나")
HOURS_ASKED = re.compile(r"시간|몇\s*시|시까지|시부터|요일|주말|평일|토요|일요|언제")
# a situation this close behind an unsure question about the programme in context is what is asked
RIVAL_SITUATION = 0.75
# below this, a situation behind an unsure question is noise ("신분증 말고 재학증명서 같은것도 내야돼요?": job training 0.11)
RIVAL_SITUATION_MIN = 0.15
# "직접 찾아가야 돼요?": whether one must go in person, which a fact may answer (전화·방문 상담)
IN_PERSON = re.compile(
    r"^(?!.*(?:어디|신청|접수)).*(?:직접\s*(?:찾아가야|가야|방문해야)|찾아가야\s*(?:돼|되|하|만)|방문해야\s*(?:돼|되|하))"
)


def offered_also(text: str, programme: ProgrammeInfo) -> List[str]:
    """The things the message asks "X도 …?" of that the programme's summary or services name ("인건비도
    지원받을수 있어요?" of 사회적경제기업 육성): it asks whether they are offered, not who may use it."""
    offered = " ".join((programme.summary, *programme.services))
    return [word for word in nouns(text) if len(word) >= 2 and f"{word}도" in text and word in offered]


# a fact about every district ("자치구별 1명에서 2명으로 확대")
PER_DISTRICT = re.compile(r"자치구별|구별\s*\d|구마다|각\s*자치구|25개\s*자치구")
# "일년에 몇 번 열어요?": how often something is held
HOW_OFTEN = re.compile(r"몇\s*(?:번|회|차례)|(?:일년|1년|한\s*해)에\s*몇")
# "점심시간에 문 닫아요?", "중간에 쉬는 시간": a break within the opening hours
BREAK_ASKED = re.compile(r"점심\s*시간|브레이크|중간에\s*(?:\S+\s*){0,3}?(?:닫|쉬)")
# a fact saying something is free ("무료 노무상담")
FREE_FACT = re.compile(r"무료")
# "그 건물 주소는?": the building a programme is housed in
BUILDING = re.compile(r"건물|빌딩")
# "언제 열어요", "언제 닫아요" (every day): the hours, unlike "언제 열었어요", "언제 생겨요" (a date)
OPENS_DAILY = re.compile(
    r"언제\s*(?:문\s*)?(?:열어요|열어\s*[?？]|여나요|여나|엽니까|열죠|닫아|닫나요|닫아요|닫죠)"
    r"|(?<![가-힣])오픈(?:\s*(?:시간|몇\s*시))?\s*[?？]*$"  # "상암쉼터 오픈": when it opens each day
    r"|(?:닫는|여는)\s*(?:건|거|게|시간)\s*(?:은|는)?\s*언제"  # "그럼 닫는건 언제"
)
# "언제부터 운영한 거예요?", "개관연도": when it began
SINCE_WHEN = re.compile(r"언제부터|개관\s*(?:연도|일|년도|날짜)|개소\s*(?:연도|일)|언제\s*(?:생겼|개관했|개소했|문\s*열었|처음)|설립\s*(?:연도|년도|일)")
# "군포에도 서울시 기술교육원이 있다는 말을 들었습니다": whether a site is in a place
EXISTS_THERE = re.compile(r"[가-힣](?:에도|에)\s+(?P<subject>(?:\S+\s+){0,3}?\S+)(?:이|가)\s*있다(?:는|고|던|면서|죠)")
# "…건물로 옮겨 간다는", "거기 들어간다던데": a programme moving into a building
MOVING_IN = re.compile(r"옮겨|옮긴|옮기|이전(?:한|해|하|된|될)|입주|이사\s*(?:간|온|가|오|한)|들어간다|들어온다|들어선다|들어간대|들어온대|들어간다던")
# a fact that houses one programme in another's building ("…노동복합시설(…)의 5층 용도(안)가 서울노동권익센터예요")
_HOUSED = re.compile(r"\d+\s*층")


# "그 노무사", "그 보호관이라는 사람들": a word of the programme's name after 그 points back to it
_THAT_ONE = re.compile(r"(?<![가-힣])그\s+([가-힣]{2,})")
_TRAILING_PARTICLE = re.compile(r"(?:이라는|라는|이란|란|들|은|는|이|가|을|를|도|의|에|한테)+$")


def points_back(text: str, programme: Optional[ProgrammeInfo]) -> bool:
    """Whether the message points back to what is discussed: 거기/그거, or 그 + a word of the programme's name
    ("그 노무사 상담 받으면 돈은 드는 건가요?" of 마을노무사, never the 노무상담 of another programme)."""
    if POINTS_BACK.search(text):
        return True
    if programme is None:
        return False
    names = [programme.name, *programme.aliases]
    for match in _THAT_ONE.finditer(text):
        word = _TRAILING_PARTICLE.sub("", match.group(1))
        if len(word) >= 2 and any(word in name for name in names):
            return True
    return False


def housed_fact(kb: KnowledgeBase, programme: ProgrammeInfo, other: ProgrammeInfo) -> Optional[Fact]:
    """The fact that puts ``programme`` inside ``other``'s building: one naming it with a floor (서울노동권익센터 is
    the planned 5th floor of 전태일 노동복합시설); naming it alone is not enough (생활임금 names 뉴딜일자리's pay)."""
    return next(
        (
            fact for fact in programme_facts(programme)
            if _HOUSED.search(fact.text) and other.slug in [p.slug for p in kb.programmes_in_text(fact.text)]
        ),
        None,
    )


def building_of(kb: KnowledgeBase, programme: ProgrammeInfo) -> Optional[ProgrammeInfo]:
    """The programme whose building the report puts ``programme`` in (서울노동권익센터 → 전태일 기념관), or None."""
    if any(place.address for place in programme.places):
        return None  # (it has an address of its own: 전태일 기념관 names the centre on its 5th floor, not the reverse)
    for fact in programme_facts(programme):
        if _HOUSED.search(fact.text):
            others = [p for p in kb.programmes_in_text(fact.text) if p.slug != programme.slug and p.places]
            if others:
                return others[0]
    return None


def housing_programme(tracker: Tracker, kb: KnowledgeBase, programme: Optional[ProgrammeInfo]) -> Optional[ProgrammeInfo]:
    """The programme discussed before ``programme`` when the report puts ``programme`` inside its building: a
    follow-up the housed one cannot answer may be about the building."""
    before = previous_programme(tracker, kb) if programme is not None else None
    return before if before is not None and housed_fact(kb, programme, before) is not None else None


# what a line of the bureau's jobs targets does not say of the jobs it lists, by the question asked of one of them
_NOT_IN_A_JOBS_LINE = {
    "ask_how_to_apply": "신청 방법", "ask_eligibility": "참여 조건", "ask_location": "근무 장소", "ask_hours": "근무 시간",
    "ask_contact": "연락처", "ask_cost": "임금",
}


class ActionAnswerProgrammeQuestion(AnswersQuestionsApart):
    """Answers the question of this turn, or the last one again for a corrected programme."""

    answered_intents = QUESTION_INTENTS

    hands_on_place_follow_ups = False  # (it asks the question again itself: question_again_for_place)

    def name(self) -> Text:
        return "action_answer_programme_question"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        events = self._answer(dispatcher, tracker, replies, kb)
        programme_now = next((e["value"] for e in reversed(events) if e.get("name") == "programme"), None)
        programme = kb.programme(programme_now) if programme_now else None
        if programme is not None and not any(e.get("name") == "place" for e in events):
            # "서초쉼터는 주로 누가 써요?", "아니 미디어노동자 쉼터 말한거였어요": whatever was answered, the site named
            # (or serving the workers named) is the one the next "거긴 언제 생겼어요?" asks about
            named = mentioned_places(tracker, kb, programme, previous=False)
            if len(named) == 1:
                events.append(SlotSet("place", named[0].name))
        return events

    def _answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        place_again = self.question_again_for_place(dispatcher, tracker, replies, kb)
        if place_again is not None:  # "아 잘못침 북창" after the hours of 서초쉼터: its hours
            return place_again
        if told_to_be_employer(tracker) and not states_profile_facts(tracker) and not (tracker.latest_message.get("text") or "").startswith("/"):
            hiring = utter_for_employers_hiring(dispatcher, tracker, replies, kb)
            if hiring is not None:  # "청년 한명 더 뽑고 싶은데 그쪽으론 뭐 있어요" after "인쇄소 사장이에요": help to hire
                return hiring
        pointed = context.place_pointed_back(tracker, kb)
        if pointed is not None:
            # "아까 거기 닫는 건 몇 시예요?" after 합정쉼터, then 뉴딜일자리: the question, about that site
            said = tracker.latest_message.get("text") or ""
            nlu_intent = (tracker.latest_message.get("intent") or {}).get("name")
            asked = question_named(said) or (
                "ask_open_now" if latest_entity_values(tracker, "time")  # ("밤 9시쯤 가도 돼요?": open then?)
                else nlu_intent if nlu_intent in QUESTION_INTENTS else "ask_programme_info"
            )
            tracker = tracker.copy()
            tracker.latest_message = {**tracker.latest_message, "text": f"{said} {pointed.name}"}
            events = self.respond(dispatcher, tracker, replies, kb, asked, asked, kb.programme(pointed.programme_slug))
            return events + [SlotSet("place", pointed.name), FollowupAction("action_listen")]
        again = verdict_asked_again(tracker, kb, replies)
        if again is not None:  # "그럼 정장 빌리는 건 이제 안 되는 거?" after what fits: the verdict for that person
            return self.judge(dispatcher, tracker, replies, kb, again)
        corrected = context.corrected_question(tracker)
        said_now = tracker.latest_message.get("text") or ""
        if corrected is not None and asks_for_a_date(said_now) and not asks_for_a_date(corrected):
            corrected = None  # "아 서초 말고 북창쉼터요 거기 이사했다던데 언제 옮겼어요?": a question of its own (when)
        if corrected is not None:
            # "앗 하반기 물어본거에요": the previous question again, with the word corrected
            tracker = tracker.copy()
            tracker.latest_message = {  # (the day or hour said in the correction stays: "아 잘못 물어봤다 일요일이요")
                **tracker.latest_message, "text": corrected,
                "entities": [e for e in tracker.latest_message.get("entities", []) if e.get("entity") in ("weekday", "time")],
                "intent": {"name": tracker.get_slot("last_question") or "ask_programme_info", "confidence": 1.0},
            }
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text") or ""
        judged_before = current_programme(tracker, kb)
        if (
            judged_before is not None and judged_before.checkable_rules and intent in ("ask_hours", "ask_open_now")
            and tracker.get_slot("last_question") == "ask_eligibility" and states_facts_it_judges(tracker, judged_before)
            and not CLOCK_ASKED.search(text) and not HOURS_ASKED.search(text) and mentioned_programme(tracker, kb) is None
        ):  # "아 아니다 저 주소 옮겼어요 지금 은평구로 전입신고 돼있어요" after a no (지금 heard as "open now?"): judged again
            return self.judge(dispatcher, tracker, replies, kb, judged_before)
        if PERSONAL_RECORD.search(text) and intent != "request_human":
            # "이번 하반기 공공근로 참여자로 제가 뽑혔는지 확인하고 싶은데요": no record of anyone's application here
            dispatcher.utter_message(text=replies.text("utter_personal_record_unknown"))
            return []
        if CAPABILITIES_ASKED.search(text) and mentioned_programme(tracker, kb) is None:
            # "여기서 뭐 물어볼 수 있어요? 신청방법 같은것도 돼요?" (how to apply at 0.53): what the assistant can do
            return [FollowupAction("action_answer_capabilities")]
        meaning = meaning_answer(replies, current_programme(tracker, kb), text)
        if meaning is not None:  # "생활임금이란 게 무슨 뜻이에요?": the report's words for it, and where to ask
            return say_detail(dispatcher, meaning)
        named = mentioned_programme(tracker, kb)
        named_both = kb.programmes_in_text(text) if named is not None and BUILDING.search(text) else []
        housed, building = next(
            ((p, b) for p in named_both for b in [building_of(kb, p)] if b is not None and b.slug in [q.slug for q in named_both]),
            (None, None),
        )
        if housed is not None:
            # "노동권익센터 찾아가보려는데 전태일 기념관 건물로 들어간다고 들었거든요 그 건물이 어디에요?": the building's
            # question, of the one that houses the other; the one going in stays discussed ("거기 몇층에 들어가요")
            events = self.respond(dispatcher, tracker, replies, kb, intent, question_named(text) or intent, building)
            return [e for e in events if e.get("name") != "programme"] + [SlotSet("programme", housed.slug)]
        obliged = OBLIGATION_ASKED.search(text)
        subject = named or current_programme(tracker, kb)
        counted = names_only_counted(subject, text) if subject is not None and not text.startswith("/") else None
        if counted is not None:
            # "북부기술교육원 무슨 학과 있는지 목록 좀 보여줘요": the report counts them (154개 학과) but lists none
            dispatcher.utter_message(text=replies.text("utter_feature_unknown", name=subject.name, words=f"{counted} 목록"))
            found = detail_answer(replies, kb, subject, f"{counted} 몇 개", say_unknown=False)
            if found is not None and found[1].slug == subject.slug:
                dispatcher.utter_message(text=found[0])
            return [SlotSet("programme", subject.slug), FollowupAction("action_listen")]
        if obliged is not None and subject is not None and not kb.find_facts(obliged.group(), subject.slug):
            # "그거 우리 알바한테도 꼭 줘야하는 법적 의무임?" of 생활임금: the report does not say; where to ask
            dispatcher.utter_message(text=replies.text("utter_feature_unknown", name=subject.name, words=obliged.group()))
            return [SlotSet("programme", subject.slug), FollowupAction("action_listen")]
        together = kb.programmes_in_text(text) if BOTH_AT_ONCE.search(text) and not NOT_COVERED.search(text) else []
        if len(together) >= 2 and ASKS_SOMETHING.search(text) and not states_profile_facts(tracker):
            # "공공근로랑 기술교육원 둘 다 동시에 하는 건 되나": whether the two go together, which the report does not say
            dispatcher.utter_message(text=replies.text("utter_together_unknown", names=join(p.name for p in together[:3])))
            return [SlotSet("programme", together[0].slug), FollowupAction("action_listen")]
        offering = None
        if named is None and not states_profile_facts(tracker) and not LIMIT_ASKED.search(text) and (
            intent in ("ask_programme_info", "ask_eligibility", "ask_cost")
            or (intent in QUESTION_INTENTS and (AMONG_LISTED.search(text) or SIDE_CHOSEN.search(text)))
        ):  # ("나이 상한이 몇살까지인데" after 뉴딜일자리's no: its rule, though 기술교육원's 예치금 상한 was offered)
            discussed = current_programme(tracker, kb)
            # ("그중에 지금 일하고 있는 사람은?" after 뉴딜일자리's numbers: of those numbers, when it has the one asked)
            own_figure = discussed is not None and counts_asked(text) and bool(kb.find_facts(text, discussed.slug))
            offering = None if own_figure else context.listed_one_offering(tracker, kb, discussed)
        if offering is not None:  # "모의면접도 해줌?" after a list led by 서울일자리센터: the one of them that does
            return self.respond(dispatcher, tracker, replies, kb, intent, intent, offering)
        open_that_day = self._listed_one_open_on(tracker, kb) if named is None and AMONG_LISTED.search(text) else None
        if open_that_day is not None:  # "그중에 토요일에 직접 찾아갈수 있는데는?" after what fits: the one open then
            return self.respond(dispatcher, tracker, replies, kb, "ask_hours", "ask_hours", open_that_day)
        figure = policy_figure_follow_up(tracker, replies, kb) if named is None else None
        if figure is not None:  # "지금까지 얼마나 채웠어" right after the city's jobs target: what is achieved of it
            dispatcher.utter_message(text=figure)
            return []
        # (not "시랑 구청이 같이 만드는 일자리도 있다던데 그중에 신중년 몫은 몇개에요?": a figure of the one described)
        described = context.count_of_described(tracker, kb, text) if named is None else None
        group_jobs = utter_jobs_for_group(dispatcher, tracker, replies, kb, outright=True) if named is None and described is None else None
        if group_jobs is not None:  # "장애인 일자리도 서울시에서 해주나요?", "여성쪽은 목표가 몇 개에요?": the group's target
            return group_jobs
        found = detail_answer(replies, kb, described, text, say_unknown=False) if described is not None else None
        if found is not None and found[1].slug == described.slug:
            return say_detail(dispatcher, found, self._next_steps(replies, described, "ask_programme_info")) + [
                SlotSet("programme", described.slug)
            ]
        comparison = self.comparison(replies, tracker, kb, named or current_programme(tracker, kb))
        if comparison is not None:  # "북창쉼터랑 서초쉼터 중에 어디가 더 넓어요?": the winner and every value
            dispatcher.utter_message(text=comparison)
            return [FollowupAction("action_listen")]
        both = self._for_each(dispatcher, tracker, replies, kb, intent, named, text)
        if both is not None:  # "국제포럼이랑 사회적경제 주간 행사 둘다 시청에서 해요?": the question, of each
            return both
        compared = kb.programmes_in_text(text) if COMPARED.search(text) else []
        if len(compared) >= 2 and WAGE_WORDS.search(text):
            # "공공근로랑 뉴딜 시급 비교하면 어디가 더 많이 줘요": each one's wage as the report gives it (뉴딜일자리's
            # 9,220원; none for 공공근로, so 120), not their summaries
            lines = [replies.text("utter_compare_intro")]
            for p in compared[:3]:
                wage = next((f for f in p.figures if WAGE_WORDS.search(f.label)), None)
                said = wage.display() if wage is not None else replies.text("utter_wage_of_each_unknown")
                lines.append(replies.text("utter_programme_line", name=p.name, summary=said))
            lines.append(replies.text("utter_cost_of_each_footer", as_of=compared[0].as_of_label))
            dispatcher.utter_message(text="\n".join(lines), buttons=programme_buttons(compared[:3]))
            return [SlotSet("programme", p.slug) for p in compared[:3]] + [SlotSet("last_question", "ask_cost")]
        if len(compared) >= 2:  # "노동옴부즈만이랑 노동권리보호관 차이가 뭐예요?": both, side by side
            lines = [replies.text("utter_compare_intro")]
            profile = profile_from_tracker(tracker) if knows_about_citizen(tracker) else None
            for p in compared[:3]:
                lines.append(replies.text("utter_programme_line", name=p.name, summary=p.summary))
                # "19살이고 서울살아요 … 뉴딜이랑 공공근로 중에 뭐가 나아요?": and which of them the citizen can use
                fit = fit_line(replies, p, profile) if profile is not None else None
                if fit is not None:
                    lines.append(replies.text("utter_compare_fit", fit=fit))
            lines.append(replies.text("utter_compare_footer", as_of=compared[0].as_of_label))
            buttons = programme_buttons(compared[:3])
            dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
            # (each in the order named: "처음에 말한 센터" is the first of them)
            return [SlotSet("programme", p.slug) for p in compared[:3]] + [SlotSet("last_question", "ask_programme_info")]
        rival = self._rival_situation(tracker, kb, named, text)
        if rival is not None:
            # "그럼 다시 일 구하는 건 서울시가 뭐 도와줘요?" (a question about the protector to the NLU, job search close
            # behind): help for that need, which the programme in context is not
            from actions.situations import ActionAnswerSituation

            return ActionAnswerSituation().respond_to(dispatcher, tracker, replies, kb, rival)
        in_form = current_programme(tracker, kb)
        if named is None and in_form is not None and answers_the_form(tracker):
            # "구직등록?? 그런거 안했는데 꼭 해야돼?" (read as how to apply) answers the form: the check goes on
            return self.judge(dispatcher, tracker, replies, kb, in_form, restate=False)
        other_scheme = NOT_COVERED.search(text)
        if other_scheme and named is not None and not kb.programmes_in_text(text.replace(other_scheme.group(), " ")):
            named = None  # "실업급여 신청은 어디서 해?": 실업(자) is no programme of the report
        if other_scheme and named is not None and TOGETHER.search(text):
            # "실업급여 받으면서 공공근로도 같이 할 수 있어요?": how the two go together, which the report does not say
            dispatcher.utter_message(text=replies.text("utter_not_covered", topic=other_scheme.group()))
            return [SlotSet("programme", named.slug)]
        if named is None and other_scheme and intent in QUESTION_INTENTS:
            # "최저임금 올해 얼마예요?": not the programme in context; the report does not cover it
            dispatcher.utter_message(text=replies.text("utter_not_covered", topic=other_scheme.group()))
            return []
        fits = answer_about_fits(dispatcher, tracker, replies, kb) if named is None else None
        if fits is not None:
            return fits  # "그럼 저는 뭘 받을 수 있어요?" after a verdict
        if named is not None and named.rules and knows_about_citizen(tracker) and ASKS_IF_I_QUALIFY.search(text):
            return self.judge(dispatcher, tracker, replies, kb, named)  # "취업날개는 왜 안 나와요?" (a 37-year-old)
        if (
            named is not None and named.checkable_rules and context.states_facts_it_judges(tracker, named)
            and ASKS_IF_I_CAN.search(text) and question_named(text) in (None, "ask_eligibility")
            and not QUESTION_WORD.search(text)  # ("… 28살인데요 뉴딜일자리는 몇개월까지 일할수있어요?" asks how long)
        ):  # "뉴딜일자리도 해볼수 있어요? 지금 만 17살이에요" (the hours to the NLU, for its 지금): its verdict
            return self.judge(dispatcher, tracker, replies, kb, named)
        current = current_programme(tracker, kb)
        set_aside = context.NOT_THIS.split(text)[0] if context.NOT_THIS.search(text) else ""
        if (
            named is None and current is not None and OTHER_ONES.search(text) and set_aside.strip()
            and not kb.programmes_in_text(set_aside) and context.offers_what_is_said(kb, current, set_aside)
        ):  # "정장 말고 또 뭐 해줌" of 취업날개: what else it offers (정장 is one of its services), not other programmes
            return self.respond(dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", current)
        if named is None and current is not None and OTHER_ONES.search(text):
            others = [p for p in kb.all_programmes(citizen_facing_only=True) if p.topic == current.topic and p.slug != current.slug]
            if others:  # "그거 말고 시에서 여는 다른 행사는 뭐가 있어요?"
                lines = [replies.text("utter_other_in_topic")]
                lines += [replies.text("utter_programme_line", name=p.name, summary=p.summary) for p in others[:4]]
                buttons = programme_buttons(others[:4])
                dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
                return [SlotSet("last_question", "ask_programme_info")]
        open_that_day = self._listed_open_on(dispatcher, tracker, replies, kb, intent, named, text)
        if open_that_day is not None:  # "토요일에도 상담받을 수 있는 데가 있어요?" after a list: those open then
            return open_that_day
        question = intent if intent in QUESTION_INTENTS else tracker.get_slot("last_question")
        if intent == "inform" and named is not None and question_named(text) and (
            ASKS_SOMETHING.search(text) or question_named(text) in ("ask_hours", "ask_open_now", "ask_location")
        ):
            # "아 아니 공공근로 말고 뉴딜일자리요 청년꺼 그건 어떻게 신청해요" (a correction to the NLU), "… 62세입니다
            # 서초쉼터 지금 열려있나요" (facts told, to the NLU): what it asks
            question = question_named(text)
        question = question or "ask_programme_info"
        if (
            intent == "inform" and named is not None and named.checkable_rules and states_profile_facts(tracker)
            and (ASKS_IF_I_CAN.search(text) or ASKS_IF_I_QUALIFY.search(text))
        ):  # "어머님 전화: 중2 아들(14세) 기술교육원 보낼수 있냐고. 서울 노원 거주" (facts to the NLU): its verdict
            return self.judge(dispatcher, tracker, replies, kb, named)
        listed = list({p.slug: p for p in programmes_just_listed(tracker, kb)}.values()) if named is None and intent == "ask_cost" else []
        paying = [p for p in listed if any(WAGE_WORDS.search(f.label) for f in p.figures)]
        if len(listed) > 1 and WAGE_WORDS.search(text) and len(paying) == 1 and tracker.get_slot("programme") in (
            None, paying[0].slug, *(p.slug for p in listed if p.slug != paying[0].slug and not p.rules)
        ):  # (not "일당은 얼마고" after "공공근로는 몇살부터예요?" in the same message: 공공근로's pay; but one of the list
            # in context, with no rules of its own, is no such question: "…카페 이런거요" heard as 일자리카페)
            # "시급 얼마 줘요 거기" after a list of what fits: the one of them the report gives a wage for (뉴딜일자리)
            return self.respond(dispatcher, tracker, replies, kb, intent, question, paying[0])
        if (
            len(listed) > 1 and WAGE_WORDS.search(text) and not paying and current is not None
            and any(WAGE_WORDS.search(f.label) for f in current.figures)
        ):  # "시급은 얼마 줘요?" after 뉴딜일자리's no and the centres offered instead (none pays): 뉴딜일자리's pay
            return self.respond(dispatcher, tracker, replies, kb, intent, question, current)
        offering = [p for p in listed if services_named(p, text)]
        if current is not None and services_named(current, text, own_words=True):
            offering = [current]  # ("컨설팅 비용은 따로 내야 해요?" of 마을노무사, whatever else was offered after its no)
        if len(listed) > 1 and len(offering) == 1 and not is_bare_question(text):
            # "헤어메이크업도 공짜로 해준다던데 ㄹㅇ?" after 청년일자리센터 and 취업날개: the price of the one offering it
            return self.respond(dispatcher, tracker, replies, kb, intent, question, offering[0])
        if len(listed) > 1 and (
            is_bare_question(text) or (len(text) <= QUESTION_LENGTH and COST_WORDS.search(text) and not WAGE_WORDS.search(text))
        ) and "예산" not in text:  # ("어르신 일자리에 드는 예산은 얼마나 돼요": the city's budget, no price to pay)
            # "무료죠?", "상담 받는데 돈 들어요? 알바라 여유가 없어서" right after a list of labour advice: what each
            # of them costs, as far as the report says
            return self._cost_of_each(dispatcher, replies, kb, listed)
        named_question = question_named(text)
        if intent == "ask_programme_info" and named_question in _SPECIFIC_QUESTIONS and (
            not INFO_WORDS.search(text) or (named_question == "ask_location" and WHICH_AREA.search(text))
        ):
            # "청년일자리센터 전번좀요", "거기 무슨 동이에요": the programme named, and the one thing asked about it
            intent = question = named_question
        elif (
            intent == "inform" and named_question in ("ask_hours", "ask_open_now") and len(text) <= QUESTION_LENGTH
            and not states_profile_facts(tracker)
        ):
            intent = question = named_question  # "청년일자리센터 토요일": its hours that day (no fact about oneself)
        elif intent == "inform" and named_question == "ask_cost" and len(text) <= FEATURE_LENGTH and not states_profile_facts(tracker):
            intent = question = named_question  # "공공근로 일당": its pay, looked up by keyword
        elif intent == "ask_how_to_apply" and named_question == "ask_location" and not APPLY_WORDS.search(text):
            intent = question = "ask_location"  # "퀵 하는 형님은 어디로 가면 되나요" (a shelter: where, not how to apply)
        elif intent in ("ask_location", "ask_how_to_apply") and IN_PERSON.search(text):
            intent = question = "ask_programme_info"  # "설립 상담은 직접 찾아가야돼요?": how it is given (전화·방문)
        elif intent == "ask_hours" and WHO_RUNS_WORDS.search(text) and not WHO_FOR.search(text) and not HOURS_ASKED.search(text):
            intent = question = "ask_programme_info"  # "운영은 누가 맡아요?": who runs it, a detail (not its hours)
        elif (
            intent in ("ask_location", "ask_hours", "ask_programme_info") or (intent == "ask_cost" and named_question != "ask_cost")
        ) and WHO_FOR.search(text) and not WHO_RUNS_WORDS.search(text):
            intent = question = "ask_eligibility"  # "거기는 누가 주로 가요?", "치유프로그램은 공무원만 받는 거 아니에요?": who it is for
        elif intent in ("ask_eligibility", "ask_location") and PLAN_ASKED.search(text) and not (
            (states_profile_facts(tracker) and not kb.places_in_text(text)) or WHERE_ASKED.search(text)
        ):  # "서울로 옮긴다는 얘기도 있던데 정해진거에요?", "남부는 … 서울로 옮기는 걸로 확정된 거 맞죠?" (a site moving,
            # not the citizen): the plan (검토 중), not who may attend
            intent = question = "ask_programme_info"
        elif intent in ("ask_hours", "ask_open_now") and named_question == "ask_cost" and not HOURS_ASKED.search(text):
            intent = question = "ask_cost"  # "급식비 인상됐다는데 지금 얼마예여": a price now, not whether it is open now
        elif (
            intent in ("ask_cost", "ask_eligibility") and WHAT_IT_IS.search(asking_sentence(text))
            and question_named(asking_sentence(text)) is None and not states_profile_facts(tracker)
        ):  # "취업날개 그거 머야?? 친구가 정장 공짜로 빌렸다던데ㅋㅋ": what it is (공짜 is in the story after it)
            intent = question = "ask_programme_info"
        elif intent == "ask_cost" and named_question is None and asks_for_a_date(text):
            intent = question = "ask_programme_info"  # "날짜는요?" after where the forum is held: its dates, not a price
        elif intent in ("ask_cost", "ask_eligibility", "ask_location", "ask_hours", "ask_open_now") and COUNT_GUESSED.search(text):
            intent = question = "ask_programme_info"  # "올 상반기에 무료상담 한 100건쯤 했으려나": the count, not the price
        elif intent in ("ask_programme_info", "ask_hours", "ask_open_now") and FEE_WORDS.search(text) and not HOURS_ASKED.search(text):
            intent = question = "ask_cost"  # "쉼터 이용료는 있어?", "걔 지금 돈없는데 상담비 나와요?": what it costs
        elif intent in ("ask_programme_info", "ask_eligibility") and PARKING_ASKED.search(text) and current is not None:
            intent = question = "ask_location"  # "거기 차 대놓을데 있나": how to get there (the report gives no directions)
        elif (
            intent in QUESTION_INTENTS and current is not None and sites_counted(current, text)
        ):
            intent = question = "ask_location"  # "기술교육원 서울 안에 몇 군데 있어요?": its sites, listed (남부 in 군포)
        elif (
            intent in QUESTION_INTENTS or (intent == "inform" and not states_profile_facts(tracker))
        ) and LIMIT_ASKED.search(text):
            # "회사가 몇 명 이하여야 돼요?": the rule, not a count of something; "뉴딜 나이 범위 정확하게 몇세부터 몇세"
            # (facts to the NLU, none told)
            intent = question = "ask_eligibility"
        elif intent in QUESTION_INTENTS and current is not None and REQUIREMENT.search(text) and any(
            word in rule.text for rule in current.rules for word in nouns(text) if len(word) >= 2
        ) and question_named(asking_sentence(text)) != "ask_cost":  # (not "…설명해야되는데 시급이 얼마로 나와요?")
            intent = question = "ask_eligibility"  # "공공근로 하려면 구직등록도 해야 되나요?": a rule of it
            if knows_about_citizen(tracker) and current.rules:
                # "취업날개는 졸업해야 되는거 아님?" from a 고3 whose facts were told: the verdict for them
                return self.judge(dispatcher, tracker, replies, kb, current)
        elif (
            intent == "ask_programme_info" or (intent == "ask_eligibility" and not ASKS_IF_I_CAN.search(asking_sentence(text)))
        ) and wage_asked(asking_sentence(text) if intent == "ask_eligibility" else text) and not TOTAL_WORDS.search(text):
            # "공공근로를 하면 하루 일당이 얼마나 나오는지 알고 싶습니다": the pay; so is "내담자(29세, 은평구 거주)한테
            # 뉴딜일자리 근무조건 설명해야되는데 시급이 얼마로 나와요?" (who it is for told, the pay asked)
            intent = question = "ask_cost"
        elif intent == "ask_eligibility" and WHO_APPLIES.search(text):
            intent = question = "ask_how_to_apply"  # "알바생이 직접 신청할수있는거예요 아님 사장님이 해야돼요?": who applies
        elif intent == "ask_eligibility" and WORKING_TERMS.search(text) and not states_profile_facts(tracker):
            intent = question = "ask_programme_info"  # "뉴딜일자리 근무조건 어때요?": its pay and terms, not who may join
        elif intent == "ask_programme_info" and named_question == "ask_eligibility" and RULES_ASKED.search(text):
            intent = question = "ask_eligibility"  # "공공근로는 참여 조건이 어떻게 되는지 자세히 알려주세요"
        elif intent in ("ask_how_to_apply", "ask_cost") and AGE_QUESTION.search(text):
            intent = question = "ask_eligibility"  # "공공근로 신청하고 싶은 사람입니다 나이가 많아도 되는지요"
        if intent == "ask_eligibility" and not states_profile_facts(tracker) and (
            latest_entity_values(tracker, "weekday") or latest_entity_values(tracker, "time")
        ):  # "토욜은요?" after an hours question asks about Saturday's hours, not who may come
            last = tracker.get_slot("last_question")
            intent = question = last if last in ("ask_hours", "ask_open_now") else "ask_hours"
        last_asked = tracker.get_slot("last_question")
        if PERSON_ONLY.match(text) and last_asked in QUESTION_INTENTS and not states_profile_facts(tracker):
            # "누나는요?" (a cost question to the NLU) after where the brother's nearest school is: the same question,
            # for her
            intent = question = last_asked
        if (
            intent in ("ask_hours", "ask_open_now") and tracker.get_slot("last_question") == "ask_eligibility"
            and {"age", "residence"} <= set(profile_facts_told(tracker)) and not WHEN_OPEN_ASKED.search(text)
        ):  # "평일 야간 하시는 분은 만41이신데 그분도 관악 사세요 그분은요?" after a verdict: that person's, not hours
            intent = question = "ask_eligibility"
        programme = current_programme(tracker, kb)
        if (
            intent == "ask_location" and programme is not None and programme.rules and latest_entity_values(tracker, "residence")
            and tracker.get_slot("last_question") == "ask_eligibility" and not SITE_ASKED.search(text)
        ):  # "담달에 영등포로 전입 예정이라는데 서울 주소 되면요?" after a no for living outside: the verdict again
            return self.judge(dispatcher, tracker, replies, kb, programme)
        if (
            programme is not None and latest_entity_values(tracker, "district") and NEARBY_WORDS.search(text)
            and any(place.district for place in programme.places) and question_named(text) in (None, "ask_location")
            # (not "작년에 저희 집 근처 송파구로 이사 오셔서 지금은 서울 사세요" after a no for living outside: the verdict)
            and not (tracker.get_slot("last_question") == "ask_eligibility" and latest_entity_values(tracker, "residence"))
        ):  # "노원구 살아서 가까운 데면 좋겠어요": which of its places is near, not whether they may use it
            intent = question = "ask_location"
        last = tracker.get_slot("last_question")
        if last in (None, *_DETAIL_LIKE) and programme is not None and asks_the_same_about(tracker, kb):
            # "남부기술교육원도 서울 안에 있는거죠?" then "그럼 중부는요": the same detail, of the site named now
            repeated = self._detail_again_for_place(replies, tracker, kb, programme)
            if repeated is not None:
                return say_detail(dispatcher, repeated)
            # "사회적경제 주간 행사 언제 해요?" then "좋은일자리 국제포럼은요?": the same figure or date, of the other one
            previous = previous_question_unnamed(tracker)
            found = detail_answer(replies, kb, programme, previous) if asks_for_a_figure(previous) else None
            if found is not None and found[1].slug == programme.slug:
                return say_detail(dispatcher, found)
        after_fits = said_just_before(tracker, replies.opening("utter_recommend_intro"))
        if (last or after_fits) and asks_the_same_about(tracker, kb):
            # "그럼 공공근로는요?": the last question again, about the programme just named
            programme = current_programme(tracker, kb)
            repeated = self._detail_again_for_place(replies, tracker, kb, programme) if last in _DETAIL_LIKE else None
            if repeated is not None:  # "중부는?" after "북부기술교육원은 위탁 누가 맡고있어?": the same detail
                return say_detail(dispatcher, repeated)
            if programme is not None and (
                last == "ask_eligibility" or (programme.rules and after_fits)
            ):  # "뉴딜일자리는요? 제 친구가 거기서 일한다던데" right after what fits a 42-year-old: why it is not listed
                return self.judge(dispatcher, tracker, replies, kb, programme)
            intent = question = last or "ask_programme_info"
        moving_in = self._moving_into(tracker, kb, named, text)
        building_asked = question_named(text) if moving_in is not None else None
        if building_asked in ("ask_location", "ask_hours", "ask_open_now"):
            # "전태일 기념관 건물로 옮긴다던데 거긴 어디임": where (or when open) the building is, not that it moves
            return self.respond(dispatcher, tracker, replies, kb, building_asked, building_asked, named)
        if moving_in is not None:
            before = kb.programme(moving_in.programme_slug)
            # "전태일 기념관 건물로 옮겨 간다는 말도 있던데 사실인지요?" about 노동권익센터: the fact that puts it there
            return say_detail(dispatcher, (replies.text(
                "utter_fact_answer", facts=f"- {moving_in.text}", **source_values(before)
            ), before))
        if named is not None and named.places and self._said_to_be_there(tracker, text) and not HOURS_ASKED.search(text) and not (
            named.rules and states_profile_facts(tracker) and (ASKS_IF_I_CAN.search(text) or ASKS_IF_I_QUALIFY.search(text))
        ):  # (not "어머니가 만 70이신데 … 다니실 수 있을까요? … 군포에 … 있다고 해서요": whether she may, for her facts)
            # "경기도 군포에도 서울시 기술교육원이 있다는 말을 들었습니다. 맞는지요?": where its sites are
            text = self._location(replies, tracker, kb, named, [])
            dispatcher.utter_message(text=text, buttons=self._next_steps(replies, named, "ask_location"))
            return [SlotSet("programme", named.slug), SlotSet("last_question", "ask_location")] + place_named(named, text)
        programme = current_programme(tracker, kb)
        container = housing_programme(tracker, kb, programme) if named is None else None
        building = building_of(kb, programme) if named is None and programme is not None and BUILDING.search(text) else None
        if building is not None:
            # "그 건물 주소는?" after "전태일 노동복합시설의 5층 용도(안)가 서울노동권익센터예요": the building's programme
            return self.respond(dispatcher, tracker, replies, kb, intent, question, building)
        if container is not None and (
            kb.fact_index().nouns_foreign_to(text, programme.slug) or WHO_RUNS_WORDS.search(text)
        ) and kb.fact_index().distinctive_words_shared(text, container.slug):
            # "전시 보는 데는 몇층이고", "운영은 누가 맡아요?" after "노동권익센터도 거기 들어간다던데": about the building
            # it goes into (전태일 기념관), whose facts have what the centre's lack
            programme = container
        return self.respond(dispatcher, tracker, replies, kb, intent, question, programme)

    @staticmethod
    def _cost_of_each(
        dispatcher: CollectingDispatcher, replies: Replies, kb: KnowledgeBase, listed: List[ProgrammeInfo]
    ) -> List[Dict[Text, Any]]:
        """One line per programme: its cost, else its fact saying it is free (무료 노무상담), else that the report
        does not say."""
        lines = [replies.text("utter_cost_of_each_intro")]
        for programme in listed:
            free = [fact.text for fact in programme_facts(programme) if FREE_FACT.search(fact.text) and fact.kind != "summary"]
            said = programme.cost or (free[0] if free else replies.text("utter_cost_of_each_unknown"))
            lines.append(replies.text("utter_programme_line", name=programme.name, summary=said))
        lines.append(replies.text("utter_cost_of_each_footer", as_of=listed[0].as_of_label))
        buttons = programme_buttons(listed)
        dispatcher.utter_message(text="\n".join(lines), buttons=buttons)
        return [SlotSet("last_question", "ask_cost")]

    @staticmethod
    def _moving_into(tracker: Tracker, kb: KnowledgeBase, named: Optional[ProgrammeInfo], text: str) -> Optional[Fact]:
        """"전태일 기념관 건물로 옮겨 간다는 말도 있던데 사실인지요?": the fact that puts a programme into the building
        named: the one discussed before, else the only one the report houses there; None otherwise."""
        if named is None or not MOVING_IN.search(text):
            return None
        before = previous_programme(tracker, kb)
        own = housed_fact(kb, before, named) if before is not None else None
        if own is not None:
            return own
        housed = [fact for fact in (housed_fact(kb, p, named) for p in kb.all_programmes()) if fact is not None]
        return housed[0] if len(housed) == 1 else None

    @staticmethod
    def _said_to_be_there(tracker: Tracker, text: str) -> bool:
        """Whether the message says the programme named is in a place and asks nothing else ("경기도 군포에도 서울시
        기술교육원이 있다는 말을 들었습니다. 맞는지요?"; not "청년일자리센터에 스터디룸이 있다던데 돈 받아요?")."""
        there = EXISTS_THERE.search(text)
        if there is None or question_named(question_sentence(text)) not in (None, "ask_location"):
            return False
        spans = [e for e in tracker.latest_message.get("entities", []) if e.get("entity") == "programme" and "start" in e]
        start, end = there.span("subject")
        return any(start <= e["start"] and e["end"] <= end for e in spans)

    @staticmethod
    def _listed_one_open_on(tracker: Tracker, kb: KnowledgeBase) -> Optional[ProgrammeInfo]:
        """The one programme of the previous reply (on its buttons or in its text) with a site open on the day the
        message names ("그중에 토요일에 …" → 청년일자리센터, open Saturdays 10:00–18:00); None otherwise."""
        days = [WEEKDAYS.index(str(day)) for day in latest_entity_values(tracker, "weekday") if str(day) in WEEKDAYS]
        if len(days) != 1:
            return None
        said = " ".join(event.get("text") or "" for event in previous_reply(tracker))
        listed = {p.slug: p for p in programmes_just_listed(tracker, kb)}
        listed.update({p.slug: p for p in kb.all_programmes(citizen_facing_only=True) if p.name in said})
        open_then = [
            p for p in listed.values()
            if any(h.weekday == days[0] and not h.closed for place in p.places for h in place.hours)
        ]
        return open_then[0] if len(open_then) == 1 else None

    @staticmethod
    def _rival_situation(tracker: Tracker, kb: KnowledgeBase, named: Optional[ProgrammeInfo], text: str) -> Optional[str]:
        """The situation close behind an unsure question that names nothing and points at nothing, when the
        programme in context is no help for it; None otherwise."""
        ranking = tracker.latest_message.get("intent_ranking") or []
        if named is not None or len(ranking) < 2 or POINTS_BACK.search(text) or text.startswith("/"):
            return None
        top, second = ranking[0], ranking[1]
        name = second.get("name") or ""
        if top.get("name") != "ask_programme_info" or not name.startswith("situation_"):
            return None
        if (second.get("confidence") or 0.0) < max(RIVAL_SITUATION * (top.get("confidence") or 0.0), RIVAL_SITUATION_MIN):
            return None
        current = tracker.get_slot("programme")
        helpers = [p.slug for p in kb.for_situation(name)]
        discussed = kb.programme(current) if current else None
        if discussed is not None and ALSO_THING.search(text) and any(
            len(noun) >= 2 and noun in " ".join([discussed.summary, *discussed.services]) for noun in nouns(text)
        ):  # "교육 같은것도 있어요?" of 협동조합지원센터, whose services name 교육: about it, not the training for jobs
            return None
        return name if helpers and current not in helpers else None

    def question_again_for_place(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> Optional[List[Dict[Text, Any]]]:
        """"합정은??" after the hours of 상암쉼터, "아 잘못 봤다 북부요" after where 중부 is: the previous question
        (hours, place, contact, open now) about it (context.place_asked_again); None when that is not what is asked."""
        last = tracker.get_slot("last_question")
        place = context.place_asked_again(tracker, kb)
        if place is None:
            return None
        programme = kb.programme(place.programme_slug)
        # the previous question, about this place ("서초쉼터 몇시까지" → "몇시까지 합정쉼터"; last, after any "말고")
        before = context.without_place_names(previous_user_text(tracker), programme.places)
        events: List[Dict[Text, Any]] = []
        # (each question, when the message before asked several: "서초쉼터 몇시에 열어요? 하루에 몇명쯤 와요?" → "아
        # 합정쉼터요": each in its own words)
        each = [
            (context.without_place_names(said, programme.places), asked) for said, asked in context.previous_question_texts(tracker)
        ] or [(before, asked) for asked in context.previous_questions(tracker) or [last]]
        for said, asked in each:
            asking = tracker.copy()
            asking.latest_message = {
                **tracker.latest_message, "text": f"{said} {place.name}".strip(), "entities": [],
                "intent": {"name": asked, "confidence": 1.0},
            }
            events += self.respond(dispatcher, asking, replies, kb, asked, asked, programme)
        # (the reply is the whole answer: no other action follows, whatever the NLU made of the message)
        return events + [SlotSet("place", place.name), FollowupAction("action_listen")]

    @staticmethod
    def _detail_again_for_place(
        replies: Replies, tracker: Tracker, kb: KnowledgeBase, programme: Optional[ProgrammeInfo]
    ) -> Optional[tuple]:
        """The previous message's detail question asked again about the place named now, when a fact of that
        place answers it; None otherwise."""
        if programme is None:
            return None
        said_now = context.NOT_THIS.split(tracker.latest_message.get("text") or "")[-1]  # "남부 말고 강동 쪽은?"
        now_named = [place for place in kb.places_in_text(said_now) if place.programme_slug == programme.slug]
        before = previous_user_text(tracker)
        if len(now_named) != 1 or not before:
            return None
        before = context.without_place_names(before, programme.places)  # (the place asked about before is not now's)
        found = detail_answer(replies, kb, programme, f"{now_named[0].name} {before}", now_named[0].name)
        return found if found is not None and now_named[0].name in found[0] else None

    @staticmethod
    def _own_words_weigh_more(kb: KnowledgeBase, text: str, programme: ProgrammeInfo, other: ProgrammeInfo) -> bool:
        """Whether the question shares more of its distinctive words with the programme discussed than with another
        of its topic ("대체인턴 인건비는 회사당 얼마까지 지원돼요" of 서울형 강소기업: 대체·인턴 are its own, while
        민관협력사업 shares only 최대·지원), so the answer stays with it."""
        index = kb.fact_index()
        distinctive = {b for b in index.evidence(text) if index.idf(b) >= OWN_WORD_IDF}
        own = {b for b in distinctive if b in index.said_of(programme.slug)}
        theirs = {b for b in distinctive if b in index.said_of(other.slug)}
        return len(own) > len(theirs)

    def respond(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        replies: Replies,
        kb: KnowledgeBase,
        intent: Optional[str],
        question: str,
        programme: Optional[ProgrammeInfo],
    ) -> List[Dict[Text, Any]]:
        """Answers ``question`` about ``programme`` (also used by other actions, e.g. a situation naming one)."""
        text = tracker.latest_message.get("text") or ""
        listed_first = next(iter(programmes_just_listed(tracker, kb)), None) if programme is None and not text.startswith("/") else None
        if (
            listed_first is not None and question in _FIELD_QUESTIONS and mentioned_programme(tracker, kb) is None
            and self._is_detail_question(intent, question, listed_first, text, tracker, [], kb)
            and kb.find_facts(text, listed_first.slug)
        ):  # "낮엔 애들 챙겨야돼서 밤에 하는 수업도 있나요" right after a list (heard as hours): the first one's fact
            return self.respond(dispatcher, tracker, replies, kb, intent, question, listed_first)
        if question == "ask_how_to_apply" and CONDITIONS_ASKED.search(text):
            intent = question = "ask_eligibility"  # "그거 신청하려면 조건이 뭐예요?": who may apply, not how
        if (
            question in ("ask_hours", "ask_open_now") and programme is not None and not any(p.hours for p in programme.places)
            and AMOUNT_ASKED.search(text) and not CLOCK_ASKED.search(text)
        ):  # "그럼 지금 기준 금액은요" of 생활임금 (지금 heard as "open now?"): what it pays
            if STILL_THE_SAME.search(text):  # "지금도 그 금액 그대로예요?": the report's, which may have changed since
                dispatcher.utter_message(text=self.cost_answer(replies, tracker, kb, programme, []))
                return [SlotSet("programme", programme.slug), SlotSet("last_question", "ask_cost")]
            intent = question = "ask_cost"
        if question in ("ask_hours", "ask_open_now") and not CLOCK_ASKED.search(text) and counts_asked(text):
            intent = question = "ask_programme_info"  # "그중에 지금 일하고 있는 사람은?" of 뉴딜일자리: how many, now
        if question in ("ask_hours", "ask_open_now") and OPERATING_MONEY.search(text) and not CLOCK_ASKED.search(text):
            intent = question = "ask_programme_info"  # "운영자금 대출 같은것도 돼요?": money to run a business, not hours
        if programme is None and states_profile_facts(tracker) and (MAY_APPLY.search(text) or ASKS_IF_I_CAN.search(text)) and not HOW_OR_WHAT_ASKED.search(text):  # "구직등록은 해두셨대요 그럼 신청 되는거죠?" right after what fits: the listed one whose rule reads the fact told
            programme = next(
                (p for p in programmes_just_listed(tracker, kb) if p.checkable_rules and states_facts_it_judges(tracker, p)), None
            )
        judged = programme is not None and bool(programme.checkable_rules)  # without rules there is nothing to judge by
        if (
            programme is not None and (tracker.get_slot("last_question") == "ask_location" or NEAR_HOME.search(text))
            # ("노원 상계동 사는데 가까운 기술교육원이 있읍니까": a site near home asked, the programme named too)
            and (mentioned_programme(tracker, kb) is None or NEAR_HOME.search(text)) and latest_entity_values(tracker, "district")
            and any(place.district for place in programme.places) and question_named(text) in (None, "ask_location")
            and not (ASKS_IF_I_QUALIFY.search(text) or ASKS_IF_I_CAN.search(text))
        ):  # "아 아닙니다, 지난달에 이사를 해서 이제는 용산구에 삽니다" after the site near 강동구: the one near 용산구;
            # "강동구 살아요 가까운 데로요" after what teaches a trade: the site near 강동구
            question = "ask_location"  # (the intent stays: a district told is no detail question)
            judged = False
        if (
            intent == "inform" and programme is not None and not programme.rules and states_profile_facts(tracker)
            and mentioned_programme(tracker, kb) is None and len(programmes_just_listed(tracker, kb)) > 1
            and not ASKS_SOMETHING.search(text)
        ):  # "24살이고 올해 대학 졸업했는데 아직 취업 못했어요 서울 살아요" right after a list for a job search: what
            # fits them (the first of the list, which has no rules, was only in context by being first)
            return utter_fits(dispatcher, tracker, replies, kb)
        if programme is not None and states_profile_facts(tracker) and ONLY_ONE_ASKED.search(text):
            # "고3이고 만 18살, 서울 살아요 … 저 같은 애는 기술교육원밖에 없죠?": whether there is more than the one
            # named, for them: all that fits
            return utter_fits(dispatcher, tracker, replies, kb)
        asks_what_it_is = bool(INFO_REQUEST.search(text)) and not (ASKS_IF_I_QUALIFY.search(text) or ASKS_IF_I_CAN.search(text))
        asks_contact = question_named(text) == "ask_contact"  # ("면접 정장 빌리려는데 어디로 전화해야 돼요": a number)
        where_to = (question_named(text) == "ask_location" and "어디" in text) or (  # ("딸은 강동 살아요 걔는 어디로 다니면 되나")
            bool(latest_entity_values(tracker, "district")) and bool(SITE_IN_DISTRICT_ASKED.search(text))  # ("처남은 노원 사는데 그쪽에도 있어요?")
        )
        if (
            judged and programme is not None and any(rule.kind == "organisation" for rule in programme.rules)
            and context.organisation_told(text) is not None and not QUESTION_WORD.search(text)  # (not "… 최대 얼마까지 받을 수 있어요?")
            and (MAY_APPLY.search(text) or ASKS_IF_I_CAN.search(text) or ASKS_IF_I_QUALIFY.search(text))
        ):  # "제 친구는 단체 없이 그냥 개인이에요 … 혼자 신청되나요": a programme for organisations, asked of an individual
            return self.judge(dispatcher, tracker, replies, kb, programme)
        if judged and states_profile_facts(tracker) and not asks_what_it_is and not asks_contact and (
            (intent == "inform" and not where_to) or not ASKS_SOMETHING.search(text) or ASKS_IF_I_QUALIFY.search(story_question(text))
            or (intent == "ask_programme_info" and states_facts_it_judges(tracker, programme))
            # "공근 신청하고싶은데 62살 서울살고 소득업고 일없어요 구직등록은 안햇어요": whether they can, first
            or (intent == "ask_how_to_apply" and states_facts_it_judges(tracker, programme) and len(profile_facts_told(tracker)) >= 3)
            # "뉴딜 40 은평 거주 신청됨?": whether one may apply, with the facts its rules read
            or (
                intent == "ask_how_to_apply" and states_facts_it_judges(tracker, programme) and MAY_APPLY.search(text)
                and not HOW_OR_WHAT_ASKED.search(text)
            )
            # "마을노무사 우리 가게 되요? 5명 이에요" (where it is, to the NLU): a fact its rules read, and "되요?"
            or (
                states_facts_it_judges(tracker, programme) and ASKS_IF_I_CAN.search(text) and not question_named(text)
                and not QUESTION_WORD.search(text)  # ("… 몇개월까지 일할수있어요?" asks how long)
            )
        ):
            # "마흔인데 서울 살아요 뉴딜일자리 가능?": facts about oneself and a programme ask whether it fits; so do
            # facts told without a question ("어머니 구직등록은 안 하셨어요", whatever intent its 등록 suggested)
            return self.judge(dispatcher, tracker, replies, kb, programme)
        if (
            programme is not None and tracker.get_slot("last_question") == "ask_eligibility"
            and tracker.get_slot("residence") == "outside" and WORKS_IN_SEOUL.search(text)
            and any(rule.kind == "seoul_resident" for rule in programme.rules)
        ):  # "서울에서 일하는데도요?? 하루 대부분 서울에 있는데" after a no for living outside Seoul: the rule is where
            return self.judge(dispatcher, tracker, replies, kb, programme)  # one lives, so the same verdict
        charges = [
            charge.group() for charge in OTHER_CHARGES.finditer(text)
            if programme is not None and not any(
                word in fact.text for fact in programme_facts(programme)
                for word in (charge.group(), *CHARGES_WRITTEN.get(charge.group(), ()))
            )
        ] if question == "ask_cost" else []
        allowances = [
            m.group() for m in ALLOWANCE.finditer(asking_sentence(text))  # (not one in a story told after the question:
            # "마을노무사가 뭐에요?? 사장님이 주휴수당 얘기만 꺼내면 짜증냄")
            if programme is not None and not any(WAGE_WORDS.search(f.label) for f in programme.figures)
            and not any(m.group("kind") in fact.text for fact in programme_facts(programme))
        ]
        if allowances:  # "기술교육원 다니는 동안 훈련수당 같은거 나와요?": an allowance the report never mentions (120)
            charges = allowances
        if charges:  # "반납 늦으면 연체료 있어요?" of 취업날개 (free): the report says nothing of late fees
            said = replies.text("utter_feature_unknown", name=programme.name, words=", ".join(charges))
            if programme.cost and PRICE_ASKED_TOO.search(text):
                # "대여비 얼마에요? 보증금 같은거 있나": the price the report gives (무료), then what it does not say
                said = self.cost_answer(replies, tracker, kb, programme, []) + "\n" + said
            dispatcher.utter_message(text=said)
            return [SlotSet("programme", programme.slug), SlotSet("last_question", question), FollowupAction("action_listen")]
        if programme is not None and DEPARTMENT_ASKED.search(text):
            # "옴부즈만 소관부서 어디" (staff transferring a call): the division whose duties name it, or that the
            # report does not say
            if programme.department:
                said = replies.text(
                    "utter_department", name=programme.name, department=programme.department, duty=programme.department_duty,
                    as_of=programme.as_of_label,
                )
            else:
                said = replies.text("utter_department_unknown", name=programme.name)
            dispatcher.utter_message(text=said)
            return [SlotSet("programme", programme.slug), FollowupAction("action_listen")]
        if programme is not None and MOVE_DESTINATION_ASKED.search(text):
            # "어디로 옮기는데요 구로쪽이에요?" after 남부기술교육원's 서울시계 이전 검토: where to, which the report does not say
            dispatcher.utter_message(text=replies.text("utter_feature_unknown", name=programme.name, words="옮겨 갈 곳"))
            return [SlotSet("programme", programme.slug), FollowupAction("action_listen")]
        places_named = [place for place in kb.places_in_text(text) if programme and place.programme_slug == programme.slug]
        if (
            programme is not None and not asks_the_same_about(tracker, kb)
            and self._is_detail_question(intent, question, programme, text, tracker, places_named, kb)
        ):
            figure = policy_figure_answer(replies, kb, text, POLICY_FIGURE_STRONG)
            if figure is not None and mentioned_programme(tracker, kb) is None:
                # "그럼 일 얘기로, 올해 서울시 일자리 목표는 몇 개였어요?" after 일자리카페: the city's target, not the café's
                dispatcher.utter_message(text=figure)
                return []
            serving = context.places_serving(tracker, programme, text) if not places_named else []
            # ("대리 쉼터는 하루에 사람 얼마나 와요?" after 북창쉼터's hours: the site of the work named, 서초쉼터)
            place = places_named[0].name if places_named else serving[0].name if len(serving) == 1 else tracker.get_slot("place")
            found = detail_answer(replies, kb, programme, text, place)
            bureau = kb.policy_figure(text, POLICY_FIGURE_STRONG) if asks_for_a_figure(text) or re.search(r"얼마|몇", text) else None
            if bureau is not None and (found is None or not states_a_number(found[0])) and any(
                word in bureau.label for word in nouns(text) if len(word) >= 2 and word not in programme.name
            ):  # "공공부문 비정규직 정규직화 인원 누적 2018년은 얼마로 돼있어?": the bureau's indicator, which no fact of
                # 비정규직의 정규직화 has (9,547명)
                dispatcher.utter_message(text=figure_reply(replies, bureau))
                return [SlotSet("programme", programme.slug), FollowupAction("action_listen")]
            asking = asking_sentence(text)
            if found is None and len(asking) < len(text) // 2:
                # "회사 노조에서 교육부장을 맡고 있습니다. … 국제포럼을 연다고 들었는데 … 언제, 어디서 하는지 알려주실
                # 수 있나요?": the story's words drown the question; its own sentence finds the facts it asks for
                found = detail_answer(replies, kb, programme, asking, place)
            before = housing_programme(tracker, kb, programme) if mentioned_programme(tracker, kb) is None else None
            if (
                before is not None and not points_back(text, programme)
                and detail_answer(replies, kb, programme, text, place, say_unknown=False) is None
            ):
                # "전시 보는 데는 몇층이고" after "노동권익센터도 거기 들어간다던데 몇층임" (asked of 전태일 기념관): a fact
                # of the building it goes into, when the centre has none (not any programme discussed before:
                # "취업률은 몇 프로예요?" of 기술교육원 is not the 취업률 of 뉴딜일자리)
                found = detail_answer(replies, kb, before, text, say_unknown=False) or found
            if (
                found is None and mentioned_programme(tracker, kb) is None and not points_back(text, programme)
                and question not in _FIELD_QUESTIONS and not OWN_PROCESS.search(text)
            ):
                # "대출도 되나요? 이자 몇 프로?" after a list about social economy: a fact of a programme on the same
                # topic (사회투자기금), not a "don't know" about the one first in the list
                nearby = detail_answer(replies, kb, None, text, topic=programme.topic)
                listed = [p for p in programmes_just_listed(tracker, kb) if p.slug != programme.slug]
                if nearby is not None and listed and nearby[1].slug not in [p.slug for p in listed]:
                    # "판로도 걱정인데 … 팔 데는요" right after a list: the listed programme that has it (함께누리몰 of
                    # 사회적경제기업 육성) before one of the topic that was not offered (공정무역)
                    nearby = next(
                        (d for d in (detail_answer(replies, kb, p, text, say_unknown=False) for p in listed) if d), nearby
                    )
                if nearby is not None and nearby[1].slug != programme.slug and not self._own_words_weigh_more(kb, text, programme, nearby[1]):
                    programme, found = nearby[1], nearby
                foreign = kb.fact_index().nouns_foreign_to(text, programme.slug)
                described = (  # not for a figure: "취업률은 몇 프로예요?" of 기술교육원 is not 뉴딜일자리's 취업률; only
                    # for a subject the programme in context lacks ("제일 적게 받으면 얼마예요?" names none), or one
                    # that clearly describes another ("구청에서 하는 일자리사업도 있어?" after 뉴딜일자리)
                    kb.described_programme(text)
                    if nearby is None and not asks_for_a_figure(text)
                    and (foreign or ALSO_EXISTS.search(text))
                    else None
                )
                told_before = " ".join(context.earlier_user_texts(tracker))
                if described is None and nearby is None and asks_for_a_figure(text) and (
                    len(foreign) >= 3 or any(word in told_before for word in foreign)
                ):  # ("인건비 지원은 몇 군데나 받았어요" after "직원 5명 사회적기업 … 인건비 부담도 크고" and 마을노무사's
                    # verdict: the citizen's own subject, said before, which another programme's figure counts)
                    # "서울교통공사 무기계약직 정규직 된거 몇명이에요" after 사회적경제 주간: several things the programme
                    # never mentions, so a figure of the report's that has them ("취업률은 몇 프로예요?" of 기술교육원
                    # names too few to leave it)
                    elsewhere = detail_answer(replies, kb, None, text, say_unknown=False)
                    if elsewhere is not None and elsewhere[1].slug != programme.slug:
                        programme, found = elsewhere[1], elsewhere
                if described is not None and described.slug != programme.slug:
                    # "그럼 서울시에서 육아휴직과 관련해서 하는 사업은 하나도 없나요?" after another topic: the programme
                    # the question describes, and its facts that answer it
                    programme = described
                    found = detail_answer(replies, kb, described, text, say_unknown=False)
            if (
                found is not None and question == "ask_how_to_apply" and APPLYING_WORDS.search(text)
                and not APPLY_FACT.search(found[0]) and not asks_for_a_date(text)  # ("등록하고 나면 언제 뽑아요?": when)
                and not ("얼마" in text and AMOUNT_IN_FACT.search(found[0]))  # ("뽑아서 얼마 지원": the sum is the answer)
            ):  # "일반인도 참석 신청 가능해요? 어떻게 해요": a fact about who comes is no way to apply (the reply says 120)
                found = None
            if found is not None and HOURS_OF_WORK_ASKED.search(text) and not re.search(r"\d\s*시간", found[0]):
                found = None  # "하루에 몇시간 근무해요?": facts naming 근무시간 without a number of hours are no answer
            if found is not None and question == "ask_cost" and FEE_WORDS.search(text) and not PRICE_FACT.search(found[0]):
                found = None  # "쉼터 이용료는 있어?": facts about who uses it are no price (the reply says 120)
            if (
                found is not None and question == "ask_location"
                and LOCATION_WORDS.search(text) and not ADDRESS_FACT.search(found[0])
                # (without sites, a fact naming who runs it or counting its sites answers "어디서 빌림", "몇군데"; an
                # event's date does not answer where it was held)
                and (programme.places or not re.search(r"업체|위탁|법인|기관|단체|\d\s*(?:개|곳|군데|개소)", found[0]))
                and not (asks_for_a_date(text) and not WHERE_ASKED.search(text))
                and not WHO_RUNS_WORDS.search(text)  # ("전태일기념관 민간위탁 어디로 갔어요": who runs it, 전태일재단)
            ):
                found = None  # "쉼터 위치가 어디죠?", "공정무역 페스티벌은 어디서 했어?" want a place; a fact without one is no answer (the reply says 120)
            if found is not None:
                programme = found[1]  # (a fact of another programme of the topic may be the answer)
                reply = found[0]
                if question == "ask_cost" and programme.cost and FREE_ASKED.search(text) and programme.cost not in reply:
                    # "스터디룸 쓰는것도 돈 안받는거 맞죠?" of 일자리카페: the thing offered, and what it costs (무료)
                    reply += "\n" + self.cost_answer(replies, tracker, kb, programme, [])
                counted_in = district_counted_in(tracker, text)
                if counted_in is not None and asks_for_a_figure(text) and counted_in[:-1] not in reply:
                    # "마포구에 일자리카페 몇 개 있는지 아세요?": the report counts all of Seoul, not one district
                    reply += "\n" + replies.text("utter_district_figure_unknown", district=counted_in)
                if ASKS_CONTACT_TOO.search(text):  # "신청은 어디서 해요? 홈피 주소좀"
                    reply += "\n" + replies.text("utter_contact_unknown", name=programme.name)
                elif (
                    question == "ask_programme_info" and APPLYING_WORDS.search(asking_sentence(text)) and not programme.how_to_apply
                    and not re.search(r"신청|접수|예약|모집", found[0]) and not asks_for_a_figure(text)
                ):  # "취업날개 그냥 열린옷장 가서 말하면 신청 같은 거 없이 바로 빌려주는 거 맞죠?": the operator named, and
                    # how one applies, which the report does not say
                    reply += "\n" + replies.text("utter_how_to_apply_unknown", name=programme.name)
                dispatcher.utter_message(text=reply, buttons=self._next_steps(replies, programme, question))
                events = [SlotSet("programme", programme.slug)] + place_named(programme, found[0])
                nlu_intent = (tracker.latest_message.get("intent") or {}).get("name")
                if "ask_eligibility" in (intent, nlu_intent):  # "법률 지원도 받을 수 있어요?" was answered: no eligibility form
                    events.append(FollowupAction("action_listen"))
                return events
            if found is None and intent == question and (
                (question in ("ask_programme_info", "ask_cost", "ask_eligibility") and asks_for_a_figure(text))
                or (question == "ask_location" and RATE_ASKED.search(text))  # "취업률 몇프로에요?" (where, to the NLU)
                # "올해 상반기에 상담 몇건 했는지도 나와있어요?" heard as an hours question: a count, not the hours
                or (question in ("ask_hours", "ask_open_now") and FIGURE_QUESTION.search(text) and not HOURS_ASKED.search(text))
                # "그 교육장은 몇 층짜리 건물이에요?": the report gives its place, not its floors
                or (question == "ask_location" and FLOOR_ASKED.search(text) and programme.places
                    and not any("층" in (place.address or "") + (place.note or "") for place in programme.places))
                # "청년일자리센터는 언제부터 운영한거에요? 개관연도 궁금해서": a start the report does not give
                or (question in ("ask_hours", "ask_open_now") and SINCE_WHEN.search(text))
                # "한 번 예약하면 몇 시간까지 쓸 수 있어요?", "일주일에 몇 시간 일해요?": hours of use or work it does not give
                or (question in ("ask_hours", "ask_open_now", "ask_programme_info") and NOT_OPENING_HOURS.search(text))
            ):  # "취업률은 몇 프로예요?", "합격자 발표 언제 나와요?": a number or date the report does not give
                dispatcher.utter_message(text=replies.text("utter_figure_unknown", name=programme.name))
                return [SlotSet("programme", programme.slug), FollowupAction("action_listen")]
        feature_asked = (intent == "ask_eligibility" and len(text) <= FEATURE_LENGTH) or (
            intent == "ask_programme_info" and bool(FEATURE_YES_NO.search(text) or COMES_OVER.search(text))
            and len(text) <= QUESTION_LENGTH
        )
        feature_short = (  # "서초쉼터 와이파이 됨?" (facts, to the NLU): a feature, short and asked
            intent in ("ask_programme_info", "inform") and len(text) <= FEATURE_LENGTH
            and bool(re.search(r"(?:됨|돼|되나요?|돼요|되요|있음|있어|있나요?|있어요)\s*[?？]*\s*$", text))
            and not re.search(r"뭐|뭘|무슨|어떤|어디|언제|몇|얼마|누가|누구", text)  # (a yes/no question: not "모집 분야는 뭐뭐 있어요")
        )
        feature_done = (  # "뉴딜일자리 하면 4대보험 들어줘요?": something done for the citizen, asked yes or no
            intent in ("ask_programme_info", "inform") and len(text) <= QUESTION_LENGTH
            and bool(re.search(r"(?:해|들어|넣어|챙겨|빌려)\s*(?:줘요|주나요?|주죠|줌|줘)\s*[?？]*\s*$", text))  # ("구두랑 가방도 같이 빌려줘요?")
            and not re.search(r"뭐|뭘|무슨|어떤|어디|언제|몇|얼마|누가|누구", text)
            and mentioned_programme(tracker, kb) is not None  # (not "거기는 시청에서 직접 하는거에요? 공무원이 상담해줘요?")
        )
        feature_not_site = (  # "지방서 올라오면 교육원에 기숙사도 있나요" (where, to the NLU): a feature, not its sites
            intent == "ask_location" and bool(FEATURE_YES_NO.search(text)) and not LOCATION_WORDS.search(text)
            and question_named(text) != "ask_location" and len(text) <= QUESTION_LENGTH and not kb.places_in_text(text)
        )
        feature_not_hours = (  # "쉼터 와이파이 잇음?" (hours at 0.16): a feature of the one named, not its hours
            intent in ("ask_hours", "ask_open_now") and len(text) <= FEATURE_LENGTH and not HOURS_ASKED.search(text)
            and not TIME_OF_DAY_WORDS.search(text) and nlu_confidence(tracker) < UNSURE_HOURS
            and not latest_entity_values(tracker, "time") and not latest_entity_values(tracker, "weekday")
        )
        feature_not_cost = (  # "취업날개 정장 빌리면 반납은 택배로 해도 돼요?" (a cost, to the NLU): a feature, no price
            intent == "ask_cost" and not COST_WORDS.search(text) and len(text) <= QUESTION_LENGTH
            and nlu_confidence(tracker) < UNSURE_COST
        )
        if (
            programme is not None and (
                feature_asked or feature_not_hours or feature_not_site or feature_short or feature_not_cost or feature_done
            )
            and not text.startswith("/") and not states_profile_facts(tracker)
            # ("택배로 해도 돼요?" asks leave to do a thing, not who may use it)
            and (feature_not_cost or (not ELIGIBILITY_WORDS.search(text) and not ASKS_IF_I_QUALIFY.search(text)))
            # ("뉴딜일자리 4대보험 되나요": a feature of the one named, short)
            and (mentioned_programme(tracker, kb) is None or feature_not_hours or feature_not_site or feature_short or feature_not_cost
                 or feature_done or (feature_asked and intent == "ask_eligibility"))
            and not ABOUT_ONESELF.search(text)
        ):
            foreign = kb.fact_index().nouns_foreign_to(text, programme.slug)
            if foreign:  # "당일 대여 되나" about 취업날개: a feature the report does not describe, not who may use it
                dispatcher.utter_message(
                    text=replies.text("utter_feature_unknown", name=programme.name, words=", ".join(foreign)),
                    buttons=self._next_steps(replies, programme, "ask_programme_info"),
                )
                return [SlotSet("programme", programme.slug), FollowupAction("action_listen")]
        if (
            programme is not None and intent == "ask_eligibility" and not text.startswith("/")
            and not states_profile_facts(tracker) and not ELIGIBILITY_WORDS.search(text) and offered_also(text, programme)
        ):  # "나중에 직원 뽑으면 인건비도 지원받을수 있어요?": whether 인건비 is among what it offers (it is)
            return self.respond(dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", programme)
        if (
            programme is not None and intent == "ask_eligibility" and not text.startswith("/")
            and not states_profile_facts(tracker) and not WHO_MAY_WORDS.search(text)
            and not (ASKS_IF_I_QUALIFY.search(text) or ASKS_IF_I_CAN.search(text)) and rare_words_of(kb, text, programme, OWN_WORD_IDF)
        ):  # "공공근로 하는 사람들은 미세먼지 심한날도 밖에서 일해요?": a fact of it (실내근무), not who may take part
            found = detail_answer(replies, kb, programme, text, say_unknown=False)
            if found is not None and found[1].slug == programme.slug:
                return say_detail(dispatcher, found, self._next_steps(replies, programme, "ask_programme_info")) + [
                    FollowupAction("action_listen")
                ]
        if programme is None and not text.startswith("/") and intent == "ask_eligibility":
            programme = kb.described_programme(text)  # "시에서 시급 주면서 일 가르쳐 주는 청년 일자리 저도 돼요?"
        nlu_asked = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "ask_eligibility" and programme is not None and programme.rules and tracker.is_paused():
            # "그동안 하나만요 아들이 스물여덟이고 서울 사는데 뉴딜일자리 나이 되죠?" while a handoff waits: one action runs
            # (bot/handoff.py), so the verdict (or the rules and what is missing) now, no form after it
            return [e for e in self.judge(dispatcher, tracker, replies, kb, programme) if e.get("event") != "followup"]
        if intent == "ask_eligibility" and (programme is not None or nlu_asked == "ask_eligibility"):
            # the eligibility form follows (it asks which programme when none is known): say the rules once, let
            # the form ask and the verdict judge
            events = self._introduce_eligibility(dispatcher, tracker, replies, programme)
            if nlu_asked != "ask_eligibility":  # "…몇 살까지 할 수 있어요?" read as a cost question: no rule starts the form
                events.append(FollowupAction("eligibility_form"))
            return events
        if programme is None and states_profile_facts(tracker) and not ASKS_SOMETHING.search(text):
            # "따로 수입은 없으시고 구직등록은 아직 안 하셨어요" after a list of what fits: the list again, with why
            # the programmes these facts rule out drop from it
            return utter_fits(dispatcher, tracker, replies, kb, explain_dropped=True)
        if programme is None and not text.startswith("/"):
            # "육아휴직도 눈치 안 보고 쓸 수 있는 중소기업을 시에서 골라 준다던데, 그게 뭐예요?": the one described
            programme = kb.described_programme(text)
            found = (
                detail_answer(replies, kb, programme, text, say_unknown=False)
                if programme is not None and question == "ask_programme_info" and asks_for_a_figure(text) else None
            )
            bureau = kb.policy_figure(text, POLICY_FIGURE_STRONG) if asks_for_a_figure(text) else None
            if bureau is not None and (found is None or not states_a_number(found[0])):
                # "서울시 공공부문 비정규직 정규직 된 사람 누적으로 올해 몇명이에요": the bureau's indicator (9,547명), which
                # no fact of the programme described has
                dispatcher.utter_message(text=figure_reply(replies, bureau))
                return []
            if found is not None:  # "뉴스 보니 서울교통공사 무기계약직 정규직 됐다던데 몇 명이에요?": the figure asked
                return say_detail(dispatcher, found, self._next_steps(replies, programme, question))
        figure = (policy_figure_follow_up(tracker, replies, kb) or policy_figure_answer(replies, kb, text)) if programme is None else None
        if figure is not None:  # "그럼 서울시 올해 일자리 목표 몇개에요": the bureau's own figure
            dispatcher.utter_message(text=figure)
            return []
        line = kb.jobs_line_listing(text) if programme is None and not text.startswith("/") else None
        if line is not None:
            # "시니어 택배 라는 것도 시에서 하는 일자리 입니까": one of the jobs the bureau counts for a group (어르신), with
            # that line; how to apply for it and the like the report does not say
            dispatcher.utter_message(text=figure_reply(replies, line))
            if question in _NOT_IN_A_JOBS_LINE:
                group = line.label.split("—")[-1].strip()
                dispatcher.utter_message(
                    text=replies.text("utter_feature_unknown", name=f"{group} 일자리", words=_NOT_IN_A_JOBS_LINE[question])
                )
            return []
        if programme is None and not text.startswith("/") and states_profile_facts(tracker):
            offering = context.the_one_offering(kb, text) if question in _FIELD_QUESTIONS + ("ask_cost",) else None
            if offering is not None:
                # "손주 정장 빌리려면 어떻게 신청해요?" ("정장 빌리려" tells a job seeker): how to apply for the one
                # programme that lends suits, not a list of what fits a job seeker
                return self.respond(dispatcher, tracker, replies, kb, question, question, offering)
            # "45살 실직했어 서울 강서구 살고 뭐 없냐" (no programme named or described): what fits, with why
            return utter_fits(dispatcher, tracker, replies, kb)
        if programme is None and not text.startswith("/") and len(text) <= QUESTION_LENGTH:
            # "어떤 일 하는 거예요?" right after a list of what fits: the first (likeliest) of it, named in the answer
            programme = next(iter(programmes_just_listed(tracker, kb)), None)
        if programme is None and not text.startswith("/"):
            # "방송 스탭들 쉬라고 만든 공간 몇시부터 해요": the programme with a site for that work (its hours, there)
            programme = next(iter(programmes_serving_workers(tracker, kb)), None)
        if programme is None:
            if question == "ask_contact":
                dispatcher.utter_message(text=replies.text("utter_contact_unknown_general"))
                return []
            dispatcher.utter_message(
                text=replies.text("utter_ask_programme"),
                buttons=[
                    {"title": p.name, "payload": intent_payload(question, programme=p.slug)}
                    for p in (kb.programme(slug) for slug in POPULAR)
                    if p is not None
                ],
            )
            return [SlotSet("last_question", question)]

        if question == "ask_location" and not LOCATION_WORDS.search(text) and WHAT_INSIDE.search(text):
            question = "ask_programme_info"  # "건물 안에는 뭐뭐 들어가요?": what it holds, not where it is
        usual_words = {
            "ask_cost": COST_WORDS, "ask_how_to_apply": APPLY_WORDS, "ask_contact": CONTACT_WORDS,
            # "소셜벤처 쪽 지원도 있어?" (the 쪽 heard as a place): what it is
            "ask_location": LOCATION_WORDS if FIELD_OF.search(text) else None,
        }.get(question)
        nlu_intent = (tracker.latest_message.get("intent") or {}).get("name")
        named_now = (  # the NLU's own question, with the programme named in it (not a correction or "X는요?")
            nlu_intent == question and mentioned_programme(tracker, kb) is not None and not asks_the_same_about(tracker)
        )
        if usual_words is not None and not usual_words.search(text) and named_now:
            question = "ask_programme_info"  # "소셜벤처 지원도 따로 있어?" read as a cost question: say what it is
        places = mentioned_places(tracker, kb, programme)
        if question == "ask_location" and PLACES_COUNTED.search(text) and not kb.places_in_text(text):
            places = []  # "그런 교육원이 서울에 몇 군데나 있어요?" after 남부: every site, not the one discussed
        handler = {
            "ask_programme_info": self.info_answer,
            "ask_eligibility": self._eligibility,
            "ask_hours": self._hours,
            "ask_open_now": self._open_now,
            "ask_location": self._location,
            "ask_how_to_apply": self._how_to_apply,
            "ask_cost": self.cost_answer,
            "ask_contact": self._contact,
        }[question]
        text = handler(replies, tracker, kb, programme, places)
        asked = tracker.latest_message.get("text") or ""
        if question == "ask_programme_info" and FEATURE_QUESTION.search(asked) and (
            mentioned_programme(tracker, kb) is None or kb.fact_index().nouns_foreign_to(asked, programme.slug)
        ):
            # "거기 화장실이나 커피 있어요?" found no fact: what the report says, and that anything else is not in it
            text += "\n" + replies.text("utter_detail_not_listed")
        if (
            question in ("ask_open_now", "ask_hours") and HOLIDAY_WORDS.search(asked) and "공휴일·명절" not in text
            and not HOLIDAY_PAY.search(asked)
        ):
            text = replies.text("utter_hours_holiday_unknown", name=programme.name) + "\n" + text  # "오늘 빨간날인데 열어?"
        if LATER_DATES.search(asked) and (question != "ask_programme_info" or LATER_YEAR.search(asked)):
            text += "\n" + replies.text("utter_later_dates_unknown")  # "내년(2019) 생활임금은 얼마로 오름?"
        if question == "ask_location" and DISTRICT_ASKED.search(asked) and not any(p.district for p in places or programme.places):
            text += "\n" + replies.text("utter_location_more_unknown")  # "혁신파크 그게 무슨 구에 있는건데"
        if (
            question in ("ask_programme_info", "ask_cost") and SUM_ASKED.search(asked) and not AMOUNT_IN_FACT.search(text)
            and "120" not in text
        ):  # "주52시간 어기면 벌금 얼마나 나와요": what it is, and that the report names no such sum (120)
            text += "\n" + replies.text("utter_amount_unknown")
        if question != "ask_contact" and ASKS_CONTACT_TOO.search(asked):
            # "신청은 어디서 해요? 홈피 주소좀": the answer, and that the report gives no contact (120)
            text += "\n" + replies.text("utter_contact_unknown", name=programme.name)
        dispatcher.utter_message(text=text, buttons=self._next_steps(replies, programme, question))
        events = [SlotSet("programme", programme.slug), SlotSet("last_question", question)]
        if places:
            events.append(SlotSet("place", places[0].name))
        elif place_named(programme, text):  # one place shown ("용산구에 있는 곳"): the next "거기" is about it
            events += place_named(programme, text)
        elif tracker.get_slot("programme") != programme.slug:
            events.append(SlotSet("place", None))
        return events

    @staticmethod
    def _is_detail_question(
        intent: Optional[str], question: str, p: ProgrammeInfo, text: str, tracker: Tracker, places: List[PlaceInfo],
        kb: KnowledgeBase,
    ) -> bool:
        """Whether to look for the one fact asked about before the usual answer to ``question``. The fact search
        only answers when a fact clearly matches, so looking first costs nothing when the question was the usual
        one; it catches details and NLU slips ("야간 과정도 있어요?" read as a location question)."""
        if intent in ("ask_programme_info", "inform"):
            # a follow-up without facts about oneself or a place: "사진도 찍어줘요?", "몇 군데나 있어요?"
            # (a target group or kind of worker named with it is part of the detail: "대체 청년인턴 몇 명 뽑아요")
            entities = tracker.latest_message.get("entities", [])
            if any(e.get("entity") == "programme" for e in entities) and (
                WHAT_IT_DOES.search(text) or INFO_REQUEST.search(text) or WHAT_INSIDE.search(text)
            ) and not asks_for_a_figure(text) and not NOT_OPENING_HOURS.search(text) and not SECOND_QUESTION.search(text):
                # "노사민정 아카데미는 어떤 교육을 하나요?": what it is and offers, all of it; but "기술교육원 학과
                # 뭐뭐있는지" asks about a thing the summary does not name and a fact does (154개 학과)
                if not WHAT_INSIDE.search(text) or WHAT_IT_DOES.search(text) or INFO_REQUEST.search(text):
                    return False
                shown = " ".join([p.name, *p.aliases, p.summary, *p.services])
                unshown = [word for word in nouns(text) if len(word) >= 2 and word not in shown]
                return any(
                    word in fact.text for fact in programme_facts(p) for word in unshown
                )
            counted_in = district_counted_in(tracker, text)  # ("마포구에 … 몇 개": part of the question)
            others = [
                e for e in entities if e.get("entity") in PROFILE_ENTITIES + ("district",)
                and not (e.get("entity") == "district" and counted_in is not None)
                # ("동생이 예순 넘어서 퀵 … 합정쉼터에 하루 몇 명쯤 오는지요?": an age no rule of it reads, told by the way)
                and not (
                    e.get("entity") in PROFILE_ENTITIES and not p.checkable_rules
                    and FIGURE_QUESTION.search(text[max(int(o.get("end") or 0) for o in entities):])  # (asked after it)
                )
            ]
            # "청년일자리센터 스터디룸 몇 개예요", "중부는 어느 기관이 위탁받아 운영해요?" (its site's fact names it)
            return not others and (not places or asks_for_a_figure(text) or bool(WHO_RUNS_WORDS.search(text)))
        if question in ("ask_hours", "ask_open_now") and (OPENING_TIME.match(text) or ENDS_ASKED.match(text)) and (
            tracker.get_slot("last_question") in ("ask_hours", "ask_open_now")
        ):
            return False  # "오픈은?" after the closing time: the opening time, not the day it opened
        if question in ("ask_hours", "ask_open_now"):
            # "언제 개관해요?" is not about opening hours; nor is "누가 운영해요?", pay on a holiday, or a question
            # without a word about time
            holiday_pay = bool(HOLIDAY_WORDS.search(text) and HOLIDAY_PAY.search(text))
            # "노동권리보호관 지금 몇 명 있어요?" asks a number of people, whatever 지금 suggested
            # "저녁에 듣는 수업도 있나요?": whether something exists (야간 과정), which a fact may say
            # ("서초에 있는 대리기사 쉼터는 언제 열어요": the hours of a place that has them, not a date)
            # ("… 새벽 5시 출근해서 저녁 7시에 끝나요 … 주 52시간으로 바뀐다던데 그거 언제부터 시행이에요?": the last sentence)
            date = (asks_for_a_date(text) or asks_for_a_date(asking_sentence(text))) and not (
                any(place.hours for place in p.places) and OPENS_DAILY.search(text)
            )
            return (
                # (not "대리운전 업체 운영하는데요 우리 기사님들 서초쉼터 몇시에 문열어요?": the asker's business, told)
                date or bool(WHO_RUNS_WORDS.search(STORY_THEN.split(text)[-1])) or holiday_pay or not HOURS_WORDS.search(text)
                or bool(HOW_OFTEN.search(asking_sentence(text)))  # "아카데미 그거 일년에 몇번 열어요?": how often
                or bool(NOT_OPENING_HOURS.search(text))  # "면접 보러 다니면 근무시간으로 쳐줘요?": working time
                # ("… 사장이 월급도 몇 번 늦게 줘서 …. … 청년일자리센터 평일엔 몇시까지 해요?": a number in the story
                # is not asked; the last sentence asks)
                # ("마감은 몇시? 밤늦게 끝나는 애들도 있어서": a reason after the question asks whether nothing exists)
                or bool(FIGURE_QUESTION.search(asking_sentence(text))) or bool(ALSO_EXISTS.search(asking_sentence(text)))
                or bool(COURSE_AT_A_TIME.search(text))  # "낮엔 알바해서 밤에 수업 들을수있나": a night course (야간)
            )
        if intent == "ask_eligibility" and DURATION_ASKED.search(text):
            return True  # "28살인데요 뉴딜일자리는 몇개월까지 일할수있어요?": how long (최대 23개월), not whether
        if intent == "ask_eligibility" and WHO_RUNS_WORDS.search(text):
            return True  # "북부기술교육원은 위탁 누가 맡고있어?": who runs it, not who may use it
        if intent == "ask_eligibility" and LIMIT_ASKED.search(text):
            return False  # "회사가 몇 명 이하여야 돼요?": the rule itself
        if (
            intent == "ask_eligibility" and not p.rules and PERSON_ASKS_IF_ELIGIBLE.search(text)
            and not asks_for_a_figure(text)
        ):
            return False  # "저는 민간회사 소속인데 저도 상담 되는거죠?" of 감정노동 보호: whom the report says it serves
        if intent == "ask_eligibility":
            # "몇 명이나 있어요?", "사진 촬영도 돼요?", "법률 지원도 받을 수 있어요?": not who may use it; and for a
            # programme without rules the report's words about who takes part are the answer ("일반 시민도 가도 되나")
            return not states_profile_facts(tracker) and (
                asks_for_a_figure(text) or not ELIGIBILITY_WORDS.search(text) or not p.rules
            )
        if question == "ask_location" and FLOOR_USE_ASKED.search(text) and any(
            re.match(r"\d층:", fact.text) for fact in programme_facts(p)
        ):
            return True  # "5층은 어디가 쓰는 거에요?": what the floor is for (서울노동권익센터), not where the building is
        if question == "ask_location" and WHO_RUNS_WORDS.search(text):
            return True  # "그 기념관 운영은 어느 단체가 맡게 되나요?": who runs it, not where it is
        if question == "ask_location" and RATE_ASKED.search(text):
            return True  # "거기 나오면 취업률 몇프로에요?": a rate, not where it is
        if question == "ask_location" and COUNT_ASKED.search(text) and not WHERE_ASKED.search(text) and not any(
            place.address or place.district for place in p.places
        ):
            return True  # "일자리카페 … 서울에 몇개나 있어요?": how many (73), of a programme without sites listed
        if question == "ask_location":
            if asks_for_a_date(text) and not WHERE_ASKED.search(text):
                return True  # "거기 장소 옮겼다던데 언제 옮긴거에요": when it moved (’18.4월 장소 이전), not where
            if sites_counted(p, text):
                return False  # "몇군데 있어요 거기": its sites, listed
            if ADDRESS_WORDS.search(text):
                return False  # an address the report does not give is an honest "don't know" with 120
            return not LOCATION_WORDS.search(text) or not any(place.address or place.district for place in p.places)
        usual_words = {"ask_cost": COST_WORDS, "ask_how_to_apply": APPLY_WORDS, "ask_contact": CONTACT_WORDS}.get(question)
        if usual_words is not None and not usual_words.search(without_set_aside(text)):  # (not "일당 말고 …")
            return True  # "사진 촬영도 같이 돼요?" read as a cost question
        if question == "ask_cost" and WAGE_WORDS.search(text) and not any(WAGE_WORDS.search(f.label) for f in p.figures):
            return False  # "공공근로 하면 하루 일당이 얼마나 되요": the pay, which the report does not give (no count)
        strong = {"ask_cost": PRICE_WORDS, "ask_how_to_apply": APPLYING_WORDS}.get(question)
        if strong is not None and not strong.search(text) and kb.find_facts(text, p.slug):
            return True  # "사업기간은 어떻게 돼요", "직원 월급 인건비도 지원해줌?": a word of one of its facts
        if question == "ask_cost" and p.cost:
            # "밥은 주나? 급식비가 얼마래" of 기술교육원: the price of a thing a fact names (급식비), not the fee
            facts = kb.find_facts(text, p.slug)
            own = " ".join([p.name, *p.aliases, p.cost])
            if facts and any(
                word in facts[0].text and word not in own
                for word in {*nouns(text), *question_words(text), *PRICED_THING.findall(" ".join(question_words(text)))}
                if len(word) >= 2 and word.endswith(("비", "료", "금"))  # (a priced thing, not "스터디룸 쓰는 거 돈 내요?")
            ):
                return True
        if question == "ask_how_to_apply" and asks_for_a_date(text):
            return True  # "등록하고 하반기 거 하면 언제까지 일해요?": a date, which a fact may give
        if question == "ask_how_to_apply" and SELECTION_ASKED.search(text):
            return True  # "공모에 넣었거든요 선정 절차가 어떻게 되나요": how applicants are chosen (서면심사 → 면접)
        if question == "ask_how_to_apply" and (COUNT_ASKED.search(text) or re.search(r"얼마", text)):
            # "접수는 몇 개 기업 했어요", "상반기에 수행기관 뽑아서 얼마 지원하기로 했어요": a number, not how to apply
            return True
        if question == "ask_cost" and COUNT_ASKED.search(text):
            return True  # "올해 상반기에 무료 상담 몇 건이나 했대요?": a number of consultations, not the price
        if question == "ask_cost":
            hits = kb.fact_index().search(text, p.slug, limit=1)
            if (
                hits and hits[0].fact.kind == "figure" and AMOUNT_IN_FACT.search(hits[0].fact.text)
                and len([b for b in hits[0].matched if b not in (p.cost or "")]) >= 3 and not PAID_BY_CITIZEN.search(text)
            ):
                # "상반기에 수행기관 뽑아서 얼마 지원하기로 했다던데": an amount the report counts (40억원), not a price
                return True
        if question == "ask_cost" and ALSO_THING.search(text):
            return True  # "프로필 사진 찍는 것도 공짜로 해준다고요?": whether that thing is offered (and free)
        if question == "ask_cost" and TOTAL_WORDS.search(text):
            return True  # "융자해주는 돈이 한 해에 전부 얼마" asks the fund's size, not what it costs the citizen
        return (question == "ask_cost" and not p.cost) or (question == "ask_how_to_apply" and not p.how_to_apply)

    def _for_each(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase,
        intent: Optional[str], named: Optional[ProgrammeInfo], text: str,
    ) -> Optional[List[Dict[Text, Any]]]:
        """A question asked of two programmes at once: both named ("A랑 B 둘다 시청에서 해요?"), or "둘이"/"둘 다"
        after two were discussed ("둘이 같은 건물에 있어요?"); None otherwise."""
        rules_asked = intent == "ask_eligibility" and bool(LIMIT_ASKED.search(text) or CONDITIONS_ASKED.search(text) or RULES_ASKED.search(text))
        if intent not in QUESTION_INTENTS or (intent == "ask_eligibility" and not rules_asked) or COMPARED.search(text):
            return None
        # named together ("A랑 B", "A하고 B 둘다"), not one as an option of the other ("시급은 최저임금으로 줘요 생활임금으로 줘요?")
        programmes = kb.programmes_in_text(text) if BOTH_ASKED.search(text) or NAMED_TOGETHER.search(text) else []
        if len(programmes) < 2 and named is None and BOTH_ASKED.search(text):
            earlier, now = previous_programme(tracker, kb), current_programme(tracker, kb)
            programmes = [earlier, now] if earlier is not None and now is not None and earlier.slug != now.slug else []
        if len(programmes) < 2:
            return None
        if rules_asked:  # "둘이 나이 기준이 각각 어떻게 되는데요": each one's rules, not a verdict of one
            profile = context.profile_from_tracker(tracker)
            dispatcher.utter_message(text="\n".join(eligibility_text(replies, p, profile) for p in programmes[:3]))
            return [SlotSet("programme", p.slug) for p in programmes[:3]] + [
                SlotSet("last_question", "ask_eligibility"), FollowupAction("action_listen")
            ]
        events: List[Dict[Text, Any]] = []
        for programme in programmes[:3]:  # (each one's events in turn: "처음 거", "포럼은" may point back to either)
            events += [SlotSet("programme", programme.slug)] + self.respond(dispatcher, tracker, replies, kb, intent, intent, programme)
        return [e for e in events if e.get("event") != "followup"]

    @staticmethod
    def comparison(
        replies: Replies, tracker: Tracker, kb: KnowledgeBase, programme: Optional[ProgrammeInfo]
    ) -> Optional[str]:
        """Which site is open later, earlier or longer, bigger, busier; or which programme takes older citizens."""
        places = compare_places(tracker, kb, programme)
        if places is not None and programme is not None:
            winners = join(place.name for place in places.winners)
            if not places.winners or len(places.winners) == len(places.values) and len(places.values) > 1:
                key = "utter_compare_unknown" if not places.winners else "utter_compare_tie"
            else:
                key = places.measure.reply
            lines = [replies.text(key, name=programme.name, winners=winners)]
            for place, value in places.values:
                if places.measure.value_reply is None and place.hours:
                    shown = _hours_summary(replies, place)
                elif value is not None and places.measure.value_reply is not None:
                    shown = replies.text(places.measure.value_reply, value=f"{value:,}")
                else:
                    shown = replies.text("utter_compare_value_unknown")
                lines.append(replies.text("utter_compare_value_line", place=place.name, value=shown))
            lines.append(replies.text("utter_compare_source", **source_values(programme)))
            return "\n".join(lines)
        ages = compare_age_limits(tracker, kb, programme)
        if ages is not None:
            lines = [replies.text("utter_compare_age_limits", winners=join(p.name for p in ages.winners))]
            for compared, _ in ages.values:
                rules = join(rule.text for rule in compared.rules if rule.kind in ("age_min", "age_max"))
                lines.append(replies.text("utter_compare_age_line", name=compared.name, rules=rules))
            lines.append(replies.text("utter_compare_source", **source_values(ages.values[0][0])))
            return "\n".join(lines)
        return None

    def judge(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase, p: ProgrammeInfo,
        restate: bool = True,
    ) -> List[Dict[Text, Any]]:
        """The verdict for ``p`` from what is known, or its rules (unless ``restate`` is off: the citizen is answering
        the form's questions) and the form for what is missing."""
        profile = context.profile_from_tracker(tracker)
        events: List[Dict[Text, Any]] = [SlotSet("programme", p.slug), SlotSet("last_question", "ask_eligibility")]
        result = check_eligibility(p, profile)
        if result.verdict is Verdict.UNKNOWN:
            form_asks = any(field in PROFILE_SLOTS for field in result.missing)
            if restate or not form_asks:  # without a form question to follow, the rules are the answer
                dispatcher.utter_message(text=eligibility_text(replies, p, profile))
            return events + ([FollowupAction("eligibility_form")] if form_asks else [])  # ask only what is missing
        utter_verdict(dispatcher, replies, kb, p, profile)
        return events

    @staticmethod
    def _introduce_eligibility(
        dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, programme: Optional[ProgrammeInfo]
    ) -> List[Dict[Text, Any]]:
        events: List[Dict[Text, Any]] = [SlotSet("last_question", "ask_eligibility")]
        if programme is None:
            return events  # the form asks which programme
        profile = context.profile_from_tracker(tracker)
        result = check_eligibility(programme, profile)
        if result.verdict is Verdict.UNKNOWN and any(field in PROFILE_SLOTS for field in result.missing):
            # the form will ask for these; without any to ask, the verdict action says the rules (once)
            dispatcher.utter_message(text=eligibility_text(replies, programme, profile))
        return events + [SlotSet("programme", programme.slug)]

    # -- one method per question
    def info_answer(self, replies: Replies, tracker: Tracker, kb: KnowledgeBase, p: ProgrammeInfo, places: List[PlaceInfo]) -> str:
        """What the programme is and offers; also what other actions say when a programme is named alone."""
        services = replies.text("utter_services_line", services=join(p.services)) if p.services else ""
        status = replies.text("utter_status_line", status=p.status_note) if p.status_note else ""
        text = replies.text("utter_programme_info", summary=p.summary, services=services, status=status, **source_values(p))
        if not p.services and "나와 있지 않" in p.summary:
            # "서울일자리센터는 무슨 도움을 주나요?": the report names it and no more; where to ask
            text += "\n" + replies.text("utter_info_unknown_ask_120")
        asked = tracker.latest_message.get("text") or ""
        if OFFERED_TOO.search(asked):
            # "거기서 교육도 해줘요?" of 협동조합지원센터: yes (it is what it offers), and how much of it the report counts
            named = " ".join([p.name, *p.aliases])
            words = [w for w in nouns(asked) if len(w) >= 2 and w not in ASKING_NOUNS and w not in named]
            counted = [f for f in p.figures if any(w in f.label for w in words)]
            if counted:
                lines = "\n".join(f"- {f.display()}" + (f" — {f.note}" if f.note else "") for f in counted)
                text += "\n" + replies.text("utter_figures_of_it", figures=lines)
        return text

    def _eligibility(self, replies: Replies, tracker: Tracker, kb: KnowledgeBase, p: ProgrammeInfo, places: List[PlaceInfo]) -> str:
        return eligibility_text(replies, p, context.profile_from_tracker(tracker))

    def _hours(self, replies: Replies, tracker: Tracker, kb: KnowledgeBase, p: ProgrammeInfo, places: List[PlaceInfo]) -> str:
        with_hours = [place for place in (places or p.places) if place.hours]
        if not with_hours:
            return self._hours_unknown(replies, p)
        days = self._asked_days(tracker)
        if days:
            return "\n".join(self._hours_on_days(replies, p, place, days) for place in with_hours)
        lines = [line for place in with_hours for line in hours_lines(replies, place)]
        notes = {place.note for place in with_hours if place.note}
        note = "".join(f"\n({n})" for n in sorted(notes))
        text = replies.text("utter_hours", hours="\n".join(lines), note=note, **source_values(p))
        if HOLIDAY_WORDS.search(tracker.latest_message.get("text") or ""):
            # "추석에도 열어요?": the report gives no holiday hours; say so first, then what it does give
            text = replies.text("utter_hours_holiday_unknown", name=p.name) + "\n" + text
        if BREAK_ASKED.search(tracker.latest_message.get("text") or ""):
            # "중간에 점심시간이라고 문 닫는 시간 있어요?": the report gives opening hours only
            text = replies.text("utter_hours_break_unknown", name=p.name) + "\n" + text
        return text

    @staticmethod
    def _hours_unknown(replies: Replies, p: ProgrammeInfo) -> str:
        """No hours in the report; where it says the place is not open yet ("’19년 3월 개관 예정"), that too."""
        notes = [p.status_note] + [f"{place.name}: {place.note}" for place in p.places if place.note]
        opening = [note for note in notes if note and OPENING_LATER.search(note)]
        status = replies.text("utter_status_line", status=opening[0]) if opening else ""
        return replies.text("utter_hours_unknown", name=p.name, status=status)

    @staticmethod
    def _asked_days(tracker: Tracker) -> List[int]:
        days: List[int] = []
        for value in latest_entity_values(tracker, "weekday"):
            if value in _DAY_GROUPS:
                days.extend(_DAY_GROUPS[value])
            elif value == "today":
                days.append(context.now().weekday())
            elif value == "tomorrow":
                days.append((context.now() + timedelta(days=1)).weekday())
            elif weekday_index(value) is not None:
                days.append(weekday_index(value))
        return list(dict.fromkeys(days))

    def _listed_open_on(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase,
        intent: Optional[str], named: Optional[ProgrammeInfo], text: str,
    ) -> Optional[List[Dict[Text, Any]]]:
        """"토요일에도 상담받을 수 있는 데가 있어요?" right after a list of programmes: the sites among them open on the
        day asked, with their hours; None when no such day or place is asked, or none of them gives hours then."""
        days = self._asked_days(tracker)
        listed = context.programmes_listed_lately(tracker, kb) if named is None and days and SOUGHT_PLACE.search(text) else []
        if listed:  # ("청년일자리센터, 일자리카페 …: 따로 자격 조건이 없어요" is in the list's text, not on its buttons)
            said = " ".join(context.bot_texts_lately(tracker))
            slugs = {p.slug for p in listed}
            listed += [p for p in kb.all_programmes(citizen_facing_only=True) if p.name in said and p.slug not in slugs]
        if intent not in ("ask_hours", "ask_open_now", "ask_location") or len(listed) < 2:
            return None
        open_then = [
            (p, place) for p in listed for place in p.places
            if any(h.weekday in days and not h.closed for h in place.hours)
        ]
        if not open_then:
            return None
        dispatcher.utter_message(text="\n".join(self._hours_on_days(replies, p, place, days) for p, place in open_then))
        first = open_then[0][0]
        return [SlotSet("programme", first.slug), SlotSet("place", open_then[0][1].name), SlotSet("last_question", "ask_hours")]

    def _hours_on_days(self, replies: Replies, p: ProgrammeInfo, place: PlaceInfo, days: List[int]) -> str:
        lines = []
        by_day = {h.weekday: h for h in place.hours}
        one_time_daily = len(by_day) == 7 and len({(h.closed, h.opens, h.closes) for h in place.hours}) == 1
        # "평일 몇시까지": one line for the days that keep the same hours ("평일(월~금)에는 09:00~21:00"), not five (a
        # site the report gives one daily time for keeps its day-by-day lines and the note below)
        if (
            len(days) > 1 and not one_time_daily and all(d in by_day for d in days)
            and len({(by_day[d].closed, by_day[d].opens, by_day[d].closes) for d in days}) == 1
        ):
            hours = by_day[days[0]]
            values = dict(place=place.name, day=_days_label(days), source=p.source_section, as_of=p.as_of_label)
            if hours.closed:
                return replies.text("utter_hours_day_closed", **values)
            key = "utter_hours_day_overnight" if hours.overnight else "utter_hours_day"
            return replies.text(key, opens=_time(hours.opens), closes=_time(hours.closes), **values)
        for day in days:
            hours = next((h for h in place.hours if h.weekday == day), None)
            values = dict(place=place.name, day=WEEKDAY_KO[day], source=p.source_section, as_of=p.as_of_label)
            if hours is None:
                known = _days_label(sorted({h.weekday for h in place.hours}))
                lines.append(replies.text("utter_hours_day_unknown", known=known, place=place.name, day=WEEKDAY_KO[day]))
            elif hours.closed:
                lines.append(replies.text("utter_hours_day_closed", **values))
            else:
                key = "utter_hours_day_overnight" if hours.overnight else "utter_hours_day"
                lines.append(replies.text(key, opens=_time(hours.opens), closes=_time(hours.closes), **values))
        if len({h.weekday for h in place.hours}) == 7 and len({(h.closed, h.opens, h.closes) for h in place.hours}) == 1:
            # "토요일 일요일에도 해요?" of a shelter the report gives one daily time for: it says no more than 매일
            lines.append(replies.text("utter_hours_daily_note", place=place.name))
        return "\n".join(lines)

    def _open_now(self, replies: Replies, tracker: Tracker, kb: KnowledgeBase, p: ProgrammeInfo, places: List[PlaceInfo]) -> str:
        with_hours = [place for place in (places or p.places) if place.hours]
        if not with_hours:
            return self._hours_unknown(replies, p)
        moment = self._asked_moment(tracker)
        label = f"{WEEKDAY_KO[moment.weekday()]} {moment:%H:%M}"
        lines = []
        for place in with_hours:
            answer = open_status(place, moment)
            key = {
                OpenStatus.OPEN: "utter_open_now",
                OpenStatus.CLOSED: "utter_closed_now",
                OpenStatus.UNKNOWN: "utter_open_unknown",
            }[answer.status]
            today = hours_on(place, moment.date())
            shown = answer.from_previous_day or today
            hours = _range(replies, shown) if shown else _hours_summary(replies, place)
            lines.append(replies.text(key, now=label, place=place.name, hours=hours, as_of=p.as_of_label))
        if places and all(open_status(place, moment).status == OpenStatus.CLOSED for place in with_hours):
            # "밤샘 촬영 끝나면 새벽 세 시 네 시인데 그 시간에 쉴 수 있는 데는 없는지요" of 상암쉼터: the others open then
            elsewhere = [
                place for place in p.places
                if place not in with_hours and place.hours and open_status(place, moment).status == OpenStatus.OPEN
            ]
            if elsewhere:
                lines.append(replies.text(
                    "utter_open_elsewhere", now=label,
                    places=", ".join(f"{place.name}({_hours_summary(replies, place)})" for place in elsewhere),
                ))
        return "\n".join(lines)

    @staticmethod
    def _asked_moment(tracker: Tracker) -> datetime:
        """Now, or the time (and day) the citizen asked about ("토요일 새벽 2시에 열어?")."""
        moment = context.now()
        days = ActionAnswerProgrammeQuestion._asked_days(tracker)
        if days:
            moment += timedelta(days=(days[0] - moment.weekday()) % 7)
        for value in latest_entity_values(tracker, "time"):
            try:
                hour, minute = (int(part) for part in value.split(":"))
                return moment.replace(hour=hour % 24, minute=minute, second=0, microsecond=0)
            except ValueError:
                continue
        return moment

    def _location(self, replies: Replies, tracker: Tracker, kb: KnowledgeBase, p: ProgrammeInfo, places: List[PlaceInfo]) -> str:
        shown = places or list(p.places)
        said = tracker.latest_message.get("text") or ""
        in_dong = [
            place for place in p.places
            if any(
                (part.endswith("동") and len(part) >= 3 and part in said)
                # ("상계역 근처 사는데 … 젤 가까운데": the neighbourhood's station or side)
                or (part.endswith("동") and len(part) >= 3 and re.search(re.escape(part[:-1]) + r"(?:역|\s*(?:쪽|근처))", said))
                # "군포에도 … 있다는": a city outside Seoul the address names (경기도 군포시)
                or (part.endswith("시") and len(part) >= 3 and part[:-1] in said and not part.startswith("서울"))
                for part in f"{place.address or ''} {place.district or ''}".split()
            )
        ]
        if in_dong:  # "한남동에 있는 건 어느 교육원이에요": the site in that neighbourhood
            shown, places = in_dong, []
        if EVERY_SITE.search(said):
            shown, places = list(p.places), []  # "나머지 교육원들은 각각 어디에 있어요?": all of them
        if OPEN_AT_NIGHT.search(said) and any(place.hours for place in p.places):
            shown = [place for place in p.places if any(hours.overnight for hours in place.hours)] or shown
            places = []
        if OUTSIDE_SEOUL.search(said):
            # "그중에 서울 아닌데 있는건 어디꺼": the sites outside Seoul's districts (남부기술교육원, 경기도 군포시)
            shown = [place for place in p.places if not (place.district or "").endswith("구")] or shown
            places = []
        if IN_SEOUL_ONLY.search(said) and not ALL_IN_SEOUL_ASKED.search(said) and not kb.places_in_text(said):
            # "그럼 서울 안에 있는 곳만 알려 주세요": every site in a Seoul district, whichever was discussed
            shown = [place for place in p.places if (place.district or "").endswith("구")] or shown
            places = []
        prefix = ""
        districts = list(dict.fromkeys(latest_entity_values(tracker, "district")))
        if context.NOT_THIS.search(said) or context.CORRECTION.search(said):
            districts = districts[-1:]  # "강동 아니고 용산이요": the last one counts
        if not districts and NEAR_HOME.search(said) and tracker.get_slot("district") and not kb.places_in_text(said):
            # "형네 집에서 젤 가까운 기술교육원은 어디에요" after "형은 강동구 천호동 살고": near the district told before
            districts, places = [tracker.get_slot("district")], []
        if context.OTHER_PLACES.search(said) and len(p.places) > 1:
            # "기술교육원이 노원에 있는 건 아는데 거기는 너무 멀어서요. 다른 데는 어디어디 있어요?": all but that one
            known = {place.name for place in kb.places_in_text(said)} | {
                place.name for district in districts for place in kb.places_in_district(district, p.slug)
            }
            others = [place for place in p.places if place.name not in known]
            if known and others:
                shown, places, districts = others, [], []
        # ("노원 근처에 있는지, 용산 쪽에도 있는지": each one asked about)
        per_district = [fact.text for fact in programme_facts(p) if PER_DISTRICT.search(fact.text)] if districts else []
        if districts and not p.places and per_district:
            # "강서구에도 그 옴부즈만 있어요?": no site, but the report says it is in every district (자치구별 2명)
            lines = "\n".join(f"- {line}" for line in dict.fromkeys(per_district[:2]))
            return replies.text("utter_fact_answer", facts=lines, **source_values(p))
        if districts and not places:
            in_district = [place for district in districts for place in kb.places_in_district(district, p.slug)]
            if in_district:
                shown = list(dict.fromkeys(in_district))
            else:
                prefix = replies.text("utter_location_district_none", district=districts[0], name=p.name) + "\n"
        if not any(place.address or place.district for place in shown):
            venues = [place for place in shown if VENUE_NAME.search(place.name)]
            if venues and not districts:  # "국제포럼 어디서 해요?": the place's name is where ("서울시청 다목적홀")
                lines = [replies.text("utter_location_line_venue", place=place.name) for place in venues]
                return replies.text("utter_location", places="\n".join(lines), **source_values(p))
            if len(shown) > 1 or places:  # "쉼터 어디어디 있어?", "퀵 하는 형님은 어디로?": the places, without addresses
                lines = [unknown_location_line(replies, place) for place in shown]
                listed = replies.text("utter_location", places="\n".join(lines), **source_values(p))
                return prefix + listed + "\n" + replies.text("utter_location_more_unknown")
            if not shown and not districts and WHICH_ONES_WHERE.search(said):
                # (the count heard, "두군데였다던데", asks no number of places)
                which = re.sub(r"\S*(?:군데|개소)\S*", " ", WHICH_ONES_WHERE.sub(" ", said))
                found = detail_answer(replies, kb, p, which, say_unknown=False)
                if found is not None:  # "시범기관이 두군데였다던데 어디어디요": which ones, named in its facts
                    return found[0]
            text = prefix + replies.text("utter_location_unknown", name=p.name)
            if p.status_note and STATUS_PLACE_ASKED.search(said):
                # "새 건물로 들어간다던데 거기 어디에요" of 노동권익센터: where the report plans it (전태일 노동복합시설 5층)
                text += replies.text("utter_status_line", status=p.status_note)
            nearby = [
                place for other in kb.all_programmes(citizen_facing_only=True)
                if other.topic == p.topic and other.slug != p.slug for place in other.places if place.address
            ]
            if not shown and nearby:  # "상담받으러 찾아가려면 어디로 가요" about 사회적경제기업 육성: its centres
                lines = [replies.text("utter_location_line", place=place.name, where=place.address) for place in nearby]
                text += "\n" + replies.text("utter_location_same_topic", places="\n".join(lines))
            return text
        lines = []
        for place in shown:
            where = place.address or place.district
            if where:
                extra = f" ({place.note})" if place.note else ""
                lines.append(replies.text("utter_location_line", place=place.name, where=where + extra))
            else:
                lines.append(unknown_location_line(replies, place))
        text = prefix + replies.text("utter_location", places="\n".join(lines), **source_values(p))
        asked = tracker.latest_message.get("text") or ""
        street_numbers = all(re.search(r"\d", place.address or "") for place in shown)  # "○○로 105", not "상계동"
        if DIRECTIONS_WORDS.search(asked) or (ADDRESS_WORDS.search(asked) and not street_numbers):
            text += "\n" + replies.text("utter_location_more_unknown")  # "번지까지", "지하철 몇 호선": not in the report
        return text

    def _how_to_apply(self, replies: Replies, tracker: Tracker, kb: KnowledgeBase, p: ProgrammeInfo, places: List[PlaceInfo]) -> str:
        if not p.how_to_apply:
            return replies.text("utter_how_to_apply_unknown", name=p.name)
        return replies.text("utter_how_to_apply", how=p.how_to_apply, **source_values(p))

    def cost_answer(self, replies: Replies, tracker: Tracker, kb: KnowledgeBase, p: ProgrammeInfo, places: List[PlaceInfo]) -> str:
        """What it costs, or its wage, as the report says; also said by other actions beside a verdict."""
        wages = [f.display() for f in p.figures if f.unit.strip() == "원" and WAGE_WORDS.search(f.label)]
        if not wages and WAGE_WORDS.search(without_set_aside(tracker.latest_message.get("text") or "")):
            text = replies.text("utter_wage_unknown", name=p.name)  # "공공근로 하루 일당이 얼마나 돼요": not in the report
            for figure in wages_said_of_others(kb, p, tracker.latest_message.get("text") or ""):
                # "취업날개 시급이 9220원 맞죠?": that wage is another programme's (뉴딜일자리's 생활임금)
                text += "\n" + replies.text("utter_wage_is_of_another", wage=figure.display(), name=kb.programme(figure.programme_slug).name)
            return text
        if not p.cost and wages:  # "생활임금 얼마예요?": for a wage, what it costs is what it pays
            text = replies.text("utter_cost", cost=", ".join(wages), **source_values(p))
            asked = tracker.latest_message.get("text") or ""
            if CURRENT_WORDS.search(asked):
                text += "\n" + replies.text("utter_amount_may_have_changed")  # "지금 시간당 얼마예요?"
            national = NOT_COVERED.search(asked)
            if national is not None and EACH_OF_TWO.search(asked):
                # "최저임금이랑 서울시 생활임금 각각 얼마에요?": and that the national one is not in the report
                text += "\n" + replies.text("utter_not_covered", topic=national.group())
            return text
        if not p.cost:
            return replies.text("utter_cost_unknown", name=p.name)
        named = services_named(p, tracker.latest_message.get("text") or "")
        # "정장만 빌려주고 사진이랑 헤메는 돈 따로 내야되죠?": the price, and what the report says of the services named
        cost = " — ".join([p.cost, *named]) if named else p.cost
        text = replies.text("utter_cost", cost=cost, **source_values(p))
        if REPORT_LACKS.search(p.cost):  # "그 밖의 비용은 보고서에 없어요" (정규과정 수업료): where to ask
            text += "\n" + replies.text("utter_info_unknown_ask_120")
        return text

    def _contact(self, replies: Replies, tracker: Tracker, kb: KnowledgeBase, p: ProgrammeInfo, places: List[PlaceInfo]) -> str:
        return replies.text("utter_contact_unknown", name=p.name)

    @staticmethod
    def _next_steps(replies: Replies, programme: ProgrammeInfo, asked: str) -> List[Dict[str, str]]:
        steps = [
            ("ask_hours", "utter_button_hours", any(place.hours for place in programme.places)),
            ("ask_eligibility", "utter_button_eligibility", bool(programme.rules)),
            ("ask_how_to_apply", "utter_button_apply", bool(programme.how_to_apply)),
            ("ask_location", "utter_button_location", any(pl.address or pl.district for pl in programme.places)),
        ]
        return [
            replies.button(title, intent_payload(intent, programme=programme.slug))
            for intent, title, available in steps
            if available and intent != asked
        ][:3]


class ActionStopEligibilityUnlessAnswered(KnowledgeAction):
    """A "no" to the form's question stops the eligibility check, unless it answers it ("구직등록이요? 그런 거 안
    했는데요" reads as a no): then the check goes on with that answer."""

    answers_follow_ups = False  # (runs inside the form)

    def name(self) -> Text:
        return "action_stop_eligibility_unless_answered"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        programme = current_programme(tracker, kb)
        if programme is not None and answers_the_form(tracker):
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, programme, restate=False)
        named = mentioned_programme(tracker, kb)
        if named is not None and named.rules:  # "아니 그거 말고 뉴딜 그건 몇살까지": the rules of the one meant
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, named)
        dispatcher.utter_message(response="utter_eligibility_stopped")
        return []
