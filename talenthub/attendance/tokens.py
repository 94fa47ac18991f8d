"""Rotating QR codes: a signed (session day, 30-second window) pair.

The classroom screen shows the code of the current window. A scan is accepted while its window is
the current or the previous one (at most 60 s old) and, to tolerate a few seconds of clock skew
between the server that drew the code and the one that checks it, also when it is the window
`CLOCK_SKEW` ahead. Replays are stopped by the database (see AttendanceEvent's unique keys)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core import signing
from django.utils.translation import gettext as _

from talenthub.attendance.errors import QrTokenError

WINDOW_SECONDS = 30
CLOCK_SKEW = datetime.timedelta(seconds=5)
_SALT = "talenthub.attendance.qr"


@dataclass(frozen=True)
class QrClaim:
    session_day_id: int
    window: int


def window_of(now: datetime.datetime) -> int:
    return int(now.timestamp()) // WINDOW_SECONDS


def window_start(window: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(window * WINDOW_SECONDS, tz=datetime.UTC)


def issue(session_day_id: int, now: datetime.datetime) -> str:
    return signing.Signer(salt=_SALT).sign(f"{session_day_id}.{window_of(now)}")


def verify(token: str, now: datetime.datetime) -> QrClaim:
    try:
        value = signing.Signer(salt=_SALT).unsign(token)
        day_part, window_part = value.split(".")
        claim = QrClaim(int(day_part), int(window_part))
    except (signing.BadSignature, ValueError) as exc:
        raise QrTokenError(
            _("This code is not valid. Scan the code on the classroom screen again.")
        ) from exc
    current = window_of(now)
    accepted = {current - 1, current, window_of(now + CLOCK_SKEW)}
    if claim.window not in accepted:
        raise QrTokenError(
            _("This code has expired. Scan the code now shown on the classroom screen.")
        )
    return claim
