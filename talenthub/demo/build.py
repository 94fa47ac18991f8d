"""The whole demo as one plan: three hubs of the Honam consortium and the demo logins."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from talenthub.demo.data import (
    DEMO_LOGINS,
    DEMO_TODAY,
    FIRST_YEAR,
    HUBS,
    INSTRUCTOR_LOGIN,
    JEONJU,
    TRAINEE_LOGIN,
    LoginSpec,
    PartnerSpec,
)
from talenthub.demo.people import PeopleMaker, PersonPlan
from talenthub.demo.plan import CoursePlanner, HubPlan, PartnerPlan
from talenthub.demo.schedule import TrainingCalendar
from talenthub.demo.seating import Seating


@dataclass(eq=False)
class DemoPlan:
    hubs: list[HubPlan]
    logins: list[tuple[LoginSpec, PersonPlan]]


def _partner(
    rng: random.Random,
    people: PeopleMaker,
    hub_code: str,
    phone_area: str,
    number: int,
    spec: PartnerSpec,
) -> PartnerPlan:
    name, _ = people.full_name(rng.choice(("M", "F")), young=False)
    return PartnerPlan(
        spec=spec,
        contact_name=name,
        contact_email=f"partner{number:02d}@{hub_code}.demo",
        contact_phone=f"{phone_area}-{rng.randint(200, 899)}-{rng.randint(0, 9999):04d}",
    )


def demo_plan(rng: random.Random) -> DemoPlan:
    calendar = TrainingCalendar(range(FIRST_YEAR - 1, DEMO_TODAY.year + 3))
    people = PeopleMaker(rng)
    logins: list[tuple[LoginSpec, PersonPlan]] = []
    residences = {spec.code: spec.residences for spec in HUBS}
    for login in DEMO_LOGINS:
        person = people.person(
            domain="login.demo",
            residences=residences.get(login.hub_code or "", JEONJU.residences),
            on=datetime.date(2020, 1, 2),
            age=login.age,
        )
        person.email, person.name, person.gender = login.email, login.name, login.gender
        logins.append((login, person))
    by_email = {login.email: person for login, person in logins}
    hubs: list[HubPlan] = []
    for spec in HUBS:
        hub = CoursePlanner(rng, calendar, spec).build()
        hub.partners = [
            _partner(rng, people, spec.code, spec.phone_area, number, partner)
            for number, partner in enumerate(spec.partners, start=1)
        ]
        is_login_hub = spec.code == TRAINEE_LOGIN.hub_code
        Seating(rng, people, hub).fill(
            trainee_login=by_email[TRAINEE_LOGIN.email] if is_login_hub else None,
            instructor_login=by_email[INSTRUCTOR_LOGIN.email] if is_login_hub else None,
        )
        hubs.append(hub)
    return DemoPlan(hubs=hubs, logins=logins)
