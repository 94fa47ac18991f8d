from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "talenthub.reports"
    label = "reports"
    verbose_name = _("KPIs and reports")

    def ready(self) -> None:
        # The receivers only note which records changed and enqueue a rollup refresh on commit;
        # they hold no domain behaviour (see signals.py).
        from talenthub.reports import signals

        signals.connect()
