from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment


@transaction.atomic
def enrollment_create(
    *,
    cohort: Cohort,
    user: User,
    enrolled_on: datetime.date,
    is_job_seeker_at_entry: bool = False,
    is_neet_at_entry: bool = False,
) -> Enrollment:
    # Lock the cohort row so concurrent enrolments queue; the seat count is read after the lock.
    locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
    if locked.enrollments.count() >= locked.capacity:
        raise DomainError(_("This cohort is full."), field="cohort")
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
    *, enrollment: Enrollment, status: str, finished_on: datetime.date, dropout_reason: str = ""
) -> Enrollment:
    if status == EnrollmentStatus.ENROLLED:
        raise DomainError(_("A finished enrolment needs a final status."), field="status")
    if status == EnrollmentStatus.DROPPED_OUT and not dropout_reason.strip():
        raise DomainError(_("Give the reason for dropping out."), field="dropout_reason")
    enrollment.status = status
    enrollment.finished_on = finished_on
    enrollment.dropout_reason = dropout_reason.strip()
    enrollment.save(update_fields=["status", "finished_on", "dropout_reason", "updated_at"])
    return enrollment
