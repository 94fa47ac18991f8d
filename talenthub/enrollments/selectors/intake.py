"""Reads of a cohort's application set-up, and the data snapshot eligibility is judged on."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from talenthub.courses.choices import CohortStatus
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.eligibility import (
    ApplicantFacts,
    CohortFacts,
    Declaration,
    Failure,
    PastEnrolment,
    RuleSpec,
    evaluate,
)
from talenthub.enrollments.models import (
    ApplicationForm,
    ConsentText,
    EligibilityRule,
    Enrollment,
    Question,
)
from talenthub.partners.choices import OrganisationKind
from talenthub.partners.models import Organisation


def application_form_of(cohort: Cohort) -> ApplicationForm | None:
    return ApplicationForm.objects.filter(cohort=cohort).first()


def questions_of(form: ApplicationForm) -> list[Question]:
    return list(form.questions.order_by("position"))


def current_consents(form: ApplicationForm) -> list[ConsentText]:
    """The newest version of each consent item, in display order."""
    latest: dict[str, ConsentText] = {}
    for text in form.consents.order_by("key", "-version"):
        latest.setdefault(text.key, text)
    return sorted(latest.values(), key=lambda text: (text.position, text.key))


def partner_universities(hub_id: int) -> QuerySet[Organisation]:
    return Organisation.objects.filter(hub_id=hub_id, kind=OrganisationKind.UNIVERSITY).order_by(
        "name"
    )


def rule_specs(form: ApplicationForm) -> list[RuleSpec]:
    rules = (
        EligibilityRule.objects.filter(form=form)
        .select_related("course")
        .prefetch_related("universities")
        .order_by("id")
    )
    return [
        RuleSpec(
            kind=rule.kind,
            min_age=rule.min_age,
            max_age=rule.max_age,
            regions=tuple(rule.region_list),
            university_ids=frozenset(u.id for u in rule.universities.all()),
            university_names=tuple(sorted(u.name for u in rule.universities.all())),
            course_id=rule.course_id,
            course_title=rule.course.title if rule.course else "",
        )
        for rule in rules
    ]


def past_enrolments(user_id: int) -> tuple[PastEnrolment, ...]:
    rows = Enrollment.objects.filter(user_id=user_id).select_related("cohort", "cohort__course")
    return tuple(
        PastEnrolment(
            cohort_id=row.cohort_id,
            course_id=row.cohort.course_id,
            label=str(row.cohort),
            starts_on=row.cohort.starts_on,
            ends_on=row.cohort.ends_on,
            completed=row.status == EnrollmentStatus.COMPLETED,
            holds_place=row.status != EnrollmentStatus.DROPPED_OUT,
        )
        for row in rows
    )


def eligibility_snapshot(
    *, cohort: Cohort, form: ApplicationForm, user_id: int, declaration: Declaration
) -> tuple[list[RuleSpec], ApplicantFacts, CohortFacts]:
    facts = ApplicantFacts(
        birth_date=declaration.birth_date,
        region=declaration.region,
        is_job_seeker=declaration.is_job_seeker,
        is_neet=declaration.is_neet,
        university_id=declaration.university_id,
        enrolments=past_enrolments(user_id),
    )
    cohort_facts = CohortFacts(
        cohort_id=cohort.pk, starts_on=cohort.starts_on, ends_on=cohort.ends_on
    )
    return rule_specs(form), facts, cohort_facts


def accepting_applications(cohort: Cohort, today: datetime.date) -> bool:
    """Open while the cohort is recruiting and today is inside its application window, if set."""
    if cohort.status != CohortStatus.RECRUITING:
        return False
    if cohort.applications_open_on and today < cohort.applications_open_on:
        return False
    return not (cohort.applications_close_on and today > cohort.applications_close_on)


def eligibility_failures(
    *, cohort: Cohort, form: ApplicationForm, user_id: int, declaration: Declaration
) -> list[Failure]:
    rules, facts, cohort_facts = eligibility_snapshot(
        cohort=cohort, form=form, user_id=user_id, declaration=declaration
    )
    return evaluate(rules, facts, cohort_facts)
