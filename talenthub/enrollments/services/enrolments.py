from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.enrollments.services.seats import lock_cohort, seat_take
from talenthub.enrollments.services.waitlist import release_seat_and_pass_on


@transaction.atomic
def enrollment_create(
    *,
    cohort: Cohort,
    user: User,
    enrolled_on: datetime.date,
    is_job_seeker_at_entry: bool = False,
    is_neet_at_entry: bool = False,
) -> Enrollment:
    """Enrol a person directly (an operator's entry or an import), taking a seat of the ledger."""
    locked = lock_cohort(cohort.pk)
    if Enrollment.objects.filter(cohort=locked, user=user).exists():
        raise DomainError(_("This person is already enrolled in this cohort."), field="user")
    seat_take(cohort=locked)
    try:
        with transaction.atomic():
            return Enrollment.objects.create(
                cohort=locked,
                user=user,
                enrolled_on=enrolled_on,
                is_job_seeker_at_entry=is_job_seeker_at_entry,
                is_neet_at_entry=is_neet_at_entry,
            )
    except IntegrityError as exc:
        raise DomainError(
            _("This person is already enrolled in this cohort."), field="user"
        ) from exc


@transaction.atomic
def enrollment_finish(
    *,
    enrollment: Enrollment,
    status: str,
    finished_on: datetime.date,
    dropout_reason: str = "",
    now: datetime.datetime | None = None,
) -> Enrollment:
    """Record how an enrolment ended. A drop-out gives the seat back, and before the course is
    under way that seat goes to the waitlist."""
    if status == EnrollmentStatus.ENROLLED:
        raise DomainError(_("A finished enrolment needs a final status."), field="status")
    if status == EnrollmentStatus.DROPPED_OUT and not dropout_reason.strip():
        raise DomainError(_("Give the reason for dropping out."), field="dropout_reason")
    cohort = lock_cohort(enrollment.cohort_id)
    locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if finished_on < locked.enrolled_on:
        # Else the check constraint enrollment_dates_ordered refuses it with an IntegrityError.
        raise DomainError(
            _(
                "The completion or drop-out date (%(finished)s) cannot be before the enrolment "
                "date (%(enrolled)s)."
            )
            % {"finished": finished_on.isoformat(), "enrolled": locked.enrolled_on.isoformat()},
            field="finished_on",
        )
    was_holding = locked.status != EnrollmentStatus.DROPPED_OUT
    locked.status = status
    locked.finished_on = finished_on
    locked.dropout_reason = dropout_reason.strip()
    locked.save(update_fields=["status", "finished_on", "dropout_reason", "updated_at"])
    if was_holding and status == EnrollmentStatus.DROPPED_OUT:
        release_seat_and_pass_on(cohort=cohort, now=now or timezone.now())
    elif not was_holding and status != EnrollmentStatus.DROPPED_OUT:
        seat_take(cohort=cohort)  # a drop-out corrected back: the person holds a seat again
    enrollment.refresh_from_db()
    return locked
