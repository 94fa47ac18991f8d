"""Exports of events: the hub's events with their counts, and the registrations (personal data:
out only for a stated purpose, with the columns it needs)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talenthub.events.models import Registration
from talenthub.events.selectors import events_in_hubs
from talenthub.exchange.choices import ExportPurpose as P
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record
from talenthub.exchange.exports.people import IDENTIFIED, PERSON, person_fields
from talenthub.hubs.models import Hub

EVENT = (
    ExportColumn("event", _("event")),
    ExportColumn("kind", _("kind of event")),
    ExportColumn("starts_at", _("starts at")),
    ExportColumn("ends_at", _("ends at")),
)


def _local(value: object) -> str:
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else ""  # type: ignore[arg-type]


def _events(hub: Hub) -> Iterable[Record]:
    for event in events_in_hubs([hub.pk]).order_by("starts_at", "id"):
        yield {
            "event": event.title,
            "kind": event.get_kind_display(),
            "starts_at": _local(event.starts_at),
            "ends_at": _local(event.ends_at),
            "site": event.site.name if event.site else "",
            "place": event.place,
            "target_group": event.get_target_group_display(),
            "status": event.get_status_display(),
            "capacity": event.capacity,
            "registered": event.n_registered,  # type: ignore[attr-defined]
            "waitlisted": event.n_waitlisted,  # type: ignore[attr-defined]
            "attended": event.n_attended,  # type: ignore[attr-defined]
        }


EVENTS = Dataset(
    key="events",
    title=_("Events"),
    columns=(
        *EVENT,
        ExportColumn("site", _("site")),
        ExportColumn("place", _("place")),
        ExportColumn("target_group", _("target group")),
        ExportColumn("status", _("status")),
        ExportColumn("capacity", _("capacity")),
        ExportColumn("registered", _("registered (seats held)")),
        ExportColumn("waitlisted", _("on the waitlist")),
        ExportColumn("attended", _("attended")),
    ),
    records=_events,
)


def _registrations(hub: Hub) -> Iterable[Record]:
    rows = (
        Registration.objects.filter(event__hub=hub)
        .select_related("event", "user")
        .order_by("event__starts_at", "event_id", "queued_at", "id")
    )
    for registration in rows:
        event = registration.event
        yield {
            "event": event.title,
            "kind": event.get_kind_display(),
            "starts_at": _local(event.starts_at),
            "ends_at": _local(event.ends_at),
            **person_fields(registration.user),
            "status": registration.get_status_display(),
            "registered_at": _local(registration.queued_at),
        }


REGISTRATIONS = Dataset(
    key="event_registrations",
    title=_("Event registrations and attendance"),
    columns=(
        *EVENT,
        *PERSON,
        ExportColumn("status", _("status")),
        ExportColumn("registered_at", _("registered at")),
    ),
    records=_registrations,
    purposes={
        P.CONTACT: (*IDENTIFIED, "event", "starts_at", "status"),
        P.FUNDER_REPORT: ("event", "kind", "ends_at", "person", "birth_year", "gender", "status"),
        P.STATISTICS: (
            "event",
            "kind",
            "ends_at",
            "person",
            "birth_year",
            "gender",
            "region",
            "status",
        ),
    },
)
