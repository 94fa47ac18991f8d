"""How an enrolment ended and the certificate that proves it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.attendance.choices import CompletionOutcome
from talenthub.core.models import TimeStampedModel
from talenthub.courses.models import Cohort
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Hub


class AssessmentRequirement(TimeStampedModel):
    """A pass/fail assessment that a cohort requires for completion (e.g. final project)."""

    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="assessment_requirements",
    )
    title = models.CharField(_("title"), max_length=100)

    class Meta:
        verbose_name = _("assessment requirement")
        verbose_name_plural = _("assessment requirements")
        ordering = ["cohort", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "title"], name="assessment_title_unique_per_cohort"
            )
        ]

    def __str__(self) -> str:
        return self.title


class AssessmentResult(TimeStampedModel):
    requirement = models.ForeignKey(
        AssessmentRequirement,
        verbose_name=_("assessment"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="assessment_results",
    )
    passed = models.BooleanField(_("passed"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assessment result")
        verbose_name_plural = _("assessment results")
        constraints = [
            models.UniqueConstraint(
                fields=["requirement", "enrollment"], name="assessment_result_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.requirement} · {self.enrollment}"


class CompletionDecision(TimeStampedModel):
    """The completion verdict of an enrolment with its reasons; an override keeps its reason."""

    enrollment = models.OneToOneField(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="completion_decision",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=CompletionOutcome.choices)
    attendance_percent = models.DecimalField(_("attendance rate"), max_digits=4, decimal_places=1)
    # [[reason code, subject], …] from talenthub.attendance.rules.CompletionReason.
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    overridden = models.BooleanField(_("overridden by an operator"), default=False)
    override_reason = models.TextField(_("override reason"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("completion decision")
        verbose_name_plural = _("completion decisions")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=CompletionOutcome.values), name="completion_outcome_valid"
            ),
            models.CheckConstraint(
                condition=Q(overridden=False) | ~Q(override_reason=""),
                name="completion_override_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.get_outcome_display()}"


class CertificateSequence(models.Model):
    """The last certificate number a hub issued in a year; locked while a number is taken."""

    hub = models.ForeignKey(Hub, verbose_name=_("hub"), on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("certificate number sequence")
        verbose_name_plural = _("certificate number sequences")
        constraints = [
            models.UniqueConstraint(fields=["hub", "year"], name="certificate_sequence_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.hub} {self.year}: {self.last}"


class Certificate(TimeStampedModel):
    """A completion certificate (수료증) with a public verification code."""

    enrollment = models.OneToOneField(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    number = models.CharField(_("certificate number"), max_length=30, unique=True)
    verification_code = models.CharField(_("verification code"), max_length=32, unique=True)
    issued_at = models.DateTimeField(_("issued at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoke_reason = models.CharField(_("revocation reason"), max_length=200, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="attendance/certificates/%Y/", blank=True)
    history = HistoricalRecords(excluded_fields=["pdf"])

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoke_reason=""),
                name="certificate_revocation_has_reason",
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
