"""bot.console.rasa_api.RasaClient against a small HTTP server shaped like Rasa's API."""
from __future__ import annotations

import asyncio
import uuid
from typing import Any, Iterator, List

import pytest
from sanic import Request, Sanic, response

from bot.console.rasa_api import RasaClient, RasaUnavailable, parse_result

from .conftest import ServerThread

TOKEN = "api-token"


class FakeRasaServer:
    def __init__(self) -> None:
        self.seen: List[Any] = []
        self.delay = 0.0
        Sanic.test_mode = True
        app = Sanic(f"fake_rasa_{uuid.uuid4().hex[:12]}", configure_logging=False)

        def authorised(request: Request) -> bool:
            self.seen.append((request.method, request.path, request.args.get("token"), request.headers.get("x-staff-token"),
                              request.json if request.body else None))
            return request.args.get("token") == TOKEN

        @app.post("/model/parse")
        async def parse(request: Request):
            if not authorised(request):
                return response.json({"message": "unauthorised"}, status=401)
            await asyncio.sleep(self.delay)
            return response.json({"text": request.json["text"], "intent": {"name": "greet", "confidence": 0.8},
                                  "entities": [], "intent_ranking": [{"name": "greet", "confidence": 0.8}]})

        @app.get("/conversations/<sender:path>/tracker")
        async def tracker(request: Request, sender: str):
            if not authorised(request):
                return response.json({}, status=401)
            return response.json({"sender_id": sender, "events": [], "paused": False})

        @app.post("/conversations/<sender:path>/tracker/events")
        async def events(request: Request, sender: str):
            if not authorised(request):
                return response.json({}, status=401)
            return response.json({"sender_id": sender})

        @app.post("/webhooks/socketio/staff_message")
        async def staff(request: Request):
            authorised(request)
            return response.json({"status": "sent", "connected": 2})

        self.runner = ServerThread(app).start()
        self.url = f"http://127.0.0.1:{self.runner.port}"


@pytest.fixture(scope="module")
def rasa() -> Iterator[FakeRasaServer]:
    server = FakeRasaServer()
    yield server
    server.runner.stop()


def call(client: RasaClient, make):
    async def main():
        try:
            return await make(client)
        finally:
            await client.close()

    return asyncio.run(main())


def test_parse_sends_the_token_in_the_query(rasa: FakeRasaServer) -> None:
    parsed = call(RasaClient(rasa.url, TOKEN), lambda c: c.parse("안녕하세요"))
    assert (parsed.intent, parsed.confidence) == ("greet", 0.8)
    assert rasa.seen[-1][:3] == ("POST", "/model/parse", TOKEN)


def test_tracker_and_events_for_a_kakao_sender(rasa: FakeRasaServer) -> None:
    tracker = call(RasaClient(rasa.url, TOKEN), lambda c: c.tracker("kakao:abc123"))
    assert tracker["sender_id"] == "kakao:abc123"
    call(RasaClient(rasa.url, TOKEN), lambda c: c.append_events("kakao:abc123", [{"event": "resume"}]))
    assert rasa.seen[-1] == ("POST", "/conversations/kakao:abc123/tracker/events", TOKEN, None, [{"event": "resume"}])


def test_staff_message_sends_the_staff_header_not_the_api_token(rasa: FakeRasaServer) -> None:
    connected = call(RasaClient(rasa.url, TOKEN, "staff-secret"), lambda c: c.push_to_socket("0123456789abcdef", "안녕"))
    assert connected == 2
    assert rasa.seen[-1] == ("POST", "/webhooks/socketio/staff_message", None, "staff-secret",
                             {"sender_id": "0123456789abcdef", "text": "안녕"})
    with pytest.raises(RasaUnavailable, match="STAFF_CHANNEL_TOKEN"):
        call(RasaClient(rasa.url, TOKEN, ""), lambda c: c.push_to_socket("0123456789abcdef", "안녕"))


def test_failures_become_rasa_unavailable(rasa: FakeRasaServer, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(RasaUnavailable, match="토큰") as refused:
        call(RasaClient(rasa.url, "wrong"), lambda c: c.parse("x"))
    assert refused.value.status == 401 and "wrong" not in str(refused.value)
    with pytest.raises(RasaUnavailable, match="연결할 수 없음"):
        call(RasaClient("http://127.0.0.1:9"), lambda c: c.parse("x"))
    with pytest.raises(RasaUnavailable, match="HTTP 404"):
        call(RasaClient(rasa.url + "/nothing", TOKEN), lambda c: c.parse("x"))
    monkeypatch.setattr("bot.console.rasa_api.PARSE_TIMEOUT", 0.2)
    rasa.delay = 1.0
    try:
        with pytest.raises(RasaUnavailable, match="응답 없음"):
            call(RasaClient(rasa.url, TOKEN), lambda c: c.parse("x"))
    finally:
        rasa.delay = 0.0


def test_parse_results_are_read_defensively() -> None:
    assert parse_result({}).intent is None
    with pytest.raises(RasaUnavailable):
        parse_result([])
    odd = parse_result({"text": "취업날개", "intent": "x", "entities": [None, {"entity": "programme", "start": 0, "end": 4}]})
    assert odd.intent is None and odd.entities[0].text == "취업날개"
