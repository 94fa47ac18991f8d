"""Korean mobile numbers in one canonical form: 010-1234-5678.

Accepted inputs: 010-1234-5678, 01012345678, 010 1234 5678, +82 10-1234-5678, 82-10-…, full-width
digits and stray spaces. Old 011/016/017/018/019 prefixes with 3-digit middle parts are kept.
"""

from __future__ import annotations

import re
import unicodedata

_MOBILE = re.compile(r"^01[016789]\d{7,8}$")


class InvalidPhoneError(ValueError):
    pass


def normalize_mobile(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw or "").strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+82") or (digits.startswith("82") and len(digits) in (11, 12)):
        digits = "0" + digits[2:]
    if not _MOBILE.match(digits):
        raise InvalidPhoneError(raw)
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
