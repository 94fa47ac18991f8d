"""What the apps' generators add: applications, check-ins, completion decisions, projects,
surveys and the personas' own records."""

from __future__ import annotations

import datetime

import pytest
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from talenthub.accounts.models import User
from talenthub.attendance.models import AttendanceEvent, CompletionDecision
from talenthub.attendance.selectors import timeline_entries as attendance_entries
from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort, SessionDay
from talenthub.demo.data import DEMO_TODAY
from talenthub.demo.tests.demo_data.helpers import jeonju_hub
from talenthub.enrollments.choices import ApplicationStatus, EnrollmentStatus
from talenthub.enrollments.models import Application, Enrollment
from talenthub.enrollments.selectors import cohorts_reviewed_by
from talenthub.enrollments.selectors import timeline_entries as enrolment_entries
from talenthub.outcomes.selectors import timeline_entries as outcome_entries
from talenthub.partners.selectors import partner_organisation_ids
from talenthub.projects.choices import HireDecision
from talenthub.projects.demo import FLAGSHIP_TITLE
from talenthub.projects.models import JobPosting, Project, ProjectApplication
from talenthub.projects.selectors import (
    projects_mentored_by,
    projects_of_organisations,
)
from talenthub.projects.selectors import timeline_entries as project_entries
from talenthub.surveys.choices import Purpose, SurveyStatus
from talenthub.surveys.models import Invitation, Response, Survey


@pytest.mark.django_db
def test_every_enrolment_came_from_an_admitted_application():
    admitted = Application.objects.filter(enrollment=OuterRef("pk"), status="admitted")
    assert not Enrollment.objects.exclude(Exists(admitted)).exists()
    statuses = set(Application.objects.values_list("status", flat=True))
    assert {ApplicationStatus.REJECTED, ApplicationStatus.WAITLISTED} <= statuses


@pytest.mark.django_db
def test_a_recruiting_jeonju_cohort_has_a_live_offer_and_a_waitlist():
    offers = Application.objects.filter(
        cohort__course__hub__code="jeonju",
        cohort__status=CohortStatus.RECRUITING,
        status=ApplicationStatus.OFFERED,
        offer_expires_at__gt=datetime.datetime.combine(
            DEMO_TODAY, datetime.time(18), tzinfo=timezone.get_current_timezone()
        ),
    )
    assert offers.count() == 1
    waiting = Application.objects.filter(
        cohort_id=offers.get().cohort_id, status=ApplicationStatus.WAITLISTED
    )
    assert waiting.count() == 3


@pytest.mark.django_db
def test_every_past_session_day_with_trainees_has_check_ins():
    past = SessionDay.objects.filter(date__lt=DEMO_TODAY).filter(
        Exists(
            Enrollment.objects.filter(cohort=OuterRef("cohort"), status=EnrollmentStatus.COMPLETED)
        )
    )
    assert past.count() > 3000
    scanned = AttendanceEvent.objects.filter(session_day=OuterRef("pk"), kind="check_in")
    assert not past.exclude(Exists(scanned)).exists()
    assert not AttendanceEvent.objects.filter(session_day__date__gte=DEMO_TODAY).exists()


@pytest.mark.django_db
def test_completion_decisions_agree_with_the_enrolment_statuses():
    final = Enrollment.objects.filter(
        status__in=[EnrollmentStatus.COMPLETED, EnrollmentStatus.NOT_COMPLETED]
    )
    decisions = CompletionDecision.objects.all()
    assert decisions.count() == final.count()
    assert not decisions.exclude(outcome=F("enrollment__status")).exists()
    assert not decisions.filter(outcome="completed", attendance_percent__lt=80).exists()
    assert not decisions.filter(outcome="not_completed", attendance_percent__gte=80).exists()


@pytest.mark.django_db
def test_the_flagship_project_hired_all_ten_and_companies_have_open_jobs():
    flagship = Project.objects.get(title=FLAGSHIP_TITLE)
    assert flagship.hours == 240
    assert flagship.partner_organisations.count() == 3
    hired = ProjectApplication.objects.filter(project=flagship, hire_decision=HireDecision.HIRED)
    assert hired.count() == 10
    assert JobPosting.objects.filter(status="open").count() == 2


@pytest.mark.django_db
def test_finished_cohorts_have_a_satisfaction_survey_answered_anonymously():
    finished = Cohort.objects.filter(ends_on__lt=DEMO_TODAY).exclude(status=CohortStatus.CANCELLED)
    surveyed = Survey.objects.filter(purpose=Purpose.SATISFACTION, cohort__isnull=False)
    assert surveyed.count() == finished.count()
    assert not Response.objects.filter(Q(is_anonymous=False) | Q(respondent__isnull=False)).exists()


@pytest.mark.django_db
def test_the_company_login_acts_for_a_flagship_company_with_projects_and_a_job():
    user = User.objects.get(email="company@jeonju.demo")
    organisation_ids = partner_organisation_ids(user)
    assert len(organisation_ids) == 1
    titles = set(projects_of_organisations(organisation_ids).values_list("title", flat=True))
    assert FLAGSHIP_TITLE in titles
    assert len(titles) == 2
    assert JobPosting.objects.filter(organisation_id__in=organisation_ids).exists()


@pytest.mark.django_db
def test_the_mentor_mentors_the_flagship_and_mentor_and_judge_review_applications():
    mentor = User.objects.get(email="mentor@jeonju.demo")
    mentored = projects_mentored_by(mentor.email, {jeonju_hub().pk})
    assert [project.title for project in mentored] == [FLAGSHIP_TITLE]
    for email in ("mentor@jeonju.demo", "judge@jeonju.demo"):
        reviewed = cohorts_reviewed_by(User.objects.get(email=email).pk)
        assert [cohort.status for cohort in reviewed] == [CohortStatus.RECRUITING]
        assert reviewed[0].n_submitted > 0


@pytest.mark.django_db
def test_the_trainee_has_an_open_self_assessment_to_answer():
    invitation = Invitation.objects.get(
        user__email="trainee@jeonju.demo", is_used=False, survey__cohort__isnull=False
    )
    assert invitation.survey.status == SurveyStatus.OPEN
    assert not invitation.survey.is_anonymous
    assert invitation.survey.cohort is not None
    assert invitation.survey.cohort.status == CohortStatus.IN_PROGRESS


@pytest.mark.django_db
def test_a_flagship_hire_has_timeline_entries_from_every_app_all_in_jeonju():
    hire = ProjectApplication.objects.filter(
        project__title=FLAGSHIP_TITLE, hire_decision=HireDecision.HIRED
    ).first()
    assert hire is not None
    entries = [
        entry
        for provider in (enrolment_entries, attendance_entries, project_entries, outcome_entries)
        for entry in provider(hire.user_id)
    ]
    kinds = {entry.kind for entry in entries}
    assert {"application.admitted", "enrolment.started", "enrolment.completed"} <= kinds
    assert {"attendance", "completion", "project_team", "outcome"} <= kinds
    # So Jeonju's operators see all of it on the person's timeline, and no other hub's do.
    assert {entry.hub_id for entry in entries} == {jeonju_hub().pk}
