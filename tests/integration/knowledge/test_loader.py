"""Loading the knowledge base into SQLite and PostgreSQL: load, reload, bad file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from knowledge.loader import SOURCES_DIR, load, main
from knowledge.queries import KnowledgeBase
from knowledge.schema import OpeningHours, Place, Programme, ProgrammeAlias
from knowledge.validation import KnowledgeSourceError


def _count(engine: Engine, model: type) -> int:
    with Session(engine, future=True) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_load_fills_every_table(any_engine: Engine) -> None:
    report = load(any_engine)
    assert report.programmes == _count(any_engine, Programme) >= 30
    assert _count(any_engine, Place) == report.places > 0
    assert _count(any_engine, ProgrammeAlias) > report.programmes
    assert _count(any_engine, OpeningHours) > 0
    kb = KnowledgeBase(any_engine)
    assert kb.find_programme("취업날개").slug == "interview_suit_rental"


def test_reload_is_idempotent(any_engine: Engine) -> None:
    first = load(any_engine)
    counts = [_count(any_engine, model) for model in (Programme, Place, ProgrammeAlias, OpeningHours)]
    second = load(any_engine)
    assert first == second
    assert counts == [_count(any_engine, model) for model in (Programme, Place, ProgrammeAlias, OpeningHours)]


def test_tables_made_before_a_column_was_added_are_recreated(any_engine: Engine) -> None:
    """A knowledge base loaded by an older version (no ``department`` column) is brought up to date by the next load,
    on SQLite and PostgreSQL alike, instead of failing every query."""
    load(any_engine)
    with any_engine.begin() as connection:
        connection.execute(text("ALTER TABLE kb_programmes DROP COLUMN department_duty"))
    load(any_engine)
    assert KnowledgeBase(any_engine).programme("labour_ombudsman").department == "노동정책담당관"
    assert "시민명예 노동옴부즈만" in KnowledgeBase(any_engine).programme("labour_ombudsman").department_duty


def _broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    path = sources / "youth_jobs.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return sources


def test_bad_file_names_file_entry_field_and_leaves_database_untouched(
    any_engine: Engine, tmp_path: Path
) -> None:
    load(any_engine)
    before = _count(any_engine, Programme)
    sources = _broken_copy(tmp_path, "topic: youth_jobs", "topic: no_such_topic")
    with pytest.raises(KnowledgeSourceError) as error:
        load(any_engine, sources)
    message = str(error.value)
    assert "youth_jobs.yaml" in message and "field 'topic'" in message and "entry '" in message
    assert _count(any_engine, Programme) == before
    assert KnowledgeBase(any_engine).find_programme("취업날개") is not None


def test_invalid_yaml_is_reported(sqlite_engine: Engine, tmp_path: Path) -> None:
    sources = _broken_copy(tmp_path, "programmes:", "programmes: [")
    with pytest.raises(KnowledgeSourceError, match="youth_jobs.yaml: not valid YAML"):
        load(sqlite_engine, sources)


def test_command_line_reports_error_and_exit_code(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    sources = _broken_copy(tmp_path, "opens: \"09:00\"", "opens: \"9 o'clock\"")
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    assert main(["--database-url", url, "--sources", str(sources)]) == 1
    assert "must be HH:MM" in caplog.text and "NOT loaded" in caplog.text
    assert main(["--database-url", url]) == 0
