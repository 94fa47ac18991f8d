"""The API's docs page: Swagger UI served from static/vendor (vendored from the npm registry by
`make assets`), not from a CDN, under the site's strict Content-Security-Policy: no inline
script or style, so the settings travel in a JSON data block read by static/js/api-docs.js."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI


class LocalSwagger(DocsBase):
    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        context = {"api": api, "schema_url": self.get_openapi_url(api, kwargs)}
        return render(request, "api/docs.html", context)
