"""The annual report as PDF: WeasyPrint over an HTML template, Korean set in NanumGothic on the page
and its margin boxes, charts as inline SVG, every indicator as a table."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from talenthub.reports.documents.annual import AnnualReport
from talenthub.reports.documents.svg import bar_chart


def _trend_svg(report: AnnualReport) -> str:
    sheets = {s.name: s for s in report.sheets}
    labels = [str(year) for year, _v in sheets["participants"].years]
    series = []
    for name in ("participants", "graduates"):
        sheet = sheets[name]
        values = [float(v.value) if v and v.value is not None else None for _y, v in sheet.years]
        series.append((sheet.title, values))
    return bar_chart(labels, series)


def render_pdf(report: AnnualReport) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "reports/annual_pdf.html",
        {"report": report, "trend_svg": mark_safe(_trend_svg(report))},  # noqa: S308 -- escaped in svg.py
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
