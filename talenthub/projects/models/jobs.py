"""Job postings of partner companies and graduates' applications to them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.core.models import TimeStampedModel
from talenthub.partners.models import Organisation
from talenthub.projects.choices import EmploymentType, JobStage, PostingStatus


class JobPosting(TimeStampedModel):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        related_name="job_postings",
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"))
    employment_type = models.CharField(
        _("employment type"), max_length=20, choices=EmploymentType.choices
    )
    location = models.CharField(_("location"), max_length=100, blank=True)
    closes_on = models.DateField(_("applications close"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PostingStatus.choices, default=PostingStatus.OPEN
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("job posting")
        verbose_name_plural = _("job postings")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=PostingStatus.values), name="job_posting_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(employment_type__in=EmploymentType.values),
                name="job_posting_employment_type_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.title}"


def _resume_path(instance: JobApplication, filename: str) -> str:
    suffix = {
        "application/pdf": ".pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    }.get(instance.resume_content_type, "")
    return f"projects/resumes/{uuid.uuid4().hex}{suffix}"


class JobApplication(TimeStampedModel):
    posting = models.ForeignKey(
        JobPosting,
        verbose_name=_("job posting"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="job_applications",
    )
    cover_letter = models.TextField(_("cover letter"), blank=True)
    resume = models.FileField(_("résumé"), upload_to=_resume_path, max_length=200, blank=True)
    resume_name = models.CharField(_("résumé file name"), max_length=200, blank=True)
    resume_content_type = models.CharField(max_length=100, blank=True, editable=False)
    stage = models.CharField(
        _("stage"), max_length=20, choices=JobStage.choices, default=JobStage.APPLIED
    )
    stage_changed_at = models.DateTimeField(_("stage changed at"), null=True, blank=True)
    hire_starts_on = models.DateField(_("job start date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("job application")
        verbose_name_plural = _("job applications")
        ordering = ["posting", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["posting", "user"], name="job_application_once_per_person"
            ),
            models.CheckConstraint(
                condition=Q(stage__in=JobStage.values), name="job_application_stage_valid"
            ),
            models.CheckConstraint(
                condition=~Q(stage=JobStage.HIRED) | Q(hire_starts_on__isnull=False),
                name="job_application_hire_has_start_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.posting}"
