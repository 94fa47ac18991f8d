"""Every page names its icon, so the browser does not ask for /favicon.ico and get a 404."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

ICON = re.compile(r'<link rel="icon" href="/static/(img/favicon\.(?:ico|svg))"')


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/courses/", "/accounts/login/", "/api/docs/"])
def test_public_pages_link_the_svg_and_ico_icons(client: Client, path: str) -> None:
    html = client.get(path).content.decode()

    assert sorted(ICON.findall(html)) == ["img/favicon.ico", "img/favicon.svg"]


@pytest.mark.django_db
def test_the_back_office_links_the_icons_too(client: Client, world) -> None:
    client.force_login(world["operator"])

    html = client.get("/backoffice/").content.decode()

    assert sorted(ICON.findall(html)) == ["img/favicon.ico", "img/favicon.svg"]


@pytest.mark.parametrize("name", ["img/favicon.ico", "img/favicon.svg"])
def test_the_icons_are_static_files(name: str) -> None:
    path = finders.find(name)
    assert path is not None
    with open(path, "rb") as icon:
        head = icon.read(64)
    assert head.startswith(b"\x00\x00\x01\x00") if name.endswith(".ico") else b"<svg" in head
