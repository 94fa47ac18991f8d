"""An application and everything attached to it: answers, consents, scores and the decision log."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talenthub.core.models import TimeStampedModel
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import ApplicationStatus
from talenthub.enrollments.models.enrolment import Enrollment
from talenthub.enrollments.models.intake import ConsentText, Question, RubricCriterion
from talenthub.partners.models import Organisation


def _private_upload(folder: str, extension: str) -> str:
    # Random names: an upload's URL is never guessable, and files are only served through views
    # that check access (MEDIA is not served publicly).
    return f"private/{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def resume_upload_to(instance: Any, filename: str) -> str:
    return _private_upload("resumes", ".pdf")


def answer_upload_to(instance: Any, filename: str) -> str:
    extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return _private_upload("answers", extension[:6])


class Application(TimeStampedModel):
    """A person's application to one cohort (신청). At most one per person and cohort."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="applications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    # What the applicant declared at submission: the facts eligibility and bonuses were judged on.
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    region = models.CharField(_("region of residence"), max_length=40, blank=True)
    is_job_seeker = models.BooleanField(_("job-seeker"), default=False)
    is_neet = models.BooleanField(_("NEET youth"), default=False)
    university = models.ForeignKey(
        Organisation,
        verbose_name=_("university (enrolled student)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    resume = models.FileField(_("résumé (PDF)"), upload_to=resume_upload_to, blank=True)
    waitlist_position = models.PositiveIntegerField(_("waitlist position"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer deadline"), null=True, blank=True)
    offer_reminded_at = models.DateTimeField(_("offer reminder sent at"), null=True, blank=True)
    enrollment = models.OneToOneField(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application",
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["cohort", "submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"], name="application_unique_person_per_cohort"
            ),
            models.UniqueConstraint(
                fields=["cohort", "waitlist_position"],
                condition=Q(waitlist_position__isnull=False),
                name="application_waitlist_position_unique",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ApplicationStatus.values), name="application_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=ApplicationStatus.WAITLISTED, waitlist_position__isnull=False)
                | (~Q(status=ApplicationStatus.WAITLISTED) & Q(waitlist_position__isnull=True)),
                name="application_waitlisted_iff_position",
            ),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.OFFERED) | Q(offer_expires_at__isnull=False),
                name="application_offer_has_deadline",
            ),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.ADMITTED) | Q(enrollment__isnull=False),
                name="application_admitted_has_enrolment",
            ),
        ]
        indexes = [
            models.Index(fields=["cohort", "status"]),
            models.Index(fields=["status", "offer_expires_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.cohort}"


class Answer(models.Model):
    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    text = models.TextField(_("answer"), blank=True)
    file = models.FileField(_("file"), upload_to=answer_upload_to, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["application", "question__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="answer_unique_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.text[:40]}"


class ConsentRecord(models.Model):
    """The applicant's yes or no to one consent item, with the exact text and version they saw."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    consent = models.ForeignKey(
        ConsentText, verbose_name=_("consent text"), on_delete=models.PROTECT, related_name="+"
    )
    granted = models.BooleanField(_("granted"))
    version = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text shown"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["application", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "consent"], name="consent_record_unique_per_text"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}: {'yes' if self.granted else 'no'}"


class Score(models.Model):
    """One reviewer's score of one application on one rubric criterion."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        RubricCriterion,
        verbose_name=_("criterion"),
        on_delete=models.CASCADE,
        related_name="scores",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.PositiveSmallIntegerField(_("score"))
    scored_at = models.DateTimeField(_("scored at"), default=timezone.now)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion", "reviewer"],
                name="score_unique_per_reviewer_criterion",
            ),
            models.CheckConstraint(condition=Q(value__lte=100), name="score_value_range"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class SelectionDecision(models.Model):
    """Append-only log of every status change of an application: who (blank = the system), when,
    from which status to which, and why."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=ApplicationStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=ApplicationStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("selection decision")
        verbose_name_plural = _("selection decisions")
        ordering = ["application", "decided_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_status__in=ApplicationStatus.values),
                name="selection_decision_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["application", "decided_at"])]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_status or '∅'} → {self.to_status}"
