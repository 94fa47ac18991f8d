from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from talenthub.accounts.models import User
from talenthub.courses.selectors import (
    CatalogueFilter,
    catalogue_cohorts,
    cohorts_in_hubs,
    cohorts_taught_by,
)
from talenthub.enrollments.selectors import enrollments_of_person
from talenthub.hubs.models import Hub
from talenthub.hubs.selectors import (
    consortia_led_by,
    is_funder,
    memberships_of,
    operated_hub_ids,
    roles_of,
)
from talenthub.portal.selectors import hub_figures


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    upcoming = catalogue_cohorts(CatalogueFilter())[:6]
    return render(
        request,
        "portal/home.html",
        {"upcoming": upcoming, "figures": hub_figures(Hub.objects.all())},
    )


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not isinstance(user, User):  # login_required guarantees it; narrows the type
        raise PermissionDenied
    roles = roles_of(user)
    context = {
        "roles": roles,
        "memberships": memberships_of(user),
        "operated_cohorts": cohorts_in_hubs(operated_hub_ids(user))[:20]
        if "operator" in roles
        else [],
        "taught_cohorts": cohorts_taught_by(user.pk)[:20] if "instructor" in roles else [],
        "my_enrollments": enrollments_of_person(user.pk)[:20],
        "consortia": [(c, hub_figures(c.hubs.all())) for c in consortia_led_by(user)],
        "national": hub_figures(Hub.objects.all()) if is_funder(user) else [],
    }
    return render(request, "portal/dashboard.html", context)


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
