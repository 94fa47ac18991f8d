from __future__ import annotations

import uuid
from decimal import Decimal

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
    JobStage,
    PostingStatus,
    ProjectStatus,
)

CONSENT_TEXT_VERSION = "2025-1"


class ThirdPartyConsent(TimeStampedModel):
    """A person's consent to provide their personal data to one partner organisation
    (개인정보 제3자 제공 동의), item by item, with the wording and version they agreed to.

    Without an active consent the organisation sees nothing of the person, not even the name."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="third_party_consents",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("recipient organisation"),
        on_delete=models.CASCADE,
        related_name="third_party_consents",
    )
    share_contact = models.BooleanField(_("e-mail and mobile phone"), default=False)
    share_training = models.BooleanField(_("courses taken and completion"), default=False)
    share_documents = models.BooleanField(_("motivation and résumé"), default=False)
    text_version = models.CharField(_("text version"), max_length=20)
    text = models.TextField(_("text agreed to"))
    consented_at = models.DateTimeField(_("consented at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("third-party provision consent")
        verbose_name_plural = _("third-party provision consents")
        ordering = ["-consented_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(withdrawn_at__isnull=True),
                name="third_party_consent_one_active",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=F("consented_at")),
                name="third_party_consent_withdrawn_after_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.text_version})"


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


class Milestone(TimeStampedModel):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("title"), max_length=150)
    due_on = models.DateField(_("due date"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "title"], name="milestone_title_unique_per_project"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.title}"


class PracticumLog(TimeStampedModel):
    """Hours a team member worked on the project on one day (현장실습 시간)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="practicum_logs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.PROTECT,
        related_name="practicum_logs",
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        on_delete=models.SET_NULL,
        related_name="practicum_logs",
        null=True,
        blank=True,
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    activity = models.CharField(_("activity"), max_length=200)

    class Meta:
        verbose_name = _("practicum log")
        verbose_name_plural = _("practicum logs")
        ordering = ["project", "-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user", "date"], name="practicum_log_once_per_day"
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=Decimal("0")) & Q(hours__lte=Decimal("12")),
                name="practicum_log_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.date:%Y-%m-%d} · {self.hours}h"


class MentorMeeting(TimeStampedModel):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="meetings"
    )
    met_on = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    topic = models.CharField(_("topic"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("mentor meeting")
        verbose_name_plural = _("mentor meetings")
        ordering = ["project", "-met_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gt=0) & Q(minutes__lte=600), name="mentor_meeting_minutes"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.met_on:%Y-%m-%d}"


class ProjectEvaluation(TimeStampedModel):
    """The company's evaluation of one team member, each criterion scored 1 to 5."""

    application = models.OneToOneField(
        ProjectApplication,
        verbose_name=_("team member"),
        on_delete=models.CASCADE,
        related_name="evaluation",
    )
    skill = models.PositiveSmallIntegerField(_("technical skill"))
    collaboration = models.PositiveSmallIntegerField(_("collaboration"))
    problem_solving = models.PositiveSmallIntegerField(_("problem solving"))
    comment = models.TextField(_("comment"), blank=True)
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluated by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("project evaluation")
        verbose_name_plural = _("project evaluations")
        constraints = [
            models.CheckConstraint(
                condition=Q(skill__gte=1)
                & Q(skill__lte=5)
                & Q(collaboration__gte=1)
                & Q(collaboration__lte=5)
                & Q(problem_solving__gte=1)
                & Q(problem_solving__lte=5),
                name="project_evaluation_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} · {self.average:.1f}"

    @property
    def average(self) -> float:
        return (self.skill + self.collaboration + self.problem_solving) / 3


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
