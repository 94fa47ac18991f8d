"""The page where a signed-in person creates personal access tokens (shown once) and revokes
them; a hub's operators also see, and may revoke, every token of their hub."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from talenthub.api import access, selectors, services
from talenthub.api.forms import TokenForm
from talenthub.core.errors import DomainError
from talenthub.hubs.models import Hub
from talenthub.hubs.selectors import hub_ids_for_roles, roles_of


@never_cache  # the page that shows a new token once must not be kept by any cache
@require_http_methods(["GET", "POST"])
@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    user = access.signed_in(request.user)
    hubs = Hub.objects.filter(id__in=hub_ids_for_roles(user, roles_of(user))).order_by("name")
    form = TokenForm(request.POST or None, hubs=hubs)
    secret = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _token, secret = services.token_create(
                user=user,
                hub=data["hub"],
                name=data["name"],
                scopes=data["scopes"],
                days=data["days"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            form = TokenForm(hubs=hubs)
    context = {
        "form": form,
        "secret": secret,
        "tokens": selectors.tokens_visible_to(user),
        "has_hubs": hubs.exists(),
    }
    return render(request, "api/tokens.html", context)


@require_POST
@login_required
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = access.token_for_manager(request.user, token_id)
    services.token_revoke(token=token, by=access.signed_in(request.user))
    messages.success(request, _("The token was revoked; it no longer works."))
    return redirect("api_tokens:token_list")
