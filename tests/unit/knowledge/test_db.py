"""The knowledge base's database: SQLite in write-ahead-log mode, PostgreSQL databases created when missing."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from knowledge.db import ensure_database, get_engine
from tests.conftest import POSTGRES_ADMIN_URL


def test_sqlite_files_use_the_write_ahead_log(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'kb.db'}"
    with get_engine(url).connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    other = create_engine(url, future=True)  # e.g. Rasa's tracker store: the mode is kept in the file
    with other.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert ensure_database(url) is False  # nothing to create for SQLite


@pytest.mark.postgres
def test_a_missing_postgresql_database_is_created_once() -> None:
    name = f"ensure_{uuid.uuid4().hex[:10]}"
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    admin = create_engine(POSTGRES_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    try:
        assert ensure_database(url) is True
        assert ensure_database(url) is False
        with create_engine(url, future=True).connect() as connection:
            assert connection.execute(text("SELECT current_database()")).scalar() == name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
