"""A project team's work: members, practicum hours, milestones and mentor meetings."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet, Sum

from talenthub.projects.choices import ApplicationStatus
from talenthub.projects.models import MentorMeeting, Milestone, Project, ProjectApplication


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
