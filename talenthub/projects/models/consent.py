"""Third-party provision consent (개인정보 제3자 제공 동의) to partner organisations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.core.models import TimeStampedModel
from talenthub.partners.models import Organisation

CONSENT_TEXT_VERSION = "2025-1"


class ThirdPartyConsent(TimeStampedModel):
    """A person's consent to provide their personal data to one partner organisation
    (개인정보 제3자 제공 동의), item by item, with the wording and version they agreed to.

    Without an active consent the organisation sees nothing of the person, not even the name."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="third_party_consents",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("recipient organisation"),
        on_delete=models.CASCADE,
        related_name="third_party_consents",
    )
    share_contact = models.BooleanField(_("e-mail and mobile phone"), default=False)
    share_training = models.BooleanField(_("courses taken and completion"), default=False)
    share_documents = models.BooleanField(_("motivation and résumé"), default=False)
    text_version = models.CharField(_("text version"), max_length=20)
    text = models.TextField(_("text agreed to"))
    consented_at = models.DateTimeField(_("consented at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("third-party provision consent")
        verbose_name_plural = _("third-party provision consents")
        ordering = ["-consented_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=Q(withdrawn_at__isnull=True),
                name="third_party_consent_one_active",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=F("consented_at")),
                name="third_party_consent_withdrawn_after_given",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.text_version})"
