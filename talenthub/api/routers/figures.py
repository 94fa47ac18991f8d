"""Attendance rates, survey results, partners and KPIs: figures of the token's hub. Aggregates
(survey results, partners, KPIs) are open to the roll-up roles; rates name people, so they are
for operators, the cohort's instructors, and a trainee's own."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from talenthub.api import access
from talenthub.api.choices import Resource
from talenthub.api.routers.common import ERRORS, MAX_ID, Paging, envelope, page, principal
from talenthub.api.schemas import (
    EARLIEST,
    LATEST,
    AttendanceOut,
    KpisOut,
    PartnerOut,
    SurveyResultOut,
    page_of,
    person,
)
from talenthub.attendance import rules
from talenthub.attendance.selectors import books_for, policies_for
from talenthub.hubs.choices import Role
from talenthub.partners.choices import OrganisationKind
from talenthub.partners.selectors import organisations_in_hubs
from talenthub.surveys import scoring
from talenthub.surveys.selectors.scores import cohort_results, surveyed_cohorts

router = Router(tags=["figures"])
AttendancePage = page_of(AttendanceOut, "AttendancePage")
SurveyResultPage = page_of(SurveyResultOut, "SurveyResultPage")
PartnerPage = page_of(PartnerOut, "PartnerPage")


class AttendanceFilters(Paging):
    cohort_id: int | None = Field(None, ge=1, le=MAX_ID)


@router.get("/attendance", response={200: AttendancePage, **ERRORS}, operation_id="attendance_list")
def attendance_list(request: HttpRequest, filters: Query[AttendanceFilters]) -> dict[str, Any]:
    """Each enrolment's attendance over the session days closed so far (the rules engine's)."""
    who = access.require(principal(request), Resource.ATTENDANCE)
    queryset = access.enrolments(who).select_related("user", "cohort__course")
    if filters.cohort_id:
        queryset = queryset.filter(cohort_id=filters.cohort_id)
    count, rows = page(queryset.distinct().order_by("cohort_id", "user__name", "id"), filters)
    books = books_for(rows)
    policies = policies_for({e.cohort_id: e.cohort for e in rows}.values())
    now = timezone.now()
    items = []
    for enrolment in rows:
        policy = policies[enrolment.cohort_id]
        summary = rules.summarise(books[enrolment.pk].closed_results(policy, now), policy)
        identified = access.sees_people(who) or enrolment.user_id == who.user.pk
        items.append(
            {
                "enrolment_id": enrolment.pk,
                "cohort_id": enrolment.cohort_id,
                "person": person(enrolment.user, identified=identified),
                "percent": summary.percent,
                "attended_days": summary.attended_days,
                "training_days": summary.training_days,
                "absent_days": summary.absent_days,
                "late_early_or_outing": summary.infractions,
                "excused_days": summary.excused_days,
            }
        )
    return envelope(count, filters, items)


def _number(value: Decimal | int | None) -> float | None:
    return None if value is None else float(value)


class SurveyFilters(Paging):
    ends_after: datetime.date | None = Field(None, ge=EARLIEST, le=LATEST)
    ends_before: datetime.date | None = Field(None, ge=EARLIEST, le=LATEST)


@router.get(
    "/survey-results", response={200: SurveyResultPage, **ERRORS}, operation_id="survey_results"
)
def survey_results(request: HttpRequest, filters: Query[SurveyFilters]) -> dict[str, Any]:
    """Satisfaction per cohort (100-point score, respondents, response rate); never a person."""
    who = access.require(principal(request), Resource.SURVEYS)
    queryset = surveyed_cohorts([who.hub.pk], filters.ends_after, filters.ends_before)
    if not (who.is_operator or who.roles & {Role.FUNDER, Role.CONSORTIUM_LEAD}):
        queryset = queryset.filter(instructors=who.user)
    count, cohorts = page(queryset, filters)
    results = cohort_results(c.pk for c in cohorts)
    items = [
        {
            "cohort_id": c.pk,
            "course_code": c.course.code,
            "cohort_number": c.number,
            "ends_on": c.ends_on,
            "respondents": results[c.pk].respondents,
            "invited": results[c.pk].invited,
            "response_rate": _number(scoring.percent(results[c.pk].response_rate)),
            "score": _number(scoring.round_half_up(results[c.pk].score)),
        }
        for c in cohorts
    ]
    return envelope(count, filters, items)


class PartnerFilters(Paging):
    kind: OrganisationKind | None = None


@router.get("/partners", response={200: PartnerPage, **ERRORS}, operation_id="partner_list")
def partner_list(request: HttpRequest, filters: Query[PartnerFilters]) -> dict[str, Any]:
    who = access.require(principal(request), Resource.PARTNERS)
    queryset = organisations_in_hubs({who.hub.pk})
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    count, rows = page(queryset, filters)
    items = [
        {
            "id": o.pk,
            "name": o.name,
            "kind": o.kind,
            "website": o.website,
            "agreements": o.n_agreements,  # type: ignore[attr-defined]
            "next_agreement_end": o.next_end,  # type: ignore[attr-defined]
        }
        for o in rows
    ]
    return envelope(count, filters, items)


class KpiFilters(Schema):
    year: int | None = Field(None, ge=2000, le=2100, description="Default: this year.")


@router.get("/kpis", response={200: KpisOut, **ERRORS}, operation_id="kpis")
def kpis(request: HttpRequest, filters: Query[KpiFilters]) -> dict[str, Any]:
    """The hub's KPIs for a year, as the reports app defines and computes them (docs/kpi.md)."""
    from talenthub.reports.kpis import REGISTRY, Period, Scope, compute_all

    who = access.require(principal(request), Resource.KPIS)
    period = Period.year(filters.year or timezone.localdate().year)
    results = compute_all(Scope.for_hub(who.hub), period)
    figures = []
    for name, result in results.items():
        definition = REGISTRY[name]
        figures.append(
            {
                "name": name,
                "title": str(definition.title),
                "unit": str(definition.unit),
                "value": _number(result.total.value),
                "numerator": result.total.numerator,
                "denominator": result.total.denominator,
                "by": {key: _number(f.value) for key, f in sorted(result.by.items())},
            }
        )
    return {
        "hub": who.hub.code,
        "period_start": period.start,
        "period_end": period.end,
        "kpis": figures,
    }
