"""The assistant's servers as subprocesses: one place that knows how to start, wait for and stop them.

Used by the end-to-end tests (tests/e2e), the benchmark (scripts/bench.py) and the scaled set-up's fault
tests, so that all of them run the servers exactly as the Procfiles do. Each server runs in its own process
group with its output in a log file.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RASA = str(BIN / "rasa") if (BIN / "rasa").exists() else str(ROOT / ".venv" / "bin" / "rasa")
MODELS = ROOT / "models"
RASA_START_TIMEOUT = 240.0  # seconds; loading the model takes ~20 s on an idle 2-core machine
SERVER_START_TIMEOUT = 90.0

# What endpoints.yml reads, with the same defaults as the Makefile (one SQLite file, one Rasa process).
ENDPOINT_DEFAULTS: Dict[str, str] = {
    "LOCK_STORE_TYPE": "in_memory",
    "TRACKER_CACHE_SIZE": "2000",
    "REDIS_HOST": "127.0.0.1",
    "REDIS_PORT": "6379",
    "REDIS_DB": "0",
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "PYTHONUNBUFFERED": "1",
    # one order of Python's sets and dicts of strings in every process, so a reply is the same run after run (a
    # tie once went to whichever word a set gave first; fixed, and this keeps the evaluation reproducible)
    "PYTHONHASHSEED": "0",
}

logger = logging.getLogger(__name__)


class ServiceError(RuntimeError):
    """A server exited or did not answer in time; the message carries the end of its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(database_url: str, action_url: str, extra: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """The environment of a Rasa or action server: defaults, then the caller's environment, then the specifics."""
    return {
        **ENDPOINT_DEFAULTS,
        **os.environ,
        "DATABASE_URL": database_url,
        "ACTION_ENDPOINT_URL": f"{action_url}/webhook",
        **(extra or {}),
    }


@dataclass
class Service:
    """A server subprocess in its own process group, with its output in a log file."""

    name: str
    command: List[str]
    env: Mapping[str, str]
    log_path: Path
    ready_url: str
    cwd: Path = ROOT
    process: Optional[subprocess.Popen] = field(default=None, repr=False)

    def start(self) -> "Service":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=self.cwd, env=dict(self.env), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None, f"{self.name} was never started"
        return self.process.pid

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join([line for line in text.splitlines() if "Warning" not in line][-lines:])

    def wait_ready(self, timeout: float = SERVER_START_TIMEOUT) -> "Service":
        """Until ``ready_url`` answers 200; raises ServiceError if the process exits or time runs out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.running():
                code = self.process.returncode if self.process is not None else None
                raise ServiceError(
                    f"{self.name} exited with code {code} while starting:\n$ {' '.join(self.command)}\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(self.ready_url, timeout=3) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.3)
        raise ServiceError(f"{self.name} was not ready at {self.ready_url} after {timeout:.0f} s:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL, as a crash would: no clean-up runs."""
        if self.running():
            os.killpg(self.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if not self.running():
            return
        try:
            os.killpg(self.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        except ProcessLookupError:
            pass


def action_server(port: int, env: Mapping[str, str], log_dir: Path, name: str = "action server") -> Service:
    return Service(
        name, [RASA, "run", "actions", "--actions", "actions", "--port", str(port)], env,
        log_dir / f"{name.replace(' ', '-')}.log", f"http://127.0.0.1:{port}/health",
    )


def rasa_server(
    port: int, env: Mapping[str, str], log_dir: Path, api_token: str, name: str = "rasa",
    model: Path = MODELS, endpoints: str = "endpoints.yml", credentials: str = "credentials.yml",
) -> Service:
    """Rasa as the Procfile runs it: the channels of credentials.yml, the token-protected HTTP API on 127.0.0.1."""
    return Service(
        name,
        [
            RASA, "run", "--enable-api", "--auth-token", api_token, "--interface", "127.0.0.1", "--port", str(port),
            "--cors", "*", "--credentials", credentials, "--endpoints", endpoints, "--model", str(model),
        ],
        env, log_dir / f"{name.replace(' ', '-')}.log", f"http://127.0.0.1:{port}/status?token={api_token}",
    )


def start_all(services: List[Service], timeout: float = RASA_START_TIMEOUT) -> List[Service]:
    """Starts them together (Rasa's model loading dominates), waits for each; stops all if one fails."""
    try:
        for service in services:
            service.start()
        for service in services:
            service.wait_ready(timeout)
    except BaseException:
        stop_all(services)
        raise
    return services


def stop_all(services: List[Service]) -> None:
    for service in reversed(services):
        service.stop()


def process_tree_rss(pid: int) -> int:
    """Resident memory in bytes of a process and all its descendants (from /proc; Linux only)."""
    children: Dict[int, List[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


# ------------------------------------------------------------------------------------------- scaled set-up
NGINX_TEMPLATE = ROOT / "deploy" / "local" / "nginx.conf.template"


def render_nginx_config(values: Mapping[str, str], nginx_dir: Path) -> Path:
    """deploy/local/nginx.conf.template with its ${VARIABLES} filled in (what `make run-scaled` does with envsubst)."""
    text = NGINX_TEMPLATE.read_text(encoding="utf-8")
    for name, value in {**values, "NGINX_DIR": str(nginx_dir)}.items():
        text = text.replace("${" + name + "}", str(value))
    if "${" in text:
        raise ValueError(f"unfilled variable in {NGINX_TEMPLATE}: {text[text.index('${'):][:40]}")
    nginx_dir.mkdir(parents=True, exist_ok=True)
    path = nginx_dir / "nginx.conf"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class ScaledStack:
    """nginx in front of two Rasa replicas and two action servers, as `make run-scaled` runs them."""

    url: str  # nginx: what citizens and the console talk to
    replica_urls: List[str]
    api_token: str
    nginx: Service
    rasa: List[Service]
    actions: List[Service]

    @property
    def services(self) -> List[Service]:
        return [*self.actions, *self.rasa, self.nginx]


def start_scaled(
    database_url: str, log_dir: Path, api_token: str, extra_env: Optional[Mapping[str, str]] = None,
) -> ScaledStack:
    """Starts the scaled set-up on free ports; conversations in ``database_url``, locks in Redis (REDIS_* of
    ``extra_env`` or the environment)."""
    ports = {name: free_port() for name in (
        "RASA_PORT", "ACTION_SERVER_PORT", "RASA_REPLICA_1_PORT", "RASA_REPLICA_2_PORT",
        "ACTION_REPLICA_1_PORT", "ACTION_REPLICA_2_PORT",
    )}
    env = server_environment(
        database_url, f"http://127.0.0.1:{ports['ACTION_SERVER_PORT']}", {"LOCK_STORE_TYPE": "redis", **(extra_env or {})}
    )
    config = render_nginx_config({**ports, "RASA_BIND": "127.0.0.1"}, log_dir / "nginx")
    nginx = Service(
        "nginx", ["nginx", "-p", str(log_dir / "nginx"), "-c", str(config), "-g", "daemon off;"], env,
        log_dir / "nginx.log", f"http://127.0.0.1:{ports['RASA_PORT']}/",
    )
    actions = [action_server(ports[f"ACTION_REPLICA_{n}_PORT"], env, log_dir, f"action server {n}") for n in (1, 2)]
    rasa = [rasa_server(ports[f"RASA_REPLICA_{n}_PORT"], env, log_dir, api_token, f"rasa {n}") for n in (1, 2)]
    prepare_tracker_store(database_url)
    start_all([nginx, *actions, *rasa])
    return ScaledStack(
        f"http://127.0.0.1:{ports['RASA_PORT']}",
        [f"http://127.0.0.1:{ports[f'RASA_REPLICA_{n}_PORT']}" for n in (1, 2)],
        api_token, nginx, rasa, actions,
    )


def prepare_tracker_store(database_url: str) -> None:
    """Creates Rasa's tracker-store table once, before the replicas start: two replicas creating it at the same
    moment on a fresh PostgreSQL database race on the catalogue and one of them exits."""
    from rasa.core.tracker_store import SQLTrackerStore  # heavy import, only when asked

    store = SQLTrackerStore(host=database_url)
    store.engine.dispose()


if __name__ == "__main__":  # `python -m scripts.services prepare-tracker-store URL` (make run-scaled)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if len(sys.argv) == 3 and sys.argv[1] == "prepare-tracker-store":
        prepare_tracker_store(sys.argv[2])
        logger.info("tracker store ready")
    else:
        sys.exit("usage: python -m scripts.services prepare-tracker-store DATABASE_URL")
