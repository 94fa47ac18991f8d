from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talenthub.core.phones import InvalidPhoneError, normalize_mobile

# The accounts.User check constraint `user_mobile_canonical`, as a Python regex.
CANONICAL = re.compile(r"^01[016789]-[0-9]{3,4}-[0-9]{4}$")
_TO_WIDE = str.maketrans(
    "0123456789-+", "".join(chr(0xFF10 + digit) for digit in range(10)) + "\uff0d\uff0b"
)


def _wide(text: str) -> str:
    """Digits, '-' and '+' in their full-width forms, as a Korean input method may type them."""
    return text.translate(_TO_WIDE)


@pytest.mark.parametrize(
    "raw",
    [
        "010-1234-5678",
        "01012345678",
        "010 1234 5678",
        "+82 10-1234-5678",
        "+82-10-1234-5678",
        "+821012345678",
        "82-10-1234-5678",
        _wide("82-10-1234-5678"),
        _wide("010-1234-5678"),
        _wide("01012345678"),
        "+" + _wide("82 10 1234 5678"),
        "  010-1234-5678  ",
        "010 - 1234 - 5678",
        "010-1234- 5678",
        "\t01012345678\n",
        "010\u00a01234\u00a05678",
        "010.1234.5678",
        "(010) 1234-5678",
        # international forms that keep the trunk 0, or write it in brackets
        "+82 010-1234-5678",
        "+82-010-1234-5678",
        "+8201012345678",
        "+82 (0)10-1234-5678",
        "82-010-1234-5678",
        "82 10 1234 5678",
        # the international call prefix written as digits
        "0082-10-1234-5678",
        "00182 10 1234 5678",
        "0082 010 1234 5678",
    ],
)
def test_every_written_form_of_a_mobile_number_becomes_the_canonical_one(raw):
    assert normalize_mobile(raw) == "010-1234-5678"


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("011-123-4567", "011-123-4567"),
        ("0111234567", "011-123-4567"),
        ("016 234 5678", "016-234-5678"),
        ("017-1234-5678", "017-1234-5678"),
        ("+82 18-123-4567", "018-123-4567"),
        ("019" + _wide("1234567"), "019-123-4567"),
    ],
)
def test_old_prefixes_keep_their_three_or_four_digit_middle_part(raw, canonical):
    assert normalize_mobile(raw) == canonical


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "abc",
        "010-abcd-5678",
        "010-1234-56789",
        "010-12-5678",
        "010-123",
        "012-1234-5678",
        "015-1234-5678",
        "02-1234-5678",
        "063-123-4567",
        "+82 2-1234-5678",
        "+1 010-1234-5678",
        "1588-1234",
        "110-1234-5678",
    ],
)
def test_a_number_that_is_not_a_korean_mobile_raises(raw):
    with pytest.raises(InvalidPhoneError):
        normalize_mobile(raw)


@pytest.mark.parametrize(
    ("raw", "reason", "says"),
    [
        ("02-1234-5678", "not_mobile", "is not a mobile phone number"),
        ("+82 2-1234-5678", "not_mobile", "is not a mobile phone number"),
        ("063-123-4567", "not_mobile", "is not a mobile phone number"),
        ("070-1234-5678", "not_mobile", "is not a mobile phone number"),
        ("1588-1234", "not_mobile", "is not a mobile phone number"),
        ("+1 010-1234-5678", "foreign", "is not a Korean number"),
        ("+44 7700 900123", "foreign", "is not a Korean number"),
        ("010-123", "malformed", "Not a Korean mobile number"),
        ("abc", "malformed", "Not a Korean mobile number"),
    ],
)
def test_the_error_says_why_the_number_was_refused(raw, reason, says):
    with pytest.raises(InvalidPhoneError) as raised:
        normalize_mobile(raw)

    assert raised.value.reason == reason
    assert says in raised.value.message
    assert raw in raised.value.message


def test_the_error_carries_the_input_as_given():
    with pytest.raises(InvalidPhoneError) as raised:
        normalize_mobile("02-1234-5678")

    assert raised.value.args == ("02-1234-5678",)


# --- Properties -----------------------------------------------------------------------------------

_digits = st.integers(min_value=0, max_value=9).map(str)


@st.composite
def canonical_numbers(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["010", "011", "016", "017", "018", "019"]))
    middle_length = 4 if prefix == "010" else draw(st.sampled_from([3, 4]))
    middle = "".join(draw(st.lists(_digits, min_size=middle_length, max_size=middle_length)))
    last = "".join(draw(st.lists(_digits, min_size=4, max_size=4)))
    return f"{prefix}-{middle}-{last}"


@st.composite
def written_forms(draw: st.DrawFn, canonical: str) -> str:
    """The number as people type it: other separators, +82, full-width digits, stray spaces."""
    prefix, middle, last = canonical.split("-")
    separator = draw(st.sampled_from(["-", " ", "", ".", " - "]))
    if draw(st.booleans()):
        country = draw(st.sampled_from(["+82", "82", "0082", "+82 "]))
        trunk = draw(st.sampled_from(["", "0", "(0)"]))  # +82 10-…, +82 010-…, +82 (0)10-…
        text = f"{country}{draw(st.sampled_from(['', ' ', '-']))}{trunk}{prefix[1:]}"
        text = f"{text}{separator}{middle}"
    else:
        text = f"{prefix}{separator}{middle}"
    text = f"{text}{separator}{last}"
    if draw(st.booleans()):
        text = _wide(text)
    padding = st.text(alphabet=" \t\u00a0\u3000", max_size=3)
    return f"{draw(padding)}{text}{draw(padding)}"


@given(canonical_numbers())
def test_normalising_a_canonical_number_returns_it_unchanged(number):
    assert normalize_mobile(number) == number


@given(st.data())
def test_every_written_form_of_a_number_normalises_to_its_canonical_form(data):
    number = data.draw(canonical_numbers())

    assert normalize_mobile(data.draw(written_forms(number))) == number


@given(st.from_regex(r"\A[ +\-.()0-9\uff10-\uff19]{0,20}\Z") | st.text(max_size=20))
def test_normalising_is_idempotent_and_gives_what_the_database_accepts(raw):
    try:
        once = normalize_mobile(raw)
    except InvalidPhoneError:
        return
    assert normalize_mobile(once) == once
    assert CANONICAL.match(once)
