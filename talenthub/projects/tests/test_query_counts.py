"""List pages make the same number of queries for 5 rows as for 50."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from talenthub.projects import services
from talenthub.projects.tests.cast import graduate_of, person

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _projects(cast, n):
    for i in range(n):
        services.project_propose(
            organisation=cast.company_a,
            proposed_by=cast.world["company"],
            title=f"프로젝트 {i}",
            problem="문제",
            skills="Python",
            seats=2,
            hours=40,
            mentor_name=f"멘토 {i}",
            starts_on=datetime.date(2025, 6, 1),
            ends_on=datetime.date(2025, 7, 1),
        )


def _applicants(cast, n, offset=0):
    for i in range(offset, offset + n):
        trainee = person(f"applicant{i}@example.kr", f"지원자{i}")
        graduate_of(cast.world, trainee)
        services.project_apply(
            project=cast.project,
            user=trainee,
            motivation="동기",
            consent=True,
            share_contact=True,
            share_training=True,
            share_documents=True,
        )


@pytest.mark.parametrize(
    ("persona", "url_name"),
    [("company", "projects:company_project_list"), ("operator", "projects:manage_project_list")],
)
def test_project_lists_do_not_grow_with_rows(client, cast, persona, url_name):
    client.force_login(cast[persona])
    _projects(cast, 5)
    few = _queries(client, reverse(url_name))
    _projects(cast, 45)
    many = _queries(client, reverse(url_name))
    assert few == many


def test_company_applicant_list_does_not_grow_with_rows(client, cast):
    client.force_login(cast.world["company"])
    url = reverse("projects:company_project_detail", args=[cast.project.id])
    _applicants(cast, 4)  # + the consenting trainee of the cast = 5 visible applicants
    few = _queries(client, url)
    _applicants(cast, 45, offset=4)
    many = _queries(client, url)
    assert few == many


def test_partner_history_does_not_grow_with_rows(client, cast):
    client.force_login(cast.world["operator"])
    url = reverse("projects:partner_history", args=[cast.company_a.id])
    _projects(cast, 5)
    few = _queries(client, url)
    _projects(cast, 45)
    many = _queries(client, url)
    assert few == many
