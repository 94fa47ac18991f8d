"""POST data for a Django admin add or change form, as a browser would send it unchanged."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse


def _as_post_value(value: Any) -> str:
    return str(getattr(value, "pk", value))


def admin_form_data(response: HttpResponse) -> dict[str, Any]:
    """The fields of the admin form (and its inline formsets) rendered in `response`, with their
    current values; change what the test is about and post it back."""
    context = response.context
    forms = [context["adminform"].form]
    for inline in context.get("inline_admin_formsets", []):  # simple-history's form has none
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    data: dict[str, Any] = {}
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if value is True:
                data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [_as_post_value(item) for item in value]
            else:
                data[field.html_name] = _as_post_value(value)
    return data
