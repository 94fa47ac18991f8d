# ruff: noqa: N999 - the command is `talenthub import`, so its module is named import
"""talenthub import KIND FILE --hub CODE [--dry-run] [--user EMAIL]

Checks (--dry-run) or imports a spreadsheet exactly as the upload page does, prints the same
report, and exits 0 when the file lands (or, with --dry-run, would land) and 1 when it does not.
The import is one transaction: interrupted at any point, it leaves nothing behind.

TALENTHUB_IMPORT_PAUSE_AFTER=N makes the import stop for a minute after N rows (and say so on
stderr): the test that kills an import half-way uses it to know when it is half-way."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.exchange import services
from talenthub.exchange.choices import ImportKind, ImportSource, ImportStatus
from talenthub.exchange.report import Report
from talenthub.hubs.models import Hub

PAUSE_ENV = "TALENTHUB_IMPORT_PAUSE_AFTER"


class Command(BaseCommand):
    help = "Check or import a spreadsheet (.xlsx or .csv) of trainees, courses, enrolments, …"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=ImportKind.values)
        parser.add_argument("file", type=Path)
        parser.add_argument("--hub", required=True, help="code of the hub the file belongs to")
        parser.add_argument("--dry-run", action="store_true", help="check only; write nothing")
        parser.add_argument(
            "--user",
            default="",
            help="e-mail of the operator the import is recorded under (default: the command "
            "line's own account)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        hub = Hub.objects.filter(code=options["hub"]).first()
        if hub is None:
            raise CommandError(f"no hub with the code {options['hub']!r}")
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error}") from error
        user = self._user(options["user"])
        try:
            run, _table = services.import_run_create(
                hub=hub,
                kind=options["kind"],
                data=data,
                file_name=path.name,
                created_by=user,
                source=ImportSource.CLI,
            )
        except DomainError as error:
            raise CommandError(error.message) from error
        run = services.import_run_now(
            run=run, commit=not options["dry_run"], user=user, on_progress=self._progress()
        )
        self._print(run)
        wanted = ImportStatus.READY if options["dry_run"] else ImportStatus.COMMITTED
        if run.status != wanted:
            raise CommandError(
                _("The file was not imported: %(errors)s errors.") % {"errors": run.error_count}
            )

    def _user(self, email: str) -> User:
        if email:
            user = User.objects.filter(email__iexact=email).first()
            if user is None:
                raise CommandError(f"no person with the e-mail {email!r}")
            return user
        return services.command_line_user()

    def _progress(self) -> Any:
        pause_after = int(os.environ.get(PAUSE_ENV, "0") or 0)
        paused = False

        def report(done: int, total: int) -> None:
            nonlocal paused
            if pause_after and done >= pause_after and not paused:
                paused = True
                sys.stderr.write(f"paused after {done} of {total} rows\n")
                sys.stderr.flush()
                time.sleep(60)

        return report

    def _print(self, run: Any) -> None:
        report = Report.from_json(run.report)
        self.stdout.write(
            _(
                "%(file)s (%(kind)s, hub %(hub)s): %(status)s. %(rows)s rows: %(created)s to "
                "create, %(updated)s to update, %(unchanged)s unchanged; %(errors)s errors, "
                "%(warnings)s warnings."
            )
            % {
                "file": run.file_name,
                "kind": run.get_kind_display(),
                "hub": run.hub.code,
                "status": run.get_status_display(),
                "rows": run.rows_total,
                "created": run.created_count,
                "updated": run.updated_count,
                "unchanged": run.unchanged_count,
                "errors": run.error_count,
                "warnings": run.warning_count,
            }
        )
        if run.failure:
            self.stdout.write(run.failure)
        for line in report.lines():
            self.stdout.write(line)
