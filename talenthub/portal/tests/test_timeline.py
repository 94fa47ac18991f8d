from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from talenthub.attendance.selectors import timeline_entries as attendance_entries
from talenthub.core.timeline import TimelineEntry
from talenthub.enrollments.choices import SelectionMode
from talenthub.enrollments.selectors import timeline_entries as enrolment_entries
from talenthub.enrollments.tests.helpers import apply, make_cohort, make_user
from talenthub.portal.timeline import PROVIDERS, timeline_for_operator, timeline_for_person

UTC = datetime.UTC


@pytest.fixture(autouse=True)
def _english(settings):
    """Pages compared in English (the Korean catalogue is checked in tests/i18n)."""
    settings.LANGUAGE_CODE = "en"


def _entry(hour: int, title: str, hub_id: int | None) -> TimelineEntry:
    return TimelineEntry(
        at=datetime.datetime(2026, 3, 1, hour, tzinfo=UTC), kind="test", title=title, hub_id=hub_id
    )


def test_every_app_that_has_entries_is_a_provider():
    assert enrolment_entries in PROVIDERS
    assert attendance_entries in PROVIDERS


def test_entries_of_all_providers_are_merged_in_time_order():
    def first(user_id: int) -> list[TimelineEntry]:
        return [_entry(9, "b", 1), _entry(7, "a", 1)]

    def second(user_id: int) -> list[TimelineEntry]:
        return [_entry(8, "between", 2)]

    titles = [entry.title for entry in timeline_for_person(1, providers=(first, second))]
    assert titles == ["a", "between", "b"]


def test_an_operator_gets_only_their_hubs_entries_and_never_hubless_ones():
    def provider(user_id: int) -> list[TimelineEntry]:
        return [_entry(7, "hub 1", 1), _entry(8, "hub 2", 2), _entry(9, "no hub", None)]

    assert [e.title for e in timeline_for_operator(1, {2}, providers=(provider,))] == ["hub 2"]
    assert len(timeline_for_person(1, providers=(provider,))) == 3


def test_a_persons_timeline_shows_every_application_and_enrolment(world):
    person = make_user()
    cohort = make_cohort(world.hub, capacity=1)
    apply(cohort, person)
    client = Client()
    client.force_login(person)
    page = client.get(reverse("portal:my_timeline")).content.decode()
    assert f"Applied to {cohort}" in page
    assert f"Admitted to {cohort}" in page
    assert f"Enrolment in {cohort} starts" in page
    assert 'data-applications="1" data-enrollments="1"' in page


def test_the_other_hubs_operator_sees_only_their_hubs_part_of_a_persons_timeline(world):
    person = make_user()
    here = make_cohort(world.hub, mode=SelectionMode.SCREENING)
    there = make_cohort(world.other_hub, mode=SelectionMode.SCREENING)
    apply(here, person)
    apply(there, person)
    url = reverse("portal:person_timeline", args=[person.pk])
    for operator, shown, hidden in (
        (world["operator"], here, there),
        (world["other_operator"], there, here),
    ):
        client = Client()
        client.force_login(operator)
        page = client.get(url).content.decode()
        assert f"Applied to {shown}" in page
        assert f"Applied to {hidden}" not in page
        assert 'data-applications="1" data-enrollments="0"' in page


def test_an_operator_cannot_open_the_timeline_of_someone_outside_their_hubs(world):
    client = Client()
    client.force_login(world["other_operator"])
    response = client.get(reverse("portal:person_timeline", args=[world["trainee"].pk]))
    assert response.status_code == 404


def test_the_people_page_counts_people_and_enrolments_separately(world):
    person = make_user()
    for _ in range(2):
        apply(make_cohort(world.hub, capacity=5), person)
    client = Client()
    client.force_login(world["operator"])
    page = client.get(reverse("portal:manage_people")).content.decode()
    # The personas' memberships plus the trainee's enrolment, then this person's two enrolments.
    assert 'data-people-enrolled="2" data-enrollments="3"' in page
