"""Every URL pattern the project resolves, requested with GET as every persona, answers as
tests/authz/matrix.py says; a URL without a row fails (deny by default)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pytest
import time_machine
from django.db import transaction

from talenthub.testing.personas import World, build_world
from tests.authz import scene
from tests.authz.matrix import MATRIX, PERSONAS, POST_MATRIX, POST_ONLY
from tests.authz.resolved import ResolvedPattern, resolved_patterns

# Personas with no right to the personal data of hub alpha's trainees.
WITHOUT_PERSONAL_DATA_RIGHTS = (
    "anonymous",
    "company",
    "mentor",
    "judge",
    "consortium_lead",
    "funder",
    "other_operator",
    "outsider",
)


# Pages that show the trainee to one of those personas by design, and what they show. Anything
# else shown to them is a leak.
_LINK_HOLDERS = {persona: ["name"] for persona in WITHOUT_PERSONAL_DATA_RIGHTS}
DISCLOSED: dict[str, dict[str, list[str]]] = {
    # The judge is the reviewer alpha's operator invited to screen the applications.
    "enrollments:cohort_applications": {"judge": ["name"]},
    # Reviewers see the applicant's name, answers and résumé, not their contact details.
    "enrollments:application_review": {"judge": ["name"]},
    # The trainee consented to share contact details with the company (third-party provision).
    "projects:company_project_detail": {"company": ["email", "mobile", "name"]},
    "projects:company_job_detail": {"company": ["email", "mobile", "name"]},
    # The people the organisation hired (outcomes at that organisation).
    "projects:partner_history": {"company": ["name"]},
    # Personal links: whoever holds the signed follow-up link or the secret calendar address.
    "outcomes:follow_up_report": _LINK_HOLDERS,
    "attendance:person_calendar": _LINK_HOLDERS,
    # Public verification of a certificate shows its holder's name, course and dates.
    "attendance:verify": _LINK_HOLDERS,
}


@cache
def _resolved() -> dict[str, ResolvedPattern]:
    return resolved_patterns()


def test_every_resolved_url_has_a_row_in_the_matrix():
    missing = {key: pattern.route for key, pattern in _resolved().items() if key not in MATRIX}
    assert missing == {}, "decide who may see these URLs and add rows to tests/authz/matrix.py"


def test_every_row_of_the_matrix_names_a_url_that_still_resolves():
    assert sorted(set(MATRIX) - set(_resolved())) == []


def test_the_matrix_has_a_column_for_every_persona_and_only_those():
    assert PERSONAS == scene.PERSONAS
    assert {key: tuple(row) for key, row in MATRIX.items() if tuple(row) != PERSONAS} == {}


@dataclass(frozen=True)
class Shared:
    world: World
    scene: scene.Scene
    sessions: dict[str, str]


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker) -> Iterator[Shared]:
    """One world, scene and set of signed-in sessions for the whole module (its many tests only
    read them). They live in a transaction rolled back at the end; each test runs in a savepoint
    inside it, so what a request writes (sessions, messages) is undone after each test."""
    with django_db_blocker.unblock(), transaction.atomic():
        with time_machine.travel(scene.NOW, tick=True):
            world = build_world()
            built = scene.build_scene(world)
            sessions = scene.session_keys(world)
        yield Shared(world, built, sessions)
        transaction.set_rollback(True)


def _path(shared: Shared, key: str) -> str:
    pattern = _resolved()[key]
    return pattern.path(scene.url_values(shared.scene, pattern))


def _get_as_everyone(shared: Shared, key: str, personas=PERSONAS):
    path = _path(shared, key)
    clients = scene.clients_of(shared.sessions)
    return path, {persona: clients[persona].get(path) for persona in personas}


@pytest.mark.parametrize("key", list(_resolved()))
def test_url_answers_every_persona_as_the_matrix_says(shared, db, key):
    if key not in MATRIX:
        pytest.fail(f"{key} ({_resolved()[key].route}) has no row in tests/authz/matrix.py")
    path, responses = _get_as_everyone(shared, key)
    observed = {persona: scene.outcome(response) for persona, response in responses.items()}
    assert observed == MATRIX[key], f"GET {path}"


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode(errors="replace")


@pytest.mark.parametrize("key", list(_resolved()))
def test_no_page_shows_an_alpha_trainee_to_a_persona_without_a_right_to_see_them(shared, db, key):
    trainee = shared.world["trainee"]
    path, responses = _get_as_everyone(shared, key, WITHOUT_PERSONAL_DATA_RIGHTS)
    shown = {
        persona: [
            field
            for field, value in (
                ("email", trainee.email),
                ("mobile", trainee.mobile),
                ("name", trainee.name),
            )
            if value in _text(response)
        ]
        for persona, response in responses.items()
        if response.status_code == 200
    }
    shown = {persona: fields for persona, fields in shown.items() if fields}
    assert shown == DISCLOSED.get(key, {}), f"GET {path}"


def test_every_post_only_url_has_a_row_of_what_a_post_does():
    post_only = {key for key, row in MATRIX.items() if row == POST_ONLY}
    assert sorted(post_only ^ set(POST_MATRIX)) == []


@pytest.mark.parametrize("key", sorted(POST_MATRIX))
def test_a_post_to_a_state_changing_url_is_taken_only_from_those_who_may_act(shared, db, key):
    """An empty form, as every persona; each POST is undone before the next one."""
    path = _path(shared, key)
    clients = scene.clients_of(shared.sessions)
    observed = {}
    for persona in PERSONAS:
        with transaction.atomic():
            observed[persona] = scene.outcome(clients[persona].post(path))
            transaction.set_rollback(True)
    assert observed == POST_MATRIX[key], f"POST {path}"
