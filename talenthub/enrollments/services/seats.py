"""The seat ledger. Every change of the seats of a cohort happens with the cohort row locked
(`lock_cohort`), so concurrent admissions queue on that lock; the ledger row's check constraint
(seats_taken <= capacity) refuses an overbooking even if this code were wrong (as in ESP-Website
PR #5032: a row lock, a constraint, and a test of many threads at once)."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F

from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort
from talenthub.enrollments.errors import CohortFullError
from talenthub.enrollments.models import CohortSeats
from talenthub.enrollments.selectors import seat_holders


def lock_cohort(cohort_id: int) -> Cohort:
    """Take the cohort's row lock for the rest of the transaction and return it freshly read."""
    return (
        Cohort.objects.select_for_update(of=("self",))
        .select_related("course", "course__hub")
        .get(pk=cohort_id)
    )


def _ledger(cohort: Cohort) -> CohortSeats:
    """The cohort's ledger, locked; created on first use from the rows that hold seats."""
    ledger = CohortSeats.objects.select_for_update().filter(cohort_id=cohort.pk).first()
    if ledger is None:
        taken = seat_holders(cohort.pk)
        ledger = CohortSeats.objects.create(
            cohort=cohort, capacity=max(cohort.capacity, taken), seats_taken=taken
        )
    return ledger


def free_seats(cohort: Cohort) -> int:
    """Seats free now. Call with the cohort locked for the answer to stay true."""
    return max(cohort.capacity - _ledger(cohort).seats_taken, 0)


def seat_take(*, cohort: Cohort) -> None:
    """Hold one seat of a locked cohort, or raise CohortFullError."""
    ledger = _ledger(cohort)
    if ledger.seats_taken + 1 > cohort.capacity:
        raise CohortFullError
    try:
        with transaction.atomic():
            CohortSeats.objects.filter(pk=cohort.pk).update(
                seats_taken=F("seats_taken") + 1, capacity=cohort.capacity
            )
    except IntegrityError as exc:  # the constraint caught what the check above should have
        raise CohortFullError from exc


def seat_release(*, cohort: Cohort) -> None:
    """Give back one seat of a locked cohort."""
    ledger = _ledger(cohort)
    remaining = max(ledger.seats_taken - 1, 0)
    # If the operator lowered the capacity below the seats still held, the ledger keeps its old
    # capacity until the holders fit; no new seat is handed out meanwhile (seat_take checks).
    capacity = cohort.capacity if remaining <= cohort.capacity else ledger.capacity
    CohortSeats.objects.filter(pk=cohort.pk).update(seats_taken=remaining, capacity=capacity)


@transaction.atomic
def cohort_seats_recount(*, cohort: Cohort) -> CohortSeats:
    """Rebuild a ledger from the rows (after a bulk import that went around the services)."""
    locked = lock_cohort(cohort.pk)
    taken = seat_holders(locked.pk)
    ledger, _ = CohortSeats.objects.update_or_create(
        cohort=locked,
        defaults={"seats_taken": taken, "capacity": max(locked.capacity, taken)},
    )
    return ledger


def accepts_late_entry(cohort: Cohort, today: datetime.date) -> bool:
    """Whether a freed seat is passed on to the waitlist: only before the course is under way."""
    if cohort.status in (CohortStatus.CANCELLED, CohortStatus.FINISHED):
        return False
    return cohort.status in (CohortStatus.PLANNED, CohortStatus.RECRUITING) or (
        today < cohort.starts_on
    )
