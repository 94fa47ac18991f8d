"""The annual report (XLSX and PDF) and the press-release summary."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from talenthub.reports.documents.xlsx import neutralise
from talenthub.reports.kpis import REGISTRY
from talenthub.reports.services import rollup_rebuild


@pytest.fixture
def figures(dataset):
    rollup_rebuild()
    return dataset


def download(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_formula_like_text_is_neutralised():
    assert neutralise('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralise("+1") == "'+1"
    assert neutralise("-1") == "'-1"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("전주 본관") == "전주 본관"


def test_xlsx_has_a_definitions_sheet_and_one_sheet_per_indicator_with_values_only(
    client, figures, factories
):
    alpha = figures.hubs["alpha"]
    # A site whose name a spreadsheet would run as a formula.
    cohort = figures.cohorts["C1#2"]
    cohort.site.name = '=HYPERLINK("http://evil.example","x")'
    cohort.site.save()
    operator = factories.UserFactory(email="op@data.example.kr")
    factories.MembershipFactory(user=operator, hub=alpha, role="operator")
    content = download(client, operator, reverse("reports:hub_xlsx", args=["alpha", 2025]))
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames[1:] == list(REGISTRY)
    definitions = book.worksheets[0]
    names = [row[0].value for row in definitions.iter_rows(min_row=4)]
    assert names == list(REGISTRY)
    graduates = book["graduates"]
    rows = [[c.value for c in row][:4] for row in graduates.iter_rows()]
    assert ["2025", 6, None, None] in rows
    assert ["2020~2025", 7, None, None] in rows
    rates = [[c.value for c in row][:4] for row in book["completion_rate"].iter_rows()]
    assert ["2025", 66.7, 6, 9] in rates
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
    participants = [[c.value for c in row] for row in book["participants"].iter_rows()]
    sites = [r for r in participants if isinstance(r[1], str) and "HYPERLINK" in r[1]]
    assert sites
    assert all(r[1].startswith("'=") for r in sites)


def test_pdf_is_korean_text_with_the_figures_and_no_personal_data(client, figures, factories):
    alpha = figures.hubs["alpha"]
    funder = factories.UserFactory(email="funder@data.example.kr")
    factories.MembershipFactory(user=funder, hub=alpha, role="funder")
    content = download(client, funder, reverse("reports:hub_pdf", args=["alpha", 2025]))
    assert content.startswith(b"%PDF")
    text = subprocess.run(
        ["/usr/bin/pdftotext", "-enc", "UTF-8", "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "알파스퀘어" in text  # Hangul rendered with a real font, read back exactly
    assert re.search(r"66\.7", text)
    for person in figures.people.values():
        assert person.name not in text
    fonts = subprocess.run(
        ["/usr/bin/pdffonts", "-"], input=content, capture_output=True
    ).stdout.decode()
    assert "Nanum" in fonts


def test_press_release_numbers_come_from_the_kpis_and_link_to_their_definitions(
    client, figures, factories
):
    operator = factories.UserFactory(email="op2@data.example.kr")
    factories.MembershipFactory(user=operator, hub=figures.hubs["alpha"], role="operator")
    client.force_login(operator)
    html = client.get(reverse("reports:press_release", args=["alpha", 2025])).content.decode()
    for name, number in [("courses_run", "3"), ("graduates", "7"), ("participants", "8")]:
        link = f'<a href="{reverse("reports:definition", args=[name])}">{number}</a>'
        assert link in html, name
    assert f'<a href="{reverse("reports:definition", args=["satisfaction"])}">' in html
