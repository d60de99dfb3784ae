"""Rasa's SQL tracker store, keeping each conversation's tracker in memory between its turns.

Why: profiling `make bench` showed Rasa spending about 40% of its time per turn in its SQL tracker store,
mostly on reading every event of the conversation back, decoding its JSON and replaying it into a tracker
(`retrieve`), and on counting the stored events again to find the new ones (`save`). The database stays the
only source of truth: a kept tracker is used only while the newest event id stored for its conversation is
still the one it was saved with (one indexed query), so a turn that ran on another replica, a restart or a
database change makes the next turn read the conversation from the database exactly as stock Rasa does.

Used from endpoints.yml (`tracker_store: type: bot.tracker_store.CachedSQLTrackerStore`); the table and its
rows are Rasa's own, so the staff console's analytics and Rasa's tools read them unchanged.
"""
from __future__ import annotations

import itertools
import json
import logging
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

logger = logging.getLogger(__name__)

DEFAULT_CACHED_TRACKERS = 2000


@dataclass
class _Kept:
    tracker: DialogueStateTracker
    stored_events: int  # how many of tracker.events are in the database
    newest_event_id: Optional[int]  # the id of the newest of them, as the database numbered it


class CachedSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` plus an in-memory LRU of the trackers it saved, checked against the database."""

    def __init__(self, *args: Any, cached_trackers: Any = DEFAULT_CACHED_TRACKERS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cached_trackers = max(0, int(cached_trackers or 0))
        self._kept: "OrderedDict[Text, _Kept]" = OrderedDict()
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            # SQLAlchemy 1.4 opens a new SQLite connection for every session (NullPool); a pool keeps them.
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(url, poolclass=QueuePool, connect_args={"check_same_thread": False})
            self.sessionmaker = sessionmaker(bind=self.engine)

    # ------------------------------------------------------------------------------------------ reading
    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        kept = self._kept.pop(sender_id, None)
        if kept is not None and len(kept.tracker.events) == kept.stored_events:
            if self._newest_event_id(sender_id) == kept.newest_event_id:
                self._kept[sender_id] = kept  # most recently used
                return kept.tracker
            logger.debug("conversation %s changed in the database since this process saved it", sender_id)
        tracker = await super().retrieve(sender_id)
        if tracker is not None:  # read from the database just now: its events are the stored ones
            self._keep(tracker, self._newest_event_id(sender_id))
        return tracker

    def _newest_event_id(self, sender_id: Text) -> Optional[int]:
        with self.session_scope() as session:
            return session.execute(
                sa.select(sa.func.max(self.SQLEvent.id)).where(self.SQLEvent.sender_id == sender_id)
            ).scalar()

    # ------------------------------------------------------------------------------------------ writing
    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's `SQLTrackerStore.save` (same rows), also noting the id the database gave the newest event.

        Only a tracker known to match the database is kept: one read or kept here, or a new conversation. A
        tracker Rasa made up after a failed read (its fail-safe starts an empty one) is saved as stock Rasa
        saves it and never kept, so the next turn reads the conversation from the database again.
        """
        await self.stream_events(tracker)
        kept = self._kept.pop(tracker.sender_id, None)
        known = kept is not None and kept.tracker is tracker
        with self.session_scope() as session:
            stored = kept.stored_events if known else self._event_query(session, tracker.sender_id, False).count()
            rows = [self._row(tracker.sender_id, event) for event in itertools.islice(tracker.events, stored, None)]
            session.add_all(rows)
            session.flush()  # assigns the ids
            newest_event_id = rows[-1].id if rows else (kept.newest_event_id if known else None)
            session.commit()
        if known or stored == 0:
            if newest_event_id is None and not known:
                newest_event_id = self._newest_event_id(tracker.sender_id)
            self._keep(tracker, newest_event_id)

    def _row(self, sender_id: Text, event: Event) -> "SQLTrackerStore.SQLEvent":
        data = event.as_dict()
        return self.SQLEvent(
            sender_id=sender_id,
            type_name=event.type_name,
            timestamp=data.get("timestamp"),
            intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            action_name=data.get("name"),
            data=json.dumps(data),
        )

    def _keep(self, tracker: DialogueStateTracker, newest_event_id: Optional[int]) -> None:
        if not self.cached_trackers or self._started_new_session(tracker):
            return  # a new session is read back from the database, as stock Rasa does
        self._kept[tracker.sender_id] = _Kept(tracker, len(tracker.events), newest_event_id)
        while len(self._kept) > self.cached_trackers:
            self._kept.popitem(last=False)

    @staticmethod
    def _started_new_session(tracker: DialogueStateTracker) -> bool:
        """Whether the tracker holds a session start after its first events (Rasa reads only the latest
        session back; a kept tracker would carry the old session's events along)."""
        return any(isinstance(event, SessionStarted) for event in itertools.islice(tracker.events, 2, None))
