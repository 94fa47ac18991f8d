from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OPERATOR = "operator", _("Operator")
    INSTRUCTOR = "instructor", _("Instructor")
    TRAINEE = "trainee", _("Trainee")
    COMPANY_PARTNER = "company_partner", _("Company partner")
    MENTOR = "mentor", _("Mentor")
    JUDGE = "judge", _("Judge")
    CONSORTIUM_LEAD = "consortium_lead", _("Consortium lead")
    FUNDER = "funder", _("Funder")


# Roles whose holders may see personal data of the hub's people (within their hub only).
PERSONAL_DATA_ROLES = frozenset({Role.OPERATOR})
# Roles that see aggregate figures only, never a person.
ROLLUP_ROLES = frozenset({Role.CONSORTIUM_LEAD, Role.FUNDER})
