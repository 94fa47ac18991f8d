"""The company-project cast on top of the persona world: company A (the persona `company` acts
for `world.organisation`), company B in the same hub with its own partner user, a graduate and
trainees with and without third-party consent, built through the services only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from talenthub.accounts.services import user_create
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.services import membership_grant
from talenthub.partners.services import organisation_create, organisation_member_add
from talenthub.projects import services

START = datetime.date(2025, 5, 1)


@dataclass
class Cast:
    world: Any
    company_a: Any
    company_b: Any
    other_company: Any  # the partner user of company B
    consenting: Any  # trainee who consented to provide data to company A
    silent: Any  # trainee who applied without consent
    project: Any
    other_project: Any  # company B's project
    consenting_application: Any
    silent_application: Any
    posting: Any

    def __getitem__(self, persona: str) -> Any:
        if persona == "other_company":
            return self.other_company
        return self.world[persona]


def person(email: str, name: str, mobile: str = "") -> Any:
    return user_create(email=email, name=name, password="pw-Talent-2025!", mobile=mobile)


def graduate_of(world: Any, user: Any, *, job_seeker: bool = True) -> Any:
    membership_grant(user=user, hub=world.hub, role="trainee")
    return Enrollment.objects.create(
        cohort=world.cohort,
        user=user,
        enrolled_on=world.cohort.starts_on,
        status="completed",
        finished_on=world.cohort.ends_on,
        is_job_seeker_at_entry=job_seeker,
    )


def build_cast(world: Any) -> Cast:
    company_a = world.organisation
    organisation_member_add(organisation=company_a, user=world["company"])
    company_b = organisation_create(hub=world.hub, kind="company", name="호남핀테크")
    other_company = person("company@b.example.kr", "B사 담당")
    organisation_member_add(organisation=company_b, user=other_company)
    consenting = person("consenting@example.kr", "동의함", "010-5555-0001")
    silent = person("silent@example.kr", "비동의", "010-5555-0002")
    for trainee in (consenting, silent):
        graduate_of(world, trainee)
    project = services.project_propose(
        organisation=company_a,
        proposed_by=world["company"],
        title="농생명 데이터 분석 파이프라인",
        problem="작물 생육 데이터를 모아 분석한다.",
        skills="Python, SQL",
        seats=3,
        hours=240,
        mentor_name="박멘토",
        starts_on=START,
        ends_on=START + datetime.timedelta(days=60),
    )
    project = services.project_approve(project=project, by=world["operator"])
    other_project = services.project_propose(
        organisation=company_b,
        proposed_by=other_company,
        title="핀테크 이상거래 탐지",
        problem="이상거래를 찾는다.",
        skills="ML",
        seats=2,
        hours=120,
        mentor_name="이멘토",
        starts_on=START,
        ends_on=START + datetime.timedelta(days=30),
    )
    consenting_application = services.project_apply(
        project=project,
        user=consenting,
        motivation="데이터 분석가가 되고 싶습니다.",
        consent=True,
        share_contact=False,
        share_training=True,
        share_documents=True,
    )
    silent_application = services.project_apply(
        project=project, user=silent, motivation="비밀 동기", consent=False
    )
    posting = services.job_posting_create(
        organisation=company_a,
        posted_by=world["company"],
        title="주니어 데이터 엔지니어",
        description="데이터 파이프라인 개발",
        employment_type="full_time",
    )
    return Cast(
        world=world,
        company_a=company_a,
        company_b=company_b,
        other_company=other_company,
        consenting=consenting,
        silent=silent,
        project=project,
        other_project=other_project,
        consenting_application=consenting_application,
        silent_application=silent_application,
        posting=posting,
    )
