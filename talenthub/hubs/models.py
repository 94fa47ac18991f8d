from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from talenthub.core.models import TimeStampedModel
from talenthub.hubs.choices import Role

CODE_VALIDATOR_REGEX = r"^[a-z][a-z0-9-]{1,29}$"


class Consortium(TimeStampedModel):
    """A region's hubs under one lead agency (권역), e.g. Honam led by GICON."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    lead_agency = models.CharField(_("lead agency"), max_length=100)

    class Meta:
        verbose_name = _("consortium")
        verbose_name_plural = _("consortia")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Hub(TimeStampedModel):
    """One operating agency and its programme (거점).

    Example: 전주정보문화산업진흥원 running 전주ICT이노베이션스퀘어.
    """

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("programme name"), max_length=100)
    agency = models.CharField(_("operating agency"), max_length=100)
    consortium = models.ForeignKey(
        Consortium,
        verbose_name=_("consortium"),
        on_delete=models.PROTECT,
        related_name="hubs",
        null=True,
        blank=True,
    )
    region = models.CharField(_("region"), max_length=40, blank=True)
    is_lead = models.BooleanField(_("lead agency of its consortium"), default=False)

    class Meta:
        verbose_name = _("hub")
        verbose_name_plural = _("hubs")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=CODE_VALIDATOR_REGEX), name="hub_code_slug"
            ),
            models.UniqueConstraint(
                fields=["consortium"],
                condition=models.Q(is_lead=True),
                name="one_lead_hub_per_consortium",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Site(TimeStampedModel):
    """A training venue (교육장) of a hub."""

    hub = models.ForeignKey(
        Hub, verbose_name=_("hub"), on_delete=models.CASCADE, related_name="sites"
    )
    name = models.CharField(_("name"), max_length=100)
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["hub", "name"]
        constraints = [
            models.UniqueConstraint(fields=["hub", "name"], name="site_name_unique_per_hub")
        ]

    def __str__(self) -> str:
        return self.name


class Membership(TimeStampedModel):
    """A person's role in a hub. Every permission in TalentHub derives from these rows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    hub = models.ForeignKey(
        Hub, verbose_name=_("hub"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["hub", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "hub", "role"], name="membership_unique_role_per_hub"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_valid"
            ),
        ]
        indexes = [models.Index(fields=["user", "role", "is_active"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.hub} · {self.get_role_display()}"
