"""End-to-end fixtures: the real servers as subprocesses on free ports, with the trained model."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
MODELS = ROOT / "models"
KAKAO_SECRET = "e2e-kakao-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 180.0, process: Optional[subprocess.Popen] = None) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} exited with {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not 200
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {seconds} s")


def post_json(url: str, payload: object, headers: Optional[Dict[str, str]] = None, timeout: float = 30) -> object:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


@dataclass
class Stack:
    """A running action server and Rasa server."""

    rasa_url: str
    action_url: str
    database_url: str
    api_token: str
    processes: List[subprocess.Popen]  # [action server, Rasa server]
    env: Dict[str, str]
    log_dir: Path

    def say(self, sender: str, message: str) -> List[dict]:
        return post_json(f"{self.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": message})  # type: ignore[return-value]

    def tracker(self, sender: str) -> dict:
        url = f"{self.rasa_url}/conversations/{sender}/tracker?token={self.api_token}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)


def start_action_server(port: int, env: Dict[str, str], log_dir: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)],
        cwd=ROOT, env=env, stdout=open(log_dir / "actions.log", "a"), stderr=subprocess.STDOUT,
    )


def restart_action_server(stack: "Stack") -> None:
    """Start the action server again on its port, as a process supervisor would."""
    port = int(stack.action_url.rsplit(":", 1)[1])
    stack.processes[0] = start_action_server(port, stack.env, stack.log_dir)
    wait_for(f"{stack.action_url}/health", process=stack.processes[0])


def start_stack(database_url: str, log_dir: Path, extra_env: Optional[Dict[str, str]] = None) -> Stack:
    if not list(MODELS.glob("*.tar.gz")):
        pytest.fail("no trained model in models/: run `make train` (make test does it)")
    rasa_port, action_port = free_port(), free_port()
    token = "e2e-token"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{action_port}/webhook",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "RASA_TELEMETRY_ENABLED": "false",
        **(extra_env or {}),
    }
    actions = start_action_server(action_port, env, log_dir)
    rasa = subprocess.Popen(
        [
            str(BIN / "rasa"), "run", "--enable-api", "--auth-token", token, "--interface", "127.0.0.1",
            "--port", str(rasa_port), "--cors", "*", "--credentials", "credentials.yml",
            "--endpoints", "endpoints.yml", "--model", str(MODELS),
        ],
        cwd=ROOT, env=env, stdout=open(log_dir / "rasa.log", "w"), stderr=subprocess.STDOUT,
    )
    stack = Stack(f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{action_port}", database_url, token, [actions, rasa], env, log_dir)
    try:
        wait_for(f"{stack.action_url}/health", process=actions)
        wait_for(f"{stack.rasa_url}/status?token={token}", process=rasa)
    except Exception:
        stop_stack(stack)
        raise
    return stack


def stop_stack(stack: Stack) -> None:
    for process in stack.processes:
        process.terminate()
    for process in stack.processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def stack(kb_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The assistant served for real over HTTP, on a fresh copy of the knowledge base."""
    running = start_stack(kb_url, tmp_path_factory.mktemp("logs"), {"KAKAO_SKILL_SECRET": KAKAO_SECRET})
    yield running
    stop_stack(running)
