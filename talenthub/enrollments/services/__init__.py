"""Writes of the enrolments app: applications, selection, the seat ledger, waitlist and offers.

Every function here is keyword-only, runs in a transaction, and sends mail only after commit."""

from talenthub.enrollments.services.applications import (
    SubmitResult,
    application_form_ensure,
    application_submit,
)
from talenthub.enrollments.services.enrolments import enrollment_create, enrollment_finish
from talenthub.enrollments.services.notifications import notification_queue
from talenthub.enrollments.services.seats import cohort_seats_recount, lock_cohort
from talenthub.enrollments.services.selection import (
    BulkOutcome,
    application_decide,
    application_withdraw,
    applications_decide,
    reviewer_invite,
    reviewer_remove,
    scores_submit,
)
from talenthub.enrollments.services.waitlist import (
    offer_accept,
    offer_decline,
    offers_lapse_expired,
    offers_remind,
    waitlist_fill,
)

__all__ = [
    "BulkOutcome",
    "SubmitResult",
    "application_decide",
    "application_form_ensure",
    "application_submit",
    "application_withdraw",
    "applications_decide",
    "cohort_seats_recount",
    "enrollment_create",
    "enrollment_finish",
    "lock_cohort",
    "notification_queue",
    "offer_accept",
    "offer_decline",
    "offers_lapse_expired",
    "offers_remind",
    "reviewer_invite",
    "reviewer_remove",
    "scores_submit",
    "waitlist_fill",
]
