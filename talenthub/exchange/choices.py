from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    """The spreadsheet formats of DOMAIN.md, in the order they are best imported."""

    TRAINEES = "trainees", _("Trainees")
    COURSES = "courses", _("Courses and cohorts")
    ENROLMENTS = "enrolments", _("Enrolments")
    ATTENDANCE = "attendance", _("Attendance")
    SURVEYS = "surveys", _("Satisfaction survey responses")
    OUTCOMES = "outcomes", _("Employment and startup outcomes")


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    CHECKING = "checking", _("Checking")
    READY = "ready", _("Checked: ready to import")
    INVALID = "invalid", _("Checked: has errors")
    COMMITTING = "committing", _("Importing")
    COMMITTED = "committed", _("Imported")
    FAILED = "failed", _("Not imported")


RUNNING_STATUSES = frozenset({ImportStatus.CHECKING, ImportStatus.COMMITTING})


class ImportSource(models.TextChoices):
    WEB = "web", _("Upload page")
    CLI = "cli", _("Command line")


class RowAction(models.TextChoices):
    CREATE = "create", _("Create")
    UPDATE = "update", _("Update")
    UNCHANGED = "unchanged", _("Unchanged")
    ERROR = "error", _("Error")


class IssueLevel(models.TextChoices):
    ERROR = "error", _("Error")
    WARNING = "warning", _("Warning")


class ExportPurpose(models.TextChoices):
    """Why personal data leaves TalentHub; each purpose gets only the columns it needs."""

    HRD_NET = "hrd_net", _("Submission to the national training system (HRD-Net)")
    FUNDER_REPORT = "funder_report", _("Report to the funder (NIPA)")
    CONTACT = "contact", _("Contacting the trainees (operations)")
    FOLLOW_UP = "follow_up", _("Employment follow-up")
    STATISTICS = "statistics", _("Statistics without identities")
    PARTNER_CONTACT = "partner_contact", _("Contacting partner organisations")
    AUDIT = "audit", _("Audit of the hub's records (who did what)")
