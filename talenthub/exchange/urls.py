from __future__ import annotations

from django.urls import path

from talenthub.exchange import views

app_name = "exchange"
urlpatterns = [
    path("manage/imports/", views.import_list, name="import_list"),
    path("manage/imports/<int:run_id>/", views.import_detail, name="import_detail"),
    path("manage/imports/<int:run_id>/progress/", views.import_progress, name="import_progress"),
    path("manage/imports/<int:run_id>/commit/", views.import_commit, name="import_commit"),
    path("manage/imports/<int:run_id>/check/", views.import_recheck, name="import_recheck"),
    path(
        "manage/imports/templates/<slug:kind>.xlsx",
        views.import_template,
        name="import_template",
    ),
    path("manage/exports/", views.export_index, name="export_index"),
    path("manage/exports/<slug:dataset>.<slug:fmt>", views.export_download, name="export_download"),
]
