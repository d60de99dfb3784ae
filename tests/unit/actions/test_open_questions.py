"""Messages the NLU could not tie to a question, in a conversation about a programme: still answered about it."""
from __future__ import annotations

from actions.open_questions import ActionAnswerCapabilities, ActionAnswerDetailOrOutOfScope
from tests.unit.actions.conftest import entity, make_tracker, run_action, slots_of, texts

OUT_OF_SCOPE = ActionAnswerDetailOrOutOfScope()
CAPABILITIES = ActionAnswerCapabilities()


async def test_a_question_named_in_words_is_about_the_programme_in_context(domain) -> None:
    """"거기 주소는??" read as out of scope: the address of the centre being discussed (unknown → 120), never a
    fact about another programme that happens to mention 주소."""
    tracker = make_tracker("out_of_scope", "거기 주소는?? 🤔", slots={"programme": "emotional_labour_protection"})
    messages, events = await run_action(OUT_OF_SCOPE, tracker, domain)
    reply = texts(messages)
    assert reply.startswith("[감정노동 보호]") and "120" in reply and "쉼터" not in reply
    assert slots_of(events)["programme"] == "emotional_labour_protection"


async def test_a_detail_of_the_programme_in_context_is_found_without_its_name(domain) -> None:
    tracker = make_tracker(
        "out_of_scope", "치유프로그램은 언제까지 하나여", slots={"programme": "emotional_labour_protection"}, confidence=0.16
    )  # the NLU was unsure (as it was with this message)
    reply = texts((await run_action(OUT_OF_SCOPE, tracker, domain))[0])
    assert "12월" in reply and "2018년 7월 기준" in reply


async def test_a_sure_out_of_scope_is_not_matched_to_a_fact_by_shared_words(domain) -> None:
    """"실업급여 신청 방법" (a national scheme) shares 실업 and 신청 with 공공근로's rules: still not the report's, and
    the reply names the scheme; so when the message also tells about the citizen ("퇴사했는데")."""
    for slots, text in (({}, "실업급여 신청 방법 알려줘"), ({"programme": "public_works"}, "퇴사했는데 실업급여 얼마 나와?")):
        entities = [entity("job_status", "unemployed", "퇴사했")] if "퇴사" in text else []
        tracker = make_tracker("out_of_scope", text, entities, slots=slots, confidence=1.0)
        messages, events = await run_action(OUT_OF_SCOPE, tracker, domain)
        assert "'실업급여' 안내가 없어서" in texts(messages) and "120" in texts(messages) and events == []


async def test_another_topic_with_a_question_word_stays_out_of_scope(domain) -> None:
    tracker = make_tracker("out_of_scope", "비트코인 가격 알려줘", slots={"programme": "interview_suit_rental"})
    messages, events = await run_action(OUT_OF_SCOPE, tracker, domain)
    assert texts(messages) == domain["responses"]["utter_out_of_scope"][0]["text"] and events == []


async def test_what_can_i_do_after_telling_about_oneself_lists_what_fits(domain) -> None:
    """"헐 한 살 차이로 안 되네요ㅠ 그럼 저는 뭐 할 수 있어요?" after a 35-year-old was told 취업날개 is up to 34."""
    slots = {"programme": "interview_suit_rental", "age": 35, "residence": "seoul", "job_status": "job_seeker"}
    tracker = make_tracker("ask_capabilities", "헐 한 살 차이로 안 되네요ㅠ 그럼 저는 뭐 할 수 있어요?", slots=slots)
    messages, _ = await run_action(CAPABILITIES, tracker, domain)
    reply = texts(messages)
    assert "뉴딜일자리" in reply and "만 35세" in reply
    assert "취업날개 서비스: 조건에 맞아요" not in reply  # 34 is the limit
    assert [b["title"] for b in messages[0]["buttons"]][:1] == ["뉴딜일자리"]


async def test_a_short_question_the_nlu_took_for_capabilities_is_answered_from_the_programme(domain) -> None:
    tracker = make_tracker("ask_capabilities", "주제가 머예요", slots={"programme": "decent_work_forum"})
    reply = texts((await run_action(CAPABILITIES, tracker, domain))[0])
    assert "유니온시티" in reply


async def test_what_can_you_do_gets_the_capabilities(domain) -> None:
    for slots in ({}, {"programme": "newdeal_jobs"}):
        tracker = make_tracker("ask_capabilities", "여기서 뭘 물어볼 수 있어요?", slots=slots)
        messages, events = await run_action(CAPABILITIES, tracker, domain)
        assert [m.get("response") for m in messages] == ["utter_capabilities"] and events == []  # Rasa renders it


async def test_the_answer_to_the_forms_question_read_as_out_of_scope_goes_on_with_the_check(domain) -> None:
    text = "네 고용센터에 구직등록 했어요"
    latest = {"text": text, "intent": {"name": "out_of_scope"}, "entities": []}
    events = [
        {"event": "slot", "name": "requested_slot", "value": "job_status"},  # asked one thing, told another
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": latest},
    ]
    slots = {"programme": "public_works", "age": 40, "residence": "seoul", "job_status": "unemployed",
             "has_regular_income": False, "job_seeker_registered": True}
    tracker = make_tracker(
        "out_of_scope", text, [{"entity": "job_seeker_registered", "value": True, "start": 8, "end": 15}],
        slots=slots, events=events, confidence=1.0,
    )
    reply = texts((await run_action(OUT_OF_SCOPE, tracker, domain))[0])
    assert reply.startswith("[공공근로사업]") and "이용할 수 있어요" in reply


async def test_who_may_use_it_asked_in_words_the_nlu_took_for_capabilities(domain) -> None:
    tracker = make_tracker("ask_capabilities", "어떤 곳이 빌릴 수 있어요?", slots={"programme": "social_investment_fund"})
    messages, events = await run_action(CAPABILITIES, tracker, domain)
    assert "사회적경제기업" in texts(messages) and "120" in texts(messages)
    assert not [e for e in events if e["event"] == "followup"]  # nothing the citizen could add: no form


async def test_a_programme_question_heard_as_are_you_a_bot_is_answered(domain) -> None:
    from actions.open_questions import ActionAnswerBotChallenge
    from tests.unit.actions.conftest import entity

    action = ActionAnswerBotChallenge()
    tracker = make_tracker("bot_challenge", "뉴딜은 경쟁률 세요?", [entity("programme", "newdeal_jobs", "뉴딜")])
    assert "7:1" in texts((await run_action(action, tracker, domain))[0])
    messages, _ = await run_action(action, make_tracker("bot_challenge", "너 사람이야?", slots={"programme": "newdeal_jobs"}), domain)
    assert [m.get("response") for m in messages] == ["utter_iamabot"]
