"""Reads of the exchange app: import runs and export logs of a set of hubs."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from talenthub.exchange.choices import ImportStatus
from talenthub.exchange.models import ExportLog, ImportRun


def import_runs_in_hubs(hub_ids: set[int]) -> QuerySet[ImportRun]:
    return (
        ImportRun.objects.filter(hub_id__in=hub_ids)
        .select_related("hub", "created_by")
        .defer("report")
        .order_by("-created_at", "-id")
    )


def earlier_imports_of_file(run: ImportRun) -> QuerySet[ImportRun]:
    """The same file (by its hash) imported into the same hub before."""
    return (
        ImportRun.objects.filter(
            hub_id=run.hub_id,
            kind=run.kind,
            file_sha256=run.file_sha256,
            status=ImportStatus.COMMITTED,
        )
        .exclude(pk=run.pk)
        .defer("report")
        .order_by("-committed_at")
    )


def export_logs_in_hubs(hub_ids: set[int]) -> QuerySet[ExportLog]:
    return (
        ExportLog.objects.filter(hub_id__in=hub_ids)
        .select_related("hub", "user")
        .order_by("-created_at", "-id")
    )


def filter_labels(filters: dict[str, int]) -> list[str]:
    """What each narrowing of an export names, for the export dialog ("AI-101 cohort 2")."""
    from talenthub.courses.models import Cohort
    from talenthub.partners.models import Organisation
    from talenthub.surveys.models import Survey

    labels = []
    if "cohort" in filters:
        cohort = Cohort.objects.select_related("course").filter(pk=filters["cohort"]).first()
        if cohort is not None:
            labels.append(
                _("%(course)s, cohort %(number)s")
                % {"course": cohort.course.title, "number": cohort.number}
            )
    if "survey" in filters:
        labels.extend(Survey.objects.filter(pk=filters["survey"]).values_list("title", flat=True))
    if "organisation" in filters:
        labels.extend(
            Organisation.objects.filter(pk=filters["organisation"]).values_list("name", flat=True)
        )
    return labels
