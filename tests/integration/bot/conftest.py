"""A real Sanic server with the Kakao channel mounted the way `rasa run` mounts it.

`sanic-testing` (Sanic's test client) is not among the project's pinned dependencies, so the app is
served on a real localhost socket in a background thread and the tests talk HTTP to it with the
standard library's ``http.client``. Rasa's agent is replaced by a fake whose ``handle_message``
writes to the output channel, as Rasa's own channel tests do; the route is registered with Rasa's
own ``rasa.core.channels.channel.register`` (prefix ``/webhooks/``), exactly as in production.
"""
from __future__ import annotations

import asyncio
import http.client
import json
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, Iterable, Iterator, List, Optional, Tuple, Union

import pytest
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from bot.channels.kakao import KakaoInput

SECRET = "test-skill-secret-0123456789abcdef"
BOT_ID = "5f0c1a2b3c4d5e6f7a8b9c0d"
WEBHOOK = "/webhooks/kakao/webhook"

Handler = Callable[[UserMessage], Awaitable[None]]


class FakeAgent:
    """Stands in for rasa.core.agent.Agent: records messages, answers through the output channel."""

    def __init__(self) -> None:
        self.received: List[UserMessage] = []
        self.finished: List[str] = []  # sender ids whose processing ran to the end
        self.done = threading.Event()
        self.handler: Optional[Handler] = None
        self.tracker_store: Any = None  # Rasa's agent has one; the channel reads "paused" from it

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        await (self.handler or echo)(message)
        self.finished.append(message.sender_id)
        self.done.set()


async def echo(message: UserMessage) -> None:
    """Like a bot answering with a domain response: text and buttons."""
    await message.output_channel.send_response(
        message.sender_id,
        {
            "text": f"받은 말씀: {message.text}",
            "buttons": [
                {"title": "운영시간", "payload": '/ask_hours{"programme": "youth_job_centre"}'},
                {"title": "상담원 연결", "payload": "/request_human"},
            ],
        },
    )


@dataclass
class Server:
    base_host: str
    port: int
    agent: FakeAgent
    channel: KakaoInput
    headers: Dict[str, str] = field(default_factory=dict)

    def request(
        self,
        method: str,
        path: str,
        body: Union[bytes, str, Dict[str, Any], List[Any], Iterable[bytes], None] = None,
        headers: Optional[Dict[str, Optional[str]]] = None,
        timeout: float = 15.0,
    ) -> "Reply":
        """One HTTP request on a fresh connection (a header set to None is not sent)."""
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False)
        if isinstance(body, str):
            body = body.encode("utf-8", "surrogatepass")
        sent = {"Content-Type": "application/json;charset=UTF-8", **self.headers, **(headers or {})}
        chunked = body is not None and not isinstance(body, bytes)
        connection = http.client.HTTPConnection(self.base_host, self.port, timeout=timeout)
        started = time.monotonic()
        try:
            connection.request(
                method, path, body=body, headers={k: v for k, v in sent.items() if v is not None}, encode_chunked=chunked
            )
            response = connection.getresponse()
            raw = response.read()
            reply = Reply(response.status, dict(response.getheaders()), raw, time.monotonic() - started)
        finally:
            connection.close()
        return reply

    def post(self, body: Any, headers: Optional[Dict[str, Optional[str]]] = None, **kwargs: Any) -> "Reply":
        return self.request("POST", WEBHOOK, body, headers, **kwargs)


@dataclass
class Reply:
    status: int
    headers: Dict[str, str]
    raw: bytes
    seconds: float

    @property
    def json(self) -> Any:
        return json.loads(self.raw.decode("utf-8"))


class _Thread:
    """Runs one Sanic app on 127.0.0.1:<free port> in its own event loop, in a daemon thread."""

    def __init__(self, app: Sanic) -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.ready = threading.Event()
        self.error: Optional[BaseException] = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.server: Any = None

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._start())
        except BaseException as error:  # surfaced in start()
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

    def start(self) -> None:
        self.thread.start()
        self.ready.wait(30)
        if self.error is not None:
            raise RuntimeError("Sanic test server did not start") from self.error

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


def serve(channel: KakaoInput, agent: Optional[FakeAgent] = None) -> Tuple[_Thread, Server]:
    agent = agent or FakeAgent()
    # What sanic-testing does: lets several apps start in one process (Sanic's start-up "touch-up"
    # rewrites shared Http methods once and keeps the originals only in test mode).
    Sanic.test_mode = True
    app = Sanic(f"kakao_test_{uuid.uuid4().hex[:12]}", configure_logging=False)
    app.ctx.agent = agent
    register([channel], app, route="/webhooks/")
    runner = _Thread(app)
    runner.start()
    return runner, Server("127.0.0.1", runner.port, agent, channel, {"X-Skill-Secret": SECRET})


@pytest.fixture
def make_server() -> Iterator[Callable[..., Server]]:
    """``make_server(**credentials)`` → a running server with a KakaoInput from those credentials."""
    runners: List[_Thread] = []

    def make(**credentials: Any) -> Server:
        settings = {"bot_id": BOT_ID, "skill_secret": SECRET, "reply_budget_seconds": 1.0}
        settings.update(credentials)
        runner, server = serve(KakaoInput.from_credentials(settings))
        runners.append(runner)
        return server

    yield make
    for runner in runners:
        runner.stop()


@pytest.fixture
def server(make_server: Callable[..., Server]) -> Server:
    return make_server()


@pytest.fixture(scope="module")
def shared_server() -> Iterator[Server]:
    """One server for a whole module (the property-based tests send thousands of requests)."""
    runner, server = serve(
        KakaoInput.from_credentials({"bot_id": BOT_ID, "skill_secret": SECRET, "reply_budget_seconds": 2.0})
    )
    yield server
    runner.stop()


def kakao_body(
    utterance: Any = "청년일자리센터 몇 시까지 해요?",
    user_id: Any = "9b1c0f6f3e1d4a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c",
    client_extra: Any = None,
    bot_id: Any = BOT_ID,
) -> Dict[str, Any]:
    """A skill request shaped exactly like the documented Kakao i Open Builder payload."""
    return {
        "intent": {"id": "6a1b2c3d4e5f6a7b8c9d0e1f", "name": "폴백 블록"},
        "userRequest": {
            "timezone": "Asia/Seoul",
            "block": {"id": "6a1b2c3d4e5f6a7b8c9d0e1f", "name": "폴백 블록"},
            "utterance": utterance,
            "lang": "ko",
            "params": {"surface": "Kakaotalk.plusfriend"},
            "user": {
                "id": user_id,
                "type": "botUserKey",
                "properties": {"plusfriendUserKey": "Xy12AbCdEfGh", "appUserId": "123456789"},
            },
        },
        "bot": {"id": bot_id, "name": "서울 일자리·노동 도우미"},
        "action": {
            "id": "7b2c3d4e5f6a7b8c9d0e1f2a",
            "name": "rasa_skill",
            "params": {},
            "detailParams": {},
            "clientExtra": client_extra if client_extra is not None else {},
        },
        "contexts": [],
    }
