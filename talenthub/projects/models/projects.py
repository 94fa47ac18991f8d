"""Company projects and the trainees' applications to them (selection and hiring)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.core.models import TimeStampedModel
from talenthub.partners.models import Organisation
from talenthub.projects.choices import (
    ApplicationStatus,
    EmploymentType,
    HireDecision,
    ProjectStatus,
)


class Project(TimeStampedModel):
    """A company-cooperation project (기업협력 프로젝트): a company's real problem, solved by a
    trainee team with the company's mentor, often ending in hiring."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("proposing company"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    partner_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("other participating companies"),
        blank=True,
        related_name="joined_projects",
    )
    title = models.CharField(_("title"), max_length=150)
    problem = models.TextField(_("problem to solve"))
    skills = models.CharField(_("skills needed"), max_length=300)
    seats = models.PositiveSmallIntegerField(_("seats"))
    hours = models.PositiveIntegerField(_("practicum hours"))
    mentor_name = models.CharField(_("mentor"), max_length=50)
    mentor_email = models.EmailField(_("mentor e-mail"), blank=True)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    demo_day_on = models.DateField(_("demo day"), null=True, blank=True)
    demo_day_notes = models.TextField(_("demo day notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or rejected by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("decision note"), max_length=300, blank=True)
    history = HistoricalRecords(m2m_fields=[partner_organisations])

    class Meta:
        verbose_name = _("company project")
        verbose_name_plural = _("company projects")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(seats__gt=0), name="project_seats_positive"),
            models.CheckConstraint(condition=Q(hours__gt=0), name="project_hours_positive"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="project_dates_ordered"
            ),
            models.CheckConstraint(
                condition=Q(demo_day_on__isnull=True) | Q(demo_day_on__gte=F("starts_on")),
                name="project_demo_day_after_start",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProjectStatus.values), name="project_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_on"])]

    def __str__(self) -> str:
        return self.title


class ProjectApplication(TimeStampedModel):
    """A trainee's application to a project; once selected, the trainee is on the team, and the
    company's evaluation and hiring decision are recorded here."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="applications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.PROTECT,
        related_name="project_applications",
    )
    motivation = models.TextField(_("motivation"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.APPLIED,
    )
    decided_at = models.DateTimeField(_("selection decided at"), null=True, blank=True)
    hire_decision = models.CharField(
        _("hiring decision"),
        max_length=20,
        choices=HireDecision.choices,
        default=HireDecision.PENDING,
    )
    hired_by = models.ForeignKey(
        Organisation,
        verbose_name=_("hiring company"),
        on_delete=models.PROTECT,
        related_name="project_hires",
        null=True,
        blank=True,
    )
    employment_type = models.CharField(
        _("employment type"), max_length=20, choices=EmploymentType.choices, blank=True
    )
    hire_starts_on = models.DateField(_("job start date"), null=True, blank=True)
    hire_recorded_at = models.DateTimeField(_("hire recorded at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project application")
        verbose_name_plural = _("project applications")
        ordering = ["project", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user"], name="project_application_once_per_person"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ApplicationStatus.values),
                name="project_application_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(hire_decision__in=HireDecision.values),
                name="project_application_hire_decision_valid",
            ),
            models.CheckConstraint(
                condition=~Q(hire_decision=HireDecision.HIRED)
                | (
                    Q(status=ApplicationStatus.SELECTED)
                    & Q(hired_by__isnull=False)
                    & Q(hire_starts_on__isnull=False)
                    & ~Q(employment_type="")
                ),
                name="project_hire_is_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.project}"
