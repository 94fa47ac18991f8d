"""Wide tables scroll in a wrapper that keyboard users can reach and screen readers can name
(axe: scrollable-region-focusable)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates", Path(settings.BASE_DIR) / "talenthub"]


def test_the_wrapper_is_focusable_and_named() -> None:
    html = Template("{% load tables %}{% table_scroll label %}<table></table></div>").render(
        Context({"label": 'Tokens & "keys"'})
    )
    label = 'aria-label="Tokens &amp; &quot;keys&quot;"'
    assert html.startswith(f'<div class="table-wrap" tabindex="0" role="region" {label}>')


def test_every_scrolling_table_wrapper_comes_from_the_tag() -> None:
    """A hand-written wrapper forgets the tabindex, the role or the name; the tag does not."""
    hand_written = [
        f"{path}:{number}"
        for folder in TEMPLATE_DIRS
        for path in sorted(folder.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"""class=["'][^"']*\btable-wrap\b""", line)
    ]
    assert hand_written == []


@pytest.mark.django_db
def test_the_api_tokens_table_sits_in_a_named_region(world, client: Client) -> None:
    client.force_login(world["operator"])
    html = client.get(reverse("api_tokens:token_list")).content.decode()
    assert '<div class="table-wrap" tabindex="0" role="region" aria-label="Tokens">' in html
