"""Every KPI from raw rows: `talenthub kpi --hub CODE --from 2020-01-01 --to 2025-12-31 --json`."""

from __future__ import annotations

import datetime
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from talenthub.hubs.models import Consortium, Hub
from talenthub.reports.errors import UnsupportedBreakdownError
from talenthub.reports.kpis import REGISTRY, KpiResult, Period, Scope, as_json, compute_all
from talenthub.reports.kpis.dimensions import DIMENSIONS


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"not a date (YYYY-MM-DD): {text}") from exc


class Command(BaseCommand):
    help = "Print every KPI of a hub, a consortium or the nation for a period, from raw records."

    def add_arguments(self, parser: ArgumentParser) -> None:
        where = parser.add_mutually_exclusive_group()
        where.add_argument("--hub", metavar="CODE")
        where.add_argument("--consortium", metavar="CODE")
        parser.add_argument("--year", type=int)
        parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
        parser.add_argument("--by", choices=sorted(DIMENSIONS), help="break every KPI down")
        parser.add_argument("--json", action="store_true", help="one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        scope = self._scope(options)
        period = self._period(options)
        if options["by"]:
            results: dict[str, KpiResult] = {}
            for name, definition in REGISTRY.items():
                try:
                    results[name] = definition(scope, period, options["by"])
                except UnsupportedBreakdownError:
                    continue
        else:
            results = compute_all(scope, period)
        values = as_json(results)
        if options["json"]:
            self.stdout.write(json.dumps(values, ensure_ascii=False))
            return
        self.stdout.write(f"{scope.name or scope.kind} · {period}")
        for name, value in values.items():
            self.stdout.write(f"{name:<26} {REGISTRY[name].title!s:<28} {value}")

    def _scope(self, options: dict[str, Any]) -> Scope:
        if options["hub"]:
            hub = Hub.objects.filter(code=options["hub"]).first()
            if hub is None:
                raise CommandError(f"no hub with code {options['hub']}")
            return Scope.for_hub(hub)
        if options["consortium"]:
            consortium = Consortium.objects.filter(code=options["consortium"]).first()
            if consortium is None:
                raise CommandError(f"no consortium with code {options['consortium']}")
            return Scope.for_consortium(consortium)
        return Scope.nation()

    def _period(self, options: dict[str, Any]) -> Period:
        if options["year"]:
            if options["start"] or options["end"]:
                raise CommandError("give --year or --from/--to, not both")
            return Period.year(options["year"])
        if not (options["start"] and options["end"]):
            raise CommandError("give --year YYYY, or --from YYYY-MM-DD and --to YYYY-MM-DD")
        try:
            return Period(_date(options["start"]), _date(options["end"]))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
