from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrollmentsConfig(AppConfig):
    name = "talenthub.enrollments"
    label = "enrollments"
    verbose_name = _("Enrolments")
