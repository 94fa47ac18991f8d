"""Every role reaches its pages from the dashboard and the header menu, every one of those links
opens for that role, and the dashboard's queries do not grow with the rows behind it."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.enrollments.services import application_form_ensure, reviewer_invite
from talenthub.partners.services import organisation_member_add
from talenthub.projects.choices import ProjectStatus
from talenthub.projects.models import Project

HREF = re.compile(r'href="(/[^"#]*)(?:#[^"]*)?"')
# Links that are not pages of the role: static files, the language switcher's own page.
NOT_PAGES = ("/static/", "/i18n/")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _links(client: Client) -> set[str]:
    page = client.get(reverse("portal:dashboard"))
    assert page.status_code == 200
    return {href for href in HREF.findall(page.content.decode()) if not href.startswith(NOT_PAGES)}


@pytest.fixture
def linked(world, factories):
    """The personas with something to do: the company partner acts for the organisation, the
    mentor mentors its project and reviews the cohort's applications, the trainee graduated from
    an earlier cohort, the instructor teaches today."""
    organisation_member_add(organisation=world.organisation, user=world["company"])
    Project.objects.create(
        organisation=world.organisation,
        title="스마트팜 데이터 대시보드",
        problem="생육 데이터를 한눈에",
        skills="Python",
        seats=3,
        hours=80,
        mentor_name=world["mentor"].name,
        mentor_email=world["mentor"].email,
        starts_on=datetime.date(2026, 3, 2),
        ends_on=datetime.date(2026, 4, 30),
        status=ProjectStatus.IN_PROGRESS,
    )
    form = application_form_ensure(cohort=world.cohort)
    reviewer_invite(form=form, user=world["mentor"], invited_by=world["operator"])
    earlier = factories.CohortFactory(course=world.course, number=2)
    factories.EnrollmentFactory(
        cohort=earlier,
        user=world["trainee"],
        status=EnrollmentStatus.COMPLETED,
        finished_on=earlier.ends_on,
    )
    factories.SessionDayFactory(cohort=world.cohort, date=timezone.localdate())
    return world


EXPECTED: dict[str, list[tuple[str, list[int]]]] = {
    "trainee": [
        ("enrollments:my_applications", []),
        ("attendance:my_attendance", []),
        ("surveys:my_surveys", []),
        ("outcomes:my_outcomes", []),
        ("projects:trainee_project_list", []),
        ("projects:graduate_job_list", []),
        ("portal:my_timeline", []),
    ],
    "instructor": [("portal:my_timeline", [])],
    "operator": [
        ("courses:manage_cohort_list", []),
        ("portal:manage_people", []),
        ("surveys:survey_list", []),
        ("surveys:scores", []),
        ("partners:manage_list", []),
        ("projects:manage_project_list", []),
        ("outcomes:manage_outcome_list", []),
        ("outcomes:manage_follow_up_list", []),
        ("admin:index", []),
    ],
    "company": [
        ("partners:my_organisations", []),
        ("projects:company_project_list", []),
        ("projects:company_job_list", []),
    ],
    "mentor": [("enrollments:review_queue", [])],
    "judge": [("enrollments:my_applications", [])],
    "consortium_lead": [("surveys:scores", [])],
    "funder": [("surveys:scores", [])],
}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_each_role_reaches_its_pages_and_every_link_opens(linked, persona):
    client = _client(linked[persona])
    links = _links(client)
    expected = {reverse(name, args=args) for name, args in EXPECTED[persona]}
    assert expected - links == set()
    broken = {}
    for link in sorted(links):
        status = client.get(link).status_code
        if status != 200:
            broken[link] = status
    assert broken == {}


@pytest.mark.django_db
def test_cohort_links_lead_to_roster_attendance_and_todays_check_in(linked):
    cohort = linked.cohort
    day = cohort.session_days.get(date=timezone.localdate())
    instructor = _links(_client(linked["instructor"]))
    assert {
        reverse("enrollments:cohort_roster", args=[cohort.id]),
        reverse("attendance:overview", args=[cohort.id]),
        reverse("attendance:qr_display", args=[day.id]),
        reverse("attendance:roster", args=[day.id]),
    } <= instructor
    operator = _links(_client(linked["operator"]))
    assert {
        reverse("enrollments:cohort_roster", args=[cohort.id]),
        reverse("enrollments:cohort_applications", args=[cohort.id]),
        reverse("attendance:overview", args=[cohort.id]),
    } <= operator


@pytest.mark.django_db
def test_the_mentor_sees_the_project_they_mentor_and_the_cohort_to_review(linked):
    page = _client(linked["mentor"]).get(reverse("portal:dashboard")).content.decode()
    assert "스마트팜 데이터 대시보드" in page
    assert linked.course.title in page


@pytest.mark.django_db
def test_a_company_partner_without_an_organisation_gets_no_dead_links(world):
    links = _links(_client(world["company"]))
    assert reverse("partners:my_organisations") not in links
    assert reverse("projects:company_project_list") not in links


@pytest.mark.django_db
def test_jobs_are_offered_to_graduates_only(world, factories):
    assert reverse("projects:graduate_job_list") not in _links(_client(world["trainee"]))


@pytest.mark.django_db
def test_the_roster_links_to_the_cohorts_attendance(world):
    page = _client(world["instructor"]).get(
        reverse("enrollments:cohort_roster", args=[world.cohort.id])
    )
    assert reverse("attendance:overview", args=[world.cohort.id]) in page.content.decode()


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("portal:dashboard")).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["operator", "instructor", "trainee", "company", "mentor"])
def test_dashboard_queries_do_not_grow_with_rows(linked, factories, persona):
    client = _client(linked[persona])
    _queries(client)  # warm the session and caches
    before = _queries(client)
    for number in range(3, 8):
        cohort = factories.CohortFactory(course=linked.course, number=number)
        cohort.instructors.add(linked["instructor"])
        factories.SessionDayFactory(cohort=cohort, date=timezone.localdate())
        factories.EnrollmentFactory(
            cohort=cohort,
            user=linked["trainee"],
            status=EnrollmentStatus.COMPLETED,
            finished_on=cohort.ends_on,
        )
        reviewer_invite(
            form=application_form_ensure(cohort=cohort),
            user=linked["mentor"],
            invited_by=linked["operator"],
        )
    assert Enrollment.objects.filter(user=linked["trainee"]).count() == 7
    assert _queries(client) == before
