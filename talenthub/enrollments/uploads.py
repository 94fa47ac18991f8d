"""Uploaded files are judged by their content, never by their name or the browser's content type."""

from __future__ import annotations

import logging

from django.core.files.base import File
from django.utils.translation import gettext as _

from talenthub.enrollments.errors import InvalidUploadError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
_PDF_MAGIC = b"%PDF-"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _check_size(upload: File[bytes]) -> None:
    if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
        raise InvalidUploadError(_("The file is larger than 10 MB."), field="file")
    if upload.size == 0:
        raise InvalidUploadError(_("The file is empty."), field="file")


def _head(upload: File[bytes], length: int) -> bytes:
    upload.seek(0)
    head = bytes(upload.read(length))
    upload.seek(0)
    return head


def _parses_as_pdf(upload: File[bytes]) -> bool:
    # pypdf is noisy about the small defects real-world PDFs have; only a failure to read matters.
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        return len(reader.pages) >= 1
    except Exception:  # any parser failure means "not a usable PDF"
        return False
    finally:
        upload.seek(0)


def check_pdf(upload: File[bytes]) -> None:
    """A PDF of at most 10 MB: starts with %PDF- and pypdf can read at least one page from it."""
    _check_size(upload)
    if _head(upload, len(_PDF_MAGIC)) != _PDF_MAGIC or not _parses_as_pdf(upload):
        raise InvalidUploadError(_("The file is not a readable PDF document."), field="file")


def check_attachment(upload: File[bytes]) -> None:
    """An answer file: a PDF (checked as above), or a PNG or JPEG image, of at most 10 MB."""
    _check_size(upload)
    head = _head(upload, 8)
    if head.startswith(_PDF_MAGIC):
        check_pdf(upload)
        return
    if not any(head.startswith(magic) for magic in _IMAGE_MAGIC):
        raise InvalidUploadError(_("Upload a PDF document or a PNG or JPEG image."), field="file")
