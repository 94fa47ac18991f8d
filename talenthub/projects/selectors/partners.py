"""A partner organisation's history with the hub: courses, projects, hires, mentors."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef

from talenthub.courses.models import Course
from talenthub.hubs.choices import Role
from talenthub.outcomes.choices import EMPLOYMENT, OutcomeStatus
from talenthub.outcomes.models import Outcome
from talenthub.partners.models import Organisation, OrganisationMember
from talenthub.projects.models import Project, ThirdPartyConsent
from talenthub.projects.selectors.projects import projects_of_organisations


@dataclass(frozen=True)
class HireLine:
    """One job at the organisation. `name` is None when the viewer may not see who it was."""

    name: str | None
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

    @property
    def named_hires(self) -> list[HireLine]:
        return [hire for hire in self.hires if hire.name is not None]

    @property
    def unnamed_hires(self) -> int:
        return sum(1 for hire in self.hires if hire.name is None)


def _hires(organisation: Organisation, *, all_names: bool) -> list[HireLine]:
    """Outcomes at this organisation (a project hire, a posting hire or a graduate's report
    matched to it), one line per job: duplicates of the same job are left out. Without
    `all_names`, only people with an active third-party consent to the organisation are named."""
    consented = Exists(
        ThirdPartyConsent.objects.filter(
            user_id=OuterRef("user_id"), organisation=organisation, withdrawn_at__isnull=True
        )
    )
    outcomes = (
        Outcome.objects.filter(
            organisation=organisation,
            category__in=sorted(EMPLOYMENT),
            duplicate_of__isnull=True,
        )
        .exclude(status=OutcomeStatus.REJECTED)
        .annotate(consented=consented)
        .select_related("user")
        .order_by("-starts_on", "id")
    )
    return [
        HireLine(
            name=outcome.user.name if all_names or outcome.consented else None,
            starts_on=outcome.starts_on,
            category_label=str(outcome.get_category_display()),
            verified=outcome.status == OutcomeStatus.VERIFIED,
        )
        for outcome in outcomes
    ]


def _mentors(organisation: Organisation, projects: list[Project]) -> list[str]:
    """The people from the organisation who served as mentors: the named mentors of the projects
    it proposed, and its members who hold a mentor role in its hub. One person is counted once
    (matched by e-mail, or by name when a project gives no e-mail)."""
    by_email: dict[str, str] = {}
    without_email: set[str] = set()
    for project in projects:
        if project.organisation_id != organisation.id or not project.mentor_name:
            continue
        if project.mentor_email:
            by_email.setdefault(project.mentor_email.lower(), project.mentor_name)
        else:
            without_email.add(project.mentor_name)
    members = (
        OrganisationMember.objects.filter(
            organisation=organisation,
            user__memberships__hub_id=organisation.hub_id,
            user__memberships__role=Role.MENTOR,
        )
        .values_list("user__email", "user__name")
        .order_by("user__name")
        .distinct()
    )
    for email, name in members:
        by_email.setdefault((email or name).lower(), name)
    names = set(by_email.values())
    return sorted(names | (without_email - names))


def partner_history(organisation: Organisation, *, all_names: bool) -> PartnerHistory:
    """What came from a partner: courses co-run, projects, people hired, mentors supplied (five
    queries). `all_names` is for the hub's operators; the organisation's own people see the
    names of the hired only where the person consented to provide their data to it."""
    courses = list(
        Course.objects.filter(partners=organisation)
        .annotate(n_cohorts=Count("cohorts"))
        .order_by("code")
    )
    projects = list(projects_of_organisations({organisation.id}))
    return PartnerHistory(
        organisation=organisation,
        courses=courses,
        projects=projects,
        hires=_hires(organisation, all_names=all_names),
        mentors=_mentors(organisation, projects),
    )
