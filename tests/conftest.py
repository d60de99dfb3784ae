"""Shared fixtures: real databases (SQLite files and the PostgreSQL server on the machine)."""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from knowledge.loader import load
from knowledge.queries import KnowledgeBase

PROJECT_ROOT = Path(__file__).resolve().parents[1]
# The server the tests create their throw-away databases on (trust auth on CI and dev machines).
POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def sqlite_engine_at(path: Path) -> Engine:
    return create_engine(f"sqlite:///{path}", future=True)


@pytest.fixture
def sqlite_engine(tmp_path: Path) -> Iterator[Engine]:
    engine = sqlite_engine_at(tmp_path / "kb.db")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_engine() -> Iterator[Engine]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    name = f"kb_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, future=True, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", future=True)
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def any_engine(request: pytest.FixtureRequest) -> Engine:
    """Both supported databases: the embedded default and the scaled set-up's."""
    return request.getfixturevalue(f"{request.param}_engine")


@pytest.fixture(scope="session")
def kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file holding the real knowledge base, loaded from knowledge/sources."""
    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kb.db'}"
    engine = create_engine(url, future=True)
    load(engine)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def kb(kb_url: str) -> KnowledgeBase:
    """The real knowledge base."""
    return KnowledgeBase(create_engine(kb_url, future=True))
