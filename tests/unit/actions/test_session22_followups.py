"""Follow-ups of session 22 (v185–v190 read): one part of a figure just said (a part its note names, its rate, the
year it runs to, a year before said with 하루), the next of several people judged for the programme discussed, and
a suit to borrow described without the programme's name."""
from __future__ import annotations

from actions.open_questions import ActionGoodbye
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, span, texts
from tests.unit.actions.test_session21_followups import bot, slot
from tests.unit.actions.test_session6_followups import then

QUESTION = ActionAnswerProgrammeQuestion()

SHELTER_DAILY = (
    "[休 서울노동자 쉼터] 보고서에 이렇게 나와 있어요.\n"
    "- 쉼터 일평균 이용자 수: 175명 (’18년) — ’17년 127명 → ’18년 175명, 약 38% 증가\n"
    "- 합정쉼터: 이동노동자, ’17.11월 개소. 규모 165㎡, 운영인력 5명, 일평균 48명 이용.\n\n"
    "출처: 업무보고 「사각지대 노동자 보호 강화」, 2018년 7월 기준"
)
JOB_CAFE_USERS = (
    "[일자리카페] 보고서에 이렇게 나와 있어요.\n"
    "- 일자리카페 이용 인원: 32,985명 (6월 말) — 7,469회. 취업상담 947명, 멘토링 1,019명, 특강 2,383명, 사진촬영 279, "
    "스터디룸 28,357명\n출처: 업무보고 「청년 생활 밀착형 일자리카페 운영」, 2018년 7월 기준"
)
FUND_LOANS = (
    "[사회투자기금] 보고서에 이렇게 나와 있어요.\n"
    "- 사회투자기금 융자규모: 130억원 (’18년) — 사회적경제기업 등 80억원, 사회주택 50억원\n"
    "- 사회투자기금 규모(시 출연금): 552억원 (’18년) — ’18년 기금 투·융자사업비 140억원\n\n"
    "출처: 업무보고 「사회적금융 활성화를 위한 사회투자기금 운영」, 2018년 7월 기준"
)
STRONG_SME_GOAL = (
    "[서울형 강소기업] 보고서에 이렇게 나와 있어요.\n"
    "- 서울형 강소기업 선정목표: 1,000개 (’22년까지) — ’16~17년 기선정 297개, ’18년 100개(예정), ’19~’22년 600개(연 150개, 예정)\n"
    "- 육아휴직자 대체 청년인턴 지원 인원: 50명 (’18년 하반기~) — 최대 23개월\n\n"
    "출처: 업무보고 「일생활균형 서울형 강소기업 지원」, 2018년 7월 기준"
)


async def _after(figure: str, programme: str, now: str, intent: str = "ask_programme_info", action=QUESTION, domain=None) -> str:
    events = [then("앞의 질문"), bot(figure), then(now)]
    tracker = make_tracker(intent, now, slots={"programme": programme}, events=events, confidence=0.3)
    return texts((await run_action(action, tracker, domain))[0])


async def test_a_part_the_note_names_is_that_lines_figure(domain) -> None:
    """"스터디룸 쓴 사람만 따로 보면?" right after the job cafés' users and their parts: the line with 28,357."""
    reply = await _after(JOB_CAFE_USERS, "job_cafe", "스터디룸 쓴 사람만 따로 보면?", domain=domain)
    assert "28,357" in reply


async def test_the_other_part_after_one_left_out_is_its_figure(domain) -> None:
    """"그중에 사회주택 빼고 기업쪽으로 가는건" after the fund's loans: the line with 사회적경제기업 등 80억원."""
    reply = await _after(FUND_LOANS, "social_investment_fund", "그중에 사회주택 빼고 기업쪽으로 가는건", domain=domain)
    assert "80억원" in reply and "552억원" not in reply


async def test_a_rate_asked_even_heard_as_goodbye_is_the_lines_rate(domain) -> None:
    """"그럼 몇퍼 늘어난거야" (heard as goodbye at 0.7) after the shelters' daily users: 약 38% 증가, no goodbye."""
    reply = await _after(SHELTER_DAILY, "rest_area", "그럼 몇퍼 늘어난거야", intent="goodbye", action=ActionGoodbye(), domain=domain)
    assert "38%" in reply


async def test_the_year_a_target_runs_to_is_its_line(domain) -> None:
    """"그게 몇년까지라구요?" after 강소기업's target: the line that says ’22년까지, not the intern count."""
    reply = await _after(STRONG_SME_GOAL, "seoul_strong_sme", "그게 몇년까지라구요?", domain=domain)
    assert "22년까지" in reply and "23개월" not in reply


async def test_last_year_per_day_is_the_earlier_value(domain) -> None:
    """"작년엔 하루 몇명이었는데" (heard as a situation) after the shelters' daily users: 127명 in 2017."""
    reply = await _after(
        SHELTER_DAILY, "rest_area", "작년엔 하루 몇명이었는데", intent="situation_small_workplace", action=ActionAnswerSituation(),
        domain=domain,
    )
    assert "127명" in reply


async def test_a_word_of_the_note_without_a_number_is_no_part(domain) -> None:
    """"스터디룸 예약은 어떻게 해요?" names a part but asks no figure: not the users' line."""
    reply = await _after(JOB_CAFE_USERS, "job_cafe", "스터디룸 예약은 어떻게 해요?", domain=domain)
    assert "28,357" not in reply


NEWDEAL_YES = "[뉴딜일자리] 말씀해 주신 조건이면 이용할 수 있어요.\n- 충족: 만 18세 이상, 만 39세 이하, 서울 거주"


async def test_the_next_of_several_people_is_judged_for_the_programme_discussed(domain) -> None:
    """"마지막 한분은 만 30살인데 고양시 거주에요" (a recommendation at 0.34) after two applicants judged for 뉴딜일자리:
    its "no" for living outside Seoul, not a list of what fits."""
    now = "마지막 한분은 만 30살인데 고양시 거주에요"
    told = [span("age", 30, now, "만 30살"), span("residence", "outside", now, "고양시")]
    events = [
        slot("programme", "newdeal_jobs"), slot("last_question", "ask_eligibility"),
        then("다른 분은 만 27세고 은평구 살아요"), slot("age", 27), slot("residence", "seoul"), bot(NEWDEAL_YES),
        then(now, told), slot("age", 30), slot("residence", "outside"),
    ]
    tracker = make_tracker(
        "recommend_programmes", now, told, events=events, confidence=0.34,
        slots={"programme": "newdeal_jobs", "last_question": "ask_eligibility", "age": 30, "residence": "outside"},
    )
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "[뉴딜일자리]" in reply and "조건에 맞지 않" in reply


async def test_a_suit_to_borrow_for_an_employed_brother_is_the_suit_services_no(domain) -> None:
    """"남동생 정장 좀 빌리려는데요 스물여섯 서울 살구 지금 회사 다녀요": 취업날개 described, judged (employed: no)."""
    now = "남동생 정장 좀 빌리려는데요 스물여섯 서울 살구 지금 회사 다녀요"
    told = [span("age", 26, now, "스물여섯"), span("residence", "seoul", now, "서울"), span("job_status", "employed", now, "회사 다녀요")]
    tracker = make_tracker("inform", now, told, slots={"age": 26, "residence": "seoul", "job_status": "employed"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "[취업날개 서비스]" in reply and "조건에 맞지 않" in reply


async def test_an_hr_officer_of_a_big_company_gets_the_programmes_for_companies(domain) -> None:
    """"직원 130명 회사 인사담당자에요 … 써먹을만한거 추천좀": the report's programmes for companies (서울형 강소기업
    among them), not 마을노무사's "no" for 130 people."""
    now = "직원 130명 회사 인사담당자에요 서울시 제도 중에 우리 회사가 써먹을만한거 추천좀 해주세요"
    told = [span("workplace_size", 130, now, "130")]
    tracker = make_tracker("recommend_programmes", now, told, slots={"workplace_size": 130})
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "서울형 강소기업" in reply and "조건에 맞지 않" not in reply


async def test_hiring_asked_after_saying_one_runs_a_shop_is_the_help_to_hire(domain) -> None:
    """"청년 한명 더 뽑고 싶은데 그쪽으론 뭐 있어요" after "직원 8명 인쇄소 사장이에요" and 마을노무사's yes: the
    programmes for companies hiring young people, not 마을노무사 again."""
    first = "직원 8명 인쇄소 사장이에요 서울시에서 사장들이 받을수있는 지원 싹다 알려줘요"
    now = "청년 한명 더 뽑고 싶은데 그쪽으론 뭐 있어요"
    events = [then(first), bot("[마을노무사] 말씀해 주신 조건이면 이용할 수 있어요."), then(now)]
    tracker = make_tracker(
        "ask_programme_info", now, events=events, slots={"programme": "village_labour_attorney", "workplace_size": 8}, confidence=0.5,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "서울형 강소기업" in reply and "[마을노무사]" not in reply


async def test_which_ones_asked_where_are_named_in_its_facts(domain) -> None:
    """"시범기관이 두군데였다던데 어디어디요" of 노동시간 단축 (no sites): the two pilots its facts name, not "no address"."""
    now = "시범기관이 두군데였다던데 어디어디요"
    tracker = make_tracker("ask_location", now, slots={"programme": "working_hours_reduction"}, confidence=0.3)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "서울신용보증재단" in reply and "서울의료원" in reply


async def test_hours_cut_are_a_figure_not_opening_hours(domain) -> None:
    """"신보재단은 몇시간 줄였대요" (hours at 0.98) of 노동시간 단축: the 151 hours cut."""
    tracker = make_tracker("ask_hours", "신보재단은 몇시간 줄였대요", slots={"programme": "working_hours_reduction"})
    assert "151" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_operating_money_is_the_fund_of_the_topic_not_opening_hours(domain) -> None:
    """"운영자금 대출 같은것도 돼요?" (hours at 0.24) about 사회적경제기업 육성: 사회투자기금's loans."""
    tracker = make_tracker("ask_hours", "운영자금 대출 같은것도 돼요?", slots={"programme": "social_economy_support"}, confidence=0.24)
    assert "[사회투자기금]" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_a_night_course_asked_right_after_a_list_is_the_first_ones_fact(domain) -> None:
    """"낮엔 애들 챙겨야돼서 밤에 하는 수업도 있나요" (hours) right after what fits a 45-year-old (기술교육원 first):
    its 야간 course, not "no hours in the report"."""
    now = "낮엔 애들 챙겨야돼서 밤에 하는 수업도 있나요"
    listed = bot("말씀하신 조건(만 45세, 서울 거주)으로 이용할 수 있는 제도예요:", ["technical_school", "public_works"])
    events = [then("애들 다 키우고 다시 일하려는 45살 주부에요 성북구 살아요 뭐부터 하면 좋을까요"), listed, then(now)]
    tracker = make_tracker("ask_hours", now, events=events, slots={"age": 45, "residence": "seoul"}, confidence=0.29)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "야간" in reply and "[서울시 기술교육원]" in reply


async def test_selection_criteria_are_in_what_it_is(domain) -> None:
    """"선정할때 뭘 기준으로 봐요" (capabilities at 0.2) of 서울형 강소기업: what it selects (고용안정성 …)."""
    from actions.open_questions import ActionAnswerCapabilities

    tracker = make_tracker("ask_capabilities", "선정할때 뭘 기준으로 봐요", slots={"programme": "seoul_strong_sme"}, confidence=0.2)
    assert "고용안정성" in texts((await run_action(ActionAnswerCapabilities(), tracker, domain))[0])


async def test_a_service_asked_of_the_programme_named_in_a_story_is_that_service(domain) -> None:
    """"청년일자리센터에서 자소서 봐주고 그런것도 해요? 딸이 서류에서 자꾸 떨어져서ㅠ" (job search): its 자소서 클리닉."""
    now = "청년일자리센터에서 자소서 봐주고 그런것도 해요? 딸이 서류에서 자꾸 떨어져서ㅠ"
    named = [span("programme", "youth_job_centre", now, "청년일자리센터")]
    tracker = make_tracker("situation_job_search", now, named, confidence=0.55)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "자소서 클리닉" in reply


async def test_an_amount_of_the_programme_discussed_is_not_anothers(domain) -> None:
    """"대체인턴 인건비는 회사당 얼마까지 지원돼요" of 서울형 강소기업: the report gives no sum (120), not 민관협력사업's
    1억원~6억원 that only shares 최대·지원."""
    tracker = make_tracker("ask_cost", "대체인턴 인건비는 회사당 얼마까지 지원돼요", slots={"programme": "seoul_strong_sme"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "6억원" not in reply


async def test_the_site_nearest_the_district_told_before(domain) -> None:
    """"형네 집에서 젤 가까운 기술교육원은 어디에요" after "형은 강동구 천호동 살고" (남부 discussed before): 동부 in
    고덕동, near 강동구, not 남부."""
    now = "형네 집에서 젤 가까운 기술교육원은 어디에요"
    named = [span("programme", "technical_school", now, "기술교육원")]
    tracker = make_tracker(
        "ask_location", now, named, slots={"programme": "technical_school", "place": "남부기술교육원", "district": "강동구"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "고덕동" in reply and "군포" not in reply


async def test_a_move_heard_of_is_the_planned_site_in_its_status(domain) -> None:
    """"노동권익센터 가보려는데 새 건물로 들어간다던데 거기 어디에요": no address, and the plan (전태일 노동복합시설 5층)."""
    now = "직원이랑 좀 분쟁이 있어서 노동권익센터 가보려는데 새 건물로 들어간다던데 거기 어디에요"
    named = [span("programme", "labour_rights_centre", now, "노동권익센터")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_location", now, named), domain))[0])
    assert "120" in reply and "5층" in reply


async def test_an_interview_date_while_a_selection_is_discussed_is_its_date(domain) -> None:
    """"아 저희 이미 냈고 서면은 붙었어요 면접 날짜가 언제라고요" (a suit for an interview, to the NLU) while 서울형
    강소기업's call is discussed: its interviews (7.17.~7.18.), not 취업날개."""
    now = "아 저희 이미 냈고 서면은 붙었어요 면접 날짜가 언제라고요"
    tracker = make_tracker("situation_interview_suit", now, slots={"programme": "seoul_strong_sme"}, confidence=0.89)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "7.17" in reply and "[취업날개 서비스]" not in reply


async def test_a_programme_set_aside_is_not_the_one_asked(domain) -> None:
    """"쉼터 말고 낮에 기술 배울수 있는 데도 있어요?" after the shelters: where to learn a trade (기술교육원), neither
    the shelters again nor "쉼터 is not in the report"."""
    now = "쉼터 말고 낮에 기술 배울수 있는 데도 있어요?"
    named = [span("programme", "rest_area", now, "쉼터")]
    tracker = make_tracker("situation_job_training", now, named, slots={"programme": "rest_area"})
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "기술교육원" in reply and "[休 서울노동자 쉼터]" not in reply and "‘쉼터’" not in reply


async def test_a_detail_of_one_just_listed_when_the_situation_is_a_guess(domain) -> None:
    """"둘 다 기초생활수급자면 먼저 뽑아주나요?" (low income at 0.14) right after 공공근로 and 기술교육원 were listed:
    기술교육원's 우선 선발 of 기초생활수급자, not the list for low income."""
    now = "둘 다 기초생활수급자면 먼저 뽑아주나요?"
    listed = bot("말씀하신 조건(만 52세)으로 이용할 수 있는 제도예요:", ["public_works", "technical_school"])
    events = [then("엄마는 쉰둘이시고 십년 넘게 집에만 계셨어요 뭐 배울만한데 없을까요"), listed, then(now)]
    tracker = make_tracker("situation_low_income", now, events=events, slots={"age": 52}, confidence=0.14)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "우선 선발" in reply and "[서울시 기술교육원]" in reply


async def test_a_penalty_asked_of_a_programme_without_sums_points_to_120(domain) -> None:
    """"주52시간 어기면 벌금 얼마나 나와요" of 노동시간 단축: the report names no fine; its facts' numbers (주52시간,
    ’18.7.1.) are no sum, so the reply says the amount is not in the report (120)."""
    named = [span("programme", "working_hours_reduction", "주52시간 어기면 벌금 얼마나 나와요", "주52시간")]
    tracker = make_tracker("ask_programme_info", "주52시간 어기면 벌금 얼마나 나와요", named)
    assert "120" in texts((await run_action(QUESTION, tracker, domain))[0])
