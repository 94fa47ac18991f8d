from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    CHECK_IN = "check_in", _("Check-in")
    CHECK_OUT = "check_out", _("Check-out")
    OUTING_START = "outing_start", _("Outing start")
    OUTING_END = "outing_end", _("Outing end")


class EventSource(models.TextChoices):
    QR = "qr", _("QR scan")
    MANUAL = "manual", _("Marked by instructor")
    CORRECTION = "correction", _("Operator correction")


class DayStatusChoice(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EARLY_LEAVE = "early_leave", _("Early leave")
    OUTING = "outing", _("Outing")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class RosterState(models.TextChoices):
    """Where a trainee is while the day runs (the day's final status replaces it afterwards)."""

    NOT_ARRIVED = "not_arrived", _("Not arrived")
    IN = "in", _("In")
    LATE = "late_in", _("In (late)")
    ON_OUTING = "on_outing", _("Out (outing)")
    LEFT = "left", _("Left")
    EXCUSED = "excused_today", _("Excused")


class ExcuseCategory(models.TextChoices):
    ILLNESS = "illness", _("Illness or injury")
    RESERVE_FORCES = "reserve_forces", _("Reserve forces or civil defence duty")
    FAMILY_EVENT = "family_event", _("Family event (wedding, funeral)")
    EXAM_OR_INTERVIEW = "exam_interview", _("Job interview or official exam")
    OTHER = "other", _("Other public reason")


class RiskLevel(models.TextChoices):
    CANNOT_COMPLETE = "cannot_complete", _("Can no longer reach the completion threshold")
    BELOW_PACE = "below_pace", _("Attendance below the completion threshold so far")


class CompletionOutcome(models.TextChoices):
    COMPLETED = "completed", pgettext_lazy("course completion", "Completed")
    NOT_COMPLETED = "not_completed", _("Not completed")
