"""Export of the log of e-mails sent to applicants (the enrolments app's notifications)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from talenthub.enrollments.selectors import notifications_in_hubs
from talenthub.exchange.choices import ExportPurpose as P
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record, pseudonym
from talenthub.hubs.models import Hub


def _notifications(hub: Hub, cohort: int | None = None) -> Iterable[Record]:
    for notification in notifications_in_hubs({hub.pk}, cohort):
        recipient = notification.recipient
        yield {
            "queued_at": notification.created_at,
            "course_code": notification.cohort.course.code,
            "cohort": notification.cohort.number,
            "person": pseudonym(recipient.pk) if recipient else "",
            "name": recipient.name if recipient else "",
            "email": notification.to_email,
            "kind": str(notification.get_kind_display()),
            "subject": notification.subject,
            "status": str(notification.get_status_display()),
            "sent_at": notification.sent_at,
            "error": notification.error,
        }


NOTIFICATIONS = Dataset(
    key="notifications",
    title=_("Sent notifications"),
    columns=(
        ExportColumn("queued_at", _("queued at")),
        ExportColumn("course_code", "과정코드"),
        ExportColumn("cohort", "차수"),
        ExportColumn("person", _("person key (pseudonymous)"), personal=True),
        ExportColumn("name", "이름", personal=True),
        ExportColumn("email", "이메일", personal=True),
        ExportColumn("kind", _("kind")),
        ExportColumn("subject", _("subject")),
        ExportColumn("status", _("status")),
        ExportColumn("sent_at", _("sent at")),
        ExportColumn("error", _("error")),
    ),
    records=_notifications,
    filters=("cohort",),
    purposes={
        # Checking that applicants were told (and reaching those whose mail bounced).
        P.CONTACT: (
            "queued_at",
            "course_code",
            "cohort",
            "name",
            "email",
            "kind",
            "status",
            "sent_at",
            "error",
        ),
        P.STATISTICS: (
            "queued_at",
            "course_code",
            "cohort",
            "person",
            "kind",
            "status",
            "sent_at",
        ),
    },
)
