"""Writes of the events app: events and their life (draft → open → closed, or cancelled),
registrations with the seat ledger and the waitlist, and attendance.

Every change of an event's seats happens with the event row locked (`lock_event`), so concurrent
registrations queue on that lock; the ledger's check constraint refuses an overbooking even if this
code were wrong. A seat freed by a cancellation goes to the first person on the waitlist."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.events.choices import (
    ACTIVE,
    SEAT_HOLDING,
    EventKind,
    EventStatus,
    RegistrationStatus,
    TargetGroup,
)
from talenthub.events.errors import EventFullError, EventNotOpenError
from talenthub.events.models import Event, EventSeats, Registration
from talenthub.hubs.models import Hub, Site
from talenthub.partners.models import Organisation

MARKABLE = (RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW)
EDITABLE_FIELDS = (
    "kind",
    "title",
    "description",
    "starts_at",
    "ends_at",
    "place",
    "capacity",
    "target_group",
    "site",
)


# --- Seats ---------------------------------------------------------------------------------------


def lock_event(event_id: int) -> Event:
    """Take the event's row lock for the rest of the transaction and return it freshly read."""
    return Event.objects.select_for_update(of=("self",)).select_related("hub").get(pk=event_id)


def _seat_holders(event_id: int) -> int:
    return Registration.objects.filter(event_id=event_id, status__in=sorted(SEAT_HOLDING)).count()


def _ledger(event: Event) -> EventSeats:
    """The event's ledger, locked; created on first use from the rows that hold seats."""
    ledger = EventSeats.objects.select_for_update().filter(event_id=event.pk).first()
    if ledger is None:
        taken = _seat_holders(event.pk)
        capacity = None if event.capacity is None else max(event.capacity, taken)
        ledger = EventSeats.objects.create(event=event, capacity=capacity, seats_taken=taken)
    return ledger


def _seat_take(event: Event) -> None:
    """Hold one seat of a locked event, or raise EventFullError."""
    ledger = _ledger(event)
    if event.capacity is not None and ledger.seats_taken + 1 > event.capacity:
        raise EventFullError
    try:
        with transaction.atomic():
            EventSeats.objects.filter(pk=event.pk).update(
                seats_taken=F("seats_taken") + 1, capacity=event.capacity
            )
    except IntegrityError as exc:  # the constraint caught what the check above should have
        raise EventFullError from exc


def _seat_release(event: Event) -> None:
    ledger = _ledger(event)
    remaining = max(ledger.seats_taken - 1, 0)
    # A capacity lowered below the seats still held stays in the ledger until the holders fit.
    fits = event.capacity is None or remaining <= event.capacity
    capacity = event.capacity if fits else ledger.capacity
    EventSeats.objects.filter(pk=event.pk).update(seats_taken=remaining, capacity=capacity)


def free_seats(event: Event) -> int | None:
    """Seats free now (None: unlimited). Call with the event locked for the answer to stay true."""
    if event.capacity is None:
        return None
    return max(event.capacity - _ledger(event).seats_taken, 0)


def _promote_waitlisted(event: Event, now: datetime.datetime) -> list[int]:
    """Give free seats of a locked event to the waitlist, first come first served."""
    promoted: list[int] = []
    waiting = Registration.objects.select_for_update().filter(
        event=event, status=RegistrationStatus.WAITLISTED
    )
    for registration in waiting.order_by("queued_at", "id"):
        try:
            _seat_take(event)
        except EventFullError:
            break
        registration.status = RegistrationStatus.REGISTERED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at", "updated_at"])
        promoted.append(registration.pk)
    if promoted:
        from talenthub.events.tasks import send_promotion_mail

        transaction.on_commit(lambda: send_promotion_mail.delay(promoted))
    return promoted


# --- Events --------------------------------------------------------------------------------------


def _check_fields(
    *,
    hub: Hub,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    capacity: int | None,
    site: Site | None,
    partners: Iterable[Organisation],
) -> None:
    if ends_at <= starts_at:
        raise DomainError(_("The event must end after it starts."), field="ends_at")
    if capacity is not None and capacity < 1:
        raise DomainError(_("The capacity must be at least 1, or empty for no limit."))
    if site is not None and site.hub_id != hub.pk:
        raise DomainError(_("The site belongs to another hub."), field="site")
    if any(organisation.hub_id != hub.pk for organisation in partners):
        raise DomainError(_("A co-hosting partner belongs to another hub."), field="partners")


@transaction.atomic
def event_create(
    *,
    hub: Hub,
    kind: str,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    description: str = "",
    place: str = "",
    capacity: int | None = None,
    target_group: str = TargetGroup.ALL,
    site: Site | None = None,
    partners: Sequence[Organisation] = (),
    created_by: User | None = None,
) -> Event:
    """A new event, as a draft: nobody sees it until it is published."""
    _check_fields(
        hub=hub,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=capacity,
        site=site,
        partners=partners,
    )
    event = Event(
        hub=hub,
        site=site,
        kind=EventKind(kind),
        title=title.strip()[:150],
        description=description.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip()[:200],
        capacity=capacity,
        target_group=TargetGroup(target_group),
        created_by=created_by,
    )
    event.save()
    if partners:
        event.partners.set(partners)
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    partners: Sequence[Organisation] | None = None,
    now: datetime.datetime | None = None,
    **fields: object,
) -> Event:
    """Change an event's details. A capacity may not drop below the seats already held; a raised
    one (or no limit) gives the new seats to the waitlist at once."""
    now = now or timezone.now()
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    event = lock_event(event.pk)
    if event.status in (EventStatus.CANCELLED, EventStatus.CLOSED):
        raise DomainError(_("A closed or cancelled event cannot be changed."))
    for name, value in fields.items():
        setattr(event, name, value)
    _check_fields(
        hub=event.hub,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        capacity=event.capacity,
        site=event.site,
        partners=partners or [],
    )
    taken = _ledger(event).seats_taken
    if event.capacity is not None and event.capacity < taken:
        raise DomainError(
            _("The capacity cannot be lower than the %(count)d people already registered.")
            % {"count": taken},
            field="capacity",
        )
    event.save(update_fields=[*fields, "updated_at"])
    if partners is not None:
        event.partners.set(partners)
    EventSeats.objects.filter(pk=event.pk).update(capacity=event.capacity)
    if event.status == EventStatus.OPEN:
        _promote_waitlisted(event, now)
    return event


@transaction.atomic
def event_publish(*, event: Event) -> Event:
    """Open a draft for registration and show it on the public list."""
    event = lock_event(event.pk)
    if event.status in (EventStatus.CANCELLED, EventStatus.CLOSED):
        raise EventNotOpenError(_("A closed or cancelled event cannot be published."))
    if event.status == EventStatus.OPEN and event.is_published:
        return event
    event.status = EventStatus.OPEN
    event.is_published = True
    event.save(update_fields=["status", "is_published", "updated_at"])
    return event


@transaction.atomic
def event_cancel(*, event: Event) -> Event:
    """Call an event off. Registrations stay as they were (the record of who had a place)."""
    event = lock_event(event.pk)
    if event.status == EventStatus.CLOSED:
        raise DomainError(_("An event that has taken place cannot be cancelled."))
    if event.status == EventStatus.CANCELLED:
        return event
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status", "updated_at"])
    return event


@transaction.atomic
def event_close(*, event: Event, now: datetime.datetime | None = None) -> Event:
    """Mark an event as held (it has started; usually it has ended). Registration stops and the
    event counts in the `events_held` KPI; attendance may still be recorded afterwards."""
    now = now or timezone.now()
    event = lock_event(event.pk)
    if event.status == EventStatus.CLOSED:
        return event
    if event.status == EventStatus.CANCELLED:
        raise DomainError(_("A cancelled event cannot be closed."))
    if event.status == EventStatus.DRAFT:
        raise DomainError(_("An event that was never published cannot be closed."))
    if now < event.starts_at:
        raise DomainError(_("An event can be closed only once it has started; cancel it instead."))
    event.status = EventStatus.CLOSED
    event.save(update_fields=["status", "updated_at"])
    return event


def events_close_ended(*, now: datetime.datetime | None = None) -> int:
    """Close the open events that have ended (the daily schedule). Returns how many."""
    now = now or timezone.now()
    ended = Event.objects.filter(status=EventStatus.OPEN, ends_at__lte=now).order_by("pk")
    closed = 0
    for event in ended:
        event_close(event=event, now=now)
        closed += 1
    return closed


# --- Registrations -------------------------------------------------------------------------------


def _ensure_open(event: Event, now: datetime.datetime) -> None:
    if event.status == EventStatus.CANCELLED:
        raise EventNotOpenError(_("This event has been cancelled."))
    if event.status == EventStatus.CLOSED or now >= event.starts_at:
        raise EventNotOpenError(_("Registration for this event has closed."))
    if event.status != EventStatus.OPEN or not event.is_published:
        raise EventNotOpenError(_("This event is not open for registration."))


@transaction.atomic
def registration_register(
    *, event: Event, user: User, now: datetime.datetime | None = None
) -> Registration:
    """Register the person, or put them on the waitlist when every seat is taken. Registering
    twice changes nothing; a person who had cancelled joins again at the end of the queue."""
    now = now or timezone.now()
    event = lock_event(event.pk)
    _ensure_open(event, now)
    registration = Registration.objects.select_for_update().filter(event=event, user=user).first()
    if registration is not None and registration.status in ACTIVE:
        return registration
    try:
        _seat_take(event)
        status = RegistrationStatus.REGISTERED
    except EventFullError:
        status = RegistrationStatus.WAITLISTED
    if registration is None:
        return Registration.objects.create(
            event=event, user=user, status=status, queued_at=now, status_changed_at=now
        )
    registration.status = status
    registration.queued_at = now
    registration.status_changed_at = now
    registration.save(update_fields=["status", "queued_at", "status_changed_at", "updated_at"])
    return registration


@transaction.atomic
def registration_cancel(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Registration:
    """Give up a place (or a place in the queue) before the event starts; the seat goes to the
    first person waiting."""
    now = now or timezone.now()
    event = lock_event(registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return registration
    if registration.status not in (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED):
        raise DomainError(_("Attendance has been recorded; the registration cannot be cancelled."))
    if now >= event.starts_at:
        raise DomainError(_("The event has started; the registration cannot be cancelled."))
    held_seat = registration.status == RegistrationStatus.REGISTERED
    registration.status = RegistrationStatus.CANCELLED
    registration.status_changed_at = now
    registration.save(update_fields=["status", "status_changed_at", "updated_at"])
    if held_seat:
        _seat_release(event)
        if event.status == EventStatus.OPEN:
            _promote_waitlisted(event, now)
    return registration


@transaction.atomic
def registrations_mark(
    *,
    event: Event,
    registration_ids: Iterable[int],
    status: str,
    now: datetime.datetime | None = None,
) -> int:
    """Record who came (attended) and who did not (no-show), for registrations holding a seat.
    Each row is saved on its own so that the KPI rollups hear of the change."""
    now = now or timezone.now()
    if status not in MARKABLE:
        raise DomainError(_("Attendance is either attended or did not attend."))
    event = lock_event(event.pk)
    if event.status in (EventStatus.DRAFT, EventStatus.CANCELLED):
        raise DomainError(_("Attendance can be recorded only for an event that takes place."))
    if now < event.starts_at:
        raise DomainError(_("Attendance can be recorded once the event has started."))
    rows = Registration.objects.select_for_update().filter(
        event=event, id__in=list(registration_ids), status__in=sorted(SEAT_HOLDING)
    )
    changed = 0
    for registration in rows.order_by("id"):
        if registration.status == status:
            continue
        registration.status = status
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at", "updated_at"])
        changed += 1
    return changed


@transaction.atomic
def event_seats_recount(*, event: Event) -> EventSeats:
    """Rebuild a ledger from the rows (after writes that went around the services: the demo)."""
    locked = lock_event(event.pk)
    taken = _seat_holders(locked.pk)
    capacity = None if locked.capacity is None else max(locked.capacity, taken)
    ledger, _created = EventSeats.objects.update_or_create(
        event=locked, defaults={"seats_taken": taken, "capacity": capacity}
    )
    return ledger
