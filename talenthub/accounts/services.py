from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction

from talenthub.accounts.choices import EducationLevel, Gender
from talenthub.accounts.models import Profile, User
from talenthub.core.errors import DomainError
from talenthub.core.phones import InvalidPhoneError, normalize_mobile


def canonical_mobile(raw: str) -> str:
    if not raw.strip():
        return ""
    try:
        return normalize_mobile(raw)
    except InvalidPhoneError as exc:
        raise DomainError(exc.message, field="mobile") from exc


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


# Fields of a person that a roster (an import, an operator's edit) may set.
PERSON_FIELDS = frozenset({"name", "email", "mobile", "birth_date", "gender", "region"})


@transaction.atomic
def person_update(*, user: User, changes: Mapping[str, Any]) -> list[str]:
    """Set the given person fields; returns the names of those that actually changed."""
    unknown = set(changes) - PERSON_FIELDS
    if unknown:
        raise ValueError(f"not person fields: {sorted(unknown)}")
    cleaned = dict(changes)
    if "mobile" in cleaned:
        cleaned["mobile"] = canonical_mobile(str(cleaned["mobile"]))
    if "email" in cleaned:
        cleaned["email"] = User.objects.normalize_email(str(cleaned["email"])).lower()
    if "name" in cleaned:
        cleaned["name"] = str(cleaned["name"]).strip()
    if cleaned.get("gender", "") not in Gender.values:
        from django.utils.translation import gettext as _

        raise DomainError(_("Choose a gender from the list."), field="gender")
    changed = [field for field, value in cleaned.items() if getattr(user, field) != value]
    for field in changed:
        setattr(user, field, cleaned[field])
    if changed:
        user.full_clean(validate_unique=False, validate_constraints=False, exclude=["password"])
        user.save(update_fields=changed)
    return changed


@transaction.atomic
def profile_set(
    *,
    user: User,
    education: str | None = None,
    is_job_seeker: bool | None = None,
    is_neet: bool | None = None,
) -> list[str]:
    """Set the given profile facts (None leaves one as it is); returns the fields that changed."""
    if education is not None and education not in ("", *EducationLevel.values):
        from django.utils.translation import gettext as _

        raise DomainError(_("Choose an education level from the list."), field="education")
    profile = Profile.objects.select_for_update().filter(user=user).first()
    created = profile is None
    if profile is None:
        profile = Profile(user=user)
    wanted = {"education": education, "is_job_seeker": is_job_seeker, "is_neet": is_neet}
    changed = [
        field
        for field, value in wanted.items()
        if value is not None and getattr(profile, field) != value
    ]
    for field in changed:
        setattr(profile, field, wanted[field])
    if created and changed:
        profile.save()
    elif changed:
        profile.save(update_fields=[*changed, "updated_at"])
    return changed
