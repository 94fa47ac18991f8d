from __future__ import annotations

from django.urls import path

from talenthub.events import views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/mine/", views.my_events, name="my_events"),
    path("events/<int:event_id>/", views.event_detail, name="detail"),
    path("events/<int:event_id>/register/", views.event_register, name="register"),
    path("events/<int:event_id>/cancel/", views.event_cancel_registration, name="cancel"),
    path("manage/events/", views.manage_event_list, name="manage_list"),
    path("manage/events/new/", views.manage_event_create, name="manage_create"),
    path("manage/events/<int:event_id>/", views.manage_roster, name="manage_roster"),
    path("manage/events/<int:event_id>/edit/", views.manage_event_edit, name="manage_edit"),
    path("manage/events/<int:event_id>/attendance/", views.manage_mark, name="manage_mark"),
    path("manage/events/<int:event_id>/publish/", views.manage_publish, name="manage_publish"),
    path("manage/events/<int:event_id>/close/", views.manage_close, name="manage_close"),
    path("manage/events/<int:event_id>/cancel/", views.manage_cancel, name="manage_cancel"),
]
