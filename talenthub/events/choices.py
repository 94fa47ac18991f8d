from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    TOUR = "tour", _("Technology tour")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    CHALLENGE = "challenge", _("Contest or vibe-coding challenge day")
    DEMO_DAY = "demo_day", _("Demo day")
    NETWORKING = "networking", _("Networking or job fair")


class TargetGroup(models.TextChoices):
    ALL = "all", _("Everyone")
    NEET = "neet", _("NEET youth")
    JOB_SEEKERS = "job_seekers", _("Job-seekers")
    STUDENTS = "students", _("University students")
    TRAINEES = "trainees", _("Trainees and graduates")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for registration")
    # Over: the event has taken place (set when it ends, or by the operator once it has started).
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITLISTED = "waitlisted", _("Waitlisted")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not attend")


# Registrations that hold a seat: the ledger counts exactly these.
SEAT_HOLDING = frozenset(
    {RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW}
)
# Registrations still in play for the person (shown on "my events").
ACTIVE = frozenset({*SEAT_HOLDING, RegistrationStatus.WAITLISTED})
