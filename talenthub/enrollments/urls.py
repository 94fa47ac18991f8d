from __future__ import annotations

from django.urls import path

from talenthub.enrollments import views

app_name = "enrollments"
urlpatterns = [
    path("manage/cohorts/<int:cohort_id>/", views.cohort_roster, name="cohort_roster"),
]
