from __future__ import annotations

from ninja.renderers import JSONRenderer


class UnescapedJSONRenderer(JSONRenderer):
    """JSON with Hangul as Hangul ("김하나", not "\\uae40\\ud558\\ub098")."""

    media_type = "application/json"
    charset = "utf-8"
    json_dumps_params = {"ensure_ascii": False}
