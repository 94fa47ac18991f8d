"""Jobs, satisfaction and the KPI functions give the press-release figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from talenthub.demo.tests.demo_data.helpers import REPORTED, jeonju_hub
from talenthub.outcomes.models import Outcome
from talenthub.outcomes.selectors import jobs_kpi
from talenthub.reports.kpis import Period, Scope, get_kpi
from talenthub.surveys.scoring import round_half_up
from talenthub.surveys.selectors.scores import hub_score


@pytest.mark.django_db
def test_jeonju_has_157_jobs_and_startups_of_job_seekers_from_2020_to_2025():
    kpi = jobs_kpi(
        hub_ids={jeonju_hub().pk}, cohorts_ending_from=REPORTED[0], cohorts_ending_to=REPORTED[1]
    )
    assert kpi.count == 157
    # Every counted person has a verified record, and some of them came from project hires.
    assert (
        Outcome.objects.filter(user_id__in=kpi.person_ids, status="verified")
        .values("user_id")
        .distinct()
        .count()
        == 157
    )


@pytest.mark.django_db
def test_jeonju_satisfaction_from_2020_to_2025_is_92_4():
    assert round_half_up(hub_score(jeonju_hub().pk, *REPORTED).score) == Decimal("92.4")


@pytest.mark.django_db
def test_the_kpi_functions_give_the_press_release_figures():
    jeonju = Scope.for_hub(jeonju_hub())
    six_years, last_year = Period.years(2020, 2025), Period.year(2025)

    def value(name: str, period: Period) -> object:
        return get_kpi(name)(jeonju, period).total.value

    assert value("courses_run", six_years) == 122
    assert value("graduates", six_years) == 2484
    assert value("satisfaction", six_years) == Decimal("92.4")
    assert value("jobs_and_startups", six_years) == 157
    assert value("courses_run", last_year) == 18
    assert value("participants", last_year) == 431
