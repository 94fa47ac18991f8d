from __future__ import annotations

import datetime
import threading

import pytest
import time_machine
from django.db import connection

from talenthub.attendance import services, tokens
from talenthub.attendance.choices import EventKind, EventSource
from talenthub.attendance.errors import QrTokenError, ReplayError, SequenceError
from talenthub.attendance.models import AttendanceEvent
from talenthub.attendance.tests.conftest import seoul
from talenthub.core.errors import DomainError


def scan(day, user, kind, at, issued_at=None):
    token = tokens.issue(day.pk, issued_at or at)
    return services.event_record_qr(token=token, user=user, kind=kind, now=at)


def test_trainee_checks_in_with_the_current_code(world, day, enrollment):
    event = scan(day, world["trainee"], EventKind.CHECK_IN, seoul(8, 55))
    assert (event.enrollment, event.kind, event.source) == (enrollment, "check_in", "qr")
    assert event.at == seoul(8, 55)
    assert event.token_window == tokens.window_of(seoul(8, 55))


def test_code_from_the_previous_window_is_accepted(world, day):
    scan(day, world["trainee"], EventKind.CHECK_IN, seoul(9, 0, 59), issued_at=seoul(9, 0, 0))
    assert AttendanceEvent.objects.count() == 1


def test_expired_code_is_refused_with_a_clear_message(world, day):
    with pytest.raises(QrTokenError, match="expired"):
        scan(day, world["trainee"], EventKind.CHECK_IN, seoul(9, 1, 0), issued_at=seoul(9, 0, 0))
    assert AttendanceEvent.objects.count() == 0


def test_code_a_few_seconds_from_the_future_is_tolerated_as_clock_skew(world, day):
    scan(day, world["trainee"], EventKind.CHECK_IN, seoul(9, 0, 28), issued_at=seoul(9, 0, 31))
    assert AttendanceEvent.objects.count() == 1


def test_forged_code_is_refused(world, day):
    token = tokens.issue(day.pk, seoul(9)).replace(f"{day.pk}.", f"{day.pk + 1}.")
    with pytest.raises(QrTokenError, match="not valid"):
        services.event_record_qr(token=token, user=world["trainee"], kind="check_in", now=seoul(9))


def test_code_outside_the_session_hours_is_refused(world, day):
    with pytest.raises(QrTokenError, match="open from 08:00 to 18:30"):
        scan(day, world["trainee"], EventKind.CHECK_IN, seoul(7, 59))


def test_replayed_code_is_refused_and_records_nothing_new(world, day):
    token = tokens.issue(day.pk, seoul(9))
    services.event_record_qr(token=token, user=world["trainee"], kind="check_in", now=seoul(9))
    with pytest.raises(ReplayError, match="already used"):
        services.event_record_qr(
            token=token, user=world["trainee"], kind="check_in", now=seoul(9, 0, 10)
        )
    assert AttendanceEvent.objects.count() == 1


def test_second_check_in_with_a_new_code_is_refused(world, day):
    scan(day, world["trainee"], EventKind.CHECK_IN, seoul(9))
    with pytest.raises(SequenceError, match="already checked in at 09:00"):
        scan(day, world["trainee"], EventKind.CHECK_IN, seoul(9, 5))


def test_full_day_with_an_outing(world, day):
    trainee = world["trainee"]
    scan(day, trainee, EventKind.CHECK_IN, seoul(8, 50))
    scan(day, trainee, EventKind.OUTING_START, seoul(11))
    with pytest.raises(SequenceError, match="return"):
        scan(day, trainee, EventKind.CHECK_OUT, seoul(11, 30))
    scan(day, trainee, EventKind.OUTING_END, seoul(11, 40))
    scan(day, trainee, EventKind.CHECK_OUT, seoul(18, 1))
    assert list(AttendanceEvent.objects.values_list("kind", flat=True).order_by("at")) == [
        "check_in",
        "outing_start",
        "outing_end",
        "check_out",
    ]


def test_check_out_before_check_in_is_refused(world, day):
    with pytest.raises(SequenceError, match="Check in first"):
        scan(day, world["trainee"], EventKind.CHECK_OUT, seoul(18))


def test_someone_not_enrolled_cannot_scan(world, day):
    with pytest.raises(DomainError, match="not enrolled"):
        scan(day, world["outsider"], EventKind.CHECK_IN, seoul(9))


def test_database_refuses_a_second_live_check_in(enrollment, day):
    from django.db import IntegrityError

    AttendanceEvent.objects.create(
        enrollment=enrollment, session_day=day, kind="check_in", at=seoul(9), source="manual"
    )
    with pytest.raises(IntegrityError):
        AttendanceEvent.objects.create(
            enrollment=enrollment, session_day=day, kind="check_in", at=seoul(9, 1), source="manual"
        )


def test_instructor_marks_a_trainee_by_hand(world, day, enrollment):
    event = services.event_record_manual(
        enrollment=enrollment,
        session_day=day,
        kind="check_in",
        at=seoul(9, 20),
        recorded_by=world["instructor"],
    )
    assert (event.source, event.recorded_by, event.token_window) == (
        EventSource.MANUAL,
        world["instructor"],
        None,
    )


def test_hand_mark_must_fall_on_the_session_day(world, day, enrollment):
    with pytest.raises(DomainError, match="fall on the session day"):
        services.event_record_manual(
            enrollment=enrollment,
            session_day=day,
            kind="check_in",
            at=seoul(9, day=5),
            recorded_by=world["instructor"],
        )


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's in-memory test database is shared-cache: threads get 'table is locked'; "
    "the SQLite path is load-tested by bench/attendance_checkins.py against a file database",
)
@pytest.mark.django_db(transaction=True)
def test_ten_simultaneous_double_taps_record_one_check_in(world, day):
    """Ten threads submit the same code at once: exactly one check-in, the rest refused."""
    token = tokens.issue(day.pk, seoul(9))
    outcomes: list[str] = []
    barrier = threading.Barrier(10)

    def tap() -> None:
        barrier.wait()
        try:
            services.event_record_qr(
                token=token, user=world["trainee"], kind="check_in", now=seoul(9)
            )
            outcomes.append("ok")
        except DomainError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=tap) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok"] + ["refused"] * 9
    assert AttendanceEvent.objects.filter(kind="check_in").count() == 1


def test_window_helpers_agree():
    now = datetime.datetime(2025, 3, 4, 0, 0, 30, tzinfo=datetime.UTC)
    assert tokens.window_start(tokens.window_of(now)) == now


def test_scan_uses_the_server_clock_when_no_time_is_given(world, day):
    with time_machine.travel(seoul(9, 2), tick=False):
        token = tokens.issue(day.pk, seoul(9, 2))
        event = services.event_record_qr(token=token, user=world["trainee"], kind="check_in")
    assert event.at == seoul(9, 2)
