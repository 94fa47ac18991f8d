from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum

from talenthub.attendance.models import Certificate
from talenthub.courses.models import Cohort, SessionDay


@dataclass(frozen=True)
class CertificateFacts:
    """What a certificate states; the public verification page shows only name, course, dates."""

    number: str
    name: str
    course_title: str
    cohort_number: int
    hub_name: str
    agency: str
    hours: Decimal
    starts_on: datetime.date
    ends_on: datetime.date
    issued_on: datetime.date
    revoked: bool


def _with_relations() -> QuerySet[Certificate]:
    return Certificate.objects.select_related("enrollment__user", "enrollment__cohort__course__hub")


def certificate_by_code(code: str) -> Certificate | None:
    return _with_relations().filter(verification_code=code.strip().upper()).first()


def certificates_of_cohort(cohort: Cohort) -> QuerySet[Certificate]:
    return _with_relations().filter(enrollment__cohort=cohort).order_by("number")


def certificate_facts(certificate: Certificate) -> CertificateFacts:
    enrollment = certificate.enrollment
    cohort = enrollment.cohort
    scheduled = SessionDay.objects.filter(cohort=cohort).aggregate(total=Sum("hours"))["total"]
    from django.utils import timezone

    return CertificateFacts(
        number=certificate.number,
        name=enrollment.user.name,
        course_title=cohort.course.title,
        cohort_number=cohort.number,
        hub_name=cohort.course.hub.name,
        agency=cohort.course.hub.agency,
        hours=scheduled or Decimal(cohort.course.hours),
        starts_on=cohort.starts_on,
        ends_on=cohort.ends_on,
        issued_on=timezone.localdate(certificate.issued_at),
        revoked=certificate.is_revoked,
    )
