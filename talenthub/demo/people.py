"""Made-up people with Korean names, unique demo e-mails and unique mobile numbers."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from talenthub.accounts.choices import Gender
from talenthub.demo.vocabulary import AGE_BANDS, GIVEN_NAMES, SURNAMES

# People born from 1995 on mostly carry the names popular since then.
_YOUNG_NAMES_FROM = 1995


@dataclass(eq=False)
class PersonPlan:
    email: str
    name: str
    mobile: str
    birth_date: datetime.date
    gender: str
    region: str
    # When the person is next free to start a course (the end of their last one).
    free_from: datetime.date = datetime.date.min
    joined_on: datetime.date | None = None


class PeopleMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._mobiles: set[str] = set()
        self._sequence = 0
        self._surnames = [(name, roman) for name, roman, _ in SURNAMES]
        self._surname_weights = [share for _, _, share in SURNAMES]

    def mobile(self) -> str:
        while True:
            # Real 010 numbers have a middle part from 2000 to 9999.
            number = self.rng.randrange(2000_0000, 1_0000_0000)
            mobile = f"010-{number // 10000:04d}-{number % 10000:04d}"
            if mobile not in self._mobiles:
                self._mobiles.add(mobile)
                return mobile

    def age(self) -> int:
        low, high, _ = self.rng.choices(AGE_BANDS, weights=[band[2] for band in AGE_BANDS])[0]
        return self.rng.randint(low, high)

    def full_name(self, gender: str, young: bool) -> tuple[str, str]:
        """A Korean full name (surname first) and its romanisation, given name first."""
        rng = self.rng
        surname, surname_roman = rng.choices(self._surnames, weights=self._surname_weights)[0]
        given, given_roman = rng.choice(GIVEN_NAMES[(gender, young)])
        return surname + given, f"{given_roman}.{surname_roman}"

    def person(
        self,
        *,
        domain: str,
        residences: tuple[tuple[str, int], ...],
        on: datetime.date,
        age: int | None = None,
    ) -> PersonPlan:
        """A new person aged `age` (drawn when None) on day `on`, living in one of `residences`."""
        rng = self.rng
        years = self.age() if age is None else age
        birth_date = on - datetime.timedelta(days=int(years * 365.25) + rng.randint(0, 364))
        gender = Gender.MALE.value if rng.random() < 0.58 else Gender.FEMALE.value
        name, roman = self.full_name(gender, birth_date.year >= _YOUNG_NAMES_FROM)
        self._sequence += 1
        region = rng.choices(
            [place for place, _ in residences], weights=[weight for _, weight in residences]
        )[0]
        return PersonPlan(
            email=f"{roman}{self._sequence:05d}@{domain}",
            name=name,
            mobile=self.mobile(),
            birth_date=birth_date,
            gender=gender,
            region=region,
        )
