"""Third-party consents are evidence of what a person agreed to: operators read them in the back
office and change or delete nothing (nor revert their history)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from talenthub.hubs.tests.admin_scoping.helpers import admin_url, model_of


@pytest.fixture
def consent(scene):
    return model_of("projects.ThirdPartyConsent").objects.create(
        user=scene["trainee"],
        organisation=scene.organisation,
        share_contact=False,
        text_version="2025-1",
        text="귀사에 수료 정보를 제공하는 데 동의합니다.",
        consented_at=timezone.now(),
    )


def test_the_operator_reads_the_consent_but_the_page_is_read_only(consent, operator_client):
    response = operator_client.get(admin_url("projects.ThirdPartyConsent", "change", consent.pk))

    assert response.status_code == 200
    assert response.context["has_change_permission"] is False
    assert response.context["has_delete_permission"] is False


def test_a_forged_change_saves_nothing(consent, operator_client):
    url = admin_url("projects.ThirdPartyConsent", "change", consent.pk)

    response = operator_client.post(url, {"share_contact": "on", "text_version": "forged"})

    assert response.status_code == 403
    consent.refresh_from_db()
    assert (consent.share_contact, consent.text_version) == (False, "2025-1")


def test_the_operator_cannot_delete_a_consent(consent, operator_client):
    url = admin_url("projects.ThirdPartyConsent", "delete", consent.pk)

    assert operator_client.post(url, {"post": "yes"}).status_code == 403
    assert model_of("projects.ThirdPartyConsent").objects.filter(pk=consent.pk).exists()
