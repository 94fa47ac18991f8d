"""iCalendar feeds of session days (RFC 5545), times in Asia/Seoul with a VTIMEZONE."""

from __future__ import annotations

from collections.abc import Iterable

import icalendar
from django.db.models import Q, QuerySet

from talenthub.accounts.models import User
from talenthub.attendance.selectors.records import day_window
from talenthub.courses.models import Cohort, SessionDay
from talenthub.enrollments.choices import EnrollmentStatus


def cohort_days(cohort: Cohort) -> QuerySet[SessionDay]:
    return SessionDay.objects.filter(cohort=cohort).select_related("cohort__course", "cohort__site")


def person_days(user: User) -> QuerySet[SessionDay]:
    """Days of cohorts the person attends (enrolled or finished) or teaches."""
    attending = Q(
        cohort__enrollments__user=user,
        cohort__enrollments__status__in=[EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED],
    )
    return (
        SessionDay.objects.filter(attending | Q(cohort__instructors=user))
        .distinct()
        .select_related("cohort__course", "cohort__site")
        .order_by("date")
    )


def calendar_ics(name: str, days: Iterable[SessionDay]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//TalentHub//Attendance//KO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Seoul")
    for day in days:
        starts, ends = day_window(day)
        event = icalendar.Event()
        event.add("uid", f"session-day-{day.pk}@talenthub")
        event.add("dtstamp", day.updated_at)
        event.add("dtstart", starts)
        event.add("dtend", ends)
        event.add("summary", str(day.cohort))
        if day.cohort.site is not None:
            event.add("location", day.cohort.site.name)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
