"""A per-conversation message rate limit for the citizen channels (REST, KakaoTalk, web chat).

One conversation (sender) may send ``RATE_LIMIT_PER_MINUTE`` messages in any 60 seconds (default 30, ``0``
turns the limit off): far above what a person types, low enough that a script hammering one conversation
cannot take the model's time from everyone else. Over the limit the channel answers the domain's
``utter_rate_limited`` (a 429 on REST) without running the message through Rasa.

With one Rasa process the counts live in memory. When the replicas share a Redis lock store
(``LOCK_STORE_TYPE=redis``), the counts live in the same Redis, so the limit holds whichever replica a
message lands on. If Redis cannot be reached the message is let through (and logged): a broken counter
must not silence the assistant.
"""
from __future__ import annotations

import logging
import os
import time
from collections import OrderedDict, deque
from typing import Callable, Deque, Mapping, Optional

from bot.domain_text import domain_text

logger = logging.getLogger(__name__)

DEFAULT_PER_MINUTE = 30
WINDOW_SECONDS = 60.0
MAX_TRACKED_SENDERS = 100_000  # the in-memory limiter forgets the least recently seen beyond this
REDIS_KEY_PREFIX = "seoul-assistant:rate:"


class RateLimiter:
    """Allows at most ``per_minute`` messages per sender in any 60 s window (in memory, one process)."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._seen: "OrderedDict[str, Deque[float]]" = OrderedDict()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    async def allow(self, sender: str) -> bool:
        if not self.enabled:
            return True
        now = self._clock()
        times = self._seen.pop(sender, None) or deque()
        while times and now - times[0] >= WINDOW_SECONDS:
            times.popleft()
        allowed = len(times) < self.per_minute
        if allowed:
            times.append(now)
        self._seen[sender] = times  # most recently seen last
        while len(self._seen) > MAX_TRACKED_SENDERS:
            self._seen.popitem(last=False)
        return allowed


class RedisRateLimiter(RateLimiter):
    """The same limit shared by every replica: a counter per sender and minute in Redis (fixed windows, so a
    burst across a minute boundary may reach twice the limit, which is fine for this purpose)."""

    def __init__(self, per_minute: int, host: str, port: int, db: int, clock: Callable[[], float] = time.time) -> None:
        super().__init__(per_minute, clock)
        self._address = (host, port, db)
        self._client = None  # created on first use: no connection at import or start-up

    def _redis(self):  # type: ignore[no-untyped-def]
        if self._client is None:
            from redis.asyncio import Redis

            host, port, db = self._address
            self._client = Redis(host=host, port=port, db=db, socket_timeout=0.5, socket_connect_timeout=0.5)
        return self._client

    async def allow(self, sender: str) -> bool:
        if not self.enabled:
            return True
        window = int(self._clock() // WINDOW_SECONDS)
        key = f"{REDIS_KEY_PREFIX}{window}:{sender}"
        try:
            pipeline = self._redis().pipeline(transaction=True)
            pipeline.incr(key)
            pipeline.expire(key, int(WINDOW_SECONDS) * 2)
            count, _ = await pipeline.execute()
        except Exception:  # redis.exceptions.RedisError, OSError, timeouts: let the message through
            logger.warning("rate limit: Redis unavailable, message of %s let through", sender, exc_info=True)
            return True
        return int(count) <= self.per_minute


def limiter_from_env(environ: Optional[Mapping[str, str]] = None) -> RateLimiter:
    """RATE_LIMIT_PER_MINUTE (default 30, 0 = off); shared in Redis when LOCK_STORE_TYPE=redis."""
    environ = os.environ if environ is None else environ
    raw = environ.get("RATE_LIMIT_PER_MINUTE", "").strip()
    try:
        per_minute = int(raw) if raw else DEFAULT_PER_MINUTE
    except ValueError:
        logger.warning("RATE_LIMIT_PER_MINUTE=%r is not a whole number; using %d", raw, DEFAULT_PER_MINUTE)
        per_minute = DEFAULT_PER_MINUTE
    if environ.get("LOCK_STORE_TYPE", "").strip() == "redis":
        return RedisRateLimiter(
            per_minute,
            environ.get("REDIS_HOST", "").strip() or "127.0.0.1",
            int(environ.get("REDIS_PORT", "").strip() or 6379),
            int(environ.get("REDIS_DB", "").strip() or 0),
        )
    return RateLimiter(per_minute)


# Only when no domain is loaded (a channel served without `rasa run`); the text citizens see is domain.yml's.
FALLBACK_TEXT = "메시지가 너무 빨리 이어지고 있어요. 1분쯤 뒤에 다시 말씀해 주세요. 급하시면 다산콜센터(국번 없이 120)로 전화해 주세요."


def rate_limited_text(agent: object) -> str:
    """The domain's ``utter_rate_limited`` text."""
    return domain_text(agent, "utter_rate_limited") or FALLBACK_TEXT
