"""The eligibility engine alone: plain data in, failures out (no database)."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from talenthub.enrollments.choices import EligibilityRuleKind as Kind
from talenthub.enrollments.eligibility import (
    ApplicantFacts,
    CohortFacts,
    PastEnrolment,
    RuleSpec,
    age_on,
    describe,
    evaluate,
)

COHORT = CohortFacts(
    cohort_id=9, starts_on=datetime.date(2026, 3, 2), ends_on=datetime.date(2026, 6, 30)
)


def facts(**overrides: Any) -> ApplicantFacts:
    values: dict[str, Any] = {
        "birth_date": datetime.date(2000, 3, 2),
        "region": "전북특별자치도 전주시 덕진구",
        "is_job_seeker": True,
        "is_neet": False,
        "university_id": None,
        "enrolments": (),
    }
    values.update(overrides)
    return ApplicantFacts(**values)


def enrolment(**overrides: Any) -> PastEnrolment:
    values: dict[str, Any] = {
        "cohort_id": 1,
        "course_id": 7,
        "label": "AI 기초 1기",
        "starts_on": datetime.date(2026, 1, 5),
        "ends_on": datetime.date(2026, 3, 31),
        "completed": False,
        "holds_place": True,
    }
    values.update(overrides)
    return PastEnrolment(**values)


def test_age_counts_full_years_on_the_start_date():
    assert age_on(datetime.date(2000, 3, 2), datetime.date(2026, 3, 2)) == 26
    assert age_on(datetime.date(2000, 3, 3), datetime.date(2026, 3, 2)) == 25


@given(st.dates(max_value=datetime.date(2030, 1, 1)), st.dates(max_value=datetime.date(2030, 1, 1)))
def test_age_never_decreases_as_the_day_moves_on(birth, day):
    later = day + datetime.timedelta(days=1)
    assert age_on(birth, later) >= age_on(birth, day)


def test_an_applicant_meeting_every_rule_has_no_failure():
    rules = [
        RuleSpec(kind=Kind.AGE_RANGE, min_age=19, max_age=34),
        RuleSpec(kind=Kind.REGION, regions=("전주시", "완주군")),
        RuleSpec(kind=Kind.JOB_SEEKER),
        RuleSpec(kind=Kind.NO_OVERLAP),
    ]
    assert evaluate(rules, facts(), COHORT) == []


def test_the_age_failure_names_the_range_the_date_and_the_applicants_age():
    [failure] = evaluate(
        [RuleSpec(kind=Kind.AGE_RANGE, min_age=19, max_age=34)],
        facts(birth_date=datetime.date(1980, 1, 1)),
        COHORT,
    )
    assert failure.kind == Kind.AGE_RANGE
    for part in ("19", "34", "2026-03-02", "46"):
        assert part in failure.message


def test_a_missing_birth_date_fails_an_age_rule_with_a_request_for_it():
    [failure] = evaluate(
        [RuleSpec(kind=Kind.AGE_RANGE, max_age=39)], facts(birth_date=None), COHORT
    )
    assert "date of birth" in failure.message


def test_region_matches_any_named_region_ignoring_spaces():
    rule = RuleSpec(kind=Kind.REGION, regions=("전 주시",))
    assert evaluate([rule], facts(), COHORT) == []
    [failure] = evaluate([rule], facts(region="광주광역시 북구"), COHORT)
    assert "광주광역시 북구" in failure.message


def test_declared_status_rules():
    rules = [RuleSpec(kind=Kind.JOB_SEEKER), RuleSpec(kind=Kind.NEET)]
    failures = evaluate(rules, facts(is_job_seeker=False, is_neet=False), COHORT)
    assert [f.kind for f in failures] == [Kind.JOB_SEEKER, Kind.NEET]
    assert evaluate(rules, facts(is_job_seeker=True, is_neet=True), COHORT) == []


def test_only_students_of_the_named_universities_pass_the_university_rule():
    rule = RuleSpec(
        kind=Kind.UNIVERSITY_STUDENT,
        university_ids=frozenset({3}),
        university_names=("군산대학교",),
    )
    assert evaluate([rule], facts(university_id=3), COHORT) == []
    [failure] = evaluate([rule], facts(university_id=4), COHORT)
    assert "군산대학교" in failure.message


def test_the_completed_course_rule_needs_a_completed_enrolment_of_that_course():
    rule = RuleSpec(kind=Kind.COMPLETED_COURSE, course_id=7, course_title="AI 기초")
    assert evaluate([rule], facts(enrolments=(enrolment(completed=True),)), COHORT) == []
    [failure] = evaluate([rule], facts(enrolments=(enrolment(completed=False),)), COHORT)
    assert "AI 기초" in failure.message


def test_an_overlapping_enrolment_fails_unless_dropped_out_or_finished():
    rule = RuleSpec(kind=Kind.NO_OVERLAP)
    [failure] = evaluate([rule], facts(enrolments=(enrolment(),)), COHORT)
    assert "AI 기초 1기" in failure.message
    assert evaluate([rule], facts(enrolments=(enrolment(holds_place=False),)), COHORT) == []
    assert evaluate([rule], facts(enrolments=(enrolment(completed=True),)), COHORT) == []
    later = enrolment(starts_on=datetime.date(2026, 7, 1), ends_on=datetime.date(2026, 9, 1))
    assert evaluate([rule], facts(enrolments=(later,)), COHORT) == []


@given(
    start=st.dates(min_value=datetime.date(2025, 1, 1), max_value=datetime.date(2027, 12, 31)),
    length=st.integers(min_value=0, max_value=200),
)
def test_overlap_is_symmetric_with_interval_intersection(start, length):
    other = enrolment(starts_on=start, ends_on=start + datetime.timedelta(days=length))
    failed = bool(evaluate([RuleSpec(kind=Kind.NO_OVERLAP)], facts(enrolments=(other,)), COHORT))
    intersects = other.starts_on <= COHORT.ends_on and COHORT.starts_on <= other.ends_on
    assert failed == intersects


def test_rules_are_combined_and_every_failure_is_reported_in_order():
    rules = [
        RuleSpec(kind=Kind.NEET),
        RuleSpec(kind=Kind.AGE_RANGE, max_age=20),
        RuleSpec(kind=Kind.JOB_SEEKER),
    ]
    failures = evaluate(rules, facts(is_job_seeker=True), COHORT)
    assert [f.kind for f in failures] == [Kind.NEET, Kind.AGE_RANGE]


def test_every_rule_kind_can_be_described():
    for kind in Kind.values:
        rule = RuleSpec(
            kind=kind,
            min_age=19,
            max_age=34,
            regions=("전주시",),
            university_names=("전북대학교",),
            course_title="AI 기초",
        )
        assert describe(rule)
