"""Every URL pattern the project resolves, flattened, with a way to build a concrete path for each.

A pattern is keyed by its URL name (`namespace:name`). Unnamed patterns (the admin's per-object
redirect and its catch-all) are keyed by their full route, `route:<route>`. The admin's app index
is one pattern whose regex lists every app label; it is expanded to one key per label,
`admin:app_list[<label>]`, so that a newly registered app needs a row of its own."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from django.contrib import admin
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.regex_helper import normalize

_APP_LABELS = re.compile(r"\(\?P<app_label>([^)]*)\)")


@dataclass(frozen=True)
class ResolvedPattern:
    key: str
    route: str
    # One regex per nesting level, outermost first; joined they match the whole path.
    regexes: tuple[str, ...]
    # The admin model the pattern belongs to (for `object_id`), if any.
    model: type[models.Model] | None
    fixed: tuple[tuple[str, str], ...] = ()

    def path(self, values: Mapping[str, object]) -> str:
        """The concrete path, each parameter taken from `values` (fixed ones win)."""
        given = {**values, **dict(self.fixed)}
        parts = []
        for regex in self.regexes:
            template, params = normalize(regex)[0]
            missing = [param for param in params if param not in given]
            if missing:
                raise KeyError(f"{self.key}: no value for {missing} in {self.route!r}")
            parts.append(template % {param: given[param] for param in params})
        return "/" + "".join(parts)

    @property
    def params(self) -> list[str]:
        return [param for regex in self.regexes for param in normalize(regex)[0][1]]


def _admin_model_prefixes() -> dict[str, type[models.Model]]:
    return {
        f"{model._meta.app_label}/{model._meta.model_name}/": model
        for model in admin.site._registry  # the admin's own record of what is registered
    }


def _route_text(pattern: URLPattern | URLResolver) -> str:
    return str(pattern.pattern)


def _walk(
    resolver: URLResolver,
    namespace: str,
    route: str,
    regexes: tuple[str, ...],
    model: type[models.Model] | None,
    prefixes: dict[str, type[models.Model]],
) -> Iterator[ResolvedPattern]:
    for pattern in resolver.url_patterns:
        text = _route_text(pattern)
        level_regexes = (*regexes, pattern.pattern.regex.pattern)
        if isinstance(pattern, URLResolver):
            inner_namespace = namespace
            if pattern.namespace:
                inner_namespace = (
                    f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                )
            yield from _walk(
                pattern,
                inner_namespace,
                route + text,
                level_regexes,
                prefixes.get(text, model),
                prefixes,
            )
            continue
        full_route = route + text
        if pattern.name is None:
            key = f"route:{full_route}"
        else:
            key = f"{namespace}:{pattern.name}" if namespace else pattern.name
        if key == "admin:app_list":
            match = _APP_LABELS.search(text)
            assert match, f"the admin app index changed shape: {text!r}"
            for label in match.group(1).split("|"):
                yield ResolvedPattern(
                    key=f"admin:app_list[{label}]",
                    route=full_route,
                    regexes=level_regexes,
                    model=None,
                    fixed=(("app_label", label),),
                )
            continue
        yield ResolvedPattern(key=key, route=full_route, regexes=level_regexes, model=model)


def resolved_patterns() -> dict[str, ResolvedPattern]:
    """Every resolvable pattern by key; two patterns with one key are an error (reverse() would
    reach only one of them, so the matrix could not speak about the other)."""
    found: dict[str, ResolvedPattern] = {}
    for pattern in _walk(get_resolver(), "", "", (), None, _admin_model_prefixes()):
        if pattern.key in found:
            raise AssertionError(
                f"{pattern.key} names two patterns: {found[pattern.key].route!r} and "
                f"{pattern.route!r}"
            )
        found[pattern.key] = pattern
    return found
