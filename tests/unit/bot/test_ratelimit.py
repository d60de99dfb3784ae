"""The per-conversation rate limit: in memory for one process, in the real Redis when replicas share it."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.domain import Domain

from bot.ratelimit import FALLBACK_TEXT, RateLimiter, RedisRateLimiter, limiter_from_env, rate_limited_text
from bot.web.rasa_channel import masking

ROOT = Path(__file__).resolve().parents[3]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_a_sender_gets_the_limit_per_sixty_seconds_and_others_are_not_affected() -> None:
    clock = Clock()
    limiter = RateLimiter(3, clock)
    assert [await limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert await limiter.allow("b")
    clock.now += 59.9
    assert not await limiter.allow("a")  # the first message is still inside the window
    clock.now += 0.2
    assert await limiter.allow("a")  # ... and now it is not


async def test_zero_turns_the_limit_off_and_memory_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    limiter = RateLimiter(0)
    assert all([await limiter.allow("a") for _ in range(1000)])
    monkeypatch.setattr("bot.ratelimit.MAX_TRACKED_SENDERS", 10)
    bounded = RateLimiter(1)
    for n in range(50):
        await bounded.allow(f"s{n}")
    assert len(bounded._seen) == 10


async def test_replicas_share_the_count_in_redis() -> None:
    sender = f"test-{uuid.uuid4().hex}"
    replica_1 = RedisRateLimiter(4, "127.0.0.1", 6379, 0)
    replica_2 = RedisRateLimiter(4, "127.0.0.1", 6379, 0)
    results = [await (replica_1 if n % 2 else replica_2).allow(sender) for n in range(6)]
    assert results == [True, True, True, True, False, False]
    assert await replica_1.allow(f"other-{sender}")


async def test_redis_down_lets_messages_through() -> None:
    unreachable = RedisRateLimiter(1, "127.0.0.1", 1, 0)  # nothing listens on port 1
    assert [await unreachable.allow("a") for _ in range(3)] == [True, True, True]


@pytest.mark.parametrize(
    "environ, kind, per_minute",
    [
        ({}, RateLimiter, 30),
        ({"RATE_LIMIT_PER_MINUTE": "5"}, RateLimiter, 5),
        ({"RATE_LIMIT_PER_MINUTE": "many"}, RateLimiter, 30),
        ({"RATE_LIMIT_PER_MINUTE": "0", "LOCK_STORE_TYPE": "redis"}, RedisRateLimiter, 0),
        ({"LOCK_STORE_TYPE": "in_memory"}, RateLimiter, 30),
    ],
)
def test_configuration_from_the_environment(environ, kind, per_minute) -> None:
    limiter = limiter_from_env(environ)
    assert type(limiter) is kind and limiter.per_minute == per_minute


def test_the_text_comes_from_the_domain() -> None:
    class Agent:
        domain = Domain.load(str(ROOT / "domain.yml"))

    agent, domain = Agent(), Agent.domain
    text = rate_limited_text(agent)
    assert "120" in text and text == domain.responses["utter_rate_limited"][0]["text"]
    assert rate_limited_text(None) == FALLBACK_TEXT


async def test_a_web_chat_session_over_the_limit_is_answered_without_running_the_message() -> None:
    seen, output = [], CollectingOutputChannel()

    async def on_new_message(message: UserMessage) -> None:
        seen.append(message.text)

    handle = masking(on_new_message, RateLimiter(2))
    for text in ["하나", "둘", "셋"]:
        await handle(UserMessage(text, output, "web-session-1"))
    assert seen == ["하나", "둘"]
    assert len(output.messages) == 1 and "120" in output.messages[0]["text"]
