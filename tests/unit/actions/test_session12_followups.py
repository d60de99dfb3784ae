"""Follow-ups found on the held-out conversations read in session 12 (v95–v100): an interview told says the one it is
about looks for work; which items are lent is no question of who may borrow; a programme named in a story is not
what its last sentence asks; a workplace size told after a typed "되요?" gets the verdict."""
from __future__ import annotations

from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, span, texts

QUESTION = ActionAnswerProgrammeQuestion()


async def test_an_interview_told_says_the_one_it_is_about_looks_for_work(domain) -> None:
    """"아들이 다음주에 첫 면접인데 양복이 없대요": then "걔 25살이고 서울 살아요 걔 되죠?" needs no question on job status."""
    text = "아들이 다음주에 첫 면접인데 양복이 없대요"
    tracker = make_tracker("situation_interview_suit", text)
    _, events = await run_action(ActionAnswerSituation(), tracker, domain)
    assert {"event": "slot", "name": "job_status", "value": "job_seeker", "timestamp": None} in events


async def test_asking_which_items_are_lent_is_no_question_of_who_may_borrow(domain) -> None:
    """"구두랑 넥타이도 빌려줘요?" from someone with an interview: not the rules of 취업날개 and a question of age."""
    text = "구두랑 넥타이도 빌려줘요?"
    tracker = make_tracker("situation_interview_suit", text, slots={"job_status": "job_seeker"}, confidence=0.61)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "몇 살" not in reply and "120" in reply


async def test_a_programme_named_in_the_story_is_not_what_the_last_sentence_asks(domain) -> None:
    """"인턴 석달하고 정규직 전환 얘기 하나도 없이 … 끝남ㅋㅋ 다시 면접 … 정장 공짜로 빌려주는 데 있다며?": the suit."""
    text = "인턴 석달하고 정규직 전환 얘기 하나도 없이 카톡으로 수고했다고 끝남ㅋㅋ 다시 면접 보러 다녀야 되는데 정장 공짜로 빌려주는 데 있다며?"
    tracker = make_tracker("situation_interview_suit", text, [span("programme", "regularisation", text, "정규직 전환")])
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "취업날개" in reply and "[비정규직의 정규직화]" not in reply


async def test_a_size_told_with_a_typed_question_gets_the_verdict(domain) -> None:
    """"마을노무사 우리 가게 되요? 5명 이에요" (where it is, to the NLU): 마을노무사's yes for 9 or fewer."""
    text = "마을노무사 우리 가게 되요? 5명 이에요"
    entities = [span("programme", "village_labour_attorney", text, "마을노무사"), span("workplace_size", 5, text, "5")]
    tracker = make_tracker(
        "ask_location", text, entities, slots={"programme": "village_labour_attorney", "workplace_size": 5}, confidence=0.27
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "위치" not in reply


def test_a_reference_back_names_the_programme_offered_earlier_that_its_words_describe() -> None:
    """"그럼 처음에 말해준 것 중에 저소득층 공공 일자리 그거" after a list offering 공공근로 and 기술교육원, while
    청년일자리센터 is discussed: 공공근로사업, whose facts share 저소득; without a reference back, nothing."""
    from actions.context import intent_payload, knowledge_base, referred_back_by_description
    from tests.unit.actions.test_session6_followups import said_before

    offered = [
        {"title": slug, "payload": intent_payload("ask_programme_info", programme=slug)}
        for slug in ("public_works", "technical_school")
    ]
    events = said_before("뭐 할 수 있는 거 있어요?", bot="말씀하신 조건으로 이용할 수 있는 제도예요:", buttons=offered)
    text = "그럼 처음에 말해준 것 중에 저소득층 공공 일자리 그거, 하반기 근로 기간이 어떻게 돼요?"
    tracker = make_tracker("ask_programme_info", text, slots={"programme": "youth_job_centre"}, events=events)
    referred = referred_back_by_description(tracker, knowledge_base())
    assert referred is not None and referred.slug == "public_works"
    plain = make_tracker("ask_programme_info", "저소득층 공공 일자리 하반기 근로 기간", slots={"programme": "youth_job_centre"}, events=events)
    assert referred_back_by_description(plain, knowledge_base()) is None
