"""The timeline page tells a person's whole story: one record of each app's kind shows up on
/me/timeline/, the hub's operators see it on the person's page, another hub's operators do not."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from talenthub.attendance.models import CompletionDecision
from talenthub.attendance.selectors import timeline_entries as attendance_entries
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.selectors import timeline_entries as enrolment_entries
from talenthub.enrollments.tests.helpers import apply, make_cohort, make_user
from talenthub.events.models import Event, Registration
from talenthub.events.selectors import timeline_entries as event_entries
from talenthub.outcomes.choices import OutcomeCategory, OutcomeSource, OutcomeStatus
from talenthub.outcomes.models import Outcome
from talenthub.outcomes.selectors import timeline_entries as outcome_entries
from talenthub.portal.timeline import PROVIDERS
from talenthub.projects.choices import ApplicationStatus, ProjectStatus
from talenthub.projects.models import Project, ProjectApplication
from talenthub.projects.selectors import timeline_entries as project_entries
from talenthub.surveys.choices import SurveyStatus
from talenthub.surveys.models import Invitation, Survey
from talenthub.surveys.selectors import timeline_entries as survey_entries
from talenthub.surveys.services import latest_version, standard_templates_install

# One entry kind per app, as the page marks it (`timeline-<kind|slugify>`).
KINDS = {
    "enrollments": "timeline-applicationadmitted",
    "attendance": "timeline-completion",
    "surveys": "timeline-survey_invited",
    "projects": "timeline-project_application",
    "outcomes": "timeline-outcome",
    "events": "timeline-event_attended",
}


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def person(world):
    """A graduate of a course of hub A with a record in every app, and an application in hub B."""
    person = make_user()
    cohort = make_cohort(world.hub)
    application = apply(cohort, person)
    enrolment = application.enrollment
    assert enrolment is not None
    enrolment.status = EnrollmentStatus.COMPLETED
    enrolment.finished_on = cohort.ends_on
    enrolment.save(update_fields=["status", "finished_on"])
    CompletionDecision.objects.create(
        enrollment=enrolment, outcome="completed", attendance_percent=Decimal("96.5")
    )
    standard_templates_install()
    version = latest_version("skills-post")
    survey = Survey.objects.create(
        cohort=cohort,
        version=version,
        purpose=version.template.purpose,
        title="직무 역량 사후 자가진단",
        is_anonymous=False,
        status=SurveyStatus.OPEN,
        sent_at=_at(cohort.ends_on),
        deadline=_at(cohort.ends_on + datetime.timedelta(days=14)),
    )
    Invitation.objects.create(survey=survey, user=person, sent_at=survey.sent_at)
    project = Project.objects.create(
        organisation=world.organisation,
        title="스마트팜 데이터 대시보드",
        problem="생육 데이터를 한눈에",
        skills="Python",
        seats=3,
        hours=80,
        mentor_name="정현우",
        starts_on=cohort.ends_on + datetime.timedelta(days=7),
        ends_on=cohort.ends_on + datetime.timedelta(days=40),
        status=ProjectStatus.APPROVED,
    )
    ProjectApplication.objects.create(
        project=project, user=person, status=ApplicationStatus.APPLIED
    )
    Outcome.objects.create(
        user=person,
        hub=world.hub,
        enrollment=enrolment,
        category=OutcomeCategory.FULL_TIME,
        organisation_name=world.organisation.name,
        starts_on=cohort.ends_on + datetime.timedelta(days=60),
        source=OutcomeSource.SELF_REPORT,
        status=OutcomeStatus.REPORTED,
        reported_by=person,
    )
    event = Event.objects.create(
        hub=world.hub,
        kind="tour",
        title="스마트팜 기술 투어",
        starts_at=_at(cohort.ends_on + datetime.timedelta(days=3)),
        ends_at=_at(cohort.ends_on + datetime.timedelta(days=3)) + datetime.timedelta(hours=5),
        status="closed",
        is_published=True,
    )
    Registration.objects.create(
        event=event,
        user=person,
        status="attended",
        queued_at=_at(cohort.ends_on),
        status_changed_at=event.ends_at,
    )
    apply(make_cohort(world.other_hub), person)
    return person


def _page(user, url: str) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_every_app_with_timeline_entries_is_a_provider():
    providers = [enrolment_entries, attendance_entries, survey_entries]
    assert [p for p in PROVIDERS if p not in providers] == [
        project_entries,
        event_entries,
        outcome_entries,
    ]
    assert all(provider in PROVIDERS for provider in providers)


@pytest.mark.django_db
def test_my_timeline_shows_an_entry_of_every_app(person):
    page = _page(person, reverse("portal:my_timeline"))
    missing = [app for app, css in KINDS.items() if f'class="{css}"' not in page]
    assert missing == []


@pytest.mark.django_db
def test_the_hubs_operator_sees_every_app_on_the_persons_timeline(world, person):
    page = _page(world["operator"], reverse("portal:person_timeline", args=[person.pk]))
    missing = [app for app, css in KINDS.items() if f'class="{css}"' not in page]
    assert missing == []
    # Operators follow links to their own pages, not the person's.
    assert reverse("attendance:my_attendance") not in page


@pytest.mark.django_db
def test_another_hubs_operator_sees_only_their_own_hubs_entries(world, person):
    page = _page(world["other_operator"], reverse("portal:person_timeline", args=[person.pk]))
    assert 'class="timeline-applicationadmitted"' in page  # the application in hub B
    shown = [app for app, css in KINDS.items() if app != "enrollments" and css in page]
    assert shown == []
    assert world.hub.name not in page
    assert "스마트팜 데이터 대시보드" not in page
