"""What happened on session days: scans, excused absences, corrections, policy and alerts."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.attendance.choices import EventKind, EventSource, ExcuseCategory, RiskLevel
from talenthub.core.models import TimeStampedModel
from talenthub.courses.models import Course, SessionDay
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Hub


class AttendancePolicy(TimeStampedModel):
    """A programme's attendance settings: per hub, optionally overridden for one course."""

    hub = models.ForeignKey(
        Hub, verbose_name=_("hub"), on_delete=models.CASCADE, related_name="attendance_policies"
    )
    course = models.ForeignKey(
        Course,
        verbose_name=_("course (override)"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attendance_policies",
    )
    grace_minutes = models.PositiveSmallIntegerField(_("grace minutes"), default=10)
    absent_below_ratio = models.DecimalField(
        _("absent below share of the day"), max_digits=3, decimal_places=2, default=Decimal("0.50")
    )
    lates_per_absence = models.PositiveSmallIntegerField(
        _("late, early leave or outing per absence"), default=3
    )
    completion_threshold = models.DecimalField(
        _("completion threshold"), max_digits=3, decimal_places=2, default=Decimal("0.80")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance policy")
        verbose_name_plural = _("attendance policies")
        constraints = [
            models.UniqueConstraint(
                fields=["hub"], condition=Q(course__isnull=True), name="attendance_policy_per_hub"
            ),
            models.UniqueConstraint(
                fields=["course"],
                condition=Q(course__isnull=False),
                name="attendance_policy_per_course",
            ),
            models.CheckConstraint(
                condition=Q(absent_below_ratio__gte=0) & Q(absent_below_ratio__lte=1),
                name="attendance_policy_absent_ratio_range",
            ),
            models.CheckConstraint(
                condition=Q(completion_threshold__gte=0) & Q(completion_threshold__lte=1),
                name="attendance_policy_threshold_range",
            ),
            models.CheckConstraint(
                condition=Q(lates_per_absence__gte=1), name="attendance_policy_lates_positive"
            ),
            models.CheckConstraint(
                condition=Q(grace_minutes__lte=120), name="attendance_policy_grace_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.hub} · {self.course}" if self.course_id else str(self.hub)


class AttendanceCorrection(models.Model):
    """An operator's change to one trainee's day (직권 입력), with the day before and after."""

    enrollment = models.ForeignKey(
        Enrollment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="+"
    )
    session_day = models.ForeignKey(
        SessionDay, verbose_name=_("session day"), on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(_("reason"))
    before = models.JSONField(_("before"))
    after = models.JSONField(_("after"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("corrected at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendance correction")
        verbose_name_plural = _("attendance corrections")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="attendance_correction_reason")
        ]
        indexes = [models.Index(fields=["enrollment", "session_day"])]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.session_day.date:%Y-%m-%d}"


class AttendanceEvent(models.Model):
    """One scan or mark. Append-only: a correction voids events and adds new ones."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="attendance_events",
    )
    session_day = models.ForeignKey(
        SessionDay,
        verbose_name=_("session day"),
        on_delete=models.PROTECT,
        related_name="attendance_events",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    at = models.DateTimeField(_("time"))
    source = models.CharField(_("source"), max_length=20, choices=EventSource.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The 30-second QR window the scan used: with the unique key below, a code works once per
    # trainee and action (replays and double taps are refused by the database, not by luck).
    token_window = models.BigIntegerField(_("QR window"), null=True, blank=True)
    voided_by = models.ForeignKey(
        AttendanceCorrection,
        verbose_name=_("voided by correction"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voided_events",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendance event")
        verbose_name_plural = _("attendance events")
        ordering = ["session_day", "at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "session_day", "kind", "token_window"],
                condition=Q(token_window__isnull=False),
                name="attendance_event_token_used_once",
            ),
            models.UniqueConstraint(
                fields=["enrollment", "session_day", "kind"],
                condition=Q(kind__in=["check_in", "check_out"], voided_by__isnull=True),
                name="attendance_event_one_check_in_out",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=EventKind.values), name="attendance_event_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=EventSource.values), name="attendance_event_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(source=EventSource.QR, token_window__isnull=False)
                | (~Q(source=EventSource.QR) & Q(token_window__isnull=True)),
                name="attendance_event_qr_has_window",
            ),
        ]
        indexes = [models.Index(fields=["session_day", "enrollment"])]

    def __str__(self) -> str:
        return f"{self.enrollment_id} · {self.get_kind_display()} · {self.at:%Y-%m-%d %H:%M}"


class ExcusedAbsence(TimeStampedModel):
    """공가: a day that leaves the rate's denominator, with the reason and its evidence."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="excused_absences",
    )
    session_day = models.ForeignKey(
        SessionDay, verbose_name=_("session day"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(_("category"), max_length=20, choices=ExcuseCategory.choices)
    reason = models.CharField(_("reason"), max_length=200)
    evidence = models.FileField(_("evidence"), upload_to="attendance/evidence/%Y/%m/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("excused absence")
        verbose_name_plural = _("excused absences")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "session_day"], name="excused_absence_once_per_day"
            ),
            models.CheckConstraint(
                condition=Q(category__in=ExcuseCategory.values), name="excused_category_valid"
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="excused_absence_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.session_day.date:%Y-%m-%d}"


class AtRiskAlert(models.Model):
    """A trainee flagged on a day by the daily at-risk run; one row per trainee and day."""

    enrollment = models.ForeignKey(
        Enrollment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="+"
    )
    on = models.DateField(_("date"))
    level = models.CharField(_("level"), max_length=20, choices=RiskLevel.choices)
    percent = models.DecimalField(_("attendance rate so far"), max_digits=4, decimal_places=1)
    best_percent = models.DecimalField(_("best reachable rate"), max_digits=4, decimal_places=1)
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("at-risk alert")
        verbose_name_plural = _("at-risk alerts")
        ordering = ["-on"]
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "on"], name="at_risk_alert_once_a_day"),
            models.CheckConstraint(
                condition=Q(level__in=RiskLevel.values), name="at_risk_level_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.on:%Y-%m-%d}"


class CalendarFeed(models.Model):
    """A person's secret calendar address, so calendar apps subscribe without a session."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="attendance_calendar",
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
