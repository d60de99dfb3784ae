"""Numbers for the city from Rasa's ``events`` table (written by the SQL event broker, see event_broker.py).

The table only grows (Rasa appends one row per event), so ``EventsAnalytics`` keeps running totals in
memory and each refresh reads only the rows after the last one it has seen: the first page view reads
the whole table once, later ones a few new rows.

- **topics**: user messages by predicted intent (button clicks included: they are questions too)
- **fallback rate**: the share of user messages the assistant did not understand, i.e. predicted as
  ``nlu_fallback`` or answered by ``action_default_fallback`` (a message counts once)
- **handoffs**: ``action_request_human`` runs per day (Asia/Seoul)
"""
from __future__ import annotations

import json
import logging
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Dict, List, Optional, Tuple

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from knowledge.queries import SEOUL

logger = logging.getLogger(__name__)

EVENTS_TABLE = "events"
FALLBACK_INTENT = "nlu_fallback"
FALLBACK_ACTION = "action_default_fallback"
HANDOFF_ACTION = "action_request_human"
SESSION_START_ACTION = "action_session_start"
BATCH = 5000

_events = Table(
    EVENTS_TABLE,
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("data", Text),
)


@dataclass(frozen=True)
class AnalyticsReport:
    available: bool
    problem: Optional[str]  # "no_table" | "database" when not available
    start: date
    end: date
    messages: int = 0
    conversations: int = 0
    fallback_messages: int = 0
    handoffs: int = 0
    top_intents: Tuple[Tuple[str, int], ...] = ()
    handoffs_per_day: Tuple[Tuple[date, int], ...] = ()

    @property
    def fallback_rate(self) -> Optional[float]:
        return self.fallback_messages / self.messages if self.messages else None



def _day(timestamp: object) -> Optional[date]:
    try:
        return datetime.fromtimestamp(float(timestamp), SEOUL).date()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


class EventsAnalytics:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()  # reports run in worker threads; each row must be counted once
        self._last_id = 0
        self.intents: Counter = Counter()  # (day, intent) -> user messages
        self.messages: Counter = Counter()  # day -> user messages
        self.fallbacks: Counter = Counter()  # day -> user messages that fell back
        self.handoffs: Counter = Counter()  # day -> handoff requests
        self.sessions: Counter = Counter()  # day -> conversation sessions started
        # sender -> [day of their latest user message, whether it has been counted as a fallback]
        self._turns: Dict[str, List] = {}

    # -- reading the table
    def refresh(self) -> Optional[str]:
        """Reads the new rows; returns a problem code when the table cannot be read."""
        try:
            if not inspect(self._engine).has_table(EVENTS_TABLE):
                return "no_table"
            with self._engine.connect() as connection:
                while True:
                    rows = connection.execute(
                        select(_events.c.id, _events.c.sender_id, _events.c.data)
                        .where(_events.c.id > self._last_id)
                        .order_by(_events.c.id)
                        .limit(BATCH)
                    ).all()
                    for row in rows:
                        self._add(row.sender_id, row.data)
                        self._last_id = row.id
                    if len(rows) < BATCH:
                        break
        except SQLAlchemyError:
            logger.warning("could not read the events table", exc_info=True)
            return "database"
        return None

    def _add(self, sender_id: Optional[str], data: Optional[str]) -> None:
        try:
            event = json.loads(data or "")
        except ValueError:
            return
        if not isinstance(event, dict):
            return
        kind, day = event.get("event"), _day(event.get("timestamp"))
        if day is None:
            return
        sender = sender_id or str(event.get("sender_id") or "")
        if kind == "user":
            parse = event.get("parse_data") if isinstance(event.get("parse_data"), dict) else {}
            intent = parse.get("intent") if isinstance(parse.get("intent"), dict) else {}
            name = intent.get("name") if isinstance(intent.get("name"), str) else "(없음)"
            fell_back = name == FALLBACK_INTENT
            self.messages[day] += 1
            self.intents[(day, name)] += 1
            if fell_back:
                self.fallbacks[day] += 1
            self._turns[sender] = [day, fell_back]
        elif kind == "action":
            name = event.get("name")
            if name == FALLBACK_ACTION:
                turn = self._turns.get(sender)
                if turn is not None and not turn[1]:
                    self.fallbacks[turn[0]] += 1
                    turn[1] = True
            elif name == HANDOFF_ACTION:
                self.handoffs[day] += 1
            elif name == SESSION_START_ACTION:
                self.sessions[day] += 1

    # -- the report
    def report(self, days: int = 30, today: Optional[date] = None, top: int = 10) -> AnalyticsReport:
        with self._lock:
            return self._report(days, today, top)

    def _report(self, days: int, today: Optional[date], top: int) -> AnalyticsReport:
        end = today or datetime.now(SEOUL).date()
        start = end - timedelta(days=days - 1)
        problem = self.refresh()
        if problem is not None:
            return AnalyticsReport(False, problem, start, end)

        def within(day: date) -> bool:
            return start <= day <= end

        intents: Counter = Counter()
        for (day, name), count in self.intents.items():
            if within(day):
                intents[name] += count
        handoff_days = min(days, 31)  # the chart shows at most a month of days
        chart_start = end - timedelta(days=handoff_days - 1)
        per_day = tuple(
            (chart_start + timedelta(days=n), self.handoffs.get(chart_start + timedelta(days=n), 0))
            for n in range(handoff_days)
        )
        return AnalyticsReport(
            available=True,
            problem=None,
            start=start,
            end=end,
            messages=sum(c for d, c in self.messages.items() if within(d)),
            conversations=sum(c for d, c in self.sessions.items() if within(d)),
            fallback_messages=sum(c for d, c in self.fallbacks.items() if within(d)),
            handoffs=sum(c for d, c in self.handoffs.items() if within(d)),
            top_intents=tuple(sorted(intents.items(), key=lambda item: (-item[1], item[0]))[:top]),
            handoffs_per_day=per_day,
        )
