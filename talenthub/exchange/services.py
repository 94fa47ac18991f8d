"""Writes of the exchange app: keeping an uploaded file, checking it (the dry run), importing it
(all or nothing), and logging exports.

The state of an ImportRun moves uploaded → checking → ready | invalid → importing → imported |
not imported. Each step first marks the run (a small transaction of its own, so the progress page
sees it), then does its work in one transaction; the import records its final state inside the
transaction that writes its rows, so the rows and "imported" land together or not at all."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.accounts.services import user_create
from talenthub.core.errors import DomainError
from talenthub.core.spreadsheets import FORMATS, Sheet, write_table
from talenthub.exchange import progress
from talenthub.exchange.choices import ImportKind, ImportSource, ImportStatus
from talenthub.exchange.errors import ImportFileError, ImportStateError
from talenthub.exchange.importers import execute, importer_class
from talenthub.exchange.models import ExportLog, ImportRun
from talenthub.exchange.reading import Table, read_table
from talenthub.exchange.report import Report
from talenthub.hubs.models import Hub

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Files up to this many rows are checked and imported within the request; longer ones by a
# Celery worker, with a progress bar.
INLINE_MAX_ROWS = 300

Progress = Callable[[int, int], None]


COMMAND_LINE_EMAIL = "command-line@talenthub.invalid"


def command_line_user() -> User:
    """The account imports from the command line are recorded under when no --user is given:
    attendance corrections and outcomes name who recorded them. It cannot sign in."""
    user = User.objects.filter(email=COMMAND_LINE_EMAIL).first()
    if user is None:
        user = user_create(email=COMMAND_LINE_EMAIL, name="TalentHub command line", is_active=False)
    return user


def _read(run: ImportRun) -> Table:
    with run.file.open("rb") as handle:
        return read_table(handle.read())


def import_run_create(
    *,
    hub: Hub,
    kind: str,
    data: bytes,
    file_name: str,
    created_by: User | None,
    source: str = ImportSource.WEB,
) -> tuple[ImportRun, Table]:
    """Keep the file (after making sure it reads as a table) and record who brought it."""
    if kind not in ImportKind.values:
        raise ImportFileError(_("Choose what the file contains."), field="kind")
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("The file is too large (at most %(mb)s MB).")
            % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)},
            field="file",
        )
    table = read_table(data)
    run = ImportRun(
        hub=hub,
        kind=kind,
        source=source,
        created_by=created_by,
        file_name=file_name[-200:],
        file_sha256=hashlib.sha256(data).hexdigest(),
        file_size=len(data),
        rows_total=len(table.rows),
    )
    run.file.save(file_name[-100:] or "upload", ContentFile(data), save=False)
    run.save()
    return run, table


def import_run_upload(
    *, hub: Hub, kind: str, upload: UploadedFile[bytes], created_by: User
) -> tuple[ImportRun, Table]:
    if (upload.size or 0) > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("The file is too large (at most %(mb)s MB).")
            % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)},
            field="file",
        )
    return import_run_create(
        hub=hub,
        kind=kind,
        data=upload.read(),
        file_name=upload.name or "upload",
        created_by=created_by,
    )


def _mark(run: ImportRun, status: str, **fields: Any) -> None:
    """Record a state change in its own transaction (committed at once, visible to polling)."""
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(
            status=status, updated_at=timezone.now(), **fields
        )
    run.refresh_from_db()


def _result_fields(report: Report) -> dict[str, Any]:
    return {
        "report": report.as_json(),
        "rows_total": report.rows_total,
        "rows_done": report.rows_total,
        "created_count": report.created,
        "updated_count": report.updated,
        "unchanged_count": report.unchanged,
        "error_count": len(report.errors),
        "warning_count": len(report.warnings),
    }


def _run_label(run: ImportRun) -> str:
    return _("import %(id)s of %(file)s") % {"id": run.pk, "file": run.file_name}


def _execute(
    run: ImportRun, *, actor: User | None, commit: bool, on_progress: Progress | None
) -> Report:
    table = _read(run)
    report = Report(kind=run.kind)
    importer = importer_class(run.kind)(
        hub=run.hub, actor=actor, report=report, run_id=run.pk, run_label=_run_label(run)
    )
    reporter = progress.Reporter(run.pk)

    def tick(done: int, total: int) -> None:
        reporter(done, total)
        if on_progress is not None:
            on_progress(done, total)

    def landed(report: Report) -> None:
        # Inside the import's transaction: the run says "imported" only if its rows are there.
        now = timezone.now()
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportStatus.COMMITTED,
            committed_at=now,
            committed_by=actor,
            updated_at=now,
            **_result_fields(report),
        )

    try:
        return execute(importer, table, commit=commit, progress=tick, on_success=landed)
    finally:
        progress.clear(run.pk)


def import_run_check(*, run: ImportRun, on_progress: Progress | None = None) -> ImportRun:
    """The dry run: every row through the real services, then rolled back. Leaves the run ready
    (no errors) or invalid, with the report."""
    if run.status in (ImportStatus.COMMITTED, ImportStatus.COMMITTING) and not run.is_stale:
        raise ImportStateError(_("This file is being imported or has been imported."))
    _mark(run, ImportStatus.CHECKING, rows_done=0, failure="")
    try:
        report = _execute(run, actor=run.created_by, commit=False, on_progress=on_progress)
    except ImportFileError as error:
        _mark(run, ImportStatus.INVALID, failure=error.message[:300])
        return run
    status = ImportStatus.INVALID if report.has_errors else ImportStatus.READY
    _mark(run, status, checked_at=timezone.now(), **_result_fields(report))
    return run


def import_run_start_commit(*, run: ImportRun, user: User | None) -> ImportRun:
    """Claim a checked run for importing (once: a second click finds it already claimed)."""
    with transaction.atomic():
        locked = ImportRun.objects.select_for_update().get(pk=run.pk)
        if locked.status != ImportStatus.READY:
            raise ImportStateError(_("Only a file checked without errors can be imported."))
        locked.status = ImportStatus.COMMITTING
        locked.rows_done = 0
        locked.committed_by = user
        locked.save(update_fields=["status", "rows_done", "committed_by", "updated_at"])
    run.refresh_from_db()
    return run


def import_run_commit(
    *, run: ImportRun, user: User | None, on_progress: Progress | None = None
) -> ImportRun:
    """Import a claimed run in one transaction. If any row fails now (the data changed since the
    check), nothing lands and the run is "not imported" with the new report."""
    if run.status != ImportStatus.COMMITTING:
        raise ImportStateError(_("Only a file checked without errors can be imported."))
    try:
        report = _execute(run, actor=user, commit=True, on_progress=on_progress)
    except ImportFileError as error:
        _mark(run, ImportStatus.FAILED, failure=error.message[:300])
        return run
    run.refresh_from_db()
    if run.status != ImportStatus.COMMITTED:
        _mark(run, ImportStatus.FAILED, checked_at=timezone.now(), **_result_fields(report))
    return run


def import_run_now(
    *, run: ImportRun, commit: bool, user: User | None, on_progress: Progress | None = None
) -> ImportRun:
    """The command line's way: check, or import straight away (the import checks every row
    itself and lands nothing if one fails)."""
    if not commit:
        return import_run_check(run=run, on_progress=on_progress)
    _mark(run, ImportStatus.COMMITTING, rows_done=0, committed_by=user)
    return import_run_commit(run=run, user=user, on_progress=on_progress)


def import_run_dispatch(*, run: ImportRun, commit: bool, user: User | None) -> bool:
    """Check or import now if the file is small, else hand it to a worker. True if it ran now."""
    if commit:
        import_run_start_commit(run=run, user=user)
    else:
        _mark(run, ImportStatus.CHECKING, rows_done=0, failure="")
    if run.rows_total <= INLINE_MAX_ROWS:
        if commit:
            import_run_commit(run=run, user=user)
        else:
            import_run_check(run=run)
        return True
    from talenthub.exchange import tasks

    run_id, user_id = run.pk, user.pk if user else None
    task = tasks.commit_import if commit else tasks.check_import
    transaction.on_commit(lambda: task.delay(run_id, user_id))
    return False


def export_log_record(
    *,
    user: User,
    hub: Hub | None,
    dataset: str,
    file_format: str,
    purpose: str,
    has_personal_data: bool,
    columns: list[str],
    filters: dict[str, Any],
    row_count: int,
) -> ExportLog:
    if has_personal_data and not purpose:
        raise DomainError(_("Say what the personal data is exported for."), field="purpose")
    return ExportLog.objects.create(
        user=user,
        hub=hub,
        dataset=dataset,
        file_format=file_format,
        purpose=purpose,
        has_personal_data=has_personal_data,
        columns=columns,
        filters=filters,
        row_count=row_count,
    )


def export_build(
    *,
    user: User,
    hub: Hub,
    dataset: str,
    purpose: str,
    file_format: str,
    filters: dict[str, int] | None = None,
) -> tuple[bytes, str]:
    """The dataset of `hub` as a formula-safe file with the columns `purpose` allows, logged.
    `filters` narrow it (e.g. to one cohort of the hub: the caller checks that the cohort is the
    hub's). Returns the file and its name."""
    from talenthub.exchange.exports import DATASETS

    chosen = DATASETS.get(dataset)
    if chosen is None:
        raise DomainError(_("Choose a list or report."), field="dataset")
    filters = {key: value for key, value in (filters or {}).items() if value is not None}
    if set(filters) - set(chosen.filters):
        raise DomainError(_("This list cannot be narrowed that way."), field="dataset")
    if file_format not in FORMATS:
        raise DomainError(_("Choose a file format."), field="file_format")
    if not chosen.personal:
        purpose = ""
    elif not purpose:
        raise DomainError(
            _("This list holds personal data: say what it is exported for."), field="purpose"
        )
    columns = chosen.columns_for(purpose)
    if not columns:
        raise DomainError(_("This list cannot be exported for that purpose."), field="purpose")
    headers, rows = chosen.table(hub, columns, filters)
    content = write_table(Sheet(str(chosen.title), headers, rows), file_format)
    export_log_record(
        user=user,
        hub=hub,
        dataset=chosen.key,
        file_format=file_format,
        purpose=purpose,
        has_personal_data=any(c.personal for c in columns),
        columns=[c.key for c in columns],
        filters=filters,
        row_count=len(rows),
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    narrowed = "".join(f"-{key}{value}" for key, value in sorted(filters.items()))
    return content, f"{hub.code}-{chosen.key}{narrowed}-{stamp}.{file_format}"
