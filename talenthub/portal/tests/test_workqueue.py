"""The operator's work queue counts what waits in their own hubs only, names the cohorts behind
each count, links to where the work is done, and costs the same queries for 3 cohorts as for 30."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from talenthub.enrollments.choices import ApplicationStatus, EnrollmentStatus
from talenthub.enrollments.models import Application
from talenthub.portal.workqueue import operator_tasks

TODAY = datetime.date(2026, 3, 2)


def _apply(factories, cohort, status=ApplicationStatus.SUBMITTED) -> Application:
    deadline = (
        datetime.datetime(2026, 3, 5, tzinfo=datetime.UTC)
        if status == ApplicationStatus.OFFERED
        else None
    )
    return Application.objects.create(
        cohort=cohort, user=factories.UserFactory(), status=status, offer_expires_at=deadline
    )


def _tasks(world) -> dict[str, object]:
    return {task.key: task for task in operator_tasks({world.hub.pk}, TODAY)}


@pytest.mark.django_db
def test_counts_cover_this_hub_only_and_name_the_cohorts(world, factories):
    mine = factories.CohortFactory(course=factories.CourseFactory(hub=world.hub))
    theirs = factories.CohortFactory(course=factories.CourseFactory(hub=world.other_hub))
    for _ in range(3):
        _apply(factories, mine)
    _apply(factories, mine, ApplicationStatus.OFFERED)
    _apply(factories, mine, ApplicationStatus.REJECTED)
    for _ in range(4):
        _apply(factories, theirs)
    tasks = _tasks(world)
    assert tasks["applications"].count == 3
    assert tasks["offers"].count == 1
    [named] = tasks["applications"].cohorts
    assert (named.title, named.number, named.count) == (mine.course.title, mine.number, 3)
    assert named.url == reverse("enrollments:cohort_applications", args=[mine.pk])


@pytest.mark.django_db
def test_an_ended_cohort_with_trainees_still_enrolled_waits_for_its_completion_decision(
    world, factories
):
    ended = factories.CohortFactory(
        course=factories.CourseFactory(hub=world.hub),
        starts_on=TODAY - datetime.timedelta(days=40),
        ends_on=TODAY - datetime.timedelta(days=1),
    )
    factories.EnrollmentFactory(cohort=ended, status=EnrollmentStatus.ENROLLED)
    factories.EnrollmentFactory(cohort=ended, status=EnrollmentStatus.ENROLLED)
    task = _tasks(world)["completion"]
    assert task.count >= 2
    assert any(
        c.url == reverse("attendance:completion", args=[ended.pk]) and c.count == 2
        for c in task.cohorts
    )


@pytest.mark.django_db
def test_no_hub_no_tasks():
    assert operator_tasks(set(), TODAY) == []


@pytest.mark.django_db
def test_the_dashboard_shows_the_queue_to_operators_only(world, factories):
    cohort = factories.CohortFactory(course=factories.CourseFactory(hub=world.hub))
    _apply(factories, cohort)
    operator = Client()
    operator.force_login(world["operator"])
    page = operator.get(reverse("portal:dashboard")).content.decode()
    assert 'id="tasks-heading"' in page
    assert reverse("enrollments:cohort_applications", args=[cohort.pk]) in page
    for persona in ("trainee", "instructor", "company", "funder"):
        client = Client()
        client.force_login(world[persona])
        assert 'id="tasks-heading"' not in client.get(reverse("portal:dashboard")).content.decode()


@pytest.mark.django_db
def test_the_queue_costs_the_same_queries_for_many_cohorts(world, factories):
    def grow(n: int) -> None:
        for _ in range(n):
            cohort = factories.CohortFactory(course=factories.CourseFactory(hub=world.hub))
            _apply(factories, cohort)
            _apply(factories, cohort, ApplicationStatus.OFFERED)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            operator_tasks({world.hub.pk}, TODAY)
        return len(queries)

    grow(3)
    few = count()
    grow(27)
    assert count() == few
