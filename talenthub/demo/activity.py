"""What happened in the demo's cohorts, written by each app's own demo generator.

The core writer (`talenthub.demo.services`) lays down hubs, people, courses, cohorts and enrolments;
then, in the same transaction and in this order, enrolments get the applications they came from,
every past session day its check-ins and every finished enrolment its completion decision, Jeonju
its company projects and every hub its outcomes, finished cohorts their satisfaction surveys, and
every hub its events (tours, workshops, challenge days...) with registrations, attendance and, for
workshops and challenge days, satisfaction surveys of their own.
Each generator draws from its own stream, derived from the seed and the generator's name, so a
change inside one app's generator leaves the others' rows as they were.

Last, the demo logins get something to do: the company partner acts for a flagship company, the
mentor mentors the flagship project, the mentor and the judge score applications of the cohort now
being screened, and the trainee has a self-assessment to answer.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from talenthub.accounts.models import User
from talenthub.attendance.demo import generate_attendance
from talenthub.attendance.models import (
    AssessmentResult,
    AtRiskAlert,
    AttendanceCorrection,
    AttendanceEvent,
    Certificate,
    CompletionDecision,
    ExcusedAbsence,
)
from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort
from talenthub.demo.data import DEMO_LOGINS, DEMO_TODAY, JEONJU, TRAINEE_LOGIN
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.demo import delete_applications, generate_applications
from talenthub.enrollments.models import ApplicationForm, Enrollment
from talenthub.enrollments.services.selection import reviewer_invite
from talenthub.events import demo as events_demo
from talenthub.exchange.models import ExportLog, ImportRun
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Hub
from talenthub.outcomes import demo as outcomes_demo
from talenthub.outcomes.models import Outcome
from talenthub.partners.models import Organisation
from talenthub.partners.services import organisation_member_add
from talenthub.projects import demo as projects_demo
from talenthub.projects.models import JobPosting, Project, ThirdPartyConsent
from talenthub.surveys.choices import SurveyStatus
from talenthub.surveys.demo import generate_event_surveys, generate_survey_responses
from talenthub.surveys.models import Invitation, Response, Survey
from talenthub.surveys.services import latest_version

# The press release counts 157 jobs and startups for Jeonju. The other hubs have no published
# figure; about one job-seeking completer in ten finding work matches Jeonju's rate.
OTHER_HUBS_JOB_SHARE = Decimal("0.1")
REPORTED = (datetime.date(2020, 1, 1), datetime.date(2025, 12, 31))
# The company partner acts for the flagship partner that also runs a project and has a job open.
COMPANY_ORGANISATION = projects_demo.FLAGSHIP_COMPANIES[1]
SKILLS_PRE_CODE = "skills-pre"


@dataclass(frozen=True)
class ActivitySummary:
    applications: int
    attendance_events: int
    projects: int
    outcomes: int
    jeonju_jobs: int
    surveys: int
    survey_responses: int
    jeonju_satisfaction: Decimal | None
    events: int = 0
    event_registrations: int = 0
    event_surveys: int = 0


def child_rng(seed: int, name: str) -> random.Random:
    """An independent, reproducible stream per generator (string seeds hash with SHA-512, so the
    stream does not depend on PYTHONHASHSEED)."""
    return random.Random(f"{seed}/{name}")  # noqa: S311 - made-up demo data, not security


def _login(email: str) -> User:
    return User.objects.get(email=email)


def _login_email(role: str, hub_code: str) -> str:
    return next(s.email for s in DEMO_LOGINS if s.role == role and s.hub_code == hub_code)


def _completed_enrolments(hub: Hub) -> list[Enrollment]:
    return list(
        Enrollment.objects.filter(cohort__course__hub=hub)
        .select_related("cohort", "user")
        .order_by("pk")
    )


def _other_hub_target(enrolments: list[Enrollment]) -> int:
    seekers = {
        e.user_id
        for e in enrolments
        if e.status == EnrollmentStatus.COMPLETED
        and e.is_job_seeker_at_entry
        and REPORTED[0] <= e.cohort.ends_on <= REPORTED[1]
    }
    return int((len(seekers) * OTHER_HUBS_JOB_SHARE).to_integral_value())


def generate_activity(
    *, seed: int, hub_codes: tuple[str, ...], today: datetime.date = DEMO_TODAY
) -> ActivitySummary:
    """Run every app's demo generator over the hubs just written (call inside the demo's
    transaction, after the core records)."""
    hubs = {hub.code: hub for hub in Hub.objects.filter(code__in=hub_codes)}
    cohorts = list(
        Cohort.objects.filter(course__hub__in=hubs.values())
        .select_related("course", "course__hub")
        .order_by("pk")
    )
    applications = generate_applications(
        rng=child_rng(seed, "enrollments"), cohorts=cohorts, today=today
    )
    events = generate_attendance(rng=child_rng(seed, "attendance"), cohorts=cohorts, today=today)

    projects = outcomes = 0
    jeonju_jobs = 0
    for code in sorted(hubs):
        hub = hubs[code]
        operator = _login(_login_email(Role.OPERATOR, code))
        enrolments = _completed_enrolments(hub)
        if code == JEONJU.code:
            # Project hires are outcomes too: projects first, and outcomes tops them up to 157.
            made = projects_demo.generate(
                rng=child_rng(seed, "projects"),
                hub=hub,
                enrollments=enrolments,
                today=today,
                operator_id=operator.pk,
            )
            projects += made.projects
            target = 157
        else:
            target = _other_hub_target(enrolments)
        result = outcomes_demo.generate(
            rng=child_rng(seed, f"outcomes/{code}"),
            hub=hub,
            enrollments=enrolments,
            today=today,
            target_jobs=target,
            verifier_id=operator.pk,
        )
        outcomes += result.outcomes
        if code == JEONJU.code:
            jeonju_jobs = result.counted_jobs

    surveys = generate_survey_responses(
        rng=child_rng(seed, "surveys"), cohorts=cohorts, today=today
    )
    # Events after the cohorts' surveys: their own surveys leave the cohorts' scores alone.
    trainee = User.objects.filter(email=TRAINEE_LOGIN.email).first()
    event_counts = [0, 0]
    for code in sorted(hubs):
        made_events = events_demo.generate(
            rng=child_rng(seed, f"events/{code}"),
            hub=hubs[code],
            today=today,
            trainee_id=trainee.pk if trainee and code == JEONJU.code else None,
            operator_id=_login(_login_email(Role.OPERATOR, code)).pk,
        )
        event_counts[0] += made_events.events
        event_counts[1] += made_events.registrations
    event_surveys = generate_event_surveys(
        rng=child_rng(seed, "surveys/events"),
        hub_ids=sorted(hub.pk for hub in hubs.values()),
        today=today,
    )
    jeonju = hubs.get(JEONJU.code)
    if jeonju is not None:
        _personas(jeonju, applications.live_offer_cohort_id, today)
    return ActivitySummary(
        applications=applications.applications,
        attendance_events=events,
        projects=projects,
        outcomes=outcomes,
        jeonju_jobs=jeonju_jobs,
        surveys=surveys.surveys,
        survey_responses=surveys.responses,
        jeonju_satisfaction=None if jeonju is None else surveys.hub_scores.get(jeonju.pk),
        events=event_counts[0],
        event_registrations=event_counts[1],
        event_surveys=event_surveys.surveys,
    )


def _personas(hub: Hub, screening_cohort_id: int | None, today: datetime.date) -> None:
    operator = _login(_login_email(Role.OPERATOR, hub.code))
    company = Organisation.objects.get(hub=hub, name=COMPANY_ORGANISATION)
    organisation_member_add(
        organisation=company,
        user=_login(_login_email(Role.COMPANY_PARTNER, hub.code)),
        position="팀장",
    )
    mentor = _login(_login_email(Role.MENTOR, hub.code))
    Project.objects.filter(organisation__hub=hub, title=projects_demo.FLAGSHIP_TITLE).update(
        mentor_name=mentor.name, mentor_email=mentor.email
    )
    if screening_cohort_id is not None:
        form = ApplicationForm.objects.get(cohort_id=screening_cohort_id)
        for role in (Role.MENTOR, Role.JUDGE):
            reviewer_invite(
                form=form, user=_login(_login_email(role, hub.code)), invited_by=operator
            )
    _trainee_self_assessment(today)


def _trainee_self_assessment(today: datetime.date) -> None:
    """The demo trainee's running cohort asked its trainees for a skills self-assessment a few
    days ago; the trainee has not answered yet."""
    trainee = _login(TRAINEE_LOGIN.email)
    cohort = (
        Cohort.objects.filter(
            enrollments__user=trainee,
            enrollments__status=EnrollmentStatus.ENROLLED,
            status=CohortStatus.IN_PROGRESS,
        )
        .select_related("course")
        .first()
    )
    if cohort is None:
        return
    version = latest_version(SKILLS_PRE_CODE)
    sent_at = datetime.datetime.combine(
        max(cohort.starts_on, today - datetime.timedelta(days=3)),
        datetime.time(9, 30),
        tzinfo=timezone.get_current_timezone(),
    )
    survey = Survey.objects.create(
        cohort=cohort,
        version=version,
        purpose=version.template.purpose,
        title=f"{cohort} · {version.template.name}"[:200],
        is_anonymous=False,
        status=SurveyStatus.OPEN,
        sent_at=sent_at,
        send_at_cohort_end=False,
        deadline_days=14,
        deadline=sent_at + datetime.timedelta(days=14),
    )
    Invitation.objects.bulk_create(
        Invitation(survey=survey, user_id=user_id, sent_at=sent_at)
        for user_id in cohort.enrollments.filter(
            ~Q(status=EnrollmentStatus.DROPPED_OUT)
        ).values_list("user_id", flat=True)
    )


def delete_activity(
    *, hub_ids: Sequence[int], cohort_ids: Sequence[int], organisation_ids: Sequence[int]
) -> None:
    """Delete what the apps' generators wrote for these hubs, children before the rows they
    protect (surveys and attendance hold on to enrolments and session days, projects to
    organisations, outcomes to hubs and people), and the spreadsheet runs someone trying the demo
    made in its hubs."""
    ExportLog.objects.filter(hub_id__in=hub_ids).delete()
    ImportRun.objects.filter(hub_id__in=hub_ids).delete()
    Response.objects.filter(survey__cohort_id__in=cohort_ids).delete()
    Survey.objects.filter(cohort_id__in=cohort_ids).delete()
    Response.objects.filter(survey__event__hub_id__in=hub_ids).delete()
    Survey.objects.filter(event__hub_id__in=hub_ids).delete()
    events_demo.delete(hub_ids=hub_ids)
    Outcome.objects.filter(hub_id__in=hub_ids, duplicate_of__isnull=False).delete()
    Outcome.objects.filter(hub_id__in=hub_ids).delete()
    JobPosting.objects.filter(organisation_id__in=organisation_ids).delete()
    Project.objects.filter(organisation_id__in=organisation_ids).delete()
    ThirdPartyConsent.objects.filter(organisation_id__in=organisation_ids).delete()
    in_cohorts = {"enrollment__cohort_id__in": cohort_ids}
    for model in (
        AttendanceEvent,
        ExcusedAbsence,
        AttendanceCorrection,
        AtRiskAlert,
        AssessmentResult,
        CompletionDecision,
        Certificate,
    ):
        model.objects.filter(**in_cohorts).delete()
    delete_applications(cohort_ids=cohort_ids)
