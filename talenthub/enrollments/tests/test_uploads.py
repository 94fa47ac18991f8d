from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from talenthub.enrollments.errors import InvalidUploadError
from talenthub.enrollments.tests.helpers import pdf_bytes
from talenthub.enrollments.uploads import MAX_UPLOAD_BYTES, check_attachment, check_pdf

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(content: bytes, name: str = "file.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_real_pdf_is_accepted_whatever_its_name():
    check_pdf(upload(pdf_bytes(), name="이력서.txt"))


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n%%EOF\n",  # the magic bytes alone
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        PNG,
        b"MZ\x90\x00 an executable named resume.pdf",
    ],
    ids=["magic-only", "no-pages", "png", "exe"],
)
def test_anything_but_a_readable_pdf_is_refused_as_a_resume(content):
    with pytest.raises(InvalidUploadError, match="PDF"):
        check_pdf(upload(content))


def test_a_file_over_ten_megabytes_is_refused():
    too_big = pdf_bytes() + b"\n%" + b"0" * MAX_UPLOAD_BYTES
    with pytest.raises(InvalidUploadError, match="10 MB"):
        check_pdf(upload(too_big))


def test_an_empty_file_is_refused():
    with pytest.raises(InvalidUploadError):
        check_pdf(upload(b""))


def test_answer_files_may_be_pdf_png_or_jpeg_only():
    check_attachment(upload(pdf_bytes()))
    check_attachment(upload(PNG, "scan.png"))
    check_attachment(upload(b"\xff\xd8\xff\xe0" + b"\x00" * 16, "scan.jpg"))
    with pytest.raises(InvalidUploadError):
        check_attachment(upload(b"<html><script>alert(1)</script>", "scan.png"))


def test_the_file_is_rewound_after_the_check():
    file = upload(pdf_bytes())
    check_pdf(file)
    assert file.read(5) == b"%PDF-"
