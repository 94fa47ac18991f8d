from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "talenthub.exchange"
    label = "exchange"
    verbose_name = _("Spreadsheet import and export")
