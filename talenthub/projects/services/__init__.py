"""Writes of the projects app, by sub-domain: consents, projects and selection, team work,
evaluation and hiring, and job postings. Import from here or from the sub-module."""

from talenthub.projects.services.consent import (
    consent_give,
    consent_text,
    consent_withdraw,
)
from talenthub.projects.services.hiring import (
    evaluation_record,
    outcome_category_for,
    project_hire_decline,
    project_hire_record,
)
from talenthub.projects.services.jobs import (
    RESUME_MAX_BYTES,
    RESUME_TYPES,
    job_application_move,
    job_application_withdraw,
    job_apply,
    job_posting_close,
    job_posting_create,
    job_postings_close_expired,
)
from talenthub.projects.services.projects import (
    project_application_decide,
    project_application_withdraw,
    project_apply,
    project_approve,
    project_demo_day_record,
    project_propose,
    project_reject,
    project_start,
)
from talenthub.projects.services.teams import (
    mentor_meeting_add,
    milestone_add,
    milestone_complete,
    practicum_log_add,
)

__all__ = [
    "RESUME_MAX_BYTES",
    "RESUME_TYPES",
    "consent_give",
    "consent_text",
    "consent_withdraw",
    "evaluation_record",
    "job_application_move",
    "job_application_withdraw",
    "job_apply",
    "job_posting_close",
    "job_posting_create",
    "job_postings_close_expired",
    "mentor_meeting_add",
    "milestone_add",
    "milestone_complete",
    "outcome_category_for",
    "practicum_log_add",
    "project_application_decide",
    "project_application_withdraw",
    "project_apply",
    "project_approve",
    "project_demo_day_record",
    "project_hire_decline",
    "project_hire_record",
    "project_propose",
    "project_reject",
    "project_start",
]
