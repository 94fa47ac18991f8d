"""Registrations, the seat ledger, the waitlist and attendance, through the services."""

from __future__ import annotations

import datetime

import pytest

from talenthub.core.errors import DomainError
from talenthub.events import services
from talenthub.events.choices import EventStatus, RegistrationStatus
from talenthub.events.models import EventSeats, Registration
from talenthub.events.tests.helpers import NOW, at, make_event, people

pytestmark = pytest.mark.django_db


def _register(event, person, when=NOW):
    return services.registration_register(event=event, user=person, now=when)


def test_registrations_beyond_capacity_are_waitlisted_in_order(world):
    event = make_event(world.hub, capacity=2)
    a, b, c, d = people("w", 4)
    statuses = [_register(event, p).status for p in (a, b, c, d)]
    assert statuses == ["registered", "registered", "waitlisted", "waitlisted"]
    assert EventSeats.objects.get(event=event).seats_taken == 2


def test_registering_twice_changes_nothing(world):
    event = make_event(world.hub, capacity=2)
    person = people("twice", 1)[0]
    first = _register(event, person)
    again = _register(event, person, NOW + datetime.timedelta(minutes=5))
    assert again.pk == first.pk
    assert again.queued_at == first.queued_at
    assert EventSeats.objects.get(event=event).seats_taken == 1


def test_a_cancelled_seat_goes_to_the_first_person_waiting(world):
    event = make_event(world.hub, capacity=1)
    a, b, c = people("cancel", 3)
    held = _register(event, a)
    _register(event, b, NOW + datetime.timedelta(minutes=1))
    _register(event, c, NOW + datetime.timedelta(minutes=2))
    services.registration_cancel(registration=held, now=NOW + datetime.timedelta(hours=1))
    statuses = dict(Registration.objects.filter(event=event).values_list("user_id", "status"))
    assert statuses == {a.pk: "cancelled", b.pk: "registered", c.pk: "waitlisted"}
    assert EventSeats.objects.get(event=event).seats_taken == 1


def test_cancelling_a_waitlisted_place_frees_no_seat(world):
    event = make_event(world.hub, capacity=1)
    a, b = people("wl", 2)
    _register(event, a)
    waiting = _register(event, b)
    services.registration_cancel(registration=waiting, now=NOW)
    assert Registration.objects.get(pk=waiting.pk).status == "cancelled"
    assert EventSeats.objects.get(event=event).seats_taken == 1


def test_someone_who_cancelled_joins_again_at_the_end_of_the_queue(world):
    event = make_event(world.hub, capacity=1)
    a, b = people("again", 2)
    first = _register(event, a)
    services.registration_cancel(registration=first, now=NOW)
    _register(event, b, NOW + datetime.timedelta(minutes=1))
    back = _register(event, a, NOW + datetime.timedelta(minutes=2))
    assert back.pk == first.pk
    assert back.status == "waitlisted"


def test_raising_the_capacity_admits_the_waitlist(world):
    event = make_event(world.hub, capacity=1)
    a, b, c = people("raise", 3)
    for person in (a, b, c):
        _register(event, person)
    services.event_update(event=event, capacity=2, now=NOW)
    assert Registration.objects.filter(event=event, status="registered").count() == 2
    services.event_update(event=event, capacity=None, now=NOW)
    assert Registration.objects.filter(event=event, status="registered").count() == 3


def test_the_capacity_cannot_drop_below_the_seats_held(world):
    event = make_event(world.hub, capacity=3)
    for person in people("drop", 3):
        _register(event, person)
    with pytest.raises(DomainError, match="cannot be lower than the 3 people"):
        services.event_update(event=event, capacity=2, now=NOW)


def test_unlimited_events_never_waitlist(world):
    event = make_event(world.hub, capacity=None)
    statuses = {_register(event, p).status for p in people("open", 30)}
    assert statuses == {RegistrationStatus.REGISTERED}


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("draft", "This event is not open for registration."),
        ("cancelled", "This event has been cancelled."),
        ("closed", "Registration for this event has closed."),
        ("started", "Registration for this event has closed."),
    ],
)
def test_registration_is_refused_unless_the_event_is_open(world, setup, message):
    event = make_event(world.hub, publish=setup != "draft")
    when = NOW
    if setup == "cancelled":
        services.event_cancel(event=event)
    elif setup == "closed":
        services.event_close(event=event, now=at(event, 1))
    elif setup == "started":
        when = at(event, 0.5)
    with pytest.raises(DomainError) as refused:
        _register(event, people("refused", 1)[0], when)
    assert refused.value.message == message


def test_attendance_is_recorded_in_bulk_once_the_event_has_started(world):
    event = make_event(world.hub, capacity=3)
    a, b, c = people("mark", 3)
    rows = [_register(event, p) for p in (a, b, c)]
    with pytest.raises(DomainError, match="once the event has started"):
        services.registrations_mark(
            event=event, registration_ids=[rows[0].pk], status="attended", now=NOW
        )
    count = services.registrations_mark(
        event=event, registration_ids=[r.pk for r in rows[:2]], status="attended", now=at(event, 1)
    )
    services.registrations_mark(
        event=event, registration_ids=[rows[2].pk], status="no_show", now=at(event, 1)
    )
    assert count == 2
    statuses = dict(Registration.objects.filter(event=event).values_list("user_id", "status"))
    assert statuses == {a.pk: "attended", b.pk: "attended", c.pk: "no_show"}
    with pytest.raises(DomainError, match="cannot be cancelled"):
        services.registration_cancel(registration=rows[0], now=NOW)


def test_waitlisted_people_cannot_be_marked_attended(world):
    event = make_event(world.hub, capacity=1)
    a, b = people("nomark", 2)
    _register(event, a)
    waiting = _register(event, b)
    changed = services.registrations_mark(
        event=event, registration_ids=[waiting.pk], status="attended", now=at(event, 1)
    )
    assert changed == 0


def test_events_close_when_they_end_and_not_before_they_start(world):
    event = make_event(world.hub)
    with pytest.raises(DomainError, match="only once it has started"):
        services.event_close(event=event, now=NOW)
    assert services.events_close_ended(now=at(event, 2)) == 0
    assert services.events_close_ended(now=at(event, 3)) == 1
    event.refresh_from_db()
    assert event.status == EventStatus.CLOSED
    with pytest.raises(DomainError, match="cannot be cancelled"):
        services.event_cancel(event=event)


def test_an_event_ends_after_it_starts(world):
    with pytest.raises(DomainError, match="must end after it starts"):
        services.event_create(
            hub=world.hub, kind="seminar", title="세미나", starts_at=NOW, ends_at=NOW
        )


def test_sites_and_partners_must_belong_to_the_events_hub(world):
    from talenthub.hubs.models import Site
    from talenthub.partners.models import Organisation

    site = Site.objects.create(hub=world.other_hub, name="베타 교육장")
    partner = Organisation.objects.create(hub=world.other_hub, kind="company", name="베타기업")
    end = NOW + datetime.timedelta(hours=2)
    with pytest.raises(DomainError, match="site belongs to another hub"):
        services.event_create(
            hub=world.hub, kind="tour", title="투어", starts_at=NOW, ends_at=end, site=site
        )
    with pytest.raises(DomainError, match="partner belongs to another hub"):
        services.event_create(
            hub=world.hub, kind="tour", title="투어", starts_at=NOW, ends_at=end, partners=[partner]
        )


def test_the_ledger_refuses_an_overbooking_even_around_the_services(world):
    from django.db import IntegrityError, transaction

    event = make_event(world.hub, capacity=1)
    _register(event, people("ledger", 1)[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        EventSeats.objects.filter(pk=event.pk).update(seats_taken=2)
