from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from talenthub.accounts.choices import EducationLevel, Gender


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person. Signs in with e-mail; the Korean full name is one field (성명), not first/last."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail"), unique=True)
    name = models.CharField(_("name"), max_length=50)
    mobile = models.CharField(
        _("mobile phone"), max_length=13, blank=True, help_text=_("Stored as 010-1234-5678")
    )
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True)
    region = models.CharField(_("region of residence"), max_length=40, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["name"]
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.UniqueConstraint(
                fields=["mobile"], condition=~models.Q(mobile=""), name="user_mobile_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(mobile="")
                | models.Q(mobile__regex=r"^01[016789]-[0-9]{3,4}-[0-9]{4}$"),
                name="user_mobile_canonical",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name


class Profile(models.Model):
    """What a training roster says about a person beyond the account: highest education and, as
    last reported, whether they seek a job and whether they are NEET youth (쉬었음 청년).

    The flags describe the person now; an enrolment copies them at entry (its `*_at_entry`
    fields), which is what the KPIs count."""

    user = models.OneToOneField(
        "accounts.User", verbose_name=_("person"), on_delete=models.CASCADE, related_name="profile"
    )
    education = models.CharField(
        _("highest education"), max_length=20, choices=EducationLevel.choices, blank=True
    )
    is_job_seeker = models.BooleanField(_("job-seeker"), default=False)
    is_neet = models.BooleanField(_("NEET youth"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(education="") | models.Q(education__in=EducationLevel.values),
                name="profile_education_valid",
            )
        ]

    def __str__(self) -> str:
        return str(self.user)
