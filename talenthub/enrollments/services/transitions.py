"""The one place an application changes status: the row and its decision log move together."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Max

from talenthub.accounts.models import User
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import ApplicationStatus
from talenthub.enrollments.models import Application, Enrollment, SelectionDecision


def record_transition(
    *,
    application: Application,
    to_status: ApplicationStatus,
    actor: User | None,
    reason: str,
    now: datetime.datetime,
    also_saved: Iterable[str] = (),
) -> SelectionDecision:
    """Set the new status (plus any fields the caller changed, named in `also_saved`), save, and
    append the decision: who (None = the system), when, from what, to what, why."""
    from_status = application.status
    application.status = to_status
    application.status_changed_at = now
    application.save(update_fields=["status", "status_changed_at", "updated_at", *also_saved])
    return SelectionDecision.objects.create(
        application=application,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        reason=reason.strip()[:300],
        decided_at=now,
    )


def next_waitlist_position(cohort: Cohort) -> int:
    """One past the last place in the queue. Call with the cohort locked."""
    last = Application.objects.filter(cohort=cohort).aggregate(last=Max("waitlist_position"))
    return int(last["last"] or 0) + 1


def enrol(*, application: Application, cohort: Cohort, today: datetime.date) -> Enrollment:
    """The enrolment an admission creates. The caller has already taken (or holds) the seat."""
    enrolment = Enrollment.objects.create(
        cohort=cohort,
        user_id=application.user_id,
        enrolled_on=max(today, cohort.starts_on),
        is_job_seeker_at_entry=application.is_job_seeker,
        is_neet_at_entry=application.is_neet,
    )
    application.enrollment = enrolment
    return enrolment
