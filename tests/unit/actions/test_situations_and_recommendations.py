"""Situations lead to the right help; profiles get recommendations with a reason each."""
from __future__ import annotations

import pytest

from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import entity, make_tracker, run_action, texts


@pytest.mark.parametrize(
    "situation, expected",
    [
        ("situation_unpaid_wages", "노동권리보호관"),
        ("situation_unfair_dismissal", "노동권리보호관"),
        ("situation_customer_abuse", "감정노동"),
        ("situation_small_workplace", "마을노무사"),
        ("situation_interview_suit", "취업날개"),
        ("situation_study_space", "일자리카페"),
        ("situation_job_training", "기술교육원"),
        ("situation_low_income", "공공근로"),
        ("situation_rest_area", "쉼터"),
    ],
)
async def test_situation_names_the_right_programme(domain, situation: str, expected: str) -> None:
    messages, _ = await run_action(ActionAnswerSituation(), make_tracker(situation, "..."), domain)
    assert expected in texts(messages)
    assert messages[0]["buttons"]


async def test_rest_area_for_a_designated_driver_names_their_shelter(domain) -> None:
    tracker = make_tracker("situation_rest_area", "대리기사인데 쉴 곳", [entity("worker_type", "대리기사")])
    assert "서초쉼터" in texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])


async def test_recommendations_for_a_profile_say_why(domain) -> None:
    tracker = make_tracker(
        "recommend_programmes",
        "29살 서울 사는 취준생인데 받을 수 있는 지원 다 알려줘",
        slots={"age": 29.0, "residence": "seoul", "job_status": "job_seeker"},
    )
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "취업날개" in reply and "뉴딜일자리" in reply
    assert "만 29세" in reply and "조건에 맞아요" in reply


async def test_recommendations_without_a_profile_ask_for_one(domain) -> None:
    reply = texts((await run_action(ActionRecommendProgrammes(), make_tracker("recommend_programmes", "뭐 받을 수 있어?"), domain))[0])
    assert "나이" in reply


async def test_the_answer_to_the_forms_question_read_as_a_situation_goes_on_with_the_check(domain) -> None:
    """The form asked "직원은 모두 몇 명인가요?"; "알바생 포함해서 9명이에요" was read as a small-workplace story."""
    text = "알바생 포함해서 9명이에요"
    latest = {"text": text, "intent": {"name": "situation_small_workplace"}, "entities": []}
    events = [
        {"event": "slot", "name": "requested_slot", "value": "workplace_size"},
        {"event": "bot", "text": "일하시는 사업장 직원은 모두 몇 명인가요? (예: 5명)"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": latest},
    ]
    tracker = make_tracker(
        "situation_small_workplace", text, [entity("workplace_size", 9, "9명")],
        slots={"programme": "village_labour_attorney", "last_question": "ask_eligibility", "workplace_size": 9},
        events=events,
    )
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert reply.startswith("[마을노무사]") and "이용할 수 있어요" in reply

    story = make_tracker(  # the same words opening a conversation: the situation's programmes
        "situation_small_workplace", text, [entity("workplace_size", 9, "9명")], slots={"workplace_size": 9},
    )
    assert "궁금한 곳을 누르시면" in texts((await run_action(ActionAnswerSituation(), story, domain))[0])


async def test_can_i_about_a_situations_programme_gets_the_verdict_with_what_is_known(domain) -> None:
    """"면접 정장 빌려주는 건 저는 안돼요?" from a 37-year-old: 취업날개 is up to 34."""
    tracker = make_tracker(
        "situation_interview_suit", "면접 정장 빌려주는 건 저는 안돼요?",
        slots={"age": 37, "residence": "seoul", "job_status": "job_seeker"},
    )
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert reply.startswith("[취업날개 서비스]") and "맞지 않아요" in reply and "34" in reply


async def test_what_can_i_get_after_a_verdict_lists_what_fits(domain) -> None:
    from actions.programme_questions import ActionAnswerProgrammeQuestion

    tracker = make_tracker(
        "ask_programme_info", "그럼 저는 뭘 받을 수 있어요?",
        slots={"programme": "interview_suit_rental", "age": 35, "residence": "seoul", "job_status": "job_seeker"},
    )
    reply = texts((await run_action(ActionAnswerProgrammeQuestion(), tracker, domain))[0])
    assert "말씀하신 조건(만 35세" in reply and "뉴딜일자리" in reply


async def test_a_group_without_a_profile_gets_that_groups_programmes(domain) -> None:
    tracker = make_tracker("recommend_programmes", "주거 말고 일자리 쪽으로 청년 지원 뭐 있어요", [entity("target_group", "청년")])
    messages, _ = await run_action(ActionRecommendProgrammes(), tracker, domain)
    reply = texts(messages)
    assert reply.startswith("보고서가 청년을(를) 대상으로") and "청년일자리센터" in reply and "취업날개" in reply
    assert "나이, 서울 거주 여부" in reply  # and what would let it check them


async def test_which_of_them_pays_after_a_list_of_what_fits(domain) -> None:
    """"이 중에 월급 나오는 건 어떤거에요?" read as unpaid wages, from a 31-year-old job seeker in Seoul."""
    tracker = make_tracker(
        "situation_unpaid_wages", "이 중에 월급 나오는 건 어떤거에요?",
        slots={"age": 31, "residence": "seoul", "job_status": "job_seeker"},
    )
    messages, _ = await run_action(ActionAnswerSituation(), tracker, domain)
    reply = texts(messages)
    assert "뉴딜일자리" in reply and "9,220원" in reply and "노동권익센터" not in reply


async def test_a_situation_with_one_programme_says_what_it_offers(domain) -> None:
    tracker = make_tracker("situation_job_training", "기술 배우는거 관심 있어요 어떤 과정 있어요?")
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "정규과정" in reply and "단기과정" in reply


async def test_a_thing_asked_beside_a_situation_is_found_wherever_the_report_has_it(domain) -> None:
    tracker = make_tracker("situation_job_training", "특성화고 다니는데 멘토스쿨 같은것도 있어요?", confidence=0.37)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "멘토스쿨" in reply and "[청년일자리센터]" in reply


async def test_what_free_advice_there_is_lists_it_even_for_a_citizen_known(domain) -> None:
    """"그럼 서울시에서 무료로 받을 수 있는 노동상담은 뭐 있어요?" (a recommendation, a labour problem close
    behind) from someone known to be out of work: the free advice, not a size question for 마을노무사."""
    ranking = [{"name": "recommend_programmes", "confidence": 0.74}, {"name": "situation_labour_problem", "confidence": 0.09}]
    text = "알겠어요 그럼 서울시에서 무료로 받을 수 있는 노동상담은 뭐 있어요?"
    tracker = make_tracker("recommend_programmes", text, slots={"job_status": "unemployed"}, ranking=ranking, confidence=0.74)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "노동권리보호관" in reply and "몇 명인가요" not in reply
