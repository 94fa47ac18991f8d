"""What the URL matrix requests: hub alpha's records of every app (the scene), the values that fill
each pattern's parameters, and the outcome of a response in the matrix's vocabulary."""

from __future__ import annotations

import datetime
import io
import zoneinfo
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.http import HttpResponseBase
from django.test import Client
from django.urls import Resolver404, resolve
from pypdf import PdfWriter

from talenthub.hubs.access import hub_path_of, scope_to_hubs
from talenthub.testing.factories import (
    AgreementFactory,
    CohortFactory,
    EnrollmentFactory,
    MembershipFactory,
    SessionDayFactory,
    UserFactory,
)
from talenthub.testing.personas import PERSONA_NAMES, World
from tests.authz.resolved import ResolvedPattern

ANONYMOUS = "anonymous"
PERSONAS = (ANONYMOUS, *PERSONA_NAMES)


# The matrix runs at this instant: during alpha's cohort (its session day is today, the classroom
# code is live) and while alpha's second cohort takes applications.
NOW = datetime.datetime(2025, 3, 4, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Seoul"))
TODAY = NOW.date()


def _pdf(name: str) -> SimpleUploadedFile:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


@dataclass
class Scene:
    """Hub alpha's records of every app, centred on the trainee persona, and the URL values that
    name them."""

    objects: dict[str, models.Model]
    values: dict[str, Any]
    # Values by URL namespace, then by URL key, where one parameter name means different things.
    by_namespace: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_key: dict[str, dict[str, Any]] = field(default_factory=dict)


def _framework_rows(world: World) -> dict[str, models.Model]:
    """Rows of models without a hub. Those that belong to a person belong to a second trainee of
    alpha, so that no persona gains a verified address or a second factor (which would change its
    allauth pages)."""
    second = UserFactory(email="second-trainee@alpha.example.kr", name="둘째 교육생")
    MembershipFactory(user=second, hub=world.hub, role="trainee")
    return {
        "auth.Group": Group.objects.create(name="교육운영팀"),
        "account.EmailAddress": apps.get_model("account", "EmailAddress").objects.create(
            user=second, email=second.email, verified=True, primary=True
        ),
        "mfa.Authenticator": apps.get_model("mfa", "Authenticator").objects.create(
            user=second, type="recovery_codes", data={"seed": "00" * 20, "used_mask": 0}
        ),
        "django_celery_results.TaskResult": apps.get_model(
            "django_celery_results", "TaskResult"
        ).objects.create(task_id="matrix-task", status="SUCCESS"),
        "django_celery_results.GroupResult": apps.get_model(
            "django_celery_results", "GroupResult"
        ).objects.create(group_id="matrix-group"),
    }


def foundation_objects(world: World) -> dict[str, models.Model]:
    """An object of hub alpha for each admin model of the foundation (hubs to enrolments), and
    the rows of the framework's models."""
    trainee = world["trainee"]
    return {
        **_framework_rows(world),
        "hubs.Consortium": world.hub.consortium,
        "hubs.Hub": world.hub,
        "hubs.Site": world.cohort.site,
        "hubs.Membership": trainee.memberships.get(hub=world.hub),
        "accounts.User": trainee,
        "partners.Organisation": world.organisation,
        "partners.Agreement": AgreementFactory(
            organisation=world.organisation, starts_on=datetime.date(2025, 1, 2)
        ),
        "courses.Course": world.course,
        "courses.Cohort": world.cohort,
        "enrollments.Enrollment": trainee.enrollments.get(cohort=world.cohort),
    }


def build_scene(world: World) -> Scene:
    """The trainee of alpha's running cohort, who also graduated from an earlier cohort of alpha,
    has applied to its next cohort (the judge is invited to review), answered nothing yet in the
    satisfaction survey, joined the company's project (the company persona acts for alpha's
    partner organisation), applied to its job posting, reported a job and checked in today."""
    from talenthub.attendance.services import (
        calendar_feed_get_or_create,
        certificate_issue,
        event_record_manual,
    )
    from talenthub.attendance.tokens import issue as qr_token
    from talenthub.enrollments.eligibility import Declaration
    from talenthub.enrollments.selectors import current_consents
    from talenthub.enrollments.services import (
        application_form_ensure,
        application_submit,
        reviewer_invite,
    )
    from talenthub.events import services as events
    from talenthub.outcomes.services import evidence_attach, follow_up_token, outcome_record
    from talenthub.partners.services import contact_add, organisation_member_add
    from talenthub.projects import services as projects
    from talenthub.surveys.services import (
        invitation_token,
        latest_version,
        survey_create,
        survey_send,
    )

    trainee, operator, company = world["trainee"], world["operator"], world["company"]
    organisation = world.organisation
    enrolment = trainee.enrollments.get(cohort=world.cohort)

    # An earlier cohort the trainee completed: a graduate of alpha, with a certificate.
    past: Any = CohortFactory(
        course=world.course,
        number=9,
        starts_on=datetime.date(2024, 9, 2),
        ends_on=datetime.date(2024, 11, 29),
        status="finished",
    )
    graduation: Any = EnrollmentFactory(
        cohort=past, user=trainee, status="completed", finished_on=past.ends_on
    )
    certificate = certificate_issue(enrollment=graduation, now=NOW)

    # Alpha's next cohort, taking applications; the trainee applies with a résumé and a file.
    upcoming: Any = CohortFactory(
        course=world.course,
        number=2,
        starts_on=datetime.date(2025, 4, 7),
        ends_on=datetime.date(2025, 6, 27),
        applications_open_on=datetime.date(2025, 2, 3),
        applications_close_on=datetime.date(2025, 3, 21),
        status="recruiting",
    )
    form = application_form_ensure(cohort=upcoming)
    portfolio = apps.get_model("enrollments", "Question").objects.create(
        form=form, position=1, kind="file", label="포트폴리오", is_required=False
    )
    application = application_submit(
        cohort=upcoming,
        user=trainee,
        declaration=Declaration(
            birth_date=datetime.date(2000, 5, 17),
            region="전북특별자치도 전주시",
            is_job_seeker=True,
            is_neet=False,
            university_id=None,
        ),
        answers={portfolio.pk: _pdf("portfolio.pdf")},
        consents={text.pk: True for text in current_consents(form)},
        resume=_pdf("resume.pdf"),
        now=NOW,
    ).application
    reviewer = reviewer_invite(form=form, user=world["judge"], invited_by=operator)

    # The satisfaction survey of the running cohort, sent: the trainee holds a personal link.
    survey = survey_create(cohort=world.cohort, version=latest_version("satisfaction-standard"))
    survey_send(survey=survey, now=NOW)
    invitation = survey.invitations.get(user=trainee)

    # The company persona acts for alpha's partner, which proposes a project; the trainee joins.
    organisation_member_add(organisation=organisation, user=company, position="인사팀장")
    contact_add(organisation=organisation, name="박담당", email="contact@partner.example.kr")
    project = projects.project_propose(
        organisation=organisation,
        proposed_by=company,
        title="스마트팜 데이터 분석",
        problem="온실 센서 데이터로 수확량 예측",
        skills="Python, pandas",
        seats=3,
        hours=120,
        mentor_name="이멘토",
        starts_on=datetime.date(2025, 3, 3),
        ends_on=datetime.date(2025, 6, 30),
    )
    project = projects.project_approve(project=project, by=operator)
    membership = projects.project_apply(
        project=project,
        user=trainee,
        motivation="농생명 데이터에 관심이 많습니다.",
        consent=True,
        share_contact=True,
        share_training=True,
        share_documents=True,
    )
    membership = projects.project_application_decide(
        application=membership, select=True, acting_organisation_ids={organisation.pk}
    )
    projects.evaluation_record(
        application=membership, by=company, skill=4, collaboration=5, problem_solving=4
    )
    project = projects.project_start(project=project)
    projects.practicum_log_add(
        project=project, user=trainee, date=TODAY, hours=Decimal("4"), activity="데이터 정제"
    )
    posting = projects.job_posting_create(
        organisation=organisation,
        posted_by=company,
        title="데이터 분석가",
        description="스마트팜 데이터 분석",
        employment_type="full_time",
    )
    job_application = projects.job_apply(
        posting=posting,
        user=trainee,
        cover_letter="지원합니다.",
        consent=True,
        resume=_pdf("cv.pdf"),
        today=TODAY,
    )

    # A job the graduate reported, with its evidence, and the 3-month follow-up.
    outcome = outcome_record(
        user=trainee,
        hub=world.hub,
        category="full_time",
        source="operator",
        starts_on=datetime.date(2025, 2, 3),
        organisation=organisation,
        enrollment=graduation,
        reported_by=operator,
    )
    evidence = evidence_attach(
        outcome=outcome, kind="contract", file=_pdf("contract.pdf"), uploaded_by=operator
    )
    follow_up = apps.get_model("outcomes", "FollowUp").objects.create(
        enrollment=graduation, checkpoint=3, due_on=datetime.date(2025, 2, 28)
    )

    # Alpha's workshop next week, open for registration; the trainee has a seat.
    event = events.event_create(
        hub=world.hub,
        kind="workshop",
        title="쉬었음 청년 디지털 워크숍",
        starts_at=NOW + datetime.timedelta(days=7),
        ends_at=NOW + datetime.timedelta(days=7, hours=3),
        capacity=20,
        partners=[organisation],
    )
    events.event_publish(event=event)
    registration = events.registration_register(
        event=event, user=trainee, now=NOW - datetime.timedelta(days=1)
    )

    # Today's session day of the running cohort; the instructor marked the trainee in.
    day: Any = SessionDayFactory(cohort=world.cohort, date=TODAY)
    event_record_manual(
        enrollment=enrolment,
        session_day=day,
        kind="check_in",
        at=NOW.replace(hour=9, minute=2),
        recorded_by=world["instructor"],
    )
    feed = calendar_feed_get_or_create(user=trainee)
    _back_office_rows(world, enrolment, graduation, day, survey)
    exchange_values = _exchange_and_api_rows(world)

    objects = {
        **foundation_objects(world),
        "enrollments.Application": application,
        "events.Event": event,
        "events.Registration": registration,
    }
    values = {
        "course_id": world.course.pk,
        "cohort_id": world.cohort.pk,
        "person_id": trainee.pk,
        "organisation_id": organisation.pk,
        "application_id": application.pk,
        "answer_id": application.answers.get().pk,
        "reviewer_id": reviewer.pk,
        "notification_id": apps.get_model("enrollments", "Notification")
        .objects.filter(application=application)
        .values_list("pk", flat=True)
        .first(),
        "survey_id": survey.pk,
        "project_id": project.pk,
        "posting_id": posting.pk,
        "kind": "milestone",
        "outcome_id": outcome.pk,
        "evidence_id": evidence.pk,
        "follow_up_id": follow_up.pk,
        "event_id": event.pk,
        "day_id": day.pk,
        "enrollment_id": enrolment.pk,
        "certificate_id": certificate.pk,
        "code": certificate.verification_code,
        # allauth's e-mail confirmation and password-reset keys: well-formed, never issued.
        "key": "not-an-issued-key",
        "uidb36": "zz",
        # The admin's catch-all.
        "url": "no-such-page/",
        # KPI reports of hub alpha, its consortium and the nation.
        "hub": world.hub.code,
        "consortium": world.hub.consortium.code,
        "kpi": "participants",
        "year": TODAY.year,
        # Spreadsheet downloads (KPI tables, exports) are requested as CSV.
        "fmt": "csv",
        **exchange_values,
    }
    return Scene(
        objects=objects,
        values=values,
        by_namespace={
            "projects": {"application_id": membership.pk},
            "surveys": {"token": invitation_token(invitation)},
            "outcomes": {"token": follow_up_token(follow_up)},
        },
        by_key={
            # The screening pages are those of the cohort taking applications.
            "enrollments:cohort_applications": {"cohort_id": upcoming.pk},
            "enrollments:applications_decide": {"cohort_id": upcoming.pk},
            "enrollments:waitlist_offer": {"cohort_id": upcoming.pk},
            "enrollments:cohort_reviewers": {"cohort_id": upcoming.pk},
            "projects:company_job_stage": {"application_id": job_application.pk},
            "projects:company_job_resume": {"application_id": job_application.pk},
            "attendance:scan": {"token": qr_token(day.pk, NOW)},
            "attendance:person_calendar": {"token": feed.token},
            "exchange:import_template": {"kind": "trainees"},
            # A list without personal data (one with it sends its link to the purpose dialog).
            "exchange:export_download": {"dataset": "cohorts"},
        },
    )


def _back_office_rows(world: World, enrolment, graduation, day, survey) -> None:
    """Rows that only the back office lists (written directly: no page of the scene makes them)."""
    operator = world["operator"]
    row = apps.get_model
    agreement = AgreementFactory(organisation=world.organisation, ends_on=TODAY)
    row("partners", "AgreementReminder").objects.create(
        agreement=agreement, ends_on=agreement.ends_on, recipients=operator.email
    )
    row("attendance", "AttendancePolicy").objects.create(hub=world.hub)
    row("attendance", "AssessmentRequirement").objects.create(
        cohort=world.cohort, title="최종 프로젝트 발표"
    )
    row("attendance", "AttendanceCorrection").objects.create(
        enrollment=enrolment,
        session_day=day,
        reason="단말기 오류로 입실 누락",
        before={},
        after={"check_in": "09:02"},
        corrected_by=operator,
    )
    row("attendance", "ExcusedAbsence").objects.create(
        enrollment=enrolment,
        session_day=SessionDayFactory(cohort=world.cohort, date=TODAY + datetime.timedelta(1)),
        category="illness",
        reason="병원 진료",
        recorded_by=operator,
    )
    row("attendance", "AtRiskAlert").objects.create(
        enrollment=enrolment,
        on=TODAY,
        level="below_pace",
        percent=Decimal("70.0"),
        best_percent=Decimal("90.0"),
    )
    row("attendance", "CompletionDecision").objects.create(
        enrollment=graduation,
        outcome="completed",
        attendance_percent=Decimal("95.0"),
        decided_by=operator,
    )
    row("surveys", "Response").objects.create(survey=survey, is_anonymous=True, submitted_on=TODAY)


def _exchange_and_api_rows(world: World) -> dict[str, Any]:
    """An import of alpha's (checked, ready to import), an export log entry, and the trainee's
    API token: the records of the exchange and API pages and of their back-office lists."""
    from talenthub.api.services import token_create
    from talenthub.exchange import services as exchange

    roster = "이름,휴대전화,이메일\r\n새교육생,010-9000-0001,matrix-new@example.kr\r\n"
    run, _table = exchange.import_run_create(
        hub=world.hub,
        kind="trainees",
        data=roster.encode(),
        file_name="roster.csv",
        created_by=world["operator"],
    )
    exchange.import_run_check(run=run)
    exchange.export_log_record(
        user=world["operator"],
        hub=world.hub,
        dataset="trainees",
        file_format="xlsx",
        purpose="contact",
        has_personal_data=True,
        columns=["name"],
        filters={},
        row_count=1,
    )
    token, _secret = token_create(
        user=world["trainee"], hub=world.hub, name="matrix", scopes=["enrolments:read"], days=30
    )
    enrolment_id = world["trainee"].enrollments.get(cohort=world.cohort).pk
    return {"run_id": run.pk, "token_id": token.pk, "enrolment_id": enrolment_id}


def admin_object(scene: Scene, model: type[models.Model]) -> models.Model:
    """The object an admin page of `model` is requested for: the scene's own, else the first row
    of hub alpha (any row for models without a hub)."""
    label = model._meta.label
    if label in scene.objects:
        return scene.objects[label]
    rows = model._default_manager.order_by("pk")
    path = hub_path_of(model)
    if path is not None:
        rows = scope_to_hubs(rows, {scene.objects["hubs.Hub"].pk})
    obj = rows.first()
    if obj is None:
        raise LookupError(f"the scene has no row of {label}: build one in tests/authz/scene.py")
    return obj


def url_values(scene: Scene, pattern: ResolvedPattern) -> dict[str, Any]:
    """Values for every parameter of the pattern, naming hub alpha's records."""
    namespace = pattern.key.split(":")[0] if ":" in pattern.key else ""
    values = {**scene.values, **scene.by_namespace.get(namespace, {})}
    values.update(scene.by_key.get(pattern.key, {}))
    obj = admin_object(scene, pattern.model) if pattern.model else scene.objects["courses.Course"]
    values["object_id"] = obj.pk
    values["content_type_id"] = ContentType.objects.get_for_model(obj).pk
    # simple-history's revert form: /<object pk>/history/<history id>/
    values["_0"] = obj.pk
    history = getattr(obj, "history", None)
    if history is not None:
        values["_1"] = history.latest("history_date").history_id
    return values


def outcome(response: HttpResponseBase) -> str:
    """'200', '403', …; a redirect as '302 <URL name of its target>' (the path if unnamed)."""
    if response.status_code in (301, 302, 303, 307, 308):
        target = urlsplit(response["Location"]).path
        try:
            name = resolve(target).view_name
        except Resolver404:
            name = target
        return f"{response.status_code} {name}"
    return str(response.status_code)


def clients(world: World) -> dict[str, Client]:
    """A client per persona; errors come back as 500s, so they show up in the matrix diff."""
    by_persona = {ANONYMOUS: Client(raise_request_exception=False)}
    for persona in PERSONA_NAMES:
        client = Client(raise_request_exception=False)
        client.force_login(world[persona])
        by_persona[persona] = client
    return by_persona


def session_keys(world: World) -> dict[str, str]:
    """A signed-in session per persona (the anonymous visitor has none), to reuse in many tests."""
    return {
        persona: client.cookies[settings.SESSION_COOKIE_NAME].value
        for persona, client in clients(world).items()
        if persona != ANONYMOUS
    }


def clients_of(sessions: dict[str, str]) -> dict[str, Client]:
    """Fresh clients holding the given sessions: cheaper than signing every persona in again."""
    by_persona = {ANONYMOUS: Client(raise_request_exception=False)}
    for persona, key in sessions.items():
        client = Client(raise_request_exception=False)
        client.cookies[settings.SESSION_COOKIE_NAME] = key
        by_persona[persona] = client
    return by_persona
