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
