from __future__ import annotations

from celery import shared_task

from talenthub.accounts.models import User
from talenthub.exchange import services
from talenthub.exchange.choices import ImportStatus
from talenthub.exchange.models import ImportRun


def _user(user_id: int | None) -> User | None:
    return User.objects.filter(pk=user_id).first() if user_id else None


@shared_task
def check_import(run_id: int, user_id: int | None = None) -> str:
    """The dry run of a large file. Re-running it (a redelivered task) is harmless."""
    run = ImportRun.objects.select_related("hub", "created_by").get(pk=run_id)
    if run.status in (ImportStatus.COMMITTING, ImportStatus.COMMITTED):
        return run.status
    return services.import_run_check(run=run).status


@shared_task
def commit_import(run_id: int, user_id: int | None = None) -> str:
    """The import of a large, checked file: one transaction, so a worker that dies half-way
    leaves nothing behind and the redelivered task imports the whole file again."""
    run = ImportRun.objects.select_related("hub").get(pk=run_id)
    if run.status != ImportStatus.COMMITTING:
        return run.status
    return services.import_run_commit(run=run, user=_user(user_id)).status
