"""KPI arithmetic on plain numbers, no ORM: ratios as exact fractions, rounded only for display.

Rounding is half-up (ties away from zero) to one decimal place, done on exact integers so that
83.25 % shows as 83.3 on every database and never as 83.2 through a binary float."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

PLACES = 1


def round_half_up(value: Fraction, places: int = PLACES) -> Decimal:
    scaled = abs(value) * 10**places
    whole, remainder = divmod(scaled.numerator, scaled.denominator)
    if 2 * remainder >= scaled.denominator:
        whole += 1
    sign = -1 if value < 0 else 1
    return Decimal(sign * whole).scaleb(-places)


def ratio(numerator: int, denominator: int) -> Fraction | None:
    """numerator / denominator, or None when there is nothing to divide by (never 0 %)."""
    if denominator <= 0:
        return None
    return Fraction(numerator, denominator)


def percent(numerator: int, denominator: int, places: int = PLACES) -> Decimal | None:
    value = ratio(numerator, denominator)
    return None if value is None else round_half_up(value * 100, places)
