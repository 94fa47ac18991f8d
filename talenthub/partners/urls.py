from __future__ import annotations

from django.urls import path

from talenthub.partners import views

app_name = "partners"
urlpatterns = [
    path("manage/partners/", views.manage_list, name="manage_list"),
    path("partner/", views.my_organisations, name="my_organisations"),
    path("partners/<int:organisation_id>/", views.organisation_detail, name="organisation_detail"),
    path(
        "partners/<int:organisation_id>/contacts/",
        views.contact_create,
        name="contact_create",
    ),
]
