"""The counting rule, property-tested: one person, one counted outcome, whatever the records."""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talenthub.outcomes.engine import (
    Completion,
    OutcomeFact,
    add_months,
    counted_outcomes,
    jobs_kpi,
    organisation_key,
)

DAY = datetime.date(2024, 6, 30)
categories = st.sampled_from(
    ["full_time", "contract", "startup", "further_study", "military", "still_seeking"]
)
facts = st.builds(
    OutcomeFact,
    outcome_id=st.integers(1, 10_000),
    person_id=st.integers(1, 8),
    category=categories,
    starts_on=st.dates(datetime.date(2024, 1, 1), datetime.date(2025, 12, 31)),
    verified=st.booleans(),
    rejected=st.booleans(),
)
completions = st.builds(
    Completion,
    person_id=st.integers(1, 8),
    started_on=st.just(datetime.date(2024, 3, 1)),
    completed_on=st.just(DAY),
    job_seeker=st.booleans(),
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(completions, min_size=1, max_size=12), st.lists(facts, max_size=20))
def test_each_person_counts_once_however_many_records(done, records):
    counted = counted_outcomes(done, records)
    assert set(counted) == {c.person_id for c in done}
    assert counted_outcomes(done, records + records) == counted  # duplicates change nothing
    assert counted_outcomes(done, list(reversed(records))) == counted


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(completions, min_size=1, max_size=12), st.lists(facts, max_size=20))
def test_kpi_counts_unique_job_seekers_only(done, records):
    kpi = jobs_kpi(done, records)
    seekers = {c.person_id for c in done if c.job_seeker}
    assert kpi.person_ids <= seekers
    assert kpi.count == len(kpi.person_ids) <= kpi.completers == len(seekers)


def test_a_job_counts_only_verified_and_within_six_months():
    done = [Completion(1, datetime.date(2024, 3, 1), DAY, True)]
    in_time = OutcomeFact(1, 1, "full_time", datetime.date(2024, 12, 30), verified=True)
    late = OutcomeFact(2, 1, "full_time", datetime.date(2024, 12, 31), verified=True)
    unverified = OutcomeFact(3, 1, "full_time", datetime.date(2024, 9, 1), verified=False)
    assert jobs_kpi(done, [in_time]).count == 1
    assert jobs_kpi(done, [late]).count == 0
    assert jobs_kpi(done, [unverified]).count == 0


def test_further_study_leaves_the_denominator():
    done = [Completion(p, datetime.date(2024, 3, 1), DAY, True) for p in (1, 2, 3)]
    records = [
        OutcomeFact(1, 1, "startup", datetime.date(2024, 8, 1), verified=True),
        OutcomeFact(2, 2, "further_study", None, verified=False),
    ]
    kpi = jobs_kpi(done, records)
    assert (kpi.count, kpi.completers, kpi.excluded, kpi.denominator) == (1, 3, 1, 2)
    assert kpi.rate == 0.5


def test_month_arithmetic_clamps_to_the_month_end():
    assert add_months(datetime.date(2024, 8, 31), 6) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2023, 8, 31), 6) == datetime.date(2024, 2, 29)


def test_organisation_names_compare_without_legal_forms_and_spaces():
    assert organisation_key("(주) 전주 데이터") == organisation_key("전주데이터㈜")
    assert organisation_key("주식회사 전주데이터") == "전주데이터"
