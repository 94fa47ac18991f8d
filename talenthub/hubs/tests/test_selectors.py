from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from talenthub.accounts.models import User
from talenthub.hubs.choices import Role
from talenthub.hubs.selectors import (
    consortia_led_by,
    hub_ids_for_roles,
    hubs_visible_in_rollup,
    is_funder,
    memberships_of,
    operated_hub_ids,
    roles_of,
)
from talenthub.hubs.services import membership_grant, membership_revoke


def _fresh(user: User) -> User:
    """The same person without the per-instance role cache of hub_ids_for_roles."""
    return User.objects.get(pk=user.pk)


def _other_region(factories):
    yeongnam = factories.ConsortiumFactory(
        code="yeongnam", name="영남권", lead_agency="대구디지털혁신진흥원"
    )
    return factories.HubFactory(code="gamma", name="감마ICT이노베이션스퀘어", consortium=yeongnam)


def test_hub_ids_for_roles_gives_the_hubs_where_the_person_holds_any_of_the_roles(world, factories):
    person = world["instructor"]
    factories.MembershipFactory(user=person, hub=world.other_hub, role="mentor")
    person = _fresh(person)

    assert hub_ids_for_roles(person, [Role.INSTRUCTOR]) == {world.hub.id}
    assert hub_ids_for_roles(person, [Role.MENTOR]) == {world.other_hub.id}
    assert hub_ids_for_roles(person, [Role.INSTRUCTOR, Role.MENTOR]) == {
        world.hub.id,
        world.other_hub.id,
    }
    assert hub_ids_for_roles(person, [Role.OPERATOR]) == set()
    assert hub_ids_for_roles(person, []) == set()


def test_hub_ids_for_roles_accepts_role_values_as_plain_strings(world):
    assert hub_ids_for_roles(world["operator"], ["operator"]) == {world.hub.id}


def test_hub_ids_for_roles_is_empty_for_anonymous_and_for_someone_without_a_role(world):
    assert hub_ids_for_roles(AnonymousUser(), list(Role)) == set()
    assert hub_ids_for_roles(world["outsider"], list(Role)) == set()


def test_a_superuser_holds_every_role_in_every_hub(world, factories):
    gamma = _other_region(factories)

    assert hub_ids_for_roles(world["superuser"], [Role.TRAINEE]) == {
        world.hub.id,
        world.other_hub.id,
        gamma.id,
    }


def test_an_inactive_membership_gives_nothing(world):
    membership = world["operator"].memberships.get()
    membership_revoke(membership=membership)
    operator = _fresh(world["operator"])

    assert hub_ids_for_roles(operator, [Role.OPERATOR]) == set()
    assert operated_hub_ids(operator) == set()
    assert roles_of(operator) == set()
    assert list(memberships_of(operator)) == []
    assert list(hubs_visible_in_rollup(operator)) == []


def test_an_inactive_consortium_lead_membership_leads_nothing(world):
    world["consortium_lead"].memberships.update(is_active=False)
    lead = _fresh(world["consortium_lead"])

    assert list(consortia_led_by(lead)) == []
    assert list(hubs_visible_in_rollup(lead)) == []


def test_an_inactive_funder_membership_is_no_funder(world):
    world["funder"].memberships.update(is_active=False)
    funder = _fresh(world["funder"])

    assert is_funder(funder) is False
    assert list(hubs_visible_in_rollup(funder)) == []


def test_a_revoked_membership_granted_again_counts_again(world):
    membership = world["operator"].memberships.get()
    membership_revoke(membership=membership)
    membership_grant(user=world["operator"], hub=world.hub, role=Role.OPERATOR)

    assert operated_hub_ids(_fresh(world["operator"])) == {world.hub.id}


def test_the_consortium_lead_leads_the_consortium_of_their_hub(world, factories):
    _other_region(factories)

    assert list(consortia_led_by(world["consortium_lead"])) == [world.hub.consortium]


def test_a_lead_in_two_member_hubs_of_one_consortium_gets_it_once(world, factories):
    factories.MembershipFactory(
        user=world["consortium_lead"], hub=world.other_hub, role="consortium_lead"
    )

    assert list(consortia_led_by(_fresh(world["consortium_lead"]))) == [world.hub.consortium]


def test_no_one_else_leads_a_consortium(world):
    for persona in ("operator", "funder", "trainee", "other_operator", "outsider"):
        assert list(consortia_led_by(world[persona])) == [], persona
    assert list(consortia_led_by(AnonymousUser())) == []


def test_the_consortium_lead_sees_every_hub_of_their_consortium_in_the_rollup(world, factories):
    _other_region(factories)

    assert set(hubs_visible_in_rollup(world["consortium_lead"])) == {world.hub, world.other_hub}


def test_the_funder_sees_every_hub_in_the_rollup(world, factories):
    gamma = _other_region(factories)

    assert set(hubs_visible_in_rollup(world["funder"])) == {world.hub, world.other_hub, gamma}


def test_an_operator_sees_only_their_own_hub_in_the_rollup(world, factories):
    _other_region(factories)

    assert list(hubs_visible_in_rollup(world["operator"])) == [world.hub]
    assert list(hubs_visible_in_rollup(world["other_operator"])) == [world.other_hub]


def test_an_operator_who_also_leads_the_consortium_sees_each_hub_once(world, factories):
    factories.MembershipFactory(user=world["operator"], hub=world.hub, role="consortium_lead")
    operator = _fresh(world["operator"])

    assert sorted(hub.code for hub in hubs_visible_in_rollup(operator)) == ["alpha", "beta"]


def test_the_outsider_and_anonymous_see_no_hub_in_the_rollup(world):
    assert list(hubs_visible_in_rollup(world["outsider"])) == []
    assert list(hubs_visible_in_rollup(AnonymousUser())) == []


def test_personas_without_a_rollup_role_see_no_hub_in_the_rollup(world):
    for persona in ("instructor", "trainee", "company", "mentor", "judge"):
        assert list(hubs_visible_in_rollup(world[persona])) == [], persona


def test_only_the_funder_and_the_superuser_are_funders(world):
    funders = {persona for persona in world.people if is_funder(world[persona])}

    assert funders == {"funder", "superuser"}
    assert is_funder(AnonymousUser()) is False


def test_roles_of_lists_the_active_roles_of_a_person(world, factories):
    factories.MembershipFactory(user=world["mentor"], hub=world.other_hub, role="judge")

    assert roles_of(_fresh(world["mentor"])) == {"mentor", "judge"}
    assert roles_of(AnonymousUser()) == set()
