"""Exports of people and their records: trainees, applications, enrolments, outcomes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, Model, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from talenthub.accounts.models import User
from talenthub.enrollments.models import Application, Enrollment
from talenthub.enrollments.selectors import people_in_hubs
from talenthub.exchange.choices import ExportPurpose as P
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record, pseudonym
from talenthub.exchange.importers.vocabulary import (
    EDUCATION,
    ENROLMENT_STATUS,
    GENDER,
    OUTCOME_CATEGORY,
)
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Hub, Membership
from talenthub.outcomes.selectors import outcomes_in_hubs

M = TypeVar("M", bound=Model)


def _yn(value: bool | None) -> str:
    return "" if value is None else ("Y" if value else "N")


def person_fields(user: User) -> dict[str, object]:
    return {
        "person": pseudonym(user.pk),
        "name": user.name,
        "mobile": user.mobile,
        "email": user.email,
        "birth_date": user.birth_date,
        "birth_year": user.birth_date.year if user.birth_date else None,
        "gender": GENDER.word(user.gender) if user.gender else "",
        "region": user.region,
    }


PERSON = (
    ExportColumn("person", _("person key (pseudonymous)"), personal=True),
    ExportColumn("name", "이름", personal=True),
    ExportColumn("mobile", "휴대전화", personal=True),
    ExportColumn("email", "이메일", personal=True),
    ExportColumn("birth_date", "생년월일", personal=True),
    ExportColumn("birth_year", _("year of birth"), personal=True),
    ExportColumn("gender", "성별", personal=True),
    ExportColumn("region", "거주지(시군구)", personal=True),
)
IDENTIFIED = ("name", "mobile", "email")


def _trainees(hub: Hub) -> Iterable[Record]:
    trainee_role = Membership.objects.filter(
        user=OuterRef("pk"), hub=hub, role=Role.TRAINEE, is_active=True
    )
    people = (
        people_in_hubs({hub.pk}).annotate(is_trainee=Exists(trainee_role)).select_related("profile")
    )
    for user in people:
        if not (user.is_trainee or user.n_enrollments or user.n_applications):  # type: ignore[attr-defined]
            continue
        try:
            profile = user.profile
        except ObjectDoesNotExist:
            profile = None
        yield {
            **person_fields(user),
            "education": EDUCATION.word(profile.education) if profile and profile.education else "",
            "job_seeker": _yn(profile.is_job_seeker) if profile else "",
            "neet": _yn(profile.is_neet) if profile else "",
            "enrolments": user.n_enrollments,  # type: ignore[attr-defined]
            "applications": user.n_applications,  # type: ignore[attr-defined]
        }


TRAINEES = Dataset(
    key="trainees",
    title=_("Trainees"),
    columns=(
        *PERSON,
        ExportColumn("education", "최종학력", personal=True),
        ExportColumn("job_seeker", "구직희망(Y/N)", personal=True),
        ExportColumn("neet", "쉬었음청년(Y/N)", personal=True),
        ExportColumn("enrolments", _("enrolments")),
        ExportColumn("applications", _("applications")),
    ),
    records=_trainees,
    purposes={
        P.HRD_NET: ("name", "mobile", "email", "birth_date", "gender", "region", "education"),
        P.CONTACT: IDENTIFIED,
        P.FOLLOW_UP: (*IDENTIFIED, "job_seeker"),
        P.FUNDER_REPORT: (
            "person",
            "birth_year",
            "gender",
            "region",
            "job_seeker",
            "neet",
            "enrolments",
        ),
        P.STATISTICS: (
            "person",
            "birth_year",
            "gender",
            "region",
            "education",
            "job_seeker",
            "neet",
            "enrolments",
            "applications",
        ),
    },
)


def cohort_fields(record: Enrollment | Application) -> dict[str, object]:
    cohort = record.cohort
    return {
        "course_code": cohort.course.code,
        "course_title": cohort.course.title,
        "cohort": cohort.number,
    }


COHORT = (
    ExportColumn("course_code", "과정코드"),
    ExportColumn("course_title", "과정명"),
    ExportColumn("cohort", "차수"),
)


def in_cohort(rows: QuerySet[M], cohort: int | None) -> QuerySet[M]:
    """The rows of one cohort (the `cohort` filter of a dataset), or all of them."""
    return rows if cohort is None else rows.filter(cohort_id=cohort)


def in_cohorts(purposes: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Purposes of a list of cohort records: each also names the cohort of every row."""
    return {purpose: (*(c.key for c in COHORT), *keys) for purpose, keys in purposes.items()}


def _enrolments(hub: Hub, cohort: int | None = None) -> Iterable[Record]:
    rows = (
        in_cohort(Enrollment.objects.filter(cohort__course__hub=hub), cohort)
        .select_related("cohort__course", "user")
        .order_by("cohort__course__code", "cohort__number", "user__name", "id")
    )
    for enrolment in rows:
        yield {
            **cohort_fields(enrolment),
            **person_fields(enrolment.user),
            "contact": enrolment.user.mobile or enrolment.user.email,
            "status": ENROLMENT_STATUS.word(enrolment.status),
            "enrolled_on": enrolment.enrolled_on,
            "finished_on": enrolment.finished_on,
            "job_seeker": _yn(enrolment.is_job_seeker_at_entry),
            "neet": _yn(enrolment.is_neet_at_entry),
            "reason": enrolment.dropout_reason,
        }


ENROLMENTS = Dataset(
    key="enrolments",
    title=_("Enrolments"),
    columns=(
        *COHORT,
        *PERSON,
        ExportColumn("contact", "휴대전화 또는 이메일", personal=True),
        ExportColumn("status", "상태"),
        ExportColumn("enrolled_on", _("enrolment date")),
        ExportColumn("finished_on", "종료일"),
        ExportColumn("job_seeker", _("job-seeker at entry (Y/N)")),
        ExportColumn("neet", _("NEET youth at entry (Y/N)")),
        ExportColumn("reason", "사유", personal=True),
    ),
    records=_enrolments,
    filters=("cohort",),
    purposes=in_cohorts(
        {
            P.HRD_NET: ("name", "birth_date", "contact", "status", "enrolled_on", "finished_on"),
            P.CONTACT: (*IDENTIFIED,),
            P.FOLLOW_UP: (*IDENTIFIED, "status", "finished_on", "job_seeker"),
            P.FUNDER_REPORT: (
                "person",
                "birth_year",
                "gender",
                "status",
                "enrolled_on",
                "finished_on",
                "job_seeker",
                "neet",
            ),
            P.STATISTICS: (
                "person",
                "birth_year",
                "gender",
                "region",
                "status",
                "enrolled_on",
                "finished_on",
                "job_seeker",
                "neet",
            ),
        }
    ),
)


def _applications(hub: Hub, cohort: int | None = None) -> Iterable[Record]:
    rows = (
        in_cohort(Application.objects.filter(cohort__course__hub=hub), cohort)
        .select_related("cohort__course", "user")
        .order_by("cohort__course__code", "cohort__number", "submitted_at", "id")
    )
    for application in rows:
        yield {
            **cohort_fields(application),
            **person_fields(application.user),
            "status": str(application.get_status_display()),
            "submitted_at": application.submitted_at,
            "job_seeker": _yn(application.is_job_seeker),
            "neet": _yn(application.is_neet),
            "waitlist": application.waitlist_position,
        }


APPLICATIONS = Dataset(
    key="applications",
    title=_("Applications"),
    columns=(
        *COHORT,
        *PERSON,
        ExportColumn("status", _("status")),
        ExportColumn("submitted_at", _("submitted at")),
        ExportColumn("job_seeker", "구직희망(Y/N)"),
        ExportColumn("neet", "쉬었음청년(Y/N)"),
        ExportColumn("waitlist", _("waitlist position")),
    ),
    records=_applications,
    filters=("cohort",),
    purposes=in_cohorts(
        {
            P.HRD_NET: ("name", "birth_date", "mobile", "email", "status", "submitted_at"),
            P.CONTACT: (*IDENTIFIED, "status", "waitlist"),
            P.STATISTICS: (
                "person",
                "birth_year",
                "gender",
                "region",
                "status",
                "submitted_at",
                "job_seeker",
                "neet",
            ),
        }
    ),
)


def _outcomes(hub: Hub) -> Iterable[Record]:
    for outcome in outcomes_in_hubs({hub.pk}):
        yield {
            **person_fields(outcome.user),
            "contact": outcome.user.mobile or outcome.user.email,
            "category": OUTCOME_CATEGORY.word(outcome.category),
            "organisation": outcome.organisation_name,
            "starts_on": outcome.starts_on,
            "status": str(outcome.get_status_display()),
            "source": str(outcome.get_source_display()),
            "duplicate": "Y" if outcome.duplicate_of_id else "",
            "note": outcome.note,
        }


OUTCOMES = Dataset(
    key="outcomes",
    title=_("Employment and startup outcomes"),
    columns=(
        *PERSON,
        ExportColumn("contact", "휴대전화 또는 이메일", personal=True),
        ExportColumn("category", "구분"),
        ExportColumn("organisation", "기관명"),
        ExportColumn("starts_on", "시작일"),
        ExportColumn("status", _("verification")),
        ExportColumn("source", _("source")),
        ExportColumn("duplicate", _("duplicate")),
        ExportColumn("note", "증빙", personal=True),
    ),
    records=_outcomes,
    purposes={
        P.FUNDER_REPORT: ("person", "category", "organisation", "starts_on", "status", "duplicate"),
        P.FOLLOW_UP: (*IDENTIFIED, "category", "organisation", "starts_on", "status", "note"),
        P.HRD_NET: ("name", "birth_date", "contact", "category", "organisation", "starts_on"),
        P.STATISTICS: (
            "person",
            "birth_year",
            "gender",
            "category",
            "starts_on",
            "status",
            "duplicate",
        ),
    },
)
