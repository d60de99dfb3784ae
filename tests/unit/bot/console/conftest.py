"""The console served for real: a Sanic app with the console Blueprint on a localhost socket.

Sanic's test client lives in the ``sanic-testing`` package, which is not among the project's pinned
dependencies; like tests/integration/bot/conftest.py, the app runs in a background thread on a real
socket and the tests speak HTTP to it with ``http.client``, keeping cookies like a browser.

Real SQLite databases (a fresh file per test for accounts, sessions, handoffs and events) and the real
knowledge base; only Rasa's HTTP API is a fake (``FakeRasa``), and the clock can be moved.
"""
from __future__ import annotations

import asyncio
import http.client
import re
import socket
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union
from urllib.parse import urlencode

import pytest
from argon2 import PasswordHasher
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Sanic
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from bot.console.analytics import EventsAnalytics
from bot.console.app import console_blueprint
from bot.console.auth import AuthStore
from bot.console.rasa_api import Parse, RasaUnavailable, parse_result
from bot.console.settings import ConsoleSettings
from bot.handoff import HandoffStore
from knowledge.queries import KnowledgeBase

def record(url: str, events: List[Dict[str, Any]], store: Optional[SQLTrackerStore] = None) -> None:
    """Saves the events (dicts with a ``sender_id``) as Rasa does: one tracker per sender in its SQL tracker store,
    whose ``events`` table the analytics read."""
    store = store or SQLTrackerStore(host=url)
    senders: Dict[str, List[Dict[str, Any]]] = {}
    for event in events:
        senders.setdefault(event["sender_id"], []).append({k: v for k, v in event.items() if k != "sender_id"})
    for sender, own in senders.items():
        asyncio.run(store.save(DialogueStateTracker.from_dict(sender, own)))


PASSWORD = "correct-horse-battery"
# argon2id with the smallest cost, so hundreds of sign-ins take seconds (production uses the library defaults)
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 3, 4, 1, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class FakeRasa:
    """Stands in for bot.console.rasa_api.RasaClient; records every call."""

    def __init__(self) -> None:
        self.calls: List[Tuple[str, Any]] = []
        self.down = False
        self.connected = 1
        self.trackers: Dict[str, Dict[str, Any]] = {}
        self.live_delivery_configured = True

    def _check(self) -> None:
        if self.down:
            raise RasaUnavailable("연결할 수 없음")

    async def parse(self, text: str) -> Parse:
        self.calls.append(("parse", text))
        self._check()
        return parse_result(
            {
                "text": text,
                "intent": {"name": "situation_interview_suit", "confidence": 0.91},
                "entities": [{"entity": "programme", "value": "interview_suit_rental", "start": 0, "end": 2, "extractor": "x"}],
                "intent_ranking": [
                    {"name": "situation_interview_suit", "confidence": 0.91},
                    {"name": "ask_programme_info", "confidence": 0.05},
                ],
            }
        )

    async def tracker(self, sender_id: str) -> Dict[str, Any]:
        self.calls.append(("tracker", sender_id))
        self._check()
        return self.trackers.get(sender_id, {"sender_id": sender_id, "paused": True, "events": []})

    async def append_events(self, sender_id: str, events: List[Dict[str, Any]]) -> Dict[str, Any]:
        self.calls.append(("append_events", (sender_id, events)))
        self._check()
        return {}

    async def push_to_socket(self, sender_id: str, text: str) -> int:
        self.calls.append(("push_to_socket", (sender_id, text)))
        self._check()
        return self.connected

    async def close(self) -> None:
        pass

    def appended(self) -> List[Tuple[str, List[Dict[str, Any]]]]:
        return [args for name, args in self.calls if name == "append_events"]


# --------------------------------------------------------------------------------- the server
class ServerThread:
    """One Sanic app on 127.0.0.1:<free port>, in its own event loop in a daemon thread."""

    def __init__(self, app: Sanic) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.ready = threading.Event()
        self.error: Optional[BaseException] = None
        self.server: Any = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._start())
        except BaseException as error:  # reported by start()
            self.error = error
            self.ready.set()
            return
        self.ready.set()
        self.loop.run_forever()

    async def _start(self) -> None:
        self.server = await self.app.create_server(
            sock=self.sock, return_asyncio_server=True, access_log=False, asyncio_server_kwargs={"start_serving": False}
        )
        await self.server.startup()
        await self.server.before_start()
        await self.server.start_serving()
        await self.server.after_start()

    def start(self) -> "ServerThread":
        self.thread.start()
        self.ready.wait(30)
        if self.error is not None:
            raise RuntimeError("the Sanic test server did not start") from self.error
        return self

    def stop(self) -> None:
        async def shutdown() -> None:
            await self.server.before_stop()
            self.server.close()
            await self.server.wait_closed()
            await self.server.after_stop()

        if self.server is not None:
            asyncio.run_coroutine_threadsafe(shutdown(), self.loop).result(15)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(15)
        self.sock.close()


@dataclass
class Reply:
    status: int
    headers: List[Tuple[str, str]]
    raw: bytes

    @property
    def text(self) -> str:
        return self.raw.decode("utf-8", "replace")

    def header(self, name: str) -> Optional[str]:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def cookies(self) -> List[str]:
        return [value for key, value in self.headers if key.lower() == "set-cookie"]

    @property
    def location(self) -> Optional[str]:
        return self.header("Location")

    def csrf(self) -> str:
        match = CSRF.search(self.text)
        assert match, "no CSRF field on the page"
        return match.group(1)


@dataclass
class Client:
    """A browser without JavaScript: keeps cookies, never follows redirects by itself."""

    port: int
    cookies: Dict[str, str] = field(default_factory=dict)

    def request(
        self,
        method: str,
        path: str,
        body: Union[bytes, str, None] = None,
        headers: Optional[Dict[str, str]] = None,
    ) -> Reply:
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, str):
            body = body.encode("utf-8", "surrogatepass")
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            try:
                connection.request(method, path, body=body, headers=sent)
                answer = connection.getresponse()
            except (BrokenPipeError, ConnectionResetError):
                # the server answered before reading all of an over-long request (431 for a huge URL) and closed: that
                # answer, as a browser would show it
                answer = http.client.HTTPResponse(connection.sock, method=method)
                answer.begin()
            reply = Reply(answer.status, answer.getheaders(), answer.read())
        finally:
            connection.close()
        for header in reply.cookies():
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return reply

    def get(self, path: str, **kwargs: Any) -> Reply:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, form: Optional[Dict[str, str]] = None, **kwargs: Any) -> Reply:
        headers = {"Content-Type": "application/x-www-form-urlencoded", **kwargs.pop("headers", {})}
        return self.request("POST", path, urlencode(form or {}), headers=headers, **kwargs)

    def search(self, query: str) -> Reply:
        return self.get("/console/search?" + urlencode({"q": query}))

    def login(self, name: str = "tester", password: str = PASSWORD) -> Reply:
        token = self.get("/console/login").csrf()
        return self.post("/console/login", {"csrf_token": token, "name": name, "password": password})

    def csrf(self, path: str = "/console/queue") -> str:
        return self.get(path).csrf()


@dataclass
class ConsoleServer:
    port: int
    engine: Engine
    auth: AuthStore
    handoffs: HandoffStore
    rasa: FakeRasa
    clock: Clock
    app: Sanic

    def client(self) -> Client:
        return Client(self.port)


def make_console(tmp_path: Path, kb: KnowledgeBase, proxies: int = 0) -> Tuple[ServerThread, ConsoleServer]:
    url = f"sqlite:///{tmp_path / 'console.db'}"
    engine = create_engine(url, future=True, connect_args={"check_same_thread": False})
    clock = Clock()
    auth = AuthStore(engine, FAST_HASHER, clock=clock)
    auth.create_user("tester", PASSWORD, "테스터")
    auth.create_user("colleague", PASSWORD, "동료")
    handoffs = HandoffStore(engine)
    rasa = FakeRasa()
    settings = ConsoleSettings(database_url=url)
    Sanic.test_mode = True  # several apps in one process, as sanic-testing allows
    app = Sanic(f"console_test_{uuid.uuid4().hex[:12]}", configure_logging=False)
    if proxies:
        app.config.PROXIES_COUNT = proxies
    app.blueprint(
        console_blueprint(settings, auth=auth, handoffs=handoffs, kb=kb, rasa=rasa, analytics=EventsAnalytics(engine))
    )
    runner = ServerThread(app).start()
    return runner, ConsoleServer(runner.port, engine, auth, handoffs, rasa, clock, app)


@pytest.fixture
def console(tmp_path: Path, kb: KnowledgeBase) -> Iterator[ConsoleServer]:
    runner, server = make_console(tmp_path, kb)
    yield server
    runner.stop()
    server.engine.dispose()


@pytest.fixture
def staff(console: ConsoleServer) -> Client:
    """A signed-in staff member's browser."""
    client = console.client()
    assert client.login().status == 303
    return client
