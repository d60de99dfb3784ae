"""Staff accounts, sessions, lock-out and the audit log, in the database of ``DATABASE_URL``.

- ``staff_users``: one row per staff member, the password as an argon2id hash (argon2-cffi's defaults,
  RFC 9106's low-memory profile); a hash made with older parameters is replaced at the next sign-in.
- ``staff_sessions``: a signed-in browser. The cookie holds a random token; the table holds only its
  SHA-256, so a copy of the table does not let anyone sign in. Each session has its own CSRF token
  (the synchronizer token of every POST form) and ends 8 hours after sign-in.
- ``staff_login_attempts``: failed sign-ins per user name (whether or not the name exists, so the
  lock-out does not tell which names exist); the 5th failure in a row (within a day, without a success
  in between) locks the name for 15 minutes.
- ``staff_audit_log``: every staff action, also written to the ``bot.console.audit`` logger.

Everything here is synchronous (SQLAlchemy, argon2); the web handlers run it in a worker thread.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable, List, Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text, delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base

from bot.console.settings import LOCKOUT_MINUTES, MAX_FAILED_LOGINS, SESSION_HOURS

logger = logging.getLogger(__name__)
audit_logger = logging.getLogger("bot.console.audit")

ConsoleBase = declarative_base()

NAME_PATTERN = re.compile(r"^[\w.@-]{2,64}$")  # \w includes Hangul
FORGET_FAILURES_AFTER = timedelta(days=1)  # the five failures that lock a name are counted within a day
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 1024  # argon2 takes any length; this only bounds the work per request


class StaffUser(ConsoleBase):
    __tablename__ = "staff_users"

    id = Column(Integer, primary_key=True)
    name = Column(String(64), nullable=False, unique=True)
    display_name = Column(String(100), nullable=False)
    password_hash = Column(String(255), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime(timezone=True), nullable=False)
    last_login_at = Column(DateTime(timezone=True))


class StaffSession(ConsoleBase):
    __tablename__ = "staff_sessions"

    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False, unique=True)
    user_id = Column(Integer, ForeignKey("staff_users.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False)
    expires_at = Column(DateTime(timezone=True), nullable=False, index=True)


class LoginAttempts(ConsoleBase):
    __tablename__ = "staff_login_attempts"

    name = Column(String(64), primary_key=True)
    failures = Column(Integer, nullable=False, default=0)
    last_failed_at = Column(DateTime(timezone=True))
    locked_until = Column(DateTime(timezone=True))


class AuditEntry(ConsoleBase):
    __tablename__ = "staff_audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(DateTime(timezone=True), nullable=False, index=True)
    staff = Column(String(100))  # the user name, or what was typed for a failed sign-in
    action = Column(String(40), nullable=False, index=True)
    target = Column(String(255))  # e.g. the conversation (sender id) a reply went to
    detail = Column(Text)
    client = Column(String(64))  # the browser's IP address


# -------------------------------------------------------------------------------------- helpers
def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: Optional[datetime]) -> Optional[datetime]:
    """SQLite gives datetimes back without a zone; everything here is stored in UTC."""
    if moment is None:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def normalise_name(name: object) -> Optional[str]:
    """The canonical user name (NFKC, trimmed, lower case), or None if it cannot be one."""
    if not isinstance(name, str) or len(name) > 256:
        return None
    key = unicodedata.normalize("NFKC", name).strip().lower()
    return key if NAME_PATTERN.match(key) else None


def printable(value: object, limit: int) -> str:
    """A value for the audit log: no control characters or lone surrogates, at most ``limit`` characters."""
    text = value if isinstance(value, str) else repr(value)
    return "".join(ch for ch in text[: limit * 2] if unicodedata.category(ch) not in ("Cc", "Cs"))[:limit]


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def same_secret(given: object, expected: str) -> bool:
    """Constant-time comparison; anything that is not a non-empty string is simply wrong."""
    if not isinstance(given, str) or not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8"))


# -------------------------------------------------------------------------------------- results
@dataclass(frozen=True)
class Staff:
    id: int
    name: str
    display_name: str


@dataclass(frozen=True)
class SignedIn:
    """A valid session: who, its CSRF token, and when it ends."""

    staff: Staff
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True)
class LoginResult:
    staff: Optional[Staff] = None
    locked_until: Optional[datetime] = None

    @property
    def ok(self) -> bool:
        return self.staff is not None


@dataclass(frozen=True)
class AuditRecord:
    at: datetime
    staff: Optional[str]
    action: str
    target: Optional[str]
    detail: Optional[str]
    client: Optional[str]


class UserExists(ValueError):
    pass


# ---------------------------------------------------------------------------------------- store
class AuthStore:
    def __init__(
        self,
        engine: Engine,
        hasher: Optional[PasswordHasher] = None,
        *,
        session_ttl: timedelta = timedelta(hours=SESSION_HOURS),
        max_failures: int = MAX_FAILED_LOGINS,
        lockout: timedelta = timedelta(minutes=LOCKOUT_MINUTES),
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._engine = engine
        self.hasher = hasher or PasswordHasher()
        self.session_ttl = session_ttl
        self.max_failures = max_failures
        self.lockout = lockout
        self.clock = clock
        self._ready = False
        self._dummy_hash: Optional[str] = None

    def _session(self) -> Session:
        if not self._ready:
            ConsoleBase.metadata.create_all(self._engine)
            self._ready = True
        return Session(self._engine, future=True)

    # -- users
    def create_user(self, name: str, password: str, display_name: Optional[str] = None) -> Staff:
        key = normalise_name(name)
        if key is None:
            raise ValueError("user name: 2-64 letters, digits or . _ @ -")
        if not isinstance(password, str) or not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
            raise ValueError(f"password: {MIN_PASSWORD_CHARS}-{MAX_PASSWORD_CHARS} characters")
        shown = printable(display_name or key, 100).strip() or key
        row = StaffUser(
            name=key, display_name=shown, password_hash=self.hasher.hash(password), active=True, created_at=self.clock()
        )
        try:
            with self._session() as session, session.begin():
                session.add(row)
                session.flush()
                staff = Staff(row.id, row.name, row.display_name)
        except IntegrityError as error:
            raise UserExists(key) from error
        self.audit("create_user", staff=key, target=key)
        return staff

    def set_password(self, name: str, password: str) -> bool:
        key = normalise_name(name)
        if not isinstance(password, str) or not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
            raise ValueError(f"password: {MIN_PASSWORD_CHARS}-{MAX_PASSWORD_CHARS} characters")
        with self._session() as session, session.begin():
            changed = session.execute(
                update(StaffUser).where(StaffUser.name == key).values(password_hash=self.hasher.hash(password))
            ).rowcount
        return bool(changed)

    # -- signing in
    def _verify(self, stored_hash: Optional[str], password: str) -> bool:
        if stored_hash is None:  # same work as for a real user, so timing does not tell names apart
            if self._dummy_hash is None:
                self._dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))
            stored_hash = self._dummy_hash
        try:
            return self.hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def locked_until(self, name: object) -> Optional[datetime]:
        key = normalise_name(name)
        if key is None:
            return None
        with self._session() as session:
            row = session.get(LoginAttempts, key)
            until = as_utc(row.locked_until) if row else None
        return until if until and until > self.clock() else None

    def authenticate(self, name: object, password: object, client: Optional[str] = None) -> LoginResult:
        """Checks a sign-in; logs it; counts failures per name and locks the name after too many."""
        key = normalise_name(name)
        typed = printable(name, 100)
        if not isinstance(password, str) or len(password) > MAX_PASSWORD_CHARS:
            password = ""
        if key is None:
            self._verify(None, password)
            self.audit("login_failed", staff=typed, detail="invalid user name", client=client)
            return LoginResult()
        locked = self.locked_until(key)
        if locked:
            self.audit("login_locked", staff=key, detail=f"locked until {locked:%Y-%m-%d %H:%M:%S}Z", client=client)
            return LoginResult(locked_until=locked)
        with self._session() as session:
            user = session.execute(select(StaffUser).where(StaffUser.name == key)).scalars().first()
            stored = user.password_hash if user is not None else None
            active = bool(user is not None and user.active)
        ok = self._verify(stored, password) and bool(password) and active
        if not ok:
            until = self._count_failure(key)
            detail = "wrong password" if stored else "unknown user name"
            if until:
                detail += f"; locked until {until:%Y-%m-%d %H:%M:%S}Z"
            self.audit("login_failed", staff=key, detail=detail, client=client)
            return LoginResult(locked_until=until)
        with self._session() as session, session.begin():
            session.execute(delete(LoginAttempts).where(LoginAttempts.name == key))
            user = session.execute(select(StaffUser).where(StaffUser.name == key)).scalars().one()
            user.last_login_at = self.clock()
            if self.hasher.check_needs_rehash(user.password_hash):
                user.password_hash = self.hasher.hash(password)
            staff = Staff(user.id, user.name, user.display_name)
        self.audit("login", staff=key, client=client)
        return LoginResult(staff=staff)

    def _count_failure(self, key: str) -> Optional[datetime]:
        """One more failure for ``key``; returns the lock's end when this one locks the name."""
        now = self.clock()
        for _ in range(3):  # a concurrent first failure may insert the row between our read and insert
            try:
                with self._session() as session, session.begin():
                    # failures a day old are forgotten (and their rows, so made-up names do not pile up)
                    session.execute(
                        delete(LoginAttempts).where(
                            LoginAttempts.last_failed_at < now - FORGET_FAILURES_AFTER,
                            LoginAttempts.name != key,
                        )
                    )
                    row = session.get(LoginAttempts, key, with_for_update=True)
                    if row is None:
                        row = LoginAttempts(name=key, failures=0)
                        session.add(row)
                    expired = as_utc(row.locked_until)
                    last = as_utc(row.last_failed_at)
                    if (expired and expired <= now) or (last and last < now - FORGET_FAILURES_AFTER):
                        row.failures, row.locked_until = 0, None
                    row.failures += 1
                    row.last_failed_at = now
                    if row.failures >= self.max_failures:
                        row.locked_until = now + self.lockout
                        return row.locked_until
                    return None
            except IntegrityError:
                continue
        return None

    # -- sessions
    def start_session(self, staff: Staff) -> tuple:
        """A new session (never a reused one); returns (cookie token, SignedIn)."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        signed_in = SignedIn(staff, secrets.token_urlsafe(32), now + self.session_ttl)
        with self._session() as session, session.begin():
            session.execute(delete(StaffSession).where(StaffSession.expires_at <= now))
            session.add(
                StaffSession(
                    token_hash=token_digest(token),
                    user_id=staff.id,
                    csrf_token=signed_in.csrf_token,
                    created_at=now,
                    expires_at=signed_in.expires_at,
                )
            )
        return token, signed_in

    def session_for(self, token: object) -> Optional[SignedIn]:
        """The live session for a cookie token; an expired one is deleted and gives None."""
        if not isinstance(token, str) or not 20 <= len(token) <= 100:
            return None
        digest = token_digest(token)
        with self._session() as session, session.begin():
            row = session.execute(
                select(StaffSession, StaffUser)
                .join(StaffUser, StaffUser.id == StaffSession.user_id)
                .where(StaffSession.token_hash == digest)
            ).first()
            if row is None:
                return None
            stored, user = row
            expires = as_utc(stored.expires_at)
            if expires <= self.clock() or not user.active:
                session.delete(stored)
                return None
            return SignedIn(Staff(user.id, user.name, user.display_name), stored.csrf_token, expires)

    def end_session(self, token: object) -> None:
        if isinstance(token, str) and token:
            with self._session() as session, session.begin():
                session.execute(delete(StaffSession).where(StaffSession.token_hash == token_digest(token)))

    # -- audit
    def audit(
        self,
        action: str,
        *,
        staff: Optional[str] = None,
        target: Optional[str] = None,
        detail: Optional[str] = None,
        client: Optional[str] = None,
    ) -> None:
        entry = AuditEntry(
            at=self.clock(),
            staff=printable(staff, 100) if staff is not None else None,
            action=action[:40],
            target=printable(target, 255) if target is not None else None,
            detail=printable(detail, 2000) if detail is not None else None,
            client=printable(client, 64) if client else None,
        )
        audit_logger.info(
            "staff action=%s staff=%r target=%r client=%s detail=%r",
            entry.action, entry.staff, entry.target, entry.client, (entry.detail or "")[:200],
        )
        with self._session() as session, session.begin():
            session.add(entry)

    def audit_log(self, limit: int = 100) -> List[AuditRecord]:
        with self._session() as session:
            rows = session.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).scalars()
            return [AuditRecord(as_utc(r.at), r.staff, r.action, r.target, r.detail, r.client) for r in rows]
