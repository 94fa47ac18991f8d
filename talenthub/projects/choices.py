from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved, open for applications")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", pgettext_lazy("project status", "Completed")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses in which trainees may still apply and the company may select.
RECRUITING = frozenset({ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS})
# Statuses in which the team works: hours, meetings, milestones, evaluations and hires.
RUNNING = frozenset({ProjectStatus.APPROVED, ProjectStatus.IN_PROGRESS, ProjectStatus.COMPLETED})


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class HireDecision(models.TextChoices):
    PENDING = "pending", _("Not decided")
    HIRED = "hired", _("Hired")
    NOT_HIRED = "not_hired", _("Not hired")


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    CONTRACT = "contract", _("Contract")
    PART_TIME = "part_time", _("Part-time")
    INTERNSHIP = "internship", _("Paid internship")


class PostingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class JobStage(models.TextChoices):
    APPLIED = "applied", _("Applied")
    SCREENING = "screening", _("Document screening")
    INTERVIEW = "interview", _("Interview")
    OFFER = "offer", _("Offer")
    HIRED = "hired", _("Hired")
    REJECTED = "rejected", _("Not successful")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Stages after which nothing moves any more.
FINAL_STAGES = frozenset({JobStage.HIRED, JobStage.REJECTED, JobStage.WITHDRAWN})
