"""Whether the database answers, and who has staff replies waiting: read once a second for all citizens."""
from __future__ import annotations

import asyncio
import logging
import time
from functools import lru_cache
from typing import Set

from sqlalchemy.exc import SQLAlchemyError

from bot.handoff import HandoffStore
from knowledge.db import get_engine

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def outbox() -> HandoffStore:
    return HandoffStore(get_engine())


class DatabaseWatch:
    """Whether the database answers (checked on every message, one ``SELECT 1``), and who has undelivered staff
    replies (read at most once a second, one query for every citizen).

    - Rasa's own tracker store hides a database outage: it starts a fresh, context-free conversation in memory
      and answers from it. While the database is away the channels answer with the domain's
      ``utter_service_trouble`` (120) instead, so nothing is answered out of context or kept only in one
      replica's memory.
    - Profiling showed a per-message outbox query at 9% of Rasa's time under load; the shared read avoids it.
    """

    def __init__(self, max_age: float = 1.0) -> None:
        self.max_age = max_age
        self._senders: Set[str] = set()
        self._read_at = float("-inf")
        self._available = True

    def _ping(self) -> None:
        with get_engine().connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    async def available(self) -> bool:
        try:
            await asyncio.to_thread(self._ping)
        except SQLAlchemyError:
            if self._available:
                logger.error("database unreachable: answering with utter_service_trouble until it is back", exc_info=True)
            self._available = False
            return False
        if not self._available:
            logger.info("database reachable again")
        self._available = True
        return True

    async def has_staff_replies(self, sender: str) -> bool:
        now = time.monotonic()
        if now - self._read_at >= self.max_age:
            self._senders = await asyncio.to_thread(outbox().senders_waiting)
            self._read_at = now
        return sender in self._senders


database_watch = DatabaseWatch()
