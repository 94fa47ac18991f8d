"""`talenthub demo-data`: the seeded Honam demo (Jeonju, Gwangju, Jeonnam) and its logins."""

# The command name is hyphenated (`demo-data`), and Django takes it from the module name.
# ruff: noqa: N999

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from talenthub.core.errors import DomainError
from talenthub.demo.data import DEMO_LOGINS, DEMO_PASSWORD, DEMO_URL, JEONJU, SUPERUSER
from talenthub.demo.services import demo_data_generate, demo_data_reset
from talenthub.hubs.models import Hub
from talenthub.reports.services import rollup_rebuild

DEFAULT_SEED = 20251203


class Command(BaseCommand):
    help = "Generate the seeded demo data (same seed, same data), or print the demo logins."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if the demo hub already exists."
        )
        parser.add_argument(
            "--reset", action="store_true", help="Delete all demo data first (same transaction)."
        )
        parser.add_argument(
            "--print-logins", action="store_true", help="Only print the demo logins."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["print_logins"]:
            self._print_logins()
            return
        present = Hub.objects.filter(code=JEONJU.code).exists()
        if options["if_empty"] and not options["reset"] and present:
            self.stdout.write(f"Demo data already present (hub {JEONJU.code}); nothing done.")
            return
        started = time.perf_counter()
        try:
            with transaction.atomic():
                if options["reset"]:
                    demo_data_reset()
                summary = demo_data_generate(seed=options["seed"])
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Demo data (seed {options['seed']}): {summary.hubs} hubs, {summary.courses} courses, "
            f"{summary.cohorts} cohorts, {summary.session_days} session days, "
            f"{summary.people} people, {summary.enrollments} enrolments, "
            f"{summary.memberships} memberships."
        )
        if summary.activity is not None:
            activity = summary.activity
            self.stdout.write(
                f"  {activity.applications} applications, "
                f"{activity.attendance_events} attendance events, {activity.projects} projects, "
                f"{activity.outcomes} outcomes ({activity.jeonju_jobs} Jeonju jobs and startups), "
                f"{activity.surveys} surveys with {activity.survey_responses} responses "
                f"(Jeonju satisfaction {activity.jeonju_satisfaction}), "
                f"{activity.events} events with {activity.event_registrations} registrations "
                f"and {activity.event_surveys} event surveys."
            )
        self.stdout.write(self.style.SUCCESS(f"Generated in {elapsed:.1f} s."))
        # The demo writes in bulk, which sends no signals: the KPI dashboards' rollups are
        # computed once here, from the committed rows (the nightly reconciliation would too).
        started = time.perf_counter()
        snapshots = rollup_rebuild()
        self.stdout.write(
            f"KPI rollups: {snapshots} snapshots in {time.perf_counter() - started:.1f} s."
        )

    def _print_logins(self) -> None:
        self.stdout.write(f"Demo logins at {DEMO_URL} (password for all: {DEMO_PASSWORD})")
        self.stdout.write(f"  {'role':<16} {'hub':<8} e-mail")
        for spec in DEMO_LOGINS:
            role = "superuser" if spec.role == SUPERUSER else spec.role
            self.stdout.write(f"  {role:<16} {spec.hub_code or '-':<8} {spec.email}")
