"""Exports of attendance: each trainee's rate, and each trainee's days (the 출결 format, so the
sheet can go to HRD-Net or come back as an import). A constant number of queries for a hub."""

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
    in_cohorts,
    person_fields,
)
from talenthub.hubs.models import Hub


def _enrolments(hub: Hub) -> list[Enrollment]:
    return list(
        Enrollment.objects.filter(cohort__course__hub=hub)
        .select_related("cohort__course", "user")
        .order_by("cohort__course__code", "cohort__number", "user__name", "id")
    )


def _rates(hub: Hub) -> Iterable[Record]:
    enrolments = _enrolments(hub)
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


def _days(hub: Hub) -> Iterable[Record]:
    enrolments = _enrolments(hub)
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
