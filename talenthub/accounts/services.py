from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from talenthub.accounts.models import User
from talenthub.core.errors import DomainError
from talenthub.core.phones import InvalidPhoneError, normalize_mobile


def canonical_mobile(raw: str) -> str:
    if not raw.strip():
        return ""
    try:
        return normalize_mobile(raw)
    except InvalidPhoneError as exc:
        from django.utils.translation import gettext as _

        raise DomainError(
            _("Not a Korean mobile number: %(value)s") % {"value": raw}, field="mobile"
        ) from exc


@transaction.atomic
def user_create(
    *,
    email: str,
    name: str,
    password: str | None = None,
    mobile: str = "",
    birth_date: datetime.date | None = None,
    gender: str = "",
    region: str = "",
    **extra: Any,
) -> User:
    return User.objects.create_user(
        email=email,
        password=password,
        name=name.strip(),
        mobile=canonical_mobile(mobile),
        birth_date=birth_date,
        gender=gender,
        region=region,
        **extra,
    )


@transaction.atomic
def user_update_profile(*, user: User, name: str, mobile: str, region: str = "") -> User:
    user.name = name.strip()
    user.mobile = canonical_mobile(mobile)
    user.region = region.strip()
    user.save(update_fields=["name", "mobile", "region"])
    return user
