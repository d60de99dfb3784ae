"""Follow-ups found on the held-out conversations read in session 9 (v59–v60): family members asking for someone,
and citizens describing or misremembering a programme — a story's numbers that are not asked, a priced thing
(급식비), a count heard as an hours question, "사람" in a question that is no question about the bot, a fee heard
as "is it open now", a national minimum wage, a district that shares a shelter's name, the free ones of what was
listed, a half-remembered name, and a place corrected after an hours answer."""
from __future__ import annotations

from actions.open_questions import ActionAcknowledge, ActionAnswerBotChallenge
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.situations import ActionAnswerSituation
from knowledge.queries import names_place
from tests.unit.actions.conftest import make_tracker, run_action, slots_of, span, texts
from tests.unit.actions.test_session6_followups import said_before as said, then as now

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()


async def test_numbers_in_the_story_before_the_question_are_not_asked(domain) -> None:
    """"와이프가 … 몇년 쉬다가 다시 일해보려고 하는데 뉴딜일자리라는게 뭔지 설명좀": what it is, not "no such figure"."""
    text = "와이프가 애 키우느라 몇년 쉬다가 다시 일해보려고 하는데 뉴딜일자리라는게 뭔지 설명좀 부탁드려요"
    tracker = make_tracker("ask_programme_info", text, [span("programme", "newdeal_jobs", text, "뉴딜일자리")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "직무경험" in reply and "나와 있지 않아요" not in reply


async def test_the_price_of_a_thing_a_fact_names_is_that_fact(domain) -> None:
    """"밥은 주나? 급식비가 얼마래" of 기술교육원: 3,500원, not the course deposit."""
    tracker = make_tracker("ask_cost", "밥은 주나? 급식비가 얼마래", slots={"programme": "technical_school"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "3,500원" in reply


async def test_a_count_heard_as_an_hours_question_is_the_count(domain) -> None:
    """"올해 상반기에 상담 몇건 했는지도 나와있어요?" of 노동옴부즈만 (heard as hours): 1,694건."""
    text = "올해 상반기에 상담 몇건 했는지도 나와있어요?"
    tracker = make_tracker("ask_hours", text, slots={"programme": "labour_ombudsman"}, confidence=0.4)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "1,694건" in reply and "운영시간" not in reply


async def test_people_counted_are_no_question_about_the_bot(domain) -> None:
    """"그런 사람이 몇명이나 있는데" after 노동권리보호관 (heard as "are you a person?"): how many there are (50)."""
    tracker = make_tracker(
        "bot_challenge", "그런 사람이 몇명이나 있는데", slots={"programme": "labour_rights_protector"}, confidence=0.32
    )
    reply = texts((await run_action(ActionAnswerBotChallenge(), tracker, domain))[0])
    assert "50" in reply and "챗봇" not in reply


async def test_a_fee_heard_as_is_it_open_now_is_the_price(domain) -> None:
    """"걔 지금 진짜 돈없는데 상담비 나와요?" (지금 heard as "open now"): the ombudsman's advice is free."""
    tracker = make_tracker(
        "ask_open_now", "걔 지금 진짜 돈없는데 상담비 나와요?", slots={"programme": "labour_ombudsman"}, confidence=0.76
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "무료" in reply and "운영시간" not in reply


async def test_the_national_minimum_wage_is_not_a_programme_fact(domain) -> None:
    """"와이프가 알바 다시 시작하는데 올해 최저시급 얼마에요?": not in the report (120), no programme's figure."""
    tracker = make_tracker("ask_cost", "와이프가 알바 다시 시작하는데 올해 최저시급 얼마에요?", slots={"programme": "newdeal_jobs"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "9,220" not in reply and "공정무역" not in reply


def test_a_district_lived_in_does_not_name_the_shelter_sharing_its_name() -> None:
    assert names_place("서초", "서초쉼터몇시에열어요")
    assert names_place("서초", "서초에있는쉼터")
    assert not names_place("서초", "동생25살이에요서초구살고지금구직중이에요")
    assert not names_place("서초", "서초구에삽니다")


async def test_a_corrected_age_with_a_district_is_judged_not_taken_for_a_shelter(domain) -> None:
    """"아 잘못쳤어요 동생 25살이에요 서초구 살고 지금 구직중이에요" after a "no" on 취업날개 at 35: now a yes."""
    text = "아 잘못쳤어요 동생 25살이에요 서초구 살고 지금 구직중이에요"
    told = [
        span("age", 25, text, "25살"), span("district", "서초구", text, "서초구"),
        span("residence", "seoul", text, "살고"), span("job_status", "job_seeker", text, "구직중"),
    ]
    slots = {
        "programme": "interview_suit_rental", "last_question": "ask_eligibility", "age": 25, "district": "서초구",
        "residence": "seoul", "job_status": "job_seeker",
    }
    events = await run_action(QUESTION, make_tracker("inform", text, told, slots=slots), domain)
    reply = texts(events[0])
    assert "[취업날개 서비스]" in reply and "이용할 수 있어요" in reply and "쉼터" not in reply


async def test_the_free_ones_among_labour_advice(domain) -> None:
    """"그 중에 무료로 상담해주는 건 어느거에요" after help for a small workplace (마을노무사): the free ones."""
    listed = [{"title": "마을노무사", "payload": '/ask_programme_info{"programme": "village_labour_attorney"}'}]
    earlier = "직원 5명 회사 다니는데 야근수당을 안줘요. 사장님은 작은회사는 원래 그렇대요"
    text = "그 중에 무료로 상담해주는 건 어느거에요"
    events = said(earlier, bot="작은 사업장의 노무 관리는 마을노무사의 노무컨설팅을 받을 수 있어요:", buttons=listed) + [now(text)]
    tracker = make_tracker("out_of_scope", text, slots={"programme": "village_labour_attorney"}, events=events)
    from actions.open_questions import ActionAnswerDetailOrOutOfScope

    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "무료" in reply and "노동옴부즈만" in reply and "노동권리보호관" in reply and "마을노무사:" not in reply


async def test_a_half_remembered_name_is_answered_with_what_it_is(domain) -> None:
    """"취업 날개짓?? 그거 뭐였지 면접때 입는 옷 주는거 맞나": 취업날개, what it gives (free), not a count."""
    text = "취업 날개짓?? 그거 뭐였지 면접때 입는 옷 주는거 맞나"
    named = [span("programme", "interview_suit_rental", text, "취업 날개짓")]
    tracker = make_tracker("situation_interview_suit", text, named, confidence=0.93)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "[취업날개 서비스]" in reply and "무료" in reply and "이용 인원" not in reply


async def test_another_shelter_named_after_an_hours_answer_gets_its_hours(domain) -> None:
    """"아 아니 합정에 있는거요" (heard as a no) after 서초쉼터's hours: 합정쉼터's hours."""
    text = "아 아니 합정에 있는거요"
    events = said("대리기사 쉼터 몇시에 오픈해요", bot="[休 서울노동자 쉼터] 운영시간이에요.\n- 서초쉼터: 매일 18:00~다음날 06:00")
    slots = {"programme": "rest_area", "place": "서초쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("deny", text, slots=slots, events=events + [now(text)], confidence=0.5)
    _, redirected = await run_action(ActionAcknowledge(), tracker, domain)  # (the place corrected, then where it is)
    assert redirected == [{"event": "followup", "name": "action_answer_programme_question", "timestamp": None}]
    messages, result = await run_action(QUESTION, tracker, domain)
    assert "합정쉼터: 매일 08:30" in texts(messages) and slots_of(result).get("place") == "합정쉼터"


async def test_a_graduating_senior_looking_for_work_is_told_what_fits(domain) -> None:
    """"고3 졸업하고 바로 취업할건데 서울삶 머 잇음" (job search): what fits a senior, 취업날개 among it."""
    text = "고3 졸업하고 바로 취업할건데 서울삶 머 잇음"
    tracker = make_tracker(
        "situation_job_search", text, [span("high_school_senior", True, text, "고3")], slots={"high_school_senior": True},
        confidence=0.73,
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "취업날개 서비스" in reply


async def test_what_a_term_of_the_report_means_shows_its_words_and_where_to_ask(domain) -> None:
    """"근무조건에 공휴일 유급화라고 써있던데 무슨말이에요?" after 뉴딜일자리: the report's line with it, and 120."""
    text = "근무조건에 공휴일 유급화라고 써있던데 무슨말이에요? 회사를 처음 다녀봐서 몰라요"
    tracker = make_tracker("situation_labour_problem", text, slots={"programme": "newdeal_jobs"}, confidence=0.6)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "‘공휴일 유급화’" in reply and "공휴일 유급화" in reply.split("\n")[1] and "120" in reply
    assert "노동권익센터" not in reply


async def test_a_question_quoting_the_programme_is_about_it(domain) -> None:
    """"최대 23개월 보장이면 2년 다 채울수있는건가요" (heard as a labour problem) after 뉴딜일자리: its 23 months."""
    text = "최대 23개월 보장이면 2년 다 채울수있는건가요"
    tracker = make_tracker("situation_labour_problem", text, slots={"programme": "newdeal_jobs"}, confidence=0.55)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "23개월" in reply and "노동권익센터" not in reply


async def test_a_visa_is_not_covered(domain) -> None:
    """"F-6 비자 있으면 서울시 일자리 다 할수있어요? 결혼비자에요": the report says nothing of visas (120)."""
    from actions.open_questions import ActionAnswerCapabilities

    tracker = make_tracker("ask_capabilities", "F-6 비자 있으면 서울시 일자리 다 할수있어요? 결혼비자에요", confidence=0.24)
    reply = texts((await run_action(ActionAnswerCapabilities(), tracker, domain))[0])
    assert "120" in reply and "비자" in reply


def test_a_word_corrected_after_no_is_the_question_again() -> None:
    """"아니 상반기요 상반기" after "공공근로 하반기는 언제 끝나요": the question with 상반기."""
    from actions.context import corrected_question

    events = said("공공근로 하반기는 언제 끝나요", bot="…") + [now("아니 상반기요 상반기")]
    tracker = make_tracker("deny", "아니 상반기요 상반기", events=events)
    assert corrected_question(tracker) == "공공근로 상반기 언제 끝나요"


async def test_a_shelter_confused_with_another_gets_the_same_question(domain) -> None:
    """"앗 합정이랑 헷갈렸어요 합정은요?" after 북창쉼터's closing time: 합정쉼터's hours."""
    text = "앗 합정이랑 헷갈렸어요 합정은요?"
    events = said("북창쉼터 몇시에 닫아요", bot="[休 서울노동자 쉼터] 운영시간이에요.\n- 북창쉼터: 매일 08:30~20:00")
    slots = {"programme": "rest_area", "place": "북창쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("inform", text, slots=slots, events=events + [now(text)])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "합정쉼터: 매일 08:30~다음날 06:00" in reply


async def test_who_comes_typed_without_spaces_is_who_it_is_for(domain) -> None:
    """"합정은어떤사람들이주로와요?" (heard as hours): who the shelter serves (이동노동자), not its hours."""
    text = "합정은어떤사람들이주로와요?"
    slots = {"programme": "rest_area", "place": "합정쉼터", "last_question": "ask_hours"}
    reply = texts((await run_action(QUESTION, make_tracker("ask_hours", text, slots=slots), domain))[0])
    assert "이동노동자" in reply and "운영시간이에요" not in reply


async def test_which_of_two_programmes_is_better_compares_them(domain) -> None:
    """"55세 폐업 자영업자인데 공공근로랑 기술교육원 중에 뭐가 나을까요?": both, side by side."""
    text = "55세 폐업 자영업자인데 공공근로랑 기술교육원 중에 뭐가 나을까요? 서울 중랑구 살아요"
    named = [span("programme", "public_works", text, "공공근로"), span("programme", "technical_school", text, "기술교육원")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_eligibility", text, named), domain))[0])
    assert "공공근로사업:" in reply and "서울시 기술교육원:" in reply


async def test_welfare_benefit_rules_are_not_covered(domain) -> None:
    """"기초생활수급자 되려면 소득이 얼마 이하여야 돼요?": the report does not cover it (120)."""
    text = "기초생활수급자 되려면 소득이 얼마 이하여야 돼요?"
    tracker = make_tracker("ask_eligibility", text, slots={"programme": "technical_school"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "만 15세" not in reply


async def test_a_groups_jobs_asked_as_whether_there_are_any(domain) -> None:
    """"발달장애 있는 스물일곱 아들이 … 장애인 일자리 같은 것도 있나요?": the city's jobs for disabled people."""
    from actions.recommendations import ActionRecommendProgrammes

    text = "발달장애 있는 스물일곱 아들이 일을 하고 싶어해요. 서울시에 장애인 일자리 같은 것도 있나요?"
    told = [span("age", 27, text, "스물일곱"), span("target_group", "장애인", text, "장애인")]
    tracker = make_tracker("recommend_programmes", text, told, slots={"age": 27}, confidence=0.28)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "장애인" in reply and "일자리 목표" in reply


async def test_an_organisation_asking_for_help_gets_the_social_economy(domain) -> None:
    """"작은 사회적기업 운영 중인데 서울시에서 받을 수 있는 지원 뭐 있어요?": no age asked; the social economy's help."""
    from actions.recommendations import ActionRecommendProgrammes

    text = "작은 사회적기업 운영 중인데 서울시에서 받을 수 있는 지원 뭐 있어요?"
    reply = texts((await run_action(ActionRecommendProgrammes(), make_tracker("recommend_programmes", text), domain))[0])
    assert "사회적경제" in reply and "나이" not in reply


async def test_a_figure_of_things_the_programme_never_mentions_is_found_elsewhere(domain) -> None:
    """"서울교통공사 무기계약직 정규직 된거 몇명이에요" after 사회적경제 주간: the regularisation figure."""
    text = "서울교통공사 무기계약직 정규직 된거 몇명이에요"
    tracker = make_tracker("inform", text, slots={"programme": "social_economy_week"}, confidence=0.57)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "1,285" in reply
