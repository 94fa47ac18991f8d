"""KPIs of company-cooperation projects (기업협력 프로젝트). Definitions: docs/kpi.md."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from talenthub.projects.choices import ApplicationStatus, HireDecision
from talenthub.reports.choices import RowKind, Unit
from talenthub.reports.kpis.base import KpiResult, Period, Scope, kpi
from talenthub.reports.kpis.engine import Counter, Measure, evaluate_one


def project_started(period: Period) -> Q:
    return Q(starts_on__range=period.bounds)


def project_trainee(period: Period) -> Q:
    """Selected for a project that started in the period."""
    return Q(project__starts_on__range=period.bounds) & Q(status=ApplicationStatus.SELECTED)


def project_hire(period: Period) -> Q:
    return project_trainee(period) & Q(hire_decision=HireDecision.HIRED)


COMPANY_PROJECTS = Measure(Counter("project", project_started))
PROJECT_HIRES = Measure(Counter("project_application", project_hire, field="user"))
PROJECT_HIRE_RATE = Measure(
    Counter("project_application", project_hire, field="user"),
    of=Counter("project_application", project_trainee, field="user"),
)


@kpi(
    title=_("Company projects"),
    summary=_(
        "Company-cooperation projects of the hub's partners that started in the period and "
        "were approved (not only proposed, rejected or cancelled)."
    ),
    unit=Unit.COUNT,
    dimensions=("hub",),
    measure=COMPANY_PROJECTS,
    row_kind=RowKind.PROJECT,
)
def company_projects(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Projects proposed by a partner company of the scope's hubs, approved, in progress or
    completed, whose start date is in the period."""
    return evaluate_one("company_projects", COMPANY_PROJECTS, scope, period, by)


@kpi(
    title=_("Company-project hires"),
    summary=_("Different trainees hired by the company of a project that started in the period."),
    unit=Unit.COUNT,
    dimensions=("hub",),
    measure=PROJECT_HIRES,
    row_kind=RowKind.PERSON,
)
def project_hires(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Distinct people selected for a counted project (see `company_projects`) starting in the
    period whose hire the company recorded (hire decision: hired)."""
    return evaluate_one("project_hires", PROJECT_HIRES, scope, period, by)


@kpi(
    title=_("Share of project trainees hired"),
    summary=_("Project hires as a share of the trainees selected for the same projects."),
    unit=Unit.PERCENT,
    dimensions=("hub",),
    measure=PROJECT_HIRE_RATE,
    row_kind=RowKind.PERSON,
)
def project_hire_rate(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """`project_hires` / distinct people selected for the same projects, in percent."""
    return evaluate_one("project_hire_rate", PROJECT_HIRE_RATE, scope, period, by)
