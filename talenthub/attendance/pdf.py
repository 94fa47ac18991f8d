"""The certificate as a PDF (WeasyPrint, Korean Nanum fonts, inline SVG seal and QR)."""

from __future__ import annotations

import base64
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from talenthub.attendance.models import Certificate
from talenthub.attendance.qr import qr_data_uri
from talenthub.attendance.selectors import certificate_facts


def site_url() -> str:
    """Absolute base of links printed on paper (QR codes): settings.SITE_URL."""
    return str(settings.SITE_URL).rstrip("/")


def verify_url(certificate: Certificate) -> str:
    return site_url() + reverse("attendance:verify", args=[certificate.verification_code])


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _seal() -> str:
    found = finders.find("img/certificate-seal.svg")
    path = Path(found if isinstance(found, str) else "")
    return _data_uri(path.read_text(encoding="utf-8")) if path.is_file() else ""


def render_certificate_pdf(certificate: Certificate) -> bytes:
    from weasyprint import HTML

    url = verify_url(certificate)
    context = {
        "facts": certificate_facts(certificate),
        "certificate": certificate,
        "verify_url": url,
        "qr": qr_data_uri(url),
        "seal": _seal(),
    }
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("attendance/certificate_pdf.html", context)
    return bytes(HTML(string=html).write_pdf())
