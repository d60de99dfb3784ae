"""The scaled set-up for real: nginx, two Rasa replicas, two action servers, PostgreSQL and Redis.

PostgreSQL and Redis are private instances started for these tests (a PostgreSQL cluster made with initdb, run
as the `postgres` user; a Redis server with no persistence), so the tests can restart them without touching the
machine's own servers that other tests use.
"""
from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest
from sqlalchemy import create_engine

from knowledge.loader import load
from scripts.services import ScaledStack, free_port, start_scaled, stop_all
from tests.e2e.conftest import send_message

PG_BIN = Path("/usr/lib/postgresql") / (sorted(os.listdir("/usr/lib/postgresql"))[-1] if os.path.isdir("/usr/lib/postgresql") else "15") / "bin"
API_TOKEN = "scaled-e2e-token"
KAKAO_SECRET = "scaled-e2e-kakao-secret"


def _as_postgres(*command: str) -> subprocess.CompletedProcess:
    user = [] if os.geteuid() != 0 else ["runuser", "-u", "postgres", "--"]
    return subprocess.run([*user, *command], capture_output=True, text=True, timeout=120)


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise TimeoutError(f"{what} within {seconds} s")


class PostgresServer:
    """A throw-away PostgreSQL cluster on a free port (trust auth on 127.0.0.1)."""

    def __init__(self) -> None:
        if not (PG_BIN / "initdb").exists():
            pytest.fail(f"PostgreSQL server binaries not found in {PG_BIN} (Debian package postgresql)")
        self.dir = Path(tempfile.mkdtemp(prefix="scaled-pg-"))
        if os.geteuid() == 0:
            entry = pwd.getpwnam("postgres")
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        self.data = self.dir / "data"
        self.port = free_port()
        made = _as_postgres(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        assert made.returncode == 0, made.stderr

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        started = _as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "server.log"), "-w", "-t", "60",
            "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start",
        )
        assert started.returncode == 0, started.stdout + started.stderr

    def stop(self) -> None:
        _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self.stop()
        assert not _listening(self.port)
        self.start()

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class RedisServer:
    """A throw-away Redis server on a free port (nothing kept on disk)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen = None  # type: ignore[assignment]

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        _wait(lambda: _listening(self.port), 20, "Redis did not listen")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@dataclass
class Scaled:
    stack: ScaledStack
    postgres: PostgresServer
    redis: RedisServer
    database_url: str
    log_dir: Path

    def say(self, sender: str, message: str, base: str = "") -> Tuple[int, List[dict]]:
        """POST a message (to nginx, or to ``base``); the HTTP status and the messages, never an exception."""
        return send_message(base or self.stack.url, sender, message)

    def tracker(self, sender: str) -> dict:
        url = f"{self.stack.url}/conversations/{sender}/tracker?token={API_TOKEN}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)


def text_of(messages: List[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


@pytest.fixture(scope="package")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scaled]:
    if shutil.which("nginx") is None:
        pytest.fail("nginx is not installed (apt-get install -y nginx-light; .ci/run does it)")
    log_dir = tmp_path_factory.mktemp("scaled-logs")
    postgres, redis = PostgresServer(), RedisServer()
    postgres.start()
    redis.start()
    database_url = postgres.url.rsplit("/", 1)[0] + "/seoul_assistant"
    try:
        from knowledge.db import ensure_database

        ensure_database(database_url)
        engine = create_engine(database_url, future=True)
        load(engine)
        engine.dispose()
        stack = start_scaled(
            database_url, log_dir, API_TOKEN,
            {"REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(redis.port), "KAKAO_SKILL_SECRET": KAKAO_SECRET},
        )
    except BaseException:
        redis.stop()
        postgres.remove()
        raise
    yield Scaled(stack, postgres, redis, database_url, log_dir)
    stop_all(stack.services)
    redis.stop()
    postgres.remove()
