"""Operator corrections (직권 입력): a reason is required and the day is kept before and after."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.attendance import rules
from talenthub.attendance.choices import EventKind, EventSource, ExcuseCategory
from talenthub.attendance.models import AttendanceCorrection, AttendanceEvent, ExcusedAbsence
from talenthub.attendance.selectors.progress import trainee_day_record
from talenthub.attendance.selectors.records import local_zone
from talenthub.core.errors import DomainError
from talenthub.courses.models import SessionDay
from talenthub.enrollments.models import Enrollment


@dataclass(frozen=True)
class Excuse:
    category: str
    reason: str
    evidence: UploadedFile[Any] | None = None
    # Where the evidence is kept when it is not uploaded here: an import from HRD-Net's records
    # brings the excused days, not the documents. Named in the correction's reason.
    evidence_elsewhere: str = ""


@dataclass(frozen=True)
class DayFix:
    """The day as the operator says it was (local clock times on the session day)."""

    check_in: datetime.time | None = None
    check_out: datetime.time | None = None
    outings: tuple[tuple[datetime.time, datetime.time | None], ...] = ()
    excuse: Excuse | None = None


def _iso(value: datetime.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def snapshot(record: rules.DayRecord, excused: ExcusedAbsence | None) -> dict[str, Any]:
    return {
        "check_in": _iso(record.check_in),
        "check_out": _iso(record.check_out),
        "outings": [[_iso(o.start), _iso(o.end)] for o in record.outings],
        "excused": ({"category": excused.category, "reason": excused.reason} if excused else None),
    }


@transaction.atomic
def day_correct(
    *,
    enrollment: Enrollment,
    session_day: SessionDay,
    fix: DayFix,
    reason: str,
    corrected_by: User,
) -> AttendanceCorrection:
    """Replace a trainee's day: the day's live events are voided and the fixed ones added."""
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give the reason for this correction."), field="reason")
    if enrollment.cohort_id != session_day.cohort_id:
        raise DomainError(_("This trainee is not in this cohort."), field="enrollment")
    if fix.check_in and fix.check_out and fix.check_out <= fix.check_in:
        raise DomainError(_("Check-out must come after check-in."), field="check_out")
    if fix.excuse is not None:
        if fix.excuse.category not in ExcuseCategory.values:
            raise DomainError(_("Choose the kind of excused absence."), field="excuse_category")
        if not fix.excuse.reason.strip():
            raise DomainError(_("Describe the excused absence."), field="excuse_reason")
    locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    current_excuse = ExcusedAbsence.objects.filter(
        enrollment=locked, session_day=session_day
    ).first()
    if (
        fix.excuse is not None
        and fix.excuse.evidence is None
        and not fix.excuse.evidence_elsewhere.strip()
        and not (current_excuse and current_excuse.evidence)
    ):
        raise DomainError(_("Attach the evidence for the excused absence."), field="evidence")
    before = snapshot(trainee_day_record(locked, session_day), current_excuse)

    zone = local_zone()

    def at(value: datetime.time) -> datetime.datetime:
        return datetime.datetime.combine(session_day.date, value, tzinfo=zone)

    scans: list[tuple[str, datetime.datetime]] = []
    if fix.check_in:
        scans.append((EventKind.CHECK_IN, at(fix.check_in)))
    if fix.check_out:
        scans.append((EventKind.CHECK_OUT, at(fix.check_out)))
    for start, end in fix.outings:
        scans.append((EventKind.OUTING_START, at(start)))
        if end is not None:
            scans.append((EventKind.OUTING_END, at(end)))

    if fix.excuse is not None and fix.excuse.evidence_elsewhere.strip():
        reason = _("%(reason)s (evidence of the excused absence: %(where)s)") % {
            "reason": reason,
            "where": fix.excuse.evidence_elsewhere.strip(),
        }
    correction = AttendanceCorrection.objects.create(
        enrollment=locked,
        session_day=session_day,
        reason=reason,
        before=before,
        after={},
        corrected_by=corrected_by,
    )
    AttendanceEvent.objects.filter(
        enrollment=locked, session_day=session_day, voided_by__isnull=True
    ).update(voided_by=correction)
    AttendanceEvent.objects.bulk_create(
        AttendanceEvent(
            enrollment=locked,
            session_day=session_day,
            kind=kind,
            at=when,
            source=EventSource.CORRECTION,
            recorded_by=corrected_by,
        )
        for kind, when in scans
    )
    excused = _apply_excuse(locked, session_day, fix.excuse, current_excuse, corrected_by)
    correction.after = snapshot(trainee_day_record(locked, session_day), excused)
    correction.save(update_fields=["after"])
    return correction


def _apply_excuse(
    enrollment: Enrollment,
    day: SessionDay,
    excuse: Excuse | None,
    current: ExcusedAbsence | None,
    by: User,
) -> ExcusedAbsence | None:
    if excuse is None:
        if current is not None:
            current.delete()
        return None
    row = current or ExcusedAbsence(enrollment=enrollment, session_day=day)
    row.category = excuse.category
    row.reason = excuse.reason.strip()
    row.recorded_by = by
    if excuse.evidence is not None:
        row.evidence = excuse.evidence
    row.save()
    return row
