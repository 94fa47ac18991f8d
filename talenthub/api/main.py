"""The REST API, mounted at /api/: OpenAPI 3 schema at /api/schema/, docs at /api/docs."""

from __future__ import annotations

from ninja import NinjaAPI

from talenthub.api import errors
from talenthub.api.auth import TokenAuth, TokenThrottle
from talenthub.api.docs import LocalSwagger
from talenthub.api.renderers import UnescapedJSONRenderer
from talenthub.api.routers.cohorts import catalogue, cohorts
from talenthub.api.routers.figures import router as figures
from talenthub.api.routers.people import router as people

DESCRIPTION = """
TalentHub's data over HTTP, thin over the same services and rules as its pages.

**Authentication**: a personal access token, created on the *API tokens* page, in the header
`Authorization: Bearer th_…`. A token acts as its owner in one hub, within its scopes
(`enrolments:read`, `outcomes:write`, …) and within the owner's role there: operators see the
hub's records, instructors their cohorts', trainees their own, the roll-up roles aggregates.
Records of other hubs, and records a token may not see, answer 404. The catalogue is public.

**Lists** take `limit` (at most 100) and `offset`, and answer `{count, limit, offset, items}`.

**Errors** have one shape: `{"error": {"code", "message", "fields": {input: [messages]}}}`.

**Rate limit**: 120 requests a minute per token (per address without one); beyond it, 429 with
`Retry-After`.
"""

api = NinjaAPI(
    title="TalentHub API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/schema/",
    docs=LocalSwagger(),
    docs_url="/docs",
    renderer=UnescapedJSONRenderer(),
    auth=TokenAuth(),
    throttle=[TokenThrottle()],
)
errors.install(api)
api.add_router("/catalogue", catalogue)
api.add_router("/", cohorts)
api.add_router("/", people)
api.add_router("/", figures)

__all__ = ["api"]
