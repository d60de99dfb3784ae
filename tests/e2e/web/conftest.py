"""The real stack for the web chat tests: action server, Rasa (socket.io channel) and ``python -m bot.web``,
each a subprocess on a free port, plus headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

The tests are skipped only when there is no trained model in models/ (``make train``; ``make test`` trains
first). Everything else that is missing is a failure with the reason.

Overrides for development (defaults in brackets): WEB_E2E_MODEL [models], WEB_E2E_CREDENTIALS
[credentials.yml], WEB_E2E_ENDPOINTS [endpoints.yml], WEB_E2E_CHROMIUM [/usr/bin/chromium], and
WEB_E2E_ACTION_SERVER [unset: start one], the URL of an action server that is already running.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Iterator, List, Optional

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
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
RASA_START_TIMEOUT = 240  # seconds; loading the model takes ~20 s on an idle 2-core machine
SERVER_START_TIMEOUT = 90


def _repo_path(variable: str, default: str) -> Path:
    return (ROOT / os.environ.get(variable, default)).resolve()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Service:
    """A server subprocess in its own process group, with its output in a log file."""

    name: str
    command: List[str]
    env: dict
    log_path: Path
    ready_url: str
    process: Optional[subprocess.Popen] = field(default=None, repr=False)

    def start(self) -> "Service":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        return self

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join([line for line in text.splitlines() if "Warning" not in line][-lines:])

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(
                    f"{self.name} exited with code {self.process.returncode} while starting:\n"
                    f"$ {' '.join(self.command)}\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(self.ready_url, timeout=3) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.5)
        pytest.fail(f"{self.name} was not ready at {self.ready_url} after {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        except ProcessLookupError:
            pass


@dataclass
class WebStack:
    web_url: str
    rasa_url: str
    action_url: str
    services: List[Service]


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
def trained_model() -> Path:
    model = _repo_path("WEB_E2E_MODEL", "models")
    found = [model] if model.is_file() else sorted(model.glob("*.tar.gz")) if model.is_dir() else []
    if not found:
        pytest.skip(f"no trained model in {model}: run `make train` (make test trains before testing)")
    return model


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
def web_stack(
    trained_model: Path, widget_bundle: Path, kb_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WebStack]:
    """Action server, Rasa and the web page server, started together and stopped at the end of the session."""
    credentials = _repo_path("WEB_E2E_CREDENTIALS", "credentials.yml")
    endpoints = _repo_path("WEB_E2E_ENDPOINTS", "endpoints.yml")
    _check_rasa_config(credentials, endpoints)
    rasa = str(BIN / "rasa") if (BIN / "rasa").exists() else str(ROOT / ".venv" / "bin" / "rasa")
    logs = tmp_path_factory.mktemp("web-e2e-logs")
    action_port, rasa_port, web_port = free_port(), free_port(), free_port()
    action_url = os.environ.get("WEB_E2E_ACTION_SERVER", "").rstrip("/") or f"http://127.0.0.1:{action_port}"
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    web_url = f"http://127.0.0.1:{web_port}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    services = [
        Service(
            "action server",
            [rasa, "run", "actions", "--actions", "actions", "--port", str(action_port)],
            {**env, "DATABASE_URL": kb_url},
            logs / "actions.log",
            f"{action_url}/health",
        ),
        Service(
            "Rasa",
            [
                rasa, "run", "--interface", "127.0.0.1", "--port", str(rasa_port), "--cors", "*",
                "--credentials", str(credentials), "--endpoints", str(endpoints), "--model", str(trained_model),
            ],
            {**env, "ACTION_ENDPOINT_URL": f"{action_url}/webhook"},
            logs / "rasa.log",
            f"{rasa_url}/",
        ),
        Service(
            "web server",
            [sys.executable, "-m", "bot.web"],
            {**env, "WEB_BIND": "127.0.0.1", "WEB_PORT": str(web_port), "RASA_PUBLIC_URL": rasa_url},
            logs / "web.log",
            f"{web_url}/",
        ),
    ]
    if os.environ.get("WEB_E2E_ACTION_SERVER"):
        services = services[1:]
    try:
        for service in services:
            service.start()
        for service in services:
            service.wait_ready(RASA_START_TIMEOUT if service.name == "Rasa" else SERVER_START_TIMEOUT)
        yield WebStack(web_url=web_url, rasa_url=rasa_url, action_url=action_url, services=services)
    finally:
        for service in reversed(services):
            service.stop()


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
