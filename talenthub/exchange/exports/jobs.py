"""Exports of partner companies' job postings and graduates' applications to them (projects
app). The applications name people: they go out for a purpose only, like every personal list."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from talenthub.exchange.choices import ExportPurpose as P
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record
from talenthub.exchange.exports.people import IDENTIFIED, PERSON, person_fields
from talenthub.hubs.models import Hub
from talenthub.projects.choices import JobStage
from talenthub.projects.models import JobApplication, JobPosting


def _postings(hub: Hub, organisation: int | None = None) -> Iterable[Record]:
    rows = JobPosting.objects.filter(organisation__hub=hub)
    if organisation is not None:
        rows = rows.filter(organisation_id=organisation)
    rows = (
        rows.select_related("organisation")
        .annotate(
            n_applications=Count("applications", filter=~Q(applications__stage=JobStage.WITHDRAWN)),
            n_hired=Count("applications", filter=Q(applications__stage=JobStage.HIRED)),
        )
        .order_by("-created_at", "-id")
    )
    for posting in rows:
        yield {
            "organisation": posting.organisation.name,
            "title": posting.title,
            "employment_type": str(posting.get_employment_type_display()),
            "location": posting.location,
            "posted_on": posting.created_at.date(),
            "closes_on": posting.closes_on,
            "status": str(posting.get_status_display()),
            "applications": posting.n_applications,
            "hired": posting.n_hired,
        }


JOB_POSTINGS = Dataset(
    key="job_postings",
    title=_("Job postings"),
    columns=(
        ExportColumn("organisation", _("company")),
        ExportColumn("title", _("title")),
        ExportColumn("employment_type", _("employment type")),
        ExportColumn("location", _("location")),
        ExportColumn("posted_on", _("posted on")),
        ExportColumn("closes_on", _("applications close")),
        ExportColumn("status", _("status")),
        ExportColumn("applications", _("applications")),
        ExportColumn("hired", _("hired")),
    ),
    records=_postings,
    filters=("organisation",),
)


def _job_applications(hub: Hub, organisation: int | None = None) -> Iterable[Record]:
    rows = JobApplication.objects.filter(posting__organisation__hub=hub)
    if organisation is not None:
        rows = rows.filter(posting__organisation_id=organisation)
    rows = rows.select_related("posting__organisation", "user").order_by(
        "posting__organisation__name", "posting__title", "posting_id", "created_at", "id"
    )
    for application in rows:
        yield {
            "organisation": application.posting.organisation.name,
            "posting": application.posting.title,
            **person_fields(application.user),
            "applied_on": application.created_at.date(),
            "stage": str(application.get_stage_display()),
            "stage_changed_at": application.stage_changed_at,
            "hire_starts_on": application.hire_starts_on,
        }


JOB_APPLICATIONS = Dataset(
    key="job_applications",
    title=_("Job applications"),
    columns=(
        ExportColumn("organisation", _("company")),
        ExportColumn("posting", _("job posting")),
        *PERSON,
        ExportColumn("applied_on", _("applied on")),
        ExportColumn("stage", _("stage")),
        ExportColumn("stage_changed_at", _("stage changed at")),
        ExportColumn("hire_starts_on", _("job start date")),
    ),
    records=_job_applications,
    filters=("organisation",),
    purposes={
        P.FOLLOW_UP: (*IDENTIFIED, "organisation", "posting", "stage", "hire_starts_on"),
        P.FUNDER_REPORT: ("organisation", "posting", "person", "stage", "hire_starts_on"),
        P.STATISTICS: (
            "organisation",
            "posting",
            "person",
            "birth_year",
            "gender",
            "applied_on",
            "stage",
            "stage_changed_at",
            "hire_starts_on",
        ),
    },
)
