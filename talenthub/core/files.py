"""Uploaded files are typed by their content, never by their name or the browser's claim."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from talenthub.core.errors import DomainError

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_LABELS = {PDF: "PDF", PNG: "PNG", JPEG: "JPEG", DOCX: "DOCX"}


def sniff_content_type(head: bytes, whole: bytes | None = None) -> str | None:
    """The type of a file from its first bytes (and, for zip containers, its member names)."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04") and whole is not None:
        try:
            with zipfile.ZipFile(io.BytesIO(whole)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return DOCX
    return None


def validate_upload(file: UploadedFile[bytes], *, allowed: Iterable[str], max_bytes: int) -> str:
    """Return the content type of `file` if it is one of `allowed` and at most `max_bytes` long;
    otherwise raise DomainError with a message for the person who uploaded it."""
    allowed = frozenset(allowed)
    size = file.size or 0
    if size == 0:
        raise DomainError(_("The file is empty."), field="file")
    if size > max_bytes:
        raise DomainError(
            _("The file is too large (at most %(mb)s MB).") % {"mb": max_bytes // (1024 * 1024)},
            field="file",
        )
    file.seek(0)
    whole = file.read() if DOCX in allowed else None
    head = file.read(16) if whole is None else whole[:16]
    file.seek(0)
    content_type = sniff_content_type(head, whole)
    if content_type not in allowed:
        kinds = ", ".join(sorted(_LABELS[kind] for kind in allowed))
        raise DomainError(
            _("This file type is not accepted. Upload one of: %(kinds)s.") % {"kinds": kinds},
            field="file",
        )
    return content_type
