from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.core.models import TimeStampedModel
from talenthub.courses.choices import CohortStatus, IndustryDomain, Level, Track
from talenthub.hubs.models import Hub, Site
from talenthub.partners.models import Organisation


class Course(TimeStampedModel):
    """A course design (교육과정); each run of it is a Cohort."""

    hub = models.ForeignKey(
        Hub, verbose_name=_("hub"), on_delete=models.PROTECT, related_name="courses"
    )
    code = models.CharField(_("course code"), max_length=30)
    title = models.CharField(_("title"), max_length=150)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    industry_domain = models.CharField(
        _("industry domain"),
        max_length=20,
        choices=IndustryDomain.choices,
        default=IndustryDomain.GENERAL,
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    hours = models.PositiveIntegerField(_("training hours"))
    description = models.TextField(_("description"), blank=True)
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("co-running partners"), blank=True, related_name="courses"
    )
    is_published = models.BooleanField(_("shown in the catalogue"), default=True)
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["hub", "code"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "code"], name="course_code_unique_per_hub"),
            models.CheckConstraint(condition=Q(hours__gt=0), name="course_hours_positive"),
            models.CheckConstraint(condition=Q(track__in=Track.values), name="course_track_valid"),
            models.CheckConstraint(condition=Q(level__in=Level.values), name="course_level_valid"),
            models.CheckConstraint(
                condition=Q(industry_domain__in=IndustryDomain.values), name="course_domain_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"[{self.code}] {self.title}"


class Cohort(TimeStampedModel):
    """One run of a course (차수): its dates, seats, venue and instructors."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="cohorts"
    )
    number = models.PositiveSmallIntegerField(_("cohort number"))
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    capacity = models.PositiveIntegerField(_("capacity"))
    site = models.ForeignKey(
        Site,
        verbose_name=_("site"),
        on_delete=models.PROTECT,
        related_name="cohorts",
        null=True,
        blank=True,
    )
    instructors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("instructors"),
        blank=True,
        related_name="taught_cohorts",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CohortStatus.choices, default=CohortStatus.PLANNED
    )
    applications_open_on = models.DateField(_("applications open"), null=True, blank=True)
    applications_close_on = models.DateField(_("applications close"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[instructors])

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "course__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "number"], name="cohort_number_unique_per_course"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="cohort_dates_ordered"
            ),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="cohort_capacity_positive"),
            models.CheckConstraint(
                condition=Q(status__in=CohortStatus.values), name="cohort_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(applications_open_on__isnull=True)
                | Q(applications_close_on__isnull=True)
                | Q(applications_close_on__gte=F("applications_open_on")),
                name="cohort_application_window_ordered",
            ),
        ]
        indexes = [models.Index(fields=["starts_on"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        # Korean puts the ordinal after the course: "AI 기초 3기".
        return gettext("%(course)s, cohort %(number)s") % {
            "course": self.course.title,
            "number": self.number,
        }


class SessionDay(TimeStampedModel):
    """A training day of a cohort with its hours; attendance is recorded per session day."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="session_days"
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("start time"))
    ends_at = models.TimeField(_("end time"))
    hours = models.DecimalField(_("training hours"), max_digits=4, decimal_places=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("session day")
        verbose_name_plural = _("session days")
        ordering = ["cohort", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "date"], name="session_day_unique_per_cohort"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_day_times_ordered"
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=Decimal("0")) & Q(hours__lte=Decimal("24")),
                name="session_day_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.date:%Y-%m-%d}"
