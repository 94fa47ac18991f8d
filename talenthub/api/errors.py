"""Every API error in one JSON shape:

    {"error": {"code": "not_found", "message": "…", "fields": {"query.limit": ["…"]}}}

`code` is stable and meant for programs; `message` is for people (in the request's language);
`fields` names the inputs at fault, each with its messages (empty when none is)."""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from talenthub.api.access import ForbiddenError
from talenthub.core.errors import DomainError

logger = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "invalid",
    429: "rate_limited",
    500: "server_error",
}


def body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def _fields(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in errors:
        location = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
        fields.setdefault(location, []).append(str(error.get("msg", "")))
    return fields


def install(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, payload: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, payload, status=status)

    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return respond(
            request, 422, body("invalid", _("The request is not valid."), _fields(exc.errors))
        )

    @api.exception_handler(AuthenticationError)
    def unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = respond(
            request,
            401,
            body("unauthorized", _("Send a valid, unexpired personal access token (Bearer).")),
        )
        response["WWW-Authenticate"] = 'Bearer realm="talenthub"'
        return response

    @api.exception_handler(ForbiddenError)
    def forbidden(request: HttpRequest, exc: ForbiddenError) -> HttpResponse:
        return respond(request, 403, body("forbidden", exc.message))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, body("not_found", _("Not found.")))

    @api.exception_handler(Throttled)
    def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        return respond(request, 429, body("rate_limited", _("Too many requests; slow down.")))

    @api.exception_handler(DomainError)
    def refused(request: HttpRequest, exc: DomainError) -> HttpResponse:
        fields = {exc.field: [exc.message]} if exc.field else {}
        return respond(request, 400, body("refused", exc.message, fields))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        code = CODES.get(exc.status_code, "error")
        return respond(request, exc.status_code, body(code, str(exc)))

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path)
        return respond(request, 500, body("server_error", _("Something went wrong on our side.")))
