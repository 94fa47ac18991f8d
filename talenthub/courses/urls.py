from __future__ import annotations

from django.urls import path

from talenthub.courses import views

app_name = "courses"
urlpatterns = [
    path("courses/", views.catalogue, name="catalogue"),
    path("courses/<int:course_id>/", views.course_detail, name="course_detail"),
    path("cohorts/<int:cohort_id>/", views.cohort_detail, name="cohort_detail"),
    path("manage/cohorts/", views.manage_cohort_list, name="manage_cohort_list"),
]
