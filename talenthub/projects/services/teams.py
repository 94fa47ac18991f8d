"""A project team's work: milestones, practicum hours and mentor meetings."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.projects.choices import RUNNING, ApplicationStatus
from talenthub.projects.models import MentorMeeting, Milestone, PracticumLog, Project


def _require_member(project: Project, user_id: int) -> None:
    if not project.applications.filter(user_id=user_id, status=ApplicationStatus.SELECTED).exists():
        raise DomainError(_("Only members of the project team can do this."))


@transaction.atomic
def milestone_add(*, project: Project, title: str, due_on: datetime.date) -> Milestone:
    if project.status not in RUNNING:
        raise DomainError(_("The project is not running."))
    try:
        with transaction.atomic():
            return Milestone.objects.create(project=project, title=title.strip(), due_on=due_on)
    except IntegrityError as exc:
        raise DomainError(_("This project already has a milestone of that name.")) from exc


@transaction.atomic
def milestone_complete(*, milestone: Milestone, completed_on: datetime.date) -> Milestone:
    milestone.completed_on = completed_on
    milestone.save(update_fields=["completed_on", "updated_at"])
    return milestone


@transaction.atomic
def practicum_log_add(
    *,
    project: Project,
    user: User,
    date: datetime.date,
    hours: Decimal,
    activity: str,
    milestone: Milestone | None = None,
) -> PracticumLog:
    if project.status not in RUNNING:
        raise DomainError(_("The project is not running."))
    _require_member(project, user.pk)
    if not project.starts_on <= date <= project.ends_on:
        raise DomainError(_("The date is outside the project's period."), field="date")
    if not Decimal("0") < hours <= Decimal("12"):
        raise DomainError(_("Log between 0.5 and 12 hours a day."), field="hours")
    if milestone is not None and milestone.project_id != project.id:
        raise DomainError(_("That milestone belongs to another project."), field="milestone")
    try:
        with transaction.atomic():
            return PracticumLog.objects.create(
                project=project,
                user=user,
                date=date,
                hours=hours,
                activity=activity.strip(),
                milestone=milestone,
            )
    except IntegrityError as exc:
        raise DomainError(_("You have already logged hours for that day."), field="date") from exc


@transaction.atomic
def mentor_meeting_add(
    *,
    project: Project,
    met_on: datetime.date,
    minutes: int,
    topic: str,
    notes: str = "",
    recorded_by: User | None = None,
) -> MentorMeeting:
    if project.status not in RUNNING:
        raise DomainError(_("The project is not running."))
    meeting = MentorMeeting(
        project=project,
        met_on=met_on,
        minutes=minutes,
        topic=topic.strip(),
        notes=notes.strip(),
        recorded_by=recorded_by,
    )
    meeting.full_clean()
    meeting.save()
    return meeting
