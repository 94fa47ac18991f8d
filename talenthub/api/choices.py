from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from talenthub.hubs.choices import Role


class Resource(models.TextChoices):
    COHORTS = "cohorts", _("Cohorts")
    APPLICATIONS = "applications", _("Applications")
    ENROLMENTS = "enrolments", _("Enrolments")
    ATTENDANCE = "attendance", _("Attendance")
    SURVEYS = "surveys", _("Survey results")
    OUTCOMES = "outcomes", _("Outcomes")
    PARTNERS = "partners", _("Partners")
    KPIS = "kpis", _("KPIs")


READ = "read"
WRITE = "write"
# Resources that take writes through the API.
WRITABLE = frozenset({Resource.APPLICATIONS, Resource.ENROLMENTS, Resource.OUTCOMES})


def scope(resource: str, access: str) -> str:
    return f"{resource}:{access}"


ALL_SCOPES = [scope(r, READ) for r in Resource.values] + [
    scope(r, WRITE) for r in Resource.values if r in WRITABLE
]

# Which roles in the token's hub may use a resource at all. A scope on a token only narrows
# this: a trainee's token with enrolments:read sees the trainee's own enrolments, never others'.
READERS: dict[str, frozenset[str]] = {
    Resource.COHORTS: frozenset({Role.OPERATOR, Role.INSTRUCTOR}),
    Resource.APPLICATIONS: frozenset({Role.OPERATOR, Role.TRAINEE}),
    Resource.ENROLMENTS: frozenset({Role.OPERATOR, Role.INSTRUCTOR, Role.TRAINEE}),
    Resource.ATTENDANCE: frozenset({Role.OPERATOR, Role.INSTRUCTOR, Role.TRAINEE}),
    Resource.SURVEYS: frozenset(
        {Role.OPERATOR, Role.INSTRUCTOR, Role.FUNDER, Role.CONSORTIUM_LEAD}
    ),
    Resource.OUTCOMES: frozenset({Role.OPERATOR, Role.TRAINEE}),
    Resource.PARTNERS: frozenset({Role.OPERATOR, Role.FUNDER, Role.CONSORTIUM_LEAD}),
    Resource.KPIS: frozenset({Role.OPERATOR, Role.FUNDER, Role.CONSORTIUM_LEAD}),
}
WRITERS: dict[str, frozenset[str]] = {resource: frozenset({Role.OPERATOR}) for resource in WRITABLE}

EXPIRY_DAYS = [(30, _("30 days")), (90, _("90 days")), (180, _("180 days")), (365, _("1 year"))]
