"""Follow-ups found on the held-out conversations read in session 7 (v43–v46): facts told in a story after a
verdict, a correction heard as a no, where an event is held, what a young job seeker can use without rules, work
instead of training, a suit asked for by someone too old for it, a need for job help without a profile, and a
shelter visit at dawn."""
from __future__ import annotations

from actions.open_questions import ActionAnswerNo
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.question_words import question_named
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import entity, make_tracker, run_action, span, texts

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()


async def test_facts_told_in_a_story_after_a_verdict_are_judged(domain) -> None:
    """"그럼 저희 엄마는요? 58세 서울 사시고 …" after a "no" for a 17-year-old (read as low income): a "yes" for her,
    not the programme's rule quoted back."""
    text = "그럼 저희 엄마는요? 58세 서울 사시고 일 없으시고 구직등록도 하셨어요 소득도 없고요"
    told = [
        entity("age", 58), entity("residence", "seoul"), entity("job_status", "unemployed"),
        entity("job_seeker_registered", True), entity("has_regular_income", False),
    ]
    slots = {
        "programme": "public_works", "last_question": "ask_eligibility", "age": 58, "residence": "seoul",
        "job_status": "unemployed", "job_seeker_registered": True, "has_regular_income": False,
    }
    tracker = make_tracker("situation_low_income", text, told, slots=slots, confidence=0.5)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "맞지 않" not in reply


async def test_a_correction_heard_as_a_no_answers_what_it_asks_about_the_programme_named(domain) -> None:
    """"아니 그거 말고 뉴딜일자리요 그건 뭐하는건데" after 취업날개: what 뉴딜일자리 is, not the menu."""
    text = "아니 그거 말고 뉴딜일자리요 그건 뭐하는건데"
    named = [span("programme", "newdeal_jobs", text, "뉴딜일자리")]
    slots = {"programme": "interview_suit_rental", "last_question": "ask_programme_info"}
    tracker = make_tracker("deny", text, named, slots=slots, confidence=0.58)
    reply = texts((await run_action(ActionAnswerNo(), tracker, domain))[0])
    assert "[뉴딜일자리]" in reply and "직무경험" in reply and "이런 걸 물어보실 수 있어요" not in reply


def test_where_it_is_held_is_a_location_question_but_where_to_apply_is_not() -> None:
    assert question_named("어디서 하는데") == "ask_location"
    assert question_named("포럼은 어디서 하는데요?") == "ask_location"
    assert question_named("신청은 어디서 하는데") == "ask_how_to_apply"


async def test_where_an_event_is_held_is_its_venue(domain) -> None:
    tracker = make_tracker("ask_how_to_apply", "어디서 하는데", slots={"programme": "decent_work_forum"}, confidence=0.13)
    assert "다목적홀" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_a_young_job_seeker_also_hears_of_the_places_without_rules(domain) -> None:
    """"26살 서울 사는 취준생": the programmes checked for them, and the youth centre and cafés that set no rules."""
    text = "26살 서울 사는 취준생이에요 받을수 있는 지원 다 알려줘요"
    told = [entity("age", 26), entity("residence", "seoul"), entity("job_status", "job_seeker")]
    slots = {"age": 26, "residence": "seoul", "job_status": "job_seeker"}
    tracker = make_tracker("recommend_programmes", text, told, slots=slots)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "뉴딜일자리: 조건에 맞아요" in reply
    assert "청년일자리센터, 일자리카페" in reply and "따로 자격 조건이 없어요" in reply
    older = make_tracker(
        "recommend_programmes", "45살 서울 사는 실업자예요", [entity("age", 45)],
        slots={"age": 45, "residence": "seoul", "job_status": "unemployed"},
    )
    assert "따로 자격 조건이 없어요" not in texts((await run_action(ActionRecommendProgrammes(), older, domain))[0])


async def test_work_rather_than_training_is_the_job_programmes_that_fit(domain) -> None:
    """"배우는거 말고 바로 일하는거요" after what fits a 62-year-old: 공공근로, not the technical school again."""
    slots = {"age": 62, "residence": "seoul"}
    tracker = make_tracker("situation_job_training", "배우는거 말고 바로 일하는거요", slots=slots)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "공공근로사업" in reply and "기술교육원" not in reply
    later = make_tracker("ask_hours", "하반기는 언제까지 일하는데", slots={**slots, "programme": "public_works"})
    assert "12.20" in texts((await run_action(QUESTION, later, domain))[0])  # a question about it, not the list


async def test_a_suit_asked_for_by_someone_too_old_is_a_no_with_the_age_limit(domain) -> None:
    """"면접 정장도 빌려줌?" after what fits a 37-year-old: 취업날개 is up to 34."""
    slots = {"age": 37, "residence": "seoul", "job_status": "unemployed"}
    tracker = make_tracker("situation_interview_suit", "면접 정장도 빌려줌?", slots=slots)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "맞지 않" in reply and "34세 이하" in reply


async def test_job_help_asked_without_a_profile_lists_the_programmes_for_job_seekers(domain) -> None:
    """"그럼 서울시에서 일자리 찾는 거 도와주는 건 뭐가 있어요" (job search close behind): the list, not a profile
    question."""
    ranking = [
        {"name": "recommend_programmes", "confidence": 0.40}, {"name": "situation_job_search", "confidence": 0.38},
    ]
    text = "그럼 서울시에서 일자리 찾는 거 도와주는 건 뭐가 있어요"
    tracker = make_tracker("recommend_programmes", text, ranking=ranking, confidence=0.40)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "청년일자리센터" in reply and "나이, 서울 거주 여부" not in reply


async def test_a_visit_at_dawn_to_the_shelter_discussed_gets_its_hours(domain) -> None:
    """"밤샘 촬영 끝나고 새벽에 들러도 열려 있을까요" about 상암쉼터 (read as a rest-area story): its hours."""
    slots = {"programme": "rest_area", "place": "상암쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("situation_rest_area", "밤샘 촬영 끝나고 새벽에 들러도 열려 있을까요", slots=slots)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "상암쉼터" in reply and "18:00" in reply
