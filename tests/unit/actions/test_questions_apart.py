"""Several questions in one message, each answered (actions/questions_apart.py), and thanks said with a question
returned first (actions/context.py)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from actions.context import thanked_with_a_question
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.questions_apart import questions_apart
from actions.situations import ActionAnswerSituation  # noqa: F401  (registers the situation intents)
from knowledge.clauses import question_spans
from tests.unit.actions.conftest import make_tracker, run_action, span, texts

QUESTION = ActionAnswerProgrammeQuestion()


def asking(
    whole: str, text: str, intents: List[Tuple[str, float]], entities: List[Dict[str, Any]], slots: Optional[dict] = None,
):
    """A tracker whose latest message asks several questions, each with the intent (and confidence) given."""
    tracker = make_tracker(whole, text, entities, slots=slots)
    spans = question_spans(text)
    assert len(spans) == len(intents), spans
    tracker.latest_message["questions"] = [
        {"text": text[start:end], "start": start, "end": end, "intent": {"name": name, "confidence": confidence}}
        for (start, end), (name, confidence) in zip(spans, intents)
    ]
    tracker.events[-1]["parse_data"] = tracker.latest_message
    return tracker


async def test_a_count_and_a_fee_asked_together_are_both_answered(domain) -> None:
    """"일자리카페 몇개나 있고 이용료 따로 있어요?": 73곳 and free, not "the report has no such number"."""
    text = "일자리카페 몇개나 있고 이용료 따로 있어요?"
    tracker = asking(
        "ask_cost", text, [("ask_programme_info", 0.25), ("ask_cost", 1.0)], [span("programme", "job_cafe", text, "일자리카페")],
        slots={"programme": "job_cafe"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "73" in reply and "무료" in reply and "나와 있지 않아요" not in reply


async def test_the_same_question_about_two_programmes_is_answered_for_each(domain) -> None:
    """"보호관은 몇명이고 옴부즈만은 구마다 몇명씩이에요": 50명 for one, 2명 per district for the other."""
    text = "보호관은 몇명이고 옴부즈만은 구마다 몇명씩이에요"
    entities = [
        span("programme", "labour_rights_protector", text, "보호관"), span("programme", "labour_ombudsman", text, "옴부즈만"),
    ]
    tracker = asking(
        "ask_programme_info", text, [("ask_programme_info", 0.7), ("ask_programme_info", 0.61)], entities,
        slots={"programme": "labour_ombudsman"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert reply.index("[노동권리보호관]") < reply.index("50명") < reply.index("[시민명예 노동옴부즈만]") < reply.index("2명")


async def test_a_verdict_and_a_detail_asked_together_come_in_the_order_asked(domain) -> None:
    """"저 29살 관악구 사는데 뉴딜 돼요? 되면 최대 몇개월이에요?": the yes first, then the 23 months."""
    text = "저 29살 관악구 사는데 뉴딜 돼요? 되면 최대 몇개월이에요?"
    slots = {"programme": "newdeal_jobs", "age": 29, "residence": "seoul"}
    tracker = asking(
        "ask_eligibility", text, [("ask_eligibility", 0.61), ("ask_cost", 0.6)], [span("programme", "newdeal_jobs", text, "뉴딜")],
        slots=slots,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "23개월" in reply
    assert reply.index("이용할 수 있어요") < reply.index("23개월")


def test_one_thing_asked_twice_or_a_guess_with_nothing_discussed_is_answered_whole() -> None:
    text = "기술교육원 몇군데 있고 학과는 몇개에요?"
    same = asking(
        "ask_programme_info", text, [("ask_programme_info", 0.92), ("ask_programme_info", 0.39)],
        [span("programme", "technical_school", text, "기술교육원")], slots={"programme": "technical_school"},
    )
    assert questions_apart(same) == []
    text = "회사 근로환경 봐주고 노무상담도 공짜로 해주는 시민 명예직 같은 거 있죠? 그거 뭐라고 불러요"
    guessed = asking("situation_small_workplace", text, [("ask_cost", 0.38), ("ask_programme_info", 0.28)], [])
    assert questions_apart(guessed) == []


def test_a_later_question_heard_as_a_situation_is_a_question_about_what_is_discussed() -> None:
    """"공휴일도 돈 나와요? 자격증 따는것도 지원해줌?" about 뉴딜: the second is no wish to train."""
    text = "공휴일도 돈 나와요? 자격증 따는것도 지원해줌?"
    tracker = asking(
        "situation_job_training", text, [("ask_cost", 0.67), ("situation_job_training", 0.79)], [],
        slots={"programme": "newdeal_jobs"},
    )
    assert [q["intent"]["name"] for q in questions_apart(tracker)] == ["ask_cost", "ask_programme_info"]


def test_thanks_with_a_question_is_told_apart_from_thanks_alone() -> None:
    assert thanked_with_a_question("ㅇㅋ 감사요 신청은 온라인으로 하는거 맞죠?")
    assert thanked_with_a_question("ㄳ 전화번호는요?")
    assert thanked_with_a_question("ㅇㅋ 그럼 거기 무료인건 맞죠? 고마워요")
    assert not thanked_with_a_question("네 감사해요 ㅎㅎ")
    assert not thanked_with_a_question("상담센터 전화번호는요?")


async def test_a_question_said_with_thanks_is_answered_after_thanks_back(domain) -> None:
    text = "ㄳ 전화번호는요?"
    tracker = make_tracker("ask_contact", text, slots={"programme": "labour_rights_protector"})
    messages, _ = await run_action(QUESTION, tracker, domain)
    assert messages[0]["text"].startswith("천만에요!") and "120" in texts(messages)

