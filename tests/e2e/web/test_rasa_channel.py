"""bot.web.rasa_channel: Rasa's socket.io channel with a session_request handler that really joins the room."""
from __future__ import annotations

import asyncio
from typing import Any, List

import pytest

from bot.web.rasa_channel import SocketIOInput, session_id_from


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"session_id": "0123456789abcdef0123456789abcdef"}, "0123456789abcdef0123456789abcdef"),
        ({"session_id": "e2e-user_42"}, "e2e-user_42"),
    ],
)
def test_a_sane_session_id_is_kept(data, expected):
    assert session_id_from(data) == expected


@pytest.mark.parametrize(
    "data",
    [None, {}, {"session_id": None}, {"session_id": ""}, {"session_id": "short"}, {"session_id": "x" * 65},
     {"session_id": "../../etc"}, {"session_id": {"$ne": 1}}, {"session_id": 12345678}, "a string", ["list"]],
)
def test_anything_else_gets_a_new_session_id(data):
    new_id = session_id_from(data)
    assert len(new_id) == 32 and int(new_id, 16) >= 0
    assert session_id_from(data) != new_id  # fresh each time


def _session_request_handler(channel: SocketIOInput, calls: List[Any], awaitable_enter_room: bool):
    async def on_new_message(message):  # pragma: no cover - not called here
        raise AssertionError("no user message expected")

    channel.blueprint(on_new_message)
    sio = channel.sio

    if awaitable_enter_room:
        async def enter_room(sid, room, namespace=None):
            calls.append(("enter_room", sid, room))
    else:
        def enter_room(sid, room, namespace=None):
            calls.append(("enter_room", sid, room))

    async def emit(event, data=None, room=None, namespace=None, **kwargs):
        calls.append(("emit", event, data, room))

    sio.enter_room = enter_room
    sio.emit = emit
    return sio.handlers["/"]["session_request"]


@pytest.mark.parametrize("awaitable_enter_room", [True, False], ids=["python-socketio>=5.10", "older"])
def test_session_request_joins_the_session_room_then_confirms(awaitable_enter_room):
    calls: List[Any] = []
    channel = SocketIOInput(session_persistence=True)
    handler = _session_request_handler(channel, calls, awaitable_enter_room)
    asyncio.run(handler("socket-1", {"session_id": "0123456789abcdef"}))
    assert calls == [
        ("enter_room", "socket-1", "0123456789abcdef"),
        ("emit", "session_confirm", "0123456789abcdef", "socket-1"),
    ]


def test_without_session_persistence_no_room_is_joined():
    calls: List[Any] = []
    channel = SocketIOInput(session_persistence=False)
    handler = _session_request_handler(channel, calls, awaitable_enter_room=True)
    asyncio.run(handler("socket-1", None))
    assert [call[0] for call in calls] == ["emit"]
    assert calls[0][1] == "session_confirm" and len(calls[0][2]) == 32


def test_credentials_can_name_the_channel():
    channel = SocketIOInput.from_credentials(
        {"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered", "session_persistence": True}
    )
    assert isinstance(channel, SocketIOInput) and channel.session_persistence is True
    assert channel.name() == "socketio"
