"""factory_boy factories for the core records, shared by every app's tests and the browser tests.

Test support sits in the top layer (talenthub.testing) because it builds records of every app."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import factory
from django.apps import apps


def _model(label: str) -> Any:
    return apps.get_model(label)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.User"
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.kr")
    name = factory.Sequence(lambda n: f"김교육{n}")
    mobile = factory.Sequence(lambda n: f"010-{1000 + n // 10000:04d}-{n % 10000:04d}")
    password = factory.django.Password("pw-Talent-2025!")
    is_active = True


class ConsortiumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hubs.Consortium"
        django_get_or_create = ("code",)

    code = "honam"
    name = "호남권"
    lead_agency = "광주정보문화산업진흥원"


class HubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hubs.Hub"
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"hub{n}")
    name = factory.Sequence(lambda n: f"테스트ICT이노베이션스퀘어 {n}")
    agency = factory.Sequence(lambda n: f"테스트진흥원 {n}")
    consortium = factory.SubFactory(ConsortiumFactory)


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hubs.Site"

    hub = factory.SubFactory(HubFactory)
    name = factory.Sequence(lambda n: f"교육장 {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "hubs.Membership"

    user = factory.SubFactory(UserFactory)
    hub = factory.SubFactory(HubFactory)
    role = "trainee"

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        from talenthub.hubs.services import membership_grant

        return membership_grant(user=kwargs["user"], hub=kwargs["hub"], role=kwargs["role"])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Organisation"

    hub = factory.SubFactory(HubFactory)
    kind = "company"
    name = factory.Sequence(lambda n: f"협력기업 {n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Agreement"

    organisation = factory.SubFactory(OrganisationFactory)
    scope = "교육 공동 운영"
    starts_on = datetime.date(2024, 3, 1)
    ends_on = datetime.date(2026, 2, 28)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.Course"

    hub = factory.SubFactory(HubFactory)
    code = factory.Sequence(lambda n: f"C{n:04d}")
    title = factory.Sequence(lambda n: f"AI 실무 과정 {n}")
    track = "ai"
    industry_domain = "general"
    level = "beginner"
    hours = 80
    description = "인공지능 기초부터 실무 프로젝트까지"


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.Cohort"

    course = factory.SubFactory(CourseFactory)
    number = factory.Sequence(lambda n: n + 1)
    starts_on = datetime.date(2025, 3, 3)
    ends_on = datetime.date(2025, 4, 25)
    capacity = 25
    status = "recruiting"
    site = factory.LazyAttribute(
        lambda o: _model("hubs.Site").objects.get_or_create(hub=o.course.hub, name="본관")[0]
    )


class SessionDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.SessionDay"

    cohort = factory.SubFactory(CohortFactory)
    date = factory.Sequence(lambda n: datetime.date(2025, 3, 3) + datetime.timedelta(days=n))
    starts_at = datetime.time(9, 0)
    ends_at = datetime.time(18, 0)
    hours = Decimal("8.0")


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "enrollments.Enrollment"

    cohort = factory.SubFactory(CohortFactory)
    user = factory.SubFactory(UserFactory)
    enrolled_on = factory.LazyAttribute(lambda o: o.cohort.starts_on)
    status = "enrolled"
