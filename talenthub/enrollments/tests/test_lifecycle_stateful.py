"""Hypothesis drives applications through random sequences of every action an applicant, an
operator or the clock can take, and checks the invariants after each step:

- the seats held (enrolments not dropped out, plus open offers) never exceed the capacity, and the
  ledger agrees with the rows;
- the waitlist keeps the order people joined it, and a freed seat goes to its head;
- every status change is in the decision log, and the log's last entry is the current status;
- admitted applications, and only they, point at an enrolment; under first come, first served
  nobody waits while a seat is free."""

from __future__ import annotations

import contextlib
import datetime
import itertools
import os

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from talenthub.core.errors import DomainError
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import (
    ApplicationStatus,
    EnrollmentStatus,
    OperatorDecision,
    SelectionMode,
)
from talenthub.enrollments.models import Application, CohortSeats, Enrollment, SelectionDecision
from talenthub.enrollments.selectors import seat_holders
from talenthub.enrollments.services import (
    application_decide,
    application_withdraw,
    applications_decide,
    enrollment_finish,
    offer_accept,
    offer_decline,
    offers_lapse_expired,
    waitlist_fill,
)
from talenthub.enrollments.tests.helpers import declaration, make_cohort, make_user, submit
from talenthub.hubs.models import Hub

SEOUL = datetime.timezone(datetime.timedelta(hours=9))
_hubs = itertools.count(1)


class ApplicationLifecycle(RuleBasedStateMachine):
    applications = Bundle("applications")

    @initialize(capacity=st.integers(min_value=1, max_value=4), screening=st.booleans())
    def open_cohort(self, capacity: int, screening: bool) -> None:
        hub = Hub.objects.create(code=f"sm{next(_hubs)}", name="상태기계", agency="테스트")
        mode = SelectionMode.SCREENING if screening else SelectionMode.FIRST_COME
        self.cohort = make_cohort(hub, capacity=capacity, mode=mode, offer_hours=24)
        self.screening = screening
        self.operator = make_user()
        self.now = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=SEOUL)
        self.step = 0
        self.joined_at_step: dict[int, int] = {}
        self.before: dict[int, tuple[str, int | None]] = {}
        self.over_capacity_limit = 0

    def _tick(self) -> datetime.datetime:
        self.now += datetime.timedelta(minutes=1)
        return self.now

    def _application(self, application_id: int) -> Application:
        return Application.objects.select_related("user", "enrollment").get(pk=application_id)

    @rule(target=applications)
    def apply(self) -> int:
        result = submit(self.cohort, make_user(), declaration=declaration(), now=self._tick())
        return result.application.pk

    @rule(application_id=applications)
    def apply_again(self, application_id: int) -> None:
        application = self._application(application_id)
        try:
            result = submit(self.cohort, application.user, now=self._tick())
        except DomainError:
            assert application.status == ApplicationStatus.WITHDRAWN
            return
        assert result.created is False
        assert result.application.pk == application_id

    @rule(
        application_id=applications,
        decision=st.sampled_from(list(OperatorDecision)),
    )
    def decide(self, application_id: int, decision: OperatorDecision) -> None:
        application = self._application(application_id)
        with contextlib.suppress(DomainError):  # refusals are part of the game
            application_decide(
                application=application,
                decision=decision,
                actor=self.operator,
                reason="심사 결과",
                now=self._tick(),
            )

    @rule(
        ids=st.lists(applications, min_size=1, max_size=5, unique=True),
        decision=st.sampled_from(list(OperatorDecision)),
    )
    def decide_in_bulk(self, ids: list[int], decision: OperatorDecision) -> None:
        applications_decide(
            cohort=self.cohort,
            application_ids=ids,
            decision=decision,
            actor=self.operator,
            reason="일괄 심사",
            now=self._tick(),
        )

    @rule(application_id=applications)
    def withdraw(self, application_id: int) -> None:
        application = self._application(application_id)
        with contextlib.suppress(DomainError):
            application_withdraw(application=application, actor=application.user, now=self._tick())

    @rule(application_id=applications, accept=st.booleans())
    def answer_offer(self, application_id: int, accept: bool) -> None:
        application = self._application(application_id)
        respond = offer_accept if accept else offer_decline
        try:
            respond(application=application, actor=application.user, now=self._tick())
        except DomainError:
            assert application.status != ApplicationStatus.OFFERED or accept

    @rule(hours=st.integers(min_value=1, max_value=30))
    def time_passes(self, hours: int) -> None:
        self.now += datetime.timedelta(hours=hours)
        offers_lapse_expired(now=self.now)

    @rule(application_id=applications)
    def drop_out(self, application_id: int) -> None:
        application = self._application(application_id)
        enrolment = application.enrollment
        if enrolment is None or enrolment.status != EnrollmentStatus.ENROLLED:
            return
        enrollment_finish(
            enrollment=enrolment,
            status=EnrollmentStatus.DROPPED_OUT,
            finished_on=enrolment.enrolled_on,
            dropout_reason="개인 사정",
            now=self._tick(),
        )

    @rule(capacity=st.integers(min_value=1, max_value=5))
    def operator_changes_capacity(self, capacity: int) -> None:
        Cohort.objects.filter(pk=self.cohort.pk).update(capacity=capacity)
        self.cohort.refresh_from_db()
        held = seat_holders(self.cohort.pk)
        self.over_capacity_limit = held if held > capacity else 0
        waitlist_fill(cohort=self.cohort, now=self._tick())

    # --- invariants -------------------------------------------------------------------------

    @invariant()
    def seats_never_exceed_capacity_and_the_ledger_agrees(self) -> None:
        if not hasattr(self, "cohort"):
            return
        held = seat_holders(self.cohort.pk)
        ledger = CohortSeats.objects.filter(cohort=self.cohort).first()
        assert (ledger.seats_taken if ledger else 0) == held
        assert ledger is None or ledger.seats_taken <= ledger.capacity
        capacity = Cohort.objects.get(pk=self.cohort.pk).capacity
        if held > capacity:
            # Only after the operator lowered the capacity below the seats already held; then no
            # seat is handed out until the holders fit again.
            assert held <= self.over_capacity_limit
            self.over_capacity_limit = held
        else:
            self.over_capacity_limit = 0

    @invariant()
    def waitlist_order_is_kept_and_offers_go_to_the_head(self) -> None:
        if not hasattr(self, "cohort"):
            return
        self.step += 1
        rows = list(
            Application.objects.filter(cohort=self.cohort).values_list(
                "pk", "status", "waitlist_position"
            )
        )
        now_state = {pk: (status, position) for pk, status, position in rows}
        for pk, (status, _position) in now_state.items():
            if (
                status == ApplicationStatus.WAITLISTED
                and self.before.get(pk, ("", None))[0] != status
            ):
                self.joined_at_step[pk] = self.step
        queue = sorted(
            (position, pk)
            for pk, (status, position) in now_state.items()
            if status == ApplicationStatus.WAITLISTED
        )
        joined = [self.joined_at_step[pk] for _position, pk in queue]
        assert joined == sorted(joined), "someone who joined later is ahead in the queue"
        still_waiting = [
            self.before[pk][1]
            for _position, pk in queue
            if self.before.get(pk, ("", None))[0] == ApplicationStatus.WAITLISTED
        ]
        for pk, (status, _position) in now_state.items():
            before_status, before_position = self.before.get(pk, ("", None))
            if (
                status == ApplicationStatus.OFFERED
                and before_status == ApplicationStatus.WAITLISTED
                and before_position is not None
            ):
                assert all(before_position < other for other in still_waiting if other is not None)
        self.before = now_state

    @invariant()
    def every_status_change_is_in_the_decision_log(self) -> None:
        if not hasattr(self, "cohort"):
            return
        log: dict[int, list[tuple[str, str]]] = {}
        for application_id, from_status, to_status in (
            SelectionDecision.objects.filter(application__cohort=self.cohort)
            .order_by("decided_at", "id")
            .values_list("application_id", "from_status", "to_status")
        ):
            log.setdefault(application_id, []).append((from_status, to_status))
        for application in Application.objects.filter(cohort=self.cohort):
            chain = log[application.pk]
            assert chain[0] == ("", ApplicationStatus.SUBMITTED)
            for (_, previous_to), (next_from, _) in itertools.pairwise(chain):
                assert next_from == previous_to
            assert chain[-1][1] == application.status

    @invariant()
    def admissions_and_enrolments_match(self) -> None:
        if not hasattr(self, "cohort"):
            return
        for application in Application.objects.filter(cohort=self.cohort):
            if application.status == ApplicationStatus.ADMITTED:
                assert application.enrollment_id is not None
            else:
                assert application.enrollment_id is None
        linked = Application.objects.filter(cohort=self.cohort, enrollment__isnull=False).count()
        assert Enrollment.objects.filter(cohort=self.cohort).count() == linked

    @invariant()
    def first_come_nobody_waits_while_a_seat_is_free(self) -> None:
        if not hasattr(self, "cohort") or self.screening:
            return
        waiting = Application.objects.filter(
            cohort=self.cohort, status=ApplicationStatus.WAITLISTED
        ).exists()
        capacity = Cohort.objects.get(pk=self.cohort.pk).capacity
        if waiting:
            assert seat_holders(self.cohort.pk) >= capacity


@pytest.mark.django_db
def test_the_application_lifecycle_keeps_its_invariants():
    run_state_machine_as_test(
        ApplicationLifecycle,
        settings=settings(
            # A longer hunt: LIFECYCLE_EXAMPLES=500 pytest talenthub/enrollments -k lifecycle
            max_examples=int(os.environ.get("LIFECYCLE_EXAMPLES", "40")),
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,
        ),
    )
