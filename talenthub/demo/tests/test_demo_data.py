"""The demo reproduces the press-release figures when its raw rows are counted.

The demo is generated once for the module inside a transaction that is rolled back at the end;
every test runs in a savepoint inside it. Each figure is counted here with its own ORM query,
following the KPI definitions of docs (DOMAIN.md), or with the owning app's KPI selector (jobs,
satisfaction), never read from the generator.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from decimal import Decimal
from io import StringIO

import holidays
import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, Sum
from django.utils import timezone

from talenthub.accounts.models import User
from talenthub.attendance.models import AttendanceEvent, CompletionDecision
from talenthub.attendance.selectors import timeline_entries as attendance_entries
from talenthub.courses.choices import CohortStatus, IndustryDomain
from talenthub.courses.models import Cohort, Course, SessionDay
from talenthub.demo.build import demo_plan
from talenthub.demo.data import DEMO_LOGINS, DEMO_PASSWORD, DEMO_TODAY, SUPERUSER
from talenthub.demo.services import demo_data_generate, demo_data_reset
from talenthub.enrollments.choices import ApplicationStatus, EnrollmentStatus
from talenthub.enrollments.models import Application, Enrollment
from talenthub.enrollments.selectors import cohorts_reviewed_by
from talenthub.enrollments.selectors import timeline_entries as enrolment_entries
from talenthub.events.choices import EventStatus, RegistrationStatus
from talenthub.events.models import Event, EventSeats, Registration
from talenthub.hubs.models import Hub, Membership
from talenthub.outcomes.models import Outcome
from talenthub.outcomes.selectors import jobs_kpi
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
from talenthub.reports.kpis import Period, Scope, get_kpi
from talenthub.surveys.choices import Purpose, SurveyStatus
from talenthub.surveys.models import Invitation, Response, Survey
from talenthub.surveys.scoring import round_half_up
from talenthub.surveys.selectors.scores import hub_score

SEED = 20251203
REPORTED = (datetime.date(2020, 1, 1), datetime.date(2025, 12, 31))
YEAR_2025 = (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_data_generate(seed=SEED)
        transaction.set_rollback(True)


def _jeonju_enrolments():
    return Enrollment.objects.filter(cohort__course__hub__code="jeonju")


def _courses_run(period: tuple[datetime.date, datetime.date]) -> int:
    return (
        Cohort.objects.filter(course__hub__code="jeonju", starts_on__range=period)
        .exclude(status=CohortStatus.CANCELLED)
        .values("course_id")
        .distinct()
        .count()
    )


def _digest() -> str:
    """A fingerprint of the demo's content, free of primary keys and timestamps."""
    rows = [
        sorted(
            User.objects.filter(email__endswith=".demo").values_list(
                "email", "name", "mobile", "birth_date", "gender", "region", "is_staff"
            )
        ),
        sorted(Membership.objects.values_list("user__email", "hub__code", "role", "is_active")),
        sorted(EmailAddress.objects.values_list("email", "verified", "primary")),
        sorted(
            Course.objects.filter(hub__code__in=["jeonju", "gwangju", "jeonnam"])
            .annotate(n_partners=Count("partners"))
            .values_list(
                "hub__code",
                "code",
                "title",
                "track",
                "industry_domain",
                "level",
                "hours",
                "description",
                "n_partners",
                "is_published",
            )
        ),
        sorted(
            Cohort.objects.values_list(
                "course__code", "number", "starts_on", "ends_on", "capacity", "status", "site__name"
            )
        ),
        sorted(
            SessionDay.objects.values_list(
                "cohort__course__code", "cohort__number", "date", "starts_at", "ends_at", "hours"
            )
        ),
        sorted(
            Enrollment.objects.values_list(
                "user__email",
                "cohort__course__code",
                "cohort__number",
                "status",
                "enrolled_on",
                "finished_on",
                "is_job_seeker_at_entry",
                "is_neet_at_entry",
                "dropout_reason",
            )
        ),
        *_activity_rows(),
    ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _activity_rows() -> list[list[tuple[object, ...]]]:
    """What the apps' generators wrote, free of keys and of the time the demo was made."""
    cohort = ("cohort__course__code", "cohort__number")
    return [
        sorted(
            Application.objects.values_list(
                "user__email", *cohort, "status", "submitted_at", "waitlist_position"
            )
        ),
        sorted(
            AttendanceEvent.objects.values_list(
                "enrollment__cohort__course__code", "enrollment__cohort__number", "kind"
            )
            .annotate(n=Count("id"), first=Min("at"), last=Max("at"))
            .order_by()
        ),
        sorted(
            CompletionDecision.objects.values_list(
                "enrollment__user__email", "enrollment__cohort__course__code", "outcome"
            ).annotate(percent=F("attendance_percent"))
        ),
        sorted(
            Outcome.objects.values_list(
                "user__email", "hub__code", "category", "organisation_name", "starts_on", "status"
            )
        ),
        sorted(
            ProjectApplication.objects.values_list(
                "project__title", "user__email", "status", "hire_decision"
            )
        ),
        sorted(
            Response.objects.filter(survey__cohort__isnull=False)
            .values_list("survey__cohort__course__code", "survey__cohort__number")
            .annotate(n=Count("id", distinct=True), total=Sum("answers__value"))
            .order_by()
        ),
        sorted(
            Registration.objects.values_list(
                "event__hub__code", "event__title", "event__starts_at", "user__email", "status"
            )
        ),
        sorted(
            Response.objects.filter(survey__event__isnull=False)
            .values_list("survey__event__hub__code", "survey__event__title")
            .annotate(n=Count("id", distinct=True), total=Sum("answers__value"))
            .order_by()
        ),
    ]


@pytest.mark.django_db
def test_jeonju_ran_122_courses_from_2020_to_2025():
    assert _courses_run(REPORTED) == 122


@pytest.mark.django_db
def test_jeonju_ran_18_courses_in_2025():
    assert _courses_run(YEAR_2025) == 18


@pytest.mark.django_db
def test_cancelled_cohorts_exist_but_do_not_count_as_courses_run():
    cancelled = Cohort.objects.filter(
        course__hub__code="jeonju", starts_on__range=REPORTED, status=CohortStatus.CANCELLED
    )
    with_cancelled = (
        Cohort.objects.filter(course__hub__code="jeonju", starts_on__range=REPORTED)
        .values("course_id")
        .distinct()
        .count()
    )
    assert cancelled.count() == 4
    assert with_cancelled == 123


@pytest.mark.django_db
def test_431_enrolments_started_in_jeonju_in_2025():
    started = _jeonju_enrolments().filter(cohort__starts_on__range=YEAR_2025)
    assert started.count() == 431
    assert _jeonju_enrolments().filter(enrolled_on__range=YEAR_2025).count() == 431


@pytest.mark.django_db
def test_2484_jeonju_graduates_by_cohort_end_from_2020_to_2025():
    completed = _jeonju_enrolments().filter(status=EnrollmentStatus.COMPLETED)
    assert completed.filter(cohort__ends_on__range=REPORTED).count() == 2484
    assert completed.filter(finished_on__range=REPORTED).count() == 2484


@pytest.mark.django_db
def test_every_final_enrolment_has_a_consistent_end():
    enrolments = Enrollment.objects.all()
    assert not enrolments.filter(enrolled_on__gt=F("cohort__starts_on")).exists()
    finished = enrolments.exclude(status=EnrollmentStatus.ENROLLED)
    assert not finished.filter(finished_on__isnull=True).exists()
    assert not finished.filter(finished_on__gt=F("cohort__ends_on")).exists()
    dropped = enrolments.filter(status=EnrollmentStatus.DROPPED_OUT)
    assert dropped.exists()
    assert not dropped.filter(dropout_reason="").exists()
    assert dropped.filter(dropout_reason="취업").exists()


@pytest.mark.django_db
def test_no_cohort_is_over_capacity():
    over = Cohort.objects.annotate(taken=Count("enrollments")).filter(taken__gt=F("capacity"))
    assert list(over) == []


@pytest.mark.django_db
def test_session_days_are_weekdays_but_not_korean_public_holidays():
    dates = set(SessionDay.objects.values_list("date", flat=True))
    kr = holidays.country_holidays("KR", years=range(2019, 2029))
    assert dates
    assert [day for day in dates if day.weekday() >= 5] == []
    assert [day for day in dates if day in kr] == []


@pytest.mark.django_db
def test_each_cohort_runs_from_its_first_to_last_session_day_for_the_course_hours():
    cohorts = Cohort.objects.annotate(
        first=Min("session_days__date"),
        last=Max("session_days__date"),
        total=Sum("session_days__hours"),
    )
    assert not cohorts.exclude(first=F("starts_on")).exists()
    assert not cohorts.exclude(last=F("ends_on")).exists()
    assert not cohorts.exclude(total=F("course__hours")).exists()
    hours = set(Course.objects.values_list("hours", flat=True))
    assert min(hours) == 40
    assert max(hours) == 240


@pytest.mark.django_db
def test_reported_cohorts_end_within_their_year():
    reported = Cohort.objects.filter(starts_on__range=REPORTED)
    assert not reported.filter(ends_on__gt=REPORTED[1]).exists()
    assert not reported.exclude(status__in=[CohortStatus.FINISHED, CohortStatus.CANCELLED]).exists()


@pytest.mark.django_db
def test_some_people_take_more_than_one_course():
    enrolments = _jeonju_enrolments()
    persons = enrolments.values("user_id").distinct().count()
    assert persons < enrolments.count()
    trainees = Membership.objects.filter(hub__code="jeonju", role="trainee")
    assert trainees.count() == persons


@pytest.mark.django_db
def test_trainees_have_unique_canonical_mobiles_and_plausible_flags():
    mobiles = list(User.objects.exclude(mobile="").values_list("mobile", flat=True))
    assert len(mobiles) == len(set(mobiles))
    enrolments = _jeonju_enrolments()
    total = enrolments.count()
    job_seekers = enrolments.filter(is_job_seeker_at_entry=True).count()
    neet = enrolments.filter(is_neet_at_entry=True).count()
    assert 0.55 < job_seekers / total < 0.65
    assert 0.06 < neet / total < 0.14


@pytest.mark.django_db
def test_agri_bio_and_finance_courses_are_co_run_by_their_public_agencies():
    jeonju = Course.objects.filter(hub__code="jeonju")
    for domain, agencies in (
        (IndustryDomain.AGRI_BIO, {"농촌진흥청", "한국농어촌공사"}),
        (IndustryDomain.FINANCE, {"국민연금공단"}),
    ):
        courses = jeonju.filter(industry_domain=domain)
        assert courses.exists()
        assert not courses.exclude(partners__name__in=agencies).exists()


@pytest.mark.django_db
def test_the_catalogue_has_open_cohorts_and_the_three_hubs_have_courses():
    recruiting = Cohort.objects.filter(
        course__hub__code="jeonju", status=CohortStatus.RECRUITING, course__is_published=True
    )
    assert recruiting.count() == 4
    per_hub = dict(Hub.objects.annotate(n=Count("courses")).values_list("code", "n"))
    assert per_hub["jeonju"] == 128
    assert 20 <= per_hub["gwangju"] <= 40
    assert 20 <= per_hub["jeonnam"] <= 40
    assert Hub.objects.get(code="gwangju").is_lead


@pytest.mark.django_db
def test_demo_logins_exist_with_verified_email_and_their_roles():
    for spec in DEMO_LOGINS:
        user = User.objects.get(email=spec.email)
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.filter(
            user=user, email=spec.email, verified=True, primary=True
        ).exists()
        if spec.role == SUPERUSER:
            assert user.is_superuser
            assert user.is_staff
        else:
            assert Membership.objects.filter(
                user=user, hub__code=spec.hub_code, role=spec.role, is_active=True
            ).exists()
            assert user.is_staff == (spec.role == "operator")


@pytest.mark.django_db
def test_the_demo_trainee_completed_a_course_and_is_in_a_running_one():
    enrolments = Enrollment.objects.filter(user__email="trainee@jeonju.demo")
    assert enrolments.filter(
        status=EnrollmentStatus.COMPLETED, cohort__ends_on__range=REPORTED
    ).exists()
    running = enrolments.get(cohort__status=CohortStatus.IN_PROGRESS)
    assert running.status == EnrollmentStatus.ENROLLED
    assert running.cohort.instructors.filter(email="instructor@jeonju.demo").exists()


@pytest.mark.django_db
def test_if_empty_does_nothing_when_the_demo_exists():
    before = _digest()
    out = StringIO()
    call_command("demo-data", "--if-empty", stdout=out)
    assert "nothing done" in out.getvalue()
    assert _digest() == before
    with pytest.raises(CommandError):
        call_command("demo-data", stdout=StringIO())


@pytest.mark.django_db
def test_print_logins_lists_every_login_with_the_password_and_url():
    out = StringIO()
    call_command("demo-data", "--print-logins", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8000" in text
    assert "talenthub-demo" in text
    assert all(spec.email in text for spec in DEMO_LOGINS)


def _jeonju() -> Hub:
    return Hub.objects.get(code="jeonju")


@pytest.mark.django_db
def test_jeonju_has_157_jobs_and_startups_of_job_seekers_from_2020_to_2025():
    kpi = jobs_kpi(
        hub_ids={_jeonju().pk}, cohorts_ending_from=REPORTED[0], cohorts_ending_to=REPORTED[1]
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
    assert round_half_up(hub_score(_jeonju().pk, *REPORTED).score) == Decimal("92.4")


@pytest.mark.django_db
def test_the_kpi_functions_give_the_press_release_figures():
    jeonju = Scope.for_hub(_jeonju())
    six_years, last_year = Period.years(2020, 2025), Period.year(2025)

    def value(name: str, period: Period) -> object:
        return get_kpi(name)(jeonju, period).total.value

    assert value("courses_run", six_years) == 122
    assert value("graduates", six_years) == 2484
    assert value("satisfaction", six_years) == Decimal("92.4")
    assert value("jobs_and_startups", six_years) == 157
    assert value("courses_run", last_year) == 18
    assert value("participants", last_year) == 431


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
def test_every_hub_holds_events_each_year_and_some_are_still_open():
    for code in ("jeonju", "gwangju", "jeonnam"):
        held = Event.objects.filter(hub__code=code, status=EventStatus.CLOSED)
        years = {e.ends_at.year for e in held}
        assert years == set(range(2020, 2027)), code
        kinds = set(held.values_list("kind", flat=True))
        assert {"tour", "workshop", "challenge", "seminar"} <= kinds, code
        upcoming = Event.objects.filter(hub__code=code, status=EventStatus.OPEN)
        assert upcoming.count() == 3
        assert all(e.starts_at.date() > DEMO_TODAY for e in upcoming)
    assert not Registration.objects.filter(
        event__status=EventStatus.OPEN,
        status__in=[RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW],
    ).exists()
    # The ledgers agree with the rows; no event is over capacity; a full one has a waitlist.
    for seats in EventSeats.objects.select_related("event"):
        holders = seats.event.registrations.filter(
            status__in=["registered", "attended", "no_show"]
        ).count()
        assert seats.seats_taken == holders <= (seats.event.capacity or holders)
    assert Registration.objects.filter(status=RegistrationStatus.WAITLISTED).exists()
    assert Registration.objects.filter(
        user__email="trainee@jeonju.demo", event__status=EventStatus.OPEN
    ).exists()


@pytest.mark.django_db
def test_event_surveys_have_answers_but_leave_jeonju_satisfaction_at_92_4():
    surveyed = Survey.objects.filter(event__isnull=False, purpose=Purpose.SATISFACTION)
    assert surveyed.exists()
    assert Response.objects.filter(survey__in=surveyed).exists()
    jeonju = Hub.objects.get(code="jeonju")
    score = hub_score(jeonju.pk, *REPORTED).score
    assert round_half_up(score) == Decimal("92.4")


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
    mentored = projects_mentored_by(mentor.email, {_jeonju().pk})
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
    assert {entry.hub_id for entry in entries} == {_jeonju().pk}


@pytest.mark.django_db
def test_reset_removes_every_demo_row_and_the_same_seed_rebuilds_the_same_data():
    first = _digest()
    demo_data_reset()
    assert not Hub.objects.filter(code__in=["jeonju", "gwangju", "jeonnam"]).exists()
    assert not User.objects.filter(email__endswith=".demo").exists()
    assert not EmailAddress.objects.exists()
    assert not Course.objects.exists()
    assert not Cohort.objects.exists()
    assert not Enrollment.objects.exists()
    assert not Enrollment.history.exists()
    assert not Membership.history.exists()
    for model in (
        Application,
        AttendanceEvent,
        Outcome,
        Project,
        Survey,
        Response,
        Event,
        Registration,
        EventSeats,
    ):
        assert not model.objects.exists(), model
    out = StringIO()
    call_command("demo-data", "--reset", "--seed", str(SEED), stdout=out)
    assert "Generated in" in out.getvalue()
    assert _digest() == first


def test_another_seed_gives_other_people_and_courses():
    def people_and_titles(seed: int) -> tuple[list[str], list[str]]:
        plan = demo_plan(random.Random(seed))
        jeonju = next(hub for hub in plan.hubs if hub.spec.code == "jeonju")
        return [p.name for p in jeonju.trainees], [c.title for c in jeonju.courses]

    assert people_and_titles(SEED) == people_and_titles(SEED)
    assert people_and_titles(SEED) != people_and_titles(SEED + 1)
