"""Follow-ups found on the read held-out conversations in session 5: counts and sizes asked in other words, a fact
of another programme of the same topic, an owner of a small workplace, and facts no rule of the programme reads."""
from __future__ import annotations

from actions.open_questions import ActionAcknowledge, ActionAnswerDetailOrOutOfScope
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, slots_of, span, texts

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()


async def test_a_number_of_people_asked_with_now_is_the_number_not_the_hours(domain) -> None:
    """"노동권리보호관 지금 몇 명 있어요?" (the NLU heard "is it open now?"): 50명."""
    text = "노동권리보호관 지금 몇 명 있어요?"
    tracker = make_tracker("ask_open_now", text, entities=[span("programme", "labour_rights_protector", text, "노동권리보호관")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "50명" in reply and "운영시간" not in reply


async def test_how_much_counselling_was_done_is_answered_from_context(domain) -> None:
    """Read as out of scope at 0.35, "올해 상담은 얼마나 했대요?" is a count of the ombudsman in context."""
    tracker = make_tracker(
        "out_of_scope", "올해 상담은 얼마나 했대요?", slots={"programme": "labour_ombudsman"}, confidence=0.35
    )
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "1,694" in reply and "안내할 수 있는 내용이 아니" not in reply


async def test_growing_in_everyday_words_finds_the_expansion(domain) -> None:
    tracker = make_tracker("out_of_scope", "더 늘린다는 말도 있던데", slots={"programme": "job_cafe"}, confidence=0.16)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "90" in reply


async def test_when_the_place_in_context_opened(domain) -> None:
    tracker = make_tracker("ask_hours", "거긴 언제 문 열었어요?", slots={"programme": "rest_area", "place": "상암쉼터"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "상암쉼터" in reply and "5월" in reply and "서초쉼터" not in reply


async def test_the_floor_a_centre_moves_to_is_a_detail_not_an_unknown_address(domain) -> None:
    text = "노동권익센터가 거기 몇 층에 들어간다고요?"
    tracker = make_tracker("ask_location", text, entities=[span("programme", "labour_rights_centre", text, "노동권익센터")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "5층" in reply


async def test_later_in_the_hours_words_asks_the_hours(domain) -> None:
    """"합정쉼터는 그보다 늦게까지 하나?": the closing time, not the shelter's description."""
    text = "합정쉼터는 그보다 늦게까지 하나?"
    tracker = make_tracker(
        "ask_hours", text, entities=[span("programme", "rest_area", text, "쉼터")],
        slots={"programme": "rest_area", "place": "북창쉼터"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "합정쉼터" in reply and "06:00" in reply


async def test_a_lawsuit_is_the_legal_support_of_another_programme_of_the_topic(domain) -> None:
    tracker = make_tracker("ask_programme_info", "소송 같은 것도 도와주나요", slots={"programme": "labour_ombudsman"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "법률지원" in texts(messages) and "노동권리보호관" in texts(messages)
    assert slots_of(events)["programme"] == "labour_rights_protector"


async def test_borrowing_money_read_as_a_suit_is_the_fund_of_the_topic_in_context(domain) -> None:
    """"돈 빌릴 수 있는 것도 있나" (the NLU heard 빌리다 of suits) after the social economy: the fund's loans."""
    tracker = make_tracker(
        "situation_interview_suit", "돈 빌릴 수 있는 것도 있나", slots={"programme": "social_economy_support"}, confidence=0.5
    )
    messages, events = await run_action(SITUATION, tracker, domain)
    assert "융자" in texts(messages) and "정장" not in texts(messages)
    assert slots_of(events)["programme"] == "social_investment_fund"


async def test_the_programme_in_context_is_not_re_found_through_its_topic(domain) -> None:
    """"정장 며칠 동안 빌릴 수 있어요?": the topic search must not stand in for the programme's own unknown."""
    tracker = make_tracker(
        "situation_interview_suit", "정장 며칠 동안 빌릴 수 있어요?", slots={"programme": "interview_suit_rental"},
        confidence=0.59,
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "120" in reply


async def test_the_owner_of_a_small_workplace_gets_the_village_labour_attorney(domain) -> None:
    text = "직원 여섯명 카페 하는 사장인데 서울시 지원 뭐 있어요"
    tracker = make_tracker(
        "recommend_programmes", text, entities=[span("workplace_size", 6, text, "여섯")], slots={"workplace_size": 6.0}
    )
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "마을노무사" in reply and "이용할 수 있어요" in reply


async def test_a_size_no_rule_reads_does_not_turn_a_question_into_a_verdict(domain) -> None:
    """"직원 스무명 되는 제조업체 대표입니다. 서울형 강소기업으로 뽑히면 회사에 어떤 지원이 나오는지": what it offers."""
    text = "직원 스무명 되는 제조업체 대표입니다. 서울형 강소기업으로 뽑히면 회사에 어떤 지원이 나오는지 궁금합니다"
    tracker = make_tracker(
        "ask_programme_info", text,
        entities=[span("workplace_size", 20, text, "스무"), span("programme", "seoul_strong_sme", text, "서울형 강소기업")],
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "이용 자격은" not in reply


async def test_a_street_number_asked_alone_is_the_address_unknown(domain) -> None:
    """"정확한 번지수까지 알려주세요" (read as a yes): the report gives no address; 120."""
    tracker = make_tracker(
        "affirm", "정확한 번지수까지 알려주세요", slots={"programme": "technical_school", "place": "동부기술교육원"},
        confidence=0.33,
    )
    reply = texts((await run_action(ActionAcknowledge(), tracker, domain))[0])
    assert "120" in reply and "더 궁금한 게 있으면" not in reply


async def test_an_age_question_read_as_cost_without_a_programme_asks_which_one(domain) -> None:
    """It used to say nothing (the channel then said "문제가 생겼어요"): no rule starts the form after a cost question."""
    text = "청년 일자리 중에 시급 9천 얼마 준다는 거, 그거 몇 살까지 할 수 있어요?"
    tracker = make_tracker("ask_cost", text, entities=[span("target_group", "청년", text, "청년")])
    messages, _ = await run_action(QUESTION, tracker, domain)
    assert "어떤 제도" in texts(messages)


async def test_an_age_question_read_as_cost_about_a_programme_starts_the_form(domain) -> None:
    text = "공공근로 신청하고 싶은 사람입니다 나이가 많아도 되는지요"
    tracker = make_tracker("ask_how_to_apply", text, entities=[span("programme", "public_works", text, "공공근로")])
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "만 18세 이상" in texts(messages)
    assert {"event": "followup", "timestamp": None, "name": "eligibility_form"} in events
