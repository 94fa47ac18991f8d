from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from talenthub.hubs.selectors import operated_hub_ids
from talenthub.partners import access
from talenthub.partners.forms import ContactForm
from talenthub.partners.selectors import (
    agreements_of,
    contacts_of,
    members_of,
    organisations_by_ids,
    organisations_in_hubs,
    partner_organisation_ids,
)
from talenthub.partners.services import contact_add


@require_GET
@login_required
def manage_list(request: HttpRequest) -> HttpResponse:
    hub_ids = operated_hub_ids(request.user)
    if not hub_ids:
        raise Http404
    page = Paginator(organisations_in_hubs(hub_ids), 50).get_page(request.GET.get("page"))
    return render(request, "partners/manage_list.html", {"page": page})


@require_GET
@login_required
def my_organisations(request: HttpRequest) -> HttpResponse:
    organisation_ids = partner_organisation_ids(request.user)
    if not organisation_ids:
        raise Http404
    return render(
        request,
        "partners/my_organisations.html",
        {"organisations": organisations_by_ids(organisation_ids).order_by("name")},
    )


@require_GET
@login_required
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = access.organisation_for_viewer(request.user, organisation_id)
    is_operator = access.is_operator_of(request.user, organisation)
    context = {
        "organisation": organisation,
        "is_operator": is_operator,
        "agreements": agreements_of(organisation),
        "contacts": contacts_of(organisation),
        "members": members_of(organisation),
        "contact_form": ContactForm() if is_operator else None,
    }
    return render(request, "partners/organisation_detail.html", context)


@require_POST
@login_required
def contact_create(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = access.organisation_for_operator(request.user, organisation_id)
    form = ContactForm(request.POST)
    if form.is_valid():
        contact_add(organisation=organisation, **form.cleaned_data)
        messages.success(request, _("Contact added."))
    else:
        messages.error(request, _("Check the contact's details."))
    return redirect("partners:organisation_detail", organisation_id=organisation.id)
