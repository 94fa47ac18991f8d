"""The fixed cast of every permission test (healthchecks' Alice/Bob idea).

Hub A (`alpha`) and hub B (`beta`) are both in consortium `honam`. Each persona holds one role
in hub A, except `other_operator` (operator of hub B) and `outsider` (no role anywhere)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from talenthub.testing.factories import (
    CohortFactory,
    ConsortiumFactory,
    CourseFactory,
    EnrollmentFactory,
    HubFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)

PASSWORD = "pw-Talent-2025!"
PERSONA_ROLES = {
    "operator": "operator",
    "instructor": "instructor",
    "trainee": "trainee",
    "company": "company_partner",
    "mentor": "mentor",
    "judge": "judge",
    "consortium_lead": "consortium_lead",
    "funder": "funder",
}
PERSONA_NAMES = [*PERSONA_ROLES, "other_operator", "outsider", "superuser"]


@dataclass
class World:
    hub: Any
    other_hub: Any
    course: Any
    cohort: Any
    other_cohort: Any
    organisation: Any
    people: dict[str, Any]

    def __getitem__(self, persona: str) -> Any:
        return self.people[persona]


def build_world() -> World:
    consortium = ConsortiumFactory()
    hub = HubFactory(
        code="alpha", name="알파ICT이노베이션스퀘어", consortium=consortium, is_lead=True
    )
    other_hub = HubFactory(code="beta", name="베타ICT이노베이션스퀘어", consortium=consortium)
    people: dict[str, Any] = {}
    for persona, role in PERSONA_ROLES.items():
        user = UserFactory(email=f"{persona}@alpha.example.kr", name=f"{persona} 담당")
        MembershipFactory(user=user, hub=hub, role=role)
        people[persona] = user
    people["other_operator"] = UserFactory(email="operator@beta.example.kr", name="베타 운영자")
    MembershipFactory(user=people["other_operator"], hub=other_hub, role="operator")
    people["outsider"] = UserFactory(email="outsider@example.kr", name="외부인")
    people["superuser"] = UserFactory(
        email="root@example.kr", name="최고관리자", is_staff=True, is_superuser=True
    )
    course = CourseFactory(hub=hub, code="AI-101", title="생성형 AI 실무")
    cohort = CohortFactory(course=course, number=1)
    cohort.instructors.add(people["instructor"])
    EnrollmentFactory(cohort=cohort, user=people["trainee"])
    other_cohort = CohortFactory(
        course=CourseFactory(hub=other_hub, code="BC-201", title="블록체인 개발"), number=1
    )
    organisation = OrganisationFactory(hub=hub, name="전주농생명데이터")
    return World(
        hub=hub,
        other_hub=other_hub,
        course=course,
        cohort=cohort,
        other_cohort=other_cohort,
        organisation=organisation,
        people=people,
    )
