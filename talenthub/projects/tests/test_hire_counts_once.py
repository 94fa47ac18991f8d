"""Done-when: a hire recorded in a project and again by the graduate counts once."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from talenthub.outcomes import selectors as outcome_selectors
from talenthub.outcomes import services as outcome_services
from talenthub.outcomes.models import Outcome
from talenthub.projects import services

pytestmark = pytest.mark.django_db

PERIOD = {
    "cohorts_ending_from": datetime.date(2025, 1, 1),
    "cohorts_ending_to": datetime.date(2025, 12, 31),
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _hire(cast, starts_on=datetime.date(2025, 7, 1)):
    services.project_application_decide(
        application=cast.consenting_application,
        select=True,
        acting_organisation_ids={cast.company_a.id},
    )
    return services.project_hire_record(
        application=cast.consenting_application,
        organisation=cast.company_a,
        by=cast.world["company"],
        employment_type="full_time",
        starts_on=starts_on,
    )


def _verify(outcome, operator):
    outcome_services.evidence_attach(
        outcome=outcome,
        kind="employment_insurance",
        file=SimpleUploadedFile("보험.pdf", PDF, content_type="application/pdf"),
        uploaded_by=operator,
    )
    return outcome_services.outcome_verify(outcome=outcome, by=operator)


def test_hire_in_a_project_and_the_graduates_own_report_count_as_one(cast):
    from_project = _hire(cast)
    from_graduate = outcome_services.outcome_self_report(
        user=cast.consenting,
        category="contract",  # the graduate calls it differently; it is the same job
        organisation_name="(주) 전주농생명데이터",
        starts_on=datetime.date(2025, 7, 7),
    )
    assert from_graduate.duplicate_of_id == from_project.id
    operator = cast.world["operator"]
    _verify(from_project, operator)
    _verify(from_graduate, operator)

    kpi = outcome_selectors.jobs_kpi(hub_ids={cast.world.hub.id}, **PERIOD)
    counted = outcome_selectors.counted_outcomes(hub_ids={cast.world.hub.id}, **PERIOD)

    assert Outcome.objects.filter(user=cast.consenting).count() == 2
    assert kpi.count == 1
    assert kpi.person_ids == frozenset({cast.consenting.id})
    assert counted[cast.consenting.id].category == "full_time"
    assert counted[cast.consenting.id].outcome_id == from_project.id


def test_recording_the_same_hire_twice_makes_one_outcome(cast):
    first = _hire(cast)
    again = services.project_hire_record(
        application=cast.consenting_application,
        organisation=cast.company_a,
        by=cast.world["company"],
        employment_type="full_time",
        starts_on=datetime.date(2025, 7, 1),
    )
    assert again.id == first.id
    assert Outcome.objects.filter(user=cast.consenting).count() == 1


def test_a_second_primary_record_of_the_same_job_is_refused_by_the_database(cast):
    from django.db import IntegrityError, transaction

    first = _hire(cast)
    with pytest.raises(IntegrityError), transaction.atomic():
        Outcome.objects.create(
            user=cast.consenting,
            hub=cast.world.hub,
            category="full_time",
            organisation_name="전주농생명데이터",
            organisation_key=first.organisation_key,
            starts_on=first.starts_on,
            source="operator",
        )


def test_the_hire_shows_in_the_partner_history(client, cast):
    _hire(cast)
    client.force_login(cast.world["company"])
    response = client.get(f"/partners/{cast.company_a.id}/history/")
    history = response.context["history"]
    assert [h.name for h in history.hires] == ["동의함"]
    assert history.mentors == ["박멘토"]
    assert [p.title for p in history.projects] == ["농생명 데이터 분석 파이프라인"]


def test_the_hire_is_on_the_trainees_timeline(cast):
    from talenthub.outcomes.selectors import timeline_entries as outcome_entries
    from talenthub.projects.selectors import timeline_entries as project_entries

    _hire(cast)
    outcomes = outcome_entries(cast.consenting.id)
    projects = project_entries(cast.consenting.id)
    assert any("전주농생명데이터" in entry.title for entry in outcomes)
    assert any("농생명 데이터 분석 파이프라인" in entry.title for entry in projects)
