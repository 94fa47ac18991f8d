"""Eligibility rules as plain data and one function that judges an applicant against them.

No ORM here: `selectors.eligibility_snapshot` gathers the facts, this module decides, and the same
decision is shown to the applicant before they submit and enforced again when they do."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from talenthub.enrollments.choices import EligibilityRuleKind as Kind


@dataclass(frozen=True)
class PastEnrolment:
    cohort_id: int
    course_id: int
    label: str
    starts_on: datetime.date
    ends_on: datetime.date
    completed: bool
    holds_place: bool  # not dropped out: the person still has (or had) this seat


@dataclass(frozen=True)
class Declaration:
    """What the applicant states on the form about themselves."""

    birth_date: datetime.date | None
    region: str
    is_job_seeker: bool
    is_neet: bool
    university_id: int | None


@dataclass(frozen=True)
class ApplicantFacts:
    birth_date: datetime.date | None
    region: str
    is_job_seeker: bool
    is_neet: bool
    university_id: int | None
    enrolments: tuple[PastEnrolment, ...] = ()


@dataclass(frozen=True)
class CohortFacts:
    cohort_id: int
    starts_on: datetime.date
    ends_on: datetime.date


@dataclass(frozen=True)
class RuleSpec:
    kind: str
    min_age: int | None = None
    max_age: int | None = None
    regions: tuple[str, ...] = ()
    university_ids: frozenset[int] = field(default_factory=frozenset)
    university_names: tuple[str, ...] = ()
    course_id: int | None = None
    course_title: str = ""


@dataclass(frozen=True)
class Failure:
    kind: str
    message: str


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Age in full years on `day` (만 나이), the age Korean programmes use."""
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


def _normalise(text: str) -> str:
    return "".join(text.split())


def _day(value: datetime.date) -> str:
    return date_format(value, "Y-m-d")


def _age_failure(rule: RuleSpec, facts: ApplicantFacts, cohort: CohortFacts) -> str | None:
    if facts.birth_date is None:
        return _("Enter your date of birth: this cohort has an age requirement.")
    age = age_on(facts.birth_date, cohort.starts_on)
    low, high = rule.min_age, rule.max_age
    if (low is None or age >= low) and (high is None or age <= high):
        return None
    values = {"min": low, "max": high, "age": age, "date": _day(cohort.starts_on)}
    if low is not None and high is not None:
        return (
            _(
                "Applicants must be %(min)d to %(max)d years old on the start date (%(date)s); "
                "you will be %(age)d."
            )
            % values
        )
    if low is not None:
        return (
            _("Applicants must be at least %(min)d years old on the start date (%(date)s).")
            % values
        )
    return _("Applicants must be at most %(max)d years old on the start date (%(date)s).") % values


def _region_failure(rule: RuleSpec, facts: ApplicantFacts) -> str | None:
    wanted = ", ".join(rule.regions)
    if not facts.region.strip():
        return _("Enter your region of residence: this cohort is for residents of %(regions)s.") % {
            "regions": wanted
        }
    home = _normalise(facts.region)
    if any(_normalise(region) in home for region in rule.regions if region.strip()):
        return None
    return _("This cohort is for residents of %(regions)s; you live in %(region)s.") % {
        "regions": wanted,
        "region": facts.region,
    }


def _overlap_failure(facts: ApplicantFacts, cohort: CohortFacts) -> str | None:
    for past in facts.enrolments:
        if past.cohort_id == cohort.cohort_id or not past.holds_place or past.completed:
            continue
        if past.starts_on <= cohort.ends_on and cohort.starts_on <= past.ends_on:
            return _(
                "You are enrolled in %(cohort)s (%(start)s ~ %(end)s), which overlaps this cohort."
            ) % {"cohort": past.label, "start": _day(past.starts_on), "end": _day(past.ends_on)}
    return None


def _failure(rule: RuleSpec, facts: ApplicantFacts, cohort: CohortFacts) -> str | None:
    if rule.kind == Kind.AGE_RANGE:
        return _age_failure(rule, facts, cohort)
    if rule.kind == Kind.REGION:
        return _region_failure(rule, facts)
    if rule.kind == Kind.JOB_SEEKER:
        return None if facts.is_job_seeker else _("This cohort is for job-seekers.")
    if rule.kind == Kind.NEET:
        return (
            None
            if facts.is_neet
            else _("This cohort is for young people who are not working or studying (NEET youth).")
        )
    if rule.kind == Kind.UNIVERSITY_STUDENT:
        if facts.university_id is not None and facts.university_id in rule.university_ids:
            return None
        return _("This cohort is for enrolled students of %(universities)s.") % {
            "universities": ", ".join(rule.university_names)
        }
    if rule.kind == Kind.COMPLETED_COURSE:
        done = any(p.completed and p.course_id == rule.course_id for p in facts.enrolments)
        return (
            None
            if done
            else _("You must have completed %(course)s before.") % {"course": rule.course_title}
        )
    if rule.kind == Kind.NO_OVERLAP:
        return _overlap_failure(facts, cohort)
    raise ValueError(f"unknown eligibility rule {rule.kind!r}")


# Rules whose facts the applicant states on the form: before they do, their failure means nothing.
DECLARED_KINDS = frozenset({Kind.JOB_SEEKER, Kind.NEET, Kind.UNIVERSITY_STUDENT})


def describe(rule: RuleSpec) -> str:
    """The rule in a sentence, for the list of requirements above the form."""
    if rule.kind == Kind.AGE_RANGE:
        if rule.min_age is not None and rule.max_age is not None:
            return _("Aged %(min)d to %(max)d on the start date") % {
                "min": rule.min_age,
                "max": rule.max_age,
            }
        if rule.min_age is not None:
            return _("Aged %(min)d or over on the start date") % {"min": rule.min_age}
        return _("Aged %(max)d or under on the start date") % {"max": rule.max_age}
    if rule.kind == Kind.REGION:
        return _("Living in %(regions)s") % {"regions": ", ".join(rule.regions)}
    if rule.kind == Kind.JOB_SEEKER:
        return _("Looking for a job")
    if rule.kind == Kind.NEET:
        return _("Neither working nor studying (NEET youth)")
    if rule.kind == Kind.UNIVERSITY_STUDENT:
        return _("Enrolled at %(universities)s") % {
            "universities": ", ".join(rule.university_names)
        }
    if rule.kind == Kind.COMPLETED_COURSE:
        return _("Completed %(course)s") % {"course": rule.course_title}
    if rule.kind == Kind.NO_OVERLAP:
        return _("Not enrolled in another cohort at the same time")
    raise ValueError(f"unknown eligibility rule {rule.kind!r}")


def evaluate(
    rules: Sequence[RuleSpec], facts: ApplicantFacts, cohort: CohortFacts
) -> list[Failure]:
    """Every rule the applicant fails, in the order the rules were given (empty: eligible)."""
    failures = []
    for rule in rules:
        message = _failure(rule, facts, cohort)
        if message is not None:
            failures.append(Failure(kind=rule.kind, message=message))
    return failures
