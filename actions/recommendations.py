"""Programmes for a profile ("29살 서울 사는 취준생인데 받을 수 있는 지원 다 알려줘"), each with why."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


from actions.context import (
    THE_SAME_ABOUT, Replies, current_programme, knows_about_citizen, latest_entity_values, mentioned_programme,
    profile_from_tracker, programmes_listed_lately, programmes_serving_workers, states_profile_facts,
)
from actions.questions_apart import AnswersQuestionsApart
from actions.details import asks_for_a_date, detail_answer, policy_figure_answer, say_detail
from actions.question_words import (
    AMONG_THEM_FREE, AMONG_THEM_PAID, ASKS_IF_I_CAN, ASKS_IF_I_QUALIFY, ASKS_WHAT_FITS, BACK_REFERENCE, EVERYTHING_ASKED,
    HIRING, LEARN_WHILE_EARNING, NOT_COVERED, PERSON_ASKS_IF_ELIGIBLE, STORY_LENGTH, question_named,
)
from actions.fits import answer_about_fits, told_to_be_employer, utter_fits, utter_for_employers, utter_for_employers_hiring, utter_jobs_for_group
from actions.programme_questions import ASKS_SOMETHING, POLICY_FIGURE_STRONG, ActionAnswerProgrammeQuestion, services_named
from actions.situations import BUREAU_FIGURE_ASKED, PROFILE_SITUATIONS, ActionAnswerSituation
from knowledge.queries import KnowledgeBase, Verdict, check_eligibility

# below this confidence a recommendation that asks when / where / how much is a question about the programme in context
UNSURE_RECOMMENDATION = 0.4
# "저도 빌릴수 있나요?": whether one may borrow what was offered
BORROWING_ASKED = re.compile(r"(?:빌릴|빌려|대여)\s*(?:수|받을|줘|주나|주냐|줄|할\s*수|가능|돼|되)")
# "배달대행 하다가 … 그만두고", "대리기사 하다 콜이 없어서 접은": a kind of work left behind, not the one done now
LEFT_THAT_WORK = re.compile(r"하다(?:가)?\s*(?:\S+\s*){0,4}?(?:그만|관두|접|때려치)|(?:그만두|그만뒀|관뒀|관두|접었|접은|접고)")
# "그럼 제 친구는요? …", "울 언니도요? …": the question just answered, asked for another person
OTHER_ONE_ASKED = re.compile(r"\W*(?:아\s*)?(?:그럼|그러면|그렇다면)?\s*(?:제|내|우리|울|저희)?\s*[가-힣]{1,4}(?:는요|은요|도요)\s*[?？]?")
# "마지막 한분은 만 30살인데 고양시 거주에요", "다른 직원은 …": the next of several people, their facts alone
NEXT_PERSON_TOLD = re.compile(
    r"^\W*(?:아\s*)?(?:그럼\s*|그리고\s*)?(?:다른|마지막|나머지|남은|또\s*다른|그\s*다음|두\s*번째|세\s*번째|둘째|셋째)\s*(?:한\s*)?"
    r"(?:(?:이웃|동네|옆집|같은\s*반|반|팀|회사)\s*)?(?:분|사람|명|친구|애|직원|지원자|알바생?)(?:은|는|이|도)"  # ("다른 이웃 분은")
)
# "옆집 사는 친구 만14살인데 같이 가고 싶대요": someone else who wants to join the one just judged
ALONG_TOO = re.compile(r"같이\s*(?:가|하|다니|배우|신청|듣|받)\S*\s*싶|(?:도|두)\s*(?:가|하|다니|배우|신청|듣|받)고\s*싶")
# "… 직원은 되는거지?", "그럼 되겠네요": a yes supposed, to be confirmed
GUESSED_SO = re.compile(
    r"되는\s*(?:거|건|게)\s*(?:지|죠|지요|맞지|맞죠|맞나요)?\s*[?？]*\s*$|되겠\S{0,3}\s*[?？]*\s*$"
    r"|(?:세|살)\s*(?:되면|이면)\s*요?\s*[?？]*\s*$"  # "내년에 만15세 되면요": an age supposed, after a verdict
    r"|되는\s*(?:거|건)\s*요\s*[?？]*\s*$"  # "내년이면 열다섯 되는데 그땐 되는거요?"
)
# "작은 사회적기업 운영 중인데", "협동조합 하는데": an organisation asking, whose help is the social economy's
ORGANISATION = re.compile(r"사회적\s*기업|협동\s*조합|마을\s*기업|자활\s*기업|소셜\s*벤처|사회적\s*경제\s*기업")
_ASKED_OF_IT = ("ask_hours", "ask_open_now", "ask_location", "ask_contact", "ask_cost", "ask_how_to_apply", "ask_programme_info")
# a situation this close behind a recommendation (as a share of its confidence) is what the message is about
SITUATION_RIVAL = 0.75
# a situation seen this likely behind a recommendation without a profile is its answer when the words agree
SITUATION_SEEN = 0.05


# "뭐 배울만한 데나 일자리 있을까": training or a job asked for, whatever work the citizen did
LEARNING_OR_WORK = re.compile(r"배울|배우|일자리|일할|취업|재취업|일\s*구|직장")
# "그럼 저 같은 사람은 뭐 할 수 있어요?": which programmes, not whether the one discussed
WHICH_ONES = re.compile(r"뭐|무엇|어떤|무슨|어디|어느")

# what a request for recommendations about work and its programmes names (anything else is another topic)
WORK_TOPIC = re.compile(
    r"일자리|일(?:을|이|도|할|하|거리|자리)|도와|도움|신청|취업|취준|구직|실직|백수|퇴직|은퇴|제도|지원|혜택|교육|훈련|배우|상담|노동|근로|알바|"
    r"직장|회사|면접|창업|쉼터|월급|임금|정장|자격|프로그램|사업|받을\s*수|할\s*수|나이|\d+\s*(?:살|세)|맞는"
)


class ActionRecommendProgrammes(AnswersQuestionsApart):
    """Eligible programmes first, then those that only need one more fact checked."""

    answered_intents = ("recommend_programmes",)

    def name(self) -> Text:
        return "action_recommend_programmes"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        ranking = tracker.latest_message.get("intent_ranking") or []
        said = tracker.latest_message.get("text") or ""
        if not states_profile_facts(tracker) and mentioned_programme(tracker, kb) is None and BUREAU_FIGURE_ASKED.search(said):
            figure = policy_figure_answer(replies, kb, said, POLICY_FIGURE_STRONG)
            if figure is not None:  # "올해 서울시 일자리 목표가 전부 몇 개예요?" (heard as wanting a list): the figure
                dispatcher.utter_message(text=figure)
                return []
        if (AMONG_THEM_PAID.search(said) or AMONG_THEM_FREE.search(said) or LEARN_WHILE_EARNING.search(said)) and not states_profile_facts(tracker):
            fits = answer_about_fits(dispatcher, tracker, replies, kb)
            if fits is not None:  # "그중에 돈 받으면서 하는거만 골라주세요" after what fits: the paid ones of them
                return fits
        lender = [p for p in programmes_listed_lately(tracker, kb, replies_back=1) if p.rules and "대여" in kb.fact_index().said_of(p.slug)]
        if BORROWING_ASKED.search(said) and states_profile_facts(tracker) and len(lender) == 1:
            # "29살이고 경기도 일산 살아요. 구직중인데 저도 빌릴수 있나요?" after the help for a missing interview suit:
            # the verdict of the one that lends it, not every programme
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, lender[0])
        if len(ranking) > 1 and ranking[0].get("name") == "recommend_programmes":
            rival = ranking[1]
            if (
                rival.get("name", "").startswith("situation_") and rival["name"] not in PROFILE_SITUATIONS
                and (rival.get("confidence") or 0.0) >= SITUATION_RIVAL * (ranking[0].get("confidence") or 0.0)
            ):
                # "콜센터에서 일하는 마흔다섯 살 주부입니다. 매일 고객들한테 욕설을 … 도움받을 수 있는 게 있을까요?":
                # the situation told (customer abuse, 0.45) is the question, not the list for a 45-year-old (0.52)
                return ActionAnswerSituation().respond_to(dispatcher, tracker, replies, kb, rival["name"])
        group_jobs = utter_jobs_for_group(dispatcher, tracker, replies, kb, outright=True)
        if group_jobs is not None:  # "발달장애 있는 스물일곱 아들이 … 장애인 일자리 같은 것도 있나요?": the group's jobs
            return group_jobs
        named = mentioned_programme(tracker, kb)
        text = tracker.latest_message.get("text") or ""
        discussed = tracker.get_slot("programme")
        if (
            named is None and not states_profile_facts(tracker) and not WORK_TOPIC.search(text)
            and not NOT_COVERED.search(text) and kb.fact_index().unknown_nouns(text)
            # (not "특성화고 다니는 사촌동생도 들을만한거 있나" after 청년일자리센터: a rare word of the one discussed)
            and not (discussed and kb.fact_index().distinctive_words_shared(text, discussed))
        ):  # "엄마 무릎 수술하셔야 되는데 서울에 잘하는 정형외과 추천해줘요": a recommendation of another kind
            dispatcher.utter_message(text=replies.text("utter_out_of_scope"))
            return []
        if named is None and ORGANISATION.search(text) and not latest_entity_values(tracker, "age"):
            # "작은 사회적기업 운영 중인데 서울시에서 받을 수 있는 지원 뭐 있어요?": help for the organisation, not a
            # list that needs the age of a person
            return ActionAnswerSituation().respond_to(dispatcher, tracker, replies, kb, "situation_social_economy")
        if named is None and not states_profile_facts(tracker):
            # "동네 엄마들이랑 마을기업 같은 거 해보려는데 … 지원 다 알려주세요", "그럼 서울시에서 무료로 받을 수 있는
            # 노동상담은 뭐 있어요?": no profile told now, and a situation the NLU saw behind the recommendation whose
            # programmes share a rare word with the message is what is asked
            for rival in ranking[1:4]:
                name = rival.get("name", "")
                if name == "out_of_scope":
                    break  # "원두 싸게 파는 쇼핑몰 추천 좀": rather another topic than a situation
                if (
                    name.startswith("situation_") and name not in PROFILE_SITUATIONS
                    and (rival.get("confidence") or 0.0) >= SITUATION_SEEN
                    and any(kb.fact_index().distinctive_words_shared(text, p.slug) for p in kb.for_situation(name))
                ):
                    return ActionAnswerSituation().respond_to(dispatcher, tracker, replies, kb, name)
        if (
            named is None and knows_about_citizen(tracker) and ASKS_WHAT_FITS.search(text)
            and tracker.get_slot("last_question") == "ask_eligibility"  # (a first message may name a kind of work)
        ):
            # "아 나이땜에 안되는구나ㅠ 그럼 저같은 사람이 쓸수있는건 뭐 없어요?" (unsure) after 취업날개's "no" for a
            # 36-year-old: what fits them, not a detail of the programme just judged
            return utter_fits(dispatcher, tracker, replies, kb)
        confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0.0
        current = current_programme(tracker, kb)
        asked = question_named(text) or ("ask_programme_info" if asks_for_a_date(text) else None)
        if current is not None and confidence < UNSURE_RECOMMENDATION and asked in _ASKED_OF_IT and not states_profile_facts(tracker):
            # "감정노동자를 위한 센터도 생긴다던데, 언제 문을 여나요?" (a recommendation at 0.26) about the programme
            # named or being discussed: its answer
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, asked, asked, current)
        if (
            current is not None and confidence < UNSURE_RECOMMENDATION and not states_profile_facts(tracker)
            and named is None and ASKS_SOMETHING.search(text) and services_named(current, text, own_words=True)
        ):  # "상담같은거 받을수잇어?" (a recommendation at 0.11) while 감정노동 보호 is discussed: what it offers of that
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", current
            )
        if (
            current is not None and not current.rules and confidence < UNSURE_RECOMMENDATION and named is None
            and PERSON_ASKS_IF_ELIGIBLE.search(text)
        ):  # "서울시 소속 이 아니고 일반 회사 인데도 받을수 있소" (a recommendation at 0.33) of 감정노동 보호: whom the
            # report says it serves
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_eligibility", "ask_eligibility", current
            )
        if named is not None and states_profile_facts(tracker) and not EVERYTHING_ASKED.search(text):
            # "서른다섯인데 취업날개 받을 수 있나요?": about that programme, not a list (but "… 면접 정장도 없고 … 제가
            # 받을 수 있는 거 다 알려주세요" asks for all of what fits)
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_programme_info", "ask_eligibility", named
            )
        if (
            named is None and current is not None and current.rules and ASKS_IF_I_QUALIFY.search(text)
            and tracker.get_slot("last_question") == "ask_eligibility"
        ):  # "난 부천 사는 29살인데 나도 ㄱㄴ?" after a verdict: the same programme, for them
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, current)
        if (
            named is None and current is not None and current.rules and states_profile_facts(tracker)
            and tracker.get_slot("last_question") == "ask_eligibility"
            and (OTHER_ONE_ASKED.match(text) or NEXT_PERSON_TOLD.match(text) or (len(text) <= STORY_LENGTH and (
                THE_SAME_ABOUT.search(text) or GUESSED_SO.search(text) or ALONG_TOO.search(text)
            )))
        ):  # "그럼 제 친구는요? 걔는 29살이고 서울 살면서 취준해요", "직원 중에 경기도 군포 사는 30살 있는데 그 친구는?",
            # "마지막 한분은 만 30살인데 고양시 거주에요", "옆집 사는 친구 만14살인데 같이 가고 싶대요",
            # "서울 사는 스무살 직원은 되는거지?" after a verdict: the same question, for them
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, current)
        if (
            named is None and current is not None and current.rules and states_profile_facts(tracker)
            and BACK_REFERENCE.search(text) and (ASKS_IF_I_QUALIFY.search(text) or ASKS_IF_I_CAN.search(text))
            and not EVERYTHING_ASKED.search(text) and not WHICH_ONES.search(text)
        ):  # "근데 그거 경기도 사람도 할 수 있는 거 맞죠? … 친구요, 걔는 수원 살고 스물여섯" while 뉴딜일자리 is
            # discussed: that programme, for them
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, current)
        other_scheme = NOT_COVERED.search(text)
        if named is None and other_scheme:  # "산재 신청하는거 서울시에서 도와주나요": not in the report
            dispatcher.utter_message(text=replies.text("utter_not_covered", topic=other_scheme.group()))
            return []
        serving = programmes_serving_workers(tracker, kb)
        if named is None and serving and not LEARNING_OR_WORK.search(text) and not LEFT_THAT_WORK.search(text) and not (
            latest_entity_values(tracker, "job_status")  # "… 지금 구직중이에요. 받을 수 있는 지원 다": what fits them
        ) and (
            not knows_about_citizen(tracker) or latest_entity_values(tracker, "worker_type")
        ):  # (but "대리기사 하다 그만뒀어요 … 뭐 배울만한 데나 일자리 있을까": what fits them, not the shelter)
            # "대리기사 하는데 서울시에서 해주는 거 있어?": what the report has for that kind of work (its shelter)
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", serving[0]
            )
        told = tracker.latest_message.get("entities") or []
        if named is None and not told and not knows_about_citizen(tracker) and kb.fact_index().names_only_the_unknown(text):
            # "recommend some stocks? 주식 추천좀": a recommendation of something the report never mentions
            dispatcher.utter_message(text=replies.text("utter_out_of_scope"))
            return []
        if named is None and current is not None and not knows_about_citizen(tracker) and not states_profile_facts(tracker):
            # "나중에 사업자금 빌릴 수 있는 제도도 있을까요" after the 협동조합지원센터: a detail of it or of its topic
            if BACK_REFERENCE.search(text):  # "그럼 거기선 뭐 해주는데": about the programme being discussed
                return ActionAnswerProgrammeQuestion().respond(
                    dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", current
                )
            found = detail_answer(replies, kb, current, text) or detail_answer(replies, kb, None, text, topic=current.topic)
            if found is not None:
                return say_detail(dispatcher, found)
        if named is None and current is not None and knows_about_citizen(tracker) and not states_profile_facts(tracker):
            # "기초수급자면 혜택 같은거 있나요" after a verdict for 기술교육원 (a 65-year-old in Seoul): a detail of the
            # programme just judged when one of its facts answers it, not the list for the profile told before
            found = detail_answer(replies, kb, current, text, say_unknown=False)  # (what it lacks: the list)
            if found is not None:
                return say_detail(dispatcher, found)
        described = (  # only with nothing in context: a description is weaker evidence than the conversation
            kb.described_programme(text) if named is None and current is None and not states_profile_facts(tracker)
            # ("인사담당자입니다. 청년 채용하려는데 회사가 활용할 수 있는 제도": an employer hiring, not 노사민정 아카데미's
            # 인사담당자)
            and not (told_to_be_employer(tracker) and HIRING.search(text)) else None
        )
        if described is not None and not knows_about_citizen(tracker):
            named = described  # "제값 주고 사 온 커피 같은 거 서울시도 밀어준다면서요?": the programme described
        if named is not None and not knows_about_citizen(tracker):
            # "소셜벤처 창업 준비중! 지원 프로그램 있음?": the programme named is the answer, not a profile question
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", named
            )
        size = profile_from_tracker(tracker).workplace_size
        for_size = [p for p in kb.all_programmes(citizen_facing_only=True) if any(rule.kind == "workplace_size_max" for rule in p.rules)]
        if named is None and not knows_about_citizen(tracker) and told_to_be_employer(tracker):
            hiring = utter_for_employers_hiring(dispatcher, tracker, replies, kb)
            if hiring is not None:  # "청년 한명 더 뽑고 싶은데 그쪽으론 뭐 있어요" after "인쇄소 사장이에요"
                return hiring
            if size is None or not for_size or check_eligibility(for_size[0], profile_from_tracker(tracker)).verdict is Verdict.NOT_ELIGIBLE:
                # "직원 130명 회사 인사담당자에요 … 추천좀": what the report has for companies (not 마을노무사's "no")
                return utter_for_employers(dispatcher, tracker, replies, kb)
        if named is None and size is not None and not knows_about_citizen(tracker):
            # "직원 여섯명 카페 하는 사장인데 서울시 지원 뭐 있어요": what the report has for a workplace of that size
            if for_size:
                return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, for_size[0])
        if named is None and not told and not knows_about_citizen(tracker):
            top = (ranking[0].get("confidence") or 0.0) if ranking else 0.0
            for rival in ranking[1:3]:
                if rival.get("name") in PROFILE_SITUATIONS and (rival.get("confidence") or 0.0) >= SITUATION_RIVAL * top:
                    # "그럼 서울시에서 일자리 찾는 거 도와주는 건 뭐가 있어요" (job search close behind, nothing told about
                    # the citizen): the programmes for that need, rather than a question about their profile
                    return ActionAnswerSituation().respond_to(dispatcher, tracker, replies, kb, rival["name"])
        return utter_fits(dispatcher, tracker, replies, kb)
