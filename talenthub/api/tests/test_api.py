from __future__ import annotations

import datetime
import json

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from talenthub.api import tokens
from talenthub.api.models import ApiToken
from talenthub.enrollments.models import Enrollment
from talenthub.outcomes.models import Outcome


def _json(response):
    return json.loads(response.content)


def test_a_token_is_stored_hashed_with_a_prefix_and_works(world, token, api):
    secret = token("operator")
    row = ApiToken.objects.get()
    assert secret.startswith(f"th_{row.prefix}_")
    assert row.token_hash == tokens.digest(secret)
    assert secret not in json.dumps(list(ApiToken.objects.values()), default=str)

    response = api(secret).get("/api/cohorts")
    assert response.status_code == 200
    assert [c["course_code"] for c in _json(response)["items"]] == ["AI-101"]
    row.refresh_from_db()
    assert row.last_used_at is not None


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer nonsense", "Bearer th_abcdefgh_" + "x" * 43, "Basic dXNlcjpwYXNz"],
)
def test_requests_without_a_valid_token_get_401_in_the_error_shape(world, header):
    client = Client(headers={"Authorization": header} if header else {})
    response = client.get("/api/enrolments")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = _json(response)
    assert set(body) == {"error"}
    assert body["error"]["code"] == "unauthorized"
    assert body["error"]["fields"] == {}


def test_revoked_and_expired_tokens_stop_working(world, token, api):
    secret = token("operator")
    row = ApiToken.objects.get()
    row.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    row.created_at = row.expires_at - datetime.timedelta(days=1)
    row.save()
    assert api(secret).get("/api/cohorts").status_code == 401

    other = token("operator")
    client = Client()
    client.force_login(world["operator"])
    revoke = ApiToken.objects.get(token_hash=tokens.digest(other))
    client.post(reverse("api_tokens:token_revoke", args=[revoke.pk]))
    assert api(other).get("/api/cohorts").status_code == 401


def test_a_token_of_another_hub_sees_nothing_of_this_hub(world, token, api):
    beta = api(token("other_operator"))
    alpha_enrolment = Enrollment.objects.get(cohort=world.cohort)
    assert beta.get(f"/api/cohorts/{world.cohort.pk}").status_code == 404
    assert beta.get(f"/api/enrolments/{alpha_enrolment.pk}").status_code == 404
    assert _json(beta.get("/api/enrolments"))["items"] == []
    assert [c["id"] for c in _json(beta.get("/api/cohorts"))["items"]] == [world.other_cohort.pk]


def test_an_operators_token_for_a_hub_they_do_not_run_is_refused(world, token):
    from talenthub.core.errors import DomainError

    with pytest.raises(DomainError):
        token("operator", hub=world.other_hub)


def test_a_scope_the_token_lacks_is_403(world, token, api):
    client = api(token("operator", scopes=["cohorts:read"]))
    assert client.get("/api/cohorts").status_code == 200
    response = client.get("/api/enrolments")
    assert response.status_code == 403
    assert _json(response)["error"]["code"] == "forbidden"


def test_a_role_without_the_right_is_403_whatever_the_scopes(world, token, api):
    funder = api(token("funder"))
    assert funder.get("/api/enrolments").status_code == 403
    assert funder.get("/api/cohorts").status_code == 403
    assert funder.get("/api/survey-results").status_code == 200
    assert funder.get("/api/kpis").status_code == 200
    company = api(token("company"))
    assert company.get("/api/partners").status_code == 403


def test_a_trainee_sees_only_their_own_records(world, token, api, factories):
    classmate = factories.EnrollmentFactory(cohort=world.cohort)
    client = api(token("trainee"))
    items = _json(client.get("/api/enrolments"))["items"]
    assert [e["person"]["id"] for e in items] == [world["trainee"].pk]
    assert items[0]["person"]["email"] == world["trainee"].email
    assert client.get(f"/api/enrolments/{classmate.pk}").status_code == 404
    valid = {"cohort_id": world.cohort.pk, "email": classmate.user.email}
    assert client.post("/api/enrolments", valid, content_type="application/json").status_code == 403


def test_hangul_travels_unescaped(world, token, api):
    response = api(token("operator")).get(f"/api/cohorts/{world.cohort.pk}")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "생성형 AI 실무" in response.content.decode("utf-8")
    assert b"\\u" not in response.content


def test_validation_errors_name_their_fields(world, token, api):
    response = api(token("operator")).get("/api/cohorts?limit=500&status=nope")
    assert response.status_code == 422
    error = _json(response)["error"]
    assert error["code"] == "invalid"
    assert set(error["fields"]) == {"query.limit", "query.status"}


def test_lists_filter_and_page(world, token, api, factories):
    for _ in range(3):
        factories.EnrollmentFactory(cohort=world.cohort)
    client = api(token("operator"))
    first = _json(client.get(f"/api/enrolments?cohort_id={world.cohort.pk}&limit=2"))
    second = _json(client.get(f"/api/enrolments?cohort_id={world.cohort.pk}&limit=2&offset=2"))
    assert (first["count"], len(first["items"]), len(second["items"])) == (4, 2, 2)
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert _json(client.get("/api/enrolments?status=completed"))["count"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/api/enrolments",
        "/api/applications",
        "/api/attendance",
        "/api/outcomes",
        "/api/cohorts",
        "/api/catalogue/cohorts",
    ],
)
def test_lists_make_as_many_queries_for_50_rows_as_for_5(world, token, api, factories, path):
    from talenthub.enrollments.models import Application

    client = api(token("operator"))
    client.get(path)  # the first use of a token also records when it was used

    def queries(n: int) -> int:
        for _ in range(n):
            person = factories.UserFactory()
            factories.EnrollmentFactory(cohort=world.cohort, user=person)
            Application.objects.create(cohort=world.cohort, user=person)
            Outcome.objects.create(
                user=person, hub=world.hub, category="still_seeking", source="operator"
            )
            factories.CohortFactory(course=world.course)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path + "?limit=100").status_code == 200
        return len(captured)

    assert queries(5) == queries(45)


def test_an_operator_enrols_a_person_and_records_an_outcome(world, token, api, factories):
    person = factories.UserFactory(email="api-person@example.kr", mobile="010-4400-0001")
    client = api(token("operator"))
    created = client.post(
        "/api/enrolments",
        {"cohort_id": world.cohort.pk, "mobile": "01044000001"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert Enrollment.objects.filter(cohort=world.cohort, user=person).exists()
    again = client.post(
        "/api/enrolments",
        {"cohort_id": world.cohort.pk, "email": person.email},
        content_type="application/json",
    )
    assert again.status_code == 400
    assert _json(again)["error"]["code"] == "refused"

    outcome = client.post(
        "/api/outcomes",
        {
            "email": person.email,
            "category": "full_time",
            "organisation_name": "전주데이터",
            "starts_on": "2025-06-02",
        },
        content_type="application/json",
    )
    assert outcome.status_code == 201, outcome.content
    assert Outcome.objects.get(user=person).reported_by == world["operator"]


def test_an_operator_decides_an_application(world, token, api, factories):
    from talenthub.enrollments.models import Application

    application = Application.objects.create(cohort=world.cohort, user=factories.UserFactory())
    response = api(token("operator")).post(
        f"/api/applications/{application.pk}/decision",
        {"decision": "reject", "reason": "정원 초과"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert _json(response)["status"] == "rejected"


def test_kpis_come_from_the_reports_app(world, token, api):
    body = _json(api(token("funder")).get("/api/kpis?year=2025"))
    assert body["hub"] == "alpha"
    names = [k["name"] for k in body["kpis"]]
    assert "participants" in names


@override_settings(TALENTHUB_API_RATE_LIMIT=3)
def test_too_many_requests_get_429_with_retry_after(world, token, api):
    client = api(token("operator"))
    statuses = [client.get("/api/cohorts").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/cohorts")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert _json(response)["error"]["code"] == "rate_limited"
    # Another token has its own allowance.
    assert api(token("operator")).get("/api/cohorts").status_code == 200


def test_the_public_catalogue_needs_no_token(world):
    response = Client().get("/api/catalogue/cohorts")
    assert response.status_code == 200
    assert _json(response)["count"] == 2


def test_the_schema_and_the_docs_are_served_locally(world):
    schema = Client().get("/api/schema/")
    assert schema.status_code == 200
    assert _json(schema)["openapi"].startswith("3.")
    docs = Client().get("/api/docs")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert "<script>" not in page


@pytest.mark.parametrize("persona", ["operator", "trainee", "funder", "other_operator", "outsider"])
def test_the_token_page_is_for_people_with_a_role(world, persona):
    client = Client()
    client.force_login(world[persona])
    page = client.get(reverse("api_tokens:token_list"))
    assert page.status_code == 200
    hub = world.other_hub if persona == "other_operator" else world.hub
    created = client.post(
        reverse("api_tokens:token_list"),
        {"name": "sync", "hub": hub.pk, "scopes": ["cohorts:read"], "days": 30},
    )
    if persona == "outsider":
        assert not ApiToken.objects.exists()
        return
    row = ApiToken.objects.get()
    secret = created.content.decode().split('data-testid="token-secret">')[1].split("<")[0]
    assert tokens.matches(secret, row.token_hash)
    # Shown once: the list afterwards shows only the prefix.
    assert secret not in client.get(reverse("api_tokens:token_list")).content.decode()


def test_tokens_are_revoked_by_their_owner_or_the_hubs_operators_only(world, token):
    token("trainee")
    row = ApiToken.objects.get()
    for persona, status in [("other_operator", 404), ("funder", 404), ("operator", 302)]:
        client = Client()
        client.force_login(world[persona])
        assert client.post(reverse("api_tokens:token_revoke", args=[row.pk])).status_code == status
    row.refresh_from_db()
    assert row.revoked_by == world["operator"]
    anonymous = Client().post(reverse("api_tokens:token_revoke", args=[row.pk]))
    assert anonymous.status_code == 302
