"""Permission-checked fetches. Staff of a cohort: its hub's operators and its own instructors.
Anything outside the user's reach is a 404, whether it exists or not."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.attendance.models import CalendarFeed, Certificate
from talenthub.courses import access as course_access
from talenthub.courses.models import Cohort, SessionDay
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.selectors import operated_hub_ids

AnyUser = User | AnonymousUser


def is_operator_of(user: AnyUser, cohort: Cohort) -> bool:
    return cohort.course.hub_id in operated_hub_ids(user)


def _staff_days(user: AnyUser) -> QuerySet[SessionDay]:
    if not user.is_authenticated:
        return SessionDay.objects.none()
    return SessionDay.objects.filter(
        Q(cohort__course__hub_id__in=operated_hub_ids(user)) | Q(cohort__instructors__id=user.pk)
    ).distinct()


def session_day_for_staff(user: AnyUser, day_id: int) -> SessionDay:
    """A session day for its cohort's instructors and its hub's operators."""
    day = (
        _staff_days(user)
        .select_related("cohort__course__hub", "cohort__site")
        .filter(pk=day_id)
        .first()
    )
    if day is None:
        raise Http404
    return day


def session_day_for_operator(user: AnyUser, day_id: int) -> SessionDay:
    day = session_day_for_staff(user, day_id)
    if not is_operator_of(user, day.cohort):
        raise Http404
    return day


def cohort_for_staff(user: AnyUser, cohort_id: int) -> Cohort:
    return course_access.cohort_for_staff(user, cohort_id)


def cohort_for_operator(user: AnyUser, cohort_id: int) -> Cohort:
    return course_access.cohort_for_operator(user, cohort_id)


def enrollment_of_cohort(cohort: Cohort, enrollment_id: int) -> Enrollment:
    enrollment = (
        Enrollment.objects.select_related("user", "cohort")
        .filter(pk=enrollment_id, cohort=cohort)
        .first()
    )
    if enrollment is None:
        raise Http404
    return enrollment


def cohort_for_calendar(user: AnyUser, cohort_id: int) -> Cohort:
    """Published cohorts are public; others only for their staff and trainees."""
    try:
        return course_access.cohort_for_public(cohort_id)
    except Http404:
        pass
    if (
        user.is_authenticated
        and Enrollment.objects.filter(cohort_id=cohort_id, user_id=user.pk).exists()
    ):
        return Cohort.objects.select_related("course__hub", "site").get(pk=cohort_id)
    return cohort_for_staff(user, cohort_id)


def certificate_for_viewer(user: AnyUser, certificate_id: int) -> Certificate:
    """The certificate for its holder and the hub's operators."""
    if not user.is_authenticated:
        raise Http404
    certificate = (
        Certificate.objects.select_related("enrollment__user", "enrollment__cohort__course__hub")
        .filter(pk=certificate_id)
        .filter(
            Q(enrollment__user_id=user.pk)
            | Q(enrollment__cohort__course__hub_id__in=operated_hub_ids(user))
        )
        .first()
    )
    if certificate is None:
        raise Http404
    return certificate


def calendar_feed_owner(token: str) -> User:
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    return feed.user
