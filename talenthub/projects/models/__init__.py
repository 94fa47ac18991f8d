"""Models of the projects app, by sub-domain: consent, projects and applications, team work
(milestones, practicum hours, mentor meetings), evaluations, and job postings."""

from talenthub.projects.models.consent import CONSENT_TEXT_VERSION, ThirdPartyConsent
from talenthub.projects.models.evaluations import ProjectEvaluation
from talenthub.projects.models.jobs import JobApplication, JobPosting, _resume_path
from talenthub.projects.models.projects import Project, ProjectApplication
from talenthub.projects.models.teams import MentorMeeting, Milestone, PracticumLog

__all__ = [
    "CONSENT_TEXT_VERSION",
    "JobApplication",
    "JobPosting",
    "MentorMeeting",
    "Milestone",
    "PracticumLog",
    "Project",
    "ProjectApplication",
    "ProjectEvaluation",
    "ThirdPartyConsent",
    "_resume_path",  # referenced by migration 0001
]
