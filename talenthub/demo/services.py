"""Writes the demo plan to the database, and removes it again.

Everything is inserted with `bulk_create` in one transaction: a few thousand people and enrolments
take seconds this way, where one `save()` per row (and per history row) would take minutes. The
apps' own demo generators then add what happened in those cohorts (`talenthub.demo.activity`).
"""

from __future__ import annotations

import dataclasses
import datetime
import random
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.courses.models import Cohort, Course, SessionDay
from talenthub.demo.activity import ActivitySummary, delete_activity, generate_activity
from talenthub.demo.build import DemoPlan, demo_plan
from talenthub.demo.data import (
    CONSORTIUM,
    DEMO_EMAIL_SUFFIX,
    DEMO_HUB_CODES,
    DEMO_PASSWORD,
    SUPERUSER,
)
from talenthub.demo.people import PersonPlan
from talenthub.demo.plan import CohortPlan, CoursePlan, HubPlan
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Consortium, Hub, Membership, Site
from talenthub.hubs.services import membership_grant
from talenthub.partners.models import Agreement, Organisation

# People who never enrolled are shown as having joined when the programme began.
_PROGRAMME_START = datetime.date(2019, 12, 2)


@dataclass(frozen=True)
class DemoSummary:
    hubs: int
    courses: int
    cohorts: int
    session_days: int
    people: int
    enrollments: int
    memberships: int
    # What the apps' own demo generators added (None until they have run).
    activity: ActivitySummary | None = None


@transaction.atomic
def demo_data_generate(*, seed: int) -> DemoSummary:
    """Build the Honam demo (Jeonju, Gwangju, Jeonnam) from `seed`; one seed, one data set."""
    if Hub.objects.filter(code__in=DEMO_HUB_CODES).exists():
        raise DomainError(_("The demo data already exists; reset it first."))
    rng = random.Random(seed)  # noqa: S311 - made-up demo data, not security
    written = _Writer(demo_plan(rng)).write()
    activity = generate_activity(seed=seed, hub_codes=DEMO_HUB_CODES)
    return dataclasses.replace(written, activity=activity)


@transaction.atomic
def demo_data_reset() -> None:
    """Delete the demo hubs, everything recorded in them, every demo person, and their history."""
    hubs = Hub.objects.filter(code__in=DEMO_HUB_CODES)
    hub_ids = list(hubs.values_list("pk", flat=True))
    course_ids = list(Course.objects.filter(hub_id__in=hub_ids).values_list("pk", flat=True))
    cohort_ids = list(Cohort.objects.filter(course_id__in=course_ids).values_list("pk", flat=True))
    organisation_ids = list(
        Organisation.objects.filter(hub_id__in=hub_ids).values_list("pk", flat=True)
    )
    # simple-history would write one history row per deleted row, one INSERT at a time (most of
    # the reset's time), only for the purge below to remove them again.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        # Children first: what the apps recorded protects enrolments, cohorts and organisations;
        # enrolments, cohorts and courses protect what they point to.
        delete_activity(hub_ids=hub_ids, cohort_ids=cohort_ids, organisation_ids=organisation_ids)
        Enrollment.objects.filter(cohort_id__in=cohort_ids).delete()
        Cohort.objects.filter(pk__in=cohort_ids).delete()
        Course.objects.filter(pk__in=course_ids).delete()
        hubs.delete()
        Consortium.objects.filter(code=CONSORTIUM[0], hubs__isnull=True).delete()
        User.objects.filter(email__endswith=DEMO_EMAIL_SUFFIX).delete()
    # A reset demo leaves no history behind either (membership grants and later edits).
    tracked: list[tuple[Any, str, list[int]]] = [
        (Enrollment, "cohort_id", cohort_ids),
        (SessionDay, "cohort_id", cohort_ids),
        (Cohort, "course_id", course_ids),
        (Course, "hub_id", hub_ids),
        (Membership, "hub_id", hub_ids),
        (Agreement, "organisation_id", organisation_ids),
    ]
    for model, field, ids in tracked:
        model.history.filter(**{f"{field}__in": ids}).delete()


def _joined(day: datetime.date | None) -> datetime.datetime:
    return datetime.datetime.combine(
        day or _PROGRAMME_START, datetime.time(9, 0), tzinfo=timezone.get_current_timezone()
    )


class _Writer:
    def __init__(self, plan: DemoPlan) -> None:
        self.plan = plan
        self.users: dict[int, User] = {}
        self.courses: dict[int, Course] = {}
        self.cohorts: dict[int, Cohort] = {}

    def write(self) -> DemoSummary:
        consortium, _created = Consortium.objects.get_or_create(
            code=CONSORTIUM[0], defaults={"name": CONSORTIUM[1], "lead_agency": CONSORTIUM[2]}
        )
        self._users()
        memberships = 0
        for hub_plan in self.plan.hubs:
            spec = hub_plan.spec
            hub = Hub.objects.create(
                code=spec.code,
                name=spec.name,
                agency=spec.agency,
                consortium=consortium,
                region=spec.region,
                is_lead=spec.is_lead,
            )
            sites = {
                name: Site.objects.create(hub=hub, name=name, address=address)
                for name, address in spec.sites
            }
            organisations = self._partners(hub, hub_plan)
            memberships += self._memberships(hub, hub_plan)
            self._courses(hub, hub_plan, organisations)
            self._cohorts(hub_plan, sites)
        hubs = {hub.code: hub for hub in Hub.objects.filter(code__in=DEMO_HUB_CODES)}
        for login, person in self.plan.logins:
            # Trainee and instructor logins already got their role with the hub's people.
            if login.hub_code is not None and login.role not in (Role.TRAINEE, Role.INSTRUCTOR):
                membership_grant(
                    user=self.users[id(person)], hub=hubs[login.hub_code], role=login.role
                )
                memberships += 1
        return DemoSummary(
            hubs=len(self.plan.hubs),
            courses=len(self.courses),
            cohorts=len(self.cohorts),
            session_days=sum(len(c.days) for h in self.plan.hubs for c in h.cohorts),
            people=len(self.users),
            enrollments=sum(len(c.enrollments) for h in self.plan.hubs for c in h.cohorts),
            memberships=memberships,
        )

    def _users(self) -> None:
        # Hashing is deliberately slow; one hash shared by every demo person keeps generation fast.
        password = make_password(DEMO_PASSWORD)
        superusers = {id(person) for spec, person in self.plan.logins if spec.role == SUPERUSER}
        people: dict[int, PersonPlan] = {id(person): person for _, person in self.plan.logins}
        for hub_plan in self.plan.hubs:
            people.update((id(person), person) for person in hub_plan.trainees)
            people.update((id(person), person) for person in hub_plan.instructors)
        users = [
            User(
                email=person.email,
                name=person.name,
                mobile=person.mobile,
                birth_date=person.birth_date,
                gender=person.gender,
                region=person.region,
                password=password,
                is_staff=key in superusers,
                is_superuser=key in superusers,
                date_joined=_joined(person.joined_on),
            )
            for key, person in people.items()
        ]
        created = User.objects.bulk_create(users)
        self.users = dict(zip(people, created, strict=True))
        EmailAddress.objects.bulk_create(
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in created
        )

    def _partners(self, hub: Hub, hub_plan: HubPlan) -> dict[str, Organisation]:
        organisations = Organisation.objects.bulk_create(
            Organisation(hub=hub, kind=partner.spec.kind, name=partner.spec.name)
            for partner in hub_plan.partners
        )
        agreements = []
        for organisation, partner in zip(organisations, hub_plan.partners, strict=True):
            since, years = partner.spec.since, partner.spec.years
            agreements.append(
                Agreement(
                    organisation=organisation,
                    scope=partner.spec.scope,
                    starts_on=since,
                    ends_on=None
                    if years is None
                    else since.replace(year=since.year + years) - datetime.timedelta(days=1),
                    contact_name=partner.contact_name,
                    contact_email=partner.contact_email,
                    contact_phone=partner.contact_phone,
                )
            )
        Agreement.objects.bulk_create(agreements)
        return {organisation.name: organisation for organisation in organisations}

    def _memberships(self, hub: Hub, hub_plan: HubPlan) -> int:
        rows = [
            Membership(user=self.users[id(person)], hub=hub, role=role)
            for people, role in (
                (hub_plan.trainees, Role.TRAINEE),
                (hub_plan.instructors, Role.INSTRUCTOR),
            )
            for person in people
        ]
        Membership.objects.bulk_create(rows)
        return len(rows)

    def _courses(self, hub: Hub, hub_plan: HubPlan, organisations: dict[str, Organisation]) -> None:
        plans: list[CoursePlan] = hub_plan.courses
        created = Course.objects.bulk_create(
            Course(
                hub=hub,
                code=plan.code,
                title=plan.title,
                track=plan.track,
                industry_domain=plan.domain,
                level=plan.level,
                hours=plan.hours,
                description=plan.description,
                is_published=plan.is_published,
            )
            for plan in plans
        )
        self.courses.update((id(plan), course) for plan, course in zip(plans, created, strict=True))
        Course.partners.through.objects.bulk_create(
            Course.partners.through(course_id=course.pk, organisation_id=organisations[name].pk)
            for plan, course in zip(plans, created, strict=True)
            for name in plan.partners
        )

    def _cohorts(self, hub_plan: HubPlan, sites: dict[str, Site]) -> None:
        plans: list[CohortPlan] = hub_plan.cohorts
        created = Cohort.objects.bulk_create(
            Cohort(
                course=self.courses[id(plan.course)],
                number=plan.number,
                starts_on=plan.starts_on,
                ends_on=plan.ends_on,
                capacity=plan.capacity,
                site=sites[plan.site],
                status=plan.status,
                applications_open_on=plan.applications_open_on,
                applications_close_on=plan.applications_close_on,
            )
            for plan in plans
        )
        pairs = list(zip(plans, created, strict=True))
        Cohort.instructors.through.objects.bulk_create(
            Cohort.instructors.through(cohort_id=cohort.pk, user_id=self.users[id(person)].pk)
            for plan, cohort in pairs
            for person in plan.instructors
        )
        SessionDay.objects.bulk_create(
            SessionDay(
                cohort=cohort,
                date=slot.date,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                hours=slot.hours,
            )
            for plan, cohort in pairs
            for slot in plan.days
        )
        Enrollment.objects.bulk_create(
            Enrollment(
                cohort=cohort,
                user=self.users[id(enrolment.person)],
                status=enrolment.status,
                enrolled_on=enrolment.enrolled_on,
                finished_on=enrolment.finished_on,
                is_job_seeker_at_entry=enrolment.is_job_seeker,
                is_neet_at_entry=enrolment.is_neet,
                dropout_reason=enrolment.dropout_reason,
            )
            for plan, cohort in pairs
            for enrolment in plan.enrollments
        )
        self.cohorts.update((id(plan), cohort) for plan, cohort in pairs)
