from __future__ import annotations

import datetime
import itertools
import random
from collections import Counter

from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import ApplicationStatus, EnrollmentStatus
from talenthub.enrollments.demo import delete_applications, generate_applications
from talenthub.enrollments.models import (
    Application,
    ApplicationForm,
    CohortSeats,
    Enrollment,
    Notification,
    SelectionDecision,
)
from talenthub.enrollments.selectors import seat_holders
from talenthub.enrollments.tests.helpers import make_cohort, make_user

TODAY = datetime.date(2026, 11, 27)


def _cohorts(world) -> list[Cohort]:
    finished = make_cohort(
        world.hub,
        capacity=10,
        status="finished",
        starts_on=datetime.date(2025, 3, 3),
        ends_on=datetime.date(2025, 6, 27),
    )
    running = make_cohort(
        world.hub,
        capacity=8,
        status="in_progress",
        starts_on=datetime.date(2026, 10, 5),
        ends_on=datetime.date(2027, 1, 29),
    )
    recruiting = make_cohort(
        world.hub,
        capacity=12,
        status="recruiting",
        starts_on=datetime.date(2026, 12, 14),
        ends_on=datetime.date(2027, 3, 12),
    )
    Cohort.objects.filter(pk=recruiting.pk).update(
        applications_open_on=datetime.date(2026, 11, 5),
        applications_close_on=datetime.date(2026, 12, 7),
    )
    # The demo generator writes enrolments with bulk_create and no application; so does this.
    ApplicationForm.objects.filter(cohort__in=[finished, running, recruiting]).delete()
    people = [make_user(birth_date=datetime.date(1998, 1, 1), region="전주시") for _ in range(30)]
    rows = []
    for person in people[:9]:
        rows.append(
            Enrollment(
                cohort=finished,
                user=person,
                enrolled_on=finished.starts_on,
                status=EnrollmentStatus.COMPLETED,
                finished_on=finished.ends_on,
            )
        )
    rows.append(
        Enrollment(
            cohort=finished,
            user=people[9],
            enrolled_on=finished.starts_on,
            status=EnrollmentStatus.DROPPED_OUT,
            finished_on=datetime.date(2025, 4, 1),
            dropout_reason="취업",
        )
    )
    for person in people[10:17]:
        rows.append(Enrollment(cohort=running, user=person, enrolled_on=running.starts_on))
    for person in people[17:22]:
        rows.append(
            Enrollment(
                cohort=recruiting,
                user=person,
                enrolled_on=datetime.date(2026, 11, 20),
                is_neet_at_entry=True,
            )
        )
    Enrollment.objects.bulk_create(rows)
    return [finished, running, recruiting]


def test_every_enrolment_gets_the_admitted_application_it_came_from(world):
    cohorts = _cohorts(world)
    summary = generate_applications(rng=random.Random(7), cohorts=cohorts, today=TODAY)
    for enrolment in Enrollment.objects.filter(cohort__in=cohorts):
        application = Application.objects.get(enrollment=enrolment)
        assert application.status == ApplicationStatus.ADMITTED
        assert application.user_id == enrolment.user_id
        assert application.is_neet == enrolment.is_neet_at_entry
    assert summary.by_status[ApplicationStatus.ADMITTED] == 22
    assert summary.forms == 3


def test_the_recruiting_cohort_has_open_applications_a_waitlist_and_a_live_offer(world):
    cohorts = _cohorts(world)
    summary = generate_applications(rng=random.Random(7), cohorts=cohorts, today=TODAY)
    recruiting = cohorts[2]
    assert summary.live_offer_cohort_id == recruiting.pk
    statuses = Counter(
        Application.objects.filter(cohort=recruiting).values_list("status", flat=True)
    )
    assert statuses[ApplicationStatus.SUBMITTED] >= 1
    assert statuses[ApplicationStatus.WAITLISTED] == 3
    assert statuses[ApplicationStatus.OFFERED] == 1
    offer = Application.objects.get(cohort=recruiting, status=ApplicationStatus.OFFERED)
    seoul = datetime.timezone(datetime.timedelta(hours=9))
    assert offer.offer_expires_at is not None
    assert offer.offer_expires_at > datetime.datetime(2026, 11, 27, 18, tzinfo=seoul)
    positions = list(
        Application.objects.filter(cohort=recruiting, status=ApplicationStatus.WAITLISTED)
        .order_by("waitlist_position")
        .values_list("waitlist_position", flat=True)
    )
    assert positions == [1, 2, 3]
    assert Notification.objects.filter(cohort=recruiting).exists()


def test_ledgers_match_the_rows_and_every_chain_of_decisions_is_whole(world):
    cohorts = _cohorts(world)
    generate_applications(rng=random.Random(3), cohorts=cohorts, today=TODAY)
    for cohort in cohorts:
        ledger = CohortSeats.objects.get(cohort=cohort)
        assert ledger.seats_taken == seat_holders(cohort.pk) <= cohort.capacity
    now = datetime.datetime(2026, 11, 27, 18, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
    for application in Application.objects.filter(cohort__in=cohorts).prefetch_related("decisions"):
        chain = list(application.decisions.all())
        assert chain[0].from_status == ""
        assert chain[-1].to_status == application.status
        for previous, following in itertools.pairwise(chain):
            assert following.from_status == previous.to_status
            assert following.decided_at >= previous.decided_at
        assert chain[-1].decided_at <= now
        assert application.submitted_at <= now


def test_the_same_seed_gives_the_same_applications(world):
    cohorts = _cohorts(world)
    generate_applications(rng=random.Random(11), cohorts=cohorts, today=TODAY)
    first = sorted(Application.objects.filter(cohort__in=cohorts).values_list("user_id", "status"))
    delete_applications(cohort_ids=[c.pk for c in cohorts])
    assert not SelectionDecision.objects.filter(application__cohort__in=cohorts).exists()
    generate_applications(rng=random.Random(11), cohorts=cohorts, today=TODAY)
    again = sorted(Application.objects.filter(cohort__in=cohorts).values_list("user_id", "status"))
    assert first == again


def test_running_it_twice_adds_nothing(world):
    cohorts = _cohorts(world)
    generate_applications(rng=random.Random(1), cohorts=cohorts, today=TODAY)
    count = Application.objects.count()
    generate_applications(rng=random.Random(1), cohorts=cohorts, today=TODAY)
    assert Application.objects.count() == count
