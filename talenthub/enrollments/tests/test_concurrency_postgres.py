"""Many people applying for few seats at the same moment, from separate database connections.

Each worker thread holds its own PostgreSQL connection; a barrier releases them together. The
cohort's row lock orders the admissions and the ledger's CHECK constraint backs it up, so exactly
`capacity` people are admitted every time and everyone else is waitlisted or told why not.
SQLite has no row locks and serialises every writer anyway, so these tests run on PostgreSQL only
(CI runs them there)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.enrollments.choices import ApplicationStatus, OperatorDecision, SelectionMode
from talenthub.enrollments.models import Application, CohortSeats, Enrollment, SelectionDecision
from talenthub.enrollments.selectors import current_consents
from talenthub.enrollments.services import application_decide
from talenthub.enrollments.tests.helpers import form_of, make_cohort, submit
from talenthub.hubs.models import Hub

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

APPLICANTS = 200
SEATS = 30
ROUNDS = 20
FIRST_COME_ROUNDS = 3
# Each thread is one connection; PostgreSQL allows 100 by default, shared with everything else.
THREADS = 40


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("row-lock concurrency needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def hub() -> Hub:
    return Hub.objects.create(code="race", name="동시성 시험 거점", agency="시험기관")


def _people(prefix: str, count: int) -> list[User]:
    password = make_password("pw-Talent-2025!")
    User.objects.bulk_create(
        User(email=f"{prefix}-{n}@race.example.kr", name=f"신청자{n}", password=password)
        for n in range(count)
    )
    return list(User.objects.filter(email__startswith=f"{prefix}-").order_by("id"))


def _run_together(jobs: Sequence[Callable[[], str]]) -> tuple[Counter[str], list[BaseException]]:
    """Run the jobs on THREADS threads, each with its own connection, all starting at once."""
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


def _assert_exactly_full(cohort: Any, *, waitlisted: int) -> None:
    assert Enrollment.objects.filter(cohort=cohort).count() == SEATS
    assert CohortSeats.objects.get(cohort=cohort).seats_taken == SEATS
    positions = sorted(
        position
        for position in Application.objects.filter(
            cohort=cohort, status=ApplicationStatus.WAITLISTED
        ).values_list("waitlist_position", flat=True)
        if position is not None
    )
    assert positions == list(range(1, waitlisted + 1))


def _submitted(cohort: Any, people: list[User]) -> list[Application]:
    """Applications already received (made directly: the admissions are what is under test)."""
    now = timezone.now()
    Application.objects.bulk_create(
        Application(cohort=cohort, user=person, submitted_at=now, status_changed_at=now)
        for person in people
    )
    applications = list(Application.objects.filter(cohort=cohort).order_by("id"))
    SelectionDecision.objects.bulk_create(
        SelectionDecision(
            application=application, from_status="", to_status=ApplicationStatus.SUBMITTED
        )
        for application in applications
    )
    return applications


def test_200_concurrent_admissions_for_30_seats_admit_exactly_30_every_time(hub):
    """Operators admitting 200 applicants at once, twenty times over: 30 admitted, 170 told the
    cohort is full, no other error."""
    operator = _people("operator", 1)[0]
    for round_number in range(1, ROUNDS + 1):
        cohort = make_cohort(hub, capacity=SEATS, mode=SelectionMode.SCREENING)
        applications = _submitted(cohort, _people(f"a{round_number}", APPLICANTS))

        def admit(application: Application) -> str:
            decided = application_decide(
                application=application,
                decision=OperatorDecision.ADMIT,
                actor=operator,
                reason="동시 선발 시험",
            )
            return str(decided.status)

        outcomes, failures = _run_together([partial(admit, a) for a in applications])

        assert failures == [], f"round {round_number}"
        assert outcomes == Counter(
            {
                ApplicationStatus.ADMITTED: SEATS,
                "refused: This cohort is full.": APPLICANTS - SEATS,
            }
        ), f"round {round_number}"
        _assert_exactly_full(cohort, waitlisted=0)
        still_waiting = Application.objects.filter(
            cohort=cohort, status=ApplicationStatus.SUBMITTED
        ).count()
        assert still_waiting == APPLICANTS - SEATS


def test_200_concurrent_first_come_applications_fill_30_seats_and_queue_the_rest(hub):
    """The whole submission (form, consents, eligibility, mail) by 200 people at once."""
    for round_number in range(1, FIRST_COME_ROUNDS + 1):
        cohort = make_cohort(hub, capacity=SEATS, mode=SelectionMode.FIRST_COME)
        people = _people(f"f{round_number}", APPLICANTS)
        jobs = [partial(_apply_status, cohort, person) for person in people]

        outcomes, failures = _run_together(jobs)

        assert failures == [], f"round {round_number}"
        assert outcomes == Counter(
            {ApplicationStatus.ADMITTED: SEATS, ApplicationStatus.WAITLISTED: APPLICANTS - SEATS}
        ), f"round {round_number}"
        _assert_exactly_full(cohort, waitlisted=APPLICANTS - SEATS)
        decisions = SelectionDecision.objects.filter(application__cohort=cohort).count()
        assert decisions == 2 * APPLICANTS


def test_concurrent_http_applications_and_double_submits_never_overbook(hub):
    """Through the view: 40 people post the form at once, ten of them twice (a double click)."""
    capacity = 10
    cohort = make_cohort(hub, capacity=capacity, mode=SelectionMode.FIRST_COME)
    people = _people("web", 40)
    data = {
        "action": "submit",
        "birth_date": "1999-04-01",
        "region": "전주시",
        "is_job_seeker": "yes",
        "is_neet": "no",
    }
    data.update({f"consent_{text.pk}": "yes" for text in current_consents(form_of(cohort))})
    url = reverse("enrollments:apply", args=[cohort.pk])
    clients = []
    for person in people:
        client = Client()
        client.force_login(person)
        clients.append(client)
    for person in people[:10]:  # a second tab: its own session, the same person
        client = Client()
        client.force_login(person)
        clients.append(client)
    jobs = [partial(_post, client, url, data) for client in clients]

    outcomes, failures = _run_together(jobs)

    assert failures == []
    assert outcomes == Counter({"302": len(jobs)})
    assert Application.objects.filter(cohort=cohort).count() == len(people)
    assert Enrollment.objects.filter(cohort=cohort).count() == capacity
    assert CohortSeats.objects.get(cohort=cohort).seats_taken == capacity
    assert Application.objects.filter(
        cohort=cohort, status=ApplicationStatus.WAITLISTED
    ).count() == (len(people) - capacity)


def _apply_status(cohort: Any, person: User) -> str:
    return str(submit(cohort, person).application.status)


def _post(client: Client, url: str, data: dict[str, str]) -> str:
    response = client.post(url, data)
    return str(response.status_code)
