"""Follow-ups of session 15: the city's jobs for a group no programme serves (여성, 장애인, 어르신) and more of the
figure just said; a fact supposed after a verdict ("8명 되면요?"); who passes news on is not whom it is about; a
person named after one's own facts; conditions asked with a word of applying; the other sites; a number in a story
is not the question; when a site moved; how long ago a place opened, heard as a no."""
from __future__ import annotations

from actions.context import facts_by_person
from actions.eligibility import ValidateEligibilityForm
from actions.fallback import ActionDefaultAskAffirmation
from actions.open_questions import ActionAnswerDetailOrOutOfScope, ActionAnswerNo
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.question_words import HANDOFF_WORDS, NEARBY_WORDS, only_tells_of_work
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, span, texts
from tests.unit.actions.test_eligibility import asked
from tests.unit.actions.test_session6_followups import said_before, then

QUESTION = ActionAnswerProgrammeQuestion()


async def test_jobs_for_a_group_no_programme_serves_are_the_citys_target_for_it(domain) -> None:
    """"장애인 일자리도 서울시에서 해주나요?": the city's job target for disabled people and its kinds of jobs, not
    공공근로 (whose examples name a 장애인단체)."""
    text = "장애인 일자리도 서울시에서 해주나요? 동생이 지적장애가 있어서요"
    tracker = make_tracker("ask_programme_info", text, [span("target_group", "장애인", text, "장애인")], confidence=0.2)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "5,905" in reply and "관공서행정지원" in reply and "[공공근로사업]" not in reply, reply


async def test_a_groups_target_asked_without_the_word_jobs(domain) -> None:
    text = "여성쪽은 목표가 몇 개예요?"
    tracker = make_tracker("ask_location", text, [span("target_group", "여성", text, "여성")], confidence=0.35)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "70,924" in reply and "위치" not in reply, reply


async def test_more_of_the_figure_just_said(domain) -> None:
    """"규모는 어느정도 돼요" (a fallback to the NLU) and "상반기까지 얼마나 채웠대요?" right after the target for
    disabled people: the same figure (its line holds the target and what was achieved), not 공공근로's numbers."""
    said = "장애인 일자리도 서울시에서 해주나요?"
    figure = "서울시 일자리노동정책관 업무보고에 이렇게 나와 있어요.\n- ’18년 일자리 목표 — 장애인: 5,905개 (2018년) — …"
    for action, intent, now in (
        (ActionDefaultAskAffirmation(), "nlu_fallback", "규모는 어느정도 돼요"),
        (QUESTION, "ask_cost", "상반기까지 얼마나 채웠대요?"),
    ):
        tracker = make_tracker(
            intent, now, slots={"programme": "public_works"}, confidence=0.4,
            events=said_before(said, bot=figure) + [then(now)],
        )
        reply = texts((await run_action(action, tracker, domain))[0])
        assert "5,905" in reply and "4,935" in reply and "10,109" not in reply, (now, reply)


async def test_a_size_supposed_after_a_no_and_another_question_is_judged(domain) -> None:
    """"담달에 인원 줄여서 8명 되면요?" after a no for 12 people and a question about applying: yes (9 or fewer), not
    the number of 마을노무사."""
    now = "담달에 인원 줄여서 8명 되면요?"
    size = [span("workplace_size", 8, now, "8명")]
    events = [
        *said_before("우리 가게 다 합치면 12명인데 마을노무사 받을 수 있어요?"),
        {"event": "slot", "name": "last_question", "value": "ask_eligibility"},
        *said_before("그럼 신청은 어디다 해요"),
        {"event": "slot", "name": "last_question", "value": "ask_how_to_apply"},
        then(now, size),
    ]
    tracker = make_tracker(
        "situation_small_workplace", now, size, confidence=0.6, events=events,
        slots={"programme": "village_labour_attorney", "workplace_size": 8, "last_question": "ask_how_to_apply"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "50명" not in reply, reply


def test_who_passes_the_news_on_is_not_whom_it_is_about() -> None:
    """"방금 동생이 그러는데 … 구직등록 해드렸대요" is still about the father; "딸은 대학생이라" after one's own facts
    does not make them the daughter's."""
    father = "아버지는 63세시고 도봉구 사세요"
    news = "방금 동생이 그러는데 어제 구직등록 해드렸대요! 그럼 이제 되는 거죠?"
    tracker = make_tracker("inform", news, events=[
        then(father, [span("age", 63, father, "63세")]), {"event": "slot", "name": "age", "value": 63},
        then(news), {"event": "slot", "name": "job_seeker_registered", "value": True},
    ])
    person, facts = facts_by_person(tracker)
    assert person == "아버지" and facts["아버지"] == {"age": 63, "job_seeker_registered": True}

    own = "52살이고 강서구 삽니다. 구직등록은 해뒀습니다. 딸은 대학생이라 등록금도 걱정이고요"
    entities = [span("age", 52, own, "52살"), span("job_seeker_registered", True, own, "구직등록은 해뒀습니다")]
    tracker = make_tracker("recommend_programmes", own, entities, events=[
        then(own, entities), {"event": "slot", "name": "age", "value": 52},
    ])
    assert facts_by_person(tracker) == ("self", {"self": {"age": 52}})

    theirs = "아버지 61세 은퇴하셨어요 서울 사시고 지금 실업자예요 아버지가 받을만한거 뭐 있을까요"
    entities = [span("age", 61, theirs, "61세")]
    tracker = make_tracker("recommend_programmes", theirs, entities, events=[
        then(theirs, entities), {"event": "slot", "name": "age", "value": 61},
    ])
    assert facts_by_person(tracker) == ("아버지", {"아버지": {"age": 61}})


async def test_conditions_asked_with_a_word_of_applying_are_who_may_apply(domain) -> None:
    text = "그거 신청하려면 조건이 뭐예요?"
    tracker = make_tracker("ask_how_to_apply", text, slots={"programme": "public_works"}, confidence=0.47)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "구직등록" in reply and "정기소득" in reply and "홈페이지" not in reply, reply


async def test_the_other_sites_are_all_but_the_one_named(domain) -> None:
    text = "기술교육원 노원에 있는 데는 너무 멀어요 다른 데는 어디어디 있어요?"
    tracker = make_tracker(
        "ask_location", text, [span("programme", "technical_school", text, "기술교육원"), span("district", "노원구", text, "노원")],
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert all(site in reply for site in ("동부기술교육원", "중부기술교육원", "남부기술교육원")), reply
    assert "북부기술교육원" not in reply, reply


def test_nearly_is_no_place_near_home() -> None:
    assert not NEARBY_WORDS.search("20년 가까이 인쇄소에서 일했는데")
    assert not NEARBY_WORDS.search("한 달 가까이 월급을 못 받았어요")
    assert NEARBY_WORDS.search("집 가까이 있는 곳이요")


async def test_a_number_in_the_story_is_not_the_question(domain) -> None:
    """"… 사장이 월급도 몇 번 늦게 줘서 …. 청년일자리센터 평일엔 몇시까지 해요?": the hours (21:00), not the story's
    words as details the report lacks."""
    text = "회사에서 사장이 월급도 몇 번 늦게 줘서 이직 준비 중이에요. 청년일자리센터 평일엔 몇시까지 해요?"
    tracker = make_tracker("ask_hours", text, [span("programme", "youth_job_centre", text, "청년일자리센터")], confidence=0.64)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "21:00" in reply and "나와 있지 않아요" not in reply, reply


async def test_when_a_site_moved(domain) -> None:
    text = "거기 장소 옮겼다던데 언제 옮긴거에요"
    tracker = make_tracker("ask_location", text, slots={"programme": "rest_area", "place": "북창쉼터"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "4월" in reply, reply


async def test_how_long_ago_a_place_opened_heard_as_a_no(domain) -> None:
    text = "거기 생긴 지 얼마나 됐어요"
    tracker = make_tracker("deny", text, slots={"programme": "rest_area", "place": "상암쉼터"}, confidence=0.39)
    reply = texts((await run_action(ActionAnswerNo(), tracker, domain))[0])
    assert "개소" in reply and "궁금한 걸" not in reply, reply


async def test_a_programme_corrected_while_the_form_asks_the_residence_is_no_rejected_form(domain) -> None:
    """"아 잘못말함 뉴딜일자리요 거기 나이제한은요?" while 취업날개's form asks where one lives: 뉴딜일자리's rules, and
    the programme set (a slot the form validated), so Rasa does not reject the form and fall back."""
    text = "아 잘못말함 뉴딜일자리요 거기 나이제한은요?"
    newdeal = [span("programme", "newdeal_jobs", text, "뉴딜일자리")]
    tracker = make_tracker(
        "inform", text, newdeal, slots={"programme": "newdeal_jobs", "age": 29, "requested_slot": "residence"},
        events=asked("residence", text), active_loop="eligibility_form",
    )
    messages, events = await run_action(ValidateEligibilityForm(), tracker, domain)
    assert "39세" in texts(messages), texts(messages)
    assert {"event": "slot", "timestamp": None, "name": "programme", "value": "newdeal_jobs"} in events, events


def test_a_site_named_inside_another_word_is_not_named(kb) -> None:
    assert [p.slug for p in kb.programmes_in_text("해고예고수당 이런거 고용노동부에 물어봐야되나")] == []
    assert [p.slug for p in kb.programmes_in_text("동부 교육원 어디예요")] == ["technical_school"]


async def test_hours_of_work_are_not_the_facts_naming_working_time(domain) -> None:
    """"하루에 몇시간 근무해요?" of 뉴딜일자리: the report gives no hours of work (120), not the fact that job hunting
    counts as working time."""
    text = "하루에 몇시간 근무해요?"
    tracker = make_tracker("ask_hours", text, slots={"programme": "newdeal_jobs"}, confidence=0.63)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "근무시간 인정" not in reply, reply


def test_a_citizens_word_inside_a_longer_one_keeps_its_own_sense(kb) -> None:
    """"장애인 화장실" describes no 취업날개 (화장 is 메이크업 only on its own)."""
    assert kb.fact_index().identify("엘베나 장애인 화장실은 있나요?") is None
    assert kb.fact_index().identify("화장도 해줘요?")[0] == "interview_suit_rental"


async def test_which_of_the_programmes_listed_is_open_on_the_day_asked(domain) -> None:
    """"토요일에도 상담받을 수 있는 데가 있어요?" right after a list (취업날개, 청년일자리센터, 일자리카페): the one that
    gives Saturday hours (청년일자리센터 10:00~18:00), not 취업날개's unknown hours."""
    offered = [
        {"title": name, "payload": f'/ask_programme_info{{"programme": "{slug}"}}'}
        for name, slug in (("취업날개", "interview_suit_rental"), ("청년일자리센터", "youth_job_centre"), ("일자리카페", "job_cafe"))
    ]
    now = "토요일에도 상담받을 수 있는 데가 있어요?"
    saturday = [span("weekday", "sat", now, "토요일")]
    tracker = make_tracker(
        "ask_hours", now, saturday, slots={"programme": "interview_suit_rental"}, confidence=0.5,
        events=said_before("29살 서울 취준생인데 받을 수 있는 지원 다 알려주세요", bot="이용할 수 있는 제도예요", buttons=offered)
        + [then(now, saturday)],
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "청년일자리센터" in reply and "10:00" in reply and "[취업날개" not in reply, reply


async def test_a_question_naming_the_programme_while_the_form_asks_is_no_correction(domain) -> None:
    """"공공근로 하반기는 언제까지 일하는 거야" while the form asks the age: another question (the form gives way to
    it), not the programme corrected, so the form validates nothing."""
    text = "공공근로 하반기는 언제까지 일하는 거야"
    tracker = make_tracker(
        "ask_hours", text, [span("programme", "public_works", text, "공공근로")],
        slots={"programme": "public_works", "requested_slot": "age"}, events=asked("age", text), active_loop="eligibility_form",
    )
    _, events = await run_action(ValidateEligibilityForm(), tracker, domain)
    assert not [e for e in events if e.get("event") == "slot" and e.get("name") not in ("requested_slot",)], events


async def test_a_rule_of_both_asked_while_the_form_asks_the_age(domain) -> None:
    """"둘 다 서울 살아야 됨?" after 취업날개 and then 뉴딜일자리, while the form asks the age: the rules of both (each
    asks for Seoul), then the age question again; not "please give the age as a number"."""
    text = "둘 다 서울 살아야 됨?"
    events = [
        {"event": "slot", "name": "programme", "value": "interview_suit_rental"}, *asked("age", text),
        {"event": "slot", "name": "age", "value": text},  # (the form maps the whole answer to the age, as Rasa does)
    ]
    tracker = make_tracker(
        "inform", text, slots={"programme": "newdeal_jobs", "age": text, "requested_slot": "age"},
        events=events, active_loop="eligibility_form",
    )
    reply = texts((await run_action(ValidateEligibilityForm(), tracker, domain))[0])
    assert "[취업날개 서비스]" in reply and "[뉴딜일자리]" in reply and "숫자로" not in reply, reply


async def test_work_told_first_is_asked_about_not_out_of_scope(domain) -> None:
    """"구청 계약직으로 있다가 계약만료돼서 나왔어요" (out of scope to the NLU) and "저 식당에서 일하는데요" (customer
    abuse at 0.27): the work told first, so the bot asks what happened, with the ways on."""
    for action, intent, text, confidence in (
        (ActionAnswerDetailOrOutOfScope(), "out_of_scope", "구청 계약직으로 있다가 계약만료돼서 나왔어요", 0.92),
        (ActionAnswerSituation(), "situation_customer_abuse", "저 식당에서 일하는데요", 0.27),
    ):
        messages = (await run_action(action, make_tracker(intent, text, confidence=confidence), domain))[0]
        assert messages[0].get("response") == "utter_tell_me_more", (text, messages)
    assert not only_tells_of_work("식당에서 일하는데 월급을 안 줘요")
    assert not only_tells_of_work("회사에서 나왔어요 어떻게 해요")


def test_a_programmes_person_is_no_request_for_staff() -> None:
    assert not HANDOFF_WORDS.search("그 옴부즈만이라는 사람한테 상담받으면 돈 내야돼요?")
    assert HANDOFF_WORDS.search("사람한테 직접 상담받고 싶어요")


async def test_the_date_asked_bare_after_a_venue(domain) -> None:
    """"날짜는?" (out of scope to the NLU) after the forum's venue: its date (’18.12.11), not out of scope."""
    tracker = make_tracker("out_of_scope", "날짜는?", slots={"programme": "decent_work_forum"}, confidence=0.9)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "12" in reply and "안내할 수 있는 내용이 아니" not in reply, reply


async def test_the_price_and_a_charge_the_report_does_not_name(domain) -> None:
    text = "취업날개 정장 빌리는거 대여비 얼마에요? 보증금 같은거 있나"
    tracker = make_tracker("ask_cost", text, [span("programme", "interview_suit_rental", text, "취업날개")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "무료" in reply and "보증금" in reply and "120" in reply, reply
