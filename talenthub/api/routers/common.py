"""What every router shares: the documented error responses, pagination, the principal."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from ninja import Field, Path, Schema

from talenthub.api.access import Principal
from talenthub.api.schemas import NO_NUL, ErrorOut

M = TypeVar("M", bound=Model)

MAX_LIMIT = 100
MAX_ID = 2**62  # ids beyond what any database column holds are a 422, not a database error
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]

# Every operation can answer these; documenting them keeps the schema honest about it.
PUBLIC_ERRORS: dict[int, type[Schema]] = {404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
ERRORS: dict[int, type[Schema]] = {
    **PUBLIC_ERRORS,
    401: ErrorOut,
    403: ErrorOut,
}
WRITE_ERRORS: dict[int, type[Schema]] = {**ERRORS, 400: ErrorOut}


class Paging(Schema):
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Items per page (at most 100).")
    offset: int = Field(0, ge=0, le=1_000_000, description="Items to skip.")


def text(max_length: int, description: str = "") -> Any:
    """An optional text filter: bounded, without NUL characters."""
    return Field(None, max_length=max_length, pattern=NO_NUL, description=description)


def principal(request: HttpRequest) -> Principal:
    auth = getattr(request, "auth", None)
    if not isinstance(auth, Principal):  # the router's auth guarantees one
        raise RuntimeError("no principal on an authenticated route")
    return auth


def page(queryset: QuerySet[M], paging: Paging) -> tuple[int, list[M]]:
    """The count of all matches and this page's rows: two queries, whatever the size."""
    count = queryset.count()
    rows = list(queryset[paging.offset : paging.offset + paging.limit])
    return count, rows


def envelope(count: int, paging: Paging, items: list[Any]) -> dict[str, Any]:
    return {"count": count, "limit": paging.limit, "offset": paging.offset, "items": items}
