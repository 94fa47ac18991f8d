"""Reads of projects, applications and job postings, and the partner history page's figures."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from talenthub.core.timeline import TimelineEntry
from talenthub.courses.models import Course
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.outcomes.choices import EMPLOYMENT, OutcomeStatus
from talenthub.outcomes.models import Outcome
from talenthub.partners.models import Organisation
from talenthub.projects.choices import (
    RECRUITING,
    ApplicationStatus,
    JobStage,
    PostingStatus,
)
from talenthub.projects.models import (
    JobApplication,
    JobPosting,
    MentorMeeting,
    Milestone,
    PracticumLog,
    Project,
    ProjectApplication,
    ThirdPartyConsent,
)

# --- Consent -------------------------------------------------------------------------------------


def active_consents(organisation_ids: Iterable[int]) -> QuerySet[ThirdPartyConsent]:
    return ThirdPartyConsent.objects.filter(
        organisation_id__in=list(organisation_ids), withdrawn_at__isnull=True
    )


def active_consent(*, user_id: int, organisation_id: int) -> ThirdPartyConsent | None:
    return active_consents([organisation_id]).filter(user_id=user_id).first()


def consented_user_ids(project: Project, organisation_ids: set[int]) -> set[int]:
    """Applicants of the project with an active consent to one of the organisations."""
    return set(
        active_consents(organisation_ids)
        .filter(user_id__in=project.applications.values("user_id"))
        .values_list("user_id", flat=True)
    )


def has_consented(*, user_id: int, organisation_ids: Iterable[int]) -> bool:
    return active_consents(organisation_ids).filter(user_id=user_id).exists()


@dataclass(frozen=True)
class TrainingLine:
    title: str
    cohort_number: int
    status: str


@dataclass
class ApplicantView:
    """What a company may see of an applicant: the name, and each item only if consented to."""

    application_id: int
    user_id: int
    name: str
    status: str
    status_label: str
    email: str | None = None
    mobile: str | None = None
    training: list[TrainingLine] | None = None
    motivation: str | None = None
    has_resume: bool = False


def _consent_annotations(organisation_ids: list[int]) -> dict[str, Subquery]:
    consent = ThirdPartyConsent.objects.filter(
        user_id=OuterRef("user_id"),
        organisation_id__in=organisation_ids,
        withdrawn_at__isnull=True,
    ).order_by("-consented_at")
    return {
        "consent_contact": Subquery(consent.values("share_contact")[:1]),
        "consent_training": Subquery(consent.values("share_training")[:1]),
        "consent_documents": Subquery(consent.values("share_documents")[:1]),
    }


def _consented(organisation_ids: list[int]) -> Exists:
    return Exists(
        ThirdPartyConsent.objects.filter(
            user_id=OuterRef("user_id"),
            organisation_id__in=organisation_ids,
            withdrawn_at__isnull=True,
        )
    )


def _training_by_person(user_ids: set[int]) -> dict[int, list[TrainingLine]]:
    result: dict[int, list[TrainingLine]] = defaultdict(list)
    if not user_ids:
        return result
    rows = (
        Enrollment.objects.filter(user_id__in=user_ids)
        .select_related("cohort__course")
        .order_by("-cohort__starts_on")
    )
    for enrollment in rows:
        result[enrollment.user_id].append(
            TrainingLine(
                title=enrollment.cohort.course.title,
                cohort_number=enrollment.cohort.number,
                status=str(enrollment.get_status_display()),
            )
        )
    return result


def _applicant_views(
    rows: Iterable[ProjectApplication | JobApplication], *, text_of: str
) -> list[ApplicantView]:
    rows = list(rows)
    training = _training_by_person(
        {row.user_id for row in rows if getattr(row, "consent_training", False)}
    )
    views = []
    for row in rows:
        contact = bool(getattr(row, "consent_contact", False))
        documents = bool(getattr(row, "consent_documents", False))
        status = row.status if isinstance(row, ProjectApplication) else row.stage
        label = (
            row.get_status_display()
            if isinstance(row, ProjectApplication)
            else row.get_stage_display()
        )
        views.append(
            ApplicantView(
                application_id=row.id,
                user_id=row.user_id,
                name=row.user.name,
                status=status,
                status_label=str(label),
                email=row.user.email if contact else None,
                mobile=(row.user.mobile or "-") if contact else None,
                training=training.get(row.user_id, [])
                if getattr(row, "consent_training", False)
                else None,
                motivation=getattr(row, text_of) if documents else None,
                has_resume=documents and bool(getattr(row, "resume", None)),
            )
        )
    return views


def visible_project_applicants(project: Project, organisation_ids: set[int]) -> list[ApplicantView]:
    """Applicants a company may see: only those with an active third-party consent to one of
    the company's organisations, and of each only the consented items (three queries)."""
    ids = sorted(organisation_ids)
    rows = (
        project.applications.filter(_consented(ids))
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .annotate(**_consent_annotations(ids))
        .select_related("user")
        .order_by("created_at", "id")
    )
    return _applicant_views(rows, text_of="motivation")


def visible_job_applicants(posting: JobPosting, organisation_ids: set[int]) -> list[ApplicantView]:
    ids = sorted(organisation_ids)
    rows = (
        posting.applications.filter(_consented(ids))
        .exclude(stage=JobStage.WITHDRAWN)
        .annotate(**_consent_annotations(ids))
        .select_related("user")
        .order_by("created_at", "id")
    )
    return _applicant_views(rows, text_of="cover_letter")


# --- Projects ------------------------------------------------------------------------------------


def project_organisation_ids(project: Project) -> set[int]:
    return {project.organisation_id, *project.partner_organisations.values_list("id", flat=True)}


def _with_counts(queryset: QuerySet[Project]) -> QuerySet[Project]:
    return queryset.select_related("organisation", "organisation__hub").annotate(
        n_applications=Count(
            "applications", filter=~Q(applications__status=ApplicationStatus.WITHDRAWN)
        ),
        n_selected=Count("applications", filter=Q(applications__status=ApplicationStatus.SELECTED)),
    )


def projects_of_organisations(organisation_ids: set[int]) -> QuerySet[Project]:
    ids = sorted(organisation_ids)
    joined = Project.partner_organisations.through.objects.filter(organisation_id__in=ids).values(
        "project_id"
    )
    return _with_counts(
        Project.objects.filter(Q(organisation_id__in=ids) | Q(id__in=joined))
    ).order_by("-starts_on", "id")


def projects_mentored_by(email: str, hub_ids: set[int]) -> QuerySet[Project]:
    """Projects of `hub_ids` that name the person (by e-mail) as their mentor: mentors are
    named on the project, not given access to it."""
    if not email or not hub_ids:
        return Project.objects.none()
    return (
        Project.objects.filter(mentor_email__iexact=email, organisation__hub_id__in=hub_ids)
        .select_related("organisation")
        .order_by("-starts_on", "id")
    )


def projects_in_hubs(hub_ids: set[int], *, status: str = "") -> QuerySet[Project]:
    queryset = Project.objects.filter(organisation__hub_id__in=hub_ids)
    if status:
        queryset = queryset.filter(status=status)
    return _with_counts(queryset).order_by("-starts_on", "id")


def trainee_hub_ids(user_id: int) -> set[int]:
    """Hubs where the person is or was a trainee (an enrolment that did not end in drop-out)."""
    return set(
        Enrollment.objects.filter(
            user_id=user_id, status__in=[EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED]
        ).values_list("cohort__course__hub_id", flat=True)
    )


def graduate_hub_ids(user_id: int) -> set[int]:
    return set(
        Enrollment.objects.filter(user_id=user_id, status=EnrollmentStatus.COMPLETED).values_list(
            "cohort__course__hub_id", flat=True
        )
    )


def open_projects(hub_ids: set[int]) -> QuerySet[Project]:
    return (
        Project.objects.filter(organisation__hub_id__in=hub_ids, status__in=sorted(RECRUITING))
        .select_related("organisation", "organisation__hub")
        .order_by("starts_on", "id")
    )


def project_applications_of_person(user_id: int) -> QuerySet[ProjectApplication]:
    return (
        ProjectApplication.objects.filter(user_id=user_id)
        .select_related("project", "project__organisation", "hired_by")
        .order_by("-created_at")
    )


def all_project_applications(project: Project) -> QuerySet[ProjectApplication]:
    """Every application, for the hub's operators (who may see the hub's people)."""
    return project.applications.select_related("user").order_by("created_at", "id")


def team_of(project: Project) -> QuerySet[ProjectApplication]:
    return (
        project.applications.filter(status=ApplicationStatus.SELECTED)
        .select_related("user", "hired_by")
        .prefetch_related("evaluation")
        .order_by("user__name", "id")
    )


def practicum_hours(project: Project) -> dict[int, Decimal]:
    rows = project.practicum_logs.values("user_id").annotate(total=Sum("hours")).order_by("user_id")
    return {row["user_id"]: row["total"] or Decimal("0") for row in rows}


def practicum_hours_of(*, project: Project, user_id: int) -> Decimal:
    return practicum_hours(project).get(user_id, Decimal("0"))


def milestones_of(project: Project) -> QuerySet[Milestone]:
    return project.milestones.order_by("due_on", "id")


def meetings_of(project: Project) -> QuerySet[MentorMeeting]:
    return project.meetings.order_by("-met_on", "-id")


def application_of(*, project: Project, user_id: int) -> ProjectApplication | None:
    return project.applications.filter(user_id=user_id).first()


# --- Job postings --------------------------------------------------------------------------------


def postings_of_organisations(organisation_ids: set[int]) -> QuerySet[JobPosting]:
    return (
        JobPosting.objects.filter(organisation_id__in=organisation_ids)
        .select_related("organisation")
        .annotate(
            n_applications=Count("applications", filter=~Q(applications__stage=JobStage.WITHDRAWN))
        )
        .order_by("-created_at", "-id")
    )


def open_postings(hub_ids: set[int], *, today: datetime.date) -> QuerySet[JobPosting]:
    return (
        JobPosting.objects.filter(organisation__hub_id__in=hub_ids, status=PostingStatus.OPEN)
        .filter(Q(closes_on__isnull=True) | Q(closes_on__gte=today))
        .select_related("organisation")
        .order_by("closes_on", "-created_at")
    )


def job_applications_of_person(user_id: int) -> QuerySet[JobApplication]:
    return (
        JobApplication.objects.filter(user_id=user_id)
        .select_related("posting", "posting__organisation")
        .order_by("-created_at")
    )


def job_application_of(*, posting: JobPosting, user_id: int) -> JobApplication | None:
    return posting.applications.filter(user_id=user_id).first()


# --- Partner history -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HireLine:
    name: str
    starts_on: datetime.date | None
    category_label: str
    verified: bool


@dataclass
class PartnerHistory:
    organisation: Organisation
    courses: Sequence[Course] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    hires: list[HireLine] = field(default_factory=list)
    mentors: list[str] = field(default_factory=list)


def partner_history(organisation: Organisation) -> PartnerHistory:
    """What came from a partner: courses co-run, projects, people hired, mentors (four queries)."""
    courses = list(
        Course.objects.filter(partners=organisation)
        .annotate(n_cohorts=Count("cohorts"))
        .order_by("code")
    )
    projects = list(projects_of_organisations({organisation.id}))
    # Hires are outcomes at this organisation (a project hire, a posting hire or a graduate's
    # report matched to it), one line per job: duplicates of the same job are left out.
    hires = [
        HireLine(
            name=outcome.user.name,
            starts_on=outcome.starts_on,
            category_label=str(outcome.get_category_display()),
            verified=outcome.status == OutcomeStatus.VERIFIED,
        )
        for outcome in Outcome.objects.filter(
            organisation=organisation,
            category__in=sorted(EMPLOYMENT),
            duplicate_of__isnull=True,
        )
        .exclude(status=OutcomeStatus.REJECTED)
        .select_related("user")
        .order_by("-starts_on", "id")
    ]
    mentors = sorted({project.mentor_name for project in projects if project.mentor_name})
    return PartnerHistory(
        organisation=organisation,
        courses=courses,
        projects=projects,
        hires=hires,
        mentors=mentors,
    )


# --- Timeline ------------------------------------------------------------------------------------


def timeline_entries(user_id: int) -> list[TimelineEntry]:
    """Project applications, selections and logged hours, and job applications with their
    current stage. Hires are told by the outcomes app (a hire is an outcome)."""
    entries: list[TimelineEntry] = []
    applications = project_applications_of_person(user_id).select_related("project__organisation")
    hours = {
        row["project_id"]: row["total"]
        for row in PracticumLog.objects.filter(user_id=user_id)
        .values("project_id")
        .annotate(total=Sum("hours"))
        .order_by("project_id")
    }
    for application in applications:
        project = application.project
        url = reverse("projects:trainee_project_detail", args=[project.id])
        staff_url = reverse("projects:manage_project_detail", args=[project.id])
        hub_id = project.organisation.hub_id
        entries.append(
            TimelineEntry(
                at=application.created_at,
                kind="project_application",
                title=_("Applied to the company project “%(title)s”") % {"title": project.title},
                detail=project.organisation.name,
                url=url,
                hub_id=hub_id,
                staff_url=staff_url,
            )
        )
        if application.status == ApplicationStatus.SELECTED and application.decided_at:
            logged = hours.get(project.id)
            entries.append(
                TimelineEntry(
                    at=application.decided_at,
                    kind="project_team",
                    title=_("Joined the team of “%(title)s”") % {"title": project.title},
                    detail=_("%(logged)s of %(hours)s practicum hours logged")
                    % {"logged": logged or 0, "hours": project.hours},
                    url=url,
                    hub_id=hub_id,
                    staff_url=staff_url,
                )
            )
    for job in job_applications_of_person(user_id).select_related("posting__organisation__hub"):
        entries.append(
            TimelineEntry(
                at=job.created_at,
                kind="job_application",
                title=_("Applied for “%(title)s” at %(organisation)s")
                % {"title": job.posting.title, "organisation": job.posting.organisation.name},
                detail=str(job.get_stage_display()),
                url=reverse("projects:graduate_job_list"),
                hub_id=job.posting.organisation.hub_id,
            )
        )
    return entries
