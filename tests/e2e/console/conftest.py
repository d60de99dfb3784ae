"""The staff console against the real stack: action server + Rasa (``start_stack``, with the API token and the
staff channel token in its environment) and ``python -m bot.web`` (which mounts the console at /console),
on a fresh copy of the knowledge base; headless Chromium from tests/e2e/web/conftest.py.
"""
from __future__ import annotations

import os
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine

from knowledge.loader import load
from tests.e2e.conftest import ROOT, Stack, start_stack, stop_stack
from tests.e2e.web.conftest import CHROMIUM, CHROMIUM_ARGS, SERVER_START_TIMEOUT, Service, free_port
from tests.e2e.web.conftest import context, page, shot, widget_bundle  # noqa: F401  (fixtures)

STAFF_NAME = "e2e.staff"
STAFF_PASSWORD = "e2e-console-password-1"


@pytest.fixture(scope="package")
def browser():
    """Chromium for this package only (tests/e2e/web's is session-wide). Playwright's sync API leaves its event
    loop set as the running loop while it is started, so asyncio.run() and pytest-asyncio tests that run later in
    the same session fail ("coroutine was never awaited"); stopping it after this package avoids that."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class ConsoleStack:
    stack: Stack
    web_url: str
    database_url: str
    staff_token: str


@pytest.fixture(scope="package")
def console_stack(tmp_path_factory: pytest.TempPathFactory, widget_bundle: Path) -> Iterator[ConsoleStack]:  # noqa: F811
    work = tmp_path_factory.mktemp("console-e2e")
    database_url = f"sqlite:///{work / 'console.db'}"
    engine = create_engine(database_url, future=True)
    load(engine)  # the real knowledge base; handoffs, staff accounts and Rasa's events go into the same file
    engine.dispose()
    staff_token = secrets.token_urlsafe(24)
    env = {"DATABASE_URL": database_url, "STAFF_CHANNEL_TOKEN": staff_token}
    created = subprocess.run(
        [sys.executable, "-m", "bot.console", "create-user", STAFF_NAME, "--display-name", "상담원 E2E"],
        cwd=ROOT, env={**os.environ, **env, "CONSOLE_PASSWORD": STAFF_PASSWORD}, capture_output=True, text=True, timeout=120,
    )
    assert created.returncode == 0, created.stderr
    stack = start_stack(database_url, work, extra_env=env)
    web_port = free_port()
    web = Service(
        "web server with the console",
        [sys.executable, "-m", "bot.web"],
        {
            **os.environ,
            **env,
            "PYTHONUNBUFFERED": "1",
            "WEB_BIND": "127.0.0.1",
            "WEB_PORT": str(web_port),
            "RASA_PUBLIC_URL": stack.rasa_url,
            "RASA_URL": stack.rasa_url,
            "RASA_API_TOKEN": stack.api_token,
        },
        work / "web.log",
        f"http://127.0.0.1:{web_port}/healthz",
    )
    try:
        web.start()
        web.wait_ready(SERVER_START_TIMEOUT)
        yield ConsoleStack(stack, f"http://127.0.0.1:{web_port}", database_url, staff_token)
    finally:
        web.stop()
        stop_stack(stack)
