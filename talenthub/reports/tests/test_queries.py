"""Every report page and list makes the same number of queries for 5 rows as for 50."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from talenthub.reports.services import rollup_rebuild


def build(world, factories, rows, first=100):
    """`rows` cohorts of alpha's course in 2025, each with one completed enrolment, and `rows`
    agreements of alpha's partner."""
    for n in range(rows):
        start = datetime.date(2025, 1, 6) + datetime.timedelta(days=3 * n)
        cohort = factories.CohortFactory(
            course=world.course, number=first + n, starts_on=start, ends_on=start, status="finished"
        )
        factories.EnrollmentFactory(
            cohort=cohort, status="completed", enrolled_on=start, finished_on=start
        )
        factories.AgreementFactory(organisation=world.organisation, starts_on=start, ends_on=None)
    rollup_rebuild()


def queries(client, user, url):
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


PAGES = [
    ("operator", "reports:hub", ["alpha"], "?year=2025"),
    ("operator", "reports:hub_drill", ["alpha", "graduates"], "?year=2025"),
    ("operator", "reports:hub_drill", ["alpha", "unique_persons"], "?year=2025"),
    ("operator", "reports:hub_drill", ["alpha", "partner_agreements"], "?year=2025"),
    ("operator", "reports:hub_drill", ["alpha", "courses_run"], "?year=2025"),
    ("consortium_lead", "reports:hub_drill", ["alpha", "participants"], "?year=2025"),
    ("consortium_lead", "reports:consortium", ["honam"], "?year=2025"),
    ("consortium_lead", "reports:consortium_drill", ["honam", "graduates"], "?year=2025"),
    ("funder", "reports:national", [], "?year=2025"),
    ("funder", "reports:national_drill", ["graduates"], "?year=2025"),
    ("funder", "reports:hub_xlsx", ["alpha", 2025], ""),
    ("funder", "reports:press_release", ["alpha", 2025], ""),
    ("operator", "reports:public", [], "?year=2025"),
]


@pytest.mark.parametrize(("persona", "name", "args", "query"), PAGES)
def test_query_count_does_not_grow_with_rows(
    client, world, factories, frozen_today, persona, name, args, query
):
    url = reverse(name, args=args) + query
    build(world, factories, 5)
    few = queries(client, world[persona], url)
    build(world, factories, 45, first=200)
    assert queries(client, world[persona], url) == few
