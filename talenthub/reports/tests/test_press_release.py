"""The press release of 2025-12-03 (../shared/seed/press-release-2025-12-03.ko.txt), reproduced from
the demo's raw records: Jeonju ICT Innovation Square, 2020-2025: 122 courses, 2,484 graduates,
satisfaction 92.4, 157 job-seekers into jobs or startups; 2025: 18 courses, 431 participants."""

from __future__ import annotations

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from talenthub.hubs.models import Hub
from talenthub.reports.kpis import Period, Scope, compute_all
from talenthub.reports.selectors import rollup_differences

PRESS_RELEASE = {
    ("2020-2025", "courses_run"): 122,
    ("2020-2025", "graduates"): 2484,
    ("2020-2025", "satisfaction"): Decimal("92.4"),
    ("2020-2025", "jobs_and_startups"): 157,
    ("2025", "courses_run"): 18,
    ("2025", "participants"): 431,
}


@pytest.fixture
def demo(db, frozen_today):
    call_command("demo-data", "--seed", "20251203", stdout=StringIO())
    return Hub.objects.get(code="jeonju")


def test_the_demo_reproduces_the_press_release_from_raw_records(demo):
    scope = Scope.for_hub(demo)
    periods = {"2020-2025": Period.years(2020, 2025), "2025": Period.year(2025)}
    results = {label: compute_all(scope, period) for label, period in periods.items()}
    found = {key: results[key[0]][key[1]].total.value for key in PRESS_RELEASE}
    assert found == PRESS_RELEASE

    # The same figures on the command line, as one JSON object keyed by KPI name.
    out = StringIO()
    call_command(
        "kpi", "--hub", "jeonju", "--from", "2020-01-01", "--to", "2025-12-31", "--json", stdout=out
    )
    figures = json.loads(out.getvalue())
    assert (figures["courses_run"], figures["graduates"]) == (122, 2484)
    assert (figures["satisfaction"], figures["jobs_and_startups"]) == (92.4, 157)

    # The demo's rollups (computed by demo-data) agree with the raw records everywhere.
    assert rollup_differences() == []
