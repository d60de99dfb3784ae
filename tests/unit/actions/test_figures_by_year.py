"""The same figure in another year, asked right after it ("그럼 작년엔?")."""
from __future__ import annotations

import pytest

from actions.figures_by_year import asked_year, figure_lines
from actions.open_questions import ActionAnswerDetailOrOutOfScope
from actions.programme_questions import ActionAnswerProgrammeQuestion
from tests.unit.actions.conftest import make_tracker, run_action, texts
from tests.unit.actions.test_session6_followups import said_before as said, then as now

OMBUDSMAN = (
    "[시민명예 노동옴부즈만] 보고서에 이렇게 나와 있어요.\n- 시민명예노동옴부즈만 상담건수: 4,000건 (2018 (주요 정책지표)) — "
    "2016년 3,303건, 2017년 3,411건, 2018년 4,000건, 2019년 4,200건, 2020년 4,400건\n\n출처: 업무보고 「주요 정책지표」, 2018년 7월 기준"
)
NEWDEAL = (
    "[뉴딜일자리] 보고서에 이렇게 나와 있어요.\n- 뉴딜일자리 참여자 취업률: 52.9% (2017년) — 2016년 52.0%\n\n"
    "출처: 업무보고 「뉴딜일자리 참여자 지원 및 민간일자리 발굴 강화」, 2018년 7월 기준"
)
LIVING_WAGE = "[생활임금] 보고서에 이렇게 나와 있어요.\n- 생활임금 시급: 9,220원 — 보고서(2018년 7월)의 뉴딜일자리 근무조건에 적힌 금액\n\n출처: 업무보고 「주요기능」, 2018년 7월 기준"


def test_the_years_of_a_figure_line() -> None:
    (line,) = figure_lines(OMBUDSMAN)
    assert line.main_year == 2018 and line.by_year[2016] == "3,303건" and line.by_year[2020] == "4,400건"
    (line,) = figure_lines(NEWDEAL)
    assert line.main_year == 2017 and line.by_year == {2017: "52.9%", 2016: "52.0%"}
    shelters = figure_lines("- 쉼터 일평균 이용자 수: 175명 (’18년) — ’17년 127명 → ’18년 175명, 약 38% 증가")
    assert shelters[0].by_year == {2018: "175명", 2017: "127명"}


@pytest.mark.parametrize(
    "text, answered, year",
    [("그럼 작년엔?", 2018, 2017), ("아 아니 재작년이요", 2017, 2016), ("그럼 그 전년도는?", 2017, 2016),
     ("2020년엔", 2018, 2020), ("’19년은?", 2018, 2019), ("내년은요", 2018, 2019), ("그럼 이건 뭐야", 2018, None)],
)
def test_the_year_asked(text: str, answered: int, year: int) -> None:
    assert asked_year(text, 2018, answered) == year


async def _follow_up(domain, answer: str, text: str, intent: str = "ask_programme_info", action=None) -> str:
    events = said("첫 질문", bot=answer) + [now(text)]
    tracker = make_tracker(intent, text, events=events, confidence=0.3)
    return texts((await run_action(action or ActionAnswerProgrammeQuestion(), tracker, domain))[0])


async def test_last_year_is_the_value_the_report_gives_for_it(domain) -> None:
    reply = await _follow_up(domain, OMBUDSMAN, "그럼 작년엔?", "out_of_scope", ActionAnswerDetailOrOutOfScope())
    assert "상담건수: 3,411건 (2017년)" in reply
    assert "참여자 취업률: 52.0% (2016년)" in await _follow_up(domain, NEWDEAL, "그럼 그 전년도는?")
    # and again, from that answer: the year before the one just given, or the year named
    assert "52.9%" not in await _follow_up(domain, reply, "그 전년도는?") and "3,303건 (2016년)" in await _follow_up(
        domain, reply, "그 전년도는?"
    )


async def test_more_than_last_year_asked_is_last_years_value_beside_this_years(domain) -> None:
    reply = await _follow_up(domain, OMBUDSMAN, "작년보다 늘었어요?", "ask_cost")
    assert "3,411건 (2017년)" in reply and "4,000건" in reply, reply


async def test_a_year_the_report_does_not_give_is_120(domain) -> None:
    reply = await _follow_up(domain, LIVING_WAGE, "작년 생활임금은 얼마였는데", "ask_cost")
    assert "2017년 수치는" in reply and "120" in reply and "9,220" not in reply


async def test_a_question_of_its_own_with_a_year_is_not_a_follow_up(domain) -> None:
    reply = await _follow_up(domain, OMBUDSMAN, "작년에 청년일자리센터 이용자는요")
    assert "3,411건 (2017년)" not in reply


async def test_an_amount_asked_after_a_count_is_another_figure(domain) -> None:
    counts = (
        "[생활임금] 보고서에 이렇게 나와 있어요.\n- 생활임금 적용인원(누적): 10,774명 (2018 (주요 정책지표)) — 2016년 2,519명, "
        "2017년 11,619명\n출처: 업무보고 「주요기능」, 2018년 7월 기준"
    )
    assert "10,774명 (2018년)" not in await _follow_up(domain, counts, "그럼 2018년 거는 얼마였죠")


async def test_this_year_of_a_figure_as_of_the_report_is_that_figure(domain) -> None:
    assert "9,220원 (2018년)" in await _follow_up(domain, LIVING_WAGE, "그럼 올해 기준은 얼마예요")


SOCIAL_ECONOMY = (
    "[사회적경제기업 육성] 보고서에 이렇게 나와 있어요.\n- 서울 사회적경제기업 수: 4,199개 (’18.6월) — 사회적기업 617개, "
    "협동조합 3,265개, 마을기업 108개, 기타 209개\n출처: 업무보고 「체계적인 종합지원으로 사회적경제기업 육성」, 2018년 7월 기준"
)


async def test_the_sum_of_the_parts_just_listed_is_the_reports_total(domain) -> None:
    reply = await _follow_up(domain, SOCIAL_ECONOMY, "다 합치면 몇 개야", "ask_programme_info")
    assert "4,199개" in reply and "[사회적경제기업 육성]" in reply and "2018년 7월 기준" in reply, reply
    # (a sum asked after a figure without parts is a question of its own)
    assert "4,000건" not in await _follow_up(domain, OMBUDSMAN, "다 합치면 몇 개야", "ask_programme_info")


async def test_the_sum_of_two_answers_is_not_the_parts_of_the_last(domain) -> None:
    halves = (
        "[공공근로사업] 보고서에 이렇게 나와 있어요.\n- 공공근로 하반기 선발인원: 5,158명 (’18년 하반기) — 시 148개 사업장 506명 "
        "/ 구 1,465개 사업장 4,652명\n\n출처: 업무보고 「취약계층을 위한 공공근로사업 추진」, 2018년 7월 기준"
    )
    from actions.context import Replies
    from actions.figures_by_year import total_of_parts

    assert total_of_parts("둘이 합치면 총 몇 명이에요", halves, Replies({"responses": {}})) is None
