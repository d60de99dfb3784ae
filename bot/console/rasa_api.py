"""The console's client for Rasa's HTTP API (``rasa run --enable-api --auth-token …``).

- ``POST /model/parse``: what the assistant understands from a text (intent, confidence, entities)
- ``GET /conversations/{id}/tracker``: a conversation's events, for the transcript
- ``POST /conversations/{id}/tracker/events``: a staff reply as a ``bot`` event, ``resume`` on hand-back
- ``POST /webhooks/socketio/staff_message``: live delivery to a web-chat citizen (bot/web/rasa_channel.py)

Every failure (Rasa down, slow, wrong token, an error answer) is one exception, ``RasaUnavailable``, with a
reason the console can show; the token never appears in a log line or an error.
"""
from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import quote

import aiohttp

logger = logging.getLogger(__name__)

PARSE_TIMEOUT = 3.0  # seconds; the search page waits at most this long for the assistant's reading
TRACKER_TIMEOUT = 10.0
MAX_PARSE_CHARS = 1000  # longer texts are cut before they are sent to Rasa


class RasaUnavailable(Exception):
    """Rasa could not be reached or did not answer as expected."""

    def __init__(self, reason: str, status: Optional[int] = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Entity:
    entity: str
    value: str
    text: str
    extractor: str


@dataclass(frozen=True)
class Parse:
    intent: Optional[str]
    confidence: float
    entities: Tuple[Entity, ...]
    ranking: Tuple[Tuple[str, float], ...]


def parse_result(body: Any) -> Parse:
    """Rasa's /model/parse answer as a Parse; tolerant of missing fields."""
    if not isinstance(body, dict):
        raise RasaUnavailable("예상하지 못한 응답")
    intent = body.get("intent") if isinstance(body.get("intent"), dict) else {}
    text = body.get("text") if isinstance(body.get("text"), str) else ""
    entities = []
    for item in body.get("entities") or []:
        if not isinstance(item, dict):
            continue
        start, end = item.get("start"), item.get("end")
        surface = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
        entities.append(
            Entity(str(item.get("entity", "")), str(item.get("value", "")), surface, str(item.get("extractor", "")))
        )
    ranking = tuple(
        (str(r.get("name")), float(r.get("confidence") or 0.0))
        for r in (body.get("intent_ranking") or [])[:5]
        if isinstance(r, dict)
    )
    return Parse(
        intent=intent.get("name") if isinstance(intent.get("name"), str) else None,
        confidence=float(intent.get("confidence") or 0.0),
        entities=tuple(entities),
        ranking=ranking,
    )


def conversation_path(sender_id: str) -> str:
    """Rasa's route is ``/conversations/<conversation_id:path>/tracker`` and Sanic 21.12 does not decode
    path parameters, so only what cannot appear in a path is escaped: ids with spaces, ``%``, ``?``, ``#`` or
    non-ASCII letters cannot be reached through Rasa 3.6's HTTP API at all (the channels never make such ids
    except REST clients that choose them)."""
    return "/conversations/" + quote(sender_id, safe="/:@!$&'()*+,;=-._~") + "/tracker"


class RasaClient:
    def __init__(self, base_url: str, token: str = "", staff_channel_token: str = "") -> None:
        self.base_url = base_url.rstrip("/")
        self._token = token
        self._staff_channel_token = staff_channel_token
        self._session: Optional[aiohttp.ClientSession] = None

    @property
    def live_delivery_configured(self) -> bool:
        return bool(self._staff_channel_token)

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(headers={"Accept": "application/json"})
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def _call(
        self,
        method: str,
        path: str,
        timeout: float,
        payload: Any = None,
        headers: Optional[Dict[str, str]] = None,
        api: bool = True,
    ) -> Any:
        params = {"token": self._token} if api and self._token else None
        try:
            async with self._client().request(
                method,
                self.base_url + path,
                params=params,
                json=payload,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=timeout),
                allow_redirects=False,
            ) as answer:
                raw = await answer.read()
                if answer.status in (401, 403):
                    raise RasaUnavailable("API 토큰이 거부됨 (RASA_API_TOKEN 확인)", answer.status)
                if answer.status >= 400:
                    raise RasaUnavailable(f"HTTP {answer.status} 응답", answer.status)
                try:
                    return json.loads(raw.decode("utf-8")) if raw else None
                except ValueError as error:
                    raise RasaUnavailable("JSON이 아닌 응답", answer.status) from error
        except RasaUnavailable as error:
            logger.warning("Rasa %s %s: HTTP %s", method, path, error.status)
            raise
        except asyncio.TimeoutError as error:
            logger.warning("Rasa %s %s: no answer within %.1f s", method, path, timeout)
            raise RasaUnavailable(f"{timeout:.0f}초 안에 응답 없음") from error
        except (aiohttp.ClientError, OSError, ValueError) as error:
            logger.warning("Rasa %s %s: %s", method, path, type(error).__name__)
            raise RasaUnavailable("연결할 수 없음") from error

    async def parse(self, text: str) -> Parse:
        return parse_result(await self._call("POST", "/model/parse", PARSE_TIMEOUT, {"text": text[:MAX_PARSE_CHARS]}))

    async def tracker(self, sender_id: str) -> Dict[str, Any]:
        body = await self._call("GET", conversation_path(sender_id), TRACKER_TIMEOUT)
        if not isinstance(body, dict):
            raise RasaUnavailable("예상하지 못한 응답")
        return body

    async def append_events(self, sender_id: str, events: List[Dict[str, Any]]) -> Dict[str, Any]:
        body = await self._call("POST", conversation_path(sender_id) + "/events", TRACKER_TIMEOUT, events)
        return body if isinstance(body, dict) else {}

    async def push_to_socket(self, sender_id: str, text: str) -> int:
        """Sends ``text`` to a web-chat citizen now; returns how many of their sockets are connected."""
        if not self._staff_channel_token:
            raise RasaUnavailable("STAFF_CHANNEL_TOKEN이 설정되지 않음")
        body = await self._call(
            "POST",
            "/webhooks/socketio/staff_message",
            TRACKER_TIMEOUT,
            {"sender_id": sender_id, "text": text},
            headers={"X-Staff-Token": self._staff_channel_token},
            api=False,
        )
        connected = body.get("connected") if isinstance(body, dict) else None
        return connected if isinstance(connected, int) else 0
