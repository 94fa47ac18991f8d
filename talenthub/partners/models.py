from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from talenthub.core.models import TimeStampedModel
from talenthub.hubs.models import Hub
from talenthub.partners.choices import OrganisationKind

DEFAULT_RENEWAL_NOTICE_DAYS = 60
MAX_NOTICE_DAYS = 365


class Organisation(TimeStampedModel):
    """A partner of a hub: company, public agency or university."""

    hub = models.ForeignKey(
        Hub, verbose_name=_("hub"), on_delete=models.CASCADE, related_name="organisations"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=100)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["hub", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "name"], name="organisation_name_unique_per_hub"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Agreement(TimeStampedModel):
    """An MOU or cooperation agreement with its scope, period and contact person."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )
    scope = models.CharField(_("scope"), max_length=200)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=50, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    renewal_notice_days = models.PositiveSmallIntegerField(
        _("renewal reminder (days before the end)"),
        default=DEFAULT_RENEWAL_NOTICE_DAYS,
        help_text=_("The hub's operators are e-mailed this many days before the end date."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="agreement_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(renewal_notice_days__gte=1) & Q(renewal_notice_days__lte=365),
                name="agreement_renewal_notice_range",
            ),
        ]
        indexes = [models.Index(fields=["ends_on"])]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.scope}"

    @property
    def remind_on(self) -> datetime.date | None:
        if self.ends_on is None:
            return None
        return self.ends_on - datetime.timedelta(days=self.renewal_notice_days)


class AgreementReminder(models.Model):
    """One renewal reminder sent for one end date of an agreement.

    Keyed by the end date, so extending an agreement earns a fresh reminder for the new date and a
    beat run repeated on the same day sends nothing twice."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    ends_on = models.DateField(_("end date reminded of"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        verbose_name = _("agreement renewal reminder")
        verbose_name_plural = _("agreement renewal reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "ends_on"], name="agreement_reminder_once_per_end_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agreement} · {self.ends_on:%Y-%m-%d}"


class Contact(TimeStampedModel):
    """A person to reach at a partner organisation (not necessarily a TalentHub user)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("name"), max_length=50)
    position = models.CharField(pgettext_lazy("job title", "position"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)
    notes = models.CharField(_("notes"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["organisation", "-is_primary", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(is_primary=True),
                name="contact_one_primary_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class OrganisationMember(TimeStampedModel):
    """A TalentHub user who acts for a partner organisation.

    Together with an active company-partner membership in the organisation's hub it lets the
    person see and act on that organisation's projects, postings and applicants, and nothing
    else."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    position = models.CharField(pgettext_lazy("job title", "position"), max_length=60, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation member")
        verbose_name_plural = _("organisation members")
        ordering = ["organisation", "user__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="organisation_member_unique"
            )
        ]
        indexes = [models.Index(fields=["user", "is_active"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"
