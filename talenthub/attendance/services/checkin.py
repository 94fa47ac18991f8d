"""Recording scans and hand marks. Each write locks the enrolment row, so one trainee's actions
queue; unique keys on AttendanceEvent make double taps and replays harmless even without it."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.attendance import rules, tokens
from talenthub.attendance.choices import EventKind, EventSource
from talenthub.attendance.errors import (
    NotEnrolledError,
    QrTokenError,
    ReplayError,
    SequenceError,
)
from talenthub.attendance.models import AttendanceEvent
from talenthub.attendance.selectors.progress import trainee_day_record
from talenthub.attendance.selectors.records import scan_window
from talenthub.core.errors import DomainError
from talenthub.courses.models import SessionDay
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment


def _clock(at: datetime.datetime) -> str:
    return formats.time_format(timezone.localtime(at), "H:i")


def _check_sequence(record: rules.DayRecord, kind: str) -> None:
    """Refuse an action that does not follow from the day's scans so far."""
    open_outing = any(o.end is None for o in record.outings)
    if kind == EventKind.CHECK_IN and record.check_in is not None:
        raise SequenceError(
            _("You already checked in at %(time)s.") % {"time": _clock(record.check_in)}
        )
    if kind != EventKind.CHECK_IN and record.check_in is None:
        raise SequenceError(_("Check in first."))
    if record.check_out is not None and kind != EventKind.CHECK_IN:
        raise SequenceError(
            _("You already checked out at %(time)s.") % {"time": _clock(record.check_out)}
        )
    if kind == EventKind.OUTING_START and open_outing:
        raise SequenceError(_("You are already out. Record your return first."))
    if kind == EventKind.OUTING_END and not open_outing:
        raise SequenceError(_("No outing has been started."))
    if kind == EventKind.CHECK_OUT and open_outing:
        raise SequenceError(_("Record your return from the outing before checking out."))


def _lock(enrollment_id: int) -> Enrollment:
    return Enrollment.objects.select_for_update().get(pk=enrollment_id)


def _insert(event: AttendanceEvent, record: rules.DayRecord) -> AttendanceEvent:
    try:
        with transaction.atomic():
            event.save()
    except IntegrityError as exc:
        if event.token_window is not None:
            raise ReplayError(
                _("This code was already used for this action. Your record is unchanged.")
            ) from exc
        _check_sequence(record, event.kind)
        raise
    return event


def scan_claim(*, token: str, user: User, now: datetime.datetime) -> tuple[SessionDay, int, int]:
    """Check a scanned code for this user now, without writing: (day, enrolment id, window)."""
    claim = tokens.verify(token, now)
    day = SessionDay.objects.select_related("cohort").filter(pk=claim.session_day_id).first()
    if day is None:
        raise QrTokenError(
            _("This code is not valid. Scan the code on the classroom screen again.")
        )
    opens, closes = scan_window(day)
    if not opens <= now <= closes:
        raise QrTokenError(
            _("Scanning for this session day is open from %(opens)s to %(closes)s.")
            % {"opens": _clock(opens), "closes": _clock(closes)}
        )
    enrollment_id = (
        Enrollment.objects.filter(
            cohort_id=day.cohort_id, user_id=user.pk, status=EnrollmentStatus.ENROLLED
        )
        .values_list("pk", flat=True)
        .first()
    )
    if enrollment_id is None:
        raise NotEnrolledError(_("You are not enrolled in this cohort."))
    return day, enrollment_id, claim.window


@transaction.atomic
def event_record_qr(
    *, token: str, user: User, kind: str, now: datetime.datetime | None = None
) -> AttendanceEvent:
    """A trainee's own scan of the classroom code."""
    now = now or timezone.now()
    if kind not in EventKind.values:
        raise DomainError(_("Unknown action."), field="kind")
    day, enrollment_id, window = scan_claim(token=token, user=user, now=now)
    enrollment = _lock(enrollment_id)
    if AttendanceEvent.objects.filter(
        enrollment=enrollment, session_day=day, kind=kind, token_window=window
    ).exists():
        raise ReplayError(
            _("This code was already used for this action. Your record is unchanged.")
        )
    record = trainee_day_record(enrollment, day)
    _check_sequence(record, kind)
    event = AttendanceEvent(
        enrollment=enrollment,
        session_day=day,
        kind=kind,
        at=now,
        source=EventSource.QR,
        recorded_by=user,
        token_window=window,
    )
    return _insert(event, record)


@transaction.atomic
def event_record_manual(
    *,
    enrollment: Enrollment,
    session_day: SessionDay,
    kind: str,
    at: datetime.datetime,
    recorded_by: User,
) -> AttendanceEvent:
    """An instructor's hand mark for a trainee on a day of their cohort."""
    if enrollment.cohort_id != session_day.cohort_id:
        raise DomainError(_("This trainee is not in this cohort."), field="enrollment")
    if enrollment.status != EnrollmentStatus.ENROLLED:
        raise DomainError(_("This enrolment has already ended."), field="enrollment")
    if timezone.localtime(at).date() != session_day.date:
        raise DomainError(_("The time must fall on the session day."), field="at")
    if kind not in EventKind.values:
        raise DomainError(_("Unknown action."), field="kind")
    locked = _lock(enrollment.pk)
    record = trainee_day_record(locked, session_day)
    _check_sequence(record, kind)
    event = AttendanceEvent(
        enrollment=locked,
        session_day=session_day,
        kind=kind,
        at=at,
        source=EventSource.MANUAL,
        recorded_by=recorded_by,
    )
    return _insert(event, record)
