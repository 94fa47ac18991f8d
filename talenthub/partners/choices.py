from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    COMPANY = "company", _("Company")
    PUBLIC_AGENCY = "public_agency", _("Public agency")
    UNIVERSITY = "university", _("University")
