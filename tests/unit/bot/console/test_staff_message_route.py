"""POST /webhooks/socketio/staff_message on bot.web.rasa_channel.SocketIOInput, mounted the way `rasa run` does."""
from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any, Iterator, List

import pytest
from rasa.core.channels.channel import register
from sanic import Sanic

from bot.web.rasa_channel import SocketIOInput, staff_token_matches

from .conftest import Client, ServerThread

TOKEN = "staff-channel-secret-0123456789"
ROUTE = "/webhooks/socketio/staff_message"
SESSION = "0123456789abcdef0123456789abcdef"


class Channel:
    def __init__(self) -> None:
        self.emitted: List[Any] = []
        self.channel = SocketIOInput(session_persistence=True)
        Sanic.test_mode = True
        app = Sanic(f"socketio_test_{uuid.uuid4().hex[:12]}", configure_logging=False)
        app.ctx.agent = None  # no citizen messages in these tests
        register([self.channel], app, route="/webhooks/")
        sio = self.channel.sio

        async def emit(event, data=None, room=None, namespace=None, **kwargs):
            self.emitted.append((event, data, room, namespace))

        sio.emit = emit
        self.runner = ServerThread(app).start()
        self.client = Client(self.runner.port)

    def post(self, body: Any, token: Any = TOKEN) -> Any:
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["X-Staff-Token"] = token
        raw = body if isinstance(body, (bytes, str)) else json.dumps(body, ensure_ascii=False)
        return self.client.request("POST", ROUTE, raw, headers=headers)

    def join(self, room: str) -> None:
        """A socket in the citizen's room, as session_request leaves it."""
        manager = self.channel.sio.manager

        async def join() -> None:
            sid = await manager.connect("eio-1", "/")
            await manager.enter_room(sid, "/", room)

        asyncio.run_coroutine_threadsafe(join(), self.runner.loop).result(5)


@pytest.fixture
def channel(monkeypatch: pytest.MonkeyPatch) -> Iterator[Channel]:
    monkeypatch.setenv("STAFF_CHANNEL_TOKEN", TOKEN)
    running = Channel()
    yield running
    running.runner.stop()


def test_a_staff_message_is_emitted_to_the_citizens_room(channel: Channel) -> None:
    reply = channel.post({"sender_id": SESSION, "text": "상담원 김민지입니다 😊"})
    assert reply.status == 200 and json.loads(reply.text) == {"status": "sent", "connected": 0}
    assert channel.emitted == [("bot_uttered", {"text": "상담원 김민지입니다 😊"}, SESSION, None)]
    channel.join(SESSION)
    assert json.loads(channel.post({"sender_id": SESSION, "text": "계세요?"}).text)["connected"] == 1


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN + "x", TOKEN[:-1], TOKEN.upper()])
def test_a_missing_or_wrong_token_is_refused(channel: Channel, token) -> None:
    assert channel.post({"sender_id": SESSION, "text": "x"}, token=token).status == 403
    assert channel.emitted == []


def test_it_fails_closed_when_no_token_is_configured(channel: Channel, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STAFF_CHANNEL_TOKEN")
    assert channel.post({"sender_id": SESSION, "text": "x"}).status == 403
    assert channel.post({"sender_id": SESSION, "text": "x"}, token="").status == 403
    monkeypatch.setenv("STAFF_CHANNEL_TOKEN", "")
    assert channel.post({"sender_id": SESSION, "text": "x"}, token="").status == 403
    assert channel.emitted == []


@pytest.mark.parametrize(
    "body",
    [
        b"not json", b"\xff\xfe", "[]", {"text": "x"}, {"sender_id": SESSION}, {"sender_id": SESSION, "text": ""},
        {"sender_id": SESSION, "text": "   "}, {"sender_id": SESSION, "text": 42}, {"sender_id": "../../x", "text": "x"},
        {"sender_id": "short", "text": "x"}, {"sender_id": ["a"], "text": "x"}, {"sender_id": SESSION, "text": "가" * 4001},
    ],
)
def test_bad_bodies_are_400(channel: Channel, body) -> None:
    assert channel.post(body).status == 400
    assert channel.emitted == []


def test_token_comparison() -> None:
    assert staff_token_matches("abc", "abc")
    assert not staff_token_matches("abc", None) and not staff_token_matches("abc", "")
    assert not staff_token_matches(None, "abc") and not staff_token_matches("", "")
    assert not staff_token_matches("abd", "abc") and not staff_token_matches("\udcff", "abc")


def test_the_other_routes_of_the_channel_still_work(channel: Channel) -> None:
    reply = channel.client.get("/webhooks/socketio/")
    assert reply.status == 200 and json.loads(reply.text) == {"status": "ok"}
