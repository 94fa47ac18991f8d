from __future__ import annotations

from django.urls import path

from talenthub.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("me/timeline/", views.my_timeline, name="my_timeline"),
    path("manage/people/", views.manage_people, name="manage_people"),
    path("manage/people/<int:person_id>/timeline/", views.person_timeline, name="person_timeline"),
]
