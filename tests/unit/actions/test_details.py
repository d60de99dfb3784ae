"""Detail questions, facts stated with a question, and follow-ups after a situation (real knowledge base)."""
from __future__ import annotations

from actions.open_questions import ActionAnswerDetailOrOutOfScope
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import entity, make_tracker, run_action, slots_of, texts

QUESTION = ActionAnswerProgrammeQuestion()
OUT_OF_SCOPE = ActionAnswerDetailOrOutOfScope()


async def test_an_out_of_scope_guess_about_the_programme_in_context_gets_its_fact(domain) -> None:
    tracker = make_tracker("out_of_scope", "거기 몇 층이에요", slots={"programme": "cooperative_support_centre"})
    messages, events = await run_action(OUT_OF_SCOPE, tracker, domain)
    reply = texts(messages)
    assert "6층" in reply and "2018년 7월 기준" in reply and "보고서에 이렇게" in reply
    # the place the fact is about becomes the place in context ("거기 몇 시까지 해요?" is about it next)
    assert slots_of(events) == {"programme": "cooperative_support_centre", "place": "서울시협동조합지원센터"}


async def test_real_out_of_scope_stays_out_of_scope(domain) -> None:
    for slots in ({}, {"programme": "newdeal_jobs"}):
        messages, events = await run_action(OUT_OF_SCOPE, make_tracker("out_of_scope", "주식 뭐 사야 돼요", slots=slots), domain)
        assert texts(messages) == domain["responses"]["utter_out_of_scope"][0]["text"] and events == []


async def test_a_missing_cost_falls_back_to_the_fact_that_answers_it(domain) -> None:
    tracker = make_tracker("ask_cost", "뉴딜일자리 시급 얼마예요", [entity("programme", "newdeal_jobs", "뉴딜일자리")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "9,220" in reply and "나와 있지 않아요" not in reply


async def test_a_missing_fact_is_still_an_honest_dont_know(domain) -> None:
    tracker = make_tracker("ask_cost", "하루 일당 얼마예요", slots={"programme": "public_works"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "나와 있지 않아요" in reply and "120" in reply


async def test_when_it_opens_is_a_date_not_opening_hours(domain) -> None:
    tracker = make_tracker("ask_hours", "전용교육장은 언제 생겨요", slots={"programme": "newdeal_jobs"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "10월" in reply


async def test_facts_about_oneself_with_a_programme_get_a_verdict_at_once(domain) -> None:
    tracker = make_tracker(
        "inform", "마흔이고 서울 살아요 뉴딜일자리 돼요",
        [entity("age", 40, "마흔"), entity("residence", "seoul", "서울"), entity("programme", "newdeal_jobs", "뉴딜일자리")],
        slots={"age": 40.0, "residence": "seoul"},
    )
    messages, events = await run_action(QUESTION, tracker, domain)
    reply = texts(messages)
    assert "39" in reply and "맞지 않아요" in reply, reply
    assert slots_of(events)["last_question"] == "ask_eligibility"
    assert not any(e.get("event") == "followup" for e in events)  # nothing left to ask


async def test_missing_facts_start_the_form_to_ask_only_for_them(domain) -> None:
    tracker = make_tracker("inform", "29살인데 뉴딜일자리 할 수 있어요", [entity("age", 29, "29살"), entity("programme", "newdeal_jobs")],
                           slots={"age": 29.0})
    _, events = await run_action(QUESTION, tracker, domain)
    assert {"event": "followup", "name": "eligibility_form", "timestamp": None} in events


async def test_a_weekday_after_an_hours_question_asks_for_that_days_hours(domain) -> None:
    tracker = make_tracker("ask_eligibility", "토욜은요?", [entity("weekday", "sat", "토욜")],
                           slots={"programme": "youth_job_centre", "last_question": "ask_hours"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "토요일" in reply and "10:00~18:00" in reply


async def test_after_a_situation_follow_ups_are_about_the_programme_made_for_it(domain) -> None:
    tracker = make_tracker("situation_interview_suit", "내일 면접인데 입을 옷이 없어요")
    _, events = await run_action(ActionAnswerSituation(), tracker, domain)
    assert slots_of(events)["programme"] == "interview_suit_rental"


async def test_a_situation_naming_a_programme_with_facts_gets_the_verdict(domain) -> None:
    tracker = make_tracker(
        "situation_job_training", "만 14살인데 서울 살아요 기술교육원 다닐 수 있어요",
        [entity("age", 14), entity("residence", "seoul"), entity("programme", "technical_school")],
        slots={"age": 14.0, "residence": "seoul"},
    )
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "15" in reply


async def test_a_profile_with_a_named_programme_gets_its_verdict_not_a_list(domain) -> None:
    from actions.recommendations import ActionRecommendProgrammes

    tracker = make_tracker(
        "recommend_programmes", "서른다섯인데 취업날개 받을 수 있나요 서울 살아요",
        [entity("age", 35), entity("residence", "seoul"), entity("programme", "interview_suit_rental")],
        slots={"age": 35.0, "residence": "seoul"},
    )
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "취업날개" in reply and "34" in reply and "맞지 않아요" in reply


async def test_an_address_the_report_lacks_is_an_honest_dont_know(domain) -> None:
    tracker = make_tracker("ask_location", "합정쉼터 주소는요?", slots={"programme": "rest_area"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "보고서에 이렇게" not in reply


async def test_a_detail_read_as_a_location_question_is_still_found(domain) -> None:
    tracker = make_tracker("ask_location", "야간 과정도 있어요?", slots={"programme": "technical_school"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "야간" in reply


async def test_a_short_follow_up_taken_for_a_situation_is_answered_from_the_programme(domain) -> None:
    tracker = make_tracker("situation_job_training", "야간 과정도 있어요?", slots={"programme": "technical_school"})
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "야간" in reply and "기술교육원" in reply
    story = make_tracker("situation_job_training", "용접 배우고 싶은데 나이가 많아서 걱정이에요 어디서 배울 수 있을까요",
                         slots={"programme": "technical_school"})
    assert "직업훈련" in texts((await run_action(ActionAnswerSituation(), story, domain))[0])  # a story is a situation


async def test_where_is_it_is_not_answered_with_a_fact_without_a_place(domain) -> None:
    tracker = make_tracker("ask_location", "북창쉼터 위치가 어디죠", slots={"programme": "rest_area"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "보고서에 이렇게" not in reply


async def test_which_operators_of_a_programme_without_places_is_a_detail(domain) -> None:
    tracker = make_tracker("ask_location", "운영하는 업체는 어디어디예요", slots={"programme": "interview_suit_rental"})
    assert "열린옷장" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_a_detail_read_as_a_cost_question_gets_its_fact(domain) -> None:
    """"사진 촬영도 같이 돼요?" has no word about money: the fact about photos, not "비용: 무료" again."""
    tracker = make_tracker("ask_cost", "사진 촬영도 같이 돼요?", slots={"programme": "interview_suit_rental"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "사진촬영" in reply and "비용:" not in reply


async def test_a_service_asked_as_can_i_get_it_is_answered_and_no_form_follows(domain) -> None:
    """"법률 지원도 받을 수 있어요?" asks whether the service exists, not who may use it."""
    tracker = make_tracker("ask_eligibility", "법률 지원도 받을 수 있어요?", slots={"programme": "labour_rights_protector"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "법률지원" in texts(messages)
    assert ("followup", "action_listen") in [(e["event"], e.get("name")) for e in events]  # no eligibility form


async def test_who_runs_it_is_not_an_hours_question(domain) -> None:
    tracker = make_tracker(
        "ask_hours", "거기는 어디가 위탁받아서 운영해요?", slots={"programme": "technical_school", "place": "중부기술교육원"}
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "명지전문대학" in reply and "운영시간은 제가 가진 자료" not in reply


async def test_the_next_recruitment_is_the_selection_the_report_plans(domain) -> None:
    """"다음 모집은 언제예요?": the report's plan for the next round (’19년도 상반기 선발, ’18.11~12월), not the
    past application dates; "담 모집" is the same question typed short."""
    for question in ("다음 모집은 언제예요?", "담 모집 언제해요"):
        tracker = make_tracker("ask_how_to_apply", question, slots={"programme": "public_works"})
        reply = texts((await run_action(QUESTION, tracker, domain))[0])
        assert "’18.11월~12월 예정" in reply and "’18.5.4~28" not in reply
        assert "2018년 7월 기준" in reply


async def test_the_place_a_detail_answer_names_is_the_next_follow_ups(domain) -> None:
    tracker = make_tracker(
        "ask_location", "제 친구는 방송 스태프인데 걔네 쉼터도 있어요?", [entity("worker_type", "미디어 노동자")],
        slots={"programme": "rest_area"},
    )
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "상암쉼터" in texts(messages) and slots_of(events).get("place") == "상암쉼터"
