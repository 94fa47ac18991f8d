from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutcomeCategory(models.TextChoices):
    """CIRR-style outcome categories (DOMAIN.md)."""

    FULL_TIME = "full_time", _("Full-time employment")
    CONTRACT = "contract", _("Contract or part-time employment")
    STARTUP = "startup", _("Startup")
    FURTHER_STUDY = "further_study", _("Further study")
    MILITARY = "military", _("Military service")
    STILL_SEEKING = "still_seeking", _("Still seeking")
    NOT_SEEKING = "not_seeking", _("Not seeking")
    NO_RESPONSE = "no_response", _("No response")
    EXCLUDED = "excluded", _("Excluded (unable to work)")


# A job (any contract) or a company founded: what the jobs-and-startups KPI counts.
JOB_OR_STARTUP = frozenset(
    {OutcomeCategory.FULL_TIME, OutcomeCategory.CONTRACT, OutcomeCategory.STARTUP}
)
EMPLOYMENT = frozenset({OutcomeCategory.FULL_TIME, OutcomeCategory.CONTRACT})
# Taken out of the KPI's denominator.
DENOMINATOR_EXCLUSIONS = frozenset(
    {OutcomeCategory.FURTHER_STUDY, OutcomeCategory.MILITARY, OutcomeCategory.EXCLUDED}
)


class OutcomeSource(models.TextChoices):
    SELF_REPORT = "self_report", _("Reported by the graduate")
    FOLLOW_UP = "follow_up", _("Follow-up link")
    PROJECT_HIRE = "project_hire", _("Company project hire")
    JOB_HIRE = "job_hire", _("Job posting hire")
    OPERATOR = "operator", _("Recorded by an operator")


class OutcomeStatus(models.TextChoices):
    REPORTED = "reported", _("Reported, not yet verified")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class EvidenceKind(models.TextChoices):
    EMPLOYMENT_INSURANCE = "employment_insurance", _("Employment-insurance record")
    BUSINESS_REGISTRATION = "business_registration", _("Business registration")
    CONTRACT = "contract", _("Employment contract")
    ENROLMENT_CERTIFICATE = "enrolment_certificate", _("Certificate of enrolment")
    OTHER = "other", _("Other")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESPONDED = "responded", _("Responded")
    CLOSED = "closed", _("Closed without response")


class Checkpoint(models.IntegerChoices):
    THREE_MONTHS = 3, _("3 months after completion")
    SIX_MONTHS = 6, _("6 months after completion")
