"""Masking of personal data citizens type, before it reaches Rasa's tracker store, the handoff queue or logs.

The channels call :func:`mask_personal_data` on every incoming message, so nothing downstream ever
sees the raw values. Patterns are deliberately broad: a masked date is a smaller harm than a stored
resident registration number.
"""
from __future__ import annotations

import re
from typing import List, Tuple

# (label shown in place of the value, pattern); order matters: the most specific first
_PATTERNS: List[Tuple[str, "re.Pattern[str]"]] = [
    ("[주민등록번호]", re.compile(r"(?<!\d)\d{6}\s?-?\s?[1-8]\d{6}(?!\d)")),
    ("[카드번호]", re.compile(r"(?<!\d)\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{3,4}(?!\d)")),
    ("[전화번호]", re.compile(r"(?<!\d)(?:\+?82[\s-]?)?0?1[016789][\s.-]?\d{3,4}[\s.-]?\d{4}(?!\d)")),
    ("[전화번호]", re.compile(r"(?<!\d)0(?:2|[3-6][1-5])[\s.-]?\d{3,4}[\s.-]?\d{4}(?!\d)")),
    ("[이메일]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
]
# bank account numbers: digit groups joined by dashes, 10–16 digits in all
_ACCOUNT = re.compile(r"(?<![\d-])\d{2,6}(?:-\d{2,8}){1,3}(?![\d-])")


def _mask_account(match: "re.Match[str]") -> str:
    digits = sum(ch.isdigit() for ch in match.group())
    return "[계좌번호]" if 10 <= digits <= 16 else match.group()


def mask_personal_data(text: str) -> str:
    """``text`` with resident registration, card, phone, e-mail and account numbers replaced."""
    if not text:
        return text
    for label, pattern in _PATTERNS:
        text = pattern.sub(label, text)
    return _ACCOUNT.sub(_mask_account, text)



