from __future__ import annotations

from django.urls import path

from talenthub.enrollments import views

app_name = "enrollments"
urlpatterns = [
    # Applicants
    path("cohorts/<int:cohort_id>/apply/", views.apply, name="apply"),
    path("me/applications/", views.my_applications, name="my_applications"),
    path("me/applications/<int:application_id>/", views.my_application, name="my_application"),
    path("me/applications/<int:application_id>/withdraw/", views.withdraw, name="withdraw"),
    path("me/applications/<int:application_id>/offer/", views.offer_respond, name="offer_respond"),
    # Files: the applicant, the hub's operators and invited reviewers
    path(
        "applications/<int:application_id>/resume/", views.resume_download, name="resume_download"
    ),
    path("answers/<int:answer_id>/file/", views.answer_download, name="answer_download"),
    # Operators and reviewers
    path("manage/cohorts/<int:cohort_id>/", views.cohort_roster, name="cohort_roster"),
    path(
        "manage/cohorts/<int:cohort_id>/applications/",
        views.cohort_applications,
        name="cohort_applications",
    ),
    path(
        "manage/cohorts/<int:cohort_id>/applications/decide/",
        views.applications_decide_view,
        name="applications_decide",
    ),
    path(
        "manage/cohorts/<int:cohort_id>/waitlist/offer/",
        views.waitlist_offer,
        name="waitlist_offer",
    ),
    path(
        "manage/cohorts/<int:cohort_id>/reviewers/",
        views.cohort_reviewers,
        name="cohort_reviewers",
    ),
    path(
        "manage/reviewers/<int:reviewer_id>/remove/",
        views.reviewer_remove_view,
        name="reviewer_remove",
    ),
    path(
        "manage/applications/<int:application_id>/",
        views.application_review,
        name="application_review",
    ),
    path("manage/notifications/", views.notification_log, name="notification_log"),
    path(
        "manage/notifications/<int:notification_id>/",
        views.notification_detail,
        name="notification_detail",
    ),
    path("review/", views.review_queue, name="review_queue"),
]
