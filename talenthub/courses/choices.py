from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    AI = "ai", _("Artificial intelligence")
    BIG_DATA = "big_data", _("Big data")
    BLOCKCHAIN = "blockchain", _("Blockchain")
    IOT = "iot", _("Internet of things")
    CLOUD = "cloud", _("Cloud")
    METAVERSE = "metaverse", _("Metaverse")
    SOFTWARE = "software", _("Software development")


class IndustryDomain(models.TextChoices):
    GENERAL = "general", _("General")
    AGRI_BIO = "agri_bio", _("Agri-bio")
    FINANCE = "finance", _("Finance")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    CULTURE = "culture", _("Culture and content")
    PUBLIC = "public", _("Public sector")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class CohortStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RECRUITING = "recruiting", _("Recruiting")
    IN_PROGRESS = "in_progress", _("In progress")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")
