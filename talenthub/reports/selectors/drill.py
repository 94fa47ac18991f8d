"""Drill-down: the rows behind a figure, as the viewer may see them. Operators of the hub see
enrolments and people; everyone else sees cohorts with their counts (or agreements), never a
person. Each listing is one paginated queryset plus at most two grouped queries for the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet

from talenthub.accounts.models import User
from talenthub.courses.models import Cohort
from talenthub.events.models import Event
from talenthub.reports.choices import RowKind, ScopeKind
from talenthub.reports.kpis import KpiDefinition, Period, Scope
from talenthub.reports.kpis.dimensions import only_bucket
from talenthub.surveys import scoring
from talenthub.surveys.selectors.scores import cohort_results

PAGE_SIZE = 50


@dataclass
class Listing:
    # "enrolments", "people", "cohorts", "agreements", "projects", "events", "count_only"
    kind: str
    page: Page[Any] | None
    total: int
    # Cohorts of a satisfaction figure carry their score, respondents and invited people.
    scored: bool = False


def _narrow(
    definition: KpiDefinition, scope: Scope, period: Period, dimension: str, bucket: str
) -> QuerySet[Any]:
    if dimension == "hub" and bucket.isdigit():
        hub_id = int(bucket)
        if scope.hub_ids is not None and hub_id not in scope.hub_ids:
            return definition.rows(scope, period).none()
        scope = Scope(ScopeKind.HUB, frozenset({hub_id}))
        dimension = ""
    rows = definition.rows(scope, period)
    if dimension and dimension in definition.dimensions:
        rows = only_bucket(rows, definition.base, dimension, bucket)
    return rows


def drill_listing(
    definition: KpiDefinition,
    scope: Scope,
    period: Period,
    *,
    dimension: str = "",
    bucket: str = "",
    personal: bool,
    page_number: str | int | None = None,
) -> Listing:
    rows = _narrow(definition, scope, period, dimension, bucket).order_by()
    kind = definition.row_kind
    if kind == RowKind.AGREEMENT:
        agreements = rows.select_related("organisation", "organisation__hub").order_by(
            "-starts_on", "id"
        )
        return _listing("agreements", agreements, page_number)
    if kind == RowKind.PROJECT:
        projects = rows.select_related("organisation", "organisation__hub").order_by(
            "-starts_on", "id"
        )
        return _listing("projects", projects, page_number)
    if kind == RowKind.EVENT:
        return _events(rows, page_number, counts=None)
    if definition.base == "registration" and not personal:
        # Event participants without names: the events, each with its attendances and people.
        counts = {
            row["event_id"]: (row["n"], row["people"])
            for row in rows.values("event_id").annotate(
                n=Count("id"), people=Count("user", distinct=True)
            )
        }
        return _events(Event.objects.filter(pk__in=list(counts)), page_number, counts)
    if definition.base == "project_application" and not personal:
        # Project trainees belong to no cohort: roll-up roles get the count of people.
        return Listing("count_only", None, rows.values("user_id").distinct().count())
    if kind == RowKind.COHORT and definition.base == "cohort":
        listing = _cohorts(rows, page_number, counts=None)
        if definition.name in SCORED:
            _attach_scores(listing)
        return listing
    if definition.base == "person":
        # People counted by another app's rules (jobs): names for operators, a count otherwise.
        people = rows.order_by("name", "id")
        if personal:
            return _listing("people", people, page_number)
        return Listing("count_only", None, people.count())
    if personal and kind == RowKind.PERSON:
        people = (
            User.objects.filter(pk__in=rows.values("user_id"))
            .annotate(n=Count("enrollments", distinct=True))
            .order_by("name", "id")
        )
        return _listing("people", people, page_number)
    if personal:
        enrolments = rows.select_related(
            "user", "cohort", "cohort__course", "cohort__site"
        ).order_by("cohort__starts_on", "cohort_id", "user__name", "id")
        return _listing("enrolments", enrolments, page_number)
    counts = {
        row["cohort_id"]: (row["n"], row["people"])
        for row in rows.values("cohort_id").annotate(
            n=Count("id"), people=Count("user", distinct=True)
        )
    }
    return _cohorts(Cohort.objects.filter(pk__in=list(counts)), page_number, counts)


SCORED = frozenset({"satisfaction", "satisfaction_weighted", "survey_response_rate"})


def _attach_scores(listing: Listing) -> None:
    """Each cohort's 100-point score on the page, by the surveys app's arithmetic (two queries)."""
    if listing.page is None:
        return
    cohorts = list(listing.page.object_list)
    results = cohort_results(c.pk for c in cohorts)
    for cohort in cohorts:
        result = results[cohort.pk]
        cohort.drill_score = scoring.round_half_up(result.score)
        cohort.drill_count = result.respondents
        cohort.drill_people = result.invited
    listing.scored = True


def _events(
    events: QuerySet[Any],
    page_number: str | int | None,
    counts: dict[int, tuple[int, int]] | None,
) -> Listing:
    ordered = events.select_related("hub", "site").order_by("-ends_at", "id")
    listing = _listing("events", ordered, page_number)
    if listing.page is not None:
        for event in listing.page.object_list:
            event.drill_count, event.drill_people = (counts or {}).get(event.pk, (None, None))
    return listing


def _listing(kind: str, queryset: QuerySet[Any], page_number: str | int | None) -> Listing:
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    return Listing(kind, page, page.paginator.count)


def _cohorts(
    cohorts: QuerySet[Any],
    page_number: str | int | None,
    counts: dict[int, tuple[int, int]] | None,
) -> Listing:
    ordered = cohorts.select_related("course", "course__hub", "site").order_by(
        "starts_on", "course__code", "number"
    )
    listing = _listing("cohorts", ordered, page_number)
    if listing.page is not None:
        for cohort in listing.page.object_list:
            n, people = (counts or {}).get(cohort.pk, (None, None))
            cohort.drill_count = n
            cohort.drill_people = people
    return listing
