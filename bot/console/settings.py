"""The console's configuration, from environment variables with safe defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping, Optional
from urllib.parse import urlsplit, urlunsplit

from knowledge.db import DEFAULT_DATABASE_URL

DEFAULT_RASA_URL = "http://127.0.0.1:5005"
SESSION_HOURS = 8
MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15


def rasa_base_url(value: str) -> str:
    """An http(s) URL with a host and optional port/path; no user, query or fragment (the token goes in the query)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"RASA_URL must be an http(s) URL such as {DEFAULT_RASA_URL}, not {value!r}")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError(f"RASA_URL must not contain a user, query or fragment: {value!r}")
    _ = parts.port  # ValueError for a port out of range
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


@dataclass(frozen=True)
class ConsoleSettings:
    # knowledge base, handoff queue, staff accounts, and Rasa's tracker store (its ``events`` table feeds analytics)
    database_url: str
    rasa_url: str = DEFAULT_RASA_URL
    # Rasa's --auth-token, sent as ?token= to its HTTP API (empty: Rasa runs without one)
    rasa_token: str = ""
    # X-Staff-Token for the socket.io channel's staff_message route (empty: no live delivery)
    staff_channel_token: str = ""

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None) -> "ConsoleSettings":
        """Reads DATABASE_URL, RASA_URL, RASA_API_TOKEN and STAFF_CHANNEL_TOKEN."""
        environ = os.environ if environ is None else environ
        return cls(
            database_url=environ.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL,
            rasa_url=rasa_base_url(environ.get("RASA_URL", "").strip() or DEFAULT_RASA_URL),
            rasa_token=environ.get("RASA_API_TOKEN", "").strip(),
            staff_channel_token=environ.get("STAFF_CHANNEL_TOKEN", "").strip(),
        )
