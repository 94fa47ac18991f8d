from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EnrollmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    COMPLETED = "completed", pgettext_lazy("course completion", "Completed")
    NOT_COMPLETED = "not_completed", _("Not completed")
    DROPPED_OUT = "dropped_out", _("Dropped out")


class SelectionMode(models.TextChoices):
    FIRST_COME = "first_come", _("First come, first served")
    SCREENING = "screening", _("Screening")


class ApplicationStatus(models.TextChoices):
    """States of an application (after HackMIT Quill): an offer holds a seat until its deadline."""

    SUBMITTED = "submitted", _("Received")
    WAITLISTED = "waitlisted", _("Waitlisted")
    OFFERED = "offered", _("Seat offered")
    ADMITTED = "admitted", _("Admitted")
    REJECTED = "rejected", _("Not selected")
    DECLINED = "declined", _("Offer declined")
    LAPSED = "lapsed", _("Offer lapsed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Applications still in play: the applicant may withdraw them and a re-submission returns them.
OPEN_STATUSES = frozenset(
    {ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED, ApplicationStatus.OFFERED}
)


class OperatorDecision(models.TextChoices):
    ADMIT = "admit", _("Admit")
    WAITLIST = "waitlist", _("Waitlist")
    REJECT = "reject", pgettext_lazy("application decision", "Reject")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Text")
    CHOICE = "choice", _("Choice")
    FILE = "file", _("File")


class ConsentKind(models.TextChoices):
    PERSONAL_DATA = "personal_data", _("Collection and use of personal data")
    THIRD_PARTY = "third_party", _("Provision of personal data to third parties")
    OTHER = "other", _("Other")


class EligibilityRuleKind(models.TextChoices):
    AGE_RANGE = "age_range", _("Age range")
    REGION = "region", _("Region of residence")
    JOB_SEEKER = "job_seeker", _("Job-seeker at entry")
    NEET = "neet", _("NEET youth")
    UNIVERSITY_STUDENT = "university_student", _("Student of a partner university")
    COMPLETED_COURSE = "completed_course", _("Completed a course before")
    NO_OVERLAP = "no_overlap", _("Not enrolled in an overlapping cohort")


class PriorityGroup(models.TextChoices):
    NEET = "neet", _("NEET youth")
    JOB_SEEKER = "job_seeker", _("Job-seeker")
    PARTNER_STUDENT = "partner_student", _("Student of a partner university")


class NotificationKind(models.TextChoices):
    RECEIVED = "received", _("Application received")
    ADMITTED = "admitted", _("Admitted")
    WAITLISTED = "waitlisted", _("Waitlisted")
    OFFERED = "offered", _("Seat offered")
    OFFER_REMINDER = "offer_reminder", _("Offer reminder")
    OFFER_LAPSED = "offer_lapsed", _("Offer lapsed")
    REJECTED = "rejected", _("Not selected")


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
