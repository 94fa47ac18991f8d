from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")
    UNSPECIFIED = "", _("Not stated")


class EducationLevel(models.TextChoices):
    """Highest education (최종학력), as training rosters record it."""

    HIGH_SCHOOL = "high_school", _("High school or below")
    UNIVERSITY_STUDENT = "university_student", _("University student (enrolled or on leave)")
    ASSOCIATE = "associate", _("Associate degree (junior college)")
    BACHELOR = "bachelor", _("Bachelor's degree")
    GRADUATE = "graduate", _("Graduate degree")
