"""KPIs of events (popularisation activities: tours, workshops, seminars, challenge days, demo
days, job fairs). Definitions: docs/kpi.md.

An event belongs to the period in which it ended (its end time on the Seoul calendar) and counts
once it has been held: closed, which happens when it ends (hourly schedule) or when an operator
closes it after it has started. Drafts, open (not yet held) and cancelled events count nowhere."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talenthub.events.choices import EventStatus, RegistrationStatus
from talenthub.reports.choices import RowKind, Unit
from talenthub.reports.kpis.base import KpiResult, Period, Scope, kpi
from talenthub.reports.kpis.dimensions import EVENT_DIMENSIONS, REGISTRATION_DIMENSIONS
from talenthub.reports.kpis.engine import Counter, Measure, evaluate_one


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _ended_in(period: Period, prefix: str = "") -> Q:
    """Ended on a day of the period (local time): from its first midnight to the one after it."""
    return Q(
        **{
            f"{prefix}ends_at__gte": _local_midnight(period.start),
            f"{prefix}ends_at__lt": _local_midnight(period.end + datetime.timedelta(days=1)),
        }
    )


def event_held(period: Period) -> Q:
    return Q(status=EventStatus.CLOSED) & _ended_in(period)


def event_attended(period: Period) -> Q:
    """An attended registration of an event held in the period."""
    return (
        Q(status=RegistrationStatus.ATTENDED)
        & Q(event__status=EventStatus.CLOSED)
        & _ended_in(period, "event__")
    )


EVENTS_HELD = Measure(Counter("event", event_held))
EVENT_PARTICIPANTS = Measure(Counter("registration", event_attended))
EVENT_UNIQUE_PARTICIPANTS = Measure(Counter("registration", event_attended, field="user"))


@kpi(
    title=_("Events held"),
    summary=_(
        "Events (tours, workshops, seminars, challenge days, demo days, job fairs) that took "
        "place and ended in the period; cancelled events do not count."
    ),
    unit=Unit.COUNT,
    dimensions=EVENT_DIMENSIONS,
    measure=EVENTS_HELD,
    row_kind=RowKind.EVENT,
)
def events_held(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Events of the scope's hubs that were held (closed: not drafts, not cancelled, not still
    to come) and whose end time falls on a day of the period (Asia/Seoul)."""
    return evaluate_one("events_held", EVENTS_HELD, scope, period, by)


@kpi(
    title=_("Event participants"),
    summary=_("Attendances recorded at the events held in the period (one per person and event)."),
    unit=Unit.COUNT,
    dimensions=REGISTRATION_DIMENSIONS,
    measure=EVENT_PARTICIPANTS,
    row_kind=RowKind.PERSON,
)
def event_participants(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Registrations marked as attended, of the events counted by `events_held`. A person at
    three events counts three times (see `event_unique_participants`)."""
    return evaluate_one("event_participants", EVENT_PARTICIPANTS, scope, period, by)


@kpi(
    title=_("Event participants (unique persons)"),
    summary=_("Different people who attended at least one event held in the period."),
    unit=Unit.COUNT,
    dimensions=REGISTRATION_DIMENSIONS,
    measure=EVENT_UNIQUE_PARTICIPANTS,
    row_kind=RowKind.PERSON,
)
def event_unique_participants(scope: Scope, period: Period, by: str | None = None) -> KpiResult:
    """Distinct people among `event_participants`."""
    return evaluate_one("event_unique_participants", EVENT_UNIQUE_PARTICIPANTS, scope, period, by)
