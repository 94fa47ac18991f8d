"""Attendance, completion and certificate events for a person's timeline (the page is the
portal's; this module only says what happened)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from talenthub.attendance import rules
from talenthub.attendance.models import Certificate, CompletionDecision
from talenthub.attendance.selectors.records import books_for, local_zone, policies_for
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime.datetime
    kind: str  # "attendance" | "completion" | "dropout" | "certificate" | "certificate_revoked"
    title: str
    detail: str
    url: str
    # The hub of the enrolment: the hub's operators see the entry on the person's timeline, with a
    # link to the cohort's attendance page.
    hub_id: int | None = None
    staff_url: str = ""


def _end_of(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=local_zone())


def timeline_entries(user_id: int, *, now: datetime.datetime | None = None) -> list[TimelineEntry]:
    """Monthly attendance per enrolment, completion decisions, drop-outs and certificates, newest
    first. A fixed number of queries whatever the number of enrolments."""
    from django.utils import timezone

    now = now or timezone.now()
    enrollments = list(
        Enrollment.objects.filter(user_id=user_id)
        .select_related("cohort__course__hub")
        .order_by("cohort__starts_on")
    )
    policies = policies_for([e.cohort for e in enrollments])
    books = books_for(enrollments)
    decisions = {
        d.enrollment_id: d for d in CompletionDecision.objects.filter(enrollment__in=enrollments)
    }
    certificates = {
        c.enrollment_id: c for c in Certificate.objects.filter(enrollment__in=enrollments)
    }
    my_attendance = reverse("attendance:my_attendance")
    entries: list[TimelineEntry] = []
    for enrollment in enrollments:
        course = str(enrollment.cohort)
        hub_id = enrollment.cohort.course.hub_id
        staff_url = reverse("attendance:overview", args=[enrollment.cohort_id])
        policy = policies[enrollment.cohort_id]
        results = books[enrollment.pk].closed_results(policy, now)
        for (year, month), summary in rules.monthly_rates(results, policy).items():
            last_day = max(r.day for r in results if (r.day.year, r.day.month) == (year, month))
            entries.append(
                TimelineEntry(
                    at=_end_of(last_day),
                    kind="attendance",
                    title=_("Attendance %(year)d-%(month)02d: %(course)s")
                    % {"year": year, "month": month, "course": course},
                    detail=_("%(percent)s%% (%(attended)d of %(days)d training days)")
                    % {
                        "percent": summary.percent,
                        "attended": summary.attended_days,
                        "days": summary.training_days,
                    },
                    url=my_attendance,
                    hub_id=hub_id,
                    staff_url=staff_url,
                )
            )
        decision = decisions.get(enrollment.pk)
        if decision is not None and enrollment.finished_on is not None:
            entries.append(
                TimelineEntry(
                    at=_end_of(enrollment.finished_on),
                    kind="completion",
                    title=_("%(outcome)s: %(course)s")
                    % {"outcome": decision.get_outcome_display(), "course": course},
                    detail=_("Attendance %(percent)s%%") % {"percent": decision.attendance_percent},
                    url=my_attendance,
                    hub_id=hub_id,
                    staff_url=staff_url,
                )
            )
        if enrollment.status == EnrollmentStatus.DROPPED_OUT and enrollment.finished_on:
            entries.append(
                TimelineEntry(
                    at=_end_of(enrollment.finished_on),
                    kind="dropout",
                    title=_("Dropped out: %(course)s") % {"course": course},
                    detail=enrollment.dropout_reason,
                    url=my_attendance,
                    hub_id=hub_id,
                    staff_url=staff_url,
                )
            )
        certificate = certificates.get(enrollment.pk)
        if certificate is not None:
            url = reverse("attendance:certificate_pdf", args=[certificate.pk])
            entries.append(
                TimelineEntry(
                    at=certificate.issued_at,
                    kind="certificate",
                    title=_("Certificate issued: %(course)s") % {"course": course},
                    detail=certificate.number,
                    url=url,
                    hub_id=hub_id,
                    staff_url=staff_url,
                )
            )
            if certificate.revoked_at is not None:
                entries.append(
                    TimelineEntry(
                        at=certificate.revoked_at,
                        kind="certificate_revoked",
                        title=_("Certificate revoked: %(course)s") % {"course": course},
                        detail=certificate.revoke_reason,
                        url=url,
                        hub_id=hub_id,
                        staff_url=staff_url,
                    )
                )
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries
