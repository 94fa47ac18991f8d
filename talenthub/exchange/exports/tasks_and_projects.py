"""Exports of company projects and follow-up tasks. (KPIs are the reports app's: its annual
report downloads as XLSX, formula-safe through talenthub.core.spreadsheets; exchange and reports
are siblings in the layer contract, so neither imports the other.)"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talenthub.exchange.choices import ExportPurpose as P
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record
from talenthub.exchange.exports.people import IDENTIFIED, PERSON, person_fields
from talenthub.hubs.models import Hub
from talenthub.outcomes.selectors import open_follow_ups
from talenthub.projects.selectors import projects_in_hubs


def _projects(hub: Hub) -> Iterable[Record]:
    for project in projects_in_hubs({hub.pk}):
        yield {
            "title": project.title,
            "organisation": project.organisation.name,
            "status": str(project.get_status_display()),
            "starts_on": project.starts_on,
            "ends_on": project.ends_on,
            "seats": project.seats,
            "hours": project.hours,
            "applications": project.n_applications,  # type: ignore[attr-defined]
            "selected": project.n_selected,  # type: ignore[attr-defined]
        }


PROJECTS = Dataset(
    key="projects",
    title=_("Company projects"),
    columns=(
        ExportColumn("title", _("title")),
        ExportColumn("organisation", _("organisation")),
        ExportColumn("status", _("status")),
        ExportColumn("starts_on", _("start date")),
        ExportColumn("ends_on", _("end date")),
        ExportColumn("seats", _("seats")),
        ExportColumn("hours", _("practicum hours")),
        ExportColumn("applications", _("applications")),
        ExportColumn("selected", _("selected")),
    ),
    records=_projects,
)


def _follow_ups(hub: Hub) -> Iterable[Record]:
    for follow_up in open_follow_ups({hub.pk}, due_by=timezone.localdate()):
        enrolment = follow_up.enrollment
        yield {
            **person_fields(enrolment.user),
            "course_code": enrolment.cohort.course.code,
            "cohort": enrolment.cohort.number,
            "checkpoint": str(follow_up.get_checkpoint_display()),
            "due_on": follow_up.due_on,
        }


FOLLOW_UPS = Dataset(
    key="follow_ups",
    title=_("Follow-ups due"),
    columns=(
        *PERSON,
        ExportColumn("course_code", "과정코드"),
        ExportColumn("cohort", "차수"),
        ExportColumn("checkpoint", _("checkpoint")),
        ExportColumn("due_on", _("due date")),
    ),
    records=_follow_ups,
    purposes={
        P.FOLLOW_UP: (*IDENTIFIED, "course_code", "cohort", "checkpoint", "due_on"),
        P.CONTACT: (*IDENTIFIED, "course_code", "cohort", "due_on"),
    },
)
