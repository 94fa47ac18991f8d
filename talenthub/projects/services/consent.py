"""Third-party provision consents: given with an application, withdrawn by the person."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.partners.models import Organisation
from talenthub.projects.models import CONSENT_TEXT_VERSION, ThirdPartyConsent


def consent_text(organisation: Organisation) -> str:
    """The wording the person agrees to; stored with every consent."""
    return _(
        "I agree that %(hub)s provides my personal data to %(organisation)s for selecting and "
        "working with trainees in company projects and for recruitment: my name, and the items "
        "I tick (e-mail and mobile phone; courses taken and completion; motivation and résumé). "
        "%(organisation)s keeps them until the selection or recruitment ends. I may refuse; "
        "then the company cannot see my application."
    ) % {"hub": organisation.hub.name, "organisation": organisation.name}


@transaction.atomic
def consent_give(
    *,
    user: User,
    organisation: Organisation,
    share_contact: bool,
    share_training: bool,
    share_documents: bool,
) -> ThirdPartyConsent:
    """Record a third-party provision consent; it replaces the person's earlier one for the same
    organisation (the old one is kept, marked withdrawn, as the record of what was agreed)."""
    now = timezone.now()
    ThirdPartyConsent.objects.filter(
        user=user, organisation=organisation, withdrawn_at__isnull=True
    ).update(withdrawn_at=now)
    return ThirdPartyConsent.objects.create(
        user=user,
        organisation=organisation,
        share_contact=share_contact,
        share_training=share_training,
        share_documents=share_documents,
        text_version=CONSENT_TEXT_VERSION,
        text=consent_text(organisation),
        consented_at=now,
    )


@transaction.atomic
def consent_withdraw(*, user: User, organisation: Organisation) -> int:
    return ThirdPartyConsent.objects.filter(
        user=user, organisation=organisation, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
