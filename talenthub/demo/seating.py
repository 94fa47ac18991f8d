"""Who sits in each cohort, how their enrolment ended, and who teaches it.

For a hub with exact targets (Jeonju), seats and completions are dealt out so that the counts the
KPI definitions make over the raw rows come out exactly at the press-release figures.
"""

from __future__ import annotations

import datetime
import math
import random

from talenthub.courses.choices import CohortStatus
from talenthub.demo.data import DEMO_TODAY, LAST_REPORTED_YEAR
from talenthub.demo.people import PeopleMaker, PersonPlan
from talenthub.demo.plan import CohortPlan, EnrollmentPlan, HubPlan
from talenthub.demo.vocabulary import DROPOUT_REASONS
from talenthub.enrollments.choices import EnrollmentStatus

# A share of seats goes to someone who finished an earlier course (a graduate taking the next one).
REPEAT_SHARE = 0.16
JOB_SEEKER_SHARE = 0.6
# NEET youth (쉬었음 청년) are 19 to 34; this share of them gives about 10 % of all enrolments.
NEET_MAX_AGE = 34
NEET_SHARE_OF_YOUNG = 0.13
DROPOUT_SHARE_OF_NON_COMPLETERS = 0.6
IN_PROGRESS_DROPOUT_SHARE = 0.06
SINGLE_INSTRUCTOR_SHARE = 0.65


def allocate(total: int, lows: list[int], highs: list[int], rng: random.Random) -> list[int]:
    """`total` split into counts with lows[i] <= counts[i] <= highs[i], at random but exact."""
    if not sum(lows) <= total <= sum(highs):
        raise ValueError(f"cannot split {total} within {sum(lows)}..{sum(highs)}")
    counts = list(lows)
    weights = [rng.uniform(0.6, 1.4) * (high - low) for low, high in zip(lows, highs, strict=True)]
    spare, weight_sum = total - sum(lows), sum(weights)
    if weight_sum:
        for i, weight in enumerate(weights):
            counts[i] += min(highs[i] - counts[i], int(spare * weight / weight_sum))
    for _ in range(total - sum(counts)):
        counts[rng.choice([i for i, high in enumerate(highs) if counts[i] < high])] += 1
    return counts


def _age_on(birth_date: datetime.date, day: datetime.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


class Seating:
    def __init__(self, rng: random.Random, people: PeopleMaker, plan: HubPlan) -> None:
        self.rng = rng
        self.people = people
        self.plan = plan
        self.domain = f"{plan.spec.code}.demo"
        self._alumni: list[PersonPlan] = []
        self._alumni_ids: set[int] = set()

    def fill(
        self, *, trainee_login: PersonPlan | None, instructor_login: PersonPlan | None
    ) -> None:
        sizes = self._sizes()
        reserved: dict[int, PersonPlan] = {}
        if trainee_login is not None:
            self.plan.trainees.append(trainee_login)
            reserved = dict.fromkeys(self._login_cohorts(sizes), trainee_login)
        for index, (cohort, (seats, completions)) in enumerate(
            zip(self.plan.cohorts, sizes, strict=True)
        ):
            statuses = self._statuses(cohort, seats, completions)
            person = reserved.get(index)
            if person is not None:
                wanted = (
                    EnrollmentStatus.COMPLETED
                    if cohort.status == CohortStatus.FINISHED
                    else EnrollmentStatus.ENROLLED
                )
                first = statuses.index(wanted)
                statuses[0], statuses[first] = statuses[first], statuses[0]
            for seat, status in enumerate(statuses):
                taker = person if person is not None and seat == 0 else self._person(cohort)
                self._enrol(cohort, taker, status, is_reserved=taker is person)
        self._assign_instructors(instructor_login, reserved)

    def _login_cohorts(self, sizes: list[tuple[int, int]]) -> tuple[int, int]:
        """The demo trainee completed a cohort of the last reported year and is in a running one."""
        cohorts = self.plan.cohorts
        past = next(
            i
            for i, cohort in enumerate(cohorts)
            if cohort.status == CohortStatus.FINISHED
            and cohort.year == LAST_REPORTED_YEAR
            and sizes[i][1] > 0
        )
        running = next(
            i
            for i, cohort in enumerate(cohorts)
            if cohort.status == CohortStatus.IN_PROGRESS and sizes[i][0] > 0
        )
        return past, running

    def _sizes(self) -> list[tuple[int, int]]:
        """(seats taken, completions) per cohort, in the order of `plan.cohorts`."""
        rng, targets, cohorts = self.rng, self.plan.spec.targets, self.plan.cohorts
        sizes: list[tuple[int, int]] = []
        for cohort in cohorts:
            cap = cohort.capacity
            if cohort.status == CohortStatus.FINISHED:
                seats = rng.randint(math.ceil(cap * 0.6), cap)
                sizes.append((seats, round(seats * rng.uniform(0.72, 0.93))))
            elif cohort.status == CohortStatus.IN_PROGRESS:
                sizes.append((rng.randint(math.ceil(cap * 0.7), cap), 0))
            elif cohort.status == CohortStatus.RECRUITING:
                sizes.append((rng.randint(0, cap // 2), 0))
            else:
                sizes.append((0, 0))
        if targets is None:
            return sizes
        reported = [
            i
            for i, c in enumerate(cohorts)
            if c.year <= LAST_REPORTED_YEAR and c.status != CohortStatus.CANCELLED
        ]
        last = [i for i in reported if cohorts[i].year == LAST_REPORTED_YEAR]
        before = [i for i in reported if cohorts[i].year < LAST_REPORTED_YEAR]
        for group, total, low in (
            (last, targets.participants_last_year, 0.6),
            (before, targets.enrollments_before_last_year, 0.5),
        ):
            caps = [cohorts[i].capacity for i in group]
            counts = allocate(total, [math.ceil(cap * low) for cap in caps], caps, rng)
            for i, count in zip(group, counts, strict=True):
                sizes[i] = (count, 0)
        last_completions = [round(sizes[i][0] * rng.uniform(0.78, 0.93)) for i in last]
        before_seats = [sizes[i][0] for i in before]
        before_completions = allocate(
            targets.graduates - sum(last_completions),
            [math.ceil(count * 0.6) for count in before_seats],
            before_seats,
            rng,
        )
        for i, completions in zip(
            last + before, last_completions + before_completions, strict=True
        ):
            sizes[i] = (sizes[i][0], completions)
        return sizes

    def _statuses(self, cohort: CohortPlan, seats: int, completions: int) -> list[str]:
        rng = self.rng
        if cohort.status == CohortStatus.FINISHED:
            statuses = [EnrollmentStatus.COMPLETED.value] * completions
            for _ in range(seats - completions):
                dropped = rng.random() < DROPOUT_SHARE_OF_NON_COMPLETERS
                statuses.append(
                    EnrollmentStatus.DROPPED_OUT if dropped else EnrollmentStatus.NOT_COMPLETED
                )
            rng.shuffle(statuses)
            return statuses
        if cohort.status == CohortStatus.IN_PROGRESS:
            return [
                EnrollmentStatus.DROPPED_OUT
                if rng.random() < IN_PROGRESS_DROPOUT_SHARE
                else EnrollmentStatus.ENROLLED
                for _ in range(seats)
            ]
        return [EnrollmentStatus.ENROLLED.value] * seats

    def _person(self, cohort: CohortPlan) -> PersonPlan:
        rng = self.rng
        if self._alumni and rng.random() < REPEAT_SHARE:
            for _ in range(8):
                person = rng.choice(self._alumni)
                # Free from the day after their last course ends, so never two courses at once.
                if person.free_from < cohort.starts_on:
                    return person
        person = self.people.person(
            domain=self.domain, residences=self.plan.spec.residences, on=cohort.starts_on
        )
        self.plan.trainees.append(person)
        return person

    def _enrol(
        self, cohort: CohortPlan, person: PersonPlan, status: str, *, is_reserved: bool
    ) -> None:
        rng, start = self.rng, cohort.starts_on
        if cohort.status == CohortStatus.RECRUITING:
            window = max(0, (DEMO_TODAY - cohort.applications_open_on).days)
            enrolled_on = DEMO_TODAY - datetime.timedelta(days=rng.randint(0, window))
        else:
            enrolled_on = start - datetime.timedelta(days=rng.randint(1, 7))
        finished_on: datetime.date | None = None
        reason = ""
        if status in (EnrollmentStatus.COMPLETED, EnrollmentStatus.NOT_COMPLETED):
            finished_on = cohort.ends_on
        elif status == EnrollmentStatus.DROPPED_OUT:
            days = [slot.date for slot in cohort.days if slot.date <= DEMO_TODAY]
            finished_on = rng.choice(days[:-1] or days)
            reason = rng.choice(DROPOUT_REASONS)
        age = _age_on(person.birth_date, start)
        cohort.enrollments.append(
            EnrollmentPlan(
                person=person,
                status=status,
                enrolled_on=enrolled_on,
                finished_on=finished_on,
                is_job_seeker=rng.random() < JOB_SEEKER_SHARE,
                is_neet=age <= NEET_MAX_AGE and rng.random() < NEET_SHARE_OF_YOUNG,
                dropout_reason=reason,
            )
        )
        person.free_from = max(person.free_from, cohort.ends_on)
        person.joined_on = person.joined_on or enrolled_on
        # The demo trainee's seats are fixed; they never take a random one.
        repeatable = status == EnrollmentStatus.COMPLETED and not is_reserved
        if repeatable and id(person) not in self._alumni_ids:
            self._alumni_ids.add(id(person))
            self._alumni.append(person)

    def _assign_instructors(
        self, instructor_login: PersonPlan | None, reserved: dict[int, PersonPlan]
    ) -> None:
        rng, spec = self.rng, self.plan.spec
        start = datetime.date(2019, 12, 2)
        pool = [instructor_login] if instructor_login is not None else []
        while len(pool) < spec.instructors:
            pool.append(
                self.people.person(
                    domain=self.domain,
                    residences=spec.residences,
                    on=start,
                    age=rng.randint(30, 52),
                )
            )
        for person in pool:
            person.joined_on = start
        self.plan.instructors = pool
        for index, cohort in enumerate(self.plan.cohorts):
            count = 1 if rng.random() < SINGLE_INSTRUCTOR_SHARE else 2
            cohort.instructors = rng.sample(pool, count)
            # The demo instructor teaches the demo trainee's running cohort.
            running = reserved.get(index) is not None and cohort.status == CohortStatus.IN_PROGRESS
            if (
                instructor_login is not None
                and running
                and instructor_login not in cohort.instructors
            ):
                cohort.instructors[0] = instructor_login
