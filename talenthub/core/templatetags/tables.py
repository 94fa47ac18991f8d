"""Markup shared by every table page.

``{% table_scroll label %}`` opens the wrapper a wide table scrolls in on a narrow screen. A region
that scrolls must be reachable by keyboard and say what it holds (axe: scrollable-region-focusable),
so the wrapper is focusable (``tabindex="0"``), a landmark (``role="region"``) and named after its
table. Pass the same translated text as the table's caption, e.g.
``{% table_scroll _("Tokens") %}<table>...</table></div>``.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def table_scroll(label: str) -> SafeString:
    """The opening ``<div>`` of a keyboard-scrollable, named table wrapper (close: ``</div>``)."""
    return format_html('<div class="table-wrap" tabindex="0" role="region" aria-label="{}">', label)
