"""A project team's work: milestones, logged practicum hours and mentor meetings."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from talenthub.core.models import TimeStampedModel
from talenthub.projects.models.projects import Project


class Milestone(TimeStampedModel):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("title"), max_length=150)
    due_on = models.DateField(_("due date"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "title"], name="milestone_title_unique_per_project"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.title}"


class PracticumLog(TimeStampedModel):
    """Hours a team member worked on the project on one day (현장실습 시간)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="practicum_logs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.PROTECT,
        related_name="practicum_logs",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        on_delete=models.SET_NULL,
        related_name="practicum_logs",
        null=True,
        blank=True,
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    activity = models.CharField(_("activity"), max_length=200)

    class Meta:
        verbose_name = _("practicum log")
        verbose_name_plural = _("practicum logs")
        ordering = ["project", "-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user", "date"], name="practicum_log_once_per_day"
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=Decimal("0")) & Q(hours__lte=Decimal("12")),
                name="practicum_log_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.date:%Y-%m-%d} · {self.hours}h"


class MentorMeeting(TimeStampedModel):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="meetings"
    )
    met_on = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    topic = models.CharField(_("topic"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("mentor meeting")
        verbose_name_plural = _("mentor meetings")
        ordering = ["project", "-met_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gt=0) & Q(minutes__lte=600), name="mentor_meeting_minutes"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.met_on:%Y-%m-%d}"
