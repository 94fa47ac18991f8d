"""Permission-checked fetches of courses and cohorts. A miss and a refusal look the same (404), so
another hub's ids reveal nothing."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, QuerySet
from django.http import Http404

from talenthub.accounts.models import User
from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort, Course
from talenthub.hubs.selectors import operated_hub_ids


def _public_cohorts() -> QuerySet[Cohort]:
    return Cohort.objects.filter(course__is_published=True).exclude(status=CohortStatus.CANCELLED)


def course_for_public(course_id: int) -> Course:
    try:
        return Course.objects.select_related("hub").get(id=course_id, is_published=True)
    except Course.DoesNotExist as exc:
        raise Http404 from exc


def cohort_for_public(cohort_id: int) -> Cohort:
    try:
        return (
            _public_cohorts()
            .select_related("course", "course__hub", "site")
            .annotate(seats_taken=Count("enrollments"))
            .get(id=cohort_id)
        )
    except Cohort.DoesNotExist as exc:
        raise Http404 from exc


def cohort_for_operator(user: User | AnonymousUser, cohort_id: int) -> Cohort:
    """The cohort, if the user operates its hub; otherwise 404."""
    try:
        return (
            Cohort.objects.select_related("course", "course__hub", "site")
            .annotate(seats_taken=Count("enrollments"))
            .get(id=cohort_id, course__hub_id__in=operated_hub_ids(user))
        )
    except Cohort.DoesNotExist as exc:
        raise Http404 from exc


def cohort_for_staff(user: User | AnonymousUser, cohort_id: int) -> Cohort:
    """The cohort for its hub's operators and its own instructors."""
    if not user.is_authenticated:
        raise Http404
    try:
        return cohort_for_operator(user, cohort_id)
    except Http404:
        pass
    try:
        return (
            Cohort.objects.select_related("course", "course__hub", "site")
            .annotate(seats_taken=Count("enrollments"))
            .get(id=cohort_id, instructors__id=user.pk)
        )
    except Cohort.DoesNotExist as exc:
        raise Http404 from exc
