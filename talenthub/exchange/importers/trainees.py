"""교육생: people of the hub, keyed by mobile phone or e-mail.

A new person is created with the hub's trainee role; a known one is updated. A person whom
another hub also knows is only completed (blank fields filled), never overwritten: one hub's file
must not rewrite what another hub recorded. E-mail addresses of existing people are never changed
by a file, because the e-mail is the sign-in (a changed address would hand the account over)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

from talenthub.accounts.models import Profile, User
from talenthub.accounts.services import person_update, profile_set, user_create
from talenthub.enrollments.selectors import people_in_hubs
from talenthub.exchange import values
from talenthub.exchange.choices import ImportKind, RowAction
from talenthub.exchange.importers.base import Column, Importer, Outcome, Row, RowError
from talenthub.exchange.importers.lookups import EMAIL, MOBILE, People, contact_of
from talenthub.exchange.importers.vocabulary import EDUCATION, GENDER
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Hub, Membership
from talenthub.hubs.services import membership_grant

PERSON_KEYS = ("name", "mobile", "birth_date", "gender", "region")
PROFILE_KEYS = {"education": "education", "job_seeker": "is_job_seeker", "neet": "is_neet"}


class TraineesImporter(Importer):
    kind = ImportKind.TRAINEES
    columns = (
        Column(
            "name",
            "이름",
            lambda raw: values.limited(raw, 50),
            aliases=("성명", "교육생명", "훈련생명", "수강생명", "name", "full name"),
            required=True,
            mandatory=True,
            help=_("Full name."),
            example="홍길동",
        ),
        MOBILE,
        EMAIL,
        Column(
            "birth_date",
            "생년월일",
            values.date,
            aliases=("생일", "birth date", "date of birth", "birthdate"),
            help=_("Date of birth: 2025-03-04, 2025.03.04, 2025/3/4, 20250304 or a date cell."),
            example="1999-05-17",
        ),
        Column(
            "gender",
            "성별",
            GENDER.parser,
            aliases=("gender", "sex"),
            help=_("남 or 여 (M or F)."),
            example="여",
        ),
        Column(
            "region",
            "거주지(시군구)",
            lambda raw: values.limited(raw, 40),
            aliases=("거주지", "시군구", "주소", "region", "region of residence"),
            help=_("City or county of residence, e.g. 전주시 덕진구."),
            example="전주시 덕진구",
        ),
        Column(
            "education",
            "최종학력",
            EDUCATION.parser,
            aliases=("학력", "education"),
            help=_("고졸, 대학 재학, 전문대졸, 대졸 or 대학원."),
            example="대졸",
        ),
        Column(
            "job_seeker",
            "구직희망(Y/N)",
            values.yes_no,
            aliases=("구직희망", "구직여부", "구직희망여부", "job seeker", "job-seeker"),
            help=_("Y if the person wants a job (the base of the jobs KPI), else N."),
            example="Y",
        ),
        Column(
            "neet",
            "쉬었음청년(Y/N)",
            values.yes_no,
            aliases=("쉬었음청년", "쉬었음", "쉬었음청년여부", "neet"),
            help=_("Y for young people neither working nor studying (쉬었음 청년), else N."),
            example="N",
        ),
    )
    contact_keys = ("mobile", "email")
    field_columns = {"mobile": "mobile", "email": "email", "gender": "gender", "name": "name"}

    def __init__(self, *, hub: Hub, **kwargs: Any) -> None:
        super().__init__(hub=hub, **kwargs)
        self.people = People()
        self.shared: set[int] = set()
        self.members: set[int] = set()
        self.profiles: set[int] = set()

    def natural_key(self, row: Row) -> Sequence[tuple[str, Any]]:
        mobile, email = contact_of(row)
        return [(self.header_of("mobile"), mobile), (self.header_of("email"), email)]

    def label(self, row: Row) -> str:
        mobile, email = contact_of(row)
        return " · ".join(str(v) for v in (row["name"], mobile or email) if v)

    def prepare(self, rows: Sequence[Row]) -> None:
        self.people.load(rows)
        known = [u.pk for u in {*self.people.by_mobile.values(), *self.people.by_email.values()}]
        others = set(Hub.objects.exclude(pk=self.hub.pk).values_list("id", flat=True))
        self.shared = set()
        for start in range(0, len(known), 400):
            chunk = known[start : start + 400]
            self.shared |= set(
                people_in_hubs(others).filter(pk__in=chunk).values_list("id", flat=True)
            )
        self.members = set(
            Membership.objects.filter(
                hub=self.hub, role=Role.TRAINEE, is_active=True, user_id__in=known
            ).values_list("user_id", flat=True)
        )
        self.profiles = set(
            Profile.objects.filter(user_id__in=known).values_list("user_id", flat=True)
        )

    def apply(self, row: Row) -> Outcome:
        person = self.people.find(row)
        if person is None:
            return self._create(row)
        return self._update(person, row)

    def _profile(self, row: Row) -> dict[str, Any]:
        return {
            field: row[key]
            for key, field in PROFILE_KEYS.items()
            if key in self.positions and row[key] is not None
        }

    def _create(self, row: Row) -> Outcome:
        mobile, email = contact_of(row)
        if not email:
            raise RowError("email_needed", "email")
        person = user_create(
            email=email,
            name=row["name"],
            mobile=mobile or "",
            birth_date=row["birth_date"],
            gender=row["gender"] or "",
            region=row["region"] or "",
        )
        membership_grant(user=person, hub=self.hub, role=Role.TRAINEE)
        profile_set(user=person, **self._profile(row))
        self.people.add(person)
        self.members.add(person.pk)
        return Outcome(RowAction.CREATE, self.label(row))

    def _update(self, person: User, row: Row) -> Outcome:
        _mobile, email = contact_of(row)
        wanted = {key: row[key] for key in PERSON_KEYS if key in self.positions and row[key]}
        kept: list[str] = []
        if person.pk in self.shared:
            for key in list(wanted):
                if getattr(person, key) not in (None, "") and getattr(person, key) != wanted[key]:
                    kept.append(key)
                    del wanted[key]
        if email and email != person.email.lower():
            self.report.warning(row.number, self.header_of("email"), "email_kept")
        changed = person_update(user=person, changes=wanted)
        profile = self._profile(row)
        if person.pk in self.shared and person.pk in self.profiles:
            kept.extend(key for key, f in PROFILE_KEYS.items() if f in profile)
            profile = {}
        changed_profile = profile_set(user=person, **profile)
        changed += [key for key, f in PROFILE_KEYS.items() if f in changed_profile]
        if person.pk not in self.members:
            membership_grant(user=person, hub=self.hub, role=Role.TRAINEE)
            self.members.add(person.pk)
            changed.append("hub")
        if kept:
            fields = ", ".join(self.header_of(key) for key in kept)
            self.report.warning(row.number, "", "kept_other_hub", fields=fields)
        self.people.add(person)
        action = RowAction.UPDATE if changed else RowAction.UNCHANGED
        labels = [self.header_of(key) for key in changed if key != "hub"]
        if "hub" in changed:
            labels.append(str(_("trainee of this hub")))
        return Outcome(action, self.label(row), labels)
