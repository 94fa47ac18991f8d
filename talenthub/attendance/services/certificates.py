"""Issuing and revoking completion certificates. PDFs are drawn by talenthub.attendance.pdf."""

from __future__ import annotations

import base64
import datetime
import secrets

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.attendance.models import Certificate, CertificateSequence
from talenthub.core.errors import DomainError
from talenthub.courses.models import Cohort
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.models import Enrollment
from talenthub.hubs.models import Hub


def new_verification_code() -> str:
    # 80 random bits in base32: 16 characters, no 0/1/8/9 ambiguity in print.
    return base64.b32encode(secrets.token_bytes(10)).decode("ascii")


def _next_number(hub: Hub, year: int) -> str:
    try:
        with transaction.atomic():
            CertificateSequence.objects.get_or_create(hub=hub, year=year)
    except IntegrityError:
        pass  # created by a concurrent issue; the lock below serialises from here
    sequence = CertificateSequence.objects.select_for_update().get(hub=hub, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{hub.code.upper()}-{year}-{sequence.last:06d}"


@transaction.atomic
def certificate_issue(
    *, enrollment: Enrollment, now: datetime.datetime | None = None
) -> Certificate:
    """The completed trainee's certificate (issued once; asking again returns it)."""
    now = now or timezone.now()
    locked = (
        Enrollment.objects.select_for_update()
        .select_related("cohort__course__hub")
        .get(pk=enrollment.pk)
    )
    if locked.status != EnrollmentStatus.COMPLETED:
        raise DomainError(_("Only a completed enrolment gets a certificate."))
    existing = Certificate.objects.filter(enrollment=locked).first()
    if existing is not None:
        if existing.is_revoked:
            raise DomainError(_("This certificate was revoked and is not issued again."))
        return existing
    hub = locked.cohort.course.hub
    return Certificate.objects.create(
        enrollment=locked,
        number=_next_number(hub, timezone.localtime(now).year),
        verification_code=new_verification_code(),
        issued_at=now,
    )


@transaction.atomic
def certificates_issue_cohort(*, cohort: Cohort) -> list[Certificate]:
    """Certificates for every completed trainee of the cohort; PDFs are drawn in the background."""
    from talenthub.attendance.tasks import certificates_render

    enrollments = Enrollment.objects.filter(
        cohort=cohort, status=EnrollmentStatus.COMPLETED, certificate__isnull=True
    ).order_by("pk")
    issued = [certificate_issue(enrollment=e) for e in enrollments]
    ids = [c.pk for c in issued]
    if ids:
        transaction.on_commit(lambda: certificates_render.delay(ids))
    return issued


@transaction.atomic
def certificate_revoke(
    *, certificate: Certificate, reason: str, now: datetime.datetime | None = None
) -> Certificate:
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give the reason for revoking the certificate."), field="reason")
    if certificate.is_revoked:
        return certificate
    certificate.revoked_at = now or timezone.now()
    certificate.revoke_reason = reason[:200]
    certificate.save(update_fields=["revoked_at", "revoke_reason", "updated_at"])
    return certificate


@transaction.atomic
def certificate_store_pdf(*, certificate: Certificate, pdf: bytes) -> Certificate:
    certificate.pdf.save(f"{certificate.number}.pdf", ContentFile(pdf), save=False)
    certificate.save(update_fields=["pdf", "updated_at"])
    return certificate
