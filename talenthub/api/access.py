"""Who may see what through the API, in one place (not pasted into each endpoint).

A request carries a token; the token acts as its owner, in its hub only, within its scopes and
within the owner's roles in that hub, as they are now (a revoked membership takes effect at once).
What a role sees follows the web pages: the hub's operators see the hub's records, instructors
their cohorts', trainees their own, the roll-up roles aggregates only. A record of another hub,
or one the token may not see, is a 404 — a miss and a refusal look the same."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from talenthub.accounts.models import User
from talenthub.api.choices import READ, READERS, WRITE, WRITERS, scope
from talenthub.api.models import ApiToken
from talenthub.courses.models import Cohort
from talenthub.courses.selectors import cohorts_in_hubs
from talenthub.enrollments.models import Application, Enrollment
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Hub, Membership
from talenthub.hubs.selectors import operated_hub_ids
from talenthub.outcomes.models import Outcome


class ForbiddenError(Exception):
    """The token lacks the scope, or its owner the role, for this (403)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Principal:
    token: ApiToken
    user: User
    hub: Hub
    scopes: frozenset[str]
    roles: frozenset[str]

    def has(self, role: str) -> bool:
        return role in self.roles

    @property
    def is_operator(self) -> bool:
        return Role.OPERATOR in self.roles


def principal_for(token: ApiToken) -> Principal:
    roles = set(
        Membership.objects.filter(user=token.user, hub=token.hub, is_active=True).values_list(
            "role", flat=True
        )
    )
    if token.user.is_superuser:
        roles.add(Role.OPERATOR)
    return Principal(token, token.user, token.hub, frozenset(token.scopes), frozenset(roles))


def require(principal: Principal, resource: str, *, write: bool = False) -> Principal:
    access = WRITE if write else READ
    if scope(resource, access) not in principal.scopes:
        raise ForbiddenError(
            _("This token has no %(scope)s permission.") % {"scope": scope(resource, access)}
        )
    allowed = (WRITERS if write else READERS).get(resource, frozenset())
    if not principal.roles & allowed:
        raise ForbiddenError(_("Your role in this hub does not give access to this."))
    return principal


# --- What each role sees, per resource ---------------------------------------------------------


def cohorts(principal: Principal) -> QuerySet[Cohort]:
    queryset = cohorts_in_hubs({principal.hub.pk})
    if principal.is_operator:
        return queryset
    return queryset.filter(instructors=principal.user)


def cohort(principal: Principal, cohort_id: int) -> Cohort:
    found = cohorts(principal).filter(pk=cohort_id).first()
    if found is None:
        raise Http404
    return found


def enrolments(principal: Principal) -> QuerySet[Enrollment]:
    queryset = Enrollment.objects.filter(cohort__course__hub=principal.hub)
    if principal.is_operator:
        return queryset
    if principal.has(Role.INSTRUCTOR):
        return queryset.filter(cohort__instructors=principal.user)
    return queryset.filter(user=principal.user)


def applications(principal: Principal) -> QuerySet[Application]:
    queryset = Application.objects.filter(cohort__course__hub=principal.hub)
    if principal.is_operator:
        return queryset
    return queryset.filter(user=principal.user)


def outcomes(principal: Principal) -> QuerySet[Outcome]:
    queryset = Outcome.objects.filter(hub=principal.hub)
    if principal.is_operator:
        return queryset
    return queryset.filter(user=principal.user)


def sees_people(principal: Principal) -> bool:
    """Whether the principal may see other people's records (names, contacts)."""
    return principal.is_operator or principal.has(Role.INSTRUCTOR)


# --- The token pages ---------------------------------------------------------------------------


def signed_in(user: User | AnonymousUser) -> User:
    if not isinstance(user, User) or not user.is_authenticated:
        raise Http404
    return user


def token_for_manager(user: User | AnonymousUser, token_id: int) -> ApiToken:
    """A token its owner may revoke, and so may the operators of its hub."""
    person = signed_in(user)
    token = ApiToken.objects.select_related("hub", "user").filter(pk=token_id).first()
    if token is None:
        raise Http404
    if token.user_id != person.pk and token.hub_id not in operated_hub_ids(person):
        raise Http404
    return token
