"""Rasa's socket.io input channel, fixed for python-socketio ≥ 5.10.

Rasa 3.6's ``SocketIOInput`` calls ``sio.enter_room(sid, session_id)`` without ``await``. Since
python-socketio 5.10 (a breaking change in its 2023-10-15 release) ``AsyncServer.enter_room`` is a coroutine, so
with ``session_persistence: true`` the socket never joins its session's room and no answer ever reaches the
browser (RasaHQ/rasa#13027; Rasa logs "coroutine 'AsyncServer.enter_room' was never awaited").

This subclass keeps everything of Rasa's channel and replaces only the ``session_request`` handler: it awaits
``enter_room`` when it is a coroutine (and still works with older python-socketio), and it accepts only a sane
session id from the browser (else it makes a new one). Use it in credentials.yml instead of ``socketio:``::

    bot.web.rasa_channel.SocketIOInput:
      user_message_evt: user_uttered
      bot_message_evt: bot_uttered
      session_persistence: true

The channel keeps the name ``socketio`` (URL /webhooks/socketio/, socket.io path /socket.io).

It also adds ``POST /webhooks/socketio/staff_message`` for the staff console: ``{"sender_id": ..., "text": ...}``
with the header ``X-Staff-Token`` equal to the environment variable ``STAFF_CHANNEL_TOKEN`` (compared in constant
time; refused while the variable is unset) emits ``bot_uttered`` ``{"text": ...}`` to the citizen's room (the
session id, which is the sender id). The answer says how many of the citizen's sockets are connected to *this*
Rasa process (several Rasa processes need a socket.io message queue to reach each other's sockets).
"""
from __future__ import annotations

import hmac
import json
import inspect
import logging
import os
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from rasa.core.channels.socketio import SocketIOOutput
from sanic import Blueprint, Request, Sanic, response
from sanic.response import HTTPResponse

from bot.channels.database_watch import DatabaseWatch, database_watch
from bot.channels.rest import InputError, parse_request
from bot.domain_text import domain_text
from bot.privacy import mask_personal_data
from bot.ratelimit import RateLimiter, limiter_from_env, rate_limited_text

logger = logging.getLogger(__name__)

# What the web widget sends (32 hex characters), with room for other clients' UUIDs; nothing else.
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
STAFF_TOKEN_ENV = "STAFF_CHANNEL_TOKEN"
STAFF_TOKEN_HEADER = "X-Staff-Token"
MAX_STAFF_TEXT_CHARS = 4000


def staff_token_matches(given: Optional[str], expected: Optional[str]) -> bool:
    """Constant-time check of the staff header; always False while no token is configured (fail closed)."""
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


def session_id_from(data: Any) -> str:
    """The session id the client asked for, or a new one if it sent none or something unusable."""
    requested = data.get("session_id") if isinstance(data, dict) else None
    if isinstance(requested, str) and SESSION_ID.match(requested):
        return requested
    if requested is not None:
        logger.warning("session_request with an unusable session id; starting a new session")
    return uuid.uuid4().hex


def _running_agent() -> Any:
    """The agent `rasa run` put on its Sanic app (for the domain's texts); None outside `rasa run`."""
    try:
        return Sanic.get_app().ctx.agent
    except Exception:  # no app, several apps, or no agent yet
        return None


def masking(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    limiter: Optional[RateLimiter] = None,
    database: Optional[DatabaseWatch] = None,
) -> Callable[[UserMessage], Awaitable[Any]]:
    """``on_new_message`` that masks personal data in the citizen's text before Rasa sees it, and answers a
    session over the per-minute limit with the domain's ``utter_rate_limited`` (or, while the database is away,
    ``utter_service_trouble``) instead of running the message."""

    async def masked(message: UserMessage) -> Any:
        if limiter is not None and not await limiter.allow(f"web:{message.sender_id}"):
            await message.output_channel.send_text_message(message.sender_id, rate_limited_text(_running_agent()))
            return None
        if database is not None and not await database.available():  # see bot/channels/database_watch.py
            text = domain_text(_running_agent(), "utter_service_trouble")
            if text:
                await message.output_channel.send_text_message(message.sender_id, text)
                return None
        if message.text:
            message.text = mask_personal_data(message.text)
        return await on_new_message(message)

    return masked


def share_rooms_across_replicas(sio: Any, environ: Optional[Dict[str, str]] = None) -> bool:
    """With several Rasa replicas (``LOCK_STORE_TYPE=redis``), emits go through Redis pub/sub, so a staff reply
    posted to any replica reaches the citizen's socket on whichever replica holds it. Must run before the first
    connection (socket.io initialises its manager then)."""
    environ = dict(os.environ) if environ is None else environ
    if environ.get("LOCK_STORE_TYPE", "").strip() != "redis":
        return False
    from socketio import AsyncRedisManager

    host = environ.get("REDIS_HOST", "").strip() or "127.0.0.1"
    port = environ.get("REDIS_PORT", "").strip() or "6379"
    db = environ.get("REDIS_DB", "").strip() or "0"
    manager = AsyncRedisManager(f"redis://{host}:{port}/{db}", channel="seoul-assistant-socketio")
    manager.set_server(sio)
    sio.manager = manager
    logger.info("socket.io rooms shared across replicas through Redis %s:%s/%s", host, port, db)
    return True


class SocketIOInput(RasaSocketIOInput):
    """Rasa's socket.io channel with a session_request handler that joins the session's room."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handle = masking(on_new_message, limiter_from_env(), database_watch)
        socketio_webhook = super().blueprint(handle)
        sio = self.sio
        if sio is None:  # the parent's blueprint() sets it
            raise RuntimeError("Rasa's SocketIOInput.blueprint() did not create a socket.io server")
        share_rooms_across_replicas(sio)

        async def user_message(sid: str, data: Optional[Any] = None) -> None:
            """Rasa's handler trusts the payload (a list, a number or a bad session id raise inside it); this one
            checks it like the REST channel does and drops what no widget sends, with a log line."""
            if not isinstance(data, dict):
                logger.warning("socket.io message that is not an object dropped")
                return
            session_id = data.get("session_id") if self.session_persistence else sid
            if not isinstance(session_id, str) or not SESSION_ID.match(session_id):
                logger.warning("socket.io message without a usable session id dropped")
                return
            try:
                checked = parse_request(json.dumps({"sender": session_id, "message": data.get("message")}).encode())
            except InputError as error:
                logger.info("socket.io message refused: %s", error)
                text = domain_text(_running_agent(), "utter_message_unreadable")
                if text:
                    await sio.emit(self.bot_message_evt, {"text": text}, room=session_id, namespace=self.namespace)
                return
            metadata = data.get(self.metadata_key)
            output = SocketIOOutput(sio, self.bot_message_evt)
            await handle(
                UserMessage(
                    checked["message"], output, session_id, input_channel=self.name(),
                    metadata=metadata if isinstance(metadata, dict) else None,
                )
            )

        # Replaces the handler the parent registered for the same event and namespace.
        sio.on(self.user_message_evt, namespace=self.namespace)(user_message)

        async def session_request(sid: str, data: Optional[Any] = None) -> None:
            session_id = session_id_from(data)
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
            logger.debug("socket %s joined session %s", sid, session_id)

        # Replaces the handler the parent registered for the same event and namespace.
        sio.on("session_request", namespace=self.namespace)(session_request)

        @socketio_webhook.route("/staff_message", methods=["POST"])
        async def staff_message(request: Request) -> HTTPResponse:
            if not staff_token_matches(request.headers.get(STAFF_TOKEN_HEADER), os.environ.get(STAFF_TOKEN_ENV)):
                logger.warning("staff_message refused: missing or wrong %s", STAFF_TOKEN_HEADER)
                return response.json({"error": "forbidden"}, status=403)
            try:
                body = request.json
            except Exception:  # Sanic raises InvalidUsage for a body that is not JSON
                body = None
            sender_id = body.get("sender_id") if isinstance(body, dict) else None
            text = body.get("text") if isinstance(body, dict) else None
            if not isinstance(sender_id, str) or not SESSION_ID.match(sender_id):
                return response.json({"error": "sender_id must be a web-chat session id"}, status=400)
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_STAFF_TEXT_CHARS:
                return response.json({"error": f"text must be 1-{MAX_STAFF_TEXT_CHARS} characters"}, status=400)
            await sio.emit(self.bot_message_evt, {"text": text}, room=sender_id, namespace=self.namespace)
            try:
                connected = sum(1 for _ in sio.manager.get_participants(self.namespace or "/", sender_id))
            except Exception:  # an internal of python-socketio; the emit itself has happened
                connected = 0
            logger.info("staff message emitted to session %s (%d socket(s) here)", sender_id, connected)
            return response.json({"status": "sent", "connected": connected})

        return socketio_webhook
