"""Eligibility and opening-hours answers at their boundaries, on the real knowledge base."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from knowledge.queries import SEOUL, FigureInfo, KnowledgeBase, OpenStatus, Profile, Verdict, open_status

SEOUL_JOB_SEEKER = dict(seoul_resident=True, job_status="job_seeker")
# 2018-07-14 was a Saturday, 2018-07-15 a Sunday, 2018-07-16 a Monday
SATURDAY, SUNDAY, MONDAY = 14, 15, 16


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2018, 7, day, hour, minute, tzinfo=SEOUL)


@pytest.mark.parametrize("age, verdict", [(34, Verdict.ELIGIBLE), (35, Verdict.NOT_ELIGIBLE)])
def test_interview_suit_rental_age_limit(kb: KnowledgeBase, age: int, verdict: Verdict) -> None:
    result = kb.check("interview_suit_rental", Profile(age=age, **SEOUL_JOB_SEEKER))
    assert result.verdict is verdict
    if verdict is Verdict.NOT_ELIGIBLE:
        assert any("34" in reason for reason in result.failed)


@pytest.mark.parametrize(
    "age, verdict",
    [(17, Verdict.NOT_ELIGIBLE), (18, Verdict.ELIGIBLE), (39, Verdict.ELIGIBLE), (40, Verdict.NOT_ELIGIBLE)],
)
def test_newdeal_jobs_age_range(kb: KnowledgeBase, age: int, verdict: Verdict) -> None:
    assert kb.check("newdeal_jobs", Profile(age=age, **SEOUL_JOB_SEEKER)).verdict is verdict


@pytest.mark.parametrize("age, verdict", [(14, Verdict.NOT_ELIGIBLE), (15, Verdict.ELIGIBLE)])
def test_technical_school_minimum_age(kb: KnowledgeBase, age: int, verdict: Verdict) -> None:
    assert kb.check("technical_school", Profile(age=age, seoul_resident=True)).verdict is verdict


@pytest.mark.parametrize(
    "slug, verdict, failing_age",
    [
        ("interview_suit_rental", Verdict.ELIGIBLE, 35),  # 고교졸업예정자∼34세: a 고3 without an age fits
        ("technical_school", Verdict.ELIGIBLE, 14),  # 만 15세 이상
        ("newdeal_jobs", Verdict.UNKNOWN, 40),  # 만 18세 이상: a 고3 may be 17, so the age is still asked
    ],
)
def test_a_high_school_senior_without_an_age(kb: KnowledgeBase, slug: str, verdict: Verdict, failing_age: int) -> None:
    profile = Profile(high_school_senior=True, **SEOUL_JOB_SEEKER)
    result = kb.check(slug, profile)
    assert result.verdict is verdict
    assert ("age" in result.missing) is (verdict is Verdict.UNKNOWN)
    # a stated age always wins over the school year
    stated = Profile(age=failing_age, high_school_senior=True, **SEOUL_JOB_SEEKER)
    assert kb.check(slug, stated).verdict is Verdict.NOT_ELIGIBLE


def test_technical_school_needs_seoul_residence(kb: KnowledgeBase) -> None:
    result = kb.check("technical_school", Profile(age=30, seoul_resident=False))
    assert result.verdict is Verdict.NOT_ELIGIBLE


def test_public_works_excludes_people_in_work(kb: KnowledgeBase) -> None:
    employed = kb.check("public_works", Profile(age=45, seoul_resident=True, job_status="employed"))
    assert employed.verdict is Verdict.NOT_ELIGIBLE
    eligible = kb.check(
        "public_works",
        Profile(age=45, seoul_resident=True, job_status="unemployed", has_regular_income=False, job_seeker_registered=True),
    )
    assert eligible.verdict is Verdict.ELIGIBLE


def test_unknown_facts_are_asked_for_not_guessed(kb: KnowledgeBase) -> None:
    result = kb.check("public_works", Profile(age=45))
    assert result.verdict is Verdict.UNKNOWN
    assert {"seoul_resident", "job_status"} <= set(result.missing)
    assert kb.check("newdeal_jobs", Profile()).missing[0] == "age"


def _place(kb: KnowledgeBase, name: str):
    place = kb.place(name)
    assert place is not None, name
    return place


def test_seocho_rest_area_runs_past_midnight(kb: KnowledgeBase) -> None:
    seocho = _place(kb, "서초쉼터")
    assert open_status(seocho, at(MONDAY, 2)).status is OpenStatus.OPEN
    assert open_status(seocho, at(MONDAY, 2)).from_previous_day is not None
    assert open_status(seocho, at(MONDAY, 12)).status is OpenStatus.CLOSED
    assert open_status(seocho, at(MONDAY, 23)).status is OpenStatus.OPEN
    assert open_status(seocho, at(MONDAY, 6)).status is OpenStatus.CLOSED


def test_youth_job_centre_weekend(kb: KnowledgeBase) -> None:
    centre = kb.programme("youth_job_centre").places[0]
    assert open_status(centre, at(SATURDAY, 11)).status is OpenStatus.OPEN
    assert open_status(centre, at(SATURDAY, 19)).status is OpenStatus.CLOSED
    assert open_status(centre, at(MONDAY, 20, 59)).status is OpenStatus.OPEN
    assert open_status(centre, at(MONDAY, 21)).status is OpenStatus.CLOSED
    # the report gives no Sunday hours: the answer must be "unknown", never "closed" or "open"
    assert open_status(centre, at(SUNDAY, 12)).status is OpenStatus.UNKNOWN


def test_open_status_converts_to_seoul_time(kb: KnowledgeBase) -> None:
    seocho = _place(kb, "서초쉼터")
    # 17:00 UTC on Sunday is 02:00 on Monday in Seoul; 03:00 UTC on Monday is noon there
    assert open_status(seocho, datetime(2018, 7, 15, 17, tzinfo=timezone.utc)).status is OpenStatus.OPEN
    assert open_status(seocho, datetime(2018, 7, 16, 3, tzinfo=timezone.utc)).status is OpenStatus.CLOSED


def test_names_are_found_whatever_the_spacing(kb: KnowledgeBase) -> None:
    assert kb.find_programme("청년 일자리 센터").slug == "youth_job_centre"
    assert kb.find_programme("서초 쉼터").slug == "rest_area"
    assert kb.find_programme("뉴딜일자리 신청하고 싶어요").slug == "newdeal_jobs"
    assert kb.find_programme("오늘 날씨") is None


def test_places_by_district(kb: KnowledgeBase) -> None:
    assert [p.name for p in kb.places_in_district("노원구")] == ["북부기술교육원"]
    assert [p.name for p in kb.places_in_district("노원")] == ["북부기술교육원"]
    assert kb.places_in_district("도봉구") == []


def test_recommendations_for_a_young_job_seeker(kb: KnowledgeBase) -> None:
    slugs = [r.programme.slug for r in kb.recommend(Profile(age=29, **SEOUL_JOB_SEEKER), limit=10)]
    assert "interview_suit_rental" in slugs and "newdeal_jobs" in slugs
    older = [r.programme.slug for r in kb.recommend(Profile(age=45, **SEOUL_JOB_SEEKER), limit=10)]
    assert "interview_suit_rental" not in older and "newdeal_jobs" not in older


def test_staff_keyword_search(kb: KnowledgeBase) -> None:
    hits = kb.search("면접 정장")
    assert hits and hits[0].programme.slug == "interview_suit_rental"
    assert kb.search("대리기사")[0].programme.slug == "rest_area"
    assert kb.search("   ") == []


def test_a_place_s_short_name_that_begins_another_programme_s_name_names_nothing(kb: KnowledgeBase) -> None:
    """"합정" names 합정쉼터, but "청년일자리" (청년일자리센터 shortened) begins 청년일자리 민관협력사업 and is everyday
    words: "청년 일자리 중에 시급 주는 거" is not about the centre."""
    assert [p.name for p in kb.places_in_text("합정 거기 몇시까지")] == ["합정쉼터"]
    assert kb.places_in_text("청년 일자리 중에 시급 9천 얼마 준다는 거") == []
    assert kb.programmes_in_text("청년 일자리 중에 시급 9천 얼마 준다는 거") == []
    assert [p.slug for p in kb.programmes_in_text("청년일자리센터 몇시")] == ["youth_job_centre"]


def test_a_programme_described_in_everyday_words_is_found_after_those_named(kb: KnowledgeBase) -> None:
    """``described_as`` in the sources: "시에서 월급 주면서 일 가르쳐 주는 거" is 뉴딜일자리; a complaint about unpaid
    pay with the same words is not; a name said outright comes first."""
    assert [p.slug for p in kb.programmes_in_text("시에서 월급 주면서 일도 가르쳐 주는 그런 거")] == ["newdeal_jobs"]
    assert kb.programmes_in_text("사장이 일 시켜놓고 월급 안 줘요 서울시에 신고하려고요") == []
    assert [p.slug for p in kb.programmes_in_text("방송 스태프들 쉬는 공간 몇시에 열어요")] == ["rest_area"]
    said = kb.programmes_in_text("취업날개 말고 시에서 시급 주면서 일 경험 쌓는 거")
    assert [p.slug for p in said] == ["interview_suit_rental", "newdeal_jobs"]


def test_a_description_pattern_needs_two_groups_and_no_empty_word() -> None:
    from knowledge.validation import describes, description_groups

    assert describes("시에서|서울시 + 월급|시급 + !못받", "시에서월급주는거")
    assert not describes("시에서|서울시 + 월급|시급 + !못받", "시에서월급못받았어요")
    with pytest.raises(ValueError):
        description_groups("정장 + |대여")
    from knowledge.loader import SOURCES_DIR
    from knowledge.validation import ProgrammeEntry, parse_sources

    entry = next(p for source in parse_sources(SOURCES_DIR).values() for p in source.programmes if p.described_as)
    with pytest.raises(ValueError):  # one word group is an alias, not a description
        ProgrammeEntry.parse_obj({**entry.dict(), "described_as": ["월급|시급"]})


def test_a_round_sum_of_won_is_also_said_in_man_won() -> None:
    """"돈은 얼마 맡겨야되요?": the deposit cap 200,000원 reads as people say it too (20만원); a wage does not change."""
    deposit = FigureInfo("예치금 상한", 200000, "원", None, None, "technical_school", None)
    wage = FigureInfo("생활임금", 9220, "원", "’18년", None, "living_wage", None)
    assert deposit.display() == "예치금 상한: 200,000원(20만원)"
    assert wage.display() == "생활임금: 9,220원 (’18년)"


def test_an_alias_word_is_the_detail_when_only_the_kind_asked_matched(kb: KnowledgeBase) -> None:
    """"판로가 젤 문젠데 공공구매 올해 얼마나 했대요" of 사회적경제기업 육성 (공공구매 is a word of one of its aliases
    and of its summary): the purchases so far, 349억원, not any other amount of it."""
    facts = kb.find_facts("판로가 젤 문젠데 공공구매 올해 얼마나 했대요", "social_economy_support")
    assert facts and "349억원" in facts[0].text


def test_a_month_asked_is_a_programmes_figure_by_that_month_not_the_yearly_indicator(kb: KnowledgeBase) -> None:
    """"시에서 사회적경제 제품 공공구매 올해 얼마나 했어요 5월까지": 349억원 by the end of May, not the bureau's
    yearly 1,300억원 indicator."""
    assert kb.policy_figure("시에서 사회적경제 제품 공공구매 올해 얼마나 했어요 5월까지") is None
    assert kb.policy_figure("사회적경제 공공구매액 올해 목표 얼마에요") is not None


def test_the_forum_abroad_has_its_expected_attendance(kb: KnowledgeBase) -> None:
    """"GSEF 포럼 빌바오에서 한다던데 몇명 참석 예상이에요": the report's 1,500여명."""
    facts = kb.find_facts("GSEF 포럼 빌바오에서 한다던데 몇명 참석 예상이에요", "gsef")
    assert facts and "1,500" in facts[0].text
