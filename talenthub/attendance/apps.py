from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    name = "talenthub.attendance"
    label = "attendance"
    verbose_name = _("attendance")
