"""Pages of events: the public list and detail (register, cancel), the person's own events, and
under manage/ the operators' list, form, roster and actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.events import access, forms, selectors, services
from talenthub.events.choices import EventStatus, RegistrationStatus
from talenthub.events.models import Event
from talenthub.hubs.models import Hub
from talenthub.hubs.selectors import operated_hub_ids

PAGE_SIZE = 30


def _user(request: HttpRequest) -> User:
    if not isinstance(request.user, User):  # login_required guarantees it; narrows the type
        raise Http404
    return request.user


# --- Everyone ------------------------------------------------------------------------------------


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    form = forms.EventFilterForm(request.GET or None)
    events = selectors.published_events(form.to_filter(), timezone.now())
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "events/_event_results.html" if request.htmx else "events/event_list.html"  # type: ignore[attr-defined]
    return render(request, template, {"form": form, "page": page, "query": query.urlencode()})


@require_GET
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    event = access.event_for_public(event_id)
    registration = selectors.registration_of(event, request.user.pk)
    context = {
        "event": selectors.event_with_counts(event.pk),
        "partners": selectors.partners_of(event),
        "registration": registration,
        "position": selectors.waitlist_position(registration) if registration else None,
        "may_manage": access.may_manage(request.user, event),
        "is_open": event.status == EventStatus.OPEN and timezone.now() < event.starts_at,
    }
    return render(request, "events/event_detail.html", context)


@require_POST
@login_required
def event_register(request: HttpRequest, event_id: int) -> HttpResponse:
    event = access.event_for_public(event_id)
    try:
        registration = services.registration_register(event=event, user=_user(request))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if registration.status == RegistrationStatus.WAITLISTED:
            messages.warning(
                request,
                _(
                    "This event is full. You are on the waitlist as number %(position)d; "
                    "if a seat becomes free it is yours and we will let you know by e-mail."
                )
                % {"position": selectors.waitlist_position(registration) or 1},
            )
        else:
            messages.success(request, _("You are registered. See you there!"))
    return redirect("events:detail", event_id=event.pk)


@require_POST
@login_required
def event_cancel_registration(request: HttpRequest, event_id: int) -> HttpResponse:
    event = access.event_for_public(event_id)
    registration = access.registration_of_user(request.user, event)
    try:
        services.registration_cancel(registration=registration)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect("events:detail", event_id=event.pk)


@require_GET
@login_required
def my_events(request: HttpRequest) -> HttpResponse:
    registrations = selectors.registrations_of_person(_user(request).pk)
    page = Paginator(registrations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/my_events.html", {"page": page, "now": timezone.now()})


# --- Operators -----------------------------------------------------------------------------------


def _operated_hubs(request: HttpRequest) -> list[int]:
    hub_ids = operated_hub_ids(request.user)
    if not hub_ids:
        raise Http404
    return sorted(hub_ids)


@require_GET
@login_required
def manage_event_list(request: HttpRequest) -> HttpResponse:
    events = selectors.events_in_hubs(_operated_hubs(request))
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "events/manage_event_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@login_required
def manage_event_create(request: HttpRequest) -> HttpResponse:
    hubs = Hub.objects.filter(id__in=_operated_hubs(request)).order_by("name")
    form = forms.EventForm(request.POST or None, hubs=hubs)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            event = services.event_create(created_by=_user(request), **data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Event saved as a draft. Publish it to open registration."))
            return redirect("events:manage_roster", event_id=event.pk)
    return render(request, "events/manage_event_form.html", {"form": form, "event": None})


@require_http_methods(["GET", "POST"])
@login_required
def manage_event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    event = access.event_for_operator(request.user, event_id)
    hubs = Hub.objects.filter(pk=event.hub_id)
    initial = {
        "kind": event.kind,
        "title": event.title,
        "description": event.description,
        "starts_at": timezone.localtime(event.starts_at),
        "ends_at": timezone.localtime(event.ends_at),
        "place": event.place,
        "capacity": event.capacity,
        "target_group": event.target_group,
        "site": event.site_id,
        "partners": list(event.partners.values_list("id", flat=True)),
    }
    form = forms.EventForm(request.POST or None, initial=initial, hubs=hubs, editing=True)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        partners = list(data.pop("partners"))
        try:
            services.event_update(event=event, partners=partners, **data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Event saved."))
            return redirect("events:manage_roster", event_id=event.pk)
    return render(request, "events/manage_event_form.html", {"form": form, "event": event})


@require_GET
@login_required
def manage_roster(request: HttpRequest, event_id: int) -> HttpResponse:
    event = access.event_for_operator(request.user, event_id)
    context = {
        "event": selectors.event_with_counts(event.pk),
        "partners": selectors.partners_of(event),
        "registrations": selectors.roster_of(event),
        "has_started": timezone.now() >= event.starts_at,
    }
    return render(request, "events/manage_roster.html", context)


@require_POST
@login_required
def manage_mark(request: HttpRequest, event_id: int) -> HttpResponse:
    event = access.event_for_operator(request.user, event_id)
    ids = list(event.registrations.values_list("id", flat=True))
    form = forms.MarkForm(request.POST, registration_ids=ids)
    if not form.is_valid():
        messages.error(request, _("Choose at least one person and what to record."))
        return redirect("events:manage_roster", event_id=event.pk)
    try:
        count = services.registrations_mark(
            event=event,
            registration_ids=form.cleaned_data["registrations"],
            status=form.cleaned_data["status"],
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Attendance recorded for %(count)d people.") % {"count": count})
    return redirect("events:manage_roster", event_id=event.pk)


def _act(request: HttpRequest, event: Event, action: str) -> HttpResponse:
    try:
        if action == "publish":
            services.event_publish(event=event)
            messages.success(request, _("Event published: registration is open."))
        elif action == "close":
            services.event_close(event=event)
            messages.success(request, _("Event closed."))
        else:
            services.event_cancel(event=event)
            messages.success(request, _("Event cancelled."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("events:manage_roster", event_id=event.pk)


@require_POST
@login_required
def manage_publish(request: HttpRequest, event_id: int) -> HttpResponse:
    return _act(request, access.event_for_operator(request.user, event_id), "publish")


@require_POST
@login_required
def manage_close(request: HttpRequest, event_id: int) -> HttpResponse:
    return _act(request, access.event_for_operator(request.user, event_id), "close")


@require_POST
@login_required
def manage_cancel(request: HttpRequest, event_id: int) -> HttpResponse:
    return _act(request, access.event_for_operator(request.user, event_id), "cancel")
