"""What the REST channel accepts, and the clear 400s for what it does not."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.rest import MAX_BODY_BYTES, InputError, parse_request


def body(**fields) -> bytes:
    return json.dumps(fields).encode()


def test_a_normal_message_passes_with_control_characters_removed() -> None:
    checked = parse_request(body(sender="citizen", message="취업날개\x00 뭐예요?\x07"))
    assert checked == {"sender": "citizen", "message": "취업날개  뭐예요?", "metadata": None}


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "JSON"),
        (b"{not json", "JSON"),
        (b"\xff\xfe\x00binary", "JSON"),
        (b"[1, 2]", "object"),
        (body(message="안녕"), "sender"),
        (body(sender="", message="안녕"), "sender"),
        (body(sender={"a": 1}, message="안녕"), "sender"),
        (body(sender="x", message=None), "string"),
        (body(sender="x", message=123), "string"),
        (body(sender="x", message="   \x00 "), "empty"),
        (body(sender="x", message="가" * 3000), "long"),
        (b"{" + b" " * MAX_BODY_BYTES + b"}", "large"),
    ],
)
def test_bad_input_is_refused_with_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse_request(raw)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.binary(max_size=2048), st.text(max_size=2048).map(str.encode)))
def test_any_bytes_either_parse_or_raise_input_error(raw: bytes) -> None:
    try:
        checked = parse_request(raw)
    except InputError:
        return
    assert checked["message"] and checked["sender"]
