"""Turning spreadsheet cells into values: the forms operators' files actually contain.

Every parser takes a cell as openpyxl or csv gives it (str, int, float, date, datetime, time or
None), returns None for a blank cell, and raises `BadValueError` naming what is wrong. Text is
NFKC-normalised first, so full-width digits (U+FF10 to U+FF19) and letters become plain ones, and
stray spaces are trimmed and collapsed."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from talenthub.core.phones import InvalidPhoneError, normalize_mobile

EXCEL_EPOCH = datetime.date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug folded in)
# Serial numbers of dates from 1954 to 2118: a plausible date cell that lost its date format.
_SERIAL_RANGE = (20_000, 80_000)


class BadValueError(Exception):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = {key: str(value) for key, value in params.items()}


def _shown(raw: Any) -> str:
    """The cell as the operator would recognise it in a message."""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()[:60]


def text(raw: Any) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, datetime.datetime | datetime.date | datetime.time):
        raw = raw.isoformat()
    value = unicodedata.normalize("NFKC", str(raw))
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def limited(raw: Any, max_length: int) -> str | None:
    value = text(raw)
    if value is not None and len(value) > max_length:
        raise BadValueError("too_long", max=max_length)
    return value


def mobile(raw: Any) -> str | None:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        # A phone column formatted as a number loses its leading zero: 1012345678.
        digits = str(int(raw))
        raw = "0" + digits if digits.startswith("1") and len(digits) in (9, 10) else digits
    value = text(raw)
    if value is None:
        return None
    try:
        return normalize_mobile(value)
    except InvalidPhoneError as exc:
        raise BadValueError("bad_phone", value=_shown(raw)) from exc


def email(raw: Any) -> str | None:
    value = text(raw)
    if value is None:
        return None
    value = value.replace(" ", "").lower()
    try:
        validate_email(value)
    except ValidationError as exc:
        raise BadValueError("bad_email", value=_shown(raw)) from exc
    return value


def contact(raw: Any) -> tuple[str, str] | None:
    """A cell holding either a mobile phone number or an e-mail: ("mobile"|"email", value)."""
    value = text(raw)
    if value is None:
        return None
    if "@" in value:
        found = email(value)
        return ("email", found) if found else None
    found = mobile(raw)
    return ("mobile", found) if found else None


_DATE_SEPARATED = re.compile(
    r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?(?:[T ](\d{1,2}):(\d{2}).*)?$"
)
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE_KOREAN = re.compile(r"^(\d{4})년(\d{1,2})월(\d{1,2})일?$")


def _date_of(year: str, month: str, day: str, raw: Any) -> datetime.date:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError as exc:
        raise BadValueError("bad_date", value=_shown(raw)) from exc


def date(raw: Any) -> datetime.date | None:
    """2025-03-04, 2025.03.04, 2025. 3. 4., 2025/3/4, 20250304, 2025년 3월 4일, or a date cell
    (also one that lost its date format and shows Excel's serial number)."""
    if raw is None:
        return None
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if float(raw).is_integer() and 19_000_101 <= raw <= 21_001_231:
            return date(str(int(raw)))
        if _SERIAL_RANGE[0] <= raw <= _SERIAL_RANGE[1]:
            return EXCEL_EPOCH + datetime.timedelta(days=int(raw))
        raise BadValueError("bad_date", value=_shown(raw))
    value = text(raw)
    if value is None:
        return None
    separated = re.sub(r"\s*([-./])\s*", r"\1", value)
    compact = value.replace(" ", "")
    match = (
        _DATE_SEPARATED.match(separated)
        or _DATE_COMPACT.match(compact)
        or _DATE_KOREAN.match(compact)
    )
    if match:
        return _date_of(match.group(1), match.group(2), match.group(3), raw)
    raise BadValueError("bad_date", value=_shown(raw))


_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_TIME_COMPACT = re.compile(r"^(\d{1,2})(\d{2})$")
_MERIDIEM = {"오전": "am", "오후": "pm", "am": "am", "pm": "pm", "a.m.": "am", "p.m.": "pm"}


def time(raw: Any) -> datetime.time | None:
    """09:05, 9:05:00, 0905, 오후 1:30, or a time cell (a fraction of a day in Excel)."""
    if raw is None:
        return None
    if isinstance(raw, datetime.datetime):
        return raw.time().replace(microsecond=0)
    if isinstance(raw, datetime.time):
        return raw.replace(microsecond=0)
    if isinstance(raw, float | int) and not isinstance(raw, bool) and 0 <= raw < 1:
        seconds = round(float(raw) * 86_400)
        return datetime.time(seconds // 3600 % 24, seconds // 60 % 60)
    value = text(raw)
    if value is None:
        return None
    lowered = value.lower()
    meridiem = ""
    for word, half in _MERIDIEM.items():
        if lowered.startswith(word) or lowered.endswith(word):
            meridiem = half
            lowered = lowered.removeprefix(word).removesuffix(word).strip()
            break
    match = _TIME.match(lowered) or _TIME_COMPACT.match(lowered)
    if not match:
        raise BadValueError("bad_time", value=_shown(raw))
    hour, minute = int(match.group(1)), int(match.group(2))
    second = int(match.group(3)) if match.lastindex and match.lastindex >= 3 else 0
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    try:
        return datetime.time(hour, minute, second)
    except ValueError as exc:
        raise BadValueError("bad_time", value=_shown(raw)) from exc


_UNITS = re.compile(r"(시간|명|회|차|기|h|hours?|people)$", re.IGNORECASE)


def whole_number(raw: Any) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise BadValueError("bad_number", value=_shown(raw))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise BadValueError("bad_number", value=_shown(raw))
    value = text(raw)
    if value is None:
        return None
    cleaned = _UNITS.sub("", value.replace(",", "").replace(" ", ""))
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:
        raise BadValueError("bad_number", value=_shown(raw)) from exc
    if number != number.to_integral_value():
        raise BadValueError("bad_number", value=_shown(raw))
    return int(number)


def positive(raw: Any) -> int | None:
    number = whole_number(raw)
    if number is not None and number <= 0:
        raise BadValueError("bad_positive", value=_shown(raw))
    return number


def scale(raw: Any, low: int, high: int) -> int | None:
    try:
        number = whole_number(raw)
    except BadValueError as exc:
        raise BadValueError("bad_scale", value=_shown(raw), low=low, high=high) from exc
    if number is not None and not low <= number <= high:
        raise BadValueError("bad_scale", value=_shown(raw), low=low, high=high)
    return number


_YES = {"y", "yes", "예", "네", "o", "○", "1", "true", "해당", "t"}
_NO = {"n", "no", "아니오", "아니요", "x", "\u00d7", "0", "false", "비해당", "해당없음", "f"}


def yes_no(raw: Any) -> bool | None:
    if isinstance(raw, bool):
        return raw
    value = text(raw)
    if value is None:
        return None
    key = value.lower().replace(" ", "")
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise BadValueError("bad_yes_no", value=_shown(raw))


def squeeze(value: str) -> str:
    """A choice or header as compared: NFKC, lower case, without spaces, dots and dashes."""
    value = unicodedata.normalize("NFKC", value).lower()
    return re.sub(r"[\s._\-·]+", "", value)


def choice(raw: Any, options: Mapping[str, str], shown: str) -> str | None:
    """`options` maps squeezed synonyms to codes; `shown` lists the accepted words."""
    value = text(raw)
    if value is None:
        return None
    code = options.get(squeeze(value))
    if code is None:
        raise BadValueError("bad_choice", value=_shown(raw), choices=shown)
    return code
