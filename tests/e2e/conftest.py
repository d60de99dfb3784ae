"""End-to-end fixtures: the real servers as subprocesses on free ports, with the trained model."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import pytest

from scripts.services import (  # noqa: F401 (re-exported for the e2e packages)
    BIN, MODELS, ROOT, Service, action_server, free_port, rasa_server, server_environment, start_all, stop_all,
)

KAKAO_SECRET = "e2e-kakao-secret"
API_TOKEN = "e2e-token"
RATE_LIMIT = 30  # messages per conversation and minute on the shared stack


def post_json(url: str, payload: object, headers: Optional[Dict[str, str]] = None, timeout: float = 30) -> object:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def send_message(base_url: str, sender: str, message: str, timeout: float = 60) -> Tuple[int, List[dict]]:
    """POST a citizen's message over REST; the HTTP status and the messages (also of a 4xx), never an exception."""
    request = urllib.request.Request(
        f"{base_url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        try:
            return error.code, json.load(error)
        except ValueError:
            return error.code, []


@dataclass
class Stack:
    """A running action server and Rasa server."""

    rasa_url: str
    action_url: str
    database_url: str
    api_token: str
    services: List[Service]  # [action server, Rasa server]
    env: Dict[str, str]
    log_dir: Path

    @property
    def action_server(self) -> Service:
        return self.services[0]

    def say(self, sender: str, message: str) -> List[dict]:
        return post_json(f"{self.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": message})  # type: ignore[return-value]

    def tracker(self, sender: str) -> dict:
        url = f"{self.rasa_url}/conversations/{sender}/tracker?token={self.api_token}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)


def restart_action_server(stack: "Stack") -> None:
    """Start the action server again on its port, as a process supervisor would."""
    stack.action_server.start().wait_ready()


def start_stack(database_url: str, log_dir: Path, extra_env: Optional[Dict[str, str]] = None) -> Stack:
    if not list(MODELS.glob("*.tar.gz")):
        pytest.fail("no trained model in models/: run `make train` (make test does it)")
    rasa_port, action_port = free_port(), free_port()
    action_url = f"http://127.0.0.1:{action_port}"
    env = server_environment(database_url, action_url, extra_env)
    services = start_all([
        action_server(action_port, env, log_dir),
        rasa_server(rasa_port, env, log_dir, API_TOKEN),
    ])
    return Stack(f"http://127.0.0.1:{rasa_port}", action_url, database_url, API_TOKEN, services, env, log_dir)


def stop_stack(stack: Stack) -> None:
    stop_all(stack.services)


@pytest.fixture(scope="session")
def stack(kb_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The assistant served for real over HTTP, on a fresh copy of the knowledge base."""
    running = start_stack(
        kb_url, tmp_path_factory.mktemp("logs"), {"KAKAO_SKILL_SECRET": KAKAO_SECRET, "RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT)}
    )
    yield running
    stop_stack(running)
