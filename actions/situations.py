"""From a situation the citizen describes ("사장이 월급을 안 줘요") to the programmes that help."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import (
    ASKS_FOR_THEM_TOO, BESIDES, CORRECTION, NOT_THIS, SUPPOSED, THE_SAME_ABOUT, Replies, current_programme, join, judged_just_before,
    knows_about_citizen,
    latest_entity_values, mentioned_programme, named_only_in_the_story, previous_programme, previous_user_text,
    programme_buttons, programmes_listed_lately, said_just_before, states_facts_it_judges, states_profile_facts,
    previous_reply, programmes_just_listed, the_one_offering, used_in_the_story, verdict_asked_again,
)
from actions.details import (
    asks_for_a_date, asks_for_a_figure, detail_answer, meaning_answer, policy_figure_answer, policy_figure_follow_up,
    say_detail, states_a_number,
)
from actions.eligibility import YOUTH, YOUTH_AGES, answers_the_form
from actions.fits import answer_about_fits, utter_fits, utter_for_employers_hiring
from actions.programme_questions import (
    ASKS_SOMETHING, FEE_WORDS, LIMIT_ASKED, OWN_PROCESS, POLICY_FIGURE_STRONG, ActionAnswerProgrammeQuestion,
    asks_the_same_about, rare_words_of,
)
from actions.questions_apart import AnswersQuestionsApart
from actions.question_words import (
    AMONG_LISTED, ASKS_IF_I_CAN, ELIGIBILITY_WORDS, ASKS_IF_I_QUALIFY, BACK_REFERENCE, EVERYTHING_ASKED, FEATURE_QUESTION, FOLLOW_UP_LENGTH,
    FREE_ASKED, ITEMS_LENT, NEARBY_WORDS, NOT_COVERED, PERSON_ASKS_IF_ELIGIBLE, POINTS_BACK, QUESTION_LENGTH, STUDENT_WORDS, WHO_FOR, WHO_RUNS_WORDS, only_tells_of_work,
    APPLIES_TO_ASKED, PENALTY_ASKED, SITE_IN_DISTRICT_ASKED, STORY_LENGTH, question_named, question_sentence, wage_asked,
)
from knowledge.clauses import QUESTION_WORD
from knowledge.fact_search import DISTINCTIVE_IDF, asking_part, question_bigrams, question_words
from knowledge.morphology import nouns
from knowledge.queries import KnowledgeBase, ProgrammeInfo


# situations where the programmes that help depend on who is asking: with an age told, the fits for the profile
PROFILE_SITUATIONS = ("situation_job_search", "situation_low_income")
# situations that say the one they are about is looking for work
SEEKING_WORK = ("situation_interview_suit",)
# the needs of a job seeker, for whom "다 알려주세요" with their facts asks all that fits them (not an organisation's)
JOB_SEEKERS_NEEDS = PROFILE_SITUATIONS + SEEKING_WORK + ("situation_study_space", "situation_job_training")
# the intents of a situation told (domain.yml)
SITUATION_INTENTS = (
    "situation_unpaid_wages", "situation_unfair_dismissal", "situation_workplace_harassment", "situation_customer_abuse",
    "situation_labour_problem", "situation_small_workplace", "situation_interview_suit", "situation_study_space",
    "situation_job_search", "situation_job_training", "situation_low_income", "situation_rest_area",
    "situation_social_economy",
)
# below this NLU confidence a situation in a conversation about a programme may well be a question about it
# ("기초수급자면 먼저 뽑힌다는 얘기 들었는데 진짜예요?" read as a labour problem at 0.19)
UNSURE_SITUATION = 0.4
# at or above it, a longer message of another need is a new topic, not a follow-up about the programme discussed
SURE_SITUATION = 0.9


# questions a story may ask outright; cost and applying words ("공짜로 빌렸다던데", "신청했는데") are often narrative
ANSWERED_IN_A_STORY = ("ask_open_now", "ask_hours", "ask_location", "ask_contact")
# national benefits a worker claims (not the labour-law duties an employer asks 마을노무사 about: 주휴수당, 퇴직금)
BENEFIT_SCHEME = re.compile(r"실업\s*급여|국민취업지원|구직\s*활동\s*지원금|내일\s*배움\s*카드|청년\s*도약|내일\s*채움|근로\s*장려금")
# "욕설 전화 받고", "진상 손님": who abuses the worker is a customer (감정노동), not a boss or colleague
BY_CUSTOMERS = re.compile(r"고객|손님|민원인|진상|(?:욕설|폭언|욕)\s*(?:전화|콜)|전화\s*(?:로|상으로)?\s*(?:욕|폭언)")
# "팀장이 소리 지르고", "사장님이 욕을": who abuses the worker is a boss or colleague (직장 내 괴롭힘)
BY_COLLEAGUES = re.compile(r"사장|상사|팀장|부장|과장|차장|실장|점장|대표|동료|선배|상급자|직장\s*내|회사\s*사람")
# "나이가 많아서 받아주는 데가 없네요", "나이 들어서 써주는 데가 없어": too old, in the citizen's eyes, for jobs for the young
OLDER_SEEKER = re.compile(r"나이(?:가|도)?\s*(?:많|들|있)|나이\s*때문|늦은\s*나이|(?:50|60|70)대|환갑|은퇴")
# "서울시 기관들은 어떻게 줄였어요?": what the city does in its own institutions (a programme not for citizens)
CITY_OWN_ASKED = re.compile(r"(?:서울시|시)\s*(?:기관|산하)|투자\s*·?\s*출연|공공\s*기관(?:들)?(?:은|는|에서)|서울시(?:는|에서는)\s*(?:어떻게|뭘|무엇)")
# "요건이 뭐에요? 유급근로자 몇명 있어야 돼요?": what it takes, not a figure of the help
REQUIREMENT_ASKED = re.compile(r"요건|조건|자격|있어야|해야|돼야|되어야")
# "스터디할 장소 없나", "모일 데 있어요?": whether there is a place for the need (the list of them)
PLACE_WANTED = re.compile(r"(?:장소|곳|데|공간)\s*(?:이|가|는|도)?\s*(?:없|있)")
# "돈 받으면서 진짜 일 경험 쌓을 수 있는데", "월급 받으면서 일 배울수 있는 데": paid work that gives experience
PAID_EXPERIENCE_WANTED = re.compile(
    r"(?:돈|월급|급여|임금|월급도)\s*(?:을|도)?\s*(?:받으면서|받으며|받고|벌면서|주면서)\s*(?:\S+\s*){0,2}?(?:일|경험|경력|배우|배울)"
    r"|일\s*경험\s*(?:을\s*)?(?:쌓|해\s*볼|할\s*수)|경력\s*(?:을\s*)?(?:쌓|만들)|직무\s*경험"
)
# a programme that is paid work with experience ("직무경험 … 생활임금을 받으며 … 일할 수 있어요")
GIVES_PAID_EXPERIENCE = re.compile(r"직무\s*경험.*받으며|받으며.*일할\s*수")
# "몇 살까지 돼?", "나이 제한 있어요?": the age limit asked outright ("나이가 많아서 걱정이에요" is part of a story)
AGE_LIMIT_QUESTION = re.compile(
    r"몇\s*살\s*(?:까지|부터)|나이\s*(?:제한|기준|상한|하한|는\s*몇|가\s*몇)|연령\s*(?:제한|상한)|몇\s*세\s*(?:까지|부터)"
    r"|\d{1,2}\s*(?:살|세)\s*(?:까지|부터|이하|이상)(?:라는|이라는|라던|이라던|인\s*거|맞)"  # "34살까지라는거 맞죠?"
)
# "다른 지원 뭐 있어요": help besides the programme the story started with
OTHER_HELP = re.compile(r"다른\s*(?:지원|제도|도움|거|것|프로그램|사업)")
# "학비는 어떻게 되나요": what it costs, not whether one qualifies ("무료로 빌릴 수 있어요?" still is)
PRICE_ASKED = re.compile(r"얼마|비용|학비|수업료|교육비|가격|요금|유료")
# "새벽에도 쉴 수 있어요?", "밤에도 열어요?": a time of day asked of a place
WHEN_OPEN = re.compile(r"(?:새벽|밤|아침|저녁|주말|늦게)(?:에)?도\s*(?:쉴|갈|열|이용|있)")
# "이름이 뭐였죠?", "뭐라고 하던데": a name asked
NAME_ASKED = re.compile(r"이름이\s*(?:뭐|무엇|어떻게)|뭐였(?:죠|지|더라)|뭐라고\s*(?:하|부르|불러)|명칭")
# "무료로 받을 수 있는 노동상담은 뭐 있어요?": what there is, not whether one qualifies
WHAT_THERE = re.compile(r"뭐\s*(?:가\s*)?있|뭐뭐|어떤\s*(?:게|것|거|곳|데)\s*있|무엇이\s*있")
# what tells a new story ("용접 배우고 싶은데 나이가 많아서 걱정이에요"), not a question about the programme discussed
STORY_MARKERS = re.compile(r"싶은데|싶어서|걱정|힘들|고민|막막|어떡|어떻게\s*해야|당했|못\s*받")
# what was done to the citizen: a programme of the city's own workforce they name (정규직 전환) is no help for it
HARM_DONE = (
    "situation_unfair_dismissal", "situation_unpaid_wages", "situation_workplace_harassment", "situation_customer_abuse",
)
# "정규직 전환 이런거 있지 않아요?": whether the programme named exists, asked outright
THERE_IS_ONE_ASKED = re.compile(r"(?:이런|그런)\s*(?:거|게|것|제도)\s*(?:도\s*)?(?:있|없)|있지\s*않(?:아|나|나요|습니까)")
# "멘토스쿨 같은것도 있다며", "청년수당이라는 것도 있나요": a thing heard of, asked whether it exists
# "옮겼다는 말 있던데 맞아요?", "늘린다던데 사실이에요?": something heard about it, to be confirmed
HEARD_SAID = re.compile(
    r"(?:다는|다던|라는|라던|대던|댔다는)\s*(?:말|얘기|애기|소리|소문|기사|뉴스)?\s*(?:이|가|을|를|도)?\s*(?:있던데|있어서|들었|봤|있다|많던데)?"
    r"[^?？]{0,12}(?:맞아요|맞나요|맞죠|맞음|맞지|맞냐|사실|진짜|정말)"
)
HEARD_OF_ONE = re.compile(
    r"(?:같은\s*(?:것|거|게)|(?:이)?란\s*(?:것|거|게)|(?:이)?라는\s*(?:것|거|게))\s*(?:도|이|가)?\s*"
    r"(?:있다며|있다던데|있다는데|있다고|있던데|있어요|있나요|있음|있어|있습니까|있는지)"
)
# "목표 얼마에요", "몇 개": a number asked, which one of the bureau's own figures may be
BUREAU_FIGURE_ASKED = re.compile(r"몇|얼마|목표|규모|예산|실적")
# "배울 수 있겠네요?", "다닐 수 있겠습니까": whether one can (said as a guess)
CAN_I = re.compile(r"(?:수\s*있|되)겠(?:네요|죠|지요|습니까|나요|어요)")
# a question sharing this many of the report's rare words with the programme discussed quotes it
QUOTED_WORDS = 3


def after_the_programme(tracker: Tracker, text: str, sentence: str) -> str:
    """"…용역회사가 휴게시간도 안주고 … 노동옴부즈만 이란게 있다고 들었는데 머하는거에요": in a story told in one breath
    the question follows the programme's name, and the story's words before it ("휴게시간", "문닫는다고") ask nothing."""
    start = text.rfind(sentence)
    if len(sentence) <= STORY_LENGTH or start < 0:
        return sentence
    ends = [
        entity.get("end") for entity in tracker.latest_message.get("entities") or []
        if entity.get("entity") == "programme" and isinstance(entity.get("end"), int)
    ]
    cut = max((end for end in ends if start < end < start + len(sentence)), default=None)
    return text[cut:start + len(sentence)] if cut is not None else sentence


def asked_question(tracker: Tracker, text: str) -> Optional[str]:
    """The question a message about a situation also asks in so many words ("…어디 있어요?", "몇 명이에요?",
    "근처에 있는지요" with a district), or None."""
    sentence = after_the_programme(tracker, text, question_sentence(text))  # ("…공장이 문을 닫아 …, 저도 신청이 되겠습니까?" asks no hours)
    named = question_named(sentence)
    if named in ANSWERED_IN_A_STORY:
        return named
    if WHO_FOR.search(sentence):  # "서울시에 노동자 쉼터가 있다던데 아무나 쓸 수 있는 건지요?": who it is for
        return "ask_eligibility"
    if WHO_RUNS_WORDS.search(text):  # "면접 옷 빌려주는 거, 그거 어떤 업체들이 맡아서 해요?"
        return "ask_programme_info"
    if WHEN_OPEN.search(text):  # "콜 끝나고 새벽에도 쉴 수 있는 거예요?": whether it is open then
        return "ask_hours"
    if latest_entity_values(tracker, "district") and (NEARBY_WORDS.search(text) or SITE_IN_DISTRICT_ASKED.search(sentence)):
        return "ask_location"  # ("… 기술교육원 노원에도 있나요?": a site there)
    # (of a story told in one breath, only what follows the programme's name: not "하루 12시간씩 일해요 주52시간 …")
    return "ask_programme_info" if asks_for_a_figure(sentence if sentence != question_sentence(text) else text) else None


# "부르면 돈 내요?", "돈 들어요?": whether one pays
PAYING_ASKED = re.compile(r"돈\s*(?:을\s*|이\s*)?(?:내|들|드나|받나|받아요)|비용\s*(?:이\s*)?(?:들|드|있|나가)|유료")
# "그럼 면접정장 빌리는건요?", "정장은요?": the same question (as before) of another thing
ASKED_IN_TURN = re.compile(r"(?:은|는|도|건)\s*(?:요|여)?\s*[?？!.~]*$")
# "긴 과정 말고 짧게 배우는 과정도 있읍니까": whether it has another kind of what was set aside, not a correction
OTHER_KIND_ASKED = re.compile(r"(?:말고|말구)\s.*도\s*(?:있|따로\s*있)(?:어요|나요|습니까|읍니까|을까요|어|나|냐|음|니)")
# a year named ("작년", "올해", "2017년")
A_YEAR = re.compile(r"작년|올해|내년|재작년|전년|금년|\d{4}\s*년|[’']\d{2}\s*년")
# "…걱정인데 미세먼지 …": a remark, then the question
REMARK_THEN = re.compile(r"(?<=[는은인]데)\s+")
# the confidence of a second situation the NLU saw in a story for it to be a need told too
SECOND_NEED = 0.1


def second_need(tracker: Tracker, kb: KnowledgeBase, situation: str, programmes: List[ProgrammeInfo]) -> List[ProgrammeInfo]:
    """The programmes for a second need the story tells ("담주 면접인데 정장도 없고 스터디할 공간도 없어요": a suit
    besides a study room): of a situation the NLU saw close behind, those sharing a rare word with the story."""
    text = tracker.latest_message.get("text") or ""
    if len(text) <= FOLLOW_UP_LENGTH:
        return []
    listed = {p.slug for p in programmes}
    index = kb.fact_index()
    for rival in (tracker.latest_message.get("intent_ranking") or [])[1:3]:
        name = rival.get("name") or ""
        if name.startswith("situation_") and name != situation and (rival.get("confidence") or 0.0) >= SECOND_NEED:
            # (a rare word of what it is, "정장" of 취업날개's summary; not "업체" of the firms that run it)
            return [
                p for p in kb.for_situation(name) if p.slug not in listed and any(
                    gram in p.summary for gram in index.distinctive_words_shared(text, p.slug)
                )
            ]
    return []


def own_word_of(kb: KnowledgeBase, text: str, programme: ProgrammeInfo, other: ProgrammeInfo) -> bool:
    """Whether ``text`` says a word of three letters or more that ``programme``'s facts use and ``other``'s do not."""
    index = kb.fact_index()
    return any(
        len(noun) >= 3 and noun in index.said_of(programme.slug) and noun not in index.said_of(other.slug) for noun in nouns(text)
    )


def primary_programme(programmes: List[ProgrammeInfo], situation: str) -> ProgrammeInfo:
    """The programme made for this situation: the most specialised one (fewest situations; 취업날개 for no
    interview suit), then the one listing it first."""
    return min(programmes, key=lambda p: (
        len(p.situations), p.situations.index(situation) if situation in p.situations else len(p.situations)
    ))


# "… 퇴직금은 얼마나 나와요?", "최저임금은요?": the national scheme's amount, or the scheme itself, asked after naming it
SCHEME_ITSELF_ASKED = re.compile(r"^\s*(?:은|는|이|가|을|를)?\s*(?:얼마|몇|계산|어떻게\s*(?:계산|받|돼)|요\s*[?？]|\s*[?？])")
# "뭐 할수있어요?", "어떤 게 되나요": which programmes, not whether one
WHICH_ASKED = re.compile(r"뭐|뭘|무엇|어떤|무슨|어느|어디|머\s*(?:할|있|없|해)")
# "뉴딜 뽑을때 면접도 봄?": a step of the programme's own selection asked of it (not "면접볼때 정장 빌려주는")
SELECTION_STEP_ASKED = re.compile(r"(?:면접|시험|필기|서류\s*심사|추첨)\s*(?:도|은|는)\s*(?:봐|봄|보나|보는지|봐야|있|치|쳐)")
# "청년이면 다 됨?", "학생이면 누구나 돼요?": whether a whole group may use it (its rules)
GROUP_ASKED_WHOLE = re.compile(
    r"(?:청년|학생|대학생|구직자|취준생|서울\s*시민|시민)(?:이면|이라면|면|이면은|들은|은|는)?\s*(?:다|누구나|아무나|전부|모두)\s*(?:돼|되|됨|가능|받|할\s*수|빌릴\s*수)"
)
# "스터디할 공간도 필요하고 면접정장도 없어요ㅠ 둘다 해결할 방법": help for each need told
BOTH_NEEDS_ASKED = re.compile(r"둘\s*다\s*(?:해결|필요|도움)|(?:두\s*가지|둘)\s*(?:다|모두)?\s*(?:한\s*번에|한꺼번에|같이)")


# below this the NLU's situation is a guess, and a detail of what was just listed may be what is asked
LISTED_DETAIL_UNSURE = 0.3
WH_WORDS = re.compile(r"어디|언제|몇|얼마|뭐|무슨|어떤|어떻게")


# "그런것도 해요?", "봐주나요", "해줘요?": whether a programme offers a thing
OFFERS_THAT_ASKED = re.compile(r"(?:것|거|건)도\s*(?:해|하나|돼|되나|있)|(?:봐|해|도와)\s*(?:줘요|주나|주나요|줌|주는지|주세요|줄래)\s*[?？]|(?<![에시])도\s*해요\s*[?？]")


# "구조조정으로 나왔어요", "회사가 문을 닫아서": let go for the business's reasons, not for anything done to the worker
LET_GO_FOR_BUSINESS = re.compile(r"구조\s*조정|폐업|문\s*(?:을\s*)?닫|부도|도산|권고\s*사직|희망\s*퇴직|계약\s*만료")
# "시에서 뭐 도와주는거 없나요": what the city offers
HELP_OF_THE_CITY = re.compile(r"(?:도와|지원해)\s*주는\s*(?:거|게|것|건|데)|(?:뭐|무슨|어떤)\s*(?:지원|도움|제도)")
# "상담받을 곳도 있어?", "물어볼 데 없나": a place for help asked for
HELP_PLACE_ASKED = re.compile(r"(?:곳|데|센터|기관)(?:도|이|가|는)?\s*(?:있|없|알려|어디)")


class ActionAnswerSituation(AnswersQuestionsApart):
    """Lists the programmes whose sources name this situation, in the order the sources give."""

    answered_intents = SITUATION_INTENTS

    def name(self) -> Text:
        return "action_answer_situation"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        situation = (tracker.latest_message.get("intent") or {}).get("name", "")
        text = tracker.latest_message.get("text") or ""
        discussed = kb.programme(tracker.get_slot("programme") or "")
        follow_up = policy_figure_follow_up(tracker, replies, kb) if len(text) <= QUESTION_LENGTH else None
        if follow_up is not None:  # "그중에 직접일자리만 보면요" right after Seoul's job target: the direct jobs' target
            dispatcher.utter_message(text=follow_up)
            return []
        if situation == "situation_workplace_harassment" and (
            BY_CUSTOMERS.search(text)
            or (
                discussed is not None and "situation_customer_abuse" in discussed.situations
                and not BY_COLLEAGUES.search(text)
            )
        ):
            # "팀원 하나가 욕설 전화 받고 울면서 퇴근했어요": abuse from customers on the phone, not from colleagues; so is
            # "직원들이 직접 상담받을 곳도 있나요" while customers' abuse (감정노동 보호) is discussed
            situation = "situation_customer_abuse"
        compared = ActionAnswerProgrammeQuestion.comparison(replies, tracker, kb, discussed) if len(text) <= STORY_LENGTH else None
        if compared is not None:  # "밤에 여는데는 아예없냐 우리 촬영 끝나면 새벽인데" while the shelters are discussed
            dispatcher.utter_message(text=compared)
            return []
        named = mentioned_programme(tracker, kb)
        helping = kb.for_situation(situation)
        counted = named or (  # (not while one is discussed, nor its rule's limit: "몇 명 이하 사업장이어야 되는데요")
            primary_programme(helping, situation)
            if helping and len(text) <= FOLLOW_UP_LENGTH and discussed is None and not LIMIT_ASKED.search(text) else None
        )
        if (
            counted is not None and len(text) <= STORY_LENGTH and asks_for_a_figure(text) and not states_profile_facts(tracker)
            and not A_YEAR.search(text)  # (a year's figure, "작년 상담건수 몇건이에요?", is answered below, that year's)
            and not (counted.rules and LIMIT_ASKED.search(text))  # (nor "직원 몇 명 이하인 가게를 봐주는건지요": its rule)
        ):
            # "협동조합센터 상담 실적이 어느정도 돼요" (a cooperative's need to the NLU): that figure of the one named;
            # "직업훈련 올해 계획인원" (wanting training): that of the one made for it (기술교육원's 7,298명)
            found = detail_answer(replies, kb, counted, text, say_unknown=False)
            if found is not None:  # (a question about it: "아 작년 말고 올해 목표치요" corrects it)
                return say_detail(dispatcher, found) + [SlotSet("last_question", "ask_programme_info")]
        if named is not None and len(text) <= STORY_LENGTH and HEARD_SAID.search(text) and not states_profile_facts(tracker):
            # "퀵 기사들 쉬는 북창쉼터요 거기 딴데로 옮겼다는 말 있던데 맞아요?": whether what was heard is so (’18.4월
            # 장소 이전), not the list of shelters
            places = [p.name for p in kb.places_in_text(text) if p.programme_slug == named.slug]
            found = detail_answer(replies, kb, named, text, places[0] if places else None, say_unknown=False)
            if found is not None:
                return say_detail(dispatcher, found) + [SlotSet("programme", named.slug)]
        if (
            situation == "situation_unfair_dismissal" and LET_GO_FOR_BUSINESS.search(text) and states_profile_facts(tracker)
            and HELP_OF_THE_CITY.search(text) and named is None and not NOT_COVERED.search(text)
        ):  # "만 52 도봉구 사는데 회사 구조조정으로 나왔어요 시에서 뭐 도와주는거 없나요": out of work for the firm's
            # reasons, asking what the city offers them (공공근로, 기술교육원 …), not whether the dismissal was fair
            return utter_fits(dispatcher, tracker, replies, kb)
        hiring = utter_for_employers_hiring(dispatcher, tracker, replies, kb)
        if hiring is not None:  # "대체인력 구하기가 넘 힘드네요 서울시에 뭐 없나요?" from a company: not the worker's need
            return hiring
        events = self.respond_to(dispatcher, tracker, replies, kb, situation)
        if situation in SEEKING_WORK and tracker.get_slot("job_status") is None and not any(
            e.get("name") == "job_status" for e in events
        ):  # "아들이 다음주에 첫 면접인데 양복이 없대요": whoever has an interview is looking for work (취업날개's 구직자)
            events.append(SlotSet("job_status", "job_seeker"))
        return events

    @staticmethod
    def _own_process(
        dispatcher: CollectingDispatcher, replies: Replies, kb: KnowledgeBase, programme: ProgrammeInfo, text: str
    ) -> Optional[List[Dict[Text, Any]]]:
        """A step of the programme's own selection asked ("면접도 봐요?", "시험 있어요?"): what the report says of it,
        or that it does not say; None when no such step is asked."""
        process = OWN_PROCESS.search(text)
        if process is None:
            return None
        found = detail_answer(replies, kb, programme, text, say_unknown=False)
        if found is not None:
            return say_detail(dispatcher, found)
        words = [word for word in nouns(text) if word in process.group() and len(word) > 1] or [process.group()]
        dispatcher.utter_message(text=replies.text("utter_feature_unknown", name=programme.name, words=", ".join(words)))
        return [SlotSet("programme", programme.slug)]

    def respond_to(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase, situation: str
    ) -> List[Dict[Text, Any]]:
        """The answer to ``situation`` (also when the NLU's first guess was another intent, close behind)."""
        if answers_the_form(tracker) and current_programme(tracker, kb) is not None:
            # the answer to the form's question, read as a situation: the eligibility check goes on
            return ActionAnswerProgrammeQuestion().judge(
                dispatcher, tracker, replies, kb, current_programme(tracker, kb), restate=False
            )
        again = verdict_asked_again(tracker, kb, replies)
        if again is not None:  # "아 구직등록 한 줄 알았는데 안돼있네 ㅋㅋ 그럼?" (heard as unpaid wages) after a verdict
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, again)
        text = tracker.latest_message.get("text") or ""
        current = current_programme(tracker, kb)
        if (
            current is not None and mentioned_programme(tracker, kb) is None and not states_profile_facts(tracker)
            and (asks_for_a_date(text) or asks_for_a_figure(text)) and current.slug not in [p.slug for p in kb.for_situation(situation)]
            and rare_words_of(kb, text, current)  # (a word of its own asked: 면접 of its selection, not "사회적기업 몇개")
        ):
            own = detail_answer(replies, kb, current, text, say_unknown=False)
            if own is not None and states_a_number(own[0]):
                # "면접 날짜가 언제라고요" (a suit for an interview, to the NLU) while 서울형 강소기업's selection is
                # discussed: its 면접(7.17.~7.18.), not 취업날개 (asked of it, so a site discussed counts too)
                return ActionAnswerProgrammeQuestion().respond(
                    dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", current
                )
        confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0.0
        if (
            confidence < LISTED_DETAIL_UNSURE and not states_profile_facts(tracker) and len(text) <= STORY_LENGTH
            and question_named(text) in (None, "ask_programme_info") and not (POINTS_BACK.search(text) or BACK_REFERENCE.search(text))
            and mentioned_programme(tracker, kb) is None and not judged_just_before(tracker, replies)
        ):  # (not "돈이 드는건지요", a cost; nor "처음 거 …", which names one of the list; nor one named now; nor a word of
            # the one just judged: "그 컨설팅 몇개 사업장까지" after 마을노무사's "no" and its list of others)
            shared = []
            for listed in programmes_just_listed(tracker, kb):
                shared.append((len(rare_words_of(kb, text, listed)), listed))
            best = max(shared, key=lambda item: item[0], default=(0, None))
            if best[0] and [count for count, _ in shared].count(best[0]) == 1:  # (the one sharing the most rare words)
                listed = best[1]
                found = detail_answer(replies, kb, listed, text, say_unknown=False)
                if found is not None and found[1].slug == listed.slug:
                    # "둘 다 기초생활수급자면 먼저 뽑아주나요?" (low income at 0.14) right after 공공근로 and 기술교육원:
                    # the fact of the one listed that answers it (기초생활수급자 우선 선발)
                    return say_detail(dispatcher, found)
        if used_in_the_story(tracker) and OTHER_HELP.search(text) and states_profile_facts(tracker):
            # "취업날개로 정장 빌려서 면접은 봤는데 떨어졌어요.. 29살 서울 사는 취준생인데 다른 지원 뭐 있어요": what else
            # fits them, not the programme they used
            return utter_fits(dispatcher, tracker, replies, kb)
        if situation in JOB_SEEKERS_NEEDS and EVERYTHING_ASKED.search(text) and knows_about_citizen(tracker) and states_profile_facts(tracker):
            # "28살 서울 … 면접정장도없고 … 나같은사람 받을수있는거 다 말해봐": all that fits them, not one verdict
            return utter_fits(dispatcher, tracker, replies, kb)
        asked_of = mentioned_programme(tracker, kb)
        asked_part = after_the_programme(tracker, text, question_sentence(text))
        helping = kb.for_situation(situation)
        if asked_of is None and helping and not WHICH_ASKED.search(text) and not tracker.get_slot("programme"):
            # "낼 면접이라 정장 빌려야되는데 만 36살이고 마포구 살아요 취준중 가능?": the one made for the situation
            # (not "36살 서울 사는 실직자에요 … 뭐 할수있어요?", which asks which ones)
            asked_of = primary_programme(helping, situation)
        primary = primary_programme(helping, situation) if helping and asked_of is None else None
        if (
            primary is not None and primary.rules and states_facts_it_judges(tracker, primary) and SUPPOSED.search(text)
            and (ASKS_FOR_THEM_TOO.search(text) or ASKS_IF_I_CAN.search(text)) and not WH_WORDS.search(text)
        ):  # "근데 내가 서른 다섯 되면 정장 은 못 빌리는 거죠" (a suit, to the NLU) after a list for a 27-year-old: the
            # verdict of the one made for it, for the age supposed
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, primary)
        if (
            asked_of is not None and asked_of.rules and states_facts_it_judges(tracker, asked_of)
            and (ASKS_IF_I_QUALIFY.search(asked_part) or ASKS_IF_I_CAN.search(asked_part)) and not EVERYTHING_ASKED.search(text)
        ):  # (in a story, of what it asks after the programme's name: not "월급 두달치도 못받고 나왔어요 … 어디 있어요?")  # (but "… 협동조합 창업 준비해요. 제가 받을수 있는거 싹다 알려주세요" asks for all of the help)  # "마을 노무 사 요 우리 가게 직원 이 열두 명 인데 받을 수 있어요" (a small workplace to the NLU): its verdict
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, asked_of)
        named_here = kb.programmes_in_text(text)
        offered = (
            detail_answer(replies, kb, named_here[0], text, say_unknown=False)
            if len(named_here) == 1 and OFFERS_THAT_ASKED.search(text) and not knows_about_citizen(tracker)
            and not latest_entity_values(tracker, "time") else None
        )
        if offered is not None and offered[1].slug == named_here[0].slug:
            # "청년일자리센터에서 자소서 봐주고 그런것도 해요? 딸이 서류에서 자꾸 떨어져서ㅠ": that service (of it, not a fact of
            # another that names it)
            return say_detail(dispatcher, offered)
        meaning = meaning_answer(replies, current_programme(tracker, kb), text)
        if meaning is not None:  # "근무조건에 공휴일 유급화라고 써있던데 무슨말이에요? 회사를 처음 다녀봐서 몰라요"
            return say_detail(dispatcher, meaning)
        if previous_user_text(tracker) and mentioned_programme(tracker, kb) is not None and asks_the_same_about(tracker, kb):
            # "기술교육원은?" after "뉴딜일자리 예산 얼마야" (heard as wanting training): the same question about it
            return ActionAnswerProgrammeQuestion().answer(dispatcher, tracker, replies, kb)
        limited = current_programme(tracker, kb)
        if (
            limited is not None and limited.rules and LIMIT_ASKED.search(text) and len(text) <= STORY_LENGTH
            and not AGE_LIMIT_QUESTION.search(text)  # (an age limit is asked of the programme made for the situation, below)
            and limited.slug in [p.slug for p in kb.for_situation(situation)]  # ("아버지 연세에 기술 배우는 것도 …")
        ):
            # "몇 명 이하 사업장이어야 되는데요" after 마을노무사's no (heard as a small workplace): the rule itself
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_eligibility", "ask_eligibility", limited
            )
        fits = answer_about_fits(dispatcher, tracker, replies, kb)  # "이 중에 월급 나오는 건?" read as unpaid wages
        if fits is not None:
            return fits
        figure = (
            policy_figure_answer(replies, kb, text, POLICY_FIGURE_STRONG)
            if len(text) <= STORY_LENGTH and BUREAU_FIGURE_ASKED.search(text)
            else None
        )
        if figure is not None:  # "사회적경제 공공구매 올해 목표 얼마에요": the bureau's figure, not the list of help
            named_now = kb.programmes_in_text(text)
            helping_now = kb.for_situation(situation) if not named_now else []
            own = detail_answer(replies, kb, named_now[0], text, say_unknown=False) if len(named_now) == 1 else (
                # ("공공기관이 사회적기업 물건 사주는거 올해 실적 얼마나 돼요": of the help for the need, none named)
                detail_answer(replies, kb, None, text, topic=helping_now[0].topic, say_unknown=False) if helping_now else None
            )
            if own is not None and states_a_number(own[0]) and any(
                noun in own[0] and noun not in figure for noun in nouns(question_sentence(text)) if len(noun) >= 2
            ):  # "공공구매 올해 실적 얼마나 돼요": the programme's own count says what is asked (실적), not the target
                return say_detail(dispatcher, own)
            dispatcher.utter_message(text=figure)
            return []
        heard_of = (
            the_one_offering(kb, text)
            if HEARD_OF_ONE.search(text) and len(text) <= QUESTION_LENGTH and mentioned_programme(tracker, kb) is None
            else None
        )
        if heard_of is not None:
            # "특성화고 다니는데 멘토스쿨 같은것도 있다며" (heard as wanting training): the fact of the one programme whose
            # facts alone say it
            heard = detail_answer(replies, kb, heard_of, text, say_unknown=False)
            if heard is not None:
                return say_detail(dispatcher, heard)
        programmes = kb.for_situation(situation)
        age = tracker.get_slot("age")
        if situation == "situation_job_search" and OLDER_SEEKER.search(text) and (age is None or age > YOUTH_AGES[1]):
            # "나이가 많아서 받아주는 데가 없네요 시에서 하는 일자리 없나요": not the programmes for young people, but
            # the city's jobs and training open to any adult (공공근로, 기술교육원)
            wider = programmes + kb.for_situation("situation_low_income") + kb.for_situation("situation_job_training")
            programmes = [p for p in {p.slug: p for p in wider}.values() if YOUTH not in p.target_groups]
        if situation == "situation_job_search" and PAID_EXPERIENCE_WANTED.search(text):
            # "돈 받으면서 진짜 일 경험 쌓을 수 있는데 없을까요?": the paid work with experience first (뉴딜일자리)
            programmes = sorted(programmes, key=lambda p: not GIVES_PAID_EXPERIENCE.search(p.summary))
        programmes += second_need(tracker, kb, situation, programmes)
        named = mentioned_programme(tracker, kb)
        if programmes and named is None and asks_for_a_figure(question_sentence(text)) and len(text) <= STORY_LENGTH and not (
            states_profile_facts(tracker) or tracker.get_slot("programme") or REQUIREMENT_ASKED.search(text)
        ):
            # "사회적기업 운영중인데 인건비 지원 올해 몇개 기업이나 받았어요?": the figure asked, of the help for it (1,208개),
            # not the list of that help
            counted = detail_answer(replies, kb, None, text, topic=programmes[0].topic, say_unknown=False)
            shared = counted is not None and any(len(noun) >= 3 and noun in counted[0] for noun in nouns(question_sentence(text)))
            if shared and states_a_number(counted[0]):  # (a word of its own said: 인건비, not 직업)
                return say_detail(dispatcher, counted)
        if named is not None and named.citizen_facing and BOTH_NEEDS_ASKED.search(text) and named.slug not in [p.slug for p in programmes]:
            programmes.insert(1, named)  # (the NLU sure of one need: the programme named for the other is listed with it)
        ignored: Optional[ProgrammeInfo] = None
        if named is not None and not named.citizen_facing and programmes and (
            situation in HARM_DONE
            or (named.slug not in [p.slug for p in programmes] and named_only_in_the_story(tracker, named.slug))
            # "직원 5명 카페 하는데 주52시간이랑 근로계약서 같은거 잘 몰라서 노무 상담 받고싶어요": a topic of the need
            or (named.slug not in [p.slug for p in programmes]
                and question_named(after_the_programme(tracker, text, question_sentence(text))) is None  # (not "12시간씩")
                and not QUESTION_WORD.search(question_sentence(text))  # (not "주 52시간 … 그거 언제부터 시행이에요?")
                and ((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0) >= SURE_SITUATION)
        ) and (
            len(text) > QUESTION_LENGTH or STORY_MARKERS.search(text)
        ) and not THERE_IS_ONE_ASKED.search(text) and not CITY_OWN_ASKED.search(question_sentence(text)):
            # ("서울시 정규직 전환 이런거 있지 않아요?" asks about it; so does "… 서울시 기관들은 어떻게 줄였어요?")
            # "수습 끝나자마자 정규직 전환 안해준다고 그만 나오래요": the city's own 정규직 전환 is not help for them; nor
            # in a story before the question ("인턴 … 정규직 전환 얘기 하나도 없이 … 정장 빌려주는 데 있다며?")
            ignored, named = named, None
        listed_fits = said_just_before(tracker, replies.opening("utter_recommend_intro"))
        if named is None and states_profile_facts(tracker) and listed_fits:
            # "따로 월급은 없고요 구직등록은 아직 안했어요" right after a list of what fits (월급 … 없 heard as unpaid
            # wages): the list again, with why the programmes these facts rule out drop from it
            return utter_fits(dispatcher, tracker, replies, kb, explain_dropped=True)
        other_scheme = NOT_COVERED.search(text)
        if named is None and other_scheme and ASKS_SOMETHING.search(text) and (
            situation in PROFILE_SITUATIONS or (situation == "situation_small_workplace" and BENEFIT_SCHEME.search(text))
            # "글구 1년 넘게 일했는데 퇴직금은 얼마나 나와요?", "아 그거 말고 최저임금은요? 전국 기준": its amount or the
            # scheme itself asked, short (not a story of wages withheld)
            or (len(text) <= STORY_LENGTH and SCHEME_ITSELF_ASKED.search(text[other_scheme.end():]))
        ):  # (an employer asking for a worker: "권고사직 처리한 직원이 실업급여 받을 수 있는지 … 어디서 확인해요?"; but
            # "주휴수당 이런거 제대로 하고 있는지 노무 상담 받고싶어요" is what 마을노무사 advises on)
            # "실직했는데 실업급여 얼마나 나와요?": a national scheme the report does not cover (120), not a list; in a
            # story of a labour problem ("퇴직금을 못 받고 있어요") the free advice is the answer
            dispatcher.utter_message(text=replies.text("utter_not_covered", topic=other_scheme.group()))
            return []
        current = tracker.get_slot("programme")
        in_context = kb.programme(current) if current else None
        if ignored is not None and in_context is not None and in_context.slug == ignored.slug:
            in_context = previous_programme(tracker, kb)  # (named in this very story, and set aside above)
        if (
            named is None and in_context is not None and in_context.rules and states_profile_facts(tracker)
            and tracker.get_slot("last_question") == "ask_eligibility" and in_context.slug in [p.slug for p in programmes]
        ):  # "그럼 저희 엄마는요? 58세 서울 사시고 … 소득도 없고요" after a verdict on 공공근로 (heard as low income):
            # the verdict again, for the facts told now, not a fact about who may apply
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, in_context)
        if (
            named is None and in_context is not None and latest_entity_values(tracker, "time")
            and in_context.slug in [p.slug for p in programmes] and any(place.hours for place in in_context.places)
        ):  # "새벽 3시에 가도 됨? 콜 기다리면서 좀 누워있게" about the shelter just discussed: open at that hour?
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_open_now", "ask_open_now", in_context
            )
        confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0.0
        if named is None and confidence < UNSURE_SITUATION and only_tells_of_work(text) and not states_profile_facts(tracker):
            # "저 식당에서 일하는데요" (customer abuse at 0.27): the work told first, the trouble to come
            dispatcher.utter_message(response="utter_tell_me_more")
            return []
        if (
            named is None and in_context is None and confidence < UNSURE_SITUATION and not states_profile_facts(tracker)
            and kb.fact_index().names_only_the_unknown(text)
        ):  # "요즘 혈압이 높아서 걱정인데 혈압에 좋은 음식 좀 알려주세요" (job search at 0.22): nothing of the report
            dispatcher.utter_message(text=replies.text("utter_out_of_scope"))
            return []
        asked = asked_question(tracker, text)
        workers = [w for w in latest_entity_values(tracker, "worker_type") if w]
        for_workers = [p for p in kb.all_programmes(citizen_facing_only=True) if any(w in p.target_groups for w in workers)]
        if named is None and confidence < UNSURE_SITUATION and for_workers and not {p.slug for p in for_workers} & {
            p.slug for p in programmes
        }:  # "콜센터 다니는데 진짜 너무 힘들어요 도와줄 데 있나요" (a shelter at 0.19): what the report has for that work
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", for_workers[0]
            )
        if named is not None and named.rules and GROUP_ASKED_WHOLE.search(text) and len(text) <= QUESTION_LENGTH:
            # "면접 정장 빌리는거 청년이면 다 됨?" (heard as needing a suit): who may use it
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_eligibility", "ask_eligibility", named
            )
        applies, penalty = APPLIES_TO_ASKED.search(text), PENALTY_ASKED.search(text)
        # (or, in a short question, of the one discussed: "저희 회사 직원이 네 명뿐인데 우리도 적용돼요?" after 주52시간)
        law = named or (current_programme(tracker, kb) if len(text) <= QUESTION_LENGTH else None)
        if law is not None and not law.rules and (applies or penalty) and not detail_answer(replies, kb, law, text, say_unknown=False):
            # "주52시간 그거 우리같은 작은 가게도 적용돼요?", "… 넘게 일 시키면 벌금을 얼마나 내요?": to whom the law
            # applies and what breaking it costs, which the report does not say
            words = "적용 대상" if applies else penalty.group()
            dispatcher.utter_message(text=replies.text("utter_feature_unknown", name=law.name, words=words))
            return [SlotSet("programme", law.slug)]
        selection = (
            self._own_process(dispatcher, replies, kb, named, text)
            if named is not None and len(text) <= QUESTION_LENGTH and SELECTION_STEP_ASKED.search(text) else None
        )
        if selection is not None:  # "뉴딜 뽑을때 면접도 봄?" (heard as needing an interview suit): its selection
            return selection
        if named is not None and asked and not (asked == "ask_eligibility" and EVERYTHING_ASKED.search(text)) and (
            len(text) <= STORY_LENGTH or named.slug in [p.slug for p in kb.programmes_in_text(question_sentence(text))]
            # ("…자르겠다고 대놓고 말해요 마을노무사한테 상담하면 되나요? 그분들 몇명이나 있어요?": named in the questions)
            or (asked == "ask_programme_info" and named.slug in [p.slug for p in kb.programmes_in_text(asking_part(text))])
        ):  # (not "예비사회적기업 대표입니다 … 시에서 받을 수 있는 지원 전부 알려주세요": all the help, listed)
            # "노원구 근처에 기술교육원이 있는지요", "그 보호관이라는 사람들이 몇이나 됩니까": a question about the one named
            # (also closing a story: "…뭐라도 배우려고요. 기술교육원 중부가 어디 있는지 알려주세요.")
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, asked, asked, named)
        among = named is None and AMONG_LISTED.search(text) and len(text) <= STORY_LENGTH
        offering = the_one_offering(kb, text) if among else None
        if offering is not None and any(offering.name in (e.get("text") or "") for e in previous_reply(tracker)):
            # "그중에 모의면접 해주는데는 어디야" after what fits a 23-year-old, which names 청년일자리센터 (without a
            # button): the one of them that offers it
            question = question_named(text) or "ask_programme_info"
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, question, question, offering)
        listed_for_it = [
            p for p in programmes_listed_lately(tracker, kb) if p.slug in {q.slug for q in programmes}
        ] if among else []
        if listed_for_it:
            # "그중에 기술 배우는데는 어디어디 있어요" after what fits: the one listed that is made for that need
            question = question_named(text) or "ask_programme_info"
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, question, question, listed_for_it[0]
            )
        just_listed = [p.slug for p in programmes_listed_lately(tracker, kb)]
        if named is None and programmes and PRICE_ASKED.search(text) and len(text) <= QUESTION_LENGTH and (
            primary_programme(programmes, situation).slug in just_listed
            and tracker.get_slot("programme") in (None, *just_listed)  # (not "하면서 자격증 따는 비용도" of 뉴딜일자리)
        ):
            # "기술 배우는 데는 돈을 맡겨야 된다던데 얼마나요?" after what fits (기술교육원 among them): its cost (예치금)
            offered = primary_programme(programmes, situation)
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, "ask_cost", "ask_cost", offered)
        other_need = (
            primary_programme(programmes, situation) if programmes and confidence >= SURE_SITUATION
            and (in_context is None or in_context.slug not in [p.slug for p in programmes]) else None
        )
        asked_for_me = named or other_need
        if (
            asked_for_me is not None and asked_for_me.rules and knows_about_citizen(tracker)
            and len(text) <= STORY_LENGTH and not STORY_MARKERS.search(text)
            and not (PRICE_ASKED.search(text) or FREE_ASKED.search(text) or asks_for_a_figure(text))
            and not (ITEMS_LENT.search(text) or WHAT_THERE.search(text) or NEARBY_WORDS.search(text))
            and question_named(text) in (None, "ask_eligibility")
            and (
                ASKS_IF_I_QUALIFY.search(text) or ASKS_IF_I_CAN.search(text)
                or (listed_fits and THE_SAME_ABOUT.search(text))
            )
        ):  # "면접 보러 갈 정장도 빌릴 수 있어요?" after what fits a 52-year-old and a word on 공공근로, "면접정장
            # 빌리는거는" right after that list, "그럼 나 같은 사람이 시에서 기술 가르쳐주는 학교는 다닐 수 있어?" after
            # 뉴딜일자리's no: the verdict of the programme named or made for that need, for the facts told
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, asked_for_me)
        follow_up_asks = question_named(text)
        remark_then = REMARK_THEN.split(text)
        if follow_up_asks == "ask_eligibility" and len(remark_then) > 1:
            # "남편 나이가 있어서 걱정인데 미세먼지 심한 날에도 밖에서 일을 시키는지요": the question after the remark
            follow_up_asks = question_named(remark_then[-1])
        made_for_it = bool(programmes) and in_context is not None and primary_programme(programmes, situation).slug == in_context.slug
        # "자격증 따는 돈도 대주나요?" of 뉴딜일자리 (heard as wanting training), whose services name 자격증 취득비용: a
        # word of its own, not the training's
        own_word = bool(programmes) and in_context is not None and own_word_of(
            kb, text, in_context, primary_programme(programmes, situation)
        )
        new_topic = bool(programmes) and (
            in_context is not None and confidence >= SURE_SITUATION and len(text) > FOLLOW_UP_LENGTH
            and in_context.slug not in [p.slug for p in programmes] and not BACK_REFERENCE.search(text)
            and not states_facts_it_judges(tracker, in_context)
            and primary_programme(programmes, situation).topic != in_context.topic
            and not own_word
        ) or bool(programmes) and (
            # "그럼 우리 가게처럼 작은데도 노무 상담 받아볼 방법 있어요?" while 노동시간 단축 is discussed: a rare word of
            # the help for the situation (노무), none of the programme in context's
            in_context is not None and confidence >= UNSURE_SITUATION  # (not "면접도 봐요?": below)
            and in_context.slug not in [p.slug for p in programmes] and any(kb.fact_index().distinctive_words_shared(text, p.slug) for p in programmes)
            and not kb.fact_index().distinctive_words_shared(text, in_context.slug) and not POINTS_BACK.search(text)
            # ("직원들 노무 문제 상담받을 곳도 있어?" after the social economy's fund, short: a place for another need)
            and (len(text) > FOLLOW_UP_LENGTH or HELP_PLACE_ASKED.search(text))
        )  # "딸이 면접 보는데 정장 무료로 빌려주는 데 있다던데요" while 마을노무사 is discussed: that need, not a follow-up
        # (another programme of the same topic may still hold the answer: "정장은 공짜로 빌릴 수 있는 거죠?" after 일자리카페)
        if named is None and in_context is not None and not new_topic and (
            len(text) <= FOLLOW_UP_LENGTH or confidence < UNSURE_SITUATION or BACK_REFERENCE.search(text)
            # "최대 23개월 보장이면 2년 다 채울수있는건가요": the programme's own words, asked about
            or (
                len(text) <= STORY_LENGTH and not states_profile_facts(tracker)
                and len(kb.fact_index().distinctive_words_shared(text, in_context.slug)) >= QUOTED_WORDS
            )
            or (len(text) <= QUESTION_LENGTH and own_word)
            or kb.places_in_text(text) or (follow_up_asks and len(text) <= QUESTION_LENGTH)
            # "정장을 빌려주는 곳이 어디어디인지 알려주시겠어요?" while 취업날개 is discussed: a question about it
            or (
                made_for_it and ASKS_SOMETHING.search(text) and not STORY_MARKERS.search(text)
                and not states_profile_facts(tracker) and len(text) <= STORY_LENGTH
            )
        ):
            # "야간 과정도 있어요?", "거긴 주로 어떤 사람들이 와요", "합정 거기는 몇시까지 해요", "변호사 살 형편이
            #안되는데 돈이 드는건지요" while a programme is discussed: a follow-up the NLU took for a situation
            if in_context.rules and states_facts_it_judges(tracker, in_context) and (
                ASKS_IF_I_CAN.search(text) or ASKS_IF_I_QUALIFY.search(text) or CAN_I.search(text)
            ):  # "군포 사람이면 거기서 배울 수 있겠네요?": the verdict for the fact told
                return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, in_context)
            if not in_context.rules and PERSON_ASKS_IF_ELIGIBLE.search(text):
                # "저희 같은 민간 가게 직원들도 상담 돼요?" while 감정노동 보호 is discussed: whom the report says it serves
                return ActionAnswerProgrammeQuestion().respond(
                    dispatcher, tracker, replies, kb, "ask_eligibility", "ask_eligibility", in_context
                )
            selection = self._own_process(dispatcher, replies, kb, in_context, text)
            if selection is not None:  # "면접도 봐요?" after 뉴딜일자리's documents (heard as needing an interview suit)
                return selection
            found = detail_answer(replies, kb, in_context, text, tracker.get_slot("place"))
            if found is None and not BACK_REFERENCE.search(text) and not states_profile_facts(tracker):
                # "돈 빌릴 수 있는 것도 있나" after the social economy centre: a fact of its topic (사회투자기금 융자)
                nearby = detail_answer(replies, kb, None, text, topic=in_context.topic, say_unknown=False)
                found = nearby if nearby is not None and nearby[1].slug != in_context.slug else None
            elif found is not None and not BACK_REFERENCE.search(text) and not states_profile_facts(tracker):
                # "사회적기업이 서울에 몇개나 있어요" while 사회투자기금 is discussed: the count of its topic that says
                # the thing asked (사회적기업 617개), not the fund's own counts
                nearby = detail_answer(replies, kb, None, text, topic=in_context.topic, say_unknown=False)
                said = [
                    word for word in question_words(text)  # (words, not a date: "6월말" is in every figure's period)
                    if re.fullmatch(r"[가-힣]{3,}", word) and not re.search(r"(?:요|다|까|죠|나|네|지|데)$", word)
                ]
                if nearby is not None and nearby[1].slug != in_context.slug and any(
                    word in nearby[0] and word not in found[0] for word in said
                ) and not any(word in found[0] for word in said):
                    found = nearby
            if found is not None and follow_up_asks in (None, "ask_programme_info"):
                return say_detail(dispatcher, found)
            if follow_up_asks == "ask_eligibility":  # "거긴 주로 어떤 사람들이 와요": who it is for
                return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, in_context)
            if follow_up_asks or asked:
                question = follow_up_asks or asked
                return ActionAnswerProgrammeQuestion().respond(
                    dispatcher, tracker, replies, kb, question, question, in_context
                )
            if (
                POINTS_BACK.search(text) and confidence < UNSURE_SITUATION and len(text) <= STORY_LENGTH
                and ASKS_SOMETHING.search(text) and not THE_SAME_ABOUT.search(text)  # (not "거긴 6명이에요 거기는요?")
            ):
                # "그거 우리같은 민간 가게들한테도 하라고 권하는 거에요?" of 생활임금 (a harassment story at 0.2): about it
                return ActionAnswerProgrammeQuestion().respond(
                    dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", in_context
                )
        if named is None and asked == "ask_programme_info" and confidence < UNSURE_SITUATION:
            # "서울교통공사 무기계약직이 정규직으로 바뀐 게 언제부터였나요?" (a labour problem at 0.18): a fact the
            # report has, whichever programme it is of; first those of a list just given ("하반기엔 몇명 뽑았어요"
            # after what fits a 66-year-old: 공공근로's 하반기, not 강소기업's)
            for listed in programmes_just_listed(tracker, kb) if in_context is None else []:
                found = detail_answer(replies, kb, listed, text, say_unknown=False)
                if found is not None:
                    return say_detail(dispatcher, found) + [SlotSet("programme", listed.slug)]
            found = detail_answer(replies, kb, None, text, say_unknown=False)
            if found is not None:
                return say_detail(dispatcher, found)
        if named is None and in_context is not None and not new_topic and in_context.rules and states_profile_facts(tracker) and (
            in_context.slug in [p.slug for p in programmes] or tracker.get_slot("last_question") == "ask_eligibility"
        ):  # "다음 달에 마포로 이사 가면 그땐 되는 거죠?" after a verdict: the verdict again, for the new facts  # "알바 포함하면 11명이요" after 마을노무사 was suggested: the verdict for it
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, in_context)
        if (
            named is not None and named.rules and knows_about_citizen(tracker) and len(text) <= QUESTION_LENGTH
            and tracker.get_slot("last_question") == "ask_eligibility" and ASKED_IN_TURN.search(text)
        ):  # "기술 배우는 기술교육원은요?" after a verdict on 취업날개, "그럼 면접정장 빌리는건요?" after one on 뉴딜일자리:
            # the verdict for it
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, named)
        if named is not None and named.rules and knows_about_citizen(tracker) and (
            ASKS_IF_I_QUALIFY.search(text) or (listed_fits and ASKS_IF_I_CAN.search(text))
        ) and not (
            PRICE_ASKED.search(text) or asks_for_a_figure(text)
        ):  # "면접 정장 빌려주는 것도 저 되나요?" after what fits a 37-year-old: the verdict (취업날개 is up to 34); "면접
            # 정장 빌릴수있음?" right after what fits a 고3
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, named)
        both_needs = (
            (EVERYTHING_ASKED.search(text) is not None or BOTH_NEEDS_ASKED.search(text) is not None)
            and named is not None and named.slug in [p.slug for p in programmes]
        )
        if named is not None and not both_needs and (
            states_profile_facts(tracker) or named.slug not in [p.slug for p in programmes[:4]]
            or (FEATURE_QUESTION.search(text) and len(text) <= STORY_LENGTH)  # "청년일자리센터 가면 자소서 첨삭 같은 것도 …?"
        ):  # (but "스터디할 공간도 필요하고 면접정장도 없어요ㅠ 둘다 해결할 방법": the help for both needs, listed)
            # "만 15살이고 서울 살아요. 기술교육원 들어갈 수 있어요?" / "소셜벤처 지원은 어떤 게 있나요": about that one;
            # "쉰여덟 먹은 가장입니다. 서초 쪽에 대리기사들 쉬는 곳 … 몇시부터 문을 엽니까?": the question it asks
            question = asked if asked in (*ANSWERED_IN_A_STORY, "ask_eligibility") else "ask_programme_info"
            asking = after_the_programme(tracker, text, question_sentence(text))
            if (wage_asked(text) or FEE_WORDS.search(question_sentence(text))) and len(text) <= STORY_LENGTH or (
                asking != question_sentence(text) and wage_asked(asking)  # ("…공공근로라도 해볼까 하는데 하루 일당 얼마 받아요?")
            ) or (
                PAYING_ASKED.search(question_sentence(text)) and not named.cost
            ):  # ("… 사장님이 노무상담 받아보신대요. 마을노무사 부르면 돈 내요?": a cost the report does not give, 120)
                # "공공근로를 하면 하루 일당이 얼마나 나오는지 알고 싶습니다": its pay (120); "함께누리몰에 … 입점하면
                # 수수료 몇 % 떼가요?": its fee
                question = "ask_cost"
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, question, question, named)
        if not programmes:
            dispatcher.utter_message(text=replies.text("utter_default"))
            return []
        primary = primary_programme(programmes, situation)
        about_themselves = knows_about_citizen(tracker) or states_profile_facts(tracker) or STUDENT_WORDS.search(text)
        programme = named or primary
        where_asked = asked_question(tracker, text) == "ask_location" and "어디" in question_sentence(text)
        if programme.rules and not asks_for_a_figure(text) and not PRICE_ASKED.search(text) and not WHAT_THERE.search(text) and (
            not where_asked  # ("… 저는 강동구 살아요 어디로 가면 되나요": where to go, not whether they may)
        ) and (
            (knows_about_citizen(tracker) and ASKS_IF_I_QUALIFY.search(text))
            or (about_themselves and ASKS_IF_I_CAN.search(text))
            # "정장 무료로 빌려주는거 나도 되나??" before any fact: its rules, then the facts it needs
            or (ASKS_IF_I_QUALIFY.search(text) and len(text) <= FOLLOW_UP_LENGTH)
        ) and not ITEMS_LENT.search(text) and not EVERYTHING_ASKED.search(text):  # (not "받을 수 있는 지원 전부 알려주세요")
            # "면접 정장 빌려주는 건 저는 안돼요?", "고3인데 정장 빌릴 수 있어요?": the verdict for the programme made
            # for this situation (one with rules to judge by: a study room's 일자리카페 has none)
            lacking = kb.fact_index().unknown_nouns(question_sentence(text)) if knows_about_citizen(tracker) else []
            if lacking and not states_profile_facts(tracker) and not ELIGIBILITY_WORDS.search(text) and not OTHER_HELP.search(text):
                # "근데 제가 상담받은거 사장님이 알게되면 어떡해요 비밀보장 되나요?" after 마을노무사's yes: a feature of it
                # the report does not describe (120), not the verdict again
                dispatcher.utter_message(text=replies.text("utter_feature_unknown", name=programme.name, words=", ".join(lacking)))
                return [SlotSet("programme", programme.slug)]
            asking = ActionAnswerProgrammeQuestion()
            events = asking.judge(dispatcher, tracker, replies, kb, programme)
            if FREE_ASKED.search(text) and programme.cost:  # "… 정장은 공짜로 빌릴 수 있는 거죠?": and what it costs
                dispatcher.utter_message(text=asking.cost_answer(replies, tracker, kb, programme, []))
            return events
        if situation in PROFILE_SITUATIONS and (
            latest_entity_values(tracker, "age") or latest_entity_values(tracker, "high_school_senior")
        ) and knows_about_citizen(tracker):  # ("고3 졸업하고 바로 취업할건데 서울삶 머 잇음": 취업날개 counts 고3)
            # "38살 아들이 … 1년째 집에만 있어요. 서울 살아요. 뭐라도 있나요": what fits that profile, with why;
            # follow-ups ("구직등록은 안 하셨어요") are about the programme made for the situation unless one was listed
            events = utter_fits(dispatcher, tracker, replies, kb)
            if not any(e.get("name") == "programme" for e in events):
                events += [SlotSet("programme", primary.slug), SlotSet("place", None)]
            return events
        last = tracker.get_slot("last_question")
        corrected = (
            (CORRECTION.search(text) or NOT_THIS.search(text)) and last and len(text) <= STORY_LENGTH
            and not BESIDES.search(text)  # ("정장 말고 또 해주는거 있어요?": what else it does)
            and not OTHER_KIND_ASKED.search(text)  # ("긴 과정 말고 짧게 배우는 과정도 있읍니까": another kind of it)
        )
        # ("제가 말한건 취업상담 해주는 카페였어요": the one described, not the one made for the situation heard)
        meant = named or (kb.described_programme(text) if corrected else None) or primary
        if corrected:
            # "아 잘못 물어봤다 정장 빌려주는거 그거 말한거였어": the last question, about the programme meant (or the
            # one asked with it: "… 카페였어요 그건 몇개로 늘린다고요?")
            if last == "ask_eligibility" and meant.rules:
                return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, meant)
            asked_now = "ask_programme_info" if asks_for_a_figure(text) else question_named(question_sentence(text))
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, asked_now or last, asked_now or last, meant
            )
        if named is not None and NAME_ASKED.search(text) and len(text) <= STORY_LENGTH:
            # "취업 날개짓?? 그거 뭐였지 면접때 입는 옷 주는거 맞나": the programme half-remembered, named right
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", named
            )
        if (
            NAME_ASKED.search(text) or (asked == "ask_location" and not primary.places and not PLACE_WANTED.search(text))
        ) and len(text) <= STORY_LENGTH:
            # "사회적기업 물건 파는 온라인 쇼핑몰도 서울시가 운영한다던데 이름이 뭐였죠?": the fact that names it
            found = detail_answer(replies, kb, None, text, topic=primary.topic, say_unknown=False)
            if found is not None:
                return say_detail(dispatcher, found)
        if asked == "ask_programme_info" and len(text) <= STORY_LENGTH and not PLACE_WANTED.search(text):
            # "면접 옷 빌려주는 거, 그거 어떤 업체들이 맡아서 해요?": the fact asked, of the programme made for it
            # (not "취준 스터디할 장소 없나": the places for it, listed)
            found = detail_answer(replies, kb, primary, text, say_unknown=False)
            if found is not None:
                return say_detail(dispatcher, found)
        if primary.rules and AGE_LIMIT_QUESTION.search(text) and len(text) <= STORY_LENGTH:
            # "정장 빌려주는 거 몇살까지 돼": the rules of the programme made for it, then what is still missing
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, primary)
        if asked == "ask_eligibility" and (named is None or named.slug == primary.slug):
            # "경비 일을 하는데 … 노동자 쉼터가 있다던데 아무나 쓸 수 있는 건지요?": whom the one made for it serves
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, asked, asked, primary)
        if asked in ANSWERED_IN_A_STORY and any(place.hours or place.district for place in primary.places):
            # "대리 뛰는데 콜 기다리는 동안 몸 녹일 데 없나요? 지금 문 열려 있는지도": the shelter for them, open now?
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, asked, asked, primary)
        lines = [replies.text(f"utter_{situation}")]
        worker_types = latest_entity_values(tracker, "worker_type") or [tracker.get_slot("worker_type")]
        places_said = kb.places_in_text(text)
        for programme in programmes[:4]:
            summary = programme.summary
            matching = [p for p in programme.places if p.serves and any(w and w in p.serves for w in worker_types)]
            # "합정 근처에서 콜 잡는 일이 많은데 … 쉴 만한 데 없나요?": the site named
            matching = [p for p in places_said if p.programme_slug == programme.slug] or matching
            if matching:  # e.g. a 대리기사 asking for a rest area: name the shelter for them
                summary = ", ".join(f"{p.name}({p.serves})" for p in matching) + " — " + summary
            if len(programmes) == 1 and programme.services:
                # "기술 배우는거 관심 있어요 어떤 과정 있어요?": the one programme for it, with what it offers
                summary += replies.text("utter_services_line", services=join(programme.services))
            lines.append(replies.text("utter_programme_line", name=programme.name, summary=summary))
        lines.append(replies.text("utter_situation_footer", as_of=programmes[0].as_of_label))
        detail = None
        if FEATURE_QUESTION.search(text):
            if len(text) > FOLLOW_UP_LENGTH:
                detail = detail_answer(replies, kb, primary, text, say_unknown=False)
            if detail is None and len(text) <= STORY_LENGTH:
                # "특성화고 다니는데 멘토스쿨 같은것도 있어요?": the thing asked for, wherever the report has it
                detail = detail_answer(replies, kb, None, text, say_unknown=False)
        if detail is not None:
            lines.append(detail[0])  # "…재취업하고 싶은데 야간 과정도 있습니까": the list, and the detail asked
        dispatcher.utter_message(
            text="\n".join(lines),
            buttons=programme_buttons(programmes[:4]),
        )
        # follow-ups ("거기 몇 시까지 해요?") are about the programme made for this situation until another is named
        # ("협동조합지원센터 어딨어요" lists it among others: the one named stays the one in context)
        listed = [p.slug for p in programmes[:4]]
        # ("친구들이랑 협동조합 차리려고 하는데": of equals, the one whose name the story says, 협동조합지원센터)
        index = kb.fact_index()
        said = {b for b in question_bigrams(text) if index.idf(b) >= DISTINCTIVE_IDF}  # (not 서울 of "서울시에서")
        by_name = sorted(
            (p for p in programmes[:4] if index.main_name_bigrams(p.slug) & said),
            key=lambda p: -len(index.main_name_bigrams(p.slug) & said),
        )
        if used_in_the_story(tracker):
            # "일자리카페에서 면접스터디 해왔는데 … 더 넓은 공간 없나": the one named was outgrown; the next one listed
            used = set(latest_entity_values(tracker, "programme"))
            by_name = [p for p in programmes[:4] if p.slug not in used][:1]
        in_focus = named if named is not None and named.slug in listed else (
            by_name[0] if by_name and primary not in by_name else primary
        )
        # (the next "거기" is about the site named, or the one serving the work told: "퀵뛰는데 쉴데가없네" → 북창쉼터)
        serving = [p.name for p in in_focus.places if p.serves and any(w and w in p.serves for w in worker_types)]
        site = [p.name for p in places_said if p.programme_slug == in_focus.slug][:1] or (serving if len(serving) == 1 else [])
        return [
            SlotSet("last_question", "ask_programme_info"), SlotSet("programme", in_focus.slug),
            SlotSet("place", site[0] if site else None),
        ]
