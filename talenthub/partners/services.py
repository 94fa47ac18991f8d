from __future__ import annotations

import datetime
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Hub
from talenthub.hubs.services import membership_grant
from talenthub.partners.models import (
    Agreement,
    AgreementReminder,
    Contact,
    Organisation,
    OrganisationMember,
)
from talenthub.partners.selectors import agreements_due_for_reminder, operator_emails_of_hub


@transaction.atomic
def organisation_create(*, hub: Hub, kind: str, name: str, website: str = "") -> Organisation:
    organisation = Organisation(hub=hub, kind=kind, name=name.strip(), website=website.strip())
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def agreement_create(
    *,
    organisation: Organisation,
    scope: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    renewal_notice_days: int = 60,
) -> Agreement:
    agreement = Agreement(
        organisation=organisation,
        scope=scope.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip(),
        renewal_notice_days=renewal_notice_days,
    )
    agreement.full_clean()
    agreement.save()
    return agreement


@transaction.atomic
def contact_add(
    *,
    organisation: Organisation,
    name: str,
    position: str = "",
    email: str = "",
    phone: str = "",
    is_primary: bool = False,
    notes: str = "",
) -> Contact:
    if is_primary:
        # One primary contact per organisation (a partial unique index): demote the old one first.
        Contact.objects.select_for_update().filter(
            organisation=organisation, is_primary=True
        ).update(is_primary=False)
    contact = Contact(
        organisation=organisation,
        name=name.strip(),
        position=position.strip(),
        email=email.strip(),
        phone=phone.strip(),
        is_primary=is_primary,
        notes=notes.strip(),
    )
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def organisation_member_add(
    *, organisation: Organisation, user: User, position: str = ""
) -> OrganisationMember:
    """Let `user` act for `organisation`; grants the company-partner role in its hub too."""
    member, created = OrganisationMember.objects.get_or_create(
        organisation=organisation, user=user, defaults={"position": position.strip()}
    )
    if not created and not member.is_active:
        member.is_active = True
        member.save(update_fields=["is_active", "updated_at"])
    membership_grant(user=user, hub=organisation.hub, role=Role.COMPANY_PARTNER)
    return member


@transaction.atomic
def organisation_member_remove(*, member: OrganisationMember) -> None:
    member.is_active = False
    member.save(update_fields=["is_active", "updated_at"])


def _send_reminder(agreement_id: int, recipients: list[str]) -> None:
    agreement = Agreement.objects.select_related("organisation", "organisation__hub").get(
        id=agreement_id
    )
    assert agreement.ends_on is not None  # noqa: S101 -- only dated agreements are reminded
    subject = _("Agreement with %(organisation)s ends on %(date)s") % {
        "organisation": agreement.organisation.name,
        "date": f"{agreement.ends_on:%Y-%m-%d}",
    }
    body = _(
        "The agreement “%(scope)s” with %(organisation)s (%(hub)s) ends on %(date)s.\n"
        "Contact: %(contact)s\n\nDecide whether to renew it and record the new period in "
        "TalentHub."
    ) % {
        "scope": agreement.scope,
        "organisation": agreement.organisation.name,
        "hub": agreement.organisation.hub.name,
        "date": f"{agreement.ends_on:%Y-%m-%d}",
        "contact": agreement.contact_name or "-",
    }
    send_mail(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        message=body,
        from_email=None,
        recipient_list=recipients,
    )


@transaction.atomic
def agreement_reminders_send(*, today: datetime.date) -> list[AgreementReminder]:
    """Record and e-mail the renewal reminders that are due (idempotent: one per end date)."""
    sent: list[AgreementReminder] = []
    for agreement in agreements_due_for_reminder(today):
        assert agreement.ends_on is not None  # noqa: S101 -- the selector filters on it
        recipients = operator_emails_of_hub(agreement.organisation.hub_id)
        try:
            with transaction.atomic():
                reminder = AgreementReminder.objects.create(
                    agreement=agreement, ends_on=agreement.ends_on, recipients=",".join(recipients)
                )
        except IntegrityError:
            continue  # another worker sent it a moment ago
        sent.append(reminder)
        if recipients:
            transaction.on_commit(partial(_send_reminder, agreement.id, recipients))
    return sent
