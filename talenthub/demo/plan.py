"""The demo as plain data: courses and their cohorts per hub, built from one seeded generator.

No ORM here; `talenthub.demo.services` writes the plan. Every draw comes from the one
`random.Random` in a fixed order, so a seed always gives the same plan.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from talenthub.courses.choices import CohortStatus
from talenthub.demo.data import DEMO_TODAY, HubSpec, PartnerSpec
from talenthub.demo.people import PersonPlan
from talenthub.demo.schedule import (
    PART_TIME_MAX_HOURS,
    PATTERNS_LONG,
    PATTERNS_SHORT,
    DayPattern,
    SessionSlot,
    TrainingCalendar,
)
from talenthub.demo.vocabulary import (
    CAPACITIES,
    DOMAIN_PHRASES,
    DOMAIN_PREFIXES,
    DOMAIN_WEIGHTS,
    LEVEL_HOURS,
    LEVEL_PHRASES,
    LEVEL_SUFFIXES,
    LEVEL_WEIGHTS,
    TOPICS,
    TRACK_CODES,
    TRACK_NAMES,
    TRACK_WEIGHTS,
)
from talenthub.partners.choices import OrganisationKind

# Cohorts of reported years start from February to October, so all of them end in the same year.
_START_MONTHS = (2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 9, 10)
_LAST_DAY_OF_YEAR = (12, 23)


@dataclass(eq=False)
class CoursePlan:
    code: str
    title: str
    track: str
    domain: str
    level: str
    hours: int
    description: str
    partners: list[str]
    is_published: bool = True


@dataclass(eq=False)
class EnrollmentPlan:
    person: PersonPlan
    status: str
    enrolled_on: datetime.date
    finished_on: datetime.date | None
    is_job_seeker: bool
    is_neet: bool
    dropout_reason: str = ""


@dataclass(eq=False)
class CohortPlan:
    course: CoursePlan
    site: str
    capacity: int
    status: str
    days: list[SessionSlot]
    applications_open_on: datetime.date
    applications_close_on: datetime.date
    number: int = 0
    instructors: list[PersonPlan] = field(default_factory=list)
    enrollments: list[EnrollmentPlan] = field(default_factory=list)

    @property
    def starts_on(self) -> datetime.date:
        return self.days[0].date

    @property
    def ends_on(self) -> datetime.date:
        return self.days[-1].date

    @property
    def year(self) -> int:
        return self.starts_on.year


@dataclass(eq=False)
class PartnerPlan:
    spec: PartnerSpec
    contact_name: str
    contact_email: str
    contact_phone: str


@dataclass(eq=False)
class HubPlan:
    spec: HubSpec
    partners: list[PartnerPlan] = field(default_factory=list)
    courses: list[CoursePlan] = field(default_factory=list)
    cohorts: list[CohortPlan] = field(default_factory=list)
    trainees: list[PersonPlan] = field(default_factory=list)
    instructors: list[PersonPlan] = field(default_factory=list)


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _with_particle(word: str) -> str:
    """`word` followed by 과 after a final consonant (받침), 와 after a vowel."""
    last = word[-1]
    has_final = "가" <= last <= "힣" and (ord(last) - ord("가")) % 28 != 0
    return word + ("과" if has_final else "와")


class CoursePlanner:
    """Courses and cohorts of one hub, year by year, as its `HubSpec` programme describes."""

    def __init__(self, rng: random.Random, calendar: TrainingCalendar, spec: HubSpec) -> None:
        self.rng = rng
        self.calendar = calendar
        self.spec = spec
        self.plan = HubPlan(spec=spec)
        self._titles: set[str] = set()
        self._code_numbers: dict[tuple[int, str], int] = {}

    def build(self) -> HubPlan:
        rng, spec = self.rng, self.spec
        for year in sorted(spec.program):
            program = spec.program[year]
            earlier = list(self.plan.courses)
            new = [self.new_course(year) for _ in range(program.new_courses)]
            reruns = rng.sample(earlier, program.reruns)
            ran = new + reruns
            for course in ran:
                self.past_cohort(course, year)
            for course in rng.sample(ran, program.extra_cohorts):
                self.past_cohort(course, year)
            # A cancelled cohort is always of a course that did not otherwise run that year, so
            # the year's "courses run" count must leave it out.
            idle = [course for course in earlier if course not in reruns]
            for course in rng.sample(idle, program.cancelled):
                self.past_cohort(course, year, cancelled=True)
        if spec.orphan_cancelled_year is not None:
            orphan = self.new_course(spec.orphan_cancelled_year, published=False)
            self.past_cohort(orphan, spec.orphan_cancelled_year, cancelled=True)
        self.current_cohorts()
        self._number_cohorts()
        return self.plan

    def new_course(self, year: int, *, published: bool = True) -> CoursePlan:
        rng = self.rng
        track = _weighted(rng, TRACK_WEIGHTS)
        domain = _weighted(rng, DOMAIN_WEIGHTS[track])
        level = _weighted(rng, LEVEL_WEIGHTS)
        hours = rng.choice(LEVEL_HOURS[level])
        key = (year, track)
        self._code_numbers[key] = self._code_numbers.get(key, 0) + 1
        code = f"{self.spec.code_prefix}-{year}-{TRACK_CODES[track]}-{self._code_numbers[key]:02d}"
        partners = self._partners(domain)
        description = (
            f"{LEVEL_PHRASES[level]} {TRACK_NAMES[track]} 과정입니다. "
            f"{DOMAIN_PHRASES[domain]} 기반 실습 프로젝트로 마무리하며, 총 {hours}시간입니다."
        )
        if partners:
            description += f" {_with_particle(', '.join(partners))} 함께 운영합니다."
        course = CoursePlan(
            code=code,
            title=self._title(track, domain, level),
            track=track,
            domain=domain,
            level=level,
            hours=hours,
            description=description,
            partners=partners,
            is_published=published,
        )
        self.plan.courses.append(course)
        return course

    def _title(self, track: str, domain: str, level: str) -> str:
        rng = self.rng
        for _ in range(100):
            parts = (
                rng.choice(DOMAIN_PREFIXES[domain]),
                rng.choice(TOPICS[track]),
                rng.choice(LEVEL_SUFFIXES[level]),
            )
            title = " ".join(part for part in parts if part)
            if title not in self._titles:
                self._titles.add(title)
                return title
        raise RuntimeError(f"ran out of distinct course titles for {track}/{domain}/{level}")

    def _partners(self, domain: str) -> list[str]:
        """Co-running partners; agri-bio and finance courses always have their public agency."""
        rng = self.rng
        chosen = [
            p.name for p in self.spec.partners if domain in p.affinity and rng.random() < p.share
        ]
        agencies = [
            p.name
            for p in self.spec.partners
            if p.kind == OrganisationKind.PUBLIC_AGENCY and domain in p.affinity
        ]
        if agencies and not set(agencies) & set(chosen):
            chosen.insert(0, agencies[0])
        return chosen

    def _pattern(self, hours: int) -> DayPattern:
        patterns = PATTERNS_SHORT if hours <= PART_TIME_MAX_HOURS else PATTERNS_LONG
        # A last day shorter than half a day would look like a scheduling slip, so skip patterns
        # that leave one.
        fitting = [(p, weight) for p, weight in patterns if hours % p.hours in (0, 4, 5, 6)]
        return self.rng.choices(
            [pattern for pattern, _ in fitting], weights=[weight for _, weight in fitting]
        )[0]

    def _cohort(
        self,
        course: CoursePlan,
        days: list[SessionSlot],
        status: str,
        opens: datetime.date | None = None,
        closes: datetime.date | None = None,
    ) -> CohortPlan:
        rng, start = self.rng, days[0].date
        sites = self.spec.sites
        site = sites[0][0] if len(sites) == 1 or rng.random() < 0.7 else rng.choice(sites[1:])[0]
        cohort = CohortPlan(
            course=course,
            site=site,
            capacity=rng.choice(CAPACITIES),
            status=status,
            days=days,
            applications_open_on=opens or start - datetime.timedelta(days=42),
            applications_close_on=closes or start - datetime.timedelta(days=8),
        )
        self.plan.cohorts.append(cohort)
        return cohort

    def past_cohort(self, course: CoursePlan, year: int, *, cancelled: bool = False) -> None:
        rng = self.rng
        pattern = self._pattern(course.hours)
        start = datetime.date(year, rng.choice(_START_MONTHS), rng.randint(1, 28))
        days = self.calendar.schedule(start, course.hours, pattern)
        while days[-1].date > datetime.date(year, *_LAST_DAY_OF_YEAR):
            start -= datetime.timedelta(days=28)
            days = self.calendar.schedule(start, course.hours, pattern)
        status = CohortStatus.CANCELLED if cancelled else CohortStatus.FINISHED
        self._cohort(course, days, status)

    def current_cohorts(self) -> None:
        """The demo's current year: finished, running, recruiting and planned cohorts."""
        rng, spec, today = self.rng, self.spec, DEMO_TODAY
        recent = [c for c in self.plan.courses if c.is_published]
        reruns = rng.sample(recent[-40:], len(spec.current_slots) - spec.current_new_courses)
        new = [self.new_course(today.year) for _ in range(spec.current_new_courses)]
        # New courses take the last slots (recruiting, planned), so the catalogue shows them open.
        for status, course in zip(spec.current_slots, reruns + new, strict=True):
            pattern = self._pattern(course.hours)
            if status == CohortStatus.FINISHED:
                start = datetime.date(today.year, rng.randint(3, 9), rng.randint(1, 28))
                days = self.calendar.schedule(start, course.hours, pattern)
                while days[-1].date >= today - datetime.timedelta(days=14):
                    start -= datetime.timedelta(days=28)
                    days = self.calendar.schedule(start, course.hours, pattern)
                self._cohort(course, days, status)
            elif status == CohortStatus.IN_PROGRESS:
                total = self.calendar.days_needed(course.hours, pattern)
                elapsed = min(total - 1, max(1, round(total * rng.uniform(0.3, 0.7))))
                start = self.calendar.back(today, elapsed)
                self._cohort(course, self.calendar.schedule(start, course.hours, pattern), status)
            elif status == CohortStatus.RECRUITING:
                start = today + datetime.timedelta(days=rng.randint(10, 50))
                days = self.calendar.schedule(start, course.hours, pattern)
                opens = today - datetime.timedelta(days=rng.randint(7, 25))
                closes = days[0].date - datetime.timedelta(days=5)
                self._cohort(course, days, status, opens, closes)
            else:
                start = today + datetime.timedelta(days=rng.randint(70, 110))
                self._cohort(course, self.calendar.schedule(start, course.hours, pattern), status)

    def _number_cohorts(self) -> None:
        self.plan.cohorts.sort(key=lambda c: (c.starts_on, c.course.code))
        numbers: dict[int, int] = {}
        for cohort in self.plan.cohorts:
            key = id(cohort.course)
            numbers[key] = numbers.get(key, 0) + 1
            cohort.number = numbers[key]
