"""Answers about one programme, from the real knowledge base."""
from __future__ import annotations

from datetime import datetime

from actions.programme_questions import ActionAnswerProgrammeQuestion
from knowledge.queries import SEOUL
from tests.unit.actions.conftest import entity, make_tracker, run_action, span, texts

ACTION = ActionAnswerProgrammeQuestion()


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def test_programme_info_cites_source_and_date(domain) -> None:
    tracker = make_tracker("ask_programme_info", "취업날개가 뭐예요?", [entity("programme", "interview_suit_rental")])
    messages, events = await run_action(ACTION, tracker, domain)
    reply = texts(messages)
    assert "면접" in reply and "무료" in reply
    assert "2018년 7월 기준" in reply and "출처" in reply
    assert slot_events(events) == {"programme": "interview_suit_rental", "last_question": "ask_programme_info", "place": None}
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert all("interview_suit_rental" in p for p in payloads) and len(payloads) <= 3


async def test_follow_up_uses_the_programme_in_context(domain) -> None:
    tracker = make_tracker("ask_hours", "거기 몇시까지 해요?", slots={"programme": "youth_job_centre"})
    messages, _ = await run_action(ACTION, tracker, domain)
    reply = texts(messages)
    assert "09:00~21:00" in reply and "10:00~18:00" in reply and "토요일" in reply


async def test_saturday_and_sunday_hours_of_youth_job_centre(domain) -> None:
    saturday = make_tracker("ask_hours", "토요일에도 해요?", [entity("weekday", "sat")], slots={"programme": "youth_job_centre"})
    reply = texts((await run_action(ACTION, saturday, domain))[0])
    assert "토요일" in reply and "10:00~18:00" in reply
    sunday = make_tracker("ask_hours", "일요일은요?", [entity("weekday", "sun")], slots={"programme": "youth_job_centre"})
    reply = texts((await run_action(ACTION, sunday, domain))[0])
    assert "나와 있지 않아요" in reply and "120" in reply


async def test_open_now_across_midnight_with_frozen_clock(domain, frozen_clock) -> None:
    tracker = make_tracker("ask_open_now", "서초쉼터 지금 열었어요?", [entity("programme", "rest_area")])
    frozen_clock(datetime(2018, 7, 17, 2, 30, tzinfo=SEOUL))  # Tuesday 02:30
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "서초쉼터" in reply and "문을 열었어요" in reply and "다음날 06:00" in reply
    assert "북창쉼터" not in reply  # only the place the citizen named
    frozen_clock(datetime(2018, 7, 17, 12, 0, tzinfo=SEOUL))
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "운영시간이 아니에요" in reply


async def test_asked_time_is_used_instead_of_now(domain, frozen_clock) -> None:
    frozen_clock(datetime(2018, 7, 17, 12, 0, tzinfo=SEOUL))
    tracker = make_tracker(
        "ask_open_now", "서초쉼터 새벽 2시에 열어?", [entity("programme", "rest_area"), entity("time", "02:00")]
    )
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "02:00" in reply and "문을 열었어요" in reply


async def test_location_by_district_and_place(domain) -> None:
    tracker = make_tracker(
        "ask_location", "노원구에 있는 기술교육원", [entity("programme", "technical_school"), entity("district", "노원구")]
    )
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "북부기술교육원" in reply and "상계동" in reply and "동부기술교육원" not in reply


async def test_unknown_facts_point_to_120_never_invent(domain) -> None:
    contact = make_tracker("ask_contact", "청년일자리센터 전화번호", [entity("programme", "youth_job_centre")])
    reply = texts((await run_action(ACTION, contact, domain))[0])
    assert "120" in reply and "없" in reply
    assert not any(ch.isdigit() for ch in reply.replace("120", ""))
    location = make_tracker("ask_location", "청년일자리센터 어디예요", [entity("programme", "youth_job_centre")])
    reply = texts((await run_action(ACTION, location, domain))[0])
    assert "120" in reply


async def test_correction_re_answers_the_last_question(domain) -> None:
    tracker = make_tracker(
        "inform",
        "아 아니 뉴딜일자리요",
        [entity("programme", "newdeal_jobs")],
        slots={"programme": "interview_suit_rental", "last_question": "ask_how_to_apply"},
    )
    messages, events = await run_action(ACTION, tracker, domain)
    assert "뉴딜일자리" in texts(messages)
    assert slot_events(events)["programme"] == "newdeal_jobs"
    assert slot_events(events)["last_question"] == "ask_how_to_apply"


async def test_no_programme_asks_which_with_buttons(domain) -> None:
    tracker = make_tracker("ask_hours", "몇시까지 해요?")
    messages, events = await run_action(ACTION, tracker, domain)
    assert "어떤 제도" in texts(messages)
    assert all(b["payload"].startswith("/ask_hours{") for b in messages[0]["buttons"])
    assert slot_events(events) == {"last_question": "ask_hours"}


async def test_database_down_gives_polite_answer(domain, monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    tracker = make_tracker("ask_hours", "청년일자리센터 몇시까지", [entity("programme", "youth_job_centre")])
    messages, events = await run_action(ACTION, tracker, domain)
    assert "120" in texts(messages) and events == []


async def test_a_programme_alone_asks_the_last_question_about_it(domain) -> None:
    """"그럼 공공근로는요?" after a verdict on 뉴딜일자리: the same check for 공공근로, with what is known."""
    text = "그럼 공공근로는요?"
    slots = {"programme": "public_works", "last_question": "ask_eligibility", "age": 40, "residence": "seoul"}
    tracker = make_tracker("ask_cost", text, [span("programme", "public_works", text, "공공근로")], slots=slots)
    messages, events = await run_action(ACTION, tracker, domain)
    reply = texts(messages)
    assert reply.startswith("[공공근로사업]") and "18세" in reply and "비용" not in reply
    assert ("followup", "eligibility_form") in [(e["event"], e.get("name")) for e in events]  # asks what is missing

    hours = make_tracker(
        "ask_cost", "청년일자리센터는요?", [span("programme", "youth_job_centre", "청년일자리센터는요?", "청년일자리센터")],
        slots={"programme": "youth_job_centre", "last_question": "ask_hours"},
    )
    assert "09:00" in texts((await run_action(ACTION, hours, domain))[0])


async def test_a_programme_with_a_real_question_is_not_taken_for_the_last_one(domain) -> None:
    text = "공공근로 비용 있어요?"
    tracker = make_tracker(
        "ask_cost", text, [span("programme", "public_works", text, "공공근로")],
        slots={"programme": "public_works", "last_question": "ask_eligibility"},
    )
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "비용" in reply and "120" in reply


async def test_holidays_are_said_to_be_unknown_before_the_hours(domain) -> None:
    text = "청년일자리센터 추석에도 열어요?"
    tracker = make_tracker("ask_hours", text, [span("programme", "youth_job_centre", text, "청년일자리센터")])
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert reply.index("명절에 여는지는 보고서(2018년 7월)에 나와 있지 않아요") < reply.index("09:00") and "120" in reply
    assert reply.count("토요일 10:00~18:00") == 1  # each line once, however the place was named


async def test_what_a_wage_costs_is_what_it_pays(domain) -> None:
    tracker = make_tracker("ask_cost", "생활임금 얼마예요?", [entity("programme", "living_wage", "생활임금")])
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "9,220원" in reply and "나와 있지 않아요" not in reply


async def test_a_scheme_the_report_does_not_cover_is_not_answered_from_the_programme_in_context(domain) -> None:
    tracker = make_tracker("ask_cost", "최저임금 올해 얼마예요?", slots={"programme": "fair_trade", "last_question": "ask_hours"})
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "'최저임금' 안내가 없어서" in reply and "120" in reply and "공정무역" not in reply


async def test_directions_and_exact_addresses_the_report_lacks_are_said_to_be_unknown(domain) -> None:
    tracker = make_tracker("ask_location", "지하철 몇호선 타야돼요?", slots={"programme": "social_economy_centre"})
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "서울혁신파크" in reply and "찾아가는 길은 보고서에 나와 있지 않아요" in reply and "120" in reply


async def test_a_feature_the_report_does_not_mention_is_not_answered_with_the_summary(domain) -> None:
    tracker = make_tracker("ask_programme_info", "거기 화장실이나 커피 있어요?", slots={"programme": "rest_area"})
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "쉼터" in reply  # what the report does say …
    assert "위에 없으면 제가 가진 자료(2018년 7월 업무보고)에 없는 내용이에요" in reply and "120" in reply  # … and no more


async def test_who_takes_part_in_a_programme_without_rules_comes_from_its_facts(domain) -> None:
    tracker = make_tracker("ask_eligibility", "누가 와요? 일반 시민도 가도 되나", slots={"programme": "decent_work_forum"})
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "시민" in reply and "1,000명" in reply


async def test_an_exact_address_the_report_gives_only_to_the_neighbourhood_points_to_120(domain) -> None:
    tracker = make_tracker(
        "ask_location", "정확한 주소 좀요 번지까지", slots={"programme": "technical_school", "place": "북부기술교육원"}
    )
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "노원구 상계동" in reply and "정확한 주소(번지)" in reply and "120" in reply


async def test_a_number_the_report_does_not_give_is_said_to_be_unknown(domain) -> None:
    tracker = make_tracker("ask_cost", "취업률은 몇 프로예요?", slots={"programme": "technical_school"})
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "숫자나 날짜는 제가 가진 자료" in reply and "120" in reply and "예치" not in reply


async def test_why_not_listed_gets_the_verdict_for_the_known_profile(domain) -> None:
    text = "취업날개는 왜 안 나와요?"
    tracker = make_tracker(
        "ask_programme_info", text, [span("programme", "interview_suit_rental", text, "취업날개")],
        slots={"age": 37, "residence": "seoul", "job_status": "job_seeker"},
    )
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "맞지 않아요" in reply and "34" in reply


async def test_facts_about_oneself_and_a_programme_without_rules_get_what_it_offers(domain) -> None:
    text = "청년일자리센터 가면 뭐 해주는 거예요? 이제 막 취준 시작했어요"
    tracker = make_tracker(
        "ask_programme_info", text,
        [span("programme", "youth_job_centre", text, "청년일자리센터"), span("job_status", "job_seeker", text, "취준")],
    )
    reply = texts((await run_action(ACTION, tracker, domain))[0])
    assert "취업상담" in reply and "이용 자격은" not in reply
