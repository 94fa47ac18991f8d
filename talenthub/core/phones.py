"""Korean mobile numbers in one canonical form: 010-1234-5678.

Accepted inputs: 010-1234-5678, 01012345678, 010 1234 5678, 010.1234.5678, (010) 1234-5678,
full-width digits and stray spaces, and the international forms with or without the trunk 0:
+82 10-1234-5678, +82 010-1234-5678, +82 (0)10-1234-5678, +821012345678, 82-10-…, 0082-10-….
Old 011/016/017/018/019 prefixes with 3-digit middle parts are kept.

Anything else raises InvalidPhoneError, whose `reason` says why: a Korean number that is not a
mobile (a landline such as 02-…, a 1588-… service number), a foreign number, or no phone number
at all; `message` says it to the person who typed it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from django.utils.translation import gettext

_MOBILE = re.compile(r"^01[016789]\d{7,8}$")
# A Korean number that is not a mobile: area codes 02 and 031-064, 070 internet phones, 050x
# personal numbers, 080 free-phone, and 15xx/16xx/18xx nationwide service numbers.
_OTHER_KOREAN = re.compile(r"^(0(2|[3-6][1-5]|70|50\d|80)\d{7,8}|1[568]\d{6})$")
_COUNTRY = "82"
# An international call prefix written out in digits ("00", "001", "002", ...), before 82.
_IDD = re.compile(r"^00[1-9]?(?=82)")

Reason = Literal["not_mobile", "foreign", "malformed"]


class InvalidPhoneError(ValueError):
    """`args` holds the input as given; `reason` why it is not a Korean mobile number."""

    def __init__(self, raw: str, reason: Reason = "malformed") -> None:
        super().__init__(raw)
        self.raw = raw
        self.reason: Reason = reason

    @property
    def message(self) -> str:
        if self.reason == "not_mobile":
            text = gettext(
                "%(value)s is not a mobile phone number: enter a number that starts with 010, "
                "such as 010-1234-5678."
            )
        elif self.reason == "foreign":
            text = gettext(
                "%(value)s is not a Korean number: enter a Korean mobile number, such as "
                "010-1234-5678 or +82 10-1234-5678."
            )
        else:
            text = gettext("Not a Korean mobile number: %(value)s")
        return text % {"value": self.raw}


def _national_digits(text: str) -> str:
    """The number's digits as dialled inside Korea (0 first), whether written with +82 or not."""
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        if not digits.startswith(_COUNTRY):
            raise InvalidPhoneError(text, "foreign")
        digits = digits[len(_COUNTRY) :]
    elif idd := _IDD.match(digits):
        digits = digits[idd.end() + len(_COUNTRY) :]
    elif digits.startswith(_COUNTRY):
        # No domestic number starts with 8: this is +82 without its plus sign.
        digits = digits[len(_COUNTRY) :]
    else:
        return digits
    # After the country code the trunk 0 is optional: +82 10-… and +82 010-… are the same phone.
    return digits if digits.startswith("0") else "0" + digits


def normalize_mobile(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw or "").strip()
    try:
        digits = _national_digits(text)
    except InvalidPhoneError as exc:
        raise InvalidPhoneError(raw, exc.reason) from None
    if not _MOBILE.match(digits):
        reason: Reason = "not_mobile" if _OTHER_KOREAN.match(digits) else "malformed"
        raise InvalidPhoneError(raw, reason)
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
