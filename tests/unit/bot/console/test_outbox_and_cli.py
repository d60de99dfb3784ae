"""The staff outbox in bot.handoff, and `python -m bot.console create-user`."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine

from bot.console.auth import AuthStore
from bot.handoff import HandoffStore
from knowledge.db import PROJECT_ROOT

from .conftest import FAST_HASHER


def test_outbox_delivers_each_message_once_in_order(tmp_path: Path) -> None:
    store = HandoffStore(create_engine(f"sqlite:///{tmp_path / 'h.db'}", future=True))
    store.queue_message("kakao:abc", "첫 번째", "tester", "kakao")
    store.queue_message("kakao:abc", "두 번째", "tester", "kakao")
    store.queue_message("rest-1", "다른 사람", "tester", "rest")
    assert [m.text for m in store.undelivered("kakao:abc")] == ["첫 번째", "두 번째"]
    delivered = store.deliver("kakao:abc")
    assert [(m.text, m.staff, m.channel) for m in delivered] == [("첫 번째", "tester", "kakao"), ("두 번째", "tester", "kakao")]
    assert store.deliver("kakao:abc") == [] and store.undelivered("kakao:abc") == []
    assert [m.text for m in store.deliver("rest-1")] == ["다른 사람"]


def run_cli(tmp_path: Path, *args: str, password: str = "a-long-password-1") -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "CONSOLE_PASSWORD": password}
    return subprocess.run(
        [sys.executable, "-m", "bot.console", *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_create_user_from_the_command_line(tmp_path: Path) -> None:
    created = run_cli(tmp_path, "create-user", "Kim.Minji", "--display-name", "김민지")
    assert created.returncode == 0, created.stderr
    assert "kim.minji (김민지)" in created.stdout
    store = AuthStore(create_engine(f"sqlite:///{tmp_path / 'cli.db'}", future=True), FAST_HASHER)
    assert store.authenticate("kim.minji", "a-long-password-1").ok  # argon2 verifies any parameters
    again = run_cli(tmp_path, "create-user", "kim.minji")
    assert again.returncode == 1 and "이미 있는 아이디" in again.stderr
    assert run_cli(tmp_path, "create-user", "new.user", password="short").returncode == 2
    assert run_cli(tmp_path, "create-user", "bad name!").returncode == 2
    changed = run_cli(tmp_path, "set-password", "kim.minji", password="another-password-2")
    assert changed.returncode == 0 and store.authenticate("kim.minji", "another-password-2").ok
    assert "a-long-password-1" not in created.stdout + created.stderr
