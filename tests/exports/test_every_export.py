"""A formula-injection test over every export, found by walking the URL patterns.

Every URL whose name or route says it downloads a spreadsheet (export, xlsx, csv, kpis) must have
an entry in EXPORTS saying how to request it; each is requested over the poisoned world (every
text the lists show starts like a formula: talenthub/exchange/tests/test_exports.py, plus the
hub's, consortium's and sites' names for the KPI tables), in XLSX and CSV where it offers both,
and no cell of what comes back may be one a spreadsheet would run. A new export without an entry
fails test_every_export_url_is_covered; a poison that never reaches a file fails too (the test
would prove nothing). The exchange app's datasets are each tested for every purpose and format in
talenthub/exchange/tests/test_exports.py; here each goes once through both of its URLs."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from talenthub.exchange.exports import DATASETS
from talenthub.exchange.tests.test_exports import (  # noqa: F401 - the fixture
    DANGEROUS,
    PAYLOADS,
    _cells,
    poisoned,
)
from talenthub.reports.services import rollup_rebuild
from talenthub.testing import factories as factory_module
from tests.authz.resolved import resolved_patterns

# Spreadsheet downloads that carry no records, and why.
NOT_EXPORTS = {
    "exchange:import_template": "a blank import file: headers and instructions, no records",
}
_EXPORT_NAME = re.compile(r"export|xlsx|csv|kpis")
_EXPORT_ROUTE = re.compile(r"\.(xlsx|csv|<slug:fmt>)$")


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    fmt: str
    data: dict[str, Any] | None = None
    persona: str = "superuser"


Requests = Callable[[Any], Iterator[Request]]


def _exchange_index(world: Any) -> Iterator[Request]:
    for key, dataset in DATASETS.items():
        purpose = next(iter(dataset.purposes), "") if dataset.personal else ""
        for fmt in ("xlsx", "csv"):
            data = {"hub": world.hub.pk, "dataset": key, "purpose": purpose, "file_format": fmt}
            yield Request("post", reverse("exchange:export_index"), fmt, data, "operator")


def _exchange_download(world: Any) -> Iterator[Request]:
    for key, dataset in DATASETS.items():
        if dataset.personal:
            continue  # its link goes to the purpose dialog (export_index)
        for fmt in ("xlsx", "csv"):
            url = reverse("exchange:export_download", args=[key, fmt])
            yield Request("get", url, fmt, {"hub": world.hub.pk}, "operator")


def _kpis(name: str, *args: Any, dimensions: tuple[str, ...]) -> Requests:
    def requests(world: Any) -> Iterator[Request]:
        for dimension in dimensions:
            for fmt in ("xlsx", "csv"):
                url = reverse(name, args=[*(a(world) for a in args), fmt])
                query = {"year": world.cohort.starts_on.year, "dimension": dimension}
                yield Request("get", url, fmt, query)

    return requests


def _only_xlsx(name: str, *args: Callable[[Any], Any]) -> Requests:
    def requests(world: Any) -> Iterator[Request]:
        yield Request("get", reverse(name, args=[a(world) for a in args]), "xlsx")

    return requests


def _hub(world: Any) -> str:
    return str(world.hub.code)


def _year(world: Any) -> int:
    return int(world.cohort.starts_on.year)


def _survey(world: Any) -> int:
    return int(world.cohort.surveys.get().pk)


# Every export URL → the requests that cover it.
EXPORTS: dict[str, Requests] = {
    "exchange:export_index": _exchange_index,
    "exchange:export_download": _exchange_download,
    "reports:hub_kpis": _kpis("reports:hub_kpis", _hub, dimensions=("", "site")),
    "reports:consortium_kpis": _kpis(
        "reports:consortium_kpis", lambda w: w.hub.consortium.code, dimensions=("", "hub")
    ),
    "reports:national_kpis": _kpis("reports:national_kpis", dimensions=("", "hub")),
    "reports:public_kpis": _kpis("reports:public_kpis", dimensions=("", "hub")),
    # XLSX only: the annual report's workbook (one sheet per table; its figures come as CSV
    # from the KPI exports) and a survey's responses across (the same answers come as CSV, one
    # per row, from the exchange app's survey_answers).
    "reports:hub_xlsx": _only_xlsx("reports:hub_xlsx", _hub, _year),
    "reports:national_xlsx": _only_xlsx("reports:national_xlsx", _year),
    "surveys:export": _only_xlsx("surveys:export", _survey),
}


def _export_urls() -> dict[str, str]:
    return {
        key: pattern.route
        for key, pattern in resolved_patterns().items()
        if not key.startswith(("admin:", "route:", "api:"))
        and (_EXPORT_NAME.search(key.split(":")[-1]) or _EXPORT_ROUTE.search(pattern.route))
    }


def _values(content: bytes, fmt: str) -> list[Any]:
    """Every cell of the file, of every sheet of a workbook; a formula cell fails at once."""
    if fmt == "csv":
        return [value for row in _cells(content, fmt) for value in row]
    values = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (
                    f"formula {sheet.title}!{cell.coordinate}: {cell.value!r}"
                )
                values.append(cell.value)
    return values


@pytest.fixture
def factories(db: None) -> Any:
    return factory_module


def test_every_export_url_is_covered():
    assert sorted(set(_export_urls()) ^ (set(EXPORTS) | set(NOT_EXPORTS))) == [], (
        "add the new export to EXPORTS (and its requests), or remove a stale entry"
    )


@pytest.fixture
def poisoned_reports(poisoned):  # noqa: F811
    """The poisoned world, with names the KPI tables print poisoned too, and its figures."""
    world = poisoned
    world.hub.name = PAYLOADS[0]
    world.hub.save()
    world.hub.consortium.name = PAYLOADS[1]
    world.hub.consortium.save()
    rollup_rebuild()
    return world


@pytest.mark.parametrize("key", sorted(EXPORTS))
def test_no_export_url_gives_a_cell_a_spreadsheet_would_run(poisoned_reports, key):
    world = poisoned_reports
    clients: dict[str, Client] = {}
    reached = False
    for request in EXPORTS[key](world):
        if request.persona not in clients:
            clients[request.persona] = Client()
            clients[request.persona].force_login(world[request.persona])
        client = clients[request.persona]
        send = client.post if request.method == "post" else client.get
        response = send(request.url, request.data or {})
        assert response.status_code == 200, (request, response.status_code)
        assert response["Content-Disposition"].startswith("attachment"), request
        cells = [
            value for value in _values(response.content, request.fmt) if isinstance(value, str)
        ]
        assert [v for v in cells if v.startswith(DANGEROUS)] == [], request
        # A poisoned text came through, neutralised (an apostrophe before the formula).
        reached = reached or any(v.startswith("'") and v[1:].startswith(DANGEROUS) for v in cells)
    assert reached, f"{key}: no poisoned text reached its files, so this proves nothing"
