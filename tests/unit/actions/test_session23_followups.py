"""Follow-ups of session 23 (v191–v196 read): a part of a figure named bare or in words the reply never used, the
line a label names, the sum of money said again; paid work with experience first in a story's list; the pay asked
of that list; an answer to the income question that ends on "none"; the site of the work named."""
from __future__ import annotations

from actions.eligibility import ValidateEligibilityForm
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, slots_of, span, texts
from tests.unit.actions.test_session21_followups import bot, slot
from tests.unit.actions.test_session22_followups import JOB_CAFE_USERS, _after
from tests.unit.actions.test_session6_followups import then

QUESTION = ActionAnswerProgrammeQuestion()

JOB_CAFE_COUNT = (
    "[일자리카페] 보고서에 이렇게 나와 있어요.\n"
    "- 일자리카페 확대 목표: 90개 (’18. 8월~) — 73개소 → 90개소\n"
    "- 일자리카페 수: 73개 (2018년 7월 보고 기준) — 민간 36, 대학 16, 공공 21\n"
    "출처: 업무보고 「청년 생활 밀착형 일자리카페 운영」, 2018년 7월 기준"
)
SOCIAL_ECONOMY_COUNT = (
    "[사회적경제기업 육성] 보고서에 이렇게 나와 있어요.\n"
    "- 서울 사회적경제기업 수: 4,199개 (’18.6월) — 사회적기업 617개, 협동조합 3,265개, 마을기업 108개, 기타 209개\n"
    "출처: 업무보고 「체계적인 종합지원으로 사회적경제기업 육성」, 2018년 7월 기준"
)
STRONG_SME_APPLICANTS = (
    "[서울형 강소기업] 보고서에 이렇게 나와 있어요.\n"
    "- ’18년 서울형 강소기업 선정 예정: 100개 (’18년) — 접수 541개, 서면심사 통과 241개, 접수 경쟁률 5.4:1(’17년 1.7:1)\n"
    "- 육아휴직자 대체 청년인턴 지원 인원: 50명 (’18년 하반기~) — 최대 23개월\n\n"
    "출처: 업무보고 「일생활균형 서울형 강소기업 지원」, 2018년 7월 기준"
)
CROWDFUNDING = (
    "[사회성과보상사업(SIB)] 보고서에 이렇게 나와 있어요.\n"
    "- 모의크라우드 펀딩대회 모집금액: 211억원 (’18.2.20.~3.9.) — 1,973명 참여, 모의금액. 8개 제안사업 중 5개 사업 시상(4.2.)\n"
    "출처: 업무보고 「사회성과보상사업(SIB) 활성화」, 2018년 7월 기준"
)
NEWDEAL_WAGE = (
    "[뉴딜일자리] 보고서에 이렇게 나와 있어요.\n"
    "- 생활임금 시급: 9,220원 — 보고서(2018년 7월)의 뉴딜일자리 근무조건(최대 23개월 보장, 공휴일 유급화)\n"
    "출처: 업무보고 「뉴딜일자리 참여자 지원 및 민간일자리 발굴 강화」, 2018년 7월 기준"
)
TRAINEES_NOW = (
    "[서울시 기술교육원] 보고서에 이렇게 나와 있어요.\n"
    "- 훈련 중인 인원: 4,046명 (’18.6.30. 기준) — 서울시과정 2,912명, 국가과정 1,134명\n"
    "출처: 업무보고 「서울시 기술교육원 운영」, 2018년 7월 기준"
)


async def test_a_part_in_words_the_reply_never_used_is_its_line(domain) -> None:
    """"그중에 구청이나 공공기관에 있는건 몇개에요?" after the cafés' count: the line with 공공 21 (구청 and 공공기관's
    기관 are no words of its lines), not the target of 90."""
    reply = await _after(JOB_CAFE_COUNT, "job_cafe", "그중에 구청이나 공공기관에 있는건 몇개에요?", domain=domain)
    assert "공공 21" in reply and "90개" not in reply


async def test_a_part_named_bare_is_its_line(domain) -> None:
    """"마을기업은요 ㅎ" after Seoul's social-economy firms and their kinds: the line with 마을기업 108개."""
    reply = await _after(SOCIAL_ECONOMY_COUNT, "social_economy_support", "마을기업은요 ㅎ", domain=domain)
    assert "108개" in reply


async def test_one_part_set_aside_for_another_is_the_same_line(domain) -> None:
    """"아니 멘토링 말고 특강이요" after the cafés' users: the line with 특강 2,383명."""
    reply = await _after(JOB_CAFE_USERS, "job_cafe", "아니 멘토링 말고 특강이요", domain=domain)
    assert "2,383명" in reply


async def test_the_line_whose_label_names_it_is_the_answer_not_the_others_total(domain) -> None:
    """"육아휴직 대체인턴 그거는 총 몇명 뽑는데요" after 강소기업's applicants (whose note has parts): the interns' 50명,
    not the applicants' line."""
    reply = await _after(STRONG_SME_APPLICANTS, "seoul_strong_sme", "육아휴직 대체인턴 그거는 총 몇명 뽑는데요", domain=domain)
    assert "50명" in reply and "541개" not in reply


async def test_the_sum_of_money_said_again_is_that_figure(domain) -> None:
    """"돈은 총 얼마 모였는데" right after the crowdfunding contest's line: 211억원, not "the report does not say"."""
    reply = await _after(CROWDFUNDING, "social_impact_bond", "돈은 총 얼마 모였는데", domain=domain)
    assert "211억원" in reply


async def test_a_word_before_the_one_said_makes_another_thing(domain) -> None:
    """"그럼 처음 물어본 최저시급보다 얼마나 더 받는 거예요?" after 뉴딜's hourly wage: 최저시급 is no 시급 of the
    line, so the line is not said again as if it answered."""
    reply = await _after(NEWDEAL_WAGE, "newdeal_jobs", "그럼 처음 물어본 최저시급보다 얼마나 더 받는 거예요?", domain=domain)
    assert "120" in reply


async def test_a_word_the_programme_uses_elsewhere_still_rules_a_line_out(domain) -> None:
    """"국가과정은 학과 몇개나 돼요" after the trainees now: 학과 is a word of 기술교육원's facts, so not the line of
    국가과정 1,134명."""
    reply = await _after(TRAINEES_NOW, "technical_school", "국가과정은 학과 몇개나 돼요", domain=domain)
    assert "1,134명" not in reply


async def test_a_story_wanting_paid_experience_lists_newdeal_first(domain) -> None:
    """"… 돈 받으면서 진짜 일 경험 쌓을 수 있는데 없을까요?" (job search): 뉴딜일자리, which pays while one gains
    experience, comes first in the list (four are shown)."""
    text = (
        "대학 졸업하고 알바만 2년 했어요. 이력서 경력칸에 쓸게 없으니까 서류에서 계속 떨어지네요. "
        "돈 받으면서 진짜 일 경험 쌓을 수 있는데 없을까요?"
    )
    messages, _ = await run_action(ActionAnswerSituation(), make_tracker("situation_job_search", text), domain)
    reply = texts(messages)
    assert "뉴딜일자리" in reply
    assert reply.index("뉴딜일자리") < reply.index("청년일자리센터")


async def test_the_pay_asked_of_a_list_is_the_one_that_pays(domain) -> None:
    """"시급은 얼마 쳐줘요?" right after a list with 뉴딜일자리 (the cafés heard in the story as the programme): its
    wage, 9,220원, not each one's cost."""
    listed = ["newdeal_jobs", "seoul_job_centre", "youth_job_centre", "job_cafe"]
    events = [then("돈 받으면서 일 경험 쌓을 수 있는데"), bot("일자리를 찾고 계시군요. 도움이 될 만한 서울시 제도예요:", listed),
              slot("programme", "job_cafe"), then("시급은 얼마 쳐줘요?")]
    tracker = make_tracker("ask_cost", "시급은 얼마 쳐줘요?", slots={"programme": "job_cafe"}, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "9,220원" in reply and "비용은" not in reply


async def test_an_answer_ending_on_none_is_no_income_and_registration_said_ahead(domain) -> None:
    """"네 했어요 없어요" to "지금 정기적인 소득이 있으세요?" (heard as a yes): no regular income, and registered."""
    text = "네 했어요 없어요"
    slots = {
        "programme": "public_works", "requested_slot": "has_regular_income", "has_regular_income": True,
        "age": 47, "residence": "seoul", "job_status": "unemployed",
    }
    tracker = make_tracker("affirm", text, slots=slots, active_loop="eligibility_form")
    _, events = await run_action(ValidateEligibilityForm(), tracker, domain)
    told = slots_of(events)
    assert told.get("has_regular_income") is False and told.get("job_seeker_registered") is True


async def test_a_site_named_by_the_work_it_serves_is_the_one_asked(domain) -> None:
    """"대리 쉼터는 하루에 사람 얼마나 와요?" after 북창쉼터's hours: 서초쉼터 (for 대리기사), 일평균 70명."""
    now = "대리 쉼터는 하루에 사람 얼마나 와요?"
    events = [then("퀵 하는 사람들 쉬는데는 저녁 몇시까지해요"), bot("[休 서울노동자 쉼터] 운영시간이에요.\n- 북창쉼터: 매일 08:30~20:00"),
              slot("place", "북창쉼터"), then(now)]
    tracker = make_tracker(
        "ask_hours", now, entities=[{"entity": "worker_type", "value": "대리기사", "start": 0, "end": 2, "extractor": "test"}],
        slots={"programme": "rest_area", "place": "북창쉼터", "last_question": "ask_hours"}, events=events, confidence=0.13,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "70명" in reply and "57명" not in reply


async def test_the_line_set_aside_is_not_said_again(domain) -> None:
    """"계획 말고 지금 실제로 훈련받고 있는 사람은 몇명인데" after the training plan's line: not the plan (7,298명)
    again."""
    plan = (
        "[서울시 기술교육원] 보고서에 이렇게 나와 있어요.\n"
        "- ’18년 직업훈련 계획 인원: 7,298명 (’18년) — 총 154개 학과. 서울시 과정 89개 학과 4,965명, 국가 과정 65개 학과 2,333명\n"
        "출처: 업무보고 「서울시 기술교육원 운영」, 2018년 7월 기준"
    )
    reply = await _after(plan, "technical_school", "계획 말고 지금 실제로 훈련받고 있는 사람은 몇명인데", domain=domain)
    assert "4,046명" in reply and "7,298명" not in reply


async def test_a_feature_heard_as_a_cost_question_is_what_the_report_lacks(domain) -> None:
    """"취업날개 정장 빌리면 반납은 택배로 해도 돼요?" (a cost question to the NLU, unsure): the report says nothing of
    returns by parcel (120), not the programme's summary."""
    text = "취업날개 정장 빌리면 반납은 택배로 해도 돼요?"
    tracker = make_tracker("ask_cost", text, slots={"programme": "interview_suit_rental"}, confidence=0.51)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "반납" in reply and "면접 정장 무료 대여" not in reply


async def test_a_place_to_study_wanted_is_the_list_of_places(domain) -> None:
    """"집에선 공부가 안돼서 ㅠ 취준 스터디할 장소 없나": the free places to study (청년일자리센터 and 일자리카페), not
    one centre's room count."""
    messages, _ = await run_action(
        ActionAnswerSituation(), make_tracker("situation_study_space", "집에선 공부가 안돼서 ㅠ 취준 스터디할 장소 없나"), domain
    )
    reply = texts(messages)
    assert "청년일자리센터" in reply and "일자리카페" in reply and "22,253명" not in reply


async def test_a_word_of_the_programme_discussed_is_no_other_topic(domain) -> None:
    """"특성화고 다니는 사촌동생도 들을만한거 있나" (a recommendation to the NLU) after 청년일자리센터: its 특성화고 직업
    멘토스쿨, not "out of scope" for the cousin the report never mentions."""
    from actions.recommendations import ActionRecommendProgrammes

    text = "특성화고 다니는 사촌동생도 들을만한거 있나"
    tracker = make_tracker("recommend_programmes", text, slots={"programme": "youth_job_centre"}, confidence=0.31)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "멘토스쿨" in reply and "안내할 수 있는 내용이 아니" not in reply


async def test_two_wages_compared_say_which_the_report_gives(domain) -> None:
    """"공공근로랑 뉴딜 시급 비교하면 어디가 더 많이 줘요": 뉴딜일자리's 9,220원, and that the report gives no wage
    for 공공근로 (120), not the two summaries."""
    text = "공공근로랑 뉴딜 시급 비교하면 어디가 더 많이 줘요"
    entities = [span("programme", "public_works", text, "공공근로"), span("programme", "newdeal_jobs", text, "뉴딜")]
    tracker = make_tracker("ask_cost", text, entities=entities)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "9,220원" in reply and "120" in reply and "생계를 돕기" not in reply


async def test_a_story_of_another_topic_is_out_of_scope_whatever_word_it_shares(domain) -> None:
    """"전세 계약 끝났는데 집주인이 … 보증금 준대요 …" (out of scope at 0.62): another topic, not 서울신용보증재단's
    working hours because 보증 is a word of both."""
    from actions.open_questions import ActionAnswerDetailOrOutOfScope

    text = (
        "전세 계약 끝났는데 집주인이 다음 세입자 들어와야 보증금 준대요. 저도 이사갈 집 계약해놔서 잔금 날짜가 다가와요. "
        "너무 불안해서 잠이 안와요. 어떻게 해야 돼요?"
    )
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), make_tracker("out_of_scope", text, confidence=0.62), domain))[0])
    assert "안내할 수 있는 내용이 아니" in reply and "151시간" not in reply


async def test_a_person_named_alone_is_the_question_before_for_them(domain) -> None:
    """"누나는요?" (a cost question to the NLU) after where the nearest schools are: where, again, not the deposit."""
    events = [then("형은 강동 살고 누나는 노원 살아요 기술교육원 각자 가까운데 어디에요? 형부터요"), bot("[서울시 기술교육원] 위치예요."),
              then("누나는요?")]
    tracker = make_tracker(
        "ask_cost", "누나는요?", slots={"programme": "technical_school", "last_question": "ask_location", "district": "노원구"},
        events=events, confidence=0.38,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "북부" in reply and "예치" not in reply


async def test_a_figure_of_the_help_asked_in_a_situation_is_that_figure(domain) -> None:
    """"사회적기업 운영중인데 인건비 지원 올해 몇개 기업이나 받았어요?" (social economy, nothing discussed yet): 1,208개,
    not the list of help."""
    text = "사회적기업 운영중인데 인건비 지원 올해 몇개 기업이나 받았어요?"
    messages, _ = await run_action(ActionAnswerSituation(), make_tracker("situation_social_economy", text), domain)
    assert "1,208개" in texts(messages)


def test_a_person_in_charge_asked_for_is_a_handoff() -> None:
    """"음 복잡하네요 담당하시는 분이랑 직접 얘기할게요" asks for a person; "상담사가 몇 명이에요" does not."""
    from actions.context import WANTS_A_PERSON

    assert WANTS_A_PERSON.search("음 복잡하네요 담당하시는 분이랑 직접 얘기할게요")
    assert not WANTS_A_PERSON.search("그 옴부즈만이라는 사람한테 상담받으면 돈 내야돼요?")


async def test_a_remark_after_the_question_does_not_choose_the_fact(domain) -> None:
    """"그럼 노사민정 아카데미 하반기꺼는 언제 열려요? 인사담당자도 들을수있다던데": the second course in October,
    not the first course's graduates (whose note names 인사담당자)."""
    text = "그럼 노사민정 아카데미 하반기꺼는 언제 열려요? 인사담당자도 들을수있다던데"
    tracker = make_tracker("ask_programme_info", text, slots={"programme": "labour_organisation_support"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "10월" in reply and "84명" not in reply


async def test_an_amount_asked_as_how_to_apply_is_the_amount(domain) -> None:
    """"상반기에 수행기관 뽑아서 얼마 지원하기로 했어요" (how to apply, to the NLU) of 사회투자기금: 40억원."""
    text = "상반기에 수행기관 뽑아서 얼마 지원하기로 했어요"
    tracker = make_tracker("ask_how_to_apply", text, slots={"programme": "social_investment_fund"})
    assert "40억원" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_what_the_city_did_in_its_own_institutions_is_that_programme(domain) -> None:
    """"저희 회사가 … 주52시간 맞춰야 돼서 야근 줄여야 되는데 서울시 기관들은 어떻게 줄였어요? 참고하게" (a labour
    problem to the NLU): 노동시간 단축 in the city's institutions, not the list of free labour advice."""
    text = "저희 회사가 이번 7월부터 주52시간 맞춰야 돼서 야근 줄여야 되는데 서울시 기관들은 어떻게 줄였어요? 참고하게"
    entities = [span("programme", "working_hours_reduction", text, "주52시간")]
    messages, _ = await run_action(ActionAnswerSituation(), make_tracker("situation_labour_problem", text, entities=entities), domain)
    reply = texts(messages)
    assert "[노동시간 단축]" in reply and "노동권익센터" not in reply


async def test_a_word_of_the_programme_discussed_keeps_a_need_heard_on_it(domain) -> None:
    """"자격증 따는 돈도 대주나요? 컴활 따려고 하는데" (wanting training, to the NLU) while 뉴딜일자리 is discussed: its
    자격증 취득비용 지원, not the training list."""
    text = "자격증 따는 돈도 대주나요? 컴활 따려고 하는데"
    events = [then("뉴딜일자리 올해 전체 규모가 몇명이에요?"), bot("[뉴딜일자리] 보고서에 이렇게 나와 있어요."), then(text)]
    tracker = make_tracker("situation_job_training", text, slots={"programme": "newdeal_jobs"}, events=events)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "자격증 취득비용" in reply and "기술을 배우고 싶으시군요" not in reply


async def test_an_employer_told_by_the_staff_they_keep_asks_to_hire(domain) -> None:
    """"청년 뽑고싶을땐 뭐가 도움돼요?" after "직원 7명 데리고 인쇄소 해요 사장 입장에서 …": the help to hire young
    people (서울형 강소기업), not 마을노무사 again."""
    first = "강서구에서 직원 7명 데리고 인쇄소 해요 사장 입장에서 받을수 있는 서울시 지원 싹 다 알려주세요"
    now = "청년 뽑고싶을땐 뭐가 도움돼요?"
    events = [then(first), bot("[마을노무사] 말씀해 주신 조건이면 이용할 수 있어요."), then(now)]
    tracker = make_tracker(
        "ask_programme_info", now, slots={"programme": "village_labour_attorney", "workplace_size": 7}, events=events, confidence=0.53
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "강소기업" in reply


async def test_whether_a_parent_may_attend_is_judged_before_where_the_site_is(domain) -> None:
    """"어머니가 만 70이신데 기술교육원 다니실 수 있을까요? 지금 경기도 군포에 사시는데 거기 기술교육원이 있다고 해서요":
    a no for living outside Seoul (the honorific 다니실 수 asks it), not the site in 군포."""
    text = "어머니가 만 70이신데 기술교육원 다니실 수 있을까요? 지금 경기도 군포에 사시는데 거기 기술교육원이 있다고 해서요"
    entities = [
        {"entity": "age", "value": 70, "start": 4, "end": 8, "extractor": "test"},
        span("programme", "technical_school", text, "기술교육원"), span("residence", "outside", text, "사시는데"),
    ]
    tracker = make_tracker("ask_open_now", text, entities=entities, slots={"age": 70, "residence": "outside"}, confidence=0.54)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "조건에 맞지 않" in reply and "서울시민" in reply
