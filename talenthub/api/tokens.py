"""Personal access tokens as strings: `th_<prefix>_<secret>`. Only a SHA-256 of the whole token
is stored; the prefix (not secret) finds the row. A token carries 256 bits of randomness, so a
fast hash is enough (a slow password hash protects guessable secrets, which these are not)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

PREFIX_LENGTH = 8
_PATTERN = re.compile(r"^th_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def generate() -> tuple[str, str]:
    """A new token and its prefix."""
    prefix = "".join(secrets.choice(_ALPHABET) for _ in range(PREFIX_LENGTH))
    return f"th_{prefix}_{secrets.token_urlsafe(32)}", prefix


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def prefix_of(token: str) -> str | None:
    match = _PATTERN.match(token.strip())
    return match.group(1) if match else None


def matches(token: str, stored_digest: str) -> bool:
    return hmac.compare_digest(digest(token.strip()), stored_digest)
