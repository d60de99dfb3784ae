"""Whether the database answers (and, for REST citizens, whether staff replies wait): one query per message."""
from __future__ import annotations

import asyncio
import logging
from functools import lru_cache
from typing import Optional

from sqlalchemy.exc import SQLAlchemyError

from bot.handoff import HandoffStore
from knowledge.db import get_engine

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def outbox() -> HandoffStore:
    return HandoffStore(get_engine())


class DatabaseWatch:
    """Whether the database answers, checked with one query on every message: ``SELECT 1``, or for REST the
    query for the citizen's waiting staff replies, which shows the same.

    Rasa's own tracker store hides a database outage: it starts a fresh, context-free conversation in memory and
    answers from it. While the database is away the channels answer with the domain's ``utter_service_trouble``
    (120) instead, so nothing is answered out of context or kept only in one replica's memory.
    """

    def __init__(self) -> None:
        self._available = True

    def _ping(self) -> None:
        with get_engine().connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    async def available(self) -> bool:
        try:
            await asyncio.to_thread(self._ping)
        except SQLAlchemyError:
            self._went_away()
            return False
        self._answered()
        return True

    async def staff_replies_waiting(self, sender: str) -> Optional[bool]:
        """Whether staff wrote to this REST citizen since their last message (REST cannot push); None while the
        database is unreachable. Read on every message: a reply written a moment ago must not wait for the next."""
        try:
            waiting = await asyncio.to_thread(outbox().has_undelivered, sender)
        except SQLAlchemyError:
            self._went_away()
            return None
        self._answered()
        return waiting

    def _went_away(self) -> None:
        if self._available:
            logger.error("database unreachable: answering with utter_service_trouble until it is back", exc_info=True)
        self._available = False

    def _answered(self) -> None:
        if not self._available:
            logger.info("database reachable again")
        self._available = True


database_watch = DatabaseWatch()
