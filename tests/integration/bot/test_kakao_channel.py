"""The KakaoTalk channel over real HTTP: Kakao-shaped skill requests in, skill responses out."""
from __future__ import annotations

import asyncio
import json
import logging
import re
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.run import create_http_input_channels
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ConversationPaused, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.kakao import (
    DELIVERED_TEXT,
    ERROR_TEXT,
    LONG_MESSAGE_NOTICE,
    TIMEOUT_TEXT,
    KakaoInput,
    utf16_len,
)
from tests.integration.bot.conftest import BOT_ID, SECRET, Server, kakao_body

HANGUL = re.compile("[가-힣]")
PAYLOAD = '/ask_hours{"programme": "youth_job_centre"}'


def assert_skill_response(body: Dict[str, Any]) -> None:
    assert body["version"] == "2.0"
    outputs = body["template"]["outputs"]
    assert 1 <= len(outputs) <= 3
    for output in outputs:
        if "simpleText" in output:
            assert 0 < utf16_len(output["simpleText"]["text"]) <= 1000
    replies = body["template"].get("quickReplies", [])
    assert len(replies) <= 10 and all(utf16_len(r["label"]) <= 14 for r in replies)


def assert_error(reply: Any, status: int) -> None:
    assert reply.status == status
    body = reply.json
    assert set(body) == {"error", "message"}
    assert HANGUL.search(body["message"]) and re.search("[A-Za-z]{4,}", body["message"])  # Korean and English
    assert b"Traceback" not in reply.raw


# ------------------------------------------------------------------------------------------------ happy path
def test_health(server: Server) -> None:
    reply = server.request("GET", "/webhooks/kakao/")
    assert reply.status == 200 and reply.json == {"status": "ok"}


def test_typed_text_is_answered_in_the_skill_response_format(server: Server) -> None:
    reply = server.post(kakao_body())
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("application/json")
    assert "받은 말씀".encode("utf-8") in reply.raw  # UTF-8, not \\u escapes (3 bytes a syllable, not 6)
    assert reply.json == {
        "version": "2.0",
        "template": {
            "outputs": [{"simpleText": {"text": "받은 말씀: 청년일자리센터 몇 시까지 해요?"}}],
            "quickReplies": [
                {"action": "message", "label": "운영시간", "messageText": "운영시간", "extra": {"payload": PAYLOAD}},
                {"action": "message", "label": "상담원 연결", "messageText": "상담원 연결", "extra": {"payload": "/request_human"}},
            ],
        },
    }
    [message] = server.agent.received
    assert message.sender_id.startswith("kakao:") and message.sender_id == "kakao:" + kakao_body()["userRequest"]["user"]["id"]
    assert message.input_channel == "kakao"
    assert isinstance(message.output_channel, CollectingOutputChannel)
    assert message.metadata["kakao"]["block_name"] == "폴백 블록"
    assert message.metadata["kakao"]["button_click"] is False
    assert "Xy12AbCdEfGh" not in json.dumps(message.metadata)  # plusfriendUserKey is not copied into the tracker


def test_a_quick_reply_click_sends_its_payload_to_rasa(server: Server) -> None:
    reply = server.post(kakao_body(utterance="운영시간", client_extra={"payload": PAYLOAD}))
    assert reply.status == 200
    [message] = server.agent.received
    assert message.text == PAYLOAD
    assert message.metadata["kakao"]["utterance"] == "운영시간" and message.metadata["kakao"]["button_click"] is True


def test_client_extra_without_a_payload_sends_the_utterance(server: Server) -> None:
    server.post(kakao_body(utterance="위치 알려줘", client_extra={"source": "menu"}))
    assert server.agent.received[0].text == "위치 알려줘"


def test_the_same_kakao_user_keeps_one_conversation(server: Server) -> None:
    server.post(kakao_body(utterance="안녕"))
    server.post(kakao_body(utterance="고마워"))
    assert len({m.sender_id for m in server.agent.received}) == 1


def test_a_paused_conversation_gets_the_neutral_delivered_text(server: Server) -> None:
    async def silent(message: UserMessage) -> None:
        return None

    server.agent.handler = silent
    reply = server.post(kakao_body())
    assert reply.status == 200 and reply.json["template"]["outputs"] == [{"simpleText": {"text": DELIVERED_TEXT}}]


async def _store_with(sender_id: str, paused: bool) -> InMemoryTrackerStore:
    store = InMemoryTrackerStore(Domain.empty())
    tracker = DialogueStateTracker(sender_id, slots=[])
    tracker.update(UserUttered("상담원 연결"))
    if paused:
        tracker.update(ConversationPaused())
    await store.save(tracker)
    return store


@pytest.mark.parametrize("paused, expected", [(True, DELIVERED_TEXT), (False, ERROR_TEXT)])
async def test_silence_is_delivered_only_in_a_paused_conversation(server: Server, paused: bool, expected: str) -> None:
    """Rasa also says nothing when an action failed (e.g. the action server is down): not "delivered"."""

    async def silent(message: UserMessage) -> None:
        return None

    server.agent.handler = silent
    server.agent.tracker_store = await _store_with("kakao:" + kakao_body()["userRequest"]["user"]["id"], paused)
    reply = await asyncio.to_thread(server.post, kakao_body())
    assert reply.status == 200 and reply.json["template"]["outputs"] == [{"simpleText": {"text": expected}}]


def test_a_long_utterance_is_cut_politely(server: Server) -> None:
    reply = server.post(kakao_body(utterance="월급을 못 받았어요. " * 300))
    assert reply.status == 200
    assert len(server.agent.received[0].text) <= 1000
    assert LONG_MESSAGE_NOTICE in json.dumps(reply.json, ensure_ascii=False)


def test_control_characters_are_stripped_before_rasa(server: Server) -> None:
    server.post(kakao_body(utterance="월급\x00을\x1b 못\u0007 받았어요\r\n"))
    assert server.agent.received[0].text == "월급을 못 받았어요"


# ------------------------------------------------------------------------------------------------ authentication
def test_missing_secret_is_401(server: Server) -> None:
    assert_error(server.post(kakao_body(), headers={"X-Skill-Secret": None}), 401)
    assert_error(server.post(kakao_body(), headers={"X-Skill-Secret": ""}), 401)
    assert not server.agent.received


def test_wrong_secret_is_403(server: Server) -> None:
    for wrong in ("wrong", SECRET + "x", SECRET[:-1], SECRET.upper(), "ÿ" * 40):
        assert_error(server.post(kakao_body(), headers={"X-Skill-Secret": wrong}), 403)
    assert not server.agent.received


def test_the_header_name_is_case_insensitive(server: Server) -> None:
    assert server.post(kakao_body(), headers={"X-Skill-Secret": None, "x-skill-secret": SECRET}).status == 200


def test_wrong_or_missing_bot_id_is_403(server: Server) -> None:
    assert_error(server.post(kakao_body(bot_id="another-bot")), 403)
    body = kakao_body()
    del body["bot"]
    assert_error(server.post(body), 403)
    assert_error(server.post(kakao_body(bot_id=12345)), 403)
    assert not server.agent.received


def test_without_a_configured_bot_id_any_bot_is_accepted(make_server) -> None:
    server = make_server(bot_id=None)
    assert server.post(kakao_body(bot_id="whatever")).status == 200


def test_a_custom_secret_header(make_server) -> None:
    server = make_server(secret_header="X-Kakao-Token")
    assert server.post(kakao_body(), headers={"X-Skill-Secret": None, "X-Kakao-Token": SECRET}).status == 200
    assert server.post(kakao_body()).status == 401


def test_without_a_configured_secret_every_request_is_refused(make_server, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.channels.kakao"):
        server = make_server(skill_secret="")
    warnings = [r for r in caplog.records if "skill_secret" in r.getMessage()]
    assert len(warnings) == 1
    for headers in ({}, {"X-Skill-Secret": ""}, {"X-Skill-Secret": "anything"}, {"X-Skill-Secret": "None"}):
        assert_error(server.post(kakao_body(), headers=headers), 403)
    assert not server.agent.received
    health = server.request("GET", "/webhooks/kakao/")
    assert health.status == 503 and health.json == {"status": "not_configured"}


# ------------------------------------------------------------------------------------------------ bad requests
@pytest.mark.parametrize("body", [b"{not json", b"", b"\xff\xfe\x00garbage", b'{"userRequest": ', "[" * 30000 + "]" * 30000])
def test_malformed_json_is_400(server: Server, body: Any) -> None:
    assert_error(server.post(body), 400)


@pytest.mark.parametrize("body", ["[]", '"안녕"', "null", "42", "true"])
def test_a_body_that_is_not_an_object_is_400(server: Server, body: str) -> None:
    assert_error(server.post(body), 400)


@pytest.mark.parametrize(
    "body",
    [
        kakao_body(utterance=None),
        kakao_body(utterance=""),
        kakao_body(utterance="   "),
        kakao_body(utterance=123),
        kakao_body(utterance={"text": "안녕"}),
        {k: v for k, v in kakao_body().items() if k != "userRequest"},
    ],
)
def test_missing_or_wrong_utterance_is_400(server: Server, body: Dict[str, Any]) -> None:
    reply = server.post(body)
    assert_error(reply, 400)
    assert reply.json["error"] == "invalid_utterance"


@pytest.mark.parametrize("user_id", [None, "", 42, ["a"], "x" * 1000])
def test_missing_or_wrong_user_id_is_400(server: Server, user_id: Any) -> None:
    reply = server.post(kakao_body(user_id=user_id))
    assert_error(reply, 400)
    assert reply.json["error"] == "invalid_user"


def test_a_100_kb_body_is_refused(server: Server) -> None:
    body = kakao_body(utterance="가" * 40_000)  # ≈ 120 KB of UTF-8
    assert_error(server.post(body), 413)
    assert not server.agent.received


def test_a_100_kb_chunked_body_is_refused_while_streaming(server: Server) -> None:
    chunks: Iterator[bytes] = iter([b'{"userRequest": {"utterance": "'] + [b"a" * 10_000] * 10 + [b'"}}'])
    assert_error(server.post(chunks), 413)
    assert not server.agent.received


# ------------------------------------------------------------------------------------------------ time budget
def test_a_slow_answer_gets_the_polite_timeout_text_and_still_finishes(make_server) -> None:
    server = make_server(reply_budget_seconds=0.3)

    async def slow(message: UserMessage) -> None:
        await asyncio.sleep(1.2)
        await message.output_channel.send_text_message(message.sender_id, "늦은 답변")

    server.agent.handler = slow
    reply = server.post(kakao_body())
    assert reply.status == 200
    assert reply.json == {"version": "2.0", "template": {"outputs": [{"simpleText": {"text": TIMEOUT_TEXT}}]}}
    assert reply.seconds < 0.3 + 0.5  # answered within the budget (plus HTTP overhead), not after 1.2 s
    assert not server.agent.finished  # … while the message was still being processed
    assert server.agent.done.wait(5)  # and processing ran to the end afterwards: no state lost
    assert server.agent.finished == [server.agent.received[0].sender_id]


def test_a_failing_answer_is_a_polite_200_without_details(server: Server, caplog: pytest.LogCaptureFixture) -> None:
    async def broken(message: UserMessage) -> None:
        raise RuntimeError("database password is hunter2")

    server.agent.handler = broken
    with caplog.at_level(logging.ERROR, logger="bot.channels.kakao"):
        reply = server.post(kakao_body())
    assert reply.status == 200
    assert reply.json == {"version": "2.0", "template": {"outputs": [{"simpleText": {"text": ERROR_TEXT}}]}}
    assert b"hunter2" not in reply.raw and b"RuntimeError" not in reply.raw
    assert any(r.exc_info for r in caplog.records)  # logged with its traceback, server side only


def test_a_cancelled_answer_is_a_polite_200(server: Server) -> None:
    async def cancelled(message: UserMessage) -> None:
        raise asyncio.CancelledError()

    server.agent.handler = cancelled
    reply = server.post(kakao_body())
    assert reply.status == 200 and reply.json["template"]["outputs"][0]["simpleText"]["text"] == ERROR_TEXT


def test_the_channel_is_what_rasa_loads_from_credentials(tmp_path: Path) -> None:
    path = tmp_path / "credentials.yml"
    path.write_text(
        "bot.channels.kakao.KakaoInput:\n  bot_id: abc\n  skill_secret: s3cret-value-long-enough\n"
        "  secret_header: X-Skill-Secret\n  reply_budget_seconds: 3.5\n",
        encoding="utf-8",
    )
    [channel] = create_http_input_channels(None, str(path))
    assert isinstance(channel, KakaoInput) and channel.name() == "kakao" and channel.url_prefix() == "kakao"
    assert (channel.bot_id, channel.skill_secret, channel.reply_budget_seconds) == ("abc", "s3cret-value-long-enough", 3.5)


# ------------------------------------------------------------------------------------------------ fuzzing
INJECTIONS = [
    "'; DROP TABLE events; --",
    '" OR 1=1 --',
    "<script>alert(1)</script>",
    "{{7*7}}${7*7}",
    "${jndi:ldap://x/a}",
    "/restart",
    '/request_human{"x": ',
    "/session_start",
    "../../etc/passwd",
    "\u202e\u0000\u001b[2J",
    "\ud800",
    "\udfff",
    "👨\u200d👩\u200d👧\u200d👦🇰🇷",
    "ﷺ" * 50,
    "가" * 1500,
    "\n" * 20,
    "null",
    "__proto__",
]
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
nasty_text = st.sampled_from(INJECTIONS) | st.text(
    st.characters(min_codepoint=0, max_codepoint=0x1FAFF, exclude_categories=["Cs"]), max_size=60
)
field_value = nasty_text | json_values


@st.composite
def kakao_shaped(draw: Any) -> bytes:
    """A documented skill request with nasty values; now and then wrong types, missing parts or a cut end."""

    def sometimes(percent: int) -> bool:
        return draw(st.integers(0, 99)) < percent

    body = kakao_body(
        utterance=draw(json_values if sometimes(15) else nasty_text),
        user_id=draw(field_value if sometimes(10) else st.just("u-1") | st.text(min_size=1, max_size=30)),
        client_extra=draw(json_values | st.fixed_dictionaries({"payload": field_value}) | nasty_text),
        bot_id=draw(field_value) if sometimes(10) else BOT_ID,
    )
    if sometimes(10):
        for path in draw(st.lists(st.sampled_from(["intent", "userRequest", "bot", "action", "contexts"]), max_size=2)):
            if draw(st.booleans()):
                body.pop(path, None)
            else:
                body[path] = draw(json_values)
    text = json.dumps(body, ensure_ascii=draw(st.booleans()), allow_nan=True)
    if sometimes(10):
        text = text[: draw(st.integers(0, len(text)))]
    return text.encode("utf-8", "surrogatepass")


bodies = st.one_of(
    kakao_shaped(),
    kakao_shaped(),
    kakao_shaped(),
    st.binary(max_size=2000),
    json_values.map(lambda v: json.dumps(v).encode()),
    nasty_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def test_no_generated_body_ever_gets_a_5xx(shared_server: Server) -> None:
    sent = {"count": 0, "ok": 0}

    @settings(max_examples=1000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(body=bodies)
    def check(body: bytes) -> None:
        reply = shared_server.post(body)
        sent["count"] += 1
        assert reply.status < 500, reply.raw[:300]
        assert b"Traceback" not in reply.raw
        decoded = reply.json
        if reply.status == 200:
            sent["ok"] += 1
            assert_skill_response(decoded)
        else:
            assert reply.status in (400, 403, 413) and decoded["error"] and decoded["message"]

    check()
    assert sent["count"] >= 1000
    assert sent["ok"] > 100  # plenty of the well-formed ones really reached the bot


def test_no_generated_secret_header_gets_in_or_a_5xx(shared_server: Server) -> None:
    header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=80)

    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(secret=header_text)
    def check(secret: str) -> None:
        reply = shared_server.post(kakao_body(), headers={"X-Skill-Secret": secret})
        seen = secret.strip(" \t")  # HTTP optional whitespace around a field value is not part of it
        expected = 200 if seen == SECRET else (401 if not seen else 403)
        assert reply.status == expected

    check()


def test_a_user_over_the_rate_limit_gets_a_polite_text_and_rasa_is_not_asked() -> None:
    from bot.ratelimit import FALLBACK_TEXT, RateLimiter
    from tests.integration.bot.conftest import serve

    runner, server = serve(KakaoInput(bot_id=BOT_ID, skill_secret=SECRET, rate_limiter=RateLimiter(2)))
    try:
        replies = [server.post(kakao_body(utterance=f"질문 {n}")) for n in range(3)]
        other = server.post(kakao_body(utterance="다른 사람", user_id="another-user-key"))
    finally:
        runner.stop()
    assert [r.status for r in replies] == [200, 200, 200]  # Kakao shows a skill's text only from a 200
    assert replies[2].json["template"]["outputs"] == [{"simpleText": {"text": FALLBACK_TEXT}}]  # no domain: fake agent
    assert [m.text for m in server.agent.received] == ["질문 0", "질문 1", "다른 사람"]
    assert other.json["template"]["outputs"][0]["simpleText"]["text"] == "받은 말씀: 다른 사람"
