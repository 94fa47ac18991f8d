"""Exports of attendance: each trainee's rate, each trainee's days (the 출결 format, so the
sheet can go to HRD-Net or come back as an import), and completion with certificates. A constant
number of queries for a hub."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talenthub.attendance import rules
from talenthub.attendance.choices import DayStatusChoice
from talenthub.attendance.models import ExcusedAbsence
from talenthub.attendance.selectors import books_for, policies_for
from talenthub.enrollments.models import Enrollment
from talenthub.exchange.choices import ExportPurpose as P
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record
from talenthub.exchange.exports.people import (
    COHORT,
    IDENTIFIED,
    PERSON,
    cohort_fields,
    in_cohort,
    in_cohorts,
    person_fields,
)
from talenthub.exchange.importers.vocabulary import ENROLMENT_STATUS
from talenthub.hubs.models import Hub


def _enrolments(hub: Hub, cohort: int | None) -> list[Enrollment]:
    return list(
        in_cohort(Enrollment.objects.filter(cohort__course__hub=hub), cohort)
        .select_related("cohort__course", "user")
        .order_by("cohort__course__code", "cohort__number", "user__name", "id")
    )


def _rates(hub: Hub, cohort: int | None = None) -> Iterable[Record]:
    enrolments = _enrolments(hub, cohort)
    books = books_for(enrolments)
    policies = policies_for({e.cohort_id: e.cohort for e in enrolments}.values())
    now = timezone.now()
    for enrolment in enrolments:
        policy = policies[enrolment.cohort_id]
        summary = rules.summarise(books[enrolment.pk].closed_results(policy, now), policy)
        yield {
            **cohort_fields(enrolment),
            **person_fields(enrolment.user),
            "percent": summary.percent,
            "attended": summary.attended_days,
            "training_days": summary.training_days,
            "absent": summary.absent_days,
            "infractions": summary.infractions,
            "excused": summary.excused_days,
        }


RATES = Dataset(
    key="attendance",
    title=_("Attendance rates"),
    columns=(
        *COHORT,
        *PERSON,
        ExportColumn("percent", _("attendance rate (%)")),
        ExportColumn("attended", _("days attended")),
        ExportColumn("training_days", _("training days so far")),
        ExportColumn("absent", _("absences")),
        ExportColumn("infractions", _("late, early leave or outing")),
        ExportColumn("excused", _("excused days")),
    ),
    records=_rates,
    filters=("cohort",),
    purposes=in_cohorts(
        {
            P.HRD_NET: (
                "name",
                "birth_date",
                "percent",
                "attended",
                "training_days",
                "absent",
                "excused",
            ),
            P.CONTACT: (*IDENTIFIED, "percent"),
            P.FUNDER_REPORT: ("person", "percent", "attended", "training_days"),
            P.STATISTICS: (
                "person",
                "gender",
                "birth_year",
                "percent",
                "attended",
                "training_days",
                "absent",
                "infractions",
                "excused",
            ),
        }
    ),
)


def _clock(value: datetime.datetime | None) -> str:
    return timezone.localtime(value).strftime("%H:%M") if value else ""


def _days(hub: Hub, cohort: int | None = None) -> Iterable[Record]:
    enrolments = _enrolments(hub, cohort)
    books = books_for(enrolments)
    policies = policies_for({e.cohort_id: e.cohort for e in enrolments}.values())
    excuses = {
        (e.enrollment_id, e.session_day_id): e.reason
        for e in ExcusedAbsence.objects.filter(enrollment__in=enrolments).only(
            "enrollment_id", "session_day_id", "reason"
        )
    }
    now = timezone.now()
    for enrolment in enrolments:
        policy = policies[enrolment.cohort_id]
        for day, record in books[enrolment.pk].days:
            status = ""
            if record.ends_at <= now:
                status = str(DayStatusChoice(rules.day_status(record, policy).status.value).label)
            outing = record.outings[0] if record.outings else None
            yield {
                **cohort_fields(enrolment),
                **person_fields(enrolment.user),
                "contact": enrolment.user.mobile or enrolment.user.email,
                "date": day.date,
                "check_in": _clock(record.check_in),
                "check_out": _clock(record.check_out),
                "outing_start": _clock(outing.start) if outing else "",
                "outing_end": _clock(outing.end) if outing else "",
                "excuse": excuses.get((enrolment.pk, day.pk), ""),
                "status": status,
            }


DAYS = Dataset(
    key="attendance_days",
    title=_("Attendance by day"),
    columns=(
        *COHORT,
        *PERSON,
        ExportColumn("contact", "휴대전화 또는 이메일", personal=True),
        ExportColumn("date", "일자"),
        ExportColumn("check_in", "입실"),
        ExportColumn("check_out", "퇴실"),
        ExportColumn("outing_start", "외출시작"),
        ExportColumn("outing_end", "외출종료"),
        ExportColumn("excuse", "공가사유", personal=True),
        ExportColumn("status", _("status of the day")),
    ),
    records=_days,
    filters=("cohort",),
    purposes=in_cohorts(
        {
            P.HRD_NET: (
                "name",
                "contact",
                "date",
                "check_in",
                "check_out",
                "outing_start",
                "outing_end",
                "excuse",
                "status",
            ),
            P.STATISTICS: ("person", "date", "status"),
        }
    ),
)


def _completion(hub: Hub, cohort: int | None = None) -> Iterable[Record]:
    """Each enrolment's recorded completion decision and certificate (the completion page's
    verdicts of running cohorts are a preview, recomputed per cohort: not exported)."""
    enrolments = (
        in_cohort(Enrollment.objects.filter(cohort__course__hub=hub), cohort)
        .select_related("cohort__course", "user", "completion_decision", "certificate")
        .order_by("cohort__course__code", "cohort__number", "user__name", "id")
    )
    for enrolment in enrolments:
        decision = getattr(enrolment, "completion_decision", None)
        certificate = getattr(enrolment, "certificate", None)
        yield {
            **cohort_fields(enrolment),
            **person_fields(enrolment.user),
            "status": ENROLMENT_STATUS.word(enrolment.status),
            "finished_on": enrolment.finished_on,
            "decision": str(decision.get_outcome_display()) if decision else "",
            "decided_percent": decision.attendance_percent if decision else None,
            "overridden": ("Y" if decision.overridden else "N") if decision else "",
            "override_reason": decision.override_reason if decision else "",
            "certificate": certificate.number if certificate else "",
            "issued_at": certificate.issued_at if certificate else None,
            "revoked_at": certificate.revoked_at if certificate else None,
            "revoke_reason": certificate.revoke_reason if certificate else "",
        }


COMPLETION = Dataset(
    key="completion",
    title=_("Completion and certificates"),
    columns=(
        *COHORT,
        *PERSON,
        ExportColumn("status", "상태"),
        ExportColumn("finished_on", "종료일"),
        ExportColumn("decision", _("completion decision")),
        ExportColumn("decided_percent", _("attendance rate at the decision (%)")),
        ExportColumn("overridden", _("overridden (Y/N)")),
        ExportColumn("override_reason", _("override reason"), personal=True),
        ExportColumn("certificate", _("certificate number"), personal=True),
        ExportColumn("issued_at", _("issued at")),
        ExportColumn("revoked_at", _("revoked at")),
        ExportColumn("revoke_reason", _("revocation reason"), personal=True),
    ),
    records=_completion,
    filters=("cohort",),
    purposes=in_cohorts(
        {
            P.HRD_NET: ("name", "birth_date", "status", "finished_on", "certificate", "issued_at"),
            P.FUNDER_REPORT: (
                "person",
                "status",
                "finished_on",
                "decision",
                "decided_percent",
                "issued_at",
            ),
            P.STATISTICS: (
                "person",
                "gender",
                "birth_year",
                "status",
                "finished_on",
                "decision",
                "decided_percent",
                "overridden",
                "issued_at",
                "revoked_at",
            ),
        }
    ),
)
