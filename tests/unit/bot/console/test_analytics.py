"""Analytics from Rasa's ``events`` table, written by Rasa's own SQL tracker store (configured as in endpoints.yml)."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import List

import pytest
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.utils.endpoints import read_endpoint_config
from sqlalchemy import create_engine, text

from bot.console.analytics import EventsAnalytics
from bot.console.charts import horizontal_bars, vertical_bars
from knowledge.queries import SEOUL

from .conftest import Client, ConsoleServer, record

ROOT = Path(__file__).resolve().parents[4]

TODAY = date(2024, 3, 4)


def at(day: date, hour: int = 10) -> float:
    return datetime(day.year, day.month, day.day, hour, tzinfo=SEOUL).timestamp()


def user(sender: str, intent: str, day: date, text: str = "질문") -> dict:
    return {"event": "user", "sender_id": sender, "timestamp": at(day), "text": text,
            "parse_data": {"intent": {"name": intent, "confidence": 0.9}}}


def action(sender: str, name: str, day: date) -> dict:
    return {"event": "action", "sender_id": sender, "timestamp": at(day), "name": name}


def conversation(day: date) -> List[dict]:
    yesterday = day - timedelta(days=1)
    return [
        action("a", "action_session_start", yesterday),
        user("a", "ask_programme_info", yesterday),
        action("a", "utter_programme_info", yesterday),
        user("a", "nlu_fallback", yesterday),          # fallback (intent)
        action("a", "action_two_stage_fallback", yesterday),
        action("a", "action_default_fallback", yesterday),  # same message: counted once
        action("b", "action_session_start", day),
        user("b", "ask_hours", day),
        action("b", "action_default_fallback", day),   # fallback (core policy)
        user("b", "ask_hours", day),
        user("b", "request_human", day),
        action("b", "action_request_human", day),
        {"event": "pause", "sender_id": "b", "timestamp": at(day)},
        user("c", "ask_programme_info", day - timedelta(days=40)),  # outside 30 days
        action("c", "action_request_human", day - timedelta(days=40)),
    ]


def test_the_projects_endpoints_make_rasa_write_events_where_the_console_reads(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    for name, value in {"DATABASE_URL": url, "ACTION_ENDPOINT_URL": "http://127.0.0.1:1/webhook", "LOCK_STORE_TYPE": "in_memory",
                        "REDIS_HOST": "127.0.0.1", "REDIS_PORT": "6379", "REDIS_DB": "0", "TRACKER_CACHE_SIZE": "10"}.items():
        monkeypatch.setenv(name, value)
    store = TrackerStore.create(read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store"))
    assert isinstance(store, SQLTrackerStore) and str(store.engine.url) == url
    record(url, conversation(TODAY), store)
    with store.engine.begin() as connection:  # a row no event parser understands is skipped, not fatal
        connection.execute(text("INSERT INTO events (sender_id, type_name, data) VALUES ('d', 'user', '{\"event\": \"user\", \"timestamp\": \"not a time\"}')"))
    report = EventsAnalytics(create_engine(url, future=True)).report(30, today=TODAY)
    assert report.available
    assert report.messages == 5 and report.conversations == 2
    assert report.fallback_messages == 2 and report.fallback_rate == pytest.approx(0.4)
    assert report.top_intents[0] == ("ask_hours", 2)
    assert dict(report.top_intents) == {"ask_hours": 2, "ask_programme_info": 1, "nlu_fallback": 1, "request_human": 1}
    assert report.handoffs == 1 and report.handoffs_per_day[-1] == (TODAY, 1)
    assert len(report.handoffs_per_day) == 30 and sum(c for _, c in report.handoffs_per_day) == 1
    wider = EventsAnalytics(create_engine(url, future=True)).report(90, today=TODAY)
    assert wider.handoffs == 2 and wider.messages == 6


def test_new_rows_are_read_incrementally(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'events.db'}"
    store = SQLTrackerStore(host=url)
    analytics = EventsAnalytics(create_engine(url, future=True))
    assert analytics.report(7, today=TODAY).messages == 0
    events = [user("x", "greet", TODAY)]
    record(url, events, store)
    assert analytics.report(7, today=TODAY).messages == 1
    events += [user("x", "thanks", TODAY), action("x", "action_default_fallback", TODAY)]
    record(url, events, store)  # the store appends only the two new events
    report = analytics.report(7, today=TODAY)
    assert report.messages == 2 and report.fallback_messages == 1


def test_a_missing_events_table_is_not_an_error(tmp_path: Path) -> None:
    report = EventsAnalytics(create_engine(f"sqlite:///{tmp_path / 'empty.db'}", future=True)).report()
    assert not report.available and report.problem == "no_table"


def test_analytics_page_with_charts(console: ConsoleServer, staff: Client, tmp_path: Path, monkeypatch) -> None:
    today = datetime.now(SEOUL).date()
    record(str(console.engine.url), conversation(today) + [user("e", "<script>alert(1)</script>", today)])
    reply = staff.get("/console/analytics")
    assert reply.status == 200
    page = reply.text
    assert 'id="stat-messages">6<' in page and 'id="stat-handoffs">1<' in page
    assert 'id="stat-fallback">33.3%<' in page
    assert page.count('<svg class="chart"') == 2 and "<script>alert" not in page and "&lt;script&gt;" in page
    assert "ask_hours" in page and "많이 묻는 주제" in page and "일별 상담원 연결" in page
    week = staff.get("/console/analytics?days=7").text
    assert '최근 7일</a>' in week and 'aria-current="page">최근 7일' in week
    assert staff.get("/console/analytics?days=abc").status == 200


def test_analytics_page_before_any_conversation(staff: Client) -> None:
    page = staff.get("/console/analytics").text
    assert "아직 대화 기록이 없어요" in page and "<svg" not in page


def test_charts_escape_labels_and_scale_bars() -> None:
    svg = horizontal_bars([("<b>x</b>", 10), ("y", 5), ("zero", 0)], 'a "title"')
    assert "&lt;b&gt;x&lt;/b&gt;" in svg and 'aria-label="a &quot;title&quot;"' in svg
    assert 'width="350"' in svg and 'width="175"' in svg and 'width="0"' in svg
    assert "style=" not in svg and "<script" not in svg
    column = vertical_bars([("3/1", 0), ("3/2", 4)], "일별")
    assert column.startswith('<svg class="chart" role="img"') and "<title>3/2: 4</title>" in column
    assert vertical_bars([], "빈 차트").endswith("</svg>")


def test_concurrent_reports_count_each_event_once(tmp_path: Path, monkeypatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    url = f"sqlite:///{tmp_path / 'events.db'}"
    record(url, [user(f"s{n}", "greet", TODAY) for n in range(300)])
    analytics = EventsAnalytics(create_engine(url, future=True, connect_args={"check_same_thread": False}))
    with ThreadPoolExecutor(8) as pool:
        reports = list(pool.map(lambda _: analytics.report(7, today=TODAY), range(16)))
    assert {report.messages for report in reports} == {300}
