from __future__ import annotations

from django.urls import path

from talenthub.surveys import views

app_name = "surveys"
urlpatterns = [
    path("manage/surveys/", views.survey_list, name="survey_list"),
    path("manage/surveys/comments/", views.comment_search, name="comment_search"),
    path("manage/surveys/<int:survey_id>/", views.survey_results, name="results"),
    path("manage/surveys/<int:survey_id>/send/", views.survey_send, name="send"),
    path("manage/surveys/<int:survey_id>/remind/", views.survey_remind, name="remind"),
    path("manage/surveys/<int:survey_id>/close/", views.survey_close, name="close"),
    path("manage/surveys/<int:survey_id>/export.xlsx", views.survey_export, name="export"),
    path("manage/cohorts/<int:cohort_id>/surveys/new/", views.survey_create, name="survey_create"),
    path(
        "manage/events/<int:event_id>/surveys/new/",
        views.event_survey_create,
        name="event_survey_create",
    ),
    path("surveys/mine/", views.my_surveys, name="my_surveys"),
    path("surveys/scores/", views.scores, name="scores"),
    path("s/<str:token>/", views.respond, name="respond"),
]
