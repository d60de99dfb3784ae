"""Follow-ups found on the held-out conversations read in session 10 (v65–v70): programmes described by what they do
("시에서 월급 주면서 일 가르쳐 주는 거"), a greeting before a question, a place said alone after an hours answer
("합정은??"), the shelter for the work just told, other sites, two districts at once, sites open at night, a story
whose last sentence names the programme asked about, an income told after a verdict, and a verdict asked for
another programme ("기술교육원은요?")."""
from __future__ import annotations

from actions.open_questions import ActionAnswerDetailOrOutOfScope, ActionGoodbye
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, slots_of, span, texts
from tests.unit.actions.test_session6_followups import said_before as said, then as now

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()
PROFILE_33 = {"age": 33, "residence": "seoul", "job_status": "unemployed"}


async def test_a_programme_described_by_what_it_does_is_answered(domain) -> None:
    """"시에서 월급 주면서 일도 가르쳐 주는 그런 거" (heard as unpaid wages): 뉴딜일자리, not labour advice."""
    text = "시에서 월급 주면서 일도 가르쳐 주는 그런 거 있지 않아요? 이름이 기억이 안 나네"
    tracker = make_tracker("situation_unpaid_wages", text, confidence=0.38)
    messages, events = await run_action(SITUATION, tracker, domain)
    assert "[뉴딜일자리]" in texts(messages) and "노동권리보호관" not in texts(messages)
    assert slots_of(events)["programme"] == "newdeal_jobs"


async def test_an_unpaid_wage_story_is_no_description_of_a_paid_job(domain) -> None:
    """"일 시켜놓고 월급 안 줘요 서울시에 신고할 데" is unpaid wages, though it says 서울시, 월급 and 일 시켜."""
    tracker = make_tracker("situation_unpaid_wages", "사장이 일 시켜놓고 월급 안 줘요 서울시에 신고할 데 있나요")
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "[뉴딜일자리]" not in reply and "노동권리보호관" in reply


async def test_a_centre_described_and_its_weekend_hours(domain) -> None:
    """"청년들 취업상담 공짜로 해주는 센터 주말에도 문 열어요?": 청년일자리센터's Saturday hours."""
    text = "청년들 취업상담 공짜로 해주는 센터 주말에도 문 열어요?"
    tracker = make_tracker("ask_hours", text, [span("weekday", "weekend", text, "주말")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "[청년일자리센터]" in reply and "10:00~18:00" in reply


async def test_a_greeting_before_a_question_is_greeted_back_then_answered(domain) -> None:
    """"안녕하세요~ 사회적기업 창업 준비하는 사람이에요": hello, then what helps social enterprises."""
    tracker = make_tracker("situation_social_economy", "안녕하세요~ 사회적기업 창업 준비하는 사람이에요")
    messages, _ = await run_action(SITUATION, tracker, domain)
    assert texts(messages).startswith("안녕하세요!") and "사회적경제기업 육성" in texts(messages)
    plain = make_tracker("situation_social_economy", "사회적기업 창업 준비하는 사람이에요")
    assert not texts((await run_action(SITUATION, plain, domain))[0]).startswith("안녕하세요")


async def test_a_place_said_alone_after_an_hours_answer_asks_its_hours(domain) -> None:
    """"합정은??" (out of scope to the NLU) after the hours of 상암쉼터: 합정쉼터's hours, via the question action."""
    events = said("상암쉼터 운영시간좀", bot="[休 서울노동자 쉼터] 운영시간이에요.") + [now("합정은??")]
    slots = {"programme": "rest_area", "place": "상암쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("out_of_scope", "합정은??", slots=slots, events=events, confidence=0.3)
    _, redirected = await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain)
    assert redirected == [{"event": "followup", "name": "action_answer_programme_question", "timestamp": None}]
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "합정쉼터: 매일 08:30~다음날 06:00" in texts(messages) and "상암쉼터" not in texts(messages)
    assert slots_of(events)["place"] == "합정쉼터"


async def test_a_place_corrected_after_a_location_answer(domain) -> None:
    """"아 잘못 봤다 북부요" after where 중부기술교육원 is: where 북부 is (노원구 상계동)."""
    slots = {"programme": "technical_school", "place": "중부기술교육원", "last_question": "ask_location"}
    tracker = make_tracker("inform", "아 잘못 봤다 북부요", slots=slots, confidence=0.9)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "상계동" in reply and "한남동" not in reply


async def test_the_shelter_for_the_work_told_after_an_hours_answer(domain) -> None:
    """"아 아니다 형 요즘 퀵으로 바꿨대요. 퀵 쉼터는요?" after the hours of 서초쉼터: 북창쉼터's hours."""
    text = "아 아니다 형 요즘 퀵으로 바꿨대요. 퀵 쉼터는요?"
    slots = {"programme": "rest_area", "place": "서초쉼터", "last_question": "ask_hours"}
    tracker = make_tracker(
        "ask_capabilities", text, [span("worker_type", "퀵서비스노동자", text, "퀵 쉼터")], slots=slots, confidence=0.2
    )
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "북창쉼터: 매일 08:30~20:00" in texts(messages) and "서초쉼터" not in texts(messages)
    assert slots_of(events)["place"] == "북창쉼터"


async def test_other_sites_than_the_one_discussed(domain) -> None:
    """"쉼터 다른 데도 있어요?" after 북창쉼터: the other three shelters."""
    slots = {"programme": "rest_area", "place": "북창쉼터", "last_question": "ask_open_now"}
    tracker = make_tracker("ask_location", "쉼터 다른 데도 있어요?", slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert all(name in reply for name in ("서초쉼터", "합정쉼터", "상암쉼터")) and "북창쉼터" not in reply


async def test_two_districts_asked_at_once(domain) -> None:
    """"노원 근처에 있는지, 용산 쪽에도 있는지": 북부 (노원구 상계동) and 중부 (용산구 한남동)."""
    text = "노원 근처에 있는지, 용산 쪽에도 있는지 궁금합니다."
    entities = [span("district", "노원구", text, "노원"), span("district", "용산구", text, "용산")]
    tracker = make_tracker("ask_location", text, entities, slots={"programme": "technical_school"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "상계동" in reply and "한남동" in reply and "고덕동" not in reply


async def test_the_sites_open_at_night(domain) -> None:
    """"촬영 끝나면 밤이라.. 밤에 쉴 수 있는 쉼터는 어디예요": the shelters open past midnight (서초, 합정)."""
    text = "촬영 끝나면 밤이라.. 밤에 쉴 수 있는 쉼터는 어디예요"
    tracker = make_tracker("ask_location", text, slots={"programme": "rest_area", "place": "상암쉼터"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "서초쉼터" in reply and "합정쉼터" in reply and "상암쉼터" not in reply and "북창쉼터" not in reply


async def test_a_site_near_where_one_lives(domain) -> None:
    """"강동구 살아요 가까운 데로요" after what teaches a trade: 동부기술교육원 (강동구 고덕동), not an age question."""
    text = "강동구 살아요 가까운 데로요"
    entities = [span("district", "강동구", text, "강동구"), span("residence", "seoul", text, "강동구")]
    tracker = make_tracker("inform", text, entities, slots={"programme": "technical_school", "residence": "seoul"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "고덕동" in reply and "몇 살" not in reply


async def test_the_programme_named_in_the_last_sentence_is_the_one_asked_about(domain) -> None:
    """"… 주52시간 얘기도 나오고 … 싶어서요. 마을노무사 컨설팅 받을 수 있을까요?": 마을노무사, not 노동시간 단축."""
    text = "직원이 10명이에요. 요즘 주52시간 얘기도 나오고 근로계약서도 새로 써야 하나 싶어서요. 마을노무사 컨설팅 받을 수 있을까요?"
    entities = [
        span("programme", "working_hours_reduction", text, "주52시간"),
        span("programme", "village_labour_attorney", text, "마을노무사"),
        span("workplace_size", 10, text, "10"),
    ]
    tracker = make_tracker("ask_eligibility", text, entities, slots={"workplace_size": 10})
    _, events = await run_action(QUESTION, tracker, domain)  # (the eligibility form follows, for 마을노무사)
    assert slots_of(events)["programme"] == "village_labour_attorney"


async def test_a_story_closing_with_a_question_about_a_site(domain) -> None:
    """"…뭐라도 배우려고요. 기술교육원 중부가 어디 있는지 알려주세요.": where 중부 is, not the list for training."""
    text = "이번 주로 실직한 지 딱 한 달이에요. 놀면 뭐하나 싶어서 뭐라도 배우려고요. 기술교육원 중부가 어디 있는지 알려주세요."
    entities = [span("programme", "technical_school", text, "기술교육원")]
    tracker = make_tracker("situation_job_training", text, entities, confidence=0.33)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "한남동" in reply and "상계동" not in reply


async def test_an_income_told_after_a_verdict_is_judged_not_declined(domain) -> None:
    """"아 근데 국민연금이 매달 조금씩 나오거든요 그럼 안 돼요?" after a yes for 공공근로: no (정기소득), not "국민연금
    is not covered"."""
    text = "아 근데 국민연금이 매달 조금씩 나오거든요 그럼 안 돼요?"
    slots = {
        "programme": "public_works", "last_question": "ask_eligibility", "age": 58, "residence": "seoul",
        "job_status": "unemployed", "job_seeker_registered": True, "has_regular_income": True,
    }
    entities = [span("has_regular_income", True, text, "국민연금이 매달 조금씩 나오")]
    tracker = make_tracker("out_of_scope", text, entities, slots=slots, confidence=0.95)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "아쉽지만" in reply and "소득" in reply and "안내가 없어서" not in reply


async def test_another_programme_after_a_verdict_is_judged_too(domain) -> None:
    """"기술 배우는 기술교육원은요?" after a yes for 취업날개 (a 33-year-old): the verdict for 기술교육원."""
    text = "기술 배우는 기술교육원은요?"
    slots = {**PROFILE_33, "programme": "interview_suit_rental", "last_question": "ask_eligibility"}
    tracker = make_tracker(
        "situation_job_training", text, [span("programme", "technical_school", text, "기술교육원")], slots=slots
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "[서울시 기술교육원]" in reply and "이용할 수 있어요" in reply


async def test_opening_asked_in_one_word_is_the_hours(domain) -> None:
    """"상암쉼터 오픈": its daily hours (09:30), not when it opened."""
    text = "상암쉼터 오픈"
    tracker = make_tracker("ask_hours", text, [span("programme", "rest_area", text, "상암쉼터")], confidence=0.78)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "09:30~18:00" in reply


async def test_a_programme_and_a_day_are_its_hours_that_day(domain) -> None:
    """"청년일자리센터 토요일" (heard as telling something): its Saturday hours."""
    text = "청년일자리센터 토요일"
    entities = [span("programme", "youth_job_centre", text, "청년일자리센터"), span("weekday", "sat", text, "토요일")]
    tracker = make_tracker("inform", text, entities, confidence=0.49)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "10:00~18:00" in reply


async def test_what_a_floor_holds_is_no_goodbye(domain) -> None:
    """"5층엔 머 들어가요" (들어가요 heard as a goodbye) about 전태일 기념관: a question, answered from the report."""
    tracker = make_tracker("goodbye", "5층엔 머 들어가요", slots={"programme": "jeon_tae_il_memorial"}, confidence=0.12)
    reply = texts((await run_action(ActionGoodbye(), tracker, domain))[0])
    assert "고마워요" not in reply and "[전태일 기념관]" in reply


async def test_a_late_fee_of_a_free_programme_is_not_in_the_report(domain) -> None:
    """"반납 늦으면 연체료 있어요?" of 취업날개 (free): the report says nothing of late fees (120), not "무료"; a
    deposit of 기술교육원 is its 예치금."""
    tracker = make_tracker("ask_cost", "반납 늦으면 연체료 있어요?", slots={"programme": "interview_suit_rental"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "연체료" in reply and "120" in reply and "비용: 무료" not in reply
    tracker = make_tracker("ask_cost", "보증금 같은 거 내요?", slots={"programme": "technical_school"})
    assert "예치" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_how_many_days_a_suit_is_lent_is_not_in_the_report(domain) -> None:
    """"며칠 동안 빌려줘요?" of 취업날개: a number the report does not give (120), not its summary."""
    tracker = make_tracker("ask_programme_info", "며칠 동안 빌려줘요?", slots={"programme": "interview_suit_rental"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "사진촬영" not in reply


async def test_a_story_s_question_sentence_finds_the_facts(domain) -> None:
    """"회사 노조에서 교육부장을 … 국제포럼을 연다고 들었는데 … 언제, 어디서 하는지": 12월 11일, 다목적홀."""
    text = (
        "회사 노조에서 교육부장을 맡고 있습니다. 올해 서울시가 좋은 일자리도시 국제포럼을 연다고 들었는데, "
        "조합원들이랑 같이 가보려고 해요. 언제, 어디서 하는지 알려주실 수 있나요?"
    )
    entities = [span("programme", "decent_work_forum", text, "좋은 일자리도시 국제포럼")]
    tracker = make_tracker("situation_social_economy", text, entities, confidence=0.14)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "12월 11일" in reply and "다목적홀" in reply


async def test_everything_that_fits_is_listed_though_one_programme_is_named(domain) -> None:
    """"… 면접 정장도 없고, 돈도 좀 벌면서 경력 쌓고 싶은데 제가 받을 수 있는 거 다 알려주세요": the list (with
    뉴딜일자리), not the verdict for 취업날개 alone."""
    from actions.recommendations import ActionRecommendProgrammes

    text = "스물아홉이고 서울 동작구 살아요. 취준 중이에요. 면접 정장도 없고, 돈도 좀 벌면서 경력 쌓고 싶은데 제가 받을 수 있는 거 다 알려주세요."
    entities = [
        span("age", 29, text, "스물아홉"), span("residence", "seoul", text, "서울"),
        span("job_status", "job_seeker", text, "취준"), span("programme", "interview_suit_rental", text, "면접 정장"),
    ]
    tracker = make_tracker("recommend_programmes", text, entities, slots={"age": 29, "residence": "seoul", "job_status": "job_seeker"})
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "뉴딜일자리" in reply and "취업날개" in reply


async def test_the_programme_first_discussed_is_the_one_said_first(domain) -> None:
    """"흠 그럼 처음 거는 최대 몇개월까지 일할수있어요" after 뉴딜일자리, then 공공근로: 뉴딜일자리's 23 months."""
    events = (
        said("뉴딜일자리 시급 얼마예요?") + [{"event": "slot", "name": "programme", "value": "newdeal_jobs"}]
        + said("공공근로도 그만큼 줘요?") + [{"event": "slot", "name": "programme", "value": "public_works"}]
        + [now("흠 그럼 처음 거는 최대 몇개월까지 일할수있어요")]
    )
    text = "흠 그럼 처음 거는 최대 몇개월까지 일할수있어요"
    tracker = make_tracker("ask_programme_info", text, slots={"programme": "public_works"}, events=events)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "23개월" in texts(messages) and slots_of(events)["programme"] == "newdeal_jobs"


async def test_the_site_first_discussed_is_the_one_said_first(domain) -> None:
    """"처음 말한 데는 몇시부터 열어" after 서초쉼터, then 북창쉼터: 서초쉼터's hours (18:00)."""
    events = (
        said("서초쉼터 어디예요") + [{"event": "slot", "name": "place", "value": "서초쉼터"}]
        + said("북창쉼터는요") + [{"event": "slot", "name": "place", "value": "북창쉼터"}]
        + [now("처음 말한 데는 몇시부터 열어")]
    )
    slots = {"programme": "rest_area", "place": "북창쉼터"}
    tracker = make_tracker("ask_hours", "처음 말한 데는 몇시부터 열어", slots=slots, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "서초쉼터: 매일 18:00" in reply and "북창쉼터" not in reply


async def test_a_site_named_in_any_answer_is_the_one_discussed_next(domain) -> None:
    """"앗 상암이랑 헷갈렸다 상암은요" (answered with what the shelters serve): 상암쉼터 is what "거기" means next."""
    slots = {"programme": "rest_area", "place": "합정쉼터", "last_question": "ask_eligibility"}
    tracker = make_tracker("out_of_scope", "앗 상암이랑 헷갈렸다 상암은요", slots=slots, confidence=0.5)
    _, events = await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain)
    assert slots_of(events)["place"] == "상암쉼터"


async def test_the_age_limit_asked_of_a_programme_described(domain) -> None:
    """"아까 정장 빌려주는 데는 나이 제한 있어요?": the rules of 취업날개 (34), not the firms that lend the suits."""
    tracker = make_tracker("ask_eligibility", "아까 정장 빌려주는 데는 나이 제한 있어요?", slots={"programme": "interview_suit_rental"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "34" in reply and "열린옷장" not in reply


def test_which_neighbourhood_is_read_as_a_location_question() -> None:
    """"중부는 무슨 동이에요": where it is (the dialogue after a fact about 상계동 still answers the summary)."""
    from actions.question_words import question_named

    assert question_named("상계동인건 맞죠? 중부는 무슨 동이에요") == "ask_location"
    assert question_named("무슨 동아리 같은 것도 있어요?") is None


async def test_a_former_driver_asking_for_training_gets_what_fits_not_the_shelter(domain) -> None:
    """"대리기사 하다 그만뒀어요 노원구 살고 38살 뭐 배울만한 데나 일자리 있을까": 기술교육원 and 뉴딜일자리."""
    from actions.recommendations import ActionRecommendProgrammes

    text = "대리기사 하다 그만뒀어요 노원구 살고 38살 뭐 배울만한 데나 일자리 있을까"
    entities = [
        span("worker_type", "대리기사", text, "대리기사"), span("district", "노원구", text, "노원구"),
        span("residence", "seoul", text, "노원구"), span("age", 38, text, "38살"),
    ]
    slots = {"age": 38, "residence": "seoul", "worker_type": "대리기사", "district": "노원구"}
    tracker = make_tracker("recommend_programmes", text, entities, slots=slots)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "기술교육원" in reply and "뉴딜일자리" in reply


async def test_the_city_s_jobs_target_asked_as_a_recommendation(domain) -> None:
    """"올해 서울시 일자리 목표가 전부 몇 개예요?" (heard as wanting a list): 353,956, not a profile question."""
    from actions.recommendations import ActionRecommendProgrammes

    tracker = make_tracker("recommend_programmes", "올해 서울시 일자리 목표가 전부 몇 개예요?", confidence=0.5)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "353,956" in reply


async def test_working_in_seoul_does_not_make_one_a_resident(domain) -> None:
    """"서울에서 일하는데도요?? 하루 대부분 서울에 있는데" after a no for 고양시: still no, because of 서울 거주."""
    slots = {
        "programme": "newdeal_jobs", "last_question": "ask_eligibility", "age": 28, "residence": "outside",
    }
    tracker = make_tracker("ask_location", "서울에서 일하는데도요?? 하루 대부분 서울에 있는데 ㅠ", slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "아쉽지만" in reply and "서울 거주" in reply and "문정동" not in reply


async def test_when_it_closes_asked_with_a_date_word_is_its_hours(domain) -> None:
    """"그럼 닫는건 언제" (out of scope to the NLU) about 상암쉼터: 18:00, not a date."""
    slots = {"programme": "rest_area", "place": "상암쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("out_of_scope", "그럼 닫는건 언제", slots=slots, confidence=0.88)
    assert "09:30~18:00" in texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])


async def test_where_the_suits_are_lent_names_the_firms(domain) -> None:
    """"정장 어디서 빌림" of 취업날개: the firms that run it (열린옷장 …)."""
    tracker = make_tracker("ask_location", "정장 어디서 빌림", slots={"programme": "interview_suit_rental"})
    assert "열린옷장" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_whether_the_person_told_about_qualifies_for_a_programme_described(domain) -> None:
    """"청년들 정장 빌려주는 그런것도 남편이 받을 수 있어요?" after what fits a 55-year-old husband: no (34세 이하)."""
    text = "청년들 정장 빌려주는 그런것도 남편이 받을 수 있어요?"
    slots = {
        "age": 55, "residence": "seoul", "job_status": "unemployed", "job_seeker_registered": True,
        "has_regular_income": False, "programme": "public_works", "last_question": "ask_programme_info",
    }
    tracker = make_tracker("situation_interview_suit", text, slots=slots, confidence=0.89)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "[취업날개 서비스] 아쉽지만" in reply and "34세 이하" in reply


async def test_how_many_years_and_whether_more_are_coming_are_facts(domain) -> None:
    """"몇년이나 할 수 있는건지요" of 뉴딜일자리: 최대 23개월; "앞으로 더 많이 생긴다던데" of 일자리카페: 90개."""
    tracker = make_tracker("ask_programme_info", "몇년이나 할 수 있는건지요. 계속 다녀도 되는 건가요", slots={"programme": "newdeal_jobs"})
    assert "23개월" in texts((await run_action(QUESTION, tracker, domain))[0])
    tracker = make_tracker("ask_programme_info", "앞으로 더 많이 생긴다던데 맞나요", slots={"programme": "job_cafe"})
    assert "90" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_thanks_then_a_question_is_answered(domain) -> None:
    """"ㄳ 대리기사용 쉼터는 따로 있어요? 친구가 대리해서" (heard as thanks) about the shelters: 서초쉼터, thanked
    back first (as any question said with thanks, session 16); a plain "감사합니다!" is still thanked."""
    from actions.open_questions import ActionThank

    text = "ㄳ 대리기사용 쉼터는 따로 있어요? 친구가 대리해서"
    tracker = make_tracker("thanks", text, slots={"programme": "rest_area"}, confidence=0.6)
    reply = texts((await run_action(ActionThank(), tracker, domain))[0])
    assert "서초쉼터" in reply and reply.startswith("천만에요! [休 서울노동자 쉼터]"), reply
    (thanked,), _ = await run_action(ActionThank(), make_tracker("thanks", "감사합니다!"), domain)
    assert thanked["response"] == "utter_thanks"


async def test_english_words_in_korean_questions(domain) -> None:
    """"photo 도 같이 찍어줘요?" of 취업날개: 사진촬영; "뉴딜 office phone number 알려주세요": 120, no number."""
    tracker = make_tracker("ask_programme_info", "photo 도 같이 찍어줘요?", slots={"programme": "interview_suit_rental"})
    assert "사진촬영" in texts((await run_action(QUESTION, tracker, domain))[0])
    text = "뉴딜 office phone number 알려주세요"
    tracker = make_tracker("ask_programme_info", text, [span("programme", "newdeal_jobs", text, "뉴딜")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "02-" not in reply


async def test_the_programme_named_before_malgo_is_the_one_set_aside(domain) -> None:
    """"아 아니다 뉴딜 말고 면접 정장 빌려주는 거요" after 뉴딜일자리's rules: 취업날개's rules (34), not 뉴딜일자리's."""
    text = "아 아니다 뉴딜 말고 면접 정장 빌려주는 거요"
    entities = [span("programme", "newdeal_jobs", text, "뉴딜"), span("programme", "interview_suit_rental", text, "면접 정장")]
    slots = {"programme": "newdeal_jobs", "last_question": "ask_eligibility"}
    tracker = make_tracker("situation_interview_suit", text, entities, slots=slots, confidence=0.9)
    messages, events = await run_action(SITUATION, tracker, domain)
    assert "[취업날개 서비스]" in texts(messages) and "34세" in texts(messages)
    assert slots_of(events)["programme"] == "interview_suit_rental"
