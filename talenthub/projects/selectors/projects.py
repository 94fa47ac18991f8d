"""Company projects, who may apply to them, and the trainees' applications."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.projects.choices import RECRUITING, ApplicationStatus
from talenthub.projects.models import Project, ProjectApplication


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


def application_of(*, project: Project, user_id: int) -> ProjectApplication | None:
    return project.applications.filter(user_id=user_id).first()
