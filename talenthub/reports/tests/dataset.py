"""A small hand-built dataset whose every KPI is worked out by hand in test_kpis.py.

Hubs alpha and beta are in consortium honam, gamma in yeongnam. People p1…p12; p1 and p5 take two
cohorts, p3 one at alpha and one at beta, p2 one in 2024 and one in 2025's roll-over cohort."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

D = datetime.date


@dataclass
class Dataset:
    hubs: dict[str, Any]
    consortia: dict[str, Any]
    courses: dict[str, Any]
    cohorts: dict[str, Any]
    people: dict[str, Any]
    enrolments: list[Any] = field(default_factory=list)


PEOPLE = {
    # name: (gender, birth date, region)
    "p1": ("F", D(2001, 3, 3), "전주시"),
    "p2": ("M", D(1999, 7, 1), "전주시"),
    "p3": ("F", D(1998, 1, 1), "군산시"),
    "p4": ("M", D(2001, 3, 4), "전주시"),
    "p5": ("F", D(1995, 3, 3), "완주군"),
    "p6": ("", D(1995, 3, 4), ""),
    "p7": ("M", None, ""),
    "p8": ("F", D(2006, 1, 1), ""),
    "p9": ("M", D(1970, 6, 15), ""),
    "p10": ("F", D(2000, 1, 1), ""),
    "p11": ("M", D(2000, 1, 1), "광주시"),
    "p12": ("F", D(2000, 1, 1), "부산시"),
}


def build_dataset(f: ModuleType) -> Dataset:
    """`f`: the factories module (the `factories` fixture; app tests may not import it)."""
    honam = f.ConsortiumFactory(code="honam", name="호남권")
    yeongnam = f.ConsortiumFactory(code="yeongnam", name="영남권", lead_agency="부산정보산업진흥원")
    alpha = f.HubFactory(code="alpha", name="알파스퀘어", consortium=honam, is_lead=True)
    beta = f.HubFactory(code="beta", name="베타스퀘어", consortium=honam)
    gamma = f.HubFactory(code="gamma", name="감마스퀘어", consortium=yeongnam)
    main = f.SiteFactory(hub=alpha, name="본관")
    annex = f.SiteFactory(hub=alpha, name="분원")
    people = {
        name: f.UserFactory(
            email=f"{name}@data.example.kr", name=f"교육생{name}", gender=g, birth_date=b, region=r
        )
        for name, (g, b, r) in PEOPLE.items()
    }

    def course(hub: Any, code: str, track: str, domain: str, level: str) -> Any:
        return f.CourseFactory(
            hub=hub, code=code, track=track, industry_domain=domain, level=level, title=code
        )

    courses = {
        "C1": course(alpha, "C1", "ai", "agri_bio", "beginner"),
        "C2": course(alpha, "C2", "big_data", "finance", "advanced"),
        "C3": course(alpha, "C3", "iot", "general", "intermediate"),
        "C4": course(beta, "C4", "ai", "general", "beginner"),
        "C5": course(gamma, "C5", "cloud", "public", "intermediate"),
    }

    def cohort(code: str, number: int, start: D, end: D, site: Any = None, **kw: Any) -> Any:
        c = courses[code]
        site = site or f.SiteFactory(hub=c.hub, name=f"{c.hub.code} 교육장 {code}{number}")
        return f.CohortFactory(
            course=c, number=number, starts_on=start, ends_on=end, site=site, **kw
        )

    cohorts = {
        "C1#1": cohort("C1", 1, D(2024, 11, 4), D(2025, 1, 24), main, status="finished"),
        "C1#2": cohort("C1", 2, D(2025, 3, 3), D(2025, 5, 30), main, status="finished"),
        "C1#3": cohort("C1", 3, D(2025, 9, 1), D(2026, 1, 30), annex, status="in_progress"),
        "C2#1": cohort("C2", 1, D(2025, 4, 7), D(2025, 6, 27), annex, status="finished"),
        "C2#2": cohort("C2", 2, D(2025, 7, 1), D(2025, 8, 29), annex, status="cancelled"),
        "C3#1": cohort("C3", 1, D(2024, 3, 4), D(2024, 5, 31), main, status="finished"),
        "C4#1": cohort("C4", 1, D(2025, 5, 5), D(2025, 7, 25), status="finished"),
        "C5#1": cohort("C5", 1, D(2025, 2, 3), D(2025, 4, 25), status="finished"),
    }
    data = Dataset(
        hubs={"alpha": alpha, "beta": beta, "gamma": gamma},
        consortia={"honam": honam, "yeongnam": yeongnam},
        courses=courses,
        cohorts=cohorts,
        people=people,
    )

    def enrol(key: str, person: str, status: str, **flags: Any) -> None:
        c = cohorts[key]
        finished = None if status == "enrolled" else c.ends_on
        data.enrolments.append(
            f.EnrollmentFactory(
                cohort=c,
                user=people[person],
                status=status,
                enrolled_on=c.starts_on,
                finished_on=finished,
                **flags,
            )
        )

    enrol("C1#1", "p1", "completed")
    enrol("C1#1", "p2", "dropped_out")
    enrol("C1#1", "p3", "completed", is_job_seeker_at_entry=True)
    enrol("C1#2", "p1", "completed", is_job_seeker_at_entry=True)
    enrol("C1#2", "p4", "not_completed", is_job_seeker_at_entry=True, is_neet_at_entry=True)
    enrol("C1#2", "p5", "completed")
    enrol("C1#2", "p6", "completed", is_job_seeker_at_entry=True)
    enrol("C1#3", "p7", "enrolled")
    enrol("C1#3", "p8", "enrolled")
    enrol("C2#1", "p5", "completed")
    enrol("C2#1", "p9", "dropped_out")
    enrol("C2#2", "p10", "enrolled")  # cancelled cohort: counts nowhere
    enrol("C3#1", "p2", "completed")
    enrol("C4#1", "p3", "completed")
    enrol("C4#1", "p11", "completed")
    enrol("C5#1", "p12", "completed")

    university = f.OrganisationFactory(hub=alpha, kind="university", name="전주대학교")
    company = f.OrganisationFactory(hub=alpha, kind="company", name="전주데이터")
    f.AgreementFactory(organisation=university, starts_on=D(2025, 1, 2), ends_on=D(2027, 1, 1))
    f.AgreementFactory(organisation=company, starts_on=D(2025, 12, 31), ends_on=None)
    f.AgreementFactory(organisation=company, starts_on=D(2024, 6, 1), ends_on=D(2025, 5, 31))
    beta_partner = f.OrganisationFactory(hub=beta, kind="public_agency", name="농촌진흥청")
    f.AgreementFactory(organisation=beta_partner, starts_on=D(2025, 3, 1), ends_on=None)
    _applications(data)
    _projects(data, company)
    _surveys(data)
    _outcomes(data)
    _events(data)
    return data


def _events(data: Dataset) -> None:
    """alpha: E1 tour (ended 2025-03-10; p1 p4 attended, p5 no-show, p6 cancelled), E2 workshop
    ending 2025-12-31 23:30 Seoul (p1 p7 attended), E3 seminar ending 2026-01-01 00:30 Seoul,
    still 2025 in UTC (p8 attended: 2026), E4 cancelled (p9 marked attended: never counts), E5
    open and still to come (p10 registered). beta: E6 job fair in May 2025 (p1 p3 attended)."""
    from zoneinfo import ZoneInfo

    from talenthub.events.models import Event, Registration

    seoul = ZoneInfo("Asia/Seoul")

    def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
        return datetime.datetime(year, month, day, hour, minute, tzinfo=seoul)

    def event(hub: str, kind: str, starts: Any, ends: Any, status: str, people: dict[str, str]):
        row = Event.objects.create(
            hub=data.hubs[hub],
            kind=kind,
            title=f"{kind} {starts:%Y-%m-%d}",
            starts_at=starts,
            ends_at=ends,
            status=status,
            is_published=True,
        )
        for person, state in people.items():
            Registration.objects.create(
                event=row,
                user=data.people[person],
                status=state,
                queued_at=starts,
                status_changed_at=starts,
            )
        return row

    event(
        "alpha",
        "tour",
        at(2025, 3, 10, 10),
        at(2025, 3, 10, 15),
        "closed",
        {"p1": "attended", "p4": "attended", "p5": "no_show", "p6": "cancelled"},
    )
    event(
        "alpha",
        "workshop",
        at(2025, 12, 31, 20),
        at(2025, 12, 31, 23, 30),
        "closed",
        {"p1": "attended", "p7": "attended"},
    )
    event(
        "alpha",
        "seminar",
        at(2025, 12, 31, 23),
        at(2026, 1, 1, 0, 30),
        "closed",
        {"p8": "attended"},
    )
    event(
        "alpha", "challenge", at(2025, 6, 1, 9), at(2025, 6, 1, 18), "cancelled", {"p9": "attended"}
    )
    event(
        "alpha", "seminar", at(2025, 11, 1, 14), at(2025, 11, 1, 16), "open", {"p10": "registered"}
    )
    event(
        "beta",
        "networking",
        at(2025, 5, 5, 13),
        at(2025, 5, 5, 17),
        "closed",
        {"p1": "attended", "p3": "attended"},
    )


def _applications(data: Dataset) -> None:
    """Applications: 5 to C1#2 (4 admitted, 1 not selected), 1 to the cancelled C2#2, 2 to C4#1."""
    from talenthub.enrollments.models import Application

    plan = [
        ("C1#2", "p1", "admitted"),
        ("C1#2", "p4", "admitted"),
        ("C1#2", "p5", "admitted"),
        ("C1#2", "p6", "admitted"),
        ("C1#2", "p10", "rejected"),
        ("C2#2", "p10", "admitted"),
        ("C4#1", "p3", "admitted"),
        ("C4#1", "p11", "admitted"),
    ]
    enrolments = {(e.cohort_id, e.user_id): e for e in data.enrolments}
    for key, person, status in plan:
        cohort, user = data.cohorts[key], data.people[person]
        Application.objects.create(
            cohort=cohort,
            user=user,
            status=status,
            enrollment=enrolments.get((cohort.pk, user.pk)) if status == "admitted" else None,
        )


def _projects(data: Dataset, company: Any) -> None:
    """Alpha's partner company: a 2025 project (p1 selected and hired, p5 selected, p9 not
    selected) and a rejected 2025 proposal with a selection that must not count."""
    from talenthub.projects.models import Project, ProjectApplication

    def project(title: str, status: str) -> Any:
        return Project.objects.create(
            organisation=company,
            title=title,
            problem="농산물 가격 예측",
            skills="Python",
            seats=3,
            hours=40,
            mentor_name="멘토",
            starts_on=D(2025, 6, 2),
            ends_on=D(2025, 8, 29),
            status=status,
        )

    done = project("가격 예측", "completed")
    ProjectApplication.objects.create(
        project=done,
        user=data.people["p1"],
        status="selected",
        hire_decision="hired",
        hired_by=company,
        employment_type="full_time",
        hire_starts_on=D(2025, 9, 1),
    )
    ProjectApplication.objects.create(project=done, user=data.people["p5"], status="selected")
    ProjectApplication.objects.create(project=done, user=data.people["p9"], status="not_selected")
    rejected = project("반려된 제안", "rejected")
    ProjectApplication.objects.create(project=rejected, user=data.people["p6"], status="selected")


def _surveys(data: Dataset) -> None:
    """C1#1: answers (5, 5) and (4, 5) → 100 and 90, cohort 95, 3 invited; C1#2: (4, 4) → 80,
    4 invited; C2#1: no answer, 2 invited; beta's C4#1: (5, 4) → 90, 2 invited."""
    from talenthub.surveys.models import (
        Answer,
        Invitation,
        Question,
        Response,
        Section,
        Survey,
        SurveyTemplate,
        TemplateVersion,
    )

    template = SurveyTemplate.objects.create(code="test-sat", name="만족도", purpose="satisfaction")
    version = TemplateVersion.objects.create(template=template, number=1)
    section = Section.objects.create(version=version, position=1, title="전반")
    questions = [
        Question.objects.create(
            version=version,
            section=section,
            position=i,
            code=f"q{i}",
            kind="likert5",
            text=f"문항 {i}",
            in_score=True,
        )
        for i in (1, 2)
    ]
    sent = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
    plan = {
        "C1#1": ["p1", "p2", "p3"],
        "C1#2": ["p1", "p4", "p5", "p6"],
        "C2#1": ["p5", "p9"],
        "C4#1": ["p3", "p11"],
    }
    answers = {"C1#1": [(5, 5), (4, 5)], "C1#2": [(4, 4)], "C2#1": [], "C4#1": [(5, 4)]}
    for key, invited in plan.items():
        cohort = data.cohorts[key]
        survey = Survey.objects.create(
            cohort=cohort,
            version=version,
            purpose="satisfaction",
            title=f"{key} 만족도",
            status="closed",
            sent_at=sent,
            deadline=sent,
        )
        for person in invited:
            Invitation.objects.create(survey=survey, user=data.people[person], is_used=True)
        for values in answers[key]:
            response = Response.objects.create(
                survey=survey, is_anonymous=True, submitted_on=cohort.ends_on
            )
            for question, value in zip(questions, values, strict=True):
                Answer.objects.create(response=response, question=question, value=value)


def _outcomes(data: Dataset) -> None:
    """Job-seekers who completed at alpha in 2025: p1 (full-time from 2025-07-01, verified: counts),
    p3 (further study: out of the denominator), p6 (a job starting 2026-01-15, after the 6 months:
    does not count)."""
    from talenthub.outcomes.models import Outcome

    verified_at = datetime.datetime(2025, 8, 1, tzinfo=datetime.UTC)
    alpha = data.hubs["alpha"]
    for person, category, starts in [
        ("p1", "full_time", D(2025, 7, 1)),
        ("p3", "further_study", D(2025, 3, 1)),
        ("p6", "full_time", D(2026, 1, 15)),
    ]:
        Outcome.objects.create(
            user=data.people[person],
            hub=alpha,
            category=category,
            starts_on=starts,
            source="operator",
            status="verified",
            verified_at=verified_at,
        )
