"""Every fact in the knowledge base is traceable to the source report."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import List

import pytest

from knowledge.loader import SOURCES_DIR
from knowledge.validation import DEPARTMENTS, parse_sources

CHECKOUT = Path(__file__).resolve().parents[3]


def _report_dirs() -> List[Path]:
    """Where the report may be: $SOURCE_REPORT_DIR, beside this checkout (../shared/source), or beside the local
    repository it was cloned from (a clean clone in /tmp of /work/main finds /work/shared/source)."""
    dirs = [Path(os.environ["SOURCE_REPORT_DIR"])] if os.environ.get("SOURCE_REPORT_DIR") else []
    dirs.append(CHECKOUT.parent / "shared" / "source")
    origin = subprocess.run(
        ["git", "-C", str(CHECKOUT), "remote", "get-url", "origin"], capture_output=True, text=True, check=False
    ).stdout.strip()
    if origin and Path(origin).is_dir():
        dirs.append(Path(origin).resolve().parent / "shared" / "source")
    return dirs


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def report() -> str:
    searched = _report_dirs()
    files = next((found for found in (sorted(d.glob("*.txt")) for d in searched) if found), [])
    assert files, f"source report not found in {', '.join(map(str, searched))}"
    return _flat("".join(path.read_text(encoding="utf-8") for path in files))


def _programmes():
    return [(path.name, p) for path, source in parse_sources(SOURCES_DIR).items() for p in source.programmes]


def test_every_programme_cites_a_section_and_quote_of_the_report(report: str) -> None:
    missing = [
        f"{name}:{p.slug} section={p.source.section!r}"
        for name, p in _programmes()
        if _flat(p.source.section) not in report
    ]
    misquoted = [
        f"{name}:{p.slug} quote={p.source.quote!r}" for name, p in _programmes() if _flat(p.source.quote) not in report
    ]
    assert not missing, missing
    assert not misquoted, misquoted


def test_every_department_is_the_one_whose_duties_the_report_lists(report: str) -> None:
    """A programme's division is the one of the 주요기능 table whose duty line (quoted) names it."""
    table = re.split(r"예산", report, maxsplit=1)[0]  # (the 조직 and 주요기능 tables come before the budget)
    departments = [(name, p.department) for name, p in _programmes() if p.department]
    assert len(departments) >= 15
    for name, department in departments:
        duty = _flat(department.duty)
        assert duty in table, f"{name}: {department.duty!r} is not a duty in the report"
        # listed under its division: after the division's name, before the next division's
        headers = sorted((table.index(_flat(division) + "∙"), division) for division in DEPARTMENTS)
        at = table.index(duty)
        listed_under = [division for start, division in headers if start < at][-1]
        assert listed_under == department.name, (name, department.name, listed_under)


def test_no_contact_details_or_addresses_beyond_the_report(report: str) -> None:
    pattern = re.compile(r"0\d{1,2}-\d{3,4}-\d{4}|https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.\w+")
    for path in SOURCES_DIR.glob("*.yaml"):
        for fact in pattern.findall(path.read_text(encoding="utf-8")):
            assert _flat(fact) in report, f"{path.name}: {fact} is not in the report"
    for _, programme in _programmes():
        for place in programme.places:
            if place.address:
                assert _flat(place.address.split("(")[0]) in report, f"{programme.slug}: {place.address}"


def test_required_programmes_are_covered() -> None:
    slugs = {p.slug for _, p in _programmes()}
    required = {
        "youth_job_centre", "job_cafe", "interview_suit_rental", "newdeal_jobs", "youth_jobs_partnership",
        "seoul_strong_sme", "public_works", "technical_school", "labour_rights_centre", "labour_ombudsman",
        "labour_rights_protector", "village_labour_attorney", "emotional_labour_protection", "rest_area",
        "living_wage", "working_hours_reduction", "regularisation", "jeon_tae_il_memorial",
        "social_economy_centre", "social_investment_fund", "fair_trade",
    }
    assert required <= slugs, required - slugs
    places = {place.name for _, p in _programmes() for place in p.places}
    assert {"서초쉼터", "북창쉼터", "합정쉼터", "상암쉼터"} <= places
    assert sum("기술교육원" in name for name in places) == 4
