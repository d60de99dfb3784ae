"""The web chat's socket.io endpoint under 1,000 generated payloads (hypothesis): it never stops answering.

Each example connects like the widget (session_request; long-polling, since the pinned aiohttp lacks what
python-socketio's websocket client needs), then emits 50 generated events: objects with wrong
types, huge or binary messages, control characters, injection strings, emoji, non-objects, unknown events.
After every example a normal message on a fresh session must still get the assistant's answer, the Rasa process
must still run, and its log must hold no traceback from our channel.
"""
from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import socketio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.conftest import Stack

INJECTIONS = ["<script>alert(1)</script>", "'; DROP TABLE events; --", "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd", "\u202e", "\x00"]
text = st.one_of(
    st.text(max_size=200), st.sampled_from(INJECTIONS), st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=50),
    st.just("가" * 100_000), st.just("😀" * 3000), st.just("취업날개가 뭐예요?"),
)
value = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), text, st.binary(max_size=200),
                  st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3))
message_object = st.fixed_dictionaries({}, optional={"message": value, "session_id": value, "metadata": value, "customData": value})
payload = st.one_of(message_object, value)
event = st.tuples(st.sampled_from(["user_uttered", "user_uttered", "session_request", "message", "nonsense"]), payload)


async def widget_round_trip(url: str, events) -> str:
    """Emits the generated events on one connection, then asks a real question on a fresh one; returns the answer."""
    client = socketio.AsyncClient(reconnection=False)
    await client.connect(url, transports=["polling"], socketio_path="/socket.io")
    try:
        await client.emit("session_request", {"session_id": uuid.uuid4().hex})
        for name, data in events:
            if name == "user_uttered" and isinstance(data, dict) and data.get("session_id") == "use-session":
                data = {**data, "session_id": uuid.uuid4().hex}
            await client.emit(name, data)
    finally:
        await client.disconnect()

    answer: asyncio.Future = asyncio.get_running_loop().create_future()
    probe = socketio.AsyncClient(reconnection=False)
    probe.on("bot_uttered", lambda data: answer.done() or answer.set_result(data))
    session = uuid.uuid4().hex
    await probe.connect(url, transports=["polling"], socketio_path="/socket.io")
    try:
        await probe.emit("session_request", {"session_id": session})
        await probe.emit("user_uttered", {"message": "취업날개가 뭐예요?", "session_id": session})
        data = await asyncio.wait_for(answer, timeout=60)
    finally:
        await probe.disconnect()
    return data.get("text") or ""


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(events=st.lists(event, min_size=50, max_size=50))
def test_socketio_survives_generated_payloads(stack: Stack, events) -> None:
    reply = asyncio.run(widget_round_trip(stack.rasa_url, events))
    assert "면접" in reply or "취업날개" in reply or "120" in reply  # answered (rate limit or not), politely
    assert stack.services[1].running()
    log = Path(stack.services[1].log_path).read_text(encoding="utf-8", errors="replace")
    assert "bot/web/rasa_channel.py" not in log, log[-3000:]  # no traceback through our handler
