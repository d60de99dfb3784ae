"""KakaoTalk channel: a Kakao i Open Builder skill server as a Rasa input channel.

Kakao POSTs a skill request (``userRequest.utterance``, ``userRequest.user.id``, ``bot.id``,
``action.clientExtra`` …) to ``/webhooks/kakao/webhook`` and shows whatever skill response JSON comes
back in the same HTTP response, if it arrives within 5 seconds. So this channel runs the message
through Rasa with a ``CollectingOutputChannel`` under a time budget and converts the collected
messages into a skill response that stays inside Kakao's documented limits (docs/kakao.md).

credentials.yml::

    bot.channels.kakao.KakaoInput:
      bot_id: ${KAKAO_BOT_ID}
      skill_secret: ${KAKAO_SKILL_SECRET}
      secret_header: X-Skill-Secret
      reply_budget_seconds: 3.5
"""
from __future__ import annotations

import asyncio
import hmac
import inspect
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Set, Text, Tuple
from urllib.parse import urlsplit

from sanic import Blueprint
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage

from bot.channels.database_watch import database_watch
from bot.domain_text import domain_text
from bot.handoff import delivered_response
from bot.privacy import mask_personal_data
from bot.ratelimit import RateLimiter, limiter_from_env, rate_limited_text

logger = logging.getLogger(__name__)

# ------------------------------------------------------------------------------------------------
# What the channel itself says. Every other sentence comes from domain.yml through Rasa (a failed answer says
# the domain's utter_service_trouble); these are the texts for when no domain is loaded or Rasa is still
# working when Kakao's time is up, and the errors shown to Kakao/operators.
TIMEOUT_TEXT = (
    "답변을 준비하는 데 시간이 걸리고 있어요. 잠시 후 다시 말씀해 주세요. "
    "급하시면 다산콜센터(국번 없이 120)로 전화해 주세요."
)
ERROR_TEXT = (
    "죄송해요, 지금은 답변을 드리지 못했어요. 잠시 후 다시 말씀해 주세요. "
    "급하시면 다산콜센터(국번 없이 120)로 전화해 주세요."
)
# Rasa answered nothing because the conversation is paused for a human agent (an empty answer in a
# conversation that is not paused, e.g. the action server is down, gets ERROR_TEXT instead).
DELIVERED_TEXT = "메시지를 전달했어요."
# Appended when the citizen's message was longer than MAX_UTTERANCE_CHARS.
LONG_MESSAGE_NOTICE = "말씀이 길어서 앞부분 1000자까지만 읽었어요."
# simpleImage requires an alt text.
IMAGE_ALT_TEXT = "안내 이미지"
# HTTP error bodies (read by Kakao's skill test screen and by operators), Korean / English.
ERROR_MESSAGES: Dict[str, str] = {
    "missing_secret": "인증 헤더가 없어요. / The authentication header is missing.",
    "forbidden": "인증에 실패했어요. / Authentication failed.",
    "too_large": "요청 본문이 너무 커요(최대 64KB). / The request body is too large (max 64 KB).",
    "invalid_json": "요청 본문이 올바른 JSON이 아니에요. / The request body is not valid JSON.",
    "not_an_object": "요청 본문은 JSON 객체여야 해요. / The request body must be a JSON object.",
    "invalid_utterance": (
        "userRequest.utterance는 비어 있지 않은 문자열이어야 해요. / "
        "userRequest.utterance must be a non-empty string."
    ),
    "invalid_user": (
        "userRequest.user.id는 비어 있지 않은 문자열이어야 해요. / "
        "userRequest.user.id must be a non-empty string."
    ),
}
# ------------------------------------------------------------------------------------------------

# Kakao skill response limits (NOTES.md; docs/kakao.md). Text lengths are counted in UTF-16 code
# units, which is never less than the number of characters, so an emoji cannot push us over.
MAX_OUTPUTS = 3
MAX_QUICK_REPLIES = 10
MAX_LABEL_CHARS = 14
MAX_SIMPLE_TEXT_CHARS = 1000
MAX_CARD_TITLE_CHARS = 50
MAX_CARD_DESCRIPTION_CHARS = 230
MAX_CARD_BUTTONS = 3
MAX_RESPONSE_BYTES = 30_000  # "30 KB"; bytes of the UTF-8 JSON we send
# Our own limits on what we accept and pass on.
MAX_REQUEST_BYTES = 64 * 1024
MAX_UTTERANCE_CHARS = 1000
MAX_USER_ID_CHARS = 256
MAX_PAYLOAD_CHARS = 2000  # a longer button payload is dropped, never cut (it would not parse)
MAX_MESSAGE_TEXT_CHARS = 1000  # what a quick reply "says" when tapped
MAX_URL_CHARS = 1000
MAX_METADATA_CHARS = 200

DEFAULT_SECRET_HEADER = "X-Skill-Secret"
DEFAULT_REPLY_BUDGET_SECONDS = 3.5
MAX_REPLY_BUDGET_SECONDS = 4.5  # Kakao gives up after 5 s, network included
ELLIPSIS = "…"
KAKAO_SENDER_PREFIX = "kakao:"

_TITLE_LINE = re.compile(r"^\[[^\[\]\n]{1,40}\]")
_CONTENT_TYPE = "application/json; charset=utf-8"


# ================================================================================================
# Text helpers


def clean_text(value: str, *, single_line: bool = False) -> str:
    """Drops control characters and lone surrogates; keeps newlines unless ``single_line``.

    Tabs become spaces, CR/CRLF and the Unicode line/paragraph separators become ``\\n``.
    Format characters (ZWJ, variation selectors) stay: emoji sequences need them.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    out = []
    for ch in value:
        if ch == "\n":
            out.append(" " if single_line else "\n")
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def utf16_len(text: str) -> int:
    """Length as JavaScript (and most chat platforms) count it."""
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)


def _continues_cluster(text: str, index: int) -> bool:
    """Would cutting ``text`` before ``index`` break a user-perceived character?"""
    ch = text[index]
    code = ord(ch)
    if ch in "\u200d\u20e3" or text[index - 1] == "\u200d":
        return True
    if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:
        return True  # variation selectors, skin tones, emoji tag sequences
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:
        return True  # conjoining Hangul vowels and final consonants
    if 0x1F1E6 <= code <= 0x1F1FF:  # regional indicators come in pairs (flags)
        run = 0
        while index - run - 1 >= 0 and 0x1F1E6 <= ord(text[index - run - 1]) <= 0x1F1FF:
            run += 1
        return run % 2 == 1
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def _cut_index(text: str, limit: int) -> int:
    """The largest index at which ``text[:index]`` fits ``limit`` UTF-16 units and ends a character."""
    used = 0
    index = 0
    for index, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            break
    else:
        return len(text)
    while 0 < index < len(text) and _continues_cluster(text, index):
        index -= 1
    return index


def fit(text: str, limit: int) -> str:
    """``text`` if it fits ``limit`` UTF-16 units, else cut and ended with "…" (total ≤ limit)."""
    if utf16_len(text) <= limit:
        return text
    return text[: _cut_index(text, limit - 1)].rstrip() + ELLIPSIS


def split_at_line(text: str, limit: int) -> Tuple[str, str]:
    """Splits ``text`` into a head of ≤ ``limit`` units, at the last line break that fits.

    Falls back to the last space, then to a hard cut, when no line break is in the window
    (or only one so early that the head would be a stub).
    """
    end = _cut_index(text, limit)
    if end >= len(text):
        return text, ""
    window = text[:end]
    minimum = max(1, end // 4)
    for separator in ("\n", " "):
        position = window.rfind(separator)
        if position >= minimum:
            return text[:position].rstrip(), text[position + 1 :].strip()
    if end == 0:  # a single character cluster longer than the limit: never expected
        end = 1
    return text[:end].rstrip(), text[end:].strip()


# ================================================================================================
# Rasa messages → Kakao skill response


@dataclass
class _Button:
    title: str
    payload: Optional[str]

    def as_kakao(self) -> Dict[str, Any]:
        extra: Dict[str, Any] = {"payload": self.payload} if self.payload else {}
        return {
            "action": "message",
            "label": fit(self.title, MAX_LABEL_CHARS),
            "messageText": fit(self.title, MAX_MESSAGE_TEXT_CHARS),
            "extra": extra,
        }


def _buttons(raw: Any) -> List[_Button]:
    """Rasa buttons with a title; link buttons (no payload, a url) cannot be quick replies."""
    buttons: List[_Button] = []
    if not isinstance(raw, list):
        return buttons
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            continue
        title = clean_text(item["title"], single_line=True).strip()
        payload = item.get("payload")
        if not title:
            continue
        if payload is None:
            if item.get("url") or item.get("type") == "web_url":
                logger.debug("kakao: link button %r skipped (not supported as a quick reply)", title)
                continue
        elif isinstance(payload, str):
            payload = clean_text(payload, single_line=True).strip() or None
            if payload is not None and len(payload) > MAX_PAYLOAD_CHARS:
                logger.warning("kakao: button %r dropped, payload longer than %d", title, MAX_PAYLOAD_CHARS)
                continue
        else:
            continue
        buttons.append(_Button(title, payload))
    return buttons


def _image_url(raw: Any) -> Optional[str]:
    if not isinstance(raw, str) or len(raw) > MAX_URL_CHARS:
        return None
    url = raw.strip()
    if not url or any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cs") for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _simple_text(text: str) -> Dict[str, Any]:
    return {"simpleText": {"text": text}}


def _text_card(text: str, buttons: List[_Button]) -> Optional[Dict[str, Any]]:
    """A "[이름] …" answer with 1–3 buttons whose text fits a textCard, else ``None``."""
    if not 1 <= len(buttons) <= MAX_CARD_BUTTONS:
        return None
    title, _, rest = text.partition("\n")
    title, description = title.strip(), rest.strip()
    if not _TITLE_LINE.match(title) or utf16_len(title) > MAX_CARD_TITLE_CHARS:
        return None
    if not description or utf16_len(description) > MAX_CARD_DESCRIPTION_CHARS:
        return None
    return {"textCard": {"title": title, "description": description, "buttons": [b.as_kakao() for b in buttons]}}


def _card_as_text(card: Dict[str, Any]) -> str:
    body = card["textCard"]
    return f"{body['title']}\n{body['description']}"


def _card_buttons(card: Dict[str, Any]) -> List[_Button]:
    return [_Button(b["messageText"], b["extra"].get("payload")) for b in card["textCard"]["buttons"]]


def encode(response: Dict[str, Any]) -> bytes:
    """The exact bytes we send: compact UTF-8 JSON (Korean is 3 bytes, not a 6-byte \\u escape)."""
    return json.dumps(response, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def text_response(text: str) -> Dict[str, Any]:
    return {"version": "2.0", "template": {"outputs": [_simple_text(text)]}}


def to_skill_response(messages: Iterable[Any], *, use_cards: bool = True) -> Dict[str, Any]:
    """Converts the messages a ``CollectingOutputChannel`` collected into a Kakao skill response.

    - 1–3 outputs, in order; once three are used, further texts are appended to the last
      simpleText (blank line between), further images are dropped.
    - simpleText ≤ 1000: split at a line break into a further output while fewer than three,
      else cut with "…".
    - A message with an http(s) ``image`` → simpleImage.
    - A "[이름] …" message with 1–3 buttons that fits → textCard with those buttons.
    - All other buttons → quickReplies (deduplicated, ≤ 10, label ≤ 14 with "…", the full title as
      ``messageText``, the Rasa payload in ``extra.payload`` so it comes back in ``clientExtra``).
    - The encoded JSON is ≤ 30 KB (quick replies dropped first, then trailing outputs).
    - Nothing to say → one simpleText "메시지를 전달했어요.".
    """
    outputs: List[Dict[str, Any]] = []
    quick: List[_Button] = []

    def merge_text(text: str) -> None:
        if len(outputs) < MAX_OUTPUTS:
            outputs.append(_simple_text(text))
            return
        index = next((i for i in range(len(outputs) - 1, -1, -1) if "simpleText" in outputs[i]), None)
        if index is None:  # three cards/images: the last one gives way to text
            last = outputs[-1]
            if "textCard" in last:
                quick.extend(_card_buttons(last))
                text = _card_as_text(last) + "\n\n" + text
            outputs[-1] = _simple_text(text)
            return
        body = outputs[index]["simpleText"]
        body["text"] = body["text"] + "\n\n" + text

    for message in messages:
        if not isinstance(message, dict):
            continue
        raw_text = message.get("text")
        text = clean_text(raw_text).strip() if isinstance(raw_text, str) else ""
        buttons = _buttons(message.get("buttons"))
        card = _text_card(text, buttons) if use_cards and text else None
        if card is not None and len(outputs) < MAX_OUTPUTS:
            outputs.append(card)
        else:
            if text:
                merge_text(text)
            quick.extend(buttons)
        image = _image_url(message.get("image"))
        if image is not None:
            if len(outputs) < MAX_OUTPUTS:
                outputs.append({"simpleImage": {"imageUrl": image, "altText": IMAGE_ALT_TEXT}})
            else:
                logger.info("kakao: image dropped, already %d outputs", MAX_OUTPUTS)

    # simpleText ≤ 1000: split into further outputs while there is room, else cut
    index = 0
    while index < len(outputs):
        body = outputs[index].get("simpleText")
        if body is not None and utf16_len(body["text"]) > MAX_SIMPLE_TEXT_CHARS:
            if len(outputs) < MAX_OUTPUTS:
                head, rest = split_at_line(body["text"], MAX_SIMPLE_TEXT_CHARS)
                body["text"] = head
                if rest:
                    outputs.insert(index + 1, _simple_text(rest))
            else:
                body["text"] = fit(body["text"], MAX_SIMPLE_TEXT_CHARS)
        index += 1

    if not outputs:
        outputs.append(_simple_text(DELIVERED_TEXT))

    template: Dict[str, Any] = {"outputs": outputs}
    replies: List[Dict[str, Any]] = []
    seen: Set[Tuple[str, Optional[str]]] = set()
    for button in quick:
        key = (button.title, button.payload)
        if key in seen:
            continue
        seen.add(key)
        replies.append(button.as_kakao())
        if len(replies) == MAX_QUICK_REPLIES:
            break
    if replies:
        template["quickReplies"] = replies
    return _fit_size({"version": "2.0", "template": template})


def _fit_size(response: Dict[str, Any]) -> Dict[str, Any]:
    """Keeps the encoded response ≤ 30 KB: drop quick replies from the end, then trailing outputs."""
    template = response["template"]
    if len(encode(response)) <= MAX_RESPONSE_BYTES:
        return response
    replies = template.get("quickReplies", [])
    while replies and len(encode(response)) > MAX_RESPONSE_BYTES:
        replies.pop()
    if not replies:
        template.pop("quickReplies", None)
    outputs = template["outputs"]
    while len(outputs) > 1 and len(encode(response)) > MAX_RESPONSE_BYTES:
        outputs.pop()
    while len(encode(response)) > MAX_RESPONSE_BYTES:  # one output alone too big: cannot happen with our caps
        only = outputs[0]
        if "simpleText" in only:
            text = only["simpleText"]["text"]
        elif "textCard" in only:
            text = _card_as_text(only)
        else:
            text = DELIVERED_TEXT
        outputs[0] = _simple_text(fit(text, max(2, utf16_len(text) // 2)))
    logger.warning("kakao: reply trimmed to fit %d bytes", MAX_RESPONSE_BYTES)
    return response


# ================================================================================================
# Kakao skill request → Rasa message


class BadRequest(ValueError):
    """A skill request we refuse (400); ``code`` keys ERROR_MESSAGES."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class KakaoRequest:
    sender_id: str
    text: str  # what Rasa gets: the button payload, else the utterance
    utterance: str
    payload: Optional[str] = None
    truncated: bool = False
    metadata: Dict[str, Any] = field(default_factory=dict)


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _short(value: Any) -> Optional[str]:
    if not isinstance(value, str):
        return None
    text = clean_text(value, single_line=True).strip()
    return fit(text, MAX_METADATA_CHARS) if text else None


def _client_payload(client_extra: Any) -> Optional[str]:
    """The Rasa payload a quick reply / card button put into ``extra`` (back as ``clientExtra``)."""
    if isinstance(client_extra, str):  # older skill versions send a JSON string (or "null")
        try:
            client_extra = json.loads(client_extra)
        except (ValueError, RecursionError):
            return None
    if not isinstance(client_extra, dict):
        return None
    payload = client_extra.get("payload")
    if not isinstance(payload, str):
        return None
    payload = clean_text(payload, single_line=True).strip()
    if not payload or len(payload) > MAX_PAYLOAD_CHARS:
        return None
    return payload


def parse_skill_request(data: Any) -> KakaoRequest:
    """Validates a decoded skill request; raises ``BadRequest`` with a code of ERROR_MESSAGES."""
    if not isinstance(data, dict):
        raise BadRequest("not_an_object")
    utterance = _get(data, "userRequest", "utterance")
    if not isinstance(utterance, str):
        raise BadRequest("invalid_utterance")
    utterance = mask_personal_data(clean_text(utterance).strip())
    if not utterance:
        raise BadRequest("invalid_utterance")
    user_id = _get(data, "userRequest", "user", "id")
    if not isinstance(user_id, str):
        raise BadRequest("invalid_user")
    user_id = clean_text(user_id, single_line=True).strip()
    if not user_id or len(user_id) > MAX_USER_ID_CHARS:
        raise BadRequest("invalid_user")

    truncated = len(utterance) > MAX_UTTERANCE_CHARS
    if truncated:
        utterance = utterance[: _cut_index(utterance, MAX_UTTERANCE_CHARS)].rstrip()
    payload = _client_payload(_get(data, "action", "clientExtra"))
    details = {
        "utterance": utterance,
        "button_click": payload is not None,
        "utterance_truncated": truncated,
        "user_type": _short(_get(data, "userRequest", "user", "type")),
        "block_id": _short(_get(data, "userRequest", "block", "id")),
        "block_name": _short(_get(data, "userRequest", "block", "name")),
        "intent_name": _short(_get(data, "intent", "name")),
        "bot_id": _short(_get(data, "bot", "id")),
        "timezone": _short(_get(data, "userRequest", "timezone")),
        "lang": _short(_get(data, "userRequest", "lang")),
    }
    return KakaoRequest(
        sender_id=KAKAO_SENDER_PREFIX + user_id,
        text=payload if payload is not None else utterance,
        utterance=utterance,
        payload=payload,
        truncated=truncated,
        metadata={"kakao": {k: v for k, v in details.items() if v is not None}},
    )


class _TooLarge(Exception):
    pass


async def _read_body(request: Request, limit: int) -> bytes:
    """Reads at most ``limit`` bytes of a streamed body; raises ``_TooLarge`` beyond that."""
    length = request.headers.get("content-length")
    if length is not None:
        try:
            if int(length) > limit:
                raise _TooLarge()
        except ValueError:
            pass
    if request.body or request.stream is None:  # a non-streaming mount: Sanic already read the body
        if len(request.body) > limit:
            raise _TooLarge()
        return request.body
    chunks: List[bytes] = []
    size = 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        size += len(chunk)
        if size > limit:
            raise _TooLarge()
        chunks.append(chunk)
    return b"".join(chunks)


def _json_response(body: Dict[str, Any], status: int = 200) -> HTTPResponse:
    return HTTPResponse(encode(body), status=status, content_type=_CONTENT_TYPE)


def _error(status: int, code: str) -> HTTPResponse:
    return _json_response({"error": code, "message": ERROR_MESSAGES[code]}, status)


def _config_str(value: Any) -> Optional[str]:
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def _budget(value: Any) -> float:
    if value is None or value == "":
        return DEFAULT_REPLY_BUDGET_SECONDS
    try:
        budget = float(value)
    except (TypeError, ValueError):
        logger.warning("kakao: reply_budget_seconds=%r is not a number, using %s", value, DEFAULT_REPLY_BUDGET_SECONDS)
        return DEFAULT_REPLY_BUDGET_SECONDS
    if not 0 < budget <= MAX_REPLY_BUDGET_SECONDS:  # also rejects NaN
        clamped = DEFAULT_REPLY_BUDGET_SECONDS if not budget > 0 else MAX_REPLY_BUDGET_SECONDS
        logger.warning(
            "kakao: reply_budget_seconds=%r outside (0, %s] (Kakao waits 5 s), using %s",
            value, MAX_REPLY_BUDGET_SECONDS, clamped,
        )
        return clamped
    return budget


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass"))


# ================================================================================================
# The channel


class KakaoInput(InputChannel):
    """Kakao i Open Builder skill server: POST /webhooks/kakao/webhook, GET /webhooks/kakao/."""

    @classmethod
    def name(cls) -> Text:
        return "kakao"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "KakaoInput":
        """Settings from credentials.yml; ``bot_id`` / ``skill_secret`` left out there are read from
        ``KAKAO_BOT_ID`` / ``KAKAO_SKILL_SECRET`` (so a credentials file without ``${…}`` still starts
        when those variables are unset — and then refuses every request)."""
        credentials = credentials or {}
        return cls(
            bot_id=credentials["bot_id"] if "bot_id" in credentials else os.environ.get("KAKAO_BOT_ID"),
            skill_secret=(
                credentials["skill_secret"] if "skill_secret" in credentials else os.environ.get("KAKAO_SKILL_SECRET")
            ),
            secret_header=credentials.get("secret_header"),
            reply_budget_seconds=credentials.get("reply_budget_seconds"),
        )

    def __init__(
        self,
        bot_id: Optional[Text] = None,
        skill_secret: Optional[Text] = None,
        secret_header: Optional[Text] = None,
        reply_budget_seconds: Optional[float] = None,
        rate_limiter: Optional[RateLimiter] = None,
    ) -> None:
        self.rate_limiter = rate_limiter  # None: RATE_LIMIT_PER_MINUTE from the environment, made in blueprint()
        self.bot_id = _config_str(bot_id)
        self.skill_secret = _config_str(skill_secret)
        self.secret_header = _config_str(secret_header) or DEFAULT_SECRET_HEADER
        self.reply_budget_seconds = _budget(reply_budget_seconds)
        # messages still being processed after their reply timed out (kept so they are not collected)
        self.background: Set["asyncio.Future[Any]"] = set()
        self._bot_id_logged = False

    # -- request checks
    def _authenticate(self, request: Request) -> Optional[HTTPResponse]:
        if self.skill_secret is None:
            return _error(403, "forbidden")  # fail closed: warned once in blueprint()
        given = (request.headers.get(self.secret_header) or "").strip(" \t")  # HTTP optional whitespace
        if not given:
            return _error(401, "missing_secret")
        if not _same(given, self.skill_secret):
            logger.warning("kakao: request with a wrong %s header refused", self.secret_header)
            return _error(403, "forbidden")
        return None

    def _check_bot(self, data: Dict[str, Any]) -> Optional[HTTPResponse]:
        if self.bot_id is None:
            if not self._bot_id_logged:  # helps setting KAKAO_BOT_ID (docs/kakao.md)
                self._bot_id_logged = True
                logger.warning(
                    "kakao: first request came from bot id %r; set KAKAO_BOT_ID to accept only it",
                    _short(_get(data, "bot", "id")),
                )
            return None
        bot_id = _get(data, "bot", "id")
        if not isinstance(bot_id, str) or not _same(bot_id, self.bot_id):
            logger.warning("kakao: request for another bot id refused")
            return _error(403, "forbidden")
        return None

    # -- processing
    async def _answer(
        self,
        request: KakaoRequest,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        deadline: float,
        agent: Any = None,
    ) -> Dict[str, Any]:
        loop = asyncio.get_running_loop()
        collector = CollectingOutputChannel()
        message = UserMessage(
            request.text, collector, request.sender_id, input_channel=self.name(), metadata=request.metadata
        )
        task = asyncio.ensure_future(on_new_message(message))
        self.background.add(task)
        task.add_done_callback(self.background.discard)
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout=max(0.01, deadline - loop.time()))
        except asyncio.TimeoutError:
            logger.warning(
                "kakao: no answer for %s within %.2f s; answered with the timeout text, still processing",
                request.sender_id, self.reply_budget_seconds,
            )
            task.add_done_callback(lambda t: _log_late(t, request.sender_id, collector))
            return text_response(TIMEOUT_TEXT)
        except asyncio.CancelledError:
            if not task.cancelled():
                raise  # our request itself was cancelled; the shielded task carries on
            logger.error("kakao: processing the message of %s was cancelled", request.sender_id)
            return text_response(domain_text(agent, "utter_service_trouble") or ERROR_TEXT)
        except Exception:
            logger.exception("kakao: processing the message of %s failed", request.sender_id)
            return text_response(domain_text(agent, "utter_service_trouble") or ERROR_TEXT)
        messages: List[Any] = list(collector.messages)
        if not messages:
            paused, tracker = await _paused_tracker(agent, request.sender_id, deadline - loop.time())
            if not paused:
                logger.error("kakao: Rasa said nothing to %s in a conversation that is not paused", request.sender_id)
                return text_response(domain_text(agent, "utter_service_trouble") or ERROR_TEXT)
            delivered = domain_text(agent, delivered_response(tracker))
            if delivered:
                messages = [{"text": delivered}]
        if request.truncated:
            messages.append({"text": LONG_MESSAGE_NOTICE})
        return to_skill_response(messages)

    async def _receive(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        deadline = asyncio.get_running_loop().time() + self.reply_budget_seconds
        refused = self._authenticate(request)
        if refused is not None:
            return refused
        try:
            body = await _read_body(request, MAX_REQUEST_BYTES)
        except _TooLarge:
            return _error(413, "too_large")
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):
            return _error(400, "invalid_json")
        if not isinstance(data, dict):
            return _error(400, "not_an_object")
        refused = self._check_bot(data)
        if refused is not None:
            return refused
        try:
            parsed = parse_skill_request(data)
        except BadRequest as error:
            return _error(400, error.code)
        if parsed.truncated:
            logger.info("kakao: utterance of %s cut to %d characters", parsed.sender_id, MAX_UTTERANCE_CHARS)
        agent = getattr(getattr(request.app, "ctx", None), "agent", None)  # set by `rasa run`
        if not await database_watch.available():  # Rasa would answer out of context: see database_watch.py
            return _json_response(text_response(domain_text(agent, "utter_service_trouble") or ERROR_TEXT))
        if self.rate_limiter is not None and not await self.rate_limiter.allow(f"kakao:{parsed.sender_id}"):
            # 200: Kakao shows a skill's text only from a 200; a 429 would become its generic error bubble
            return _json_response(text_response(rate_limited_text(agent)))
        return _json_response(await self._answer(parsed, on_new_message, deadline, agent))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        if self.skill_secret is None:
            logger.warning(
                "kakao: no skill_secret configured (KAKAO_SKILL_SECRET): the KakaoTalk channel refuses "
                "every request with 403 until one is set"
            )
        elif len(self.skill_secret) < 16:
            logger.warning("kakao: skill_secret is shorter than 16 characters; use a long random value")
        if self.bot_id is None:
            logger.warning("kakao: no bot_id configured (KAKAO_BOT_ID); requests for any bot id are accepted")
        if self.rate_limiter is None:
            self.rate_limiter = limiter_from_env()
        module = inspect.getmodule(self)
        webhook = Blueprint(f"kakao_webhook_{type(self).__name__}", module.__name__ if module else None)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            if self.skill_secret is None:
                return _json_response({"status": "not_configured"}, 503)
            return _json_response({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"], stream=True)
        async def receive(request: Request) -> HTTPResponse:
            try:
                return await self._receive(request, on_new_message)
            except SanicException:
                raise  # e.g. broken chunked encoding: Sanic answers 4xx itself
            except Exception:
                logger.exception("kakao: unexpected failure handling a skill request")
                return _json_response(text_response(ERROR_TEXT))

        return webhook


async def _paused_tracker(agent: Any, sender_id: str, seconds_left: float) -> Tuple[bool, Any]:
    """Is the conversation paused (handed to a person)? ``True`` when it cannot be told in time; with the tracker
    when it was read.

    Rasa says nothing in a paused conversation, and also when an action failed (it logs the error
    and carries on): only the tracker tells the two apart.
    """
    store = getattr(agent, "tracker_store", None)
    if store is None:
        return True, None
    try:
        tracker = await asyncio.wait_for(store.retrieve(sender_id), timeout=max(0.05, seconds_left))
    except Exception:  # includes the timeout
        logger.warning("kakao: could not read the tracker of %s", sender_id, exc_info=True)
        return True, None
    return tracker is None or bool(tracker.is_paused()), tracker


def _log_late(task: "asyncio.Future[Any]", sender_id: str, collector: CollectingOutputChannel) -> None:
    """After a timeout: the message was still processed (state kept); its answer is not delivered."""
    if task.cancelled():
        logger.warning("kakao: late processing for %s was cancelled", sender_id)
    elif task.exception() is not None:
        logger.error("kakao: late processing for %s failed", sender_id, exc_info=task.exception())
    else:
        logger.info("kakao: late answer for %s finished (%d messages not delivered)", sender_id, len(collector.messages))
