"""The cached SQL tracker store on real SQLite and PostgreSQL: what it returns is always what the database holds,
whoever wrote it, and it writes every event exactly once."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, List

import pytest
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config
from sqlalchemy import text
from sqlalchemy.engine import Engine

from bot.tracker_store import CachedSQLTrackerStore

ROOT = Path(__file__).resolve().parents[3]
SENDER = "citizen-1"


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def database_url(any_engine: Engine) -> str:
    return any_engine.url.render_as_string(hide_password=False)


@pytest.fixture
def store(database_url: str, domain: Domain) -> Iterator[CachedSQLTrackerStore]:
    store = CachedSQLTrackerStore(domain=domain, host=database_url)
    yield store
    store.engine.dispose()


def session_start() -> List[Event]:
    return [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]


def turn(text_: str, intent: str, programme: str) -> List[Event]:
    return [
        UserUttered(text_, {"name": intent, "confidence": 0.9}),
        SlotSet("programme", programme),
        ActionExecuted("action_answer_programme_question"),
        BotUttered(f"{programme} 안내"),
        ActionExecuted("action_listen"),
    ]


def new_tracker(domain: Domain, events: List[Event]) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(SENDER, events, domain.slots)


def stored_events(store: SQLTrackerStore, sender: str = SENDER) -> List[dict]:
    with store.engine.connect() as connection:
        rows = connection.execute(text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender})
        return [json.loads(data) for (data,) in rows]


def texts(tracker: DialogueStateTracker) -> List[str]:
    return [event.text for event in tracker.events if isinstance(event, UserUttered)]


async def test_every_event_is_stored_once_across_turns(store: CachedSQLTrackerStore, domain: Domain) -> None:
    tracker = new_tracker(domain, session_start() + turn("취업날개 뭐예요", "ask_programme_info", "취업날개"))
    await store.save(tracker)
    again = await store.retrieve(SENDER)
    for event in turn("몇 살까지 돼요?", "ask_eligibility", "취업날개"):
        again.update(event)
    await store.save(again)
    await store.save(again)  # saving without anything new adds nothing

    rows = stored_events(store)
    assert len(rows) == len(again.events) == 13
    assert [row["text"] for row in rows if row["event"] == "user"] == ["취업날개 뭐예요", "몇 살까지 돼요?"]


async def test_what_it_returns_equals_what_stock_rasa_reads(store: CachedSQLTrackerStore, domain: Domain, database_url: str) -> None:
    tracker = new_tracker(domain, session_start() + turn("뉴딜일자리가 뭐야", "ask_programme_info", "뉴딜일자리"))
    await store.save(tracker)
    kept = await store.retrieve(SENDER)
    stock = SQLTrackerStore(domain=domain, host=database_url)
    try:
        from_database = await stock.retrieve(SENDER)
    finally:
        stock.engine.dispose()
    assert kept.current_state() == from_database.current_state()
    assert kept.get_slot("programme") == "뉴딜일자리"


async def test_a_turn_taken_on_another_replica_is_seen(store: CachedSQLTrackerStore, domain: Domain, database_url: str) -> None:
    """Two replicas share one database: what the other wrote must not be hidden by this one's memory."""
    await store.save(new_tracker(domain, session_start() + turn("청년일자리센터 어디야", "ask_location", "청년일자리센터")))
    await store.retrieve(SENDER)  # this replica now keeps the tracker

    other_replica = CachedSQLTrackerStore(domain=domain, host=database_url)
    try:
        theirs = await other_replica.retrieve(SENDER)
        for event in turn("아 아니 뉴딜일자리요", "inform", "뉴딜일자리"):
            theirs.update(event)
        await other_replica.save(theirs)
    finally:
        other_replica.engine.dispose()

    ours = await store.retrieve(SENDER)
    assert texts(ours) == ["청년일자리센터 어디야", "아 아니 뉴딜일자리요"]
    assert ours.get_slot("programme") == "뉴딜일자리"
    for event in turn("토요일에도 해요?", "ask_hours", "뉴딜일자리"):
        ours.update(event)
    await store.save(ours)
    rows = stored_events(store)
    assert len(rows) == 18  # 3 session-start events and three turns of 5, each once
    assert [row["text"] for row in rows if row["event"] == "user"] == ["청년일자리센터 어디야", "아 아니 뉴딜일자리요", "토요일에도 해요?"]


async def test_a_turn_that_failed_before_saving_leaves_no_trace(store: CachedSQLTrackerStore, domain: Domain) -> None:
    await store.save(new_tracker(domain, session_start() + turn("정장 빌려줘요?", "ask_programme_info", "취업날개")))
    half_done = await store.retrieve(SENDER)
    half_done.update(UserUttered("이 메시지는 처리 중에 실패했어요", {"name": "inform"}))  # never saved

    assert texts(await store.retrieve(SENDER)) == ["정장 빌려줘요?"]


async def test_an_empty_tracker_made_up_after_a_failed_read_is_not_kept(store: CachedSQLTrackerStore, domain: Domain) -> None:
    """While the database is restarting, Rasa's fail-safe starts an empty tracker: the conversation stays the
    database's, not the empty one's, once the database is back."""
    await store.save(new_tracker(domain, session_start() + turn("취업날개 뭐예요", "ask_programme_info", "취업날개")))
    store._kept.clear()  # as if the read had failed
    made_up = DialogueStateTracker.from_events(SENDER, [ActionExecuted("action_listen")], domain.slots)
    await store.save(made_up)

    back = await store.retrieve(SENDER)
    assert texts(back) == ["취업날개 뭐예요"] and back.get_slot("programme") == "취업날개"


async def test_a_new_session_is_read_back_alone_as_stock_rasa_does(store: CachedSQLTrackerStore, domain: Domain) -> None:
    tracker = new_tracker(domain, session_start() + turn("기술교육원 뭐야", "ask_programme_info", "기술교육원"))
    await store.save(tracker)
    tracker = await store.retrieve(SENDER)
    for event in session_start() + turn("노동권익센터 어디 있어요?", "ask_location", "노동권익센터"):
        tracker.update(event)
    await store.save(tracker)

    assert texts(await store.retrieve(SENDER)) == ["노동권익센터 어디 있어요?"]
    assert len(stored_events(store)) == 16


async def test_more_conversations_than_it_keeps_are_still_all_right(database_url: str, domain: Domain) -> None:
    store = CachedSQLTrackerStore(domain=domain, host=database_url, cached_trackers="2")  # as endpoints.yml gives it
    try:
        for number in range(5):
            tracker = DialogueStateTracker.from_events(
                f"citizen-{number}", session_start() + turn(f"질문 {number}", "ask_hours", "취업날개"), domain.slots
            )
            await store.save(tracker)
        assert len(store._kept) == 2
        for number in range(5):
            assert texts(await store.retrieve(f"citizen-{number}")) == [f"질문 {number}"]
        assert await store.retrieve("nobody") is None
    finally:
        store.engine.dispose()


async def test_keeping_nothing_behaves_like_stock_rasa(database_url: str, domain: Domain) -> None:
    store = CachedSQLTrackerStore(domain=domain, host=database_url, cached_trackers="0")
    try:
        tracker = new_tracker(domain, session_start() + turn("생활임금 얼마야", "ask_cost", "생활임금"))
        await store.save(tracker)
        first = await store.retrieve(SENDER)
        assert first is not tracker and not store._kept
        for event in turn("언제부터야", "ask_hours", "생활임금"):
            first.update(event)
        await store.save(first)
        assert len(stored_events(store)) == 13
    finally:
        store.engine.dispose()


def test_the_projects_endpoints_configure_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, domain: Domain) -> None:
    """Rasa silently falls back to an in-memory store when a custom class fails to load: check it loads."""
    url = f"sqlite:///{tmp_path / 'conversations.db'}"
    for name, value in {"DATABASE_URL": url, "TRACKER_CACHE_SIZE": "7", "ACTION_ENDPOINT_URL": "http://127.0.0.1:1/webhook",
                        "LOCK_STORE_TYPE": "in_memory", "REDIS_HOST": "127.0.0.1", "REDIS_PORT": "6379", "REDIS_DB": "0"}.items():
        monkeypatch.setenv(name, value)
    store = TrackerStore.create(read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store"), domain)
    assert isinstance(store, CachedSQLTrackerStore)
    assert store.cached_trackers == 7 and str(store.engine.url) == url
