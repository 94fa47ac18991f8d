"""Done-when: a company user cannot see another company's projects or any trainee who did not
consent to third-party provision."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.urls import reverse

from talenthub.core.errors import DomainError
from talenthub.projects import access, selectors, services

pytestmark = pytest.mark.django_db


def test_company_user_cannot_open_another_companys_project(client, cast):
    client.force_login(cast.other_company)
    response = client.get(reverse("projects:company_project_detail", args=[cast.project.id]))
    assert response.status_code == 404


def test_company_project_list_shows_only_the_companys_own_projects(client, cast):
    client.force_login(cast.other_company)
    response = client.get(reverse("projects:company_project_list"))
    assert response.status_code == 200
    assert [p.id for p in response.context["page"]] == [cast.other_project.id]
    assert cast.project.title not in response.content.decode()


def test_company_sees_the_consenting_trainee_and_not_the_silent_one(client, cast):
    client.force_login(cast.world["company"])
    response = client.get(reverse("projects:company_project_detail", args=[cast.project.id]))
    page = response.content.decode()
    assert response.status_code == 200
    assert [a.name for a in response.context["applicants"]] == ["동의함"]
    assert "동의함" in page
    assert "비동의" not in page
    assert "비밀 동기" not in page
    assert cast.silent.email not in page


def test_company_sees_only_the_items_the_trainee_ticked(client, cast):
    client.force_login(cast.world["company"])
    response = client.get(reverse("projects:company_project_detail", args=[cast.project.id]))
    [applicant] = response.context["applicants"]
    assert applicant.email is None
    assert applicant.mobile is None
    assert applicant.motivation == "데이터 분석가가 되고 싶습니다."
    assert [line.title for line in applicant.training] == ["생성형 AI 실무"]
    assert cast.consenting.email not in response.content.decode()


def test_company_cannot_act_on_a_trainee_who_did_not_consent(client, cast):
    client.force_login(cast.world["company"])
    url = reverse(
        "projects:company_application_select",
        args=[cast.project.id, cast.silent_application.id],
    )
    response = client.post(url, {"decision": "select"})
    assert response.status_code == 404
    cast.silent_application.refresh_from_db()
    assert cast.silent_application.status == "applied"


def test_selecting_without_consent_is_refused_by_the_service_too(cast):
    with pytest.raises(DomainError):
        services.project_application_decide(
            application=cast.silent_application,
            select=True,
            acting_organisation_ids={cast.company_a.id},
        )


def test_withdrawn_consent_hides_the_trainee_again(cast):
    services.consent_withdraw(user=cast.consenting, organisation=cast.company_a)
    assert selectors.visible_project_applicants(cast.project, {cast.company_a.id}) == []
    with pytest.raises(Http404):
        access.application_for_company(
            cast.world["company"], cast.project, cast.consenting_application.id
        )


def test_consent_to_one_company_does_not_reach_another(cast):
    # company B is not part of company A's project: even its own consent-holders stay invisible.
    services.consent_give(
        user=cast.silent,
        organisation=cast.company_b,
        share_contact=True,
        share_training=True,
        share_documents=True,
    )
    assert (
        selectors.visible_project_applicants(cast.project, {cast.company_a.id})[0].name == "동의함"
    )
    assert len(selectors.visible_project_applicants(cast.project, {cast.company_a.id})) == 1


def test_consent_keeps_the_text_and_version_agreed_to(cast):
    consent = selectors.active_consent(
        user_id=cast.consenting.id, organisation_id=cast.company_a.id
    )
    assert consent is not None
    assert consent.text_version == "2025-1"
    assert cast.company_a.name in consent.text
    assert (consent.share_contact, consent.share_training, consent.share_documents) == (
        False,
        True,
        True,
    )


def test_operator_sees_every_applicant(client, cast):
    client.force_login(cast.world["operator"])
    response = client.get(reverse("projects:manage_project_detail", args=[cast.project.id]))
    page = response.content.decode()
    assert "동의함" in page
    assert "비동의" in page


def test_selection_stops_at_the_number_of_seats(cast, world):
    from talenthub.projects.tests.cast import graduate_of, person

    cast.project.seats = 1
    cast.project.save(update_fields=["seats"])
    services.project_application_decide(
        application=cast.consenting_application,
        select=True,
        acting_organisation_ids={cast.company_a.id},
    )
    late = person("late@example.kr", "늦은지원")
    graduate_of(world, late)
    late_application = services.project_apply(
        project=cast.project, user=late, motivation="", consent=True
    )
    with pytest.raises(DomainError):
        services.project_application_decide(
            application=late_application, select=True, acting_organisation_ids={cast.company_a.id}
        )
