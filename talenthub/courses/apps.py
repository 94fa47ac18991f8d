from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "talenthub.courses"
    label = "courses"
    verbose_name = _("Courses and cohorts")
