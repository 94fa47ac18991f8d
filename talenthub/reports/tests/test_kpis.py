"""Every KPI on the hand-built dataset (dataset.py), each figure worked out by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from talenthub.reports.errors import UnsupportedBreakdownError
from talenthub.reports.kpis import REGISTRY, Figure, Period, Scope, compute_all, get_kpi

Y2025 = Period.year(2025)
SIX_YEARS = Period.years(2020, 2025)


def alpha(data):
    return Scope.for_hub(data.hubs["alpha"])


def honam(data):
    return Scope.for_consortium(data.consortia["honam"])


def totals(scope, period):
    return {name: result.total for name, result in compute_all(scope, period).items()}


def by(name, scope, period, dimension):
    return {k: f.value for k, f in get_kpi(name)(scope, period, dimension).by.items()}


def test_every_kpi_of_alpha_in_2025(dataset):
    assert totals(alpha(dataset), Y2025) == {
        # C1 (cohorts 2 and 3) and C2 (cohort 1); not C2's cancelled cohort nor C1's 2024 one
        "courses_run": Figure(2),
        # 5 to C1#2; not the one to the cancelled C2#2
        "applications": Figure(5),
        # C1#2: 4, C1#3: 2, C2#1: 2
        "participants": Figure(8),
        # p1 p4 p5 p6 p7 p8 p9 (p5 took C1#2 and C2#1)
        "unique_persons": Figure(7),
        # cohorts ending in 2025: C1#1 (p1 p3), C1#2 (p1 p5 p6), C2#1 (p5)
        "graduates": Figure(6),
        # 6 completed of the 9 enrolments of those cohorts: 66.66… → 66.7
        "completion_rate": Figure(Decimal("66.7"), 6, 9),
        # p1 p3 p5 p6
        "people_trained_by_level": Figure(4),
        # cohorts C1#1 (95), C1#2 (80); C2#1 has no respondent and is left out
        "satisfaction": Figure(Decimal("87.5")),
        # (100 + 90 + 80) / 3 respondents
        "satisfaction_weighted": Figure(Decimal("90.0"), 3),
        # 3 respondents of 3 + 4 + 2 invited
        "survey_response_rate": Figure(Decimal("33.3"), 3, 9),
        # job-seeking completers p1 p3 p6: p1 hired in the window; p3 studies (excluded)
        "jobs_and_startups": Figure(1),
        "jobs_and_startups_rate": Figure(Decimal("50.0"), 1, 2),
        # the completed project; not the rejected proposal
        "company_projects": Figure(1),
        # p1 of p1 and p5 selected (p9 not selected; p6 on the rejected proposal)
        "project_hires": Figure(1),
        "project_hire_rate": Figure(Decimal("50.0"), 1, 2),
        # 2025-01-02 and 2025-12-31; not the 2024 one, not beta's
        "partner_agreements": Figure(2),
        # E1 and E2 (ends 23:30 on 31 December in Seoul); not E3 (2026 in Seoul), the
        # cancelled E4, the open E5, beta's E6
        "events_held": Figure(2),
        # E1: p1 p4 (p5 no-show, p6 cancelled); E2: p1 p7
        "event_participants": Figure(4),
        "event_unique_participants": Figure(3),
    }


def test_every_kpi_of_alpha_in_2024(dataset):
    assert totals(alpha(dataset), Period.year(2024)) == {
        "courses_run": Figure(2),  # C1 (cohort 1, from November) and C3
        "applications": Figure(0),
        "participants": Figure(4),
        "unique_persons": Figure(3),  # p1 p2 p3 (p2 twice)
        "graduates": Figure(1),  # C3#1 ended in 2024; C1#1 ends in January 2025
        "completion_rate": Figure(Decimal("100.0"), 1, 1),
        "people_trained_by_level": Figure(1),
        "satisfaction": Figure(None),
        "satisfaction_weighted": Figure(None, 0),
        "survey_response_rate": Figure(None, 0, 0),
        "jobs_and_startups": Figure(0),
        "jobs_and_startups_rate": Figure(None, 0, 0),
        "company_projects": Figure(0),
        "project_hires": Figure(0),
        "project_hire_rate": Figure(None, 0, 0),
        "partner_agreements": Figure(1),
        "events_held": Figure(0),
        "event_participants": Figure(0),
        "event_unique_participants": Figure(0),
    }


def test_a_year_without_anything_has_zero_counts_and_no_rate(dataset):
    figures = totals(alpha(dataset), Period.year(2021))
    assert figures["completion_rate"] == Figure(None, 0, 0)
    assert figures["participants"] == Figure(0)


def test_six_years_of_alpha_count_a_course_and_a_person_once(dataset):
    figures = totals(alpha(dataset), SIX_YEARS)
    assert figures["courses_run"] == Figure(3)
    assert figures["participants"] == Figure(12)
    assert figures["unique_persons"] == Figure(9)
    assert figures["graduates"] == Figure(7)
    assert figures["completion_rate"] == Figure(Decimal("70.0"), 7, 10)
    assert figures["people_trained_by_level"] == Figure(5)  # p1 p2 p3 p5 p6


def test_consortium_rolls_up_its_hubs_and_counts_a_person_of_two_hubs_once(dataset):
    figures = totals(honam(dataset), Y2025)
    assert figures["courses_run"] == Figure(3)
    assert figures["applications"] == Figure(7)
    assert figures["participants"] == Figure(10)
    assert figures["unique_persons"] == Figure(9)
    assert figures["graduates"] == Figure(8)
    assert figures["completion_rate"] == Figure(Decimal("72.7"), 8, 11)
    # p3 completed at alpha (C1#1) and at beta (C4#1): one person
    assert figures["people_trained_by_level"] == Figure(5)
    assert figures["satisfaction"] == Figure(Decimal("88.3"))  # (95 + 80 + 90) / 3
    assert figures["satisfaction_weighted"] == Figure(Decimal("90.0"), 4)
    assert figures["survey_response_rate"] == Figure(Decimal("36.4"), 4, 11)
    assert figures["partner_agreements"] == Figure(3)
    assert figures["events_held"] == Figure(3)  # alpha's two and beta's job fair
    assert figures["event_participants"] == Figure(6)
    assert figures["event_unique_participants"] == Figure(4)  # p1 at both hubs counts once


def test_nation_covers_every_hub(dataset):
    figures = totals(Scope.nation(), Y2025)
    assert figures["courses_run"] == Figure(4)
    assert figures["participants"] == Figure(11)
    assert figures["unique_persons"] == Figure(10)
    assert figures["graduates"] == Figure(9)
    assert figures["completion_rate"] == Figure(Decimal("75.0"), 9, 12)
    assert figures["people_trained_by_level"] == Figure(6)


def test_custom_range_is_inclusive_at_both_ends(dataset):
    # C1#2 starts 2025-03-03 and C2#1 2025-04-07
    period = Period(Y2025.start.replace(month=3, day=3), Y2025.start.replace(month=4, day=7))
    assert get_kpi("participants")(alpha(dataset), period).total == Figure(6)
    assert get_kpi("courses_run")(alpha(dataset), period).total == Figure(2)


def test_courses_run_by_cohort_dimensions(dataset):
    scope = alpha(dataset)
    assert by("courses_run", scope, Y2025, "track") == {"ai": 1, "big_data": 1}
    assert by("courses_run", scope, Y2025, "level") == {"beginner": 1, "advanced": 1}
    assert by("courses_run", scope, Y2025, "domain") == {"agri_bio": 1, "finance": 1}
    main, annex = (str(dataset.cohorts[k].site_id) for k in ("C1#2", "C2#1"))
    # C1 ran at both sites in 2025
    assert by("courses_run", scope, Y2025, "site") == {main: 1, annex: 2}


def test_participants_by_person_dimensions(dataset):
    scope = alpha(dataset)
    assert by("participants", scope, Y2025, "gender") == {"F": 4, "M": 3, "unknown": 1}
    assert by("participants", scope, Y2025, "neet") == {"yes": 1, "no": 7}
    assert by("participants", scope, Y2025, "job_seeker") == {"yes": 3, "no": 5}
    assert by("participants", scope, Y2025, "region") == {"전주시": 2, "완주군": 2, "unknown": 4}
    # Age on the cohort's first day: p1 turns 24 that day, p4 the day after (23); p5 turns 30
    # that day, p6 the day after (29); p8 is 19; p9 54; p7 has no birth date.
    assert by("participants", scope, Y2025, "age_band") == {
        "20_24": 2,
        "30_34": 2,
        "25_29": 1,
        "under_20": 1,
        "50_plus": 1,
        "unknown": 1,
    }


def test_breakdowns_by_hub_in_a_consortium(dataset):
    scope = honam(dataset)
    a, b = (str(dataset.hubs[k].pk) for k in ("alpha", "beta"))
    assert by("participants", scope, Y2025, "hub") == {a: 8, b: 2}
    assert by("unique_persons", scope, Y2025, "hub") == {a: 7, b: 2}
    assert by("partner_agreements", scope, Y2025, "hub") == {a: 2, b: 1}
    rates = get_kpi("completion_rate")(scope, Y2025, "hub").by
    assert rates == {a: Figure(Decimal("66.7"), 6, 9), b: Figure(Decimal("100.0"), 2, 2)}


def test_events_by_kind_and_hub_and_the_day_an_event_ends_in_seoul(dataset):
    scope = alpha(dataset)
    assert by("events_held", scope, Y2025, "event_kind") == {"tour": 1, "workshop": 1}
    assert by("event_participants", scope, Y2025, "event_kind") == {"tour": 2, "workshop": 2}
    assert by("event_unique_participants", scope, Y2025, "gender") == {"F": 1, "M": 2}
    a, b = (str(dataset.hubs[k].pk) for k in ("alpha", "beta"))
    assert by("event_participants", honam(dataset), Y2025, "hub") == {a: 4, b: 2}
    # E3 ends at 00:30 on 1 January in Seoul (15:30 UTC on 31 December): a 2026 event
    assert get_kpi("events_held")(scope, Period.year(2026)).total == Figure(1)
    assert get_kpi("event_participants").rows(scope, Y2025).count() == 4
    assert get_kpi("events_held").rows(scope, Y2025).count() == 2


def test_people_trained_are_reported_by_level_and_a_person_counts_once_per_level(dataset):
    result = get_kpi("people_trained_by_level")(alpha(dataset), Y2025)
    assert result.dimension == "level"
    assert {k: f.value for k, f in result.by.items()} == {"beginner": 4, "advanced": 1}
    result = get_kpi("people_trained_by_level")(honam(dataset), Y2025, "hub")
    assert sum(int(f.value or 0) for f in result.by.values()) == 6  # p3 at both hubs


def test_graduates_and_completion_by_job_seeker(dataset):
    scope = alpha(dataset)
    assert by("graduates", scope, Y2025, "job_seeker") == {"yes": 3, "no": 3}
    rates = get_kpi("completion_rate")(scope, Y2025, "job_seeker").by
    assert rates == {"yes": Figure(Decimal("75.0"), 3, 4), "no": Figure(Decimal("60.0"), 3, 5)}


def test_satisfaction_by_site_and_jobs_by_hub(dataset):
    main, annex = (str(dataset.cohorts[k].site_id) for k in ("C1#2", "C2#1"))
    # main: C1#1 and C1#2; annex: C2#1 only, without respondents
    assert by("satisfaction", alpha(dataset), Y2025, "site") == {main: Decimal("87.5"), annex: None}
    a = str(dataset.hubs["alpha"].pk)
    jobs = get_kpi("jobs_and_startups_rate")(honam(dataset), Y2025, "hub").by
    assert jobs == {a: Figure(Decimal("50.0"), 1, 2)}


def test_a_kpi_refuses_a_breakdown_it_does_not_have(dataset):
    with pytest.raises(UnsupportedBreakdownError):
        get_kpi("partner_agreements")(alpha(dataset), Y2025, "gender")


def test_every_kpi_has_a_docstring_a_summary_and_a_section_in_docs_kpi_md():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[3] / "docs" / "kpi.md").read_text()
    for name, definition in REGISTRY.items():
        assert definition.doc, name
        assert str(definition.summary), name
        assert f"`{name}`" in docs, f"docs/kpi.md has no section for {name}"


@pytest.mark.parametrize("dimension", [None, "hub", "site", "track", "age_band", "neet"])
def test_all_kpis_at_once_give_what_each_kpi_function_gives(dataset, dimension):
    scope = honam(dataset)
    batched = compute_all(scope, Y2025, dimension)
    for name, definition in REGISTRY.items():
        if dimension is None or dimension in definition.dimensions:
            assert batched[name] == definition(scope, Y2025, dimension), name


def test_a_figure_and_its_drill_down_rows_agree(dataset):
    scope = alpha(dataset)
    assert get_kpi("participants").rows(scope, Y2025).count() == 8
    assert get_kpi("graduates").rows(scope, Y2025).count() == 6
    # A rate's rows are its denominator's
    assert get_kpi("completion_rate").rows(scope, Y2025).count() == 9
    assert get_kpi("courses_run").rows(scope, Y2025).count() == 3  # cohorts
