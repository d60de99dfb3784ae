"""Follow-ups of session 24 (v203–v208 read): the same count of another thing, the bureau's target after a count
done so far, a group's job target, a question typed while the eligibility form waits, a feature asked of a
programme named, the pay asked with an age told, a floor's use, counts named by their noun, an employer hiring,
all the help for a social-economy firm, the pay of the programme judged after the places offered instead."""
from __future__ import annotations

from actions.eligibility import ValidateEligibilityForm
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import entity, make_tracker, run_action, slots_of, span, texts
from tests.unit.actions.test_session21_followups import bot
from tests.unit.actions.test_session22_followups import _after
from tests.unit.actions.test_session6_followups import then

QUESTION = ActionAnswerProgrammeQuestion()

LABOUR_COST_FIRMS = (
    "[사회적경제기업 육성] 보고서에 이렇게 나와 있어요.\n"
    "- 인건비 지원 기업 수: 1,208개 (2018년 7월 보고 기준) — 인건비 3,992백만원. 사회보험료 4,971명(1,179백만원)\n\n"
    "출처: 업무보고 「체계적인 종합지원으로 사회적경제기업 육성」, 2018년 7월 기준"
)
PURCHASES_SO_FAR = (
    "[사회적경제기업 육성] 보고서에 이렇게 나와 있어요.\n"
    "- 사회적경제 공공구매 실적: 349억원 (’18년 5월말) — 전년 동기대비 85억 증가. ’18년 목표 1,300억원\n\n"
    "출처: 업무보고 「체계적인 종합지원으로 사회적경제기업 육성」, 2018년 7월 기준"
)


async def test_the_same_count_of_another_thing_is_its_figure(domain) -> None:
    """"사업개발비 지원은여?" right after the firms given labour costs: the firms given development costs (111개)."""
    reply = await _after(LABOUR_COST_FIRMS, "social_economy_support", "사업개발비 지원은여?", intent="ask_cost", domain=domain)
    assert "111개" in reply and "1,208개" not in reply


async def test_next_years_target_after_a_count_so_far_is_the_bureaus(domain) -> None:
    """"그럼 내년 목표는?" right after 공공구매 실적 (349억원): the bureau's indicator for 2019 (1,400), not "unknown"."""
    reply = await _after(PURCHASES_SO_FAR, "social_economy_support", "그럼 내년 목표는?", domain=domain)
    assert "1,400" in reply and "120" not in reply


async def test_a_groups_job_target_is_its_own_not_seouls_total(domain) -> None:
    """"서울시 청년 일자리 올해 목표 몇개예요": the youth target (76,692개), not all of Seoul's (353,956개)."""
    tracker = make_tracker("inform", "서울시 청년 일자리 올해 목표 몇개예요", confidence=0.66)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "76,692" in reply and "353,956" not in reply


async def test_a_figure_asked_while_the_form_waits_is_answered_and_stops_it(domain) -> None:
    """"작년 취업률은" (a fact, to the NLU) while the form asks 뉴딜일자리's age: the rate (52.9%), the form stopped and
    the question not kept as an age."""
    tracker = make_tracker(
        "inform", "작년 취업률은", slots={"programme": "newdeal_jobs", "requested_slot": "age", "age": "작년 취업률은"},
        active_loop="eligibility_form", confidence=0.53,
    )
    messages, events = await run_action(ValidateEligibilityForm(), tracker, domain)
    assert "52.9%" in texts(messages)
    assert slots_of(events)["age"] is None and slots_of(events)["requested_slot"] is None
    assert any(e.get("event") == "active_loop" and e.get("name") is None for e in events)


async def test_an_age_given_while_the_form_waits_is_still_its_answer(domain) -> None:
    """"29살이요" while the form asks the age: no question answered in its place, the form goes on."""
    now = "29살이요"
    tracker = make_tracker(
        "inform", now, [span("age", 29, now, "29살")], slots={"programme": "newdeal_jobs", "requested_slot": "age", "age": 29},
        active_loop="eligibility_form",
    )
    messages, events = await run_action(ValidateEligibilityForm(), tracker, domain)
    assert "52.9%" not in texts(messages)
    assert not any(e.get("event") == "active_loop" for e in events)


async def test_a_feature_asked_of_a_programme_named_is_not_who_may_join(domain) -> None:
    """"뉴딜일자리 4대보험 되나요": whether it has 4대보험, which the report does not say (120), not the age question."""
    now = "뉴딜일자리 4대보험 되나요"
    tracker = make_tracker("ask_eligibility", now, [span("programme", "newdeal_jobs", now, "뉴딜일자리")], confidence=0.77)
    messages, events = await run_action(QUESTION, tracker, domain)
    reply = texts(messages)
    assert "보험" in reply and "120" in reply and "몇 살" not in reply
    assert not any(e.get("name") == "eligibility_form" for e in events)


async def test_the_pay_asked_with_an_age_told_is_the_pay(domain) -> None:
    """"딸아이가 서른여섯인데 뉴딜일자리라는 걸 해보라고 해서요 그거 시급이 얼마나 되나요?": the wage (9,220원), not the
    eligibility questions."""
    now = "딸아이가 서른여섯인데 뉴딜일자리라는 걸 해보라고 해서요 그거 시급이 얼마나 되나요?"
    named = [span("age", 36, now, "서른여섯"), span("programme", "newdeal_jobs", now, "뉴딜일자리")]
    tracker = make_tracker("ask_eligibility", now, named, confidence=0.48)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "9,220" in reply and "서울에 살고" not in reply


async def test_what_a_floor_is_for_is_its_floor_plan(domain) -> None:
    """"5층은 어디가 쓰는 거에요?" of the memorial (where, to the NLU): 서울노동권익센터, not the building's address."""
    tracker = make_tracker("ask_location", "5층은 어디가 쓰는 거에요?", slots={"programme": "jeon_tae_il_memorial"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "노동권익센터" in reply and "청계천로" not in reply


async def test_a_count_named_by_its_noun_is_the_count(domain) -> None:
    """"옴부즈만 상반기 무료상담 건수" (a cost, to the NLU): 1,694건 for ’18.1~6월, 상반기 not called unknown."""
    now = "옴부즈만 상반기 무료상담 건수"
    tracker = make_tracker("ask_cost", now, [span("programme", "labour_ombudsman", now, "옴부즈만")], confidence=0.91)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "1,694건" in reply and "상반기’에 대해서는" not in reply


async def test_an_amount_the_report_counts_is_no_price(domain) -> None:
    """"상반기에 수행기관 뽑아서 얼마 지원하기로 했다던데 얼마였어요" of 사회투자기금: 40억원, not its interest rate."""
    tracker = make_tracker(
        "ask_cost", "상반기에 수행기관 뽑아서 얼마 지원하기로 했다던데 얼마였어요", slots={"programme": "social_investment_fund"},
        confidence=0.45,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "40억원" in reply


async def test_an_hr_manager_hiring_young_people_gets_the_help_for_employers(domain) -> None:
    """"중소 제조업체 인사담당자입니다. 청년 채용하려는데 회사가 활용할 수 있는 서울시 제도 있을까요": 서울형 강소기업,
    not 노사민정 아카데미 (whose trainees include 인사담당자)."""
    tracker = make_tracker("recommend_programmes", "중소 제조업체 인사담당자입니다. 청년 채용하려는데 회사가 활용할 수 있는 서울시 제도 있을까요", confidence=0.52)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "서울형 강소기업" in reply and "노사민정" not in reply


async def test_all_the_help_for_a_social_economy_firm_is_listed(domain) -> None:
    """"예비사회적기업 대표입니다 직원 5명이고요. 시에서 받을 수 있는 지원 전부 알려주세요": the list of help (사회투자기금
    among it), not the rules of 사회적경제기업 육성."""
    now = "예비사회적기업 대표입니다 직원 5명이고요. 시에서 받을 수 있는 지원 전부 알려주세요"
    named = [span("workplace_size", 5, now, "5"), span("programme", "social_economy_support", now, "예비사회적기업")]
    tracker = make_tracker("situation_social_economy", now, named, confidence=0.66)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "사회투자기금" in reply and "협동조합지원센터" in reply


async def test_the_pay_after_the_places_offered_instead_is_the_judged_programmes(domain) -> None:
    """"시급은 얼마 줘요?" after 뉴딜일자리's no for a 17-year-old and the centres offered instead (none pays): 뉴딜일자리's
    wage (9,220원), not what each centre costs."""
    listed = ["seoul_job_centre", "youth_job_centre", "job_cafe"]
    events = [then("울 동생은 만 17살인데 같이 강동 살아요 걔도 돼요?"), bot("[뉴딜일자리] 아쉽지만 조건에 맞지 않아요.", listed), then("시급은 얼마 줘요?")]
    tracker = make_tracker(
        "ask_cost", "시급은 얼마 줘요?", slots={"programme": "newdeal_jobs", "last_question": "ask_eligibility"}, events=events,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "9,220" in reply and "청년일자리센터: 무료" not in reply


async def test_a_thing_offered_too_comes_with_how_much_of_it_was_done(domain) -> None:
    """"거기서 교육도 해줘요?" of 협동조합지원센터: what it offers, and its education count (1,277명, 10개 과정)."""
    tracker = make_tracker("ask_programme_info", "거기서 교육도 해줘요?", slots={"programme": "cooperative_support_centre"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "교육" in reply and "1,277명" in reply


async def test_an_outcome_asked_as_whether_anyone_got_a_job_is_the_count(domain) -> None:
    """"청년일자리센터 거기서 상담받고 진짜 취업한 사람도 있긴 해요?": 1,785명 employed after counselling, not "unknown"."""
    now = "청년일자리센터 거기서 상담받고 진짜 취업한 사람도 있긴 해요?"
    tracker = make_tracker("ask_programme_info", now, [span("programme", "youth_job_centre", now, "청년일자리센터")], confidence=0.21)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "1,785명" in reply


async def test_a_wage_looked_up_by_keyword_is_the_pay_question(domain) -> None:
    """"공공근로 일당" (a fact, to the NLU): the report gives no daily pay (120), not what 공공근로 is."""
    now = "공공근로 일당"
    tracker = make_tracker("inform", now, [entity("programme", "public_works", "공공근로")], confidence=0.87)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "9,220" not in reply


async def test_another_intent_while_the_form_waits_is_left_to_the_rules(domain) -> None:
    """"학과는 몇개나 돼요" (out of scope, to the NLU) while the form asks the age: the form does not answer it itself
    (Rasa rejects the form and the out-of-scope rule answers), so nothing is said and the form is not stopped here."""
    tracker = make_tracker(
        "out_of_scope", "학과는 몇개나 돼요", slots={"programme": "technical_school", "requested_slot": "age"},
        active_loop="eligibility_form", confidence=0.77,
    )
    messages, events = await run_action(ValidateEligibilityForm(), tracker, domain)
    assert not texts(messages) and not any(e.get("event") == "active_loop" for e in events)


async def test_thanks_after_the_bureaus_figure_is_thanks(domain) -> None:
    """"ㄳㄳ 수고" right after the bureau's count of social-economy firms: you're welcome, not the figure again."""
    from actions.open_questions import ActionThank

    figure = (
        "서울시 일자리노동정책관 업무보고에 이렇게 나와 있어요.\n"
        "- 사회적경제 기업수(누계): 4,350개 (2018 (주요 정책지표)) — 2016년 3,501, 2017년 3,914, 2018년 4,350, 2019년 4,700, 2020년 5,000(개)\n"
        "출처: 업무보고 「주요 정책지표」, 2018년 7월 기준"
    )
    events = [then("사회적경제 기업 몇개예요"), bot(figure), then("ㄳㄳ 수고")]
    tracker = make_tracker("thanks", "ㄳㄳ 수고", events=events)
    messages, _ = await run_action(ActionThank(), tracker, domain)
    assert "4,350" not in texts(messages) and [m.get("response") for m in messages] == ["utter_thanks"]


# -- v209–v214, read after their first run


async def test_a_scheme_the_report_lacks_named_alone_is_not_another_programme(domain) -> None:
    """"청년수당이요" (a fact, to the NLU): the report has no 청년수당 (120), not 취업날개 for its word 청년; and "그거 나도
    돼? …" right after stays about it."""
    tracker = make_tracker("inform", "청년수당이요", confidence=0.83)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "청년수당" in reply and "120" in reply and "취업날개" not in reply
    events = [then("청년수당이요"), bot(reply), then("그거 나도 돼? 스물여섯 송파 살아")]
    now = "그거 나도 돼? 스물여섯 송파 살아"
    tracker = make_tracker("ask_eligibility", now, [span("age", 26, now, "스물여섯")], events=events, confidence=0.9)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "청년수당" in reply and "120" in reply and "이용할 수 있어요" not in reply


async def test_other_work_alongside_a_programme_is_not_in_the_report(domain) -> None:
    """"뉴딜 하면서 밤에 대리 계속 뛰어도 되나" after 뉴딜일자리's yes: whether other work may go alongside (120), not
    the verdict again."""
    tracker = make_tracker(
        "situation_rest_area", "뉴딜 하면서 밤에 대리 계속 뛰어도 되나",
        slots={"programme": "newdeal_jobs", "last_question": "ask_eligibility", "age": 39, "residence": "seoul"}, confidence=0.4,
    )
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "겸업" in reply and "120" in reply and "이용할 수 있어요" not in reply


async def test_a_day_said_in_a_correction_is_the_day_asked(domain) -> None:
    """"아 잘못 물어봤다 일요일이요 일욜도 열어요?" after 청년일자리센터's Saturday hours: Sunday, which the report does not
    give (120), not every day's hours."""
    now = "아 잘못 물어봤다 일요일이요 일욜도 열어요?"
    events = [then("그럼 청년일자리센터는 토요일에도 해요?"), bot("[청년일자리센터] 토요일에는 10:00~18:00에 운영해요."), then(now)]
    tracker = make_tracker(
        "ask_hours", now, [span("weekday", "sun", now, "일요일"), span("weekday", "sun", now, "일욜")],
        slots={"programme": "youth_job_centre", "last_question": "ask_hours"}, events=events,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "일요일" in reply and "120" in reply and "09:00" not in reply


async def test_the_bureaus_indicator_asked_of_a_programme_named_is_its_value(domain) -> None:
    """"같은 표에 공공부문 비정규직 정규직화 인원 누적 2018년은 얼마로 돼있어?": the indicator (9,547명), which no fact of
    비정규직의 정규직화 has."""
    now = "같은 표에 공공부문 비정규직 정규직화 인원 누적 2018년은 얼마로 돼있어?"
    tracker = make_tracker("ask_cost", now, [span("programme", "regularisation", now, "비정규직 정규직화")], confidence=0.72)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "9,547" in reply


async def test_a_year_the_report_lacks_is_said_with_the_year_it_has(domain) -> None:
    """"뉴딜일자리 2018년 참여자 취업률도 나왔어요?": the report's 2017 rate (52.9%), and that 2018's is not in it (120)."""
    now = "뉴딜일자리 2018년 참여자 취업률도 나왔어요?"
    tracker = make_tracker("ask_programme_info", now, [span("programme", "newdeal_jobs", now, "뉴딜일자리")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "52.9%" in reply and "2018년 수치는" in reply and "120" in reply


async def test_how_many_asked_as_where_of_a_programme_without_sites_is_the_count(domain) -> None:
    """"특성화고 교사인데 … 일자리카페 가보려는데 서울에 몇개나 있어요?" (where, to the NLU): 73개, not "no address"."""
    now = "일자리카페 서울에 몇개나 있어요?"
    tracker = make_tracker("ask_location", now, [span("programme", "job_cafe", now, "일자리카페")], confidence=0.2)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "73" in reply


async def test_a_naturalised_citizen_is_judged_not_asked_about_nationality(domain) -> None:
    """"… 귀화해서 한국 국적이고 금천구 사세요. 만31세인데 기술교육원 다닐수 있을까요?": the verdict (yes), not that the
    report says nothing of nationality."""
    now = "다문화센터 봉사자에요. 이웃에 베트남 출신 분이 계신데 귀화해서 한국 국적이고 금천구 사세요. 만31세인데 기술교육원 다닐수 있을까요?"
    named = [
        span("residence", "seoul", now, "사세요"), span("age", 31, now, "만31세"),
        span("programme", "technical_school", now, "기술교육원"),
    ]
    tracker = make_tracker("ask_eligibility", now, named, slots={"age": 31, "residence": "seoul"}, confidence=0.29)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "국적" not in reply


async def test_a_remark_before_a_years_follow_up_leaves_the_year_asked(domain) -> None:
    """"근데 2018년엔 오히려 줄었던데 2018년 수치는요?" right after 생활임금 적용인원 by year: 2018's 10,774명."""
    figure = (
        "[생활임금] 보고서에 이렇게 나와 있어요.\n"
        "- 생활임금 적용인원(누적): 10,774명 (2018 (주요 정책지표)) — 2016년 2,519명, 2017년 11,619명, 2018년 10,774명, "
        "2019년 11,000명, 2020년 11,000명\n\n출처: 업무보고 「주요기능」, 2018년 7월 기준"
    )
    reply = await _after(figure, "living_wage", "근데 2018년엔 오히려 줄었던데 2018년 수치는요?", intent="ask_cost", domain=domain)
    assert "10,774" in reply and "‘수치’" not in reply
