from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from talenthub.accounts.models import User
from talenthub.courses.selectors import (
    CatalogueFilter,
    catalogue_cohorts,
    cohorts_in_hubs,
    cohorts_taught_by,
)
from talenthub.enrollments.access import operator_hub_ids, person_for_operator
from talenthub.enrollments.choices import EnrollmentStatus
from talenthub.enrollments.selectors import (
    cohorts_reviewed_by,
    enrollments_of_person,
    people_counts,
    people_in_hubs,
    person_counts,
)
from talenthub.events.selectors import upcoming_registrations_of_person
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Hub
from talenthub.hubs.selectors import (
    consortia_led_by,
    hub_ids_for_roles,
    is_funder,
    memberships_of,
    operated_hub_ids,
    roles_of,
)
from talenthub.partners.selectors import organisations_by_ids, partner_organisation_ids
from talenthub.portal.forms import PeopleSearchForm
from talenthub.portal.selectors import hub_figures, session_days_on
from talenthub.portal.timeline import timeline_for_operator, timeline_for_person
from talenthub.portal.workqueue import operator_tasks
from talenthub.projects.selectors import projects_mentored_by

# Roles whose people a hub invites to score applications (operators score in their own pages).
REVIEWER_ROLES = {Role.MENTOR, Role.JUDGE, Role.COMPANY_PARTNER}


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
    """Every role's starting page: what the person has to do and a link to each page of the role.
    The queries are a fixed number per role, whatever the number of rows."""
    user = request.user
    if not isinstance(user, User):  # login_required guarantees it; narrows the type
        raise PermissionDenied
    roles = roles_of(user)
    taught = list(cohorts_taught_by(user.pk)[:20]) if "instructor" in roles else []
    today = session_days_on([c.pk for c in taught], timezone.localdate()) if taught else {}
    my_enrollments = list(enrollments_of_person(user.pk)[:20])
    context = {
        "roles": roles,
        "memberships": memberships_of(user),
        "operated_cohorts": cohorts_in_hubs(operated_hub_ids(user))[:20]
        if "operator" in roles
        else [],
        "tasks": operator_tasks(operated_hub_ids(user), timezone.localdate())
        if "operator" in roles
        else [],
        "taught_cohorts": [(cohort, today.get(cohort.pk)) for cohort in taught],
        "my_enrollments": my_enrollments,
        "is_graduate": any(e.status == EnrollmentStatus.COMPLETED for e in my_enrollments),
        "organisations": organisations_by_ids(partner_organisation_ids(user)).order_by("name")
        if Role.COMPANY_PARTNER in roles
        else [],
        "mentored_projects": projects_mentored_by(
            user.email, hub_ids_for_roles(user, [Role.MENTOR])
        )[:20]
        if Role.MENTOR in roles
        else [],
        "reviewed_cohorts": cohorts_reviewed_by(user.pk)[:20] if roles & REVIEWER_ROLES else [],
        "consortia": [(c, hub_figures(c.hubs.all())) for c in consortia_led_by(user)],
        "national": hub_figures(Hub.objects.all()) if is_funder(user) else [],
        "my_events": list(upcoming_registrations_of_person(user.pk, timezone.now())[:5]),
    }
    return render(request, "portal/dashboard.html", context)


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
@login_required
def my_timeline(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    applications, enrollments = person_counts(user.pk)
    context = {
        "subject": user,
        "entries": timeline_for_person(user.pk),
        "as_staff": False,
        "n_applications": applications,
        "n_enrollments": enrollments,
    }
    return render(request, "portal/timeline.html", context)


@require_GET
@login_required
def person_timeline(request: HttpRequest, person_id: int) -> HttpResponse:
    """A person's timeline for operators: only the entries of the hubs they operate."""
    person, hub_ids = person_for_operator(request.user, person_id)
    applications, enrollments = person_counts(person.pk, hub_ids)
    context = {
        "subject": person,
        "entries": timeline_for_operator(person.pk, hub_ids),
        "as_staff": True,
        "n_applications": applications,
        "n_enrollments": enrollments,
    }
    return render(request, "portal/timeline.html", context)


@require_GET
@login_required
def manage_people(request: HttpRequest) -> HttpResponse:
    hub_ids = operator_hub_ids(request.user)
    form = PeopleSearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    page = Paginator(people_in_hubs(hub_ids, query), 50).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "counts": people_counts(hub_ids),
        "query": f"q={query}" if query else "",
    }
    return render(request, "portal/people.html", context)
