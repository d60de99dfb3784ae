"""The questions of one message: split where one question ends and another begins, never inside a story."""
from __future__ import annotations

import pytest

from knowledge.clauses import question_spans, questions


@pytest.mark.parametrize(
    "text, expected",
    [
        ("일요일도 여나요? 글고 거기 모의면접도 해줘요?", ["일요일도 여나요?", "거기 모의면접도 해줘요?"]),
        ("뉴딜은? 공공근로는 몇 살까지?", ["뉴딜은?", "공공근로는 몇 살까지?"]),  # each names its own topic
        ("일자리카페 몇개나 있고 이용료 따로 있어요?", ["일자리카페 몇개나 있고", "이용료 따로 있어요?"]),
        ("보호관은 몇명이고 옴부즈만은 구마다 몇명씩이에요", ["보호관은 몇명이고", "옴부즈만은 구마다 몇명씩이에요"]),
        ("한번에 며칠 빌려주는지랑 몇번까지 빌릴수 있는지 알려줘요", ["한번에 며칠 빌려주는지랑", "몇번까지 빌릴수 있는지 알려줘요"]),
        ("예약은 어케해요 그리고 화장도 해주나?", ["예약은 어케해요", "화장도 해주나?"]),
        ("일자리카페 몇시까지 하고 몇군데 있어요?", ["일자리카페 몇시까지 하고", "몇군데 있어요?"]),  # "하고" after a question word
        # a story stays with the question it leads to
        (
            "남편이 회사 그만두고 수입이 없어요. 55세고 서울 살아요. 공공근로 같은거 있나요? 하려면 뭐가 필요해요?",
            ["남편이 회사 그만두고 수입이 없어요. 55세고 서울 살아요. 공공근로 같은거 있나요?", "하려면 뭐가 필요해요?"],
        ),
    ],
)
def test_a_message_asking_several_things_is_split_into_its_questions(text: str, expected: list) -> None:
    assert questions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "35살이고 서울 사는 취준생인데 취업날개 되나요?",  # facts joined by "-고", one question
        "상담하면 돈들어요? 학생이라 돈없어요",  # a question, then a fact ("없어요" without a question mark tells)
        "공휴일엔? 쉬면 돈 안나옴?",  # a bare topic is what the question after it is about (pay on a holiday)
        "뉴딜 돼요? 되면?",  # too short to be a question of its own
        "신청하려고 하는데 어디로 가면 되나요?",
        "쉼터에서 몇시까지 하고 싶은데 되나요?",  # "하고 싶은데": a wish, not the end of a question
        "저 29살 관악구 사는데 뉴딜 돼요",
        "저희 성북구 참여자만 따로 몇명인지도 나와있나요",  # whether the report gives it: one question
        "",
    ],
)
def test_one_question_is_one_span_over_the_whole_text(text: str) -> None:
    assert question_spans(text) == [(0, len(text))]


def test_spans_index_the_text_as_typed() -> None:
    text = "  청년일자리센터 평일 몇시까지고   토욜은 몇시에 열어요?  "
    spans = question_spans(text)
    assert [text[start:end] for start, end in spans] == ["청년일자리센터 평일 몇시까지고", "토욜은 몇시에 열어요?"]
