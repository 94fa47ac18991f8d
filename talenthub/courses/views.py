from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from talenthub.courses import access
from talenthub.courses.forms import CatalogueFilterForm
from talenthub.courses.selectors import (
    catalogue_cohorts,
    cohorts_in_hubs,
    course_cohorts,
    session_days_of,
)
from talenthub.hubs.selectors import operated_hub_ids

PAGE_SIZE = 24


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None)
    page = Paginator(catalogue_cohorts(form.to_filter()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    template = "courses/_catalogue_results.html" if request.htmx else "courses/catalogue.html"  # type: ignore[attr-defined]
    return render(request, template, {"form": form, "page": page, "query": query.urlencode()})


@require_GET
def course_detail(request: HttpRequest, course_id: int) -> HttpResponse:
    course = access.course_for_public(course_id)
    return render(
        request, "courses/course_detail.html", {"course": course, "cohorts": course_cohorts(course)}
    )


@require_GET
def cohort_detail(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = access.cohort_for_public(cohort_id)
    return render(
        request,
        "courses/cohort_detail.html",
        {"cohort": cohort, "session_days": session_days_of(cohort)},
    )


@require_GET
@login_required
def manage_cohort_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(cohorts_in_hubs(operated_hub_ids(request.user)), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "courses/manage_cohort_list.html", {"page": page})
