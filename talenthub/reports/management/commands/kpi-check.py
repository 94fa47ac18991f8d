# ruff: noqa: N999 -- Django names the command after the module: kpi-check, kpi-rollups
"""`talenthub kpi-check`: recompute every rollup from raw rows; exit 1 on any difference."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from talenthub.hubs.models import Hub
from talenthub.reports.selectors import rollup_differences


class Command(BaseCommand):
    help = "Recompute every KPI rollup from raw records and report each difference."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--hub", metavar="CODE", help="only this hub's own rollups")

    def handle(self, *args: Any, **options: Any) -> None:
        hub_id = None
        if options["hub"]:
            hub = Hub.objects.filter(code=options["hub"]).first()
            if hub is None:
                raise CommandError(f"no hub with code {options['hub']}")
            hub_id = hub.pk
        differences = rollup_differences(hub_id)
        for difference in differences:
            self.stdout.write(str(difference))
        if differences:
            raise CommandError(f"{len(differences)} rollup figure(s) differ from the raw records")
        self.stdout.write("Rollups match the raw records.")
