"""Every list page runs as many queries for 50 rows as for 5 (no N+1).

Each page is requested once to warm per-process caches (content types, the session), then counted
with 5 rows and again after growing to 50. Pages that cap their list (catalogue pages of 24, the
home page's 6 latest cohorts, the dashboards' 20) must stay constant across the cap too."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from talenthub.testing.factories import (
    AgreementFactory,
    CohortFactory,
    ConsortiumFactory,
    CourseFactory,
    EnrollmentFactory,
    HubFactory,
    MembershipFactory,
    OrganisationFactory,
    SiteFactory,
    UserFactory,
)
from talenthub.testing.personas import World

FEW, MANY = 5, 50
_serial = itertools.count(1)


@dataclass(frozen=True)
class ListPage:
    url: Callable[[World], str]
    grow: Callable[[World, int], object]  # adds that many rows to the list
    shown: Callable[[Any], int]  # rows the response lists
    persona: str | None = None
    headers: dict[str, str] | None = None


# --- Row builders -----------------------------------------------------------------------------


def _perf_course(world: World):
    course = getattr(world, "perf_course", None)
    if course is None:
        course = CourseFactory(
            hub=world.hub,
            code="PERF-1",
            title="성능 측정 빅데이터 과정",
            track="big_data",
            level="advanced",
            description="데이터 파이프라인",
        )
        world.perf_course = course
    return course


def _cohorts_of_alpha(world: World, count: int, *, same_site: bool = False) -> list:
    """Cohorts of one alpha course, newest first in the catalogue, each at a site of its own
    (or all at the site of alpha's cohort)."""
    course = _perf_course(world)
    cohorts = []
    for _ in range(count):
        number = next(_serial)
        site = (
            world.cohort.site if same_site else SiteFactory(hub=world.hub, name=f"교육장 {number}")
        )
        cohorts.append(
            CohortFactory(
                course=course,
                number=number,
                starts_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
                ends_on=datetime.date(2026, 6, 30) + datetime.timedelta(days=number),
                site=site,
            )
        )
        EnrollmentFactory(cohort=cohorts[-1])
    return cohorts


def _hubs(world: World, count: int, consortium=None) -> None:
    """Hubs with a course, a cohort and an enrolment each (what the figures count)."""
    for _ in range(count):
        number = next(_serial)
        hub = HubFactory(code=f"perf-{number}", consortium=consortium or ConsortiumFactory())
        EnrollmentFactory(cohort=CohortFactory(course=CourseFactory(hub=hub)))


def _grow_home(world: World, count: int) -> None:
    _cohorts_of_alpha(world, count)
    _hubs(world, count)


def _grow_roster(world: World, count: int) -> None:
    for _ in range(count):
        EnrollmentFactory(cohort=world.cohort)


def _grow_taught(world: World, count: int) -> None:
    for cohort in _cohorts_of_alpha(world, count):
        cohort.instructors.add(world["instructor"])


def _grow_enrolments_of_trainee(world: World, count: int) -> None:
    for cohort in _cohorts_of_alpha(world, count):
        EnrollmentFactory(cohort=cohort, user=world["trainee"])


def _grow_consortium(world: World, count: int) -> None:
    _hubs(world, count, consortium=world.hub.consortium)


def _grow_courses(world: World, count: int) -> None:
    for _ in range(count):
        CourseFactory(hub=world.hub)


def _grow_memberships(world: World, count: int) -> None:
    for _ in range(count):
        MembershipFactory(user=UserFactory(), hub=world.hub, role="trainee")


def _grow_organisations(world: World, count: int) -> None:
    for _ in range(count):
        OrganisationFactory(hub=world.hub)


def _grow_agreements(world: World, count: int) -> None:
    for _ in range(count):
        AgreementFactory(organisation=OrganisationFactory(hub=world.hub))


def _grow_sites(world: World, count: int) -> None:
    for _ in range(count):
        SiteFactory(hub=world.hub)


def _grow_people(world: World, count: int) -> None:
    """Half with a membership, half enrolled only: both kinds are the hub's people."""
    for index in range(count):
        if index % 2:
            MembershipFactory(user=UserFactory(), hub=world.hub, role="trainee")
        else:
            EnrollmentFactory(cohort=world.cohort)


# --- Pages ------------------------------------------------------------------------------------


def _page_rows(response) -> int:
    return len(response.context["page"].object_list)


def _changelist(label: str, grow: Callable[[World, int], object]) -> ListPage:
    app_label, model_name = label.split(".")
    return ListPage(
        url=lambda world: reverse(f"admin:{app_label}_{model_name}_changelist"),
        grow=grow,
        shown=lambda response: len(response.context["cl"].result_list),
        persona="operator",
    )


CATALOGUE_FILTERS = "?track=big_data&level=advanced&hub=alpha&q=빅데이터&starts_after=2025-06-01"

PAGES = {
    "catalogue": ListPage(
        url=lambda world: reverse("courses:catalogue"),
        grow=_cohorts_of_alpha,
        shown=_page_rows,
    ),
    "catalogue filtered": ListPage(
        url=lambda world: reverse("courses:catalogue") + CATALOGUE_FILTERS,
        grow=_cohorts_of_alpha,
        shown=_page_rows,
    ),
    "catalogue filtered by site": ListPage(
        url=lambda world: f"{reverse('courses:catalogue')}?site={world.cohort.site.pk}",
        grow=lambda world, count: _cohorts_of_alpha(world, count, same_site=True),
        shown=_page_rows,
    ),
    "catalogue results (htmx)": ListPage(
        url=lambda world: reverse("courses:catalogue") + CATALOGUE_FILTERS,
        grow=_cohorts_of_alpha,
        shown=_page_rows,
        headers={"HX-Request": "true"},
    ),
    "home": ListPage(
        url=lambda world: reverse("portal:home"),
        grow=_grow_home,
        shown=lambda response: len(response.context["figures"]),
    ),
    "course detail": ListPage(
        url=lambda world: reverse("courses:course_detail", args=[_perf_course(world).pk]),
        grow=_cohorts_of_alpha,
        shown=lambda response: len(response.context["cohorts"]),
    ),
    "manage cohorts (operator)": ListPage(
        url=lambda world: reverse("courses:manage_cohort_list"),
        grow=_cohorts_of_alpha,
        shown=_page_rows,
        persona="operator",
    ),
    "roster (operator)": ListPage(
        url=lambda world: reverse("enrollments:cohort_roster", args=[world.cohort.pk]),
        grow=_grow_roster,
        shown=lambda response: len(response.context["roster"]),
        persona="operator",
    ),
    "roster (instructor)": ListPage(
        url=lambda world: reverse("enrollments:cohort_roster", args=[world.cohort.pk]),
        grow=_grow_roster,
        shown=lambda response: len(response.context["roster"]),
        persona="instructor",
    ),
    "dashboard (operator)": ListPage(
        url=lambda world: reverse("portal:dashboard"),
        grow=_cohorts_of_alpha,
        shown=lambda response: len(response.context["operated_cohorts"]),
        persona="operator",
    ),
    "dashboard (instructor)": ListPage(
        url=lambda world: reverse("portal:dashboard"),
        grow=_grow_taught,
        shown=lambda response: len(response.context["taught_cohorts"]),
        persona="instructor",
    ),
    "dashboard (trainee)": ListPage(
        url=lambda world: reverse("portal:dashboard"),
        grow=_grow_enrolments_of_trainee,
        shown=lambda response: len(response.context["my_enrollments"]),
        persona="trainee",
    ),
    "dashboard (consortium lead)": ListPage(
        url=lambda world: reverse("portal:dashboard"),
        grow=_grow_consortium,
        shown=lambda response: sum(len(figures) for _, figures in response.context["consortia"]),
        persona="consortium_lead",
    ),
    "dashboard (funder)": ListPage(
        url=lambda world: reverse("portal:dashboard"),
        grow=_hubs,
        shown=lambda response: len(response.context["national"]),
        persona="funder",
    ),
    "back office: courses": _changelist("courses.course", _grow_courses),
    "back office: cohorts": _changelist("courses.cohort", _cohorts_of_alpha),
    "back office: enrolments": _changelist("enrollments.enrollment", _grow_roster),
    "back office: memberships": _changelist("hubs.membership", _grow_memberships),
    "back office: organisations": _changelist("partners.organisation", _grow_organisations),
    "back office: agreements": _changelist("partners.agreement", _grow_agreements),
    "back office: sites": _changelist("hubs.site", _grow_sites),
    "back office: people": _changelist("accounts.user", _grow_people),
}


def _queries(client, url: str, headers: dict[str, str] | None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers or {})
    assert response.status_code == 200, url
    return response, [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("name", list(PAGES))
def test_a_list_page_runs_as_many_queries_for_fifty_rows_as_for_five(world, client, name):
    page = PAGES[name]
    if page.persona:
        client.force_login(world[page.persona])
    page.grow(world, FEW)
    url = page.url(world)
    _queries(client, url, page.headers)  # warm the per-process caches

    few_response, few = _queries(client, url, page.headers)
    page.grow(world, MANY - FEW)
    many_response, many = _queries(client, url, page.headers)

    assert page.shown(few_response) < page.shown(many_response), "the rows should show"
    assert len(many) == len(few), "\n".join(
        [f"{len(few)} queries with {FEW} rows, {len(many)} with {MANY}; with {MANY}:", *many]
    )
