from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScopeKind(models.TextChoices):
    HUB = "hub", _("Hub")
    CONSORTIUM = "consortium", _("Consortium")
    NATION = "nation", _("Nation")


class PeriodKind(models.TextChoices):
    """The periods kept in rollups: a calendar year, and the six years ending with it."""

    YEAR = "year", _("Year")
    SIX_YEARS = "six_years", _("Six years")


class Unit(models.TextChoices):
    COUNT = "count", _("Count")
    PERCENT = "percent", _("Percent")
    SCORE = "score", _("100-point score")


class RowKind(models.TextChoices):
    """What the rows behind a figure are, which decides what a viewer may see of them."""

    ENROLMENT = "enrolment", _("Enrolments")
    PERSON = "person", _("People")
    COHORT = "cohort", _("Cohorts")
    AGREEMENT = "agreement", _("Agreements")
    PROJECT = "project", _("Company projects")
    RESPONSE = "response", _("Survey responses")
    EVENT = "event", _("Events")
