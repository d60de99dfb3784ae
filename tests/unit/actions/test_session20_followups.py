"""Follow-ups of session 20 (v167–v172 read): a verdict questioned or asked again in other words ("왜 안돼요?",
"그래도 안됨?", "해볼수 있어요? 지금 만 17살이에요", "ㄱㄴ?"), each programme's rules asked of two at once, two needs
told in one story, an employer's need named by its topics, a step of a programme's selection, and what the report
does not settle (a legal duty, a fee, university admissions)."""
from __future__ import annotations

from typing import Any, Dict

from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.question_words import question_named
from actions.situations import ActionAnswerSituation
from knowledge.clauses import questions
from tests.unit.actions.conftest import make_tracker, run_action, span, texts
from tests.unit.actions.test_session6_followups import then

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()


def bot(text: str) -> Dict[str, Any]:
    return {"event": "bot", "text": text, "data": {}}


async def test_why_not_after_a_no_gives_the_rule_that_failed(domain) -> None:
    """"왜 안돼요? 12명도 작은 회사인데ㅠ" right after 마을노무사's "no" for 12 people (heard as a small workplace):
    the verdict again with its rule (9인 이하), not another programme's figures."""
    first = "마을노무사 상담 받고싶은데 우리 사업장 직원이 12명이에요 받을수있나요"
    now = "왜 안돼요? 12명도 작은 회사인데ㅠ"
    events = [
        then(first, [span("programme", "village_labour_attorney", first, "마을노무사")]),
        bot("[마을노무사] 아쉽지만 조건에 맞지 않아요.\n- 안 맞는 조건: 9인 이하 소규모사업장"),
        then(now),
    ]
    tracker = make_tracker(
        "situation_small_workplace", now, events=events,
        slots={"programme": "village_labour_attorney", "workplace_size": 12, "last_question": "ask_eligibility"},
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "9인 이하" in reply and "조건에 맞지 않아요" in reply and "옴부즈만 인원" not in reply


async def test_why_not_without_a_verdict_before_is_no_verdict_again(domain) -> None:
    """The same words with no verdict just given do not repeat one."""
    now = "왜 안돼요?"
    tracker = make_tracker(
        "ask_eligibility", now, events=[bot("[마을노무사] 보고서에 이렇게 나와 있어요."), then(now)],
        slots={"programme": "village_labour_attorney", "workplace_size": 12},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "조건에 맞지 않아요" not in reply


async def test_can_i_try_it_with_an_age_told_after_is_a_verdict_not_its_hours(domain) -> None:
    """"뉴딜일자리도 해볼수 있어요? 지금 만 17살이에요" (hours to the NLU, for its 지금): no, 만 18세 이상."""
    now = "뉴딜일자리도 해볼수 있어요? 지금 만 17살이에요"
    ents = [span("programme", "newdeal_jobs", now, "뉴딜일자리"), span("age", 17, now, "만 17살")]
    tracker = make_tracker("ask_open_now", now, ents, slots={"age": 17, "residence": "seoul"}, confidence=0.37)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "조건에 맞지 않아요" in reply and "18세" in reply and "운영시간" not in reply


async def test_both_programmes_rules_are_given_when_asked_of_the_two(domain) -> None:
    """"둘이 나이 기준이 각각 어떻게 되는데요" after 취업날개 then 뉴딜일자리 for a 36-year-old: both limits (34, 39),
    not only the last verdict ("되는데요" is no "the one that takes me")."""
    first, second, now = "36살 서울 사는 취준생이에요. 취업날개로 면접 정장 빌릴 수 있어요?", "그럼 뉴딜일자리는요?", "둘이 나이 기준이 각각 어떻게 되는데요"
    events = [
        then(first, [span("programme", "interview_suit_rental", first, "취업날개")]),
        bot("[취업날개 서비스] 아쉽지만 조건에 맞지 않아요."),
        then(second, [span("programme", "newdeal_jobs", second, "뉴딜일자리")]),
        bot("[뉴딜일자리] 말씀해 주신 조건이면 이용할 수 있어요."),
        then(now),
    ]
    slots = {"age": 36, "residence": "seoul", "job_status": "job_seeker", "programme": "newdeal_jobs", "last_question": "ask_eligibility"}
    tracker = make_tracker("ask_eligibility", now, events=events, slots=slots, confidence=0.55)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "34세" in reply and "39세" in reply and "[취업날개 서비스]" in reply and "[뉴딜일자리]" in reply


async def test_two_needs_told_together_list_the_help_for_each(domain) -> None:
    """"취준생인데 스터디할 공간도 필요하고 면접정장도 없어요ㅠ 둘다 해결할 방법 없을까요" (sure of a study room): the
    places to study and 취업날개, not 취업날개's age question alone."""
    now = "취준생인데 스터디할 공간도 필요하고 면접정장도 없어요ㅠ 둘다 해결할 방법 없을까요"
    ents = [span("job_status", "job_seeker", now, "취준생"), span("programme", "interview_suit_rental", now, "면접정장")]
    tracker = make_tracker("situation_study_space", now, ents, slots={"job_status": "job_seeker"}, confidence=0.97)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "취업날개" in reply and ("일자리카페" in reply or "청년일자리센터" in reply) and "몇 살" not in reply


async def test_an_employers_topics_are_not_the_programme_asked(domain) -> None:
    """"직원 5명 카페 하는데 주52시간이랑 근로계약서 같은거 잘 몰라서 노무 상담 받고싶어요": 마을노무사, not the hours
    of the city's working-hours policy (주52시간 is no opening time)."""
    now = "직원 5명 카페 하는데 주52시간이랑 근로계약서 같은거 잘 몰라서 노무 상담 받고싶어요"
    ents = [span("workplace_size", 5, now, "5명"), span("programme", "working_hours_reduction", now, "주52시간")]
    tracker = make_tracker("situation_small_workplace", now, ents, slots={"workplace_size": 5}, confidence=0.99)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "마을노무사" in reply and "운영시간" not in reply
    assert question_named("주52시간이랑 근로계약서") is None


async def test_an_interview_in_a_programmes_selection_is_not_in_the_report(domain) -> None:
    """"뉴딜 뽑을때 면접도 봄?" (heard as needing an interview suit): the report does not say (120), not the summary."""
    now = "뉴딜 뽑을때 면접도 봄?"
    tracker = make_tracker(
        "situation_interview_suit", now, [span("programme", "newdeal_jobs", now, "뉴딜")],
        slots={"programme": "newdeal_jobs"}, confidence=0.63,
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "120" in reply and "면접" in reply and "봄" not in reply and "최대 23개월" not in reply


async def test_university_admissions_are_out_of_scope(domain) -> None:
    now = "수시 원서 몇장까지 써져요? 고3임 ㅠ"
    tracker = make_tracker("ask_how_to_apply", now, [span("high_school_senior", True, now, "고3")], confidence=0.51)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "안내할 수 있는 내용이 아니에요" in reply and "취업날개" not in reply


async def test_a_legal_duty_is_not_in_the_report(domain) -> None:
    """"그거 우리 알바한테도 꼭 줘야하는 법적 의무임?" of 생활임금: the report does not say; 120."""
    now = "그거 우리 알바한테도 꼭 줘야하는 법적 의무임?"
    tracker = make_tracker("ask_programme_info", now, slots={"programme": "living_wage"}, confidence=0.18)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "법적 의무" in reply and "120" in reply and "9,220" not in reply


async def test_time_counted_as_work_is_a_detail_not_opening_hours(domain) -> None:
    """"딸이 하게되면 취업준비하러 다니는시간도 근무로 쳐주나요" while 뉴딜일자리 is discussed: 취업활동의 근무시간 인정."""
    now = "딸이 하게되면 취업준비하러 다니는시간도 근무로 쳐주나요"
    tracker = make_tracker("situation_labour_problem", now, slots={"programme": "newdeal_jobs"}, confidence=0.6)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "근무시간 인정" in reply and "운영시간" not in reply


async def test_a_count_of_the_topic_that_names_what_is_asked_beats_the_funds_own(domain) -> None:
    """"사회적기업이 서울에 몇개나 있어요" while 사회투자기금 is discussed: 사회적기업 617개, not the fund's 127건."""
    now = "사회적기업이 서울에 몇개나 있어요"
    tracker = make_tracker("situation_social_economy", now, slots={"programme": "social_investment_fund"}, confidence=0.99)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "617" in reply and "127건" not in reply


def test_things_asked_by_name_and_joined_are_two_questions_but_a_guess_is_none() -> None:
    assert questions("취업날개 나이제한이랑 신청방법이요") == ["취업날개 나이제한이랑", "신청방법이요"]
    assert questions("청년일자리센터 평일 몇시까지 하구 주소는 어디에요?") == ["청년일자리센터 평일 몇시까지 하구", "주소는 어디에요?"]
    assert len(questions("나이 제한이랑 같은거 있어요?")) == 1
    assert len(questions("남부기술교육원은 어느 구에 있어요? 금천구쯤인가")) == 1


async def test_weekday_hours_asked_are_one_line_for_the_days_alike(domain) -> None:
    """"청년일자리센터 평일 몇시까지" : 평일(월~금) 09:00~21:00 once, not five lines."""
    now = "청년일자리센터 평일 몇시까지 해요?"
    ents = [span("programme", "youth_job_centre", now, "청년일자리센터"), span("weekday", "weekdays", now, "평일")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_hours", now, ents), domain))[0])
    assert "평일(월~금)" in reply and "21:00" in reply and "화요일" not in reply


async def test_todays_air_is_out_of_scope_but_public_works_in_fine_dust_is_not(domain) -> None:
    """"오늘 미세먼지 심해요? 마스크 써야돼요?": not 공공근로's 미세먼지 rule; asked of the work, that rule."""
    now = "오늘 미세먼지 심해요? 마스크 써야돼요?"
    reply = texts((await run_action(QUESTION, make_tracker("ask_programme_info", now, confidence=0.3), domain))[0])
    assert "안내할 수 있는 내용이 아니에요" in reply and "실내근무" not in reply
    work = "그럼 미세먼지 심한날 공공근로 하는 사람들은 밖에서 일해요?"
    ents = [span("programme", "public_works", work, "공공근로")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_programme_info", work, ents), domain))[0])
    assert "실내근무" in reply


async def test_the_size_of_workplace_it_takes_is_its_rule_not_its_totals(domain) -> None:
    """"마을노무사 대상 사업장 규모" (a 120 agent's keywords): 9인 이하, not its 50 attorneys."""
    now = "마을노무사 대상 사업장 규모"
    ents = [span("programme", "village_labour_attorney", now, "마을노무사")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_eligibility", now, ents), domain))[0])
    assert "9인 이하" in reply and "50명" not in reply
