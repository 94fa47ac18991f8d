# ruff: noqa: N999 -- Django names the command after the module: kpi-check, kpi-rollups
"""`talenthub kpi-rollups`: recompute stale rollups now; `--rebuild` recomputes all of them."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from talenthub.reports.services import rollup_rebuild, rollup_refresh_dirty


class Command(BaseCommand):
    help = "Recompute the KPI rollups that are marked stale, or every one with --rebuild."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--rebuild", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        count = rollup_rebuild() if options["rebuild"] else rollup_refresh_dirty()
        self.stdout.write(f"{count} snapshot(s) recomputed.")
