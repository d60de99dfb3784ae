"""Follow-ups of session 19 (v161–v166 read): two questions in one message, each answered (a site's hours and whom
it serves, an amount and a rate of one programme, two programmes' numbers), and both again when the site is
corrected; two programmes compared for a citizen who told their age; an employer looking for people to hire (not
a person to talk to, not a worker's need)."""
from __future__ import annotations

from typing import Any, Dict, List, Tuple

from actions.handoff import ActionRequestHuman
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, span, texts
from tests.unit.actions.test_session18_followups import reply_to
from tests.unit.actions.test_session6_followups import then

QUESTION = ActionAnswerProgrammeQuestion()


def asking(text: str, *parts: Tuple[str, str, float]) -> List[Dict[str, Any]]:
    """The questions of ``text`` as the NLU classifies each apart: (words, intent, confidence)."""
    questions = []
    for words, intent, confidence in parts:
        start = text.index(words)
        questions.append(
            {"text": words, "start": start, "end": start + len(words), "intent": {"name": intent, "confidence": confidence}}
        )
    return questions


def tracker_with_questions(intent: str, text: str, questions: List[Dict[str, Any]], entities=(), **kwargs: Any):
    tracker = make_tracker(intent, text, entities, **kwargs)
    tracker.latest_message["questions"] = questions
    for event in tracker.events:
        if event.get("event") == "user" and event.get("text") == text:
            event["parse_data"] = {**event.get("parse_data", {}), "questions": questions}
    return tracker


async def test_a_sites_hours_and_whom_it_serves_asked_together_are_both_answered(domain) -> None:
    """"서초쉼터 몇시에 열고 주로 누가 와요?": 18:00~ and whom the shelter serves (it has no rules, only a note of
    its users: no form follows to say it)."""
    now = "서초쉼터 몇시에 열고 주로 누가 와요?"
    questions = asking(now, ("서초쉼터 몇시에 열고", "ask_hours", 1.0), ("주로 누가 와요?", "ask_eligibility", 0.59))
    named = [span("programme", "rest_area", now, "서초쉼터")]
    messages, _ = await run_action(QUESTION, tracker_with_questions("ask_hours", now, questions, named), domain)
    reply = texts(messages)
    assert "18:00" in reply and "대리기사" in reply and "운영시간" in reply


async def test_a_site_corrected_after_two_questions_gets_both_answered_again(domain) -> None:
    """"아 아니다 합정쉼터요 잘못말함" after "상암쉼터 몇시에 열고 누가 이용해요?": 합정's hours (08:30), not only
    whom the shelters serve (the last of the two questions)."""
    first = "상암쉼터 몇시에 열고 누가 이용해요?"
    questions = asking(first, ("상암쉼터 몇시에 열고", "ask_hours", 1.0), ("누가 이용해요?", "ask_eligibility", 0.9))
    now = "아 아니다 합정쉼터요 잘못말함"
    named = [span("programme", "rest_area", now, "합정쉼터")]
    events = [
        {"event": "user", "text": first, "parse_data": {"text": first, "entities": [], "questions": questions}},
        {"event": "bot", "text": "[休 서울노동자 쉼터] 이용 자격은 보고서에 따로 나와 있지 않아요.", "data": {}},
        then(now, named),
    ]
    tracker = make_tracker(
        "inform", now, named, events=events,
        slots={"programme": "rest_area", "place": "상암쉼터", "last_question": "ask_eligibility"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "08:30" in reply and "09:30" not in reply


async def test_an_amount_and_a_rate_of_one_programme_are_two_questions(domain) -> None:
    """"사회투자기금 올해 융자 총 얼마고 이자는 몇프로에요": 130억원 (its 융자규모: 융자 counts as asked though an alias
    of the fund says it) and the rate (최대 3%); before, the message whole said neither."""
    now = "사회투자기금 올해 융자 총 얼마고 이자는 몇프로에요"
    questions = asking(now, ("사회투자기금 올해 융자 총 얼마고", "ask_cost", 0.87), ("이자는 몇프로에요", "ask_cost", 0.42))
    named = [span("programme", "social_investment_fund", now, "사회투자기금")]
    reply = texts((await run_action(QUESTION, tracker_with_questions("ask_cost", now, questions, named), domain))[0])
    assert "130억원" in reply and "3%" in reply


async def test_two_programmes_numbers_asked_together_are_both_given(domain) -> None:
    """"뉴딜 올해 몇명 뽑고 강소기업 청년인턴은 몇명이에요?" (the first half read as a statement): 4,655명 and 50명."""
    now = "뉴딜 올해 몇명 뽑고 강소기업 청년인턴은 몇명이에요?"
    questions = asking(
        now, ("뉴딜 올해 몇명 뽑고", "inform", 0.55), ("강소기업 청년인턴은 몇명이에요?", "ask_programme_info", 0.48)
    )
    named = [span("programme", "newdeal_jobs", now, "뉴딜"), span("programme", "seoul_strong_sme", now, "강소기업")]
    tracker = tracker_with_questions("ask_programme_info", now, questions, named, confidence=0.55)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "4,655명" in reply and "50명" in reply


async def test_two_programmes_compared_say_how_the_citizens_facts_fit_each(domain) -> None:
    """"19살이고 서울살아요 … 뉴딜이랑 공공근로 중에 뭐가 나아요?": side by side, with 뉴딜일자리 fitting and 공공근로
    still needing 구직등록 (and the rest) to be known."""
    now = "19살이고 서울살아요 대학 안가고 바로 일하려는데 뉴딜이랑 공공근로 중에 뭐가 나아요?"
    named = [
        span("age", 19, now, "19살"), span("residence", "seoul", now, "서울"),
        span("programme", "newdeal_jobs", now, "뉴딜"), span("programme", "public_works", now, "공공근로"),
    ]
    tracker = make_tracker("inform", now, named, slots={"age": 19, "residence": "seoul"}, confidence=0.72)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "나란히" in reply and "구직등록 여부" in reply and "조건에 맞아요 (만 18세 이상, 만 39세 이하, 서울 거주)" in reply


async def test_an_employer_asking_for_people_to_hire_is_not_asking_for_a_person(domain) -> None:
    """"작은 스타트업 대표인데 청년 채용할 때 시에서 사람 연결해주거나 인건비 지원해주는거 있어요?" (read as a request
    for staff, for its 연결): what the report offers companies hiring young people; the conversation is not paused."""
    now = "작은 스타트업 대표인데 청년 채용할 때 시에서 사람 연결해주거나 인건비 지원해주는거 있어요?"
    messages, events = await run_action(ActionRequestHuman(), make_tracker("request_human", now, confidence=0.45), domain)
    reply = texts(messages)
    assert "서울형 강소기업" in reply and "상담원 연결을 요청" not in reply
    assert not any(event.get("event") == "pause" for event in events)


async def test_a_company_short_of_staff_gets_the_help_for_hiring_not_labour_advice(domain) -> None:
    """"저희 디자인회사 직원이 곧 육아휴직 들어가는데 그 자리 대체인력 구하기가 …" (a small workplace to the NLU):
    서울형 강소기업 and its 육아휴직자 대체 청년인턴, not 마을노무사."""
    now = "저희 디자인회사 직원이 곧 육아휴직 들어가는데 그 자리 대체인력 구하기가 넘 힘드네요 서울시에 뭐 없나요?"
    messages, _ = await run_action(ActionAnswerSituation(), make_tracker("situation_small_workplace", now, confidence=0.54), domain)
    reply = texts(messages)
    assert "육아휴직자 대체 청년인턴" in reply and "마을노무사" not in reply


async def test_a_worker_looking_for_work_is_no_employer(domain) -> None:
    """"회사 그만두고 다른 회사 구하는 중인데 뭐 있어요?": a job seeker's need (회사 is where they worked)."""
    now = "회사 그만두고 일자리 구하는 중인데 서울시에서 뭐 도와주는거 있어요?"
    messages, _ = await run_action(ActionAnswerSituation(), make_tracker("situation_job_search", now), domain)
    assert "채용하려는 기업" not in texts(messages)


async def test_sites_open_at_night_are_the_ones_closing_latest(domain) -> None:
    """"밤에 여는데는 아예없냐 우리 촬영 끝나면 새벽인데" while 상암쉼터 (09:30~18:00) is discussed: 서초쉼터 and
    합정쉼터, open until 06:00, with every site's hours."""
    now = "밤에 여는데는 아예없냐 우리 촬영 끝나면 새벽인데"
    tracker = make_tracker(
        "situation_rest_area", now, slots={"programme": "rest_area", "place": "상암쉼터"}, confidence=0.42
    )
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "가장 늦게까지 여는 곳: 서초쉼터, 합정쉼터" in reply and "09:30~18:00" in reply


async def test_what_the_city_does_for_a_group_no_programme_serves_is_its_jobs(domain) -> None:
    """"그럼 서울시에서 나같은 중장년한테 해주는건 뭐 있어요": the city's 중장년 jobs target and their kinds, not "out of
    scope" (중장년 is a word no fact has)."""
    from actions.recommendations import ActionRecommendProgrammes

    now = "그럼 서울시에서 나같은 중장년한테 해주는건 뭐 있어요"
    told = [span("target_group", "중장년", now, "중장년")]
    reply = await reply_to(ActionRecommendProgrammes(), domain, "recommend_programmes", now, told)
    assert "학교안전관리서포터" in reply and "안내할 수 있는 내용이 아니" not in reply


async def test_learning_a_trade_asked_after_wanting_to_work_is_training(domain) -> None:
    """"사실 대학 안가고 바로 일하고 싶은데 기술 배울수있는데 있어?": 기술교육원, not the paid jobs."""
    now = "사실 대학 안가고 바로 일하고 싶은데 기술 배울수있는데 있어?"
    reply = await reply_to(ActionAnswerSituation(), domain, "situation_job_training", now)
    assert "기술교육원" in reply and "임금이 적힌 일자리" not in reply


async def test_asking_at_least_for_a_name_is_no_goodbye(domain) -> None:
    """"그럼 운영하는 업체 이름이라도요" (a goodbye to the NLU, 0.39) after 취업날개's website: its 운영업체."""
    from actions.open_questions import ActionGoodbye

    now = "그럼 운영하는 업체 이름이라도요"
    tracker = make_tracker("goodbye", now, slots={"programme": "interview_suit_rental"}, confidence=0.39)
    reply = texts((await run_action(ActionGoodbye(), tracker, domain))[0])
    assert "열린옷장" in reply


async def test_a_can_i_about_a_programme_heard_as_goodbye_gets_its_verdict(domain) -> None:
    """"아 ㅅㅂ 그럼 뉴딜일자리는? 그건 나 되냐" (goodbye, 0.58) from a 35-year-old in Seoul: yes."""
    from actions.open_questions import ActionGoodbye

    now = "아 ㅅㅂ 그럼 뉴딜일자리는? 그건 나 되냐"
    named = [span("programme", "newdeal_jobs", now, "뉴딜일자리")]
    tracker = make_tracker("goodbye", now, named, slots={"age": 35, "residence": "seoul"}, confidence=0.58)
    reply = texts((await run_action(ActionGoodbye(), tracker, domain))[0])
    assert "이용할 수 있어요" in reply


async def test_people_of_a_programme_are_no_question_about_the_bot(domain) -> None:
    """"옴부즈만인가 그사람들은 동네마다 있는거야?" (heard as "are you a person?"): 자치구별 2명."""
    from actions.open_questions import ActionAnswerBotChallenge

    now = "옴부즈만인가 그사람들은 동네마다 있는거야?"
    named = [span("programme", "labour_ombudsman", now, "옴부즈만")]
    reply = await reply_to(ActionAnswerBotChallenge(), domain, "bot_challenge", now, named, confidence=0.2)
    assert "2명" in reply and "챗봇이에요" not in reply


async def test_a_named_programmes_figure_told_as_a_need_is_that_figure(domain) -> None:
    """"협동조합센터 상담 실적이 어느정도 돼요" (a cooperative's need to the NLU): 4,632건."""
    now = "협동조합센터 상담 실적이 어느정도 돼요"
    named = [span("programme", "cooperative_support_centre", now, "협동조합센터")]
    tracker = make_tracker("situation_social_economy", now, named, confidence=0.57)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "4,632건" in reply


async def test_a_reason_after_a_question_is_not_what_is_asked(domain) -> None:
    """"아 그럼 사회적경제 온라인몰 이름이 뭐였죠 입점하고 싶어서": 함께누리몰 (입점, which the report never says, is
    why they ask)."""
    now = "아 그럼 사회적경제 온라인몰 이름이 뭐였죠 입점하고 싶어서"
    reply = await reply_to(ActionAnswerSituation(), domain, "situation_social_economy", now)
    assert "함께누리몰" in reply


async def test_everything_asked_with_ones_facts_lists_all_that_fits(domain) -> None:
    """"28살 서울 영등포 살고 취준 2년차 면접정장도없고 … 나같은사람 받을수있는거 다 말해봐": every programme that fits
    (뉴딜일자리 too), not only 취업날개's verdict."""
    now = "28살 서울 영등포 살고 취준 2년차 면접정장도없고 집에선 공부도안되고 돈도없음 나같은사람 받을수있는거 다 말해봐"
    told = [
        span("age", 28, now, "28살"), span("residence", "seoul", now, "서울"), span("job_status", "job_seeker", now, "취준"),
        span("programme", "interview_suit_rental", now, "면접정장"),
    ]
    tracker = make_tracker(
        "situation_interview_suit", now, told, slots={"age": 28, "residence": "seoul", "job_status": "job_seeker"}, confidence=0.64
    )
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "뉴딜일자리: 조건에 맞아요" in reply and "취업날개 서비스: 조건에 맞아요" in reply


async def test_a_second_need_of_the_story_is_listed_too(domain) -> None:
    """"담주 면접인데 정장도 없고 스터디할 공간도 없어요ㅜ 25살 서울 살아요" (a study room, with a suit close behind):
    the study rooms and 취업날개."""
    now = "담주 면접인데 정장도 없고 스터디할 공간도 없어요ㅜ 25살 서울 살아요"
    ranking = [{"name": "situation_study_space", "confidence": 0.79}, {"name": "situation_interview_suit", "confidence": 0.19}]
    tracker = make_tracker("situation_study_space", now, ranking=ranking, confidence=0.79)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "일자리카페" in reply and "취업날개 서비스" in reply


async def test_both_needs_asked_with_ones_facts_list_all_that_fits(domain) -> None:
    """"52살인데 가게 폐업하고 수입이 0원이에요 서울 살구요. 당장 할수있는 일이랑 기술 배우는거 둘다 알려주세요":
    공공근로 and 기술교육원 for them."""
    now = "52살인데 가게 폐업하고 수입이 0원이에요 서울 살구요. 당장 할수있는 일이랑 기술 배우는거 둘다 알려주세요"
    told = [span("age", 52, now, "52살"), span("residence", "seoul", now, "서울"), span("has_regular_income", False, now, "수입이 0원")]
    tracker = make_tracker("situation_low_income", now, told, slots={"age": 52, "residence": "seoul", "has_regular_income": False})
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "공공근로사업" in reply and "서울시 기술교육원: 조건에 맞아요" in reply


async def test_facts_told_then_open_now_of_a_site_is_whether_it_is_open(domain, frozen_clock) -> None:
    """"회사 정년퇴직하고 밤에 대리 뛰는 62세입니다 서초쉼터 지금 열려있나요" (facts told, to the NLU): open now, not whom
    the shelters serve (a note is no rule to judge by)."""
    from datetime import datetime

    from knowledge.queries import SEOUL

    frozen_clock(datetime(2026, 11, 29, 1, 5, tzinfo=SEOUL))
    now = "회사 정년퇴직하고 밤에 대리 뛰는 62세입니다 서초쉼터 지금 열려있나요"
    told = [span("age", 62, now, "62세"), span("programme", "rest_area", now, "서초쉼터")]
    reply = await reply_to(QUESTION, domain, "inform", now, told, slots={"age": 62}, confidence=0.52)
    assert "18:00~다음날 06:00" in reply and "이용 자격" not in reply


async def test_it_pointed_at_while_a_programme_is_discussed_is_about_it(domain) -> None:
    """"그거 우리같은 민간 가게들한테도 하라고 권하는 거에요?" of 생활임금 (a harassment story at 0.2): 민간 확산."""
    now = "그거 우리같은 민간 가게들한테도 하라고 권하는 거에요?"
    tracker = make_tracker("situation_workplace_harassment", now, slots={"programme": "living_wage"}, confidence=0.2)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "민간 확산" in reply and "괴롭힘" not in reply


async def test_the_askers_business_told_before_an_hours_question_is_not_asked(domain) -> None:
    """"대리운전 업체 운영하는데요 우리 기사님들 서초쉼터 몇시에 문열어요?": 서초쉼터's hours (운영 is the asker's)."""
    now = "대리운전 업체 운영하는데요 우리 기사님들 서초쉼터 몇시에 문열어요?"
    named = [span("worker_type", "대리기사", now, "대리운전"), span("programme", "rest_area", now, "서초쉼터")]
    reply = await reply_to(QUESTION, domain, "ask_hours", now, named)
    assert "18:00~다음날 06:00" in reply


async def test_the_same_question_of_a_thing_after_a_verdict_gets_its_verdict(domain) -> None:
    """"그럼 면접정장 빌리는건요?" after a yes on 뉴딜일자리 for a 37-year-old job seeker: 취업날개's no (34세 이하)."""
    now = "그럼 면접정장 빌리는건요?"
    named = [span("programme", "interview_suit_rental", now, "정장 빌리는")]
    slots = {"programme": "newdeal_jobs", "last_question": "ask_eligibility", "age": 37, "residence": "seoul", "job_status": "job_seeker"}
    reply = await reply_to(ActionAnswerSituation(), domain, "situation_interview_suit", now, named, slots=slots)
    assert "아쉽지만" in reply and "34세 이하" in reply


async def test_an_amount_asked_now_of_a_programme_without_hours_is_its_amount(domain) -> None:
    """"그럼 지금 기준 금액은요" of 생활임금 (지금 heard as "open now?"): 9,220원, not "no hours in the report"."""
    reply = await reply_to(QUESTION, domain, "ask_open_now", "그럼 지금 기준 금액은요", slots={"programme": "living_wage"})
    assert "9,220원" in reply and "운영시간" not in reply

