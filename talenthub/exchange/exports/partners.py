"""Exports of a hub's partner organisations' agreements and contact people."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from talenthub.exchange.choices import ExportPurpose as P
from talenthub.exchange.exports.base import Dataset, ExportColumn, Record
from talenthub.hubs.models import Hub
from talenthub.partners.models import Agreement, Contact


def _agreements(hub: Hub, organisation: int | None = None) -> Iterable[Record]:
    rows = Agreement.objects.filter(organisation__hub=hub).select_related("organisation")
    if organisation is not None:
        rows = rows.filter(organisation_id=organisation)
    for agreement in rows.order_by("organisation__name", "-starts_on", "id"):
        yield {
            "organisation": agreement.organisation.name,
            "kind": str(agreement.organisation.get_kind_display()),
            "scope": agreement.scope,
            "starts_on": agreement.starts_on,
            "ends_on": agreement.ends_on,
            "notice_days": agreement.renewal_notice_days,
            "contact_name": agreement.contact_name,
            "contact_email": agreement.contact_email,
            "contact_phone": agreement.contact_phone,
        }


AGREEMENTS = Dataset(
    key="agreements",
    title=_("Partner agreements"),
    columns=(
        ExportColumn("organisation", _("organisation")),
        ExportColumn("kind", _("kind")),
        ExportColumn("scope", _("scope")),
        ExportColumn("starts_on", _("start date")),
        ExportColumn("ends_on", _("end date")),
        ExportColumn("notice_days", _("renewal notice (days)")),
        ExportColumn("contact_name", _("contact name"), personal=True),
        ExportColumn("contact_email", _("contact e-mail"), personal=True),
        ExportColumn("contact_phone", _("contact phone"), personal=True),
    ),
    records=_agreements,
    filters=("organisation",),
    purposes={
        P.PARTNER_CONTACT: (
            "organisation",
            "scope",
            "ends_on",
            "contact_name",
            "contact_email",
            "contact_phone",
        ),
        P.FUNDER_REPORT: ("organisation", "kind", "scope", "starts_on", "ends_on"),
        P.STATISTICS: ("organisation", "kind", "scope", "starts_on", "ends_on", "notice_days"),
    },
)


def _contacts(hub: Hub, organisation: int | None = None) -> Iterable[Record]:
    rows = Contact.objects.filter(organisation__hub=hub).select_related("organisation")
    if organisation is not None:
        rows = rows.filter(organisation_id=organisation)
    for contact in rows.order_by("organisation__name", "-is_primary", "name", "id"):
        yield {
            "organisation": contact.organisation.name,
            "name": contact.name,
            "position": contact.position,
            "email": contact.email,
            "phone": contact.phone,
            "primary": "Y" if contact.is_primary else "N",
            "notes": contact.notes,
        }


CONTACTS = Dataset(
    key="partner_contacts",
    title=_("Partner contact people"),
    columns=(
        ExportColumn("organisation", _("organisation")),
        ExportColumn("name", _("name"), personal=True),
        ExportColumn("position", pgettext_lazy("job title", "position"), personal=True),
        ExportColumn("email", _("e-mail"), personal=True),
        ExportColumn("phone", _("phone"), personal=True),
        ExportColumn("primary", _("primary contact")),
        ExportColumn("notes", _("notes"), personal=True),
    ),
    records=_contacts,
    filters=("organisation",),
    purposes={
        P.PARTNER_CONTACT: ("organisation", "name", "position", "email", "phone", "primary"),
    },
)
