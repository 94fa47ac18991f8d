"""Job postings and graduates' applications to them."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q, QuerySet

from talenthub.projects.choices import JobStage, PostingStatus
from talenthub.projects.models import JobApplication, JobPosting


def postings_of_organisations(organisation_ids: set[int]) -> QuerySet[JobPosting]:
    return (
        JobPosting.objects.filter(organisation_id__in=organisation_ids)
        .select_related("organisation")
        .annotate(
            n_applications=Count("applications", filter=~Q(applications__stage=JobStage.WITHDRAWN))
        )
        .order_by("-created_at", "-id")
    )


def open_postings(hub_ids: set[int], *, today: datetime.date) -> QuerySet[JobPosting]:
    return (
        JobPosting.objects.filter(organisation__hub_id__in=hub_ids, status=PostingStatus.OPEN)
        .filter(Q(closes_on__isnull=True) | Q(closes_on__gte=today))
        .select_related("organisation")
        .order_by("closes_on", "-created_at")
    )


def job_applications_of_person(user_id: int) -> QuerySet[JobApplication]:
    return (
        JobApplication.objects.filter(user_id=user_id)
        .select_related("posting", "posting__organisation")
        .order_by("-created_at")
    )


def job_application_of(*, posting: JobPosting, user_id: int) -> JobApplication | None:
    return posting.applications.filter(user_id=user_id).first()
