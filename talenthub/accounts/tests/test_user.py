from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from talenthub.accounts.models import User
from talenthub.accounts.services import canonical_mobile, user_create, user_update_profile
from talenthub.core.errors import DomainError

pytestmark = pytest.mark.django_db


def _raw_create(email: str, mobile: str = "") -> User:
    """A row written without the manager or the services (as a bulk import or a shell might)."""
    return User.objects.create(email=email, name="김교육", mobile=mobile)


def test_two_emails_differing_only_in_case_cannot_both_be_stored():
    _raw_create("A@x.kr")

    with pytest.raises(IntegrityError), transaction.atomic():
        _raw_create("a@x.kr")

    assert list(User.objects.values_list("email", flat=True)) == ["A@x.kr"]


def test_the_case_insensitive_uniqueness_holds_whichever_is_stored_first():
    _raw_create("trainee@jeonju.kr")

    with pytest.raises(IntegrityError), transaction.atomic():
        _raw_create("Trainee@Jeonju.KR")


def test_the_manager_stores_the_email_in_lower_case():
    user = User.objects.create_user(email="Hong.GilDong@Example.KR", name="홍길동")

    assert user.email == "hong.gildong@example.kr"


def test_a_mobile_number_cannot_be_stored_in_a_non_canonical_form():
    user = _raw_create("a@x.kr", mobile="010-1234-5678")

    # All fit the column (13 characters), so the check constraint is what refuses them.
    for raw in ("01012345678", "010 1234 5678", "+821012345678", "02-123-4567", "010-1234-567"):
        with pytest.raises(IntegrityError), transaction.atomic():
            User.objects.filter(pk=user.pk).update(mobile=raw)

    user.refresh_from_db()
    assert user.mobile == "010-1234-5678"


@pytest.mark.parametrize("mobile", ["", "010-1234-5678", "011-123-4567", "019-9876-5432"])
def test_an_empty_or_canonical_mobile_number_is_stored(mobile):
    user = _raw_create("a@x.kr")

    User.objects.filter(pk=user.pk).update(mobile=mobile)

    user.refresh_from_db()
    assert user.mobile == mobile


def test_a_mobile_number_belongs_to_one_person_only():
    _raw_create("a@x.kr", mobile="010-1234-5678")

    with pytest.raises(IntegrityError), transaction.atomic():
        _raw_create("b@x.kr", mobile="010-1234-5678")


def test_many_people_may_have_no_mobile_number():
    _raw_create("a@x.kr")
    _raw_create("b@x.kr")

    assert User.objects.filter(mobile="").count() == 2


def test_user_create_stores_the_mobile_number_in_canonical_form():
    user = user_create(email="Trainee@Jeonju.kr", name="  홍길동 ", mobile="+82 10 1234 5678")

    user.refresh_from_db()
    assert (user.email, user.name, user.mobile) == ("trainee@jeonju.kr", "홍길동", "010-1234-5678")


def test_user_create_without_a_mobile_number_stores_an_empty_one():
    user = user_create(email="a@x.kr", name="홍길동", mobile="   ")

    assert user.mobile == ""


def test_user_create_sets_a_usable_password_when_given_one():
    user = user_create(email="a@x.kr", name="홍길동", password="pw-Talent-2025!")

    assert user.check_password("pw-Talent-2025!") is True


def test_user_create_refuses_a_bad_mobile_number_naming_the_field_and_saves_nothing():
    with pytest.raises(DomainError) as raised:
        user_create(email="a@x.kr", name="홍길동", mobile="02-123-4567")

    assert raised.value.field == "mobile"
    assert "02-123-4567" in raised.value.message
    assert User.objects.count() == 0


def test_user_update_profile_normalises_the_mobile_number():
    user = user_create(email="a@x.kr", name="홍길동")

    user_update_profile(user=user, name=" 홍길순 ", mobile="010 9876 5432", region=" 전주시 ")

    user.refresh_from_db()
    assert (user.name, user.mobile, user.region) == ("홍길순", "010-9876-5432", "전주시")


def test_user_update_profile_refuses_a_bad_mobile_number_and_keeps_the_old_one():
    user = user_create(email="a@x.kr", name="홍길동", mobile="010-1234-5678")

    with pytest.raises(DomainError) as raised:
        user_update_profile(user=user, name="홍길동", mobile="1234")

    assert raised.value.field == "mobile"
    user.refresh_from_db()
    assert user.mobile == "010-1234-5678"


def test_canonical_mobile_of_blank_input_is_empty():
    assert canonical_mobile("  ") == ""


def test_an_international_mobile_number_with_its_trunk_zero_is_stored_canonically():
    user = user_create(email="a@x.kr", name="홍길동", mobile="+82 010-1234-5678")

    assert user.mobile == "010-1234-5678"


def test_a_landline_is_refused_with_a_message_that_asks_for_a_mobile():
    with pytest.raises(DomainError) as raised:
        canonical_mobile("02-1234-5678")

    assert raised.value.field == "mobile"
    assert "02-1234-5678 is not a mobile phone number" in str(raised.value.message)
