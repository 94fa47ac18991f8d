"""Project work and job applications on a person's timeline."""

from __future__ import annotations

from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from talenthub.core.timeline import TimelineEntry
from talenthub.projects.choices import ApplicationStatus
from talenthub.projects.models import PracticumLog
from talenthub.projects.selectors.jobs import job_applications_of_person
from talenthub.projects.selectors.projects import project_applications_of_person


def timeline_entries(user_id: int) -> list[TimelineEntry]:
    """Project applications, selections and logged hours, and job applications with their
    current stage. Hires are told by the outcomes app (a hire is an outcome)."""
    entries: list[TimelineEntry] = []
    applications = project_applications_of_person(user_id).select_related("project__organisation")
    hours = {
        row["project_id"]: row["total"]
        for row in PracticumLog.objects.filter(user_id=user_id)
        .values("project_id")
        .annotate(total=Sum("hours"))
        .order_by("project_id")
    }
    for application in applications:
        project = application.project
        url = reverse("projects:trainee_project_detail", args=[project.id])
        staff_url = reverse("projects:manage_project_detail", args=[project.id])
        hub_id = project.organisation.hub_id
        entries.append(
            TimelineEntry(
                at=application.created_at,
                kind="project_application",
                title=_("Applied to the company project “%(title)s”") % {"title": project.title},
                detail=project.organisation.name,
                url=url,
                hub_id=hub_id,
                staff_url=staff_url,
            )
        )
        if application.status == ApplicationStatus.SELECTED and application.decided_at:
            logged = hours.get(project.id)
            entries.append(
                TimelineEntry(
                    at=application.decided_at,
                    kind="project_team",
                    title=_("Joined the team of “%(title)s”") % {"title": project.title},
                    detail=_("%(logged)s of %(hours)s practicum hours logged")
                    % {"logged": logged or 0, "hours": project.hours},
                    url=url,
                    hub_id=hub_id,
                    staff_url=staff_url,
                )
            )
    for job in job_applications_of_person(user_id).select_related("posting__organisation__hub"):
        entries.append(
            TimelineEntry(
                at=job.created_at,
                kind="job_application",
                title=_("Applied for “%(title)s” at %(organisation)s")
                % {"title": job.posting.title, "organisation": job.posting.organisation.name},
                detail=str(job.get_stage_display()),
                url=reverse("projects:graduate_job_list"),
                hub_id=job.posting.organisation.hub_id,
            )
        )
    return entries
