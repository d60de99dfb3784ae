"""The console's tables and queries on both supported databases (SQLite and the PostgreSQL server)."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy.engine import Engine

from bot.console.analytics import EventsAnalytics
from bot.console.auth import AuthStore
from bot.handoff import HandoffStore
from knowledge.queries import SEOUL

from .conftest import FAST_HASHER, PASSWORD, Clock, record

pytestmark = pytest.mark.postgres


def test_accounts_lock_out_sessions_outbox_and_analytics(any_engine: Engine) -> None:
    clock = Clock()
    auth = AuthStore(any_engine, FAST_HASHER, clock=clock)
    auth.create_user("tester", PASSWORD)
    for _ in range(5):
        result = auth.authenticate("tester", "wrong")
    assert result.locked_until == clock.now + timedelta(minutes=15)
    clock.advance(minutes=16)
    staff = auth.authenticate("tester", PASSWORD).staff
    token, _ = auth.start_session(staff)
    assert auth.session_for(token).staff.name == "tester"
    clock.advance(hours=8)
    assert auth.session_for(token) is None
    assert [e.action for e in auth.audit_log(3)] == ["login", "login_failed", "login_failed"]
    assert "locked until" in auth.audit_log(2)[1].detail

    handoffs = HandoffStore(any_engine)
    handoffs.queue_message("kakao:abc", "안녕하세요", "tester", "kakao")
    assert [m.text for m in handoffs.deliver("kakao:abc")] == ["안녕하세요"] and handoffs.deliver("kakao:abc") == []

    analytics = EventsAnalytics(any_engine)
    assert analytics.report().problem == "no_table"
    store = SQLTrackerStore(host=any_engine.url.render_as_string(hide_password=False))  # Rasa's own tracker store
    now = datetime.now(SEOUL).timestamp()
    record("", [
        {"event": "user", "sender_id": "a", "timestamp": now, "parse_data": {"intent": {"name": "greet"}}},
        {"event": "action", "sender_id": "a", "timestamp": now, "name": "action_request_human"},
    ], store)
    report = analytics.report(7)
    assert report.available and report.messages == 1 and report.handoffs == 1
    store.engine.dispose()
