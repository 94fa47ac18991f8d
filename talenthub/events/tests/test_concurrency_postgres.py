"""Many people registering for few seats at the same moment, from separate connections.

The event's row lock orders the registrations and the ledger's CHECK constraint backs it up:
exactly `capacity` people get a seat, everyone else is waitlisted in order, and cancellations
racing with registrations never hand out a seat twice. PostgreSQL only (SQLite has no row locks)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial

import pytest
from django.db import connection

from talenthub.core.errors import DomainError
from talenthub.events import services
from talenthub.events.models import EventSeats, Registration
from talenthub.events.tests.helpers import NOW, make_event, people
from talenthub.hubs.models import Hub

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 120
SEATS = 25
ROUNDS = 5
THREADS = 30


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row-lock concurrency needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def hub() -> Hub:
    return Hub.objects.create(code="race", name="동시성 시험 거점", agency="시험기관")


def _run_together(jobs: Sequence[Callable[[], str]]) -> tuple[Counter[str], list[BaseException]]:
    barrier = threading.Barrier(THREADS)
    outcomes: Counter[str] = Counter()
    failures: list[BaseException] = []
    guard = threading.Lock()

    def worker(chunk: list[Callable[[], str]]) -> None:
        try:
            barrier.wait(timeout=60)
            for job in chunk:
                try:
                    outcome = job()
                except DomainError as refusal:
                    outcome = f"refused: {refusal.message}"
                with guard:
                    outcomes[outcome] += 1
        except BaseException as error:  # anything else is a server error: the test fails on it
            with guard:
                failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(jobs[i::THREADS],)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return outcomes, failures


def _register(event, person) -> str:
    return str(services.registration_register(event=event, user=person, now=NOW).status)


def test_120_concurrent_registrations_for_25_seats_seat_exactly_25_every_time(hub):
    for round_number in range(1, ROUNDS + 1):
        event = make_event(hub, capacity=SEATS)
        crowd = people(f"r{round_number}", PEOPLE)

        outcomes, failures = _run_together([partial(_register, event, p) for p in crowd])

        assert failures == [], f"round {round_number}"
        assert outcomes == Counter({"registered": SEATS, "waitlisted": PEOPLE - SEATS})
        assert EventSeats.objects.get(event=event).seats_taken == SEATS
        assert Registration.objects.filter(event=event, status="registered").count() == SEATS


def test_cancellations_racing_with_registrations_never_overbook(hub):
    event = make_event(hub, capacity=SEATS)
    holders = people("holder", SEATS)
    for person in holders:
        _register(event, person)
    newcomers = people("newcomer", PEOPLE - SEATS)
    held = list(Registration.objects.filter(event=event).order_by("id"))

    def cancel(registration) -> str:
        services.registration_cancel(registration=registration, now=NOW)
        return "cancelled"

    jobs = [partial(cancel, r) for r in held[:10]] + [
        partial(_register, event, p) for p in newcomers
    ]

    outcomes, failures = _run_together(jobs)

    assert failures == []
    assert outcomes["cancelled"] == 10
    assert EventSeats.objects.get(event=event).seats_taken == SEATS
    assert Registration.objects.filter(event=event, status="registered").count() == SEATS
    assert Registration.objects.filter(event=event, status="waitlisted").count() == (
        PEOPLE - SEATS - 10
    )
