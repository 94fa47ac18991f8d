"""Third-party consents, and what a company may see of the people who applied to it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from talenthub.enrollments.models import Enrollment
from talenthub.projects.choices import ApplicationStatus, JobStage
from talenthub.projects.models import (
    JobApplication,
    JobPosting,
    Project,
    ProjectApplication,
    ThirdPartyConsent,
)


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
