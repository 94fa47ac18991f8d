"""Reads of the projects app, by sub-domain: consents and applicants, projects, team work, job
postings, partner history and the timeline. Import from here or from the sub-module."""

from talenthub.projects.selectors.applicants import (
    ApplicantView,
    TrainingLine,
    active_consent,
    active_consents,
    consented_user_ids,
    has_consented,
    visible_job_applicants,
    visible_project_applicants,
)
from talenthub.projects.selectors.jobs import (
    job_application_of,
    job_applications_of_person,
    open_postings,
    postings_of_organisations,
)
from talenthub.projects.selectors.partners import (
    HireLine,
    PartnerHistory,
    partner_history,
)
from talenthub.projects.selectors.projects import (
    all_project_applications,
    application_of,
    graduate_hub_ids,
    open_projects,
    project_applications_of_person,
    project_organisation_ids,
    projects_in_hubs,
    projects_mentored_by,
    projects_of_organisations,
    trainee_hub_ids,
)
from talenthub.projects.selectors.teams import (
    meetings_of,
    milestones_of,
    practicum_hours,
    practicum_hours_of,
    team_of,
)
from talenthub.projects.selectors.timeline import (
    timeline_entries,
)

__all__ = [
    "ApplicantView",
    "HireLine",
    "PartnerHistory",
    "TrainingLine",
    "active_consent",
    "active_consents",
    "all_project_applications",
    "application_of",
    "consented_user_ids",
    "graduate_hub_ids",
    "has_consented",
    "job_application_of",
    "job_applications_of_person",
    "meetings_of",
    "milestones_of",
    "open_postings",
    "open_projects",
    "partner_history",
    "postings_of_organisations",
    "practicum_hours",
    "practicum_hours_of",
    "project_applications_of_person",
    "project_organisation_ids",
    "projects_in_hubs",
    "projects_mentored_by",
    "projects_of_organisations",
    "team_of",
    "timeline_entries",
    "trainee_hub_ids",
    "visible_job_applicants",
    "visible_project_applicants",
]
