from __future__ import annotations

from django.urls import path

from talenthub.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("manage/outcomes/", views.manage_outcome_list, name="manage_outcome_list"),
    path(
        "manage/outcomes/<int:outcome_id>/",
        views.manage_outcome_detail,
        name="manage_outcome_detail",
    ),
    path(
        "manage/outcomes/<int:outcome_id>/verify/",
        views.manage_outcome_verify,
        name="manage_outcome_verify",
    ),
    path(
        "manage/outcomes/<int:outcome_id>/evidence/",
        views.manage_outcome_evidence,
        name="manage_outcome_evidence",
    ),
    path("outcomes/evidence/<int:evidence_id>/", views.evidence_download, name="evidence_download"),
    path("manage/follow-ups/", views.manage_follow_up_list, name="manage_follow_up_list"),
    path(
        "manage/follow-ups/<int:follow_up_id>/close/",
        views.manage_follow_up_close,
        name="manage_follow_up_close",
    ),
    path("outcomes/report/<str:token>/", views.follow_up_report, name="follow_up_report"),
    path("me/outcomes/", views.my_outcomes, name="my_outcomes"),
    path(
        "me/outcomes/<int:outcome_id>/evidence/",
        views.my_outcome_evidence,
        name="my_outcome_evidence",
    ),
]
