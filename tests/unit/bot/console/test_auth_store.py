"""bot.console.auth on a real SQLite database: hashing, lock-out, sessions, audit."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, select, text

from bot.console.auth import (
    AuditEntry,
    AuthStore,
    StaffSession,
    StaffUser,
    UserExists,
    normalise_name,
    same_secret,
    token_digest,
)

from .conftest import FAST_HASHER, PASSWORD, Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> AuthStore:
    engine = create_engine(f"sqlite:///{tmp_path / 'auth.db'}", future=True)
    store = AuthStore(engine, FAST_HASHER, clock=clock)
    store.create_user("Tester", PASSWORD, "테스터")
    return store


def rows(store: AuthStore, model):
    with store._session() as session:
        return session.execute(select(model)).scalars().all()


# ------------------------------------------------------------------------------------- hashing
def test_passwords_are_stored_as_argon2id_hashes_only(store: AuthStore) -> None:
    [user] = rows(store, StaffUser)
    assert user.name == "tester" and user.display_name == "테스터"
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    with store._engine.connect() as connection:
        dump = "\n".join(str(row) for row in connection.execute(text("SELECT * FROM staff_users")))
    assert PASSWORD not in dump


def test_the_default_hasher_is_argon2id_with_the_library_defaults(tmp_path: Path) -> None:
    store = AuthStore(create_engine(f"sqlite:///{tmp_path / 'a.db'}", future=True))
    store.create_user("kim", PASSWORD)
    [user] = rows(store, StaffUser)
    assert user.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert store.authenticate("kim", PASSWORD).ok


def test_a_weak_old_hash_is_upgraded_at_sign_in(store: AuthStore) -> None:
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    store.hasher = stronger
    assert store.authenticate("tester", PASSWORD).ok
    [user] = rows(store, StaffUser)
    assert "m=16,t=2,p=1" in user.password_hash and not stronger.check_needs_rehash(user.password_hash)


def test_names_are_normalised_and_unique(store: AuthStore) -> None:
    assert normalise_name("  Tester ") == "tester"
    assert normalise_name("김민지") == "김민지"
    assert normalise_name("ｋｉｍ") == "kim"  # full-width letters (NFKC)
    for bad in ["", "a", "x" * 65, "a b", "<script>", "a\x00b", None, 42, "이\n름"]:
        assert normalise_name(bad) is None, bad
    with pytest.raises(UserExists):
        store.create_user("TESTER", PASSWORD)
    with pytest.raises(ValueError):
        store.create_user("new.user", "short")


def test_sign_in_accepts_only_the_right_password(store: AuthStore) -> None:
    assert store.authenticate("tester", PASSWORD).staff.name == "tester"
    assert store.authenticate("TESTER", PASSWORD).ok  # the name is case-insensitive
    for wrong in ["", PASSWORD.upper(), PASSWORD + " ", None, 12345, "x" * 5000]:
        assert not store.authenticate("tester", wrong).ok


# ------------------------------------------------------------------------------------ lock-out
def test_five_failures_lock_the_name_for_fifteen_minutes(store: AuthStore, clock: Clock) -> None:
    for attempt in range(4):
        result = store.authenticate("tester", "wrong password")
        assert not result.ok and result.locked_until is None, attempt
    fifth = store.authenticate("tester", "wrong password")
    assert fifth.locked_until == clock.now + timedelta(minutes=15)
    assert not store.authenticate("tester", PASSWORD).ok  # even the right password while locked
    clock.advance(minutes=14, seconds=59)
    assert store.authenticate("tester", PASSWORD).locked_until is not None
    clock.advance(seconds=2)
    assert store.authenticate("tester", PASSWORD).ok
    actions = [entry.action for entry in rows(store, AuditEntry)]
    assert actions.count("login_failed") == 5 and actions.count("login_locked") == 2 and actions[-1] == "login"


def test_a_success_resets_the_count(store: AuthStore) -> None:
    for _ in range(4):
        store.authenticate("tester", "wrong")
    assert store.authenticate("tester", PASSWORD).ok
    for _ in range(4):
        assert store.authenticate("tester", "wrong").locked_until is None


def test_unknown_names_lock_too_so_the_lock_does_not_reveal_which_names_exist(store: AuthStore) -> None:
    for _ in range(5):
        result = store.authenticate("nobody", "whatever-password")
    assert result.locked_until is not None
    assert store.locked_until("Nobody") is not None  # per normalised name
    assert store.locked_until("tester") is None  # other names are not affected


# ------------------------------------------------------------------------------------ sessions
def test_sessions_end_after_eight_hours(store: AuthStore, clock: Clock) -> None:
    staff = store.authenticate("tester", PASSWORD).staff
    token, signed_in = store.start_session(staff)
    assert signed_in.expires_at == clock.now + timedelta(hours=8)
    clock.advance(hours=7, minutes=59)
    assert store.session_for(token).staff.name == "tester"
    clock.advance(minutes=1)
    assert store.session_for(token) is None
    assert rows(store, StaffSession) == []  # the expired row is gone


def test_only_a_digest_of_the_session_token_is_stored(store: AuthStore) -> None:
    staff = store.authenticate("tester", PASSWORD).staff
    token, signed_in = store.start_session(staff)
    [row] = rows(store, StaffSession)
    assert row.token_hash == token_digest(token) and token not in row.token_hash
    assert len(token) >= 40 and len(signed_in.csrf_token) >= 40 and token != signed_in.csrf_token
    second, _ = store.start_session(staff)
    assert second != token  # a new session every time (no fixation)
    store.end_session(token)
    assert store.session_for(token) is None and store.session_for(second) is not None
    for junk in [None, "", "x", token[:-1], token + "x", 42]:
        assert store.session_for(junk) is None


def test_constant_time_secret_comparison() -> None:
    assert same_secret("abc", "abc")
    for given in ["abd", "", None, 1, b"abc", "abc\x00"]:
        assert not same_secret(given, "abc")
    assert not same_secret("", "")  # nothing configured is never a match


def test_audit_entries_are_cleaned(store: AuthStore) -> None:
    store.audit("reply", staff="tester", target="sender\x00\x1b[31m", detail="x" * 5000, client="127.0.0.1")
    entry = store.audit_log(1)[0]
    assert entry.target == "sender[31m" and len(entry.detail) == 2000


def test_old_failures_are_forgotten_after_a_day(store: AuthStore, clock: Clock) -> None:
    for _ in range(4):
        store.authenticate("tester", "wrong")
    store.authenticate("someone.else", "wrong")
    clock.advance(days=1, seconds=1)
    assert store.authenticate("tester", "wrong").locked_until is None  # counting starts again
    from bot.console.auth import LoginAttempts

    assert [row.name for row in rows(store, LoginAttempts)] == ["tester"]  # the stale row is gone
