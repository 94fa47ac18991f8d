from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.core.models import TimeStampedModel
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Hub
from talenthub.outcomes.choices import (
    JOB_OR_STARTUP,
    Checkpoint,
    EvidenceKind,
    FollowUpStatus,
    OutcomeCategory,
    OutcomeSource,
    OutcomeStatus,
)
from talenthub.partners.models import Organisation


class Outcome(TimeStampedModel):
    """What a person did after training: a job, a startup, further study, … (one record per
    report). Several records may describe the same job (the company recorded the hire, the
    graduate reported it again); the later one points at the first through `duplicate_of`, and
    counting is per person in any case (see selectors.counted_outcomes)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="outcomes",
    )
    hub = models.ForeignKey(
        Hub, verbose_name=_("hub"), on_delete=models.PROTECT, related_name="outcomes"
    )
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.SET_NULL,
        related_name="outcomes",
        null=True,
        blank=True,
    )
    category = models.CharField(_("category"), max_length=20, choices=OutcomeCategory.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("partner organisation"),
        on_delete=models.SET_NULL,
        related_name="outcomes",
        null=True,
        blank=True,
    )
    organisation_name = models.CharField(_("organisation"), max_length=100, blank=True)
    # Normalised organisation name ("(주)전주 데이터" → "전주데이터"), for duplicate detection.
    organisation_key = models.CharField(max_length=100, blank=True, editable=False)
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=OutcomeSource.choices)
    # Identifies the record that produced the outcome ("project-application:12"), so recording
    # the same hire twice cannot make two outcomes.
    source_key = models.CharField(_("source record"), max_length=60, blank=True)
    status = models.CharField(
        _("verification"),
        max_length=20,
        choices=OutcomeStatus.choices,
        default=OutcomeStatus.REPORTED,
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verification_note = models.CharField(_("verification note"), max_length=200, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.SET_NULL,
        related_name="duplicates",
        null=True,
        blank=True,
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(category__in=OutcomeCategory.values), name="outcome_category_valid"
            ),
            models.CheckConstraint(
                condition=Q(source__in=OutcomeSource.values), name="outcome_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=OutcomeStatus.values), name="outcome_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(category__in=sorted(JOB_OR_STARTUP)) | Q(starts_on__isnull=False),
                name="outcome_job_or_startup_has_start_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=OutcomeStatus.VERIFIED) | Q(verified_at__isnull=False),
                name="outcome_verified_has_time",
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | ~Q(duplicate_of=F("id")),
                name="outcome_not_duplicate_of_itself",
            ),
            models.UniqueConstraint(
                fields=["source", "source_key"],
                condition=~Q(source_key=""),
                name="outcome_one_per_source_record",
            ),
            # The same person starting at the same organisation on the same day is one job,
            # whoever recorded it: only one such record may be the primary.
            models.UniqueConstraint(
                fields=["user", "organisation_key", "starts_on"],
                condition=Q(duplicate_of__isnull=True) & ~Q(organisation_key=""),
                name="outcome_one_primary_per_job",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "category"]),
            models.Index(fields=["hub", "status"]),
        ]

    def __str__(self) -> str:
        label = self.get_category_display()
        return f"{self.user} · {label}" + (
            f" · {self.organisation_name}" if self.organisation_name else ""
        )

    @property
    def is_job_or_startup(self) -> bool:
        return self.category in JOB_OR_STARTUP


def _evidence_path(instance: OutcomeEvidence, filename: str) -> str:
    # Never the uploader's file name on disk: it may carry personal data or path tricks.
    suffix = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}.get(
        instance.content_type, ""
    )
    return f"outcomes/evidence/{uuid.uuid4().hex}{suffix}"


class OutcomeEvidence(TimeStampedModel):
    """A document proving an outcome. Served only through a permission-checked view."""

    outcome = models.ForeignKey(
        Outcome, verbose_name=_("outcome"), on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=EvidenceKind.choices)
    file = models.FileField(_("file"), upload_to=_evidence_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=50)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["outcome", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EvidenceKind.values), name="evidence_kind_valid"
            ),
            models.CheckConstraint(condition=Q(size__gt=0), name="evidence_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.original_name}"


class FollowUp(TimeStampedModel):
    """A checkpoint 3 or 6 months after a completion: a task for the hub's operators and a
    personal link for the graduate to report their status."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    checkpoint = models.PositiveSmallIntegerField(_("checkpoint"), choices=Checkpoint.choices)
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    sent_at = models.DateTimeField(_("link sent at"), null=True, blank=True)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    outcome = models.ForeignKey(
        Outcome,
        verbose_name=_("outcome"),
        on_delete=models.SET_NULL,
        related_name="follow_ups",
        null=True,
        blank=True,
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned operator"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "checkpoint"], name="follow_up_once_per_checkpoint"
            ),
            models.CheckConstraint(
                condition=Q(checkpoint__in=Checkpoint.values), name="follow_up_checkpoint_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=FollowUpStatus.values), name="follow_up_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=FollowUpStatus.RESPONDED) | Q(responded_at__isnull=False),
                name="follow_up_response_has_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.get_checkpoint_display()}"
