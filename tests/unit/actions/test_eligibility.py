"""Eligibility as a conversation: what the form asks for, and the verdicts."""
from __future__ import annotations

from actions.eligibility import (
    ActionAskJobSeekerRegistered,
    ActionAskJobStatus,
    ActionEligibilityVerdict,
    ValidateEligibilityForm,
)
from rasa_sdk.executor import CollectingDispatcher
from tests.unit.actions.conftest import entity, make_tracker, run_action, texts

FORM = ValidateEligibilityForm()


async def required(tracker, domain):
    return await FORM.required_slots([], CollectingDispatcher(), tracker, domain)


async def test_form_asks_programme_first_then_only_missing_facts(domain) -> None:
    assert await required(make_tracker("ask_eligibility", "나도 돼요?"), domain) == ["programme"]
    tracker = make_tracker("ask_eligibility", "취업날개 받을 수 있어요?", slots={"programme": "interview_suit_rental"})
    assert sorted(await required(tracker, domain)) == ["age", "job_status", "residence"]
    known = make_tracker(
        "inform", "36살이요", slots={"programme": "interview_suit_rental", "age": 36.0}
    )
    assert await required(known, domain) == []  # 36 already fails the age rule: stop asking


async def test_verdict_not_eligible_offers_alternatives(domain) -> None:
    tracker = make_tracker(
        "inform",
        "36살이요",
        slots={"programme": "interview_suit_rental", "age": 36.0, "residence": "seoul", "job_status": "job_seeker"},
    )
    messages, events = await run_action(ActionEligibilityVerdict(), tracker, domain)
    reply = texts(messages)
    assert "맞지 않아요" in reply and "34" in reply
    assert len(messages) == 2 and messages[1]["buttons"]
    assert all("interview_suit_rental" not in b["payload"] for b in messages[1]["buttons"])


async def test_too_big_a_workplace_for_village_attorneys_is_offered_labour_advice_elsewhere(domain) -> None:
    tracker = make_tracker("inform", "10명이요", slots={"programme": "village_labour_attorney", "workplace_size": 10.0})
    messages, _ = await run_action(ActionEligibilityVerdict(), tracker, domain)
    assert "9인 이하" in texts(messages)
    offered = [b["title"] for b in messages[1]["buttons"]]
    assert offered and all(title in ("서울노동권익센터", "노동권리보호관", "시민명예 노동옴부즈만") for title in offered)


async def test_verdict_eligible_gives_reasons(domain) -> None:
    tracker = make_tracker(
        "inform",
        "네",
        slots={"programme": "newdeal_jobs", "age": 29.0, "residence": "seoul", "job_status": "job_seeker"},
    )
    reply = texts((await run_action(ActionEligibilityVerdict(), tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "2018년 7월 기준" in reply


async def test_typed_answers_are_validated(domain) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("inform", "서른여섯")
    assert FORM.validate_age("만 36세요", dispatcher, tracker, domain) == {"age": 36.0}
    assert FORM.validate_age(36.0, dispatcher, tracker, domain) == {"age": 36.0}
    assert FORM.validate_age("몰라요", dispatcher, tracker, domain) == {"age": None}
    assert "숫자" in texts(dispatcher.messages)
    assert FORM.validate_workplace_size("직원 5명이요", dispatcher, tracker, domain) == {"workplace_size": 5.0}
    assert FORM.validate_programme("취업 날개", dispatcher, tracker, domain) == {"programme": "interview_suit_rental"}


def asked(slot: str, text: str) -> list:
    """Events of a form that asked for ``slot`` and got ``text`` back."""
    return [
        {"event": "slot", "name": "requested_slot", "value": slot},
        {"event": "bot", "text": "만 나이로 몇 살이세요?"},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": "inform"}, "entities": []}},
    ]


async def test_a_programme_corrected_while_the_form_asks_gets_its_own_rules(domain) -> None:
    """"취업날개 받을 수 있어요?" … "아 아니 뉴딜일자리요": 뉴딜일자리's rules, then its questions."""
    text = "아 아니 뉴딜일자리요"
    newdeal = [entity("programme", "newdeal_jobs", "뉴딜일자리")]
    tracker = make_tracker(
        "inform", text, newdeal, slots={"programme": "newdeal_jobs"}, events=asked("age", text), active_loop="eligibility_form"
    )
    messages, events = await run_action(FORM, tracker, domain)
    assert texts(messages).startswith("[뉴딜일자리]") and "39세" in texts(messages)
    assert ("requested_slot", "age") in [(e.get("name"), e.get("value")) for e in events]  # then asks the age

    starting = make_tracker(
        "ask_eligibility", "뉴딜일자리 받을 수 있어요?", newdeal, slots={"programme": "newdeal_jobs"}, active_loop="eligibility_form"
    )  # when the form starts, the question's own answer has said the rules already
    assert (await run_action(FORM, starting, domain))[0] == []

    # nor again when the action before it in this turn said them ("아 아니다 뉴딜 말고 면접 정장 빌려주는 거요")
    said = texts((await run_action(FORM, tracker, domain))[0])
    again = make_tracker(
        "inform", text, newdeal, slots={"programme": "newdeal_jobs"},
        events=asked("age", text) + [{"event": "bot", "text": said}], active_loop="eligibility_form",
    )
    assert (await run_action(FORM, again, domain))[0] == []


async def test_a_status_question_names_the_rule_that_needs_it(domain) -> None:
    tracker = make_tracker("inform", "57살이고 도봉구 살아요", slots={"programme": "public_works", "age": 57.0})
    messages, _ = await run_action(ActionAskJobStatus(), tracker, domain)
    assert "[공공근로사업]" in texts(messages) and "‘실업자’" in texts(messages)
    assert "지금 어떤 상황이세요?" in texts(messages)
    # the quick replies still fill the slot: Rasa's {{ }} escaping is undone
    assert '/inform{"job_status": "job_seeker"}' in [b["payload"] for b in messages[0]["buttons"]]
    messages, _ = await run_action(ActionAskJobSeekerRegistered(), tracker, domain)
    assert "‘구직등록을 한 분’" in texts(messages) and "구직등록을 하셨나요?" in texts(messages)


async def test_a_status_question_without_a_programme_is_the_plain_question(domain) -> None:
    messages, _ = await run_action(ActionAskJobStatus(), make_tracker("ask_eligibility", "나도 돼요?"), domain)
    assert texts(messages) == "지금 어떤 상황이세요?"


async def test_the_age_limit_asked_back_while_the_form_asks_the_age_is_answered(domain) -> None:
    """"최소 나이는?" when the form had asked "만 나이로 몇 살이세요?": the rules (18 to 39), not "나이를 숫자로"."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("ask_eligibility", "최소 나이는?", slots={"programme": "newdeal_jobs", "requested_slot": "age"})
    assert FORM.validate_age("최소 나이는?", dispatcher, tracker, domain) == {"age": None}
    reply = texts(dispatcher.messages)
    assert "만 18세 이상" in reply and "숫자로" not in reply
    dispatcher = CollectingDispatcher()
    FORM.validate_age("몰라요", dispatcher, make_tracker("inform", "몰라요", slots={"programme": "newdeal_jobs"}), domain)
    assert "숫자로" in texts(dispatcher.messages)
