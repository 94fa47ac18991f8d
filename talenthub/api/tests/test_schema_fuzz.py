"""Schemathesis against the API's own OpenAPI schema, in-process over WSGI: every operation, as
each role (an operator's, a trainee's and a funder's token, and no token). No response may be a
server error, and every response must be one the schema documents, in its content type and
shape. Kept small (a few examples per operation) so the suite stays fast."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
ROLES = ["anonymous", "operator", "trainee", "funder"]
EXAMPLES = 8


@pytest.fixture
def schema(db):
    # Django closes old database connections when a request starts and ends; called straight
    # through WSGI (the test client does the same as here), that would close the test's
    # transaction on PostgreSQL.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@override_settings(TALENTHUB_API_RATE_LIMIT=1_000_000)
@pytest.mark.parametrize("role", ROLES)
def test_every_operation_answers_within_its_schema(world, token, schema, role, factories):
    from talenthub.enrollments.models import Application

    # Something to find: an application and an outcome in alpha, so ids hit real rows sometimes.
    Application.objects.create(cohort=world.cohort, user=factories.UserFactory())
    headers = {} if role == "anonymous" else {"Authorization": f"Bearer {token(role)}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    statuses: set[tuple[str, int]] = set()

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def exchange(case: schemathesis.Case) -> None:
            response = case.call(headers=headers)
            statuses.add((case.operation.label, response.status_code))
            case.validate_response(response, checks=CHECKS, headers=headers)

        exchange()

    # The run reached the endpoints (not only their refusals).
    answered = {status for _label, status in statuses}
    assert 200 in answered
    if role == "anonymous":
        assert 401 in answered
    if role == "operator":
        assert ("GET /api/cohorts", 200) in statuses
