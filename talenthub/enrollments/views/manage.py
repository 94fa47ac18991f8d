"""Screening and selection pages for a hub's operators and invited reviewers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talenthub.core.errors import DomainError
from talenthub.enrollments import access
from talenthub.enrollments.choices import OperatorDecision
from talenthub.enrollments.forms import (
    ApplicationFilterForm,
    DecisionForm,
    ReviewerInviteForm,
    ScoreForm,
)
from talenthub.enrollments.selectors import (
    cohorts_reviewed_by,
    criteria_of,
    notifications_in_hubs,
    ranked_applications,
    reviewers_of,
    scores_given,
    seat_state,
    status_counts,
    waitlist_of,
)
from talenthub.enrollments.services import (
    applications_decide,
    reviewer_invite,
    reviewer_remove,
    scores_submit,
    waitlist_fill,
)
from talenthub.enrollments.views.applicant import person


@require_GET
@login_required
def cohort_applications(request: HttpRequest, cohort_id: int) -> HttpResponse:
    review = access.cohort_for_review(request.user, cohort_id)
    filters = ApplicationFilterForm(request.GET or None)
    status = filters.cleaned_data.get("status", "") if filters.is_valid() else ""
    context = {
        "review": review,
        "cohort": review.cohort,
        "filters": filters,
        "ranked": ranked_applications(review.cohort, review.form, status),
        "criteria": criteria_of(review.form),
        "counts": status_counts(review.cohort),
        "seats": seat_state(review.cohort),
        "waitlist": waitlist_of(review.cohort) if review.may_decide else [],
        "decisions": OperatorDecision.choices,
    }
    return render(request, "enrollments/cohort_applications.html", context)


@require_POST
@login_required
def applications_decide_view(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = access.cohort_for_deciding(request.user, cohort_id)
    form = DecisionForm(request.POST, cohort_id=cohort.pk)
    if not form.is_valid():
        messages.error(request, _("Pick applications, a decision and give a reason."))
        return redirect("enrollments:cohort_applications", cohort.pk)
    outcome = applications_decide(
        cohort=cohort,
        application_ids=[application.pk for application in form.cleaned_data["applications"]],
        decision=OperatorDecision(form.cleaned_data["decision"]),
        actor=person(request),
        reason=form.cleaned_data["reason"],
    )
    if outcome.done:
        count = len(outcome.done)
        messages.success(
            request,
            ngettext("%(n)d application decided.", "%(n)d applications decided.", count)
            % {"n": count},
        )
    for application, message in outcome.refused:
        messages.error(request, f"{application.user.name}: {message}")
    decided = [application.pk for application in form.cleaned_data["applications"]]
    if request.POST.get("back") == "review" and len(decided) == 1:
        return redirect("enrollments:application_review", decided[0])
    return redirect("enrollments:cohort_applications", cohort.pk)


@require_POST
@login_required
def waitlist_offer(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = access.cohort_for_deciding(request.user, cohort_id)
    offered = waitlist_fill(cohort=cohort)
    messages.success(
        request,
        ngettext("%(n)d seat offered.", "%(n)d seats offered.", len(offered)) % {"n": len(offered)},
    )
    return redirect("enrollments:cohort_applications", cohort.pk)


@require_http_methods(["GET", "POST"])
@login_required
def application_review(request: HttpRequest, application_id: int) -> HttpResponse:
    application, review = access.application_for_review(request.user, application_id)
    criteria = criteria_of(review.form)
    given = scores_given(application, person(request).pk)
    form = ScoreForm(request.POST or None, criteria=criteria, given=given)
    if request.method == "POST" and form.is_valid():
        try:
            scores_submit(application=application, reviewer=person(request), values=form.values())
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Your scores have been saved."))
            return redirect("enrollments:application_review", application.pk)
    context = {"application": application, "review": review, "form": form, "criteria": criteria}
    context["decisions"] = OperatorDecision.choices
    return render(request, "enrollments/application_review.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def cohort_reviewers(request: HttpRequest, cohort_id: int) -> HttpResponse:
    review = access.cohort_for_review(request.user, cohort_id)
    if not review.may_decide:
        raise Http404
    form = ReviewerInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reviewer_invite(
            form=review.form, user=form.cleaned_data["email"], invited_by=person(request)
        )
        messages.success(request, _("The reviewer has been invited."))
        return redirect("enrollments:cohort_reviewers", review.cohort.pk)
    context = {"review": review, "cohort": review.cohort, "form": form}
    context["reviewers"] = reviewers_of(review.form)
    return render(request, "enrollments/cohort_reviewers.html", context)


@require_POST
@login_required
def reviewer_remove_view(request: HttpRequest, reviewer_id: int) -> HttpResponse:
    reviewer = access.reviewer_for_operator(request.user, reviewer_id)
    cohort_id = reviewer.form.cohort_id
    reviewer_remove(reviewer=reviewer)
    messages.success(request, _("The reviewer has been removed."))
    return redirect("enrollments:cohort_reviewers", cohort_id)


@require_GET
@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    cohorts = cohorts_reviewed_by(person(request).pk)
    return render(request, "enrollments/review_queue.html", {"cohorts": cohorts})


@require_GET
@login_required
def notification_log(request: HttpRequest) -> HttpResponse:
    hub_ids = access.operator_hub_ids(request.user)
    cohort_id = request.GET.get("cohort", "")
    rows = notifications_in_hubs(hub_ids, int(cohort_id) if cohort_id.isdigit() else None)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    query = f"cohort={cohort_id}" if cohort_id.isdigit() else ""
    return render(request, "enrollments/notification_log.html", {"page": page, "query": query})


@require_GET
@login_required
def notification_detail(request: HttpRequest, notification_id: int) -> HttpResponse:
    hub_ids = access.operator_hub_ids(request.user)
    notification = notifications_in_hubs(hub_ids).filter(pk=notification_id).first()
    if notification is None:
        raise Http404
    return render(request, "enrollments/notification_detail.html", {"notification": notification})
