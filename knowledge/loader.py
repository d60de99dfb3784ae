"""Validate the YAML sources and (re)load them into the database: ``python -m knowledge.loader``.

Loading replaces the whole knowledge base in one transaction, so it is idempotent and a failure
(bad file, lost connection) leaves the previous contents untouched.
"""
from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional

from sqlalchemy import delete, inspect
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from knowledge.db import PROJECT_ROOT, database_url, ensure_database, get_engine
from knowledge.schema import (
    KNOWLEDGE_TABLES,
    Base,
    EligibilityRule,
    Figure,
    OpeningHours,
    Place,
    Programme,
    ProgrammeAlias,
    ProgrammeDescription,
    Source,
)
from knowledge.validation import (
    FigureEntry,
    HoursEntry,
    KnowledgeSourceError,
    SourceFile,
    SourceRef,
    alias_key,
    parse_sources,
)

logger = logging.getLogger(__name__)

SOURCES_DIR = PROJECT_ROOT / "knowledge" / "sources"


@dataclass(frozen=True)
class LoadReport:
    programmes: int
    places: int
    figures: int


def _source_row(ref: SourceRef, as_of: str, cache: Dict[tuple, Source]) -> Source:
    key = (ref.section, ref.quote, as_of)
    if key not in cache:
        cache[key] = Source(section=ref.section, quote=ref.quote, as_of=as_of)
    return cache[key]


def _figure_row(entry: FigureEntry, source: Optional[Source]) -> Figure:
    return Figure(
        label=entry.label,
        value=entry.value,
        unit=entry.unit,
        period=entry.period,
        note=entry.note,
        source=source,
    )


def _hours_rows(entries: list[HoursEntry]) -> list[OpeningHours]:
    rows = []
    for entry in entries:
        for weekday in entry.weekdays():
            rows.append(
                OpeningHours(
                    weekday=weekday,
                    closed=entry.closed,
                    opens=None if entry.closed else HoursEntry.parse_time(entry.opens),
                    closes=None if entry.closed else HoursEntry.parse_time(entry.closes),
                )
            )
    return rows


def _rows(parsed: Dict[Path, SourceFile]) -> list:
    cache: Dict[tuple, Source] = {}
    rows: list = []
    for path, source_file in parsed.items():
        family = source_file.family or path.stem
        for entry in source_file.programmes:
            source = _source_row(entry.source, entry.as_of, cache)
            names = {alias_key(name): name for name in [entry.name, *entry.aliases]}
            programme = Programme(
                slug=entry.slug,
                name=entry.name,
                family=family,
                topic=entry.topic,
                citizen_facing=entry.citizen_facing,
                target_groups=list(entry.target_groups),
                summary=entry.summary,
                services=list(entry.services),
                how_to_apply=entry.how_to_apply,
                cost=entry.cost,
                status_note=entry.status_note,
                department=entry.department.name if entry.department else None,
                department_duty=entry.department.duty if entry.department else None,
                situations=list(entry.situations),
                source=source,
                aliases=[ProgrammeAlias(alias=name, key=key) for key, name in names.items()],
                descriptions=[ProgrammeDescription(pattern=pattern) for pattern in entry.described_as],
                places=[
                    Place(
                        name=place.name,
                        key=alias_key(place.name),
                        district=place.district,
                        address=place.address,
                        serves=place.serves,
                        note=place.note,
                        hours=_hours_rows(place.hours),
                    )
                    for place in entry.places
                ],
                eligibility_rules=[
                    EligibilityRule(kind=rule.kind, value=rule.value, text=rule.text)
                    for rule in entry.eligibility
                ],
                figures=[
                    _figure_row(figure, _source_row(figure.source, entry.as_of, cache) if figure.source else source)
                    for figure in entry.figures
                ],
            )
            rows.append(programme)
        for figure in source_file.figures:
            ref = figure.source
            rows.append(_figure_row(figure, _source_row(ref, "2018-07", cache) if ref else None))
    return rows


def _outdated(engine: Engine) -> bool:
    """Whether a knowledge table exists without a column the schema now has."""
    inspector = inspect(engine)
    for table in KNOWLEDGE_TABLES:
        if inspector.has_table(table.name):
            have = {column["name"] for column in inspector.get_columns(table.name)}
            if {column.name for column in table.columns} - have:
                return True
    return False


def load(engine: Engine, sources_dir: Path = SOURCES_DIR) -> LoadReport:
    """Validate all sources, then replace the knowledge tables' contents in one transaction."""
    parsed = parse_sources(sources_dir)
    rows = _rows(parsed)
    if _outdated(engine):  # a column added since the tables were made (the knowledge tables hold nothing else)
        logger.info("Knowledge tables predate the current schema: recreating them")
        Base.metadata.drop_all(engine, tables=KNOWLEDGE_TABLES)
    Base.metadata.create_all(engine, tables=KNOWLEDGE_TABLES)
    with Session(engine, future=True) as session, session.begin():
        for table in reversed(KNOWLEDGE_TABLES):
            session.execute(delete(table))
        session.add_all(rows)
    entries = [entry for source in parsed.values() for entry in source.programmes]
    report = LoadReport(
        programmes=len(entries),
        places=sum(len(entry.places) for entry in entries),
        figures=sum(len(entry.figures) for entry in entries)
        + sum(len(source.figures) for source in parsed.values()),
    )
    logger.info("Loaded %s", report)
    return report


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: $DATABASE_URL or SQLite under var/")
    parser.add_argument("--sources", type=Path, default=SOURCES_DIR)
    parser.add_argument("--check", action="store_true", help="validate only, touch no database")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        if args.check:
            parsed = parse_sources(args.sources)
            logger.info("%d source files are valid", len(parsed))
            return 0
        url = args.database_url or database_url()
        if ensure_database(url):
            logger.info("Created the database %s", make_url(url).database)
        report = load(get_engine(url), args.sources)
    except KnowledgeSourceError as exc:
        logger.error("Knowledge base NOT loaded (the database is unchanged):\n%s", exc)
        return 1
    logger.info(
        "Knowledge base loaded: %d programmes, %d places, %d figures",
        report.programmes,
        report.places,
        report.figures,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
