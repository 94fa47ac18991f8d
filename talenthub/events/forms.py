from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from talenthub.events.choices import EventKind, RegistrationStatus, TargetGroup
from talenthub.events.selectors import PAST, UPCOMING, EventFilter
from talenthub.hubs.models import Hub, Site
from talenthub.partners.models import Organisation

_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventFilterForm(forms.Form):
    hub = forms.ModelChoiceField(
        label=_("hub"),
        required=False,
        queryset=Hub.objects.order_by("name"),
        to_field_name="code",
        empty_label=_("All"),
    )
    kind = forms.ChoiceField(
        label=_("kind"), required=False, choices=[("", _("All")), *EventKind.choices]
    )
    when = forms.ChoiceField(
        label=_("when"),
        required=False,
        choices=[("", _("All")), (UPCOMING, _("Upcoming")), (PAST, _("Past"))],
    )

    def to_filter(self) -> EventFilter:
        data = self.cleaned_data if self.is_valid() else {}
        hub = data.get("hub")
        return EventFilter(
            hub_code=hub.code if hub else "",
            kind=data.get("kind") or "",
            when=data.get("when") or "",
        )


class EventForm(forms.Form):
    hub = forms.ModelChoiceField(label=_("hub"), queryset=Hub.objects.none())
    kind = forms.ChoiceField(label=_("kind"), choices=EventKind.choices)
    title = forms.CharField(label=_("title"), max_length=150)
    description = forms.CharField(label=_("description"), required=False, widget=forms.Textarea)
    starts_at = forms.DateTimeField(label=_("starts at"), widget=_DATETIME)
    ends_at = forms.DateTimeField(label=_("ends at"), widget=_DATETIME)
    place = forms.CharField(label=_("place"), max_length=200, required=False)
    capacity = forms.IntegerField(
        label=_("capacity"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for no limit."),
    )
    target_group = forms.ChoiceField(label=_("target group"), choices=TargetGroup.choices)
    site = forms.ModelChoiceField(label=_("site"), queryset=Site.objects.none(), required=False)
    partners = forms.ModelMultipleChoiceField(
        label=_("co-hosting partners"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, hubs: QuerySet[Hub], editing: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        hub_ids = list(hubs.values_list("id", flat=True))
        self.fields["hub"].queryset = hubs  # type: ignore[attr-defined]
        self.fields["site"].queryset = (  # type: ignore[attr-defined]
            Site.objects.filter(hub_id__in=hub_ids).select_related("hub").order_by("name")
        )
        self.fields["partners"].queryset = (  # type: ignore[attr-defined]
            Organisation.objects.filter(hub_id__in=hub_ids).order_by("name")
        )
        if editing:
            del self.fields["hub"]
        elif len(hub_ids) == 1:
            self.fields["hub"].initial = hub_ids[0]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        return data


class MarkForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (RegistrationStatus.ATTENDED, _("Mark as attended")),
            (RegistrationStatus.NO_SHOW, _("Mark as not attended")),
        ]
    )
    registrations = forms.TypedMultipleChoiceField(coerce=int, choices=())

    def __init__(self, *args: Any, registration_ids: list[int], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["registrations"].choices = [  # type: ignore[attr-defined]
            (pk, str(pk)) for pk in registration_ids
        ]
