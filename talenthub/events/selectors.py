"""Reads of the events app. Lists annotate their counts in SQL: one query however many rows."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from talenthub.core.timeline import TimelineEntry
from talenthub.events.choices import ACTIVE, SEAT_HOLDING, EventStatus, RegistrationStatus
from talenthub.events.models import Event, Registration
from talenthub.partners.models import Organisation

UPCOMING, PAST = "upcoming", "past"


@dataclass(frozen=True)
class EventFilter:
    hub_code: str = ""
    kind: str = ""
    when: str = ""  # "", UPCOMING or PAST


def _with_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.annotate(
        n_registered=Count(
            "registrations", filter=Q(registrations__status__in=sorted(SEAT_HOLDING))
        ),
        n_waitlisted=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
        ),
        n_attended=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.ATTENDED)
        ),
    )


def published_events(filters: EventFilter, now: datetime.datetime) -> QuerySet[Event]:
    """Published events of every hub (drafts never), soonest first for upcoming ones and most
    recent first otherwise."""
    events = Event.objects.filter(is_published=True).select_related("hub", "site")
    if filters.hub_code:
        events = events.filter(hub__code=filters.hub_code)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.when == UPCOMING:
        return _with_counts(events.filter(ends_at__gt=now)).order_by("starts_at", "id")
    if filters.when == PAST:
        events = events.filter(ends_at__lte=now)
    return _with_counts(events).order_by("-starts_at", "-id")


def events_in_hubs(hub_ids: Iterable[int]) -> QuerySet[Event]:
    """Every event of the hubs (drafts included) with its counts, newest first."""
    events = Event.objects.filter(hub_id__in=list(hub_ids)).select_related("hub", "site")
    return _with_counts(events).order_by("-starts_at", "-id")


def event_with_counts(event_id: int) -> Event:
    return _with_counts(Event.objects.select_related("hub", "site")).get(pk=event_id)


def partners_of(event: Event) -> QuerySet[Organisation]:
    return event.partners.order_by("name")


def roster_of(event: Event) -> QuerySet[Registration]:
    """Everyone who registered, in the order they joined; people holding a seat first."""
    return (
        Registration.objects.filter(event=event)
        .select_related("user")
        .order_by("status", "queued_at", "id")
    )


def registration_of(event: Event, user_id: int | None) -> Registration | None:
    if user_id is None:
        return None
    return Registration.objects.filter(event=event, user_id=user_id).first()


def waitlist_position(registration: Registration) -> int | None:
    """1 for the next person to get a freed seat; None when not waiting."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=RegistrationStatus.WAITLISTED
    ).filter(
        Q(queued_at__lt=registration.queued_at)
        | Q(queued_at=registration.queued_at, id__lt=registration.pk)
    )
    return ahead.count() + 1


def registrations_of_person(user_id: int) -> QuerySet[Registration]:
    """The person's registrations (cancelled ones left out), next event first."""
    return (
        Registration.objects.filter(user_id=user_id, status__in=sorted(ACTIVE))
        .select_related("event", "event__hub")
        .order_by("-event__starts_at", "id")
    )


def upcoming_registrations_of_person(
    user_id: int, now: datetime.datetime
) -> QuerySet[Registration]:
    """The person's places at events still to come (waitlist included), soonest first."""
    return (
        Registration.objects.filter(
            user_id=user_id,
            status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED],
            event__ends_at__gt=now,
        )
        .exclude(event__status=EventStatus.CANCELLED)
        .select_related("event", "event__hub")
        .order_by("event__starts_at", "id")
    )


def ended_events_to_survey(now: datetime.datetime, since: datetime.datetime) -> QuerySet[Event]:
    """Events held (not cancelled, not drafts) that ended between `since` and `now`."""
    return (
        Event.objects.filter(ends_at__lte=now, ends_at__gte=since)
        .exclude(status__in=[EventStatus.CANCELLED, EventStatus.DRAFT])
        .order_by("pk")
    )


def attended_user_ids(event_id: int) -> QuerySet[Registration, int]:
    return Registration.objects.filter(
        event_id=event_id, status=RegistrationStatus.ATTENDED
    ).values_list("user_id", flat=True)


def timeline_entries(user_id: int) -> list[TimelineEntry]:
    """Registrations for events and, once recorded, attendance."""
    entries: list[TimelineEntry] = []
    rows = Registration.objects.filter(user_id=user_id).select_related("event")
    for registration in rows.order_by("id"):
        event = registration.event
        url = reverse("events:detail", args=[event.pk])
        staff_url = reverse("events:manage_roster", args=[event.pk])
        entries.append(
            TimelineEntry(
                at=registration.created_at,
                kind="event_registered",
                title=_("Registered for the event “%(title)s”") % {"title": event.title},
                url=url,
                hub_id=event.hub_id,
                staff_url=staff_url,
            )
        )
        outcome = {
            RegistrationStatus.ATTENDED: ("event_attended", _("Attended the event “%(title)s”")),
            RegistrationStatus.NO_SHOW: (
                "event_no_show",
                _("Did not attend the event “%(title)s”"),
            ),
            RegistrationStatus.CANCELLED: (
                "event_cancelled",
                _("Cancelled the registration for “%(title)s”"),
            ),
        }.get(RegistrationStatus(registration.status))
        if outcome is not None:
            kind, title = outcome
            at = event.starts_at if kind != "event_cancelled" else registration.status_changed_at
            entries.append(
                TimelineEntry(
                    at=at,
                    kind=kind,
                    title=title % {"title": event.title},
                    url=url,
                    hub_id=event.hub_id,
                    staff_url=staff_url,
                )
            )
    return sorted(entries, key=lambda entry: entry.at)
