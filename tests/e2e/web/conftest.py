"""The real stack for the web chat tests: action server, Rasa (socket.io channel) and ``python -m bot.web``,
each a subprocess on a free port, plus headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Everything missing (model, npm, chromium) is a failure with the reason.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Iterator, List

import pytest
import yaml

from scripts.services import (  # noqa: F401 (Service and free_port are used by the web and console tests)
    ROOT, SERVER_START_TIMEOUT, Service, free_port, start_all,
)
from tests.e2e.conftest import Stack, start_stack, stop_stack

WIDGET_DIR = ROOT / "bot" / "web" / "widget"
WIDGET_BUNDLE = ROOT / "bot" / "web" / "static" / "widget.js"
SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"
CHROMIUM = os.environ.get("WEB_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class WebStack:
    web_url: str
    rasa_url: str
    action_url: str
    stack: Stack
    web: Service


def _check_rasa_config(credentials: Path, endpoints: Path) -> None:
    """Fails early, with the fix, on two set-up mistakes that otherwise look like 'the bot never answers'."""
    channels = yaml.safe_load(credentials.read_text(encoding="utf-8")) or {}
    builtin = channels.get("socketio")
    socketio_version = tuple(int(part) for part in re.findall(r"\d+", version("python-socketio"))[:2])
    if isinstance(builtin, dict) and builtin.get("session_persistence") and socketio_version >= (5, 10):
        pytest.fail(
            f"{credentials.name} uses Rasa's built-in `socketio` channel with session_persistence, which never "
            f"answers with python-socketio {version('python-socketio')} (enter_room is not awaited, "
            "RasaHQ/rasa#13027). Use `bot.web.rasa_channel.SocketIOInput:` with the same settings instead."
        )
    if re.search(r"""url:\s*["']\$\{""", endpoints.read_text(encoding="utf-8")):
        pytest.fail(
            f"{endpoints.name} quotes a ${{VARIABLE}}: Rasa 3.6 substitutes environment variables only in "
            'unquoted values, so the action server URL stays "${ACTION_ENDPOINT_URL}". Remove the quotes.'
        )


@pytest.fixture(scope="session")
def widget_bundle() -> Path:
    """static/widget.js, built with `npm ci && npm run build` if it is missing."""
    if not WIDGET_BUNDLE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("bot/web/static/widget.js is missing and npm is not installed to build it")
        for step in (["ci", "--no-audit", "--no-fund"], ["run", "build"]):
            result = subprocess.run([npm, *step], cwd=WIDGET_DIR, capture_output=True, text=True, timeout=600)
            if result.returncode != 0:
                pytest.fail(f"npm {' '.join(step)} failed in {WIDGET_DIR}:\n{result.stdout}\n{result.stderr}")
    return WIDGET_BUNDLE


@pytest.fixture(scope="session")
def web_stack(widget_bundle: Path, kb_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebStack]:
    """Action server and Rasa (``start_stack``) plus the web page server, stopped at the end of the session."""
    _check_rasa_config(ROOT / "credentials.yml", ROOT / "endpoints.yml")
    logs = tmp_path_factory.mktemp("web-e2e-logs")
    stack = start_stack(kb_url, logs)
    web_port = free_port()
    web_url = f"http://127.0.0.1:{web_port}"
    web = Service(
        "web server", [sys.executable, "-m", "bot.web"],
        {**os.environ, "PYTHONUNBUFFERED": "1", "WEB_BIND": "127.0.0.1", "WEB_PORT": str(web_port), "RASA_PUBLIC_URL": stack.rasa_url},
        logs / "web.log", f"{web_url}/",
    )
    try:
        start_all([web], SERVER_START_TIMEOUT)
        yield WebStack(web_url=web_url, rasa_url=stack.rasa_url, action_url=stack.action_url, stack=stack, web=web)
    finally:
        web.stop()
        stop_stack(stack)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, locale="ko-KR", timezone_id="Asia/Seoul"
    )
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.errors = []  # uncaught exceptions and console errors (e.g. CSP violations); tests assert none
    page.on("pageerror", lambda error: page.errors.append(f"uncaught: {error}"))
    page.on("console", lambda message: message.type == "error" and page.errors.append(f"console: {message.text}"))
    yield page


@pytest.fixture
def shot(request: pytest.FixtureRequest) -> Callable:
    """shot(page, "step") saves tests/e2e/screenshots/<test>-<nn>-<step>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    test_name = re.sub(r"[^\w-]+", "_", request.node.name).strip("_")
    for old in SCREENSHOTS.glob(f"{test_name}-*.png"):
        old.unlink()
    counter = {"n": 0}

    def take(page, step: str, **options) -> Path:
        counter["n"] += 1
        path = SCREENSHOTS / f"{test_name}-{counter['n']:02d}-{step}.png"
        page.screenshot(path=str(path), **options)
        return path

    return take


@pytest.fixture
def socket_log():
    """Collects the socket.io events each page sends and receives over WebSocket: log.sent("user_uttered")."""
    return SocketLog()


class SocketLog:
    def __init__(self) -> None:
        self.frames: List[tuple] = []
        self.urls: List[str] = []

    def attach(self, page) -> None:
        def on_websocket(ws) -> None:
            self.urls.append(ws.url)
            ws.on("framesent", lambda payload: self.frames.append(("sent", payload)))
            ws.on("framereceived", lambda payload: self.frames.append(("received", payload)))

        page.on("websocket", on_websocket)

    def _events(self, direction: str, name: str) -> list:
        events = []
        for frame_direction, payload in self.frames:
            if frame_direction != direction or not isinstance(payload, str) or not payload.startswith("42"):
                continue
            packet = json.loads(payload[2:])
            if packet and packet[0] == name:
                events.append(packet[1] if len(packet) > 1 else None)
        return events

    def sent(self, name: str) -> list:
        return self._events("sent", name)

    def received(self, name: str) -> list:
        return self._events("received", name)
