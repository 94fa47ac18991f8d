"""The company's stage dropdown on a job application shows the application's current stage."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from talenthub.projects import services
from talenthub.projects.forms import StageForm
from talenthub.projects.tests.cast import graduate_of, person

pytestmark = pytest.mark.django_db


def _selected(html: str, application_id: int) -> str | None:
    """The option chosen in the stage dropdown of one application's form."""
    select = re.search(
        rf'<select name="stage"[^>]*id="id_application_{application_id}_stage"[^>]*>(.*?)</select>',
        html,
        re.S,
    )
    assert select is not None, f"no stage dropdown for application {application_id}"
    chosen = re.findall(r'<option value="([^"]*)"[^>]*selected', select.group(1))
    return chosen[0] if len(chosen) == 1 else None


def test_the_form_starts_at_the_given_stage():
    form = StageForm.for_application(7, "interview")
    assert form["stage"].value() == "interview"
    assert 'id="id_application_7_stage"' in str(form["stage"])


def test_each_applicant_row_preselects_its_own_stage(client, cast):
    world = cast.world
    first = services.job_apply(
        posting=cast.posting, user=cast.consenting, cover_letter="", consent=True
    )
    second_person = person("second@example.kr", "두번째")
    graduate_of(world, second_person)
    second = services.job_apply(
        posting=cast.posting, user=second_person, cover_letter="", consent=True
    )
    services.job_application_move(application=first, stage="interview", by=world["company"])

    client.force_login(world["company"])
    url = reverse("projects:company_job_detail", args=[cast.posting.id])
    html = client.get(url).content.decode()
    assert _selected(html, first.id) == "interview"
    assert _selected(html, second.id) == "applied"

    # Moving through the page: the dropdown follows.
    response = client.post(
        reverse("projects:company_job_stage", args=[cast.posting.id, second.id]),
        {"stage": "offer"},
    )
    assert response.status_code == 302
    html = client.get(url).content.decode()
    assert _selected(html, second.id) == "offer"
    assert _selected(html, first.id) == "interview"


def test_ids_on_the_page_are_unique_per_applicant(client, cast):
    world = cast.world
    services.job_apply(posting=cast.posting, user=cast.consenting, cover_letter="", consent=True)
    other = person("third@example.kr", "세번째")
    graduate_of(world, other)
    services.job_apply(posting=cast.posting, user=other, cover_letter="", consent=True)
    client.force_login(world["company"])
    html = client.get(reverse("projects:company_job_detail", args=[cast.posting.id])).content
    ids = re.findall(r'id="([^"]+)"', html.decode())
    assert len(ids) == len(set(ids))


def test_a_hired_application_shows_hired(client, cast):
    world = cast.world
    application = services.job_apply(
        posting=cast.posting, user=cast.consenting, cover_letter="", consent=True
    )
    services.job_application_move(
        application=application,
        stage="hired",
        by=world["company"],
        hire_starts_on=datetime.date(2025, 9, 1),
    )
    client.force_login(world["company"])
    html = client.get(reverse("projects:company_job_detail", args=[cast.posting.id])).content
    assert _selected(html.decode(), application.id) == "hired"
