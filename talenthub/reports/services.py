"""Writes of the reports app: rollup snapshots and the marks that say which are stale.

A snapshot is recomputed whole, from the KPI functions, for one scope x period; a change to a
record of hub H in year Y makes stale: H's, its consortium's and the nation's year Y, and the
six-year windows that contain Y."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone

from talenthub.courses.models import Cohort, Course
from talenthub.events.models import Event
from talenthub.hubs.models import Consortium, Hub
from talenthub.partners.models import Agreement, Organisation
from talenthub.projects.models import Project
from talenthub.reports.choices import PeriodKind, ScopeKind
from talenthub.reports.kpis import REGISTRY, Figure, Period, Scope, compute_all
from talenthub.reports.models import DirtyMark, RollupValue, Snapshot
from talenthub.surveys.models import Response, Survey

logger = logging.getLogger(__name__)

WINDOW_YEARS = 6
ALL_YEARS = 0
# The breakdowns kept in rollups (the rest are computed on demand by the CLI and drill-downs).
YEAR_DIMENSIONS = {
    ScopeKind.HUB: ("track", "domain", "level", "site", "neet", "job_seeker", "event_kind"),
    ScopeKind.CONSORTIUM: ("hub", "track", "domain", "level", "neet", "job_seeker", "event_kind"),
    ScopeKind.NATION: ("hub", "track", "domain", "level", "neet", "job_seeker", "event_kind"),
}
WINDOW_DIMENSIONS = {ScopeKind.HUB: (), ScopeKind.CONSORTIUM: ("hub",), ScopeKind.NATION: ("hub",)}

# (scope kind, hub or consortium id or None, period kind, year)
Target = tuple[str, int | None, str, int]
Key = tuple[str, str, str]  # (kpi, dimension, bucket)


def period_of(period: str, year: int) -> Period:
    if period == PeriodKind.YEAR:
        return Period.year(year)
    return Period.years(year - WINDOW_YEARS + 1, year)


def rollup_years() -> range:
    """From the first year with a cohort or agreement to the later of this year and the last."""
    this_year = timezone.localdate().year
    cohorts = Cohort.objects.aggregate(first=Min("starts_on"), last=Max("ends_on"))
    agreements = Agreement.objects.aggregate(first=Min("starts_on"), last=Max("starts_on"))
    firsts = [d.year for d in (cohorts["first"], agreements["first"]) if d is not None]
    lasts = [d.year for d in (cohorts["last"], agreements["last"]) if d is not None]
    return range(min([*firsts, this_year]), max([*lasts, this_year]) + 1)


def scope_of(kind: str, owner_id: int | None) -> Scope:
    if kind == ScopeKind.HUB and owner_id is not None:
        return Scope.for_hub(Hub.objects.get(pk=owner_id))
    if kind == ScopeKind.CONSORTIUM and owner_id is not None:
        return Scope.for_consortium(Consortium.objects.get(pk=owner_id))
    return Scope.nation()


def figures_of(kind: str, owner_id: int | None, period: str, year: int) -> dict[Key, Figure]:
    """Every figure a snapshot holds, straight from the KPI engine."""
    scope = scope_of(kind, owner_id)
    span = period_of(period, year)
    wanted = (YEAR_DIMENSIONS if period == PeriodKind.YEAR else WINDOW_DIMENSIONS)[ScopeKind(kind)]
    figures: dict[Key, Figure] = {}
    for name, result in compute_all(scope, span).items():
        figures[(name, "", "")] = result.total
        for bucket, figure in result.by.items():
            figures[(name, str(result.dimension), bucket)] = figure
    for dimension in wanted:
        for name, result in compute_all(scope, span, dimension).items():
            if REGISTRY[name].default_dimension == dimension:
                continue
            for bucket, figure in result.by.items():
                figures[(name, dimension, bucket)] = figure
    return figures


def stored(figure: Figure) -> tuple[Decimal | None, int | None, int | None]:
    """A figure as a rollup row keeps it (4 decimal places), for exact comparison."""
    value = None if figure.value is None else Decimal(figure.value).quantize(_FOUR_PLACES)
    return (value, figure.numerator, figure.denominator)


_FOUR_PLACES = Decimal("0.0001")


def snapshot_refresh(kind: str, owner_id: int | None, period: str, year: int) -> Snapshot:
    figures = figures_of(kind, owner_id, period, year)
    keys = {
        "scope": kind,
        "hub_id": owner_id if kind == ScopeKind.HUB else None,
        "consortium_id": owner_id if kind == ScopeKind.CONSORTIUM else None,
        "period": period,
        "year": year,
    }
    with transaction.atomic():
        # order_by: the model's default ordering joins hubs and consortia (outer joins), and
        # PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
        snapshot = Snapshot.objects.select_for_update().filter(**keys).order_by("pk").first()
        if snapshot is None:
            snapshot = Snapshot.objects.create(**keys, computed_at=timezone.now())
        else:
            snapshot.computed_at = timezone.now()
            snapshot.save(update_fields=["computed_at"])
            snapshot.values.all().delete()
        RollupValue.objects.bulk_create(
            RollupValue(
                snapshot=snapshot,
                kpi=kpi,
                dimension=dimension,
                bucket=bucket,
                value=figure.value,
                numerator=figure.numerator,
                denominator=figure.denominator,
            )
            for (kpi, dimension, bucket), figure in figures.items()
        )
    return snapshot


# --- Which snapshots exist and which a mark makes stale ------------------------------------------


def _owners_of_hub(hub: Hub) -> list[tuple[str, int | None]]:
    owners: list[tuple[str, int | None]] = [(ScopeKind.HUB, hub.pk)]
    if hub.consortium_id is not None:
        owners.append((ScopeKind.CONSORTIUM, hub.consortium_id))
    owners.append((ScopeKind.NATION, None))
    return owners


def _targets_for(
    owners: Iterable[tuple[str, int | None]], years: Iterable[int], span: range
) -> set[Target]:
    targets: set[Target] = set()
    for kind, owner_id in owners:
        for year in years:
            targets.add((kind, owner_id, PeriodKind.YEAR, year))
            for last in range(year, year + WINDOW_YEARS):
                if last in span:
                    targets.add((kind, owner_id, PeriodKind.SIX_YEARS, last))
    return targets


def all_targets(span: range | None = None) -> set[Target]:
    """Every snapshot the dashboards may read: each hub, consortium and the nation, each year."""
    span = span or rollup_years()
    owners: list[tuple[str, int | None]] = [(ScopeKind.NATION, None)]
    owners += [(ScopeKind.HUB, pk) for pk in Hub.objects.values_list("pk", flat=True)]
    owners += [(ScopeKind.CONSORTIUM, pk) for pk in Consortium.objects.values_list("pk", flat=True)]
    return _targets_for(owners, span, span)


def existing_targets() -> set[Target]:
    rows = Snapshot.objects.values_list("scope", "hub_id", "consortium_id", "period", "year")
    return {
        (scope, hub_id or consortium_id, period, year)
        for scope, hub_id, consortium_id, period, year in rows
    }


def missing_targets(span: range) -> set[Target]:
    """Snapshots that should exist and do not: a new hub, or a first cohort in a new year."""
    return all_targets(span) - existing_targets()


def targets_of_marks(marks: Sequence[DirtyMark], span: range) -> set[Target]:
    if any(mark.hub_id is None for mark in marks):
        return all_targets(span)
    hubs = Hub.objects.in_bulk({mark.hub_id for mark in marks})
    targets: set[Target] = set()
    for mark in marks:
        hub = hubs.get(mark.hub_id or 0)
        if hub is None:
            continue
        years = span if mark.year == ALL_YEARS else [mark.year]
        targets |= _targets_for(_owners_of_hub(hub), years, span)
    return targets


# --- From noted changes to marks -----------------------------------------------------------------


def _year(value: object) -> int | None:
    return datetime.date.fromisoformat(value).year if isinstance(value, str) else None


def _ids(by_label: dict[str, list[tuple[Any, dict[str, Any]]]], label: str, field: str) -> set[Any]:
    return {values[field] for _, values in by_label.get(label, []) if values.get(field)}


def marks_of_changes(changes: Iterable[Sequence[Any]]) -> set[tuple[int | None, int]]:
    """(hub id or None for every hub, year or 0 for every year) for what signals.py noted."""
    by_label: dict[str, list[tuple[Any, dict[str, Any]]]] = {}
    for label, pk, values in changes:
        by_label.setdefault(label, []).append((pk, values))
    marks: set[tuple[int | None, int]] = set()

    for pk, values in by_label.get("hubs.Hub", []):
        if values.get("moved"):
            marks.add((None, ALL_YEARS))
        elif values.get("created"):
            marks.add((pk, ALL_YEARS))
    for _pk, values in by_label.get("partners.Organisation", []):
        if (values.get("moved") or values.get("deleted")) and values.get("hub_id"):
            marks.add((values["hub_id"], ALL_YEARS))

    cohort_entries = by_label.get("courses.Cohort", [])
    course_hubs = dict(
        Course.objects.filter(
            pk__in={v["course_id"] for _, v in cohort_entries if v.get("course_id")}
        ).values_list("pk", "hub_id")
    )
    for _pk, values in cohort_entries:
        hub_id = course_hubs.get(values.get("course_id") or 0)
        for field in ("starts_on", "ends_on"):
            year = _year(values.get(field))
            if hub_id is not None and year is not None:
                marks.add((hub_id, year))

    course_entries = by_label.get("courses.Course", [])
    cohort_years: dict[int, set[int]] = {}
    for course_id, starts_on, ends_on in Cohort.objects.filter(
        course_id__in={pk for pk, _ in course_entries}
    ).values_list("course_id", "starts_on", "ends_on"):
        cohort_years.setdefault(course_id, set()).update({starts_on.year, ends_on.year})
    for pk, values in course_entries:
        if values.get("hub_id"):
            marks.update((values["hub_id"], year) for year in cohort_years.get(pk, ()))

    # Enrolments, surveys and their answers, outcomes: through their cohorts' hub and years.
    cohort_ids = _ids(by_label, "enrollments.Enrollment", "cohort_id")
    cohort_ids |= _ids(by_label, "enrollments.Application", "cohort_id")
    cohort_ids |= _ids(by_label, "surveys.Survey", "cohort_id")
    survey_ids = _ids(by_label, "surveys.Response", "survey_id")
    survey_ids |= _ids(by_label, "surveys.Invitation", "survey_id")
    response_ids = _ids(by_label, "surveys.Answer", "response_id")
    if response_ids:
        survey_ids |= set(
            Response.objects.filter(pk__in=response_ids).values_list("survey_id", flat=True)
        )
    if survey_ids:
        cohort_ids |= set(
            Survey.objects.filter(pk__in=survey_ids).values_list("cohort_id", flat=True)
        )
    user_ids = _ids(by_label, "outcomes.Outcome", "user_id")
    cohorts = Cohort.objects.filter(Q(pk__in=cohort_ids) | Q(enrollments__user_id__in=user_ids))
    for hub_id, starts_on, ends_on in cohorts.values_list(
        "course__hub_id", "starts_on", "ends_on"
    ).distinct():
        marks.update({(hub_id, starts_on.year), (hub_id, ends_on.year)})

    # Company projects and their applications: the proposing company's hub, the start year.
    project_entries = by_label.get("projects.Project", [])
    project_ids = _ids(by_label, "projects.ProjectApplication", "project_id")
    for pk, organisation_id, starts_on in Project.objects.filter(pk__in=project_ids).values_list(
        "pk", "organisation_id", "starts_on"
    ):
        project_entries.append(
            (pk, {"organisation_id": organisation_id, "starts_on": starts_on.isoformat()})
        )
    by_label.setdefault("partners.Agreement", []).extend(project_entries)

    # Events and their registrations: the event's hub, the year of the day it ended.
    event_entries = by_label.get("events.Event", [])
    event_ids = _ids(by_label, "events.Registration", "event_id")
    for hub_id, ends_at in Event.objects.filter(pk__in=event_ids).values_list("hub_id", "ends_at"):
        marks.add((hub_id, timezone.localdate(ends_at).year))
    for _pk, values in event_entries:
        year = _year(values.get("ends_at"))
        if values.get("hub_id") and year is not None:
            marks.add((values["hub_id"], year))

    agreement_entries = by_label.get("partners.Agreement", [])
    organisation_hubs = dict(
        Organisation.objects.filter(
            pk__in={v["organisation_id"] for _, v in agreement_entries if v.get("organisation_id")}
        ).values_list("pk", "hub_id")
    )
    for _pk, values in agreement_entries:
        hub_id = organisation_hubs.get(values.get("organisation_id") or 0)
        year = _year(values.get("starts_on"))
        if hub_id is not None and year is not None:
            marks.add((hub_id, year))
    return marks


def rollup_mark(marks: Iterable[tuple[int | None, int]]) -> int:
    """Record hub x year marks as stale (again: a mark already there gets a new time)."""
    now = timezone.now()
    marks = set(marks)
    with transaction.atomic():
        for hub_id, year in marks:
            if hub_id is None:
                DirtyMark.objects.create(hub=None, year=year, marked_at=now)
            else:
                DirtyMark.objects.update_or_create(
                    hub_id=hub_id, year=year, defaults={"marked_at": now}
                )
    return len(marks)


def rollup_refresh_dirty() -> int:
    """Recompute the snapshots that the current marks make stale; returns how many."""
    marks = list(DirtyMark.objects.all())
    if not marks:
        return 0
    span = rollup_years()
    targets = targets_of_marks(marks, span) | missing_targets(span)
    for target in sorted(targets, key=repr):
        snapshot_refresh(*target)
    # A mark touched again while we computed stays for the next run.
    for mark in marks:
        DirtyMark.objects.filter(pk=mark.pk, marked_at=mark.marked_at).delete()
    return len(targets)


def rollup_rebuild() -> int:
    """Recompute every snapshot and drop those of years or scopes that no longer exist."""
    started = timezone.now()
    span = rollup_years()
    targets = all_targets(span)
    for target in sorted(targets, key=repr):
        snapshot_refresh(*target)
    keep = {
        (s.scope, s.hub_id or s.consortium_id, s.period, s.year): s.pk
        for s in Snapshot.objects.all()
    }
    stale = [pk for key, pk in keep.items() if key not in targets]
    Snapshot.objects.filter(pk__in=stale).delete()
    DirtyMark.objects.filter(marked_at__lte=started).delete()
    return len(targets)
