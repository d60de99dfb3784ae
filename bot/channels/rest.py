"""The REST channel (``/webhooks/rest/webhook``), made safe for citizens' input and server faults.

Personal data in messages is masked before Rasa sees it (``bot.privacy``).

Rasa's own ``RestInput`` answers a malformed body with a 500 and a failed custom action (action
server or database down) with silence. This channel keeps the same route and JSON, but answers bad
input with a 400 and a clear message, and an empty reply with the domain's ``utter_service_trouble``
(which points to 120) — or, when the conversation is paused for a person, that the message reached them. A sender over
the per-minute limit (``bot.ratelimit``) gets a 429 with the domain's ``utter_rate_limited``.
"""
from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from sqlalchemy.exc import SQLAlchemyError

from bot import speedups
from bot.channels.database_watch import database_watch, outbox
from bot.domain_text import domain_text
from bot.handoff import delivered_response, install_answers_while_waiting
from bot.privacy import mask_personal_data
from bot.ratelimit import RateLimiter, limiter_from_env, rate_limited_text

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InputError(ValueError):
    """The request cannot be understood; the message is shown to the client."""


def parse_request(body: bytes) -> Dict[str, Any]:
    """The checked ``sender``, ``message`` and ``metadata`` of a REST body, or :class:`InputError`."""
    if len(body) > MAX_BODY_BYTES:
        raise InputError(f"요청이 너무 커요 (최대 {MAX_BODY_BYTES // 1024} KB). / Request body too large.")
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError("JSON 형식이 올바르지 않아요. / The body must be JSON.") from None
    if not isinstance(data, dict):
        raise InputError('{"sender": "...", "message": "..."} 형식으로 보내 주세요. / Expected a JSON object.')
    sender, message = data.get("sender"), data.get("message")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS or _CONTROL.search(sender):
        raise InputError(f"sender는 {MAX_SENDER_CHARS}자 이하의 문자열이어야 해요. / 'sender' must be a short string.")
    if not isinstance(message, str):
        raise InputError("message는 문자열이어야 해요. / 'message' must be a string.")
    message = mask_personal_data(_CONTROL.sub(" ", message).strip())
    if not message:
        raise InputError("메시지가 비어 있어요. / 'message' is empty.")
    if len(message) > MAX_MESSAGE_CHARS:
        raise InputError(f"메시지는 {MAX_MESSAGE_CHARS}자까지 보낼 수 있어요. / 'message' is too long.")
    metadata = data.get("metadata")
    return {"sender": sender.strip(), "message": message, "metadata": metadata if isinstance(metadata, dict) else None}


async def reply_or_trouble(request: Request, sender: str, messages: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The collected replies; when there are none, that the message reached staff (paused conversation) or the
    trouble message."""
    if messages:
        return messages
    agent = getattr(request.app.ctx, "agent", None)
    if agent is None:
        return messages
    response = "utter_service_trouble"
    try:
        tracker = await agent.tracker_store.retrieve(sender)
        if tracker is not None and tracker.is_paused():
            response = delivered_response(tracker)  # a person answers; say the message reached them
    except Exception:  # the tracker store itself may be what failed
        logger.exception("could not read the tracker of %s", sender)
    return [{"recipient_id": sender, "text": domain_text(agent, response)}]


async def staff_replies_for(sender: str) -> List[Dict[str, Any]]:
    """Replies staff wrote in the console since the citizen's last message (REST cannot push)."""
    try:
        messages = await asyncio.to_thread(outbox().deliver, sender)
    except SQLAlchemyError:
        logger.exception("staff outbox unavailable for %s", sender)
        return []
    return [{"recipient_id": sender, "text": message.text, "metadata": {"staff": True}} for message in messages]


class CitizenRestInput(RestInput):
    """Same route and JSON as Rasa's REST channel; 400 for bad input; never silent on faults."""

    rate_limiter: Optional[RateLimiter] = None  # None: RATE_LIMIT_PER_MINUTE from the environment

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)
        limiter = self.rate_limiter or limiter_from_env()
        speedups.install()  # Rasa builds the channels once at start-up: the place to fix its per-message path
        install_answers_while_waiting(outbox())  # (questions asked while a handoff waits are still answered)

        @webhook.listener("after_server_start")
        async def settle_memory(app: Any, loop: Any) -> None:
            speedups.freeze_startup_objects()

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                checked = parse_request(request.body or b"")
            except InputError as error:
                return response.json({"error": str(error)}, status=400)
            if not await limiter.allow(f"rest:{checked['sender']}"):
                text = rate_limited_text(getattr(request.app.ctx, "agent", None))
                return response.json([{"recipient_id": checked["sender"], "text": text}], status=429)
            waiting = await database_watch.staff_replies_waiting(checked["sender"])  # also: does the database answer
            if waiting is None:
                return response.json([{"recipient_id": checked["sender"], "text": domain_text(getattr(request.app.ctx, "agent", None), "utter_service_trouble")}])
            collector = CollectingOutputChannel()
            staff_replies = await staff_replies_for(checked["sender"]) if waiting else []
            try:
                await on_new_message(
                    UserMessage(
                        checked["message"],
                        collector,
                        checked["sender"],
                        input_channel=self.name(),
                        metadata=checked["metadata"],
                    )
                )
            except Exception:
                logger.exception("message from %s could not be handled", checked["sender"])
            replies = await reply_or_trouble(request, checked["sender"], collector.messages)
            return response.json(staff_replies + replies)

        return webhook
