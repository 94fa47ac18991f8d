"""Notes which records changed so that the rollups of their hub x year get recomputed.

No domain behaviour here and no queries: `post_init` keeps the few fields that place a record in a
hub and a year (so a cohort moved from 2024 to 2025 refreshes both years), and `post_save` /
`post_delete` add the record's old and new placement to one batch per transaction, which is handed
to the refresh task when the transaction commits. Bulk writes (`QuerySet.update`, `bulk_create`)
send no signals: whoever uses them calls `rollup_rebuild` (the nightly reconciliation catches the
rest, and `kpi-check` reports it)."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.utils import timezone

Entry = tuple[Any, ...]

# Model label → the fields that decide which hub and years its rollups are in.
TRACKED: dict[str, tuple[str, ...]] = {
    "courses.Cohort": ("course_id", "starts_on", "ends_on"),
    "courses.Course": ("hub_id",),
    "enrollments.Enrollment": ("cohort_id",),
    "enrollments.Application": ("cohort_id",),
    "partners.Agreement": ("organisation_id", "starts_on"),
    "partners.Organisation": ("hub_id",),
    "hubs.Hub": ("consortium_id",),
    "surveys.Survey": ("cohort_id",),
    "surveys.Invitation": ("survey_id",),
    "surveys.Response": ("survey_id",),
    "surveys.Answer": ("response_id",),
    "outcomes.Outcome": ("user_id",),
    "projects.Project": ("organisation_id", "starts_on"),
    "projects.ProjectApplication": ("project_id",),
    "events.Event": ("hub_id", "ends_at"),
    "events.Registration": ("event_id",),
}
INITIAL = "_reports_initial"


def _plain(value: object) -> object:
    """JSON-safe: the payload goes through the broker."""
    if isinstance(value, datetime.datetime):
        # The local calendar day: KPIs place an event in the period of the day it ended.
        return timezone.localdate(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _values(instance: models.Model, fields: tuple[str, ...]) -> tuple[tuple[str, object], ...]:
    # __dict__, not getattr: a deferred field must not cost a query here.
    return tuple((field, _plain(instance.__dict__.get(field))) for field in fields)


class _Batch:
    """The changes of one transaction; called once, on commit."""

    def __init__(self) -> None:
        self.entries: set[Entry] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True
        _enqueue(self.entries)


def _enqueue(entries: set[Entry]) -> None:
    from talenthub.reports.tasks import rollups_apply_changes

    payload = [[label, _plain(pk), dict(values)] for label, pk, values in sorted(entries, key=repr)]
    rollups_apply_changes.delay(payload)


def _note(entries: set[Entry], using: str) -> None:
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        _enqueue(entries)
        return
    for pending in connection.run_on_commit:
        # A batch already run (tests run on-commit callbacks without committing) takes no more.
        if isinstance(pending[1], _Batch) and not pending[1].done:
            pending[1].entries |= entries
            return
    batch = _Batch()
    batch.entries |= entries
    transaction.on_commit(batch, using=using)


def _remember(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    setattr(instance, INITIAL, _values(instance, TRACKED[sender._meta.label]))


def _saved(
    sender: type[models.Model],
    instance: models.Model,
    created: bool = False,
    raw: bool = False,
    using: str = "default",
    **kwargs: Any,
) -> None:
    if raw:  # loaddata: fixtures are not changes
        return
    label = sender._meta.label
    current = _values(instance, TRACKED[label])
    initial = getattr(instance, INITIAL, current)
    entries: set[Entry] = {(label, instance.pk, current)}
    if created:
        entries.add((label, instance.pk, (*current, ("created", True))))
    elif initial != current:
        entries.add((label, instance.pk, (*initial, ("moved", True))))
    setattr(instance, INITIAL, current)
    _note(entries, using)


def _deleted(
    sender: type[models.Model], instance: models.Model, using: str = "default", **kwargs: Any
) -> None:
    label = sender._meta.label
    _note({(label, instance.pk, (*_values(instance, TRACKED[label]), ("deleted", True)))}, using)


def connect() -> None:
    for label in TRACKED:
        model = apps.get_model(label)
        uid = f"reports-{label}"
        post_init.connect(_remember, sender=model, dispatch_uid=f"{uid}-init")
        post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}-delete")
