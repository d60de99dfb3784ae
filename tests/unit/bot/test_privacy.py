"""Personal data is masked; ordinary questions (dates, ages, times, amounts) are left alone."""
from __future__ import annotations

import pytest

from bot.privacy import mask_personal_data


@pytest.mark.parametrize(
    "raw, masked",
    [
        ("제 주민번호는 900101-1234567 이에요", "제 주민번호는 [주민등록번호] 이에요"),
        ("주민번호 9001011234567", "주민번호 [주민등록번호]"),
        ("연락처 010-1234-5678로 주세요", "연락처 [전화번호]로 주세요"),
        ("01012345678 이요", "[전화번호] 이요"),
        ("+82 10 1234 5678", "[전화번호]"),
        ("사무실 02-123-4567", "사무실 [전화번호]"),
        ("메일은 hong.gildong@example.com", "메일은 [이메일]"),
        ("카드 1234-5678-9012-3456 결제", "카드 [카드번호] 결제"),
        ("계좌 110-123-456789로 보내래요", "계좌 [계좌번호]로 보내래요"),
    ],
)
def test_personal_data_is_masked(raw: str, masked: str) -> None:
    assert mask_personal_data(raw) == masked


@pytest.mark.parametrize(
    "text",
    ["2018-07-11에 신청했어요", "36살이에요", "오후 3시 반", "월급 2,500,000원 못 받았어요", "뉴딜일자리 18~39세", "120", ""],
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert mask_personal_data(text) == text
