from __future__ import annotations

import pytest


@pytest.fixture
def scene(world, factories):
    """World plus a row of every hub-scoped model in beta, and a person only beta knows."""
    beta_org = factories.OrganisationFactory(hub=world.other_hub, name="베타파트너스")
    factories.AgreementFactory(organisation=beta_org)
    factories.AgreementFactory(organisation=world.organisation)
    beta_trainee = factories.UserFactory(email="trainee@beta.example.kr", name="베타 교육생")
    factories.MembershipFactory(user=beta_trainee, hub=world.other_hub, role="trainee")
    factories.EnrollmentFactory(cohort=world.other_cohort, user=beta_trainee)
    world.people["beta_trainee"] = beta_trainee
    world.beta_organisation = beta_org
    return world


@pytest.fixture
def operator_client(client, world):
    client.force_login(world["operator"])
    return client
