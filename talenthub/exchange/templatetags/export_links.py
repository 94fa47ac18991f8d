"""``{% export_links "enrolments" cohort=cohort.pk %}``: the "Excel / CSV" links of a list page.

A list without personal data downloads straight away (Excel, CSV); a list with personal data
opens the export dialog, where the purpose is asked and the export is logged. Only operators see
the links (exports are theirs: talenthub.exchange.access); the navigation's role flag decides, so
the tag costs no query."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from talenthub.exchange.exports import DATASETS
from talenthub.exchange.exports.base import FILTERS

register = template.Library()


@register.simple_tag(takes_context=True)
def export_links(context: template.Context, dataset: str, **filters: Any) -> SafeString | str:
    if not context.get("nav_is_operator"):
        return ""
    chosen = DATASETS[dataset]  # a typo in a template fails loudly
    unknown = set(filters) - set(chosen.filters)
    if unknown:
        raise template.TemplateSyntaxError(f"{dataset} cannot be narrowed by {sorted(unknown)}")
    narrowing = {key: filters[key] for key in FILTERS if filters.get(key) not in (None, "")}
    query = urlencode(narrowing)
    if chosen.personal:
        url = reverse("exchange:export_index") + "?" + urlencode({"dataset": dataset, **narrowing})
        return format_html(
            '<p class="export-links" data-export="{}">{}: <a href="{}">{}</a> '
            '<span class="meta">{}</span></p>',
            dataset,
            chosen.title,
            url,
            _("Export to Excel / CSV"),
            _("(personal data: you state the purpose, and the export is logged)"),
        )
    urls = [
        reverse("exchange:export_download", args=[dataset, fmt]) + (f"?{query}" if query else "")
        for fmt in ("xlsx", "csv")
    ]
    return format_html(
        '<p class="export-links" data-export="{}">{}: <a href="{}" download>{}</a> · '
        '<a href="{}" download>{}</a></p>',
        dataset,
        chosen.title,
        urls[0],
        _("Export to Excel"),
        urls[1],
        "CSV",
    )
