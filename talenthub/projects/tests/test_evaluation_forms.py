"""The company evaluates each team member on the project page: one form per member, with ids of
its own, filled in with the member's evaluation; saving again updates it; errors name the field
and stand next to that member's form."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from talenthub.projects import services
from talenthub.projects.forms import EvaluationForm
from talenthub.projects.models import ProjectEvaluation
from talenthub.projects.tests.cast import graduate_of, person

pytestmark = pytest.mark.django_db

SCORES = {"skill": "4", "collaboration": "5", "problem_solving": "3", "comment": "꼼꼼합니다"}


def _select(cast, application):
    return services.project_application_decide(
        application=application, select=True, acting_organisation_ids={cast.company_a.id}
    )


@pytest.fixture
def team(cast):
    """Two members of company A's project, both consenting to provide their data to it."""
    second = person("second@example.kr", "두번째")
    graduate_of(cast.world, second)
    application = services.project_apply(
        project=cast.project, user=second, motivation="", consent=True
    )
    return [_select(cast, cast.consenting_application), _select(cast, application)]


def _page(client, cast) -> str:
    response = client.get(reverse("projects:company_project_detail", args=[cast.project.id]))
    assert response.status_code == 200
    return str(response.content.decode())


def _evaluate_url(cast, member) -> str:
    return reverse("projects:company_application_evaluate", args=[cast.project.id, member.id])


def _form_of(html: str, cast, member) -> str:
    """The evaluation form of one member, as rendered."""
    action = re.escape(_evaluate_url(cast, member))
    found = re.search(rf'<form method="post" action="{action}".*?</form>', html, re.S)
    assert found is not None, f"no evaluation form for member {member.id}"
    return found.group(0)


def _value(form_html: str, member, name: str) -> str | None:
    field = re.search(rf'<input[^>]*id="id_member_{member.id}_evaluation_{name}"[^>]*>', form_html)
    assert field is not None, f"no {name} field for member {member.id}"
    value = re.search(r'value="([^"]*)"', field.group(0))
    return value.group(1) if value else None


def test_the_form_is_filled_in_with_the_evaluation_and_has_ids_of_its_own():
    evaluation = ProjectEvaluation(skill=2, collaboration=3, problem_solving=4, comment="좋음")
    form = EvaluationForm.for_member(9, evaluation)
    assert form["skill"].value() == 2
    assert form["comment"].value() == "좋음"
    assert 'id="id_member_9_evaluation_skill"' in str(form["skill"])
    assert EvaluationForm.for_member(9)["skill"].value() is None


def test_each_member_has_a_form_of_their_own_with_distinct_ids(client, cast, team):
    client.force_login(cast.world["company"])
    html = _page(client, cast)
    first, second = (_form_of(html, cast, member) for member in team)
    first_ids = set(re.findall(r'id="([^"]+)"', first))
    second_ids = set(re.findall(r'id="([^"]+)"', second))
    assert f"id_member_{team[0].id}_evaluation_skill" in first_ids
    assert f"id_member_{team[1].id}_evaluation_skill" in second_ids
    assert not first_ids & second_ids
    # Every label points at its own member's field.
    assert f'for="id_member_{team[0].id}_evaluation_skill"' in first
    assert f'for="id_member_{team[1].id}_evaluation_skill"' in second
    # And the page as a whole repeats no id.
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_the_existing_evaluation_is_filled_in_for_its_member_only(client, cast, team):
    services.evaluation_record(
        application=team[0],
        by=cast.world["company"],
        skill=2,
        collaboration=4,
        problem_solving=5,
        comment="성실함",
    )
    client.force_login(cast.world["company"])
    html = _page(client, cast)
    first, second = (_form_of(html, cast, member) for member in team)
    assert _value(first, team[0], "skill") == "2"
    assert _value(first, team[0], "collaboration") == "4"
    assert _value(first, team[0], "problem_solving") == "5"
    assert _value(first, team[0], "comment") == "성실함"
    assert _value(second, team[1], "skill") is None
    assert _value(second, team[1], "comment") is None


def test_saving_again_updates_the_evaluation(client, cast, team):
    client.force_login(cast.world["company"])
    member = team[1]
    response = client.post(_evaluate_url(cast, member), SCORES)
    assert response.status_code == 302
    response = client.post(_evaluate_url(cast, member), {**SCORES, "skill": "1", "comment": ""})
    assert response.status_code == 302
    evaluations = ProjectEvaluation.objects.filter(application=member)
    assert evaluations.count() == 1
    evaluation = evaluations.get()
    assert (evaluation.skill, evaluation.collaboration, evaluation.problem_solving) == (1, 5, 3)
    assert evaluation.comment == ""
    assert not ProjectEvaluation.objects.filter(application=team[0]).exists()
    form = _form_of(_page(client, cast), cast, member)
    assert _value(form, member, "skill") == "1"
    assert _value(form, member, "collaboration") == "5"


def test_another_company_cannot_evaluate_or_see_the_forms(client, cast, team):
    client.force_login(cast.other_company)
    url = reverse("projects:company_project_detail", args=[cast.project.id])
    assert client.get(url).status_code == 404
    assert client.post(_evaluate_url(cast, team[0]), SCORES).status_code == 404
    assert not ProjectEvaluation.objects.exists()


def test_bad_input_is_refused_next_to_its_member_form_naming_the_field(client, cast, team):
    services.evaluation_record(
        application=team[0], by=cast.world["company"], skill=3, collaboration=3, problem_solving=3
    )
    client.force_login(cast.world["company"])
    member = team[0]
    response = client.post(
        _evaluate_url(cast, member), {**SCORES, "skill": "7", "problem_solving": ""}
    )
    assert response.status_code == 200
    html = response.content.decode()
    form = _form_of(html, cast, member)
    assert "The technical skill score must be a whole number from 1 to 5." in form
    assert "Enter the problem solving score (1 to 5)." in form
    assert 'aria-invalid="true"' in form
    # What was typed stays, so it can be corrected; the other member's form is untouched.
    assert _value(form, member, "skill") == "7"
    assert _value(form, member, "comment") == SCORES["comment"]
    other = _form_of(html, cast, team[1])
    assert "score" not in other
    assert re.search(r"<details open>\s*<summary>[^<]*</summary>\s*" + re.escape(form), html)
    # Nothing changed.
    evaluation = ProjectEvaluation.objects.get(application=member)
    assert (evaluation.skill, evaluation.problem_solving) == (3, 3)


def test_a_non_member_cannot_be_evaluated(client, cast, team):
    client.force_login(cast.world["company"])
    response = client.post(_evaluate_url(cast, cast.silent_application), SCORES)
    assert response.status_code == 404  # no consent to the company: not even there
