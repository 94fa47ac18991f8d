"""The partner history page: who was hired is named to the company only with the person's
third-party consent (operators see everyone), and "mentors supplied" counts the people from the
organisation who served as mentors."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from talenthub.hubs.services import membership_grant
from talenthub.outcomes.services import outcome_record
from talenthub.partners.services import organisation_member_add
from talenthub.projects import services
from talenthub.projects.tests.cast import START, person

pytestmark = pytest.mark.django_db


def _hire_both(cast):
    """`consenting` hired through the project (consent to company A), `silent` recorded as hired
    at company A by an operator (no consent to company A)."""
    services.project_application_decide(
        application=cast.consenting_application,
        select=True,
        acting_organisation_ids={cast.company_a.id},
    )
    services.project_hire_record(
        application=cast.consenting_application,
        organisation=cast.company_a,
        by=cast.world["company"],
        employment_type="full_time",
        starts_on=datetime.date(2025, 7, 1),
    )
    outcome_record(
        user=cast.silent,
        hub=cast.world.hub,
        category="contract",
        organisation=cast.company_a,
        starts_on=datetime.date(2025, 8, 1),
        source="operator",
        reported_by=cast.world["operator"],
    )


def _page(client, user, organisation):
    client.force_login(user)
    return client.get(reverse("projects:partner_history", args=[organisation.id]))


def test_company_sees_only_consenting_hires_by_name_and_the_rest_as_a_count(client, cast):
    _hire_both(cast)
    response = _page(client, cast.world["company"], cast.company_a)
    assert response.status_code == 200
    history = response.context["history"]
    assert len(history.hires) == 2
    assert [h.name for h in history.named_hires] == ["동의함"]
    assert history.unnamed_hires == 1
    html = response.content.decode()
    assert "동의함" in html
    assert "비동의" not in html
    assert "1 more person hired, not named" in html


def test_operator_sees_every_hire_by_name(client, cast):
    _hire_both(cast)
    response = _page(client, cast.world["operator"], cast.company_a)
    history = response.context["history"]
    assert sorted(h.name for h in history.named_hires) == ["동의함", "비동의"]
    assert history.unnamed_hires == 0
    html = response.content.decode()
    assert "비동의" in html
    assert "not named" not in html


def test_a_withdrawn_consent_hides_the_name_again(client, cast):
    _hire_both(cast)
    services.consent_withdraw(user=cast.consenting, organisation=cast.company_a)
    history = _page(client, cast.world["company"], cast.company_a).context["history"]
    assert history.named_hires == []
    assert history.unnamed_hires == 2


def test_consent_to_another_company_does_not_name_the_person(client, cast):
    services.consent_give(
        user=cast.silent,
        organisation=cast.company_b,
        share_contact=True,
        share_training=True,
        share_documents=True,
    )
    _hire_both(cast)
    history = _page(client, cast.world["company"], cast.company_a).context["history"]
    assert [h.name for h in history.named_hires] == ["동의함"]


def test_mentors_supplied_are_the_organisations_people_who_served_as_mentors(client, cast):
    world = cast.world
    # A member of company A with a mentor role in the hub: counted.
    member_mentor = person("mentor@a.example.kr", "김멘토")
    organisation_member_add(organisation=cast.company_a, user=member_mentor)
    membership_grant(user=member_mentor, hub=world.hub, role="mentor")
    # A member of company A without the mentor role: not counted.
    organisation_member_add(organisation=cast.company_a, user=person("hr@a.example.kr", "최인사"))
    # A hub mentor who is not from company A: not counted.
    membership_grant(user=person("free@example.kr", "자유멘토"), hub=world.hub, role="mentor")
    # A second project naming the member mentor by e-mail: the same person, counted once.
    services.project_propose(
        organisation=cast.company_a,
        proposed_by=world["company"],
        title="스마트팜 센서 대시보드",
        problem="센서 데이터를 보여준다.",
        skills="JavaScript",
        seats=2,
        hours=80,
        mentor_name="김멘토",
        mentor_email="MENTOR@a.example.kr",
        starts_on=START,
        ends_on=START + datetime.timedelta(days=20),
    )
    # Company B's project that company A joins: its mentor is company B's, not counted for A.
    cast.other_project.partner_organisations.add(cast.company_a)

    response = _page(client, world["company"], cast.company_a)
    history = response.context["history"]
    assert history.mentors == ["김멘토", "박멘토"]
    html = response.content.decode()
    assert "People from this organisation who served as mentors" in html
    assert "이멘토" not in html.split("Mentors supplied")[-1]
    # Company B still counts its own mentor.
    other = _page(client, cast.other_company, cast.company_b).context["history"]
    assert other.mentors == ["이멘토"]
