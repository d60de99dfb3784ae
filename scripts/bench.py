"""`make bench`: closed-loop load of multi-turn Korean conversations over REST, ours against the floor, one run.

Systems, each served the way it is served in production and measured one after the other on this machine:
- floor: Rasa's stock `rasa init` assistant (its default pipeline and policies, in-memory stores), `rasa run`
  with the REST channel and the token-protected API, trained once into .bench/floor;
- ours: `make run`'s set-up (one Rasa + one action server, conversations in SQLite);
- ours scaled: `make run-scaled`'s set-up (nginx, two Rasa replicas and two action servers, conversations in
  PostgreSQL, locks and the rate limit in Redis).

At 1, 20 and 50 concurrent conversations, each virtual citizen replays the conversations of
scripts/bench/conversations.yml with a fresh sender id, one turn after the other with no think time (closed
loop), for --seconds after a warm-up. Recorded: turns per second, p50/p95/p99 turn latency, errors (non-200,
timeouts, an empty reply), and the peak resident memory of the server processes. Also /model/parse latency
(sequential) and the KakaoTalk webhook's p99 under 20 concurrent users. The load generator shares the 2 cores
with the servers, so compare the ratios in one run, not absolute numbers across machines.

Writes results/bench.json and results/bench.md.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.services import (  # noqa: E402
    RASA, Service, action_server, free_port, process_tree_rss, rasa_server, server_environment, start_all,
    start_scaled, stop_all,
)

FLOOR_DIR = ROOT / ".bench" / "floor"
CONVERSATIONS = ROOT / "scripts" / "bench" / "conversations.yml"
RESULTS = ROOT / "results"
TOKEN = "bench-token"
KAKAO_SECRET = "bench-kakao-secret-0123456789"
SCALED_DATABASE = "seoul_assistant_bench"

logger = logging.getLogger("bench")


@dataclass
class LevelResult:
    system: str
    concurrency: int
    turns: int
    errors: int
    seconds: float
    throughput: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    peak_rss_mb: float
    empty_replies: int = 0


@dataclass
class SystemUnderTest:
    name: str
    url: str
    services: List[Service]
    kakao: bool = False
    extra: Dict[str, Any] = field(default_factory=dict)

    def rss(self) -> int:
        return sum(process_tree_rss(s.pid) for s in self.services if s.running())


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class MemorySampler(threading.Thread):
    def __init__(self, measure: Callable[[], int]) -> None:
        super().__init__(daemon=True)
        self.measure, self.peak, self._done = measure, 0, threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, self.measure())
            self._done.wait(0.5)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak


async def closed_loop(url: str, conversations: List[List[str]], concurrency: int, warmup: float, seconds: float) -> Dict[str, Any]:
    """Every virtual citizen holds conversations back to back; only turns that end inside the window count."""
    import aiohttp

    latencies: List[float] = []
    errors = empty = 0
    loop = asyncio.get_running_loop()
    start = loop.time() + warmup
    end = start + seconds

    async def citizen(number: int, session: "aiohttp.ClientSession") -> None:
        nonlocal errors, empty
        index = number
        while loop.time() < end:
            turns = conversations[index % len(conversations)]
            index += concurrency
            sender = f"bench-{uuid.uuid4().hex[:12]}"
            for text in turns:
                began = loop.time()
                ok, said = False, False
                try:
                    async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}) as reply:
                        body = await reply.json(content_type=None)
                        ok = reply.status == 200 and isinstance(body, list)
                        said = ok and len(body) > 0
                except Exception:  # timeouts, refused connections
                    ok = False
                finished = loop.time()
                if start <= finished <= end:
                    if ok:
                        latencies.append(finished - began)
                        empty += 0 if said else 1  # the floor answers most Korean with nothing at all
                    else:
                        errors += 1
                if finished >= end:
                    return

    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        await asyncio.gather(*(citizen(n, session) for n in range(concurrency)))
    return {"latencies": latencies, "errors": errors, "empty": empty}


async def kakao_loop(url: str, concurrency: int, seconds: float) -> Dict[str, Any]:
    import aiohttp

    utterances = ["청년일자리센터 몇시까지 해요?", "취업날개가 뭐예요?", "월급을 못 받았어요", "서초쉼터 지금 열었어요?"]
    latencies: List[float] = []
    errors = 0
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds

    async def user(number: int, session: "aiohttp.ClientSession") -> None:
        nonlocal errors
        n = 0
        while loop.time() < end:
            body = {
                "userRequest": {"utterance": utterances[n % len(utterances)], "user": {"id": f"bench-kakao-{number}-{n // 4}"}},
                "bot": {"id": "bench-bot"},
            }
            n += 1
            began = loop.time()
            try:
                async with session.post(f"{url}/webhooks/kakao/webhook", json=body, headers={"X-Skill-Secret": KAKAO_SECRET}) as reply:
                    data = await reply.json(content_type=None)
                    ok = reply.status == 200 and data.get("version") == "2.0"
            except Exception:
                ok = False
            latencies.append(loop.time() - began)
            errors += 0 if ok else 1

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        await asyncio.gather(*(user(n, session) for n in range(concurrency)))
    return {"latencies": latencies, "errors": errors}


def parse_latency(url: str, texts: List[str], repeat: int = 3) -> Dict[str, float]:
    import urllib.request

    timings = []
    for _ in range(repeat):
        for text in texts:
            request = urllib.request.Request(
                f"{url}/model/parse?token={TOKEN}", data=json.dumps({"text": text}).encode(),
                headers={"Content-Type": "application/json"},
            )
            began = time.perf_counter()
            with urllib.request.urlopen(request, timeout=30) as reply:
                reply.read()
            timings.append((time.perf_counter() - began) * 1000)
    return {"p50_ms": round(percentile(timings, 0.5), 1), "p95_ms": round(percentile(timings, 0.95), 1)}


# --------------------------------------------------------------------------------------------- systems
def ensure_floor() -> Path:
    """`rasa init` once (its model trains with the stock config); reused while the Rasa version is the same."""
    import rasa

    marker = FLOOR_DIR / "rasa-version"
    if marker.exists() and marker.read_text().strip() == rasa.__version__ and list((FLOOR_DIR / "models").glob("*.tar.gz")):
        return FLOOR_DIR
    shutil.rmtree(FLOOR_DIR, ignore_errors=True)
    FLOOR_DIR.mkdir(parents=True)
    logger.info("training the floor: rasa init (stock moodbot, default pipeline and policies) ...")
    began = time.time()
    subprocess.run(
        [RASA, "init", "--no-prompt", "--init-dir", str(FLOOR_DIR)], cwd=FLOOR_DIR, check=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    marker.write_text(rasa.__version__)
    logger.info("floor trained in %.0f s", time.time() - began)
    return FLOOR_DIR


def start_floor(log_dir: Path) -> SystemUnderTest:
    floor = ensure_floor()
    port = free_port()
    service = Service(
        "floor (rasa init)",
        [RASA, "run", "--enable-api", "--auth-token", TOKEN, "--interface", "127.0.0.1", "--port", str(port),
         "--credentials", "credentials.yml", "--endpoints", "endpoints.yml", "--model", "models"],
        {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"},
        log_dir / "floor.log", f"http://127.0.0.1:{port}/status?token={TOKEN}", cwd=floor,  # the floor's own project
    )
    return SystemUnderTest("floor: rasa init", f"http://127.0.0.1:{port}", start_all([service]))


def start_ours(log_dir: Path, database_url: str) -> SystemUnderTest:
    action_port, rasa_port = free_port(), free_port()
    env = server_environment(database_url, f"http://127.0.0.1:{action_port}", {"KAKAO_SKILL_SECRET": KAKAO_SECRET})
    services = start_all([action_server(action_port, env, log_dir), rasa_server(rasa_port, env, log_dir, TOKEN)])
    return SystemUnderTest("ours: make run", f"http://127.0.0.1:{rasa_port}", services, kakao=True)


def start_ours_scaled(log_dir: Path, database_url: str) -> SystemUnderTest:
    scaled = start_scaled(database_url, log_dir, TOKEN, {"KAKAO_SKILL_SECRET": KAKAO_SECRET})
    return SystemUnderTest("ours: make run-scaled", scaled.url, scaled.services, kakao=True)


def fresh_postgres_database(admin_url: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(admin_url, future=True, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{SCALED_DATABASE}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{SCALED_DATABASE}"'))
    engine.dispose()
    return make_url(admin_url).set(database=SCALED_DATABASE).render_as_string(hide_password=False)


# --------------------------------------------------------------------------------------------- running
def measure(system: SystemUnderTest, conversations: List[List[str]], levels: List[int], warmup: float, seconds: float) -> List[LevelResult]:
    results = []
    for concurrency in levels:
        sampler = MemorySampler(system.rss)
        sampler.start()
        outcome = asyncio.run(closed_loop(system.url, conversations, concurrency, warmup, seconds))
        peak = sampler.stop()
        latencies = [v * 1000 for v in outcome["latencies"]]
        result = LevelResult(
            system.name, concurrency, len(latencies), outcome["errors"], seconds, round(len(latencies) / seconds, 2),
            round(percentile(latencies, 0.5), 1), round(percentile(latencies, 0.95), 1), round(percentile(latencies, 0.99), 1),
            round(peak / 2**20, 1), outcome["empty"],
        )
        logger.info("%s", result)
        results.append(result)
    return results


def markdown(levels: List[LevelResult], extras: Dict[str, Dict[str, Any]]) -> str:
    lines = [
        "| system | concurrent | turns/s | p50 ms | p95 ms | p99 ms | errors | empty replies | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in levels:
        lines.append(
            f"| {r.system} | {r.concurrency} | {r.throughput} | {r.p50_ms} | {r.p95_ms} | {r.p99_ms} | {r.errors} | "
            f"{r.empty_replies} | {r.peak_rss_mb} |"
        )
    floor = {r.concurrency: r for r in levels if r.system.startswith("floor")}
    lines += ["", "| system | concurrent | throughput ÷ floor | p95 ÷ floor | memory ÷ floor |", "|---|---:|---:|---:|---:|"]
    for r in levels:
        f = floor.get(r.concurrency)
        if f is None or r.system.startswith("floor") or not f.throughput:
            continue
        lines.append(
            f"| {r.system} | {r.concurrency} | {r.throughput / f.throughput:.2f}× | {r.p95_ms / f.p95_ms:.2f}× | {r.peak_rss_mb / f.peak_rss_mb:.2f}× |"
        )
    lines += ["", "| system | /model/parse p50 ms | /model/parse p95 ms | Kakao webhook p99 ms (20 users) | Kakao errors |", "|---|---:|---:|---:|---:|"]
    for name, extra in extras.items():
        lines.append(
            f"| {name} | {extra.get('parse', {}).get('p50_ms', '–')} | {extra.get('parse', {}).get('p95_ms', '–')} | "
            f"{extra.get('kakao_p99_ms', '–')} | {extra.get('kakao_errors', '–')} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,20,50")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--systems", default="floor,ours,scaled")
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    levels = [int(n) for n in args.levels.split(",")]
    conversations = yaml.safe_load(CONVERSATIONS.read_text(encoding="utf-8"))["conversations"]
    wanted = args.systems.split(",")
    all_levels: List[LevelResult] = []
    extras: Dict[str, Dict[str, Any]] = {}
    parse_texts = [turn for conversation in conversations for turn in conversation]

    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        from sqlalchemy import create_engine

        from knowledge.loader import load

        sqlite_url = f"sqlite:///{work}/bench.db"
        load(create_engine(sqlite_url, future=True))
        starters = {
            "floor": lambda: start_floor(Path(work) / "floor"),
            "ours": lambda: start_ours(Path(work) / "ours", sqlite_url),
            "scaled": lambda: start_ours_scaled(Path(work) / "scaled", _scaled_database(args.postgres)),
        }
        for key in wanted:
            system = starters[key]()
            try:
                extras[system.name] = {"parse": parse_latency(system.url, parse_texts)}
                all_levels += measure(system, conversations, levels, args.warmup, args.seconds)
                if system.kakao:
                    outcome = asyncio.run(kakao_loop(system.url, 20, min(args.seconds, 20.0)))
                    values = [v * 1000 for v in outcome["latencies"]]
                    extras[system.name].update(kakao_p99_ms=round(percentile(values, 0.99), 1), kakao_errors=outcome["errors"])
            finally:
                stop_all(system.services)

    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench.json").write_text(
        json.dumps({"levels": [asdict(r) for r in all_levels], "extras": extras, "cpus": os.cpu_count()}, ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    table = markdown(all_levels, extras)
    (RESULTS / "bench.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


def _scaled_database(admin_url: str) -> str:
    from sqlalchemy import create_engine

    from knowledge.loader import load

    url = fresh_postgres_database(admin_url)
    load(create_engine(url, future=True))
    return url


if __name__ == "__main__":
    sys.exit(main())
