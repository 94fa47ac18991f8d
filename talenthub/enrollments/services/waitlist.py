"""The waitlist and seat offers. A freed seat goes, as an offer with a deadline, to the first person
in the queue; an offer that lapses or is declined passes the seat on to the next."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import ApplicationStatus, NotificationKind
from talenthub.enrollments.errors import TransitionError
from talenthub.enrollments.models import Application, ApplicationForm
from talenthub.enrollments.services.notifications import notification_queue
from talenthub.enrollments.services.seats import (
    accepts_late_entry,
    free_seats,
    lock_cohort,
    seat_release,
    seat_take,
)
from talenthub.enrollments.services.transitions import enrol, record_transition

REMINDER_BEFORE = datetime.timedelta(hours=24)


def _offer_hours(cohort: Cohort) -> int:
    form = ApplicationForm.objects.filter(cohort=cohort).only("offer_valid_hours").first()
    return form.offer_valid_hours if form else 72


def _locked_application(application_id: int) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("user")
        .get(pk=application_id)
    )


def waitlist_offer_free_seats(*, cohort: Cohort, now: datetime.datetime) -> list[Application]:
    """Offer every free seat of a locked cohort to the head of its waitlist, in queue order."""
    if not accepts_late_entry(cohort, timezone.localdate(now)):
        return []
    free = free_seats(cohort)
    if free <= 0:
        return []
    heads = list(
        Application.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(cohort=cohort, status=ApplicationStatus.WAITLISTED)
        .order_by("waitlist_position")[:free]
    )
    deadline = now + datetime.timedelta(hours=_offer_hours(cohort))
    for application in heads:
        seat_take(cohort=cohort)
        application.cohort = cohort
        application.waitlist_position = None
        application.offer_expires_at = deadline
        application.offer_reminded_at = None
        record_transition(
            application=application,
            to_status=ApplicationStatus.OFFERED,
            actor=None,
            reason=_("A seat became free: offered to the first person on the waitlist."),
            now=now,
            also_saved=["waitlist_position", "offer_expires_at", "offer_reminded_at"],
        )
        notification_queue(kind=NotificationKind.OFFERED, application=application)
    return heads


def release_seat_and_pass_on(*, cohort: Cohort, now: datetime.datetime) -> list[Application]:
    seat_release(cohort=cohort)
    return waitlist_offer_free_seats(cohort=cohort, now=now)


@transaction.atomic
def waitlist_fill(*, cohort: Cohort, now: datetime.datetime | None = None) -> list[Application]:
    """Offer any free seats (after the operator raised the capacity, say) to the waitlist."""
    locked = lock_cohort(cohort.pk)
    return waitlist_offer_free_seats(cohort=locked, now=now or timezone.now())


@transaction.atomic
def offer_accept(
    *, application: Application, actor: User, now: datetime.datetime | None = None
) -> Application:
    now = now or timezone.now()
    cohort = lock_cohort(application.cohort_id)
    locked = _locked_application(application.pk)
    if locked.status != ApplicationStatus.OFFERED:
        raise TransitionError(_("There is no open offer on this application."))
    if locked.offer_expires_at is not None and locked.offer_expires_at <= now:
        raise TransitionError(_("This offer has expired."))
    locked.cohort = cohort
    enrol(application=locked, cohort=cohort, today=timezone.localdate(now))
    record_transition(
        application=locked,
        to_status=ApplicationStatus.ADMITTED,
        actor=actor,
        reason=_("Accepted the offered seat."),
        now=now,
        also_saved=["enrollment"],
    )
    notification_queue(kind=NotificationKind.ADMITTED, application=locked)
    return locked


@transaction.atomic
def offer_decline(
    *, application: Application, actor: User, now: datetime.datetime | None = None
) -> Application:
    now = now or timezone.now()
    cohort = lock_cohort(application.cohort_id)
    locked = _locked_application(application.pk)
    if locked.status != ApplicationStatus.OFFERED:
        raise TransitionError(_("There is no open offer on this application."))
    record_transition(
        application=locked,
        to_status=ApplicationStatus.DECLINED,
        actor=actor,
        reason=_("Declined the offered seat."),
        now=now,
    )
    release_seat_and_pass_on(cohort=cohort, now=now)
    return locked


def offers_lapse_expired(*, now: datetime.datetime | None = None) -> int:
    """Lapse every offer past its deadline and pass each seat on; one transaction per cohort."""
    now = now or timezone.now()
    cohort_ids = sorted(
        set(
            Application.objects.filter(
                status=ApplicationStatus.OFFERED, offer_expires_at__lte=now
            ).values_list("cohort_id", flat=True)
        )
    )
    lapsed = 0
    for cohort_id in cohort_ids:
        with transaction.atomic():
            cohort = lock_cohort(cohort_id)
            expired = list(
                Application.objects.select_for_update(of=("self",))
                .select_related("user")
                .filter(cohort=cohort, status=ApplicationStatus.OFFERED, offer_expires_at__lte=now)
                .order_by("offer_expires_at", "id")
            )
            for application in expired:
                application.cohort = cohort
                record_transition(
                    application=application,
                    to_status=ApplicationStatus.LAPSED,
                    actor=None,
                    reason=_("The offer was not accepted before its deadline."),
                    now=now,
                )
                notification_queue(kind=NotificationKind.OFFER_LAPSED, application=application)
                seat_release(cohort=cohort)
                lapsed += 1
            waitlist_offer_free_seats(cohort=cohort, now=now)
    return lapsed


@transaction.atomic
def offers_remind(*, now: datetime.datetime | None = None) -> int:
    """One reminder per offer, sent when less than a day is left to accept it."""
    now = now or timezone.now()
    due = list(
        Application.objects.select_for_update(of=("self",))
        .select_related("user", "cohort", "cohort__course", "cohort__course__hub")
        .filter(
            status=ApplicationStatus.OFFERED,
            offer_reminded_at__isnull=True,
            offer_expires_at__gt=now,
            offer_expires_at__lte=now + REMINDER_BEFORE,
        )
    )
    for application in due:
        application.offer_reminded_at = now
        application.save(update_fields=["offer_reminded_at", "updated_at"])
        notification_queue(kind=NotificationKind.OFFER_REMINDER, application=application)
    return len(due)
