"""A partner organisation's history with the hub: courses, projects, hires, mentors."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count

from talenthub.courses.models import Course
from talenthub.outcomes.choices import EMPLOYMENT, OutcomeStatus
from talenthub.outcomes.models import Outcome
from talenthub.partners.models import Organisation
from talenthub.projects.models import Project
from talenthub.projects.selectors.projects import projects_of_organisations


@dataclass(frozen=True)
class HireLine:
    name: str
    starts_on: datetime.date | None
    category_label: str
    verified: bool


@dataclass
class PartnerHistory:
    organisation: Organisation
    courses: Sequence[Course] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    hires: list[HireLine] = field(default_factory=list)
    mentors: list[str] = field(default_factory=list)


def partner_history(organisation: Organisation) -> PartnerHistory:
    """What came from a partner: courses co-run, projects, people hired, mentors (four queries)."""
    courses = list(
        Course.objects.filter(partners=organisation)
        .annotate(n_cohorts=Count("cohorts"))
        .order_by("code")
    )
    projects = list(projects_of_organisations({organisation.id}))
    # Hires are outcomes at this organisation (a project hire, a posting hire or a graduate's
    # report matched to it), one line per job: duplicates of the same job are left out.
    hires = [
        HireLine(
            name=outcome.user.name,
            starts_on=outcome.starts_on,
            category_label=str(outcome.get_category_display()),
            verified=outcome.status == OutcomeStatus.VERIFIED,
        )
        for outcome in Outcome.objects.filter(
            organisation=organisation,
            category__in=sorted(EMPLOYMENT),
            duplicate_of__isnull=True,
        )
        .exclude(status=OutcomeStatus.REJECTED)
        .select_related("user")
        .order_by("-starts_on", "id")
    ]
    mentors = sorted({project.mentor_name for project in projects if project.mentor_name})
    return PartnerHistory(
        organisation=organisation,
        courses=courses,
        projects=projects,
        hires=hires,
        mentors=mentors,
    )
