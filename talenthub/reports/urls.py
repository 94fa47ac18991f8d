from __future__ import annotations

from django.urls import path

from talenthub.reports import exports, views

app_name = "reports"
urlpatterns = [
    path("reports/", views.index, name="index"),
    path("reports/hubs/<slug:hub>/", views.hub_dashboard, name="hub"),
    path("reports/hubs/<slug:hub>/kpis/<slug:kpi>/", views.hub_drill, name="hub_drill"),
    path("reports/hubs/<slug:hub>/annual-<int:year>.xlsx", exports.hub_xlsx, name="hub_xlsx"),
    path("reports/hubs/<slug:hub>/annual-<int:year>.pdf", exports.hub_pdf, name="hub_pdf"),
    path("reports/hubs/<slug:hub>/kpis.<slug:fmt>", exports.hub_kpis, name="hub_kpis"),
    path(
        "reports/hubs/<slug:hub>/press-release-<int:year>/",
        exports.press_release,
        name="press_release",
    ),
    path("reports/consortia/<slug:consortium>/", views.consortium_dashboard, name="consortium"),
    path(
        "reports/consortia/<slug:consortium>/kpis/<slug:kpi>/",
        views.consortium_drill,
        name="consortium_drill",
    ),
    path(
        "reports/consortia/<slug:consortium>/kpis.<slug:fmt>",
        exports.consortium_kpis,
        name="consortium_kpis",
    ),
    path("reports/national/", views.national_dashboard, name="national"),
    path("reports/national/kpis.<slug:fmt>", exports.national_kpis, name="national_kpis"),
    path("reports/national/kpis/<slug:kpi>/", views.national_drill, name="national_drill"),
    path("reports/national/annual-<int:year>.xlsx", exports.national_xlsx, name="national_xlsx"),
    path("kpi/", views.public, name="public"),
    path("kpi/figures/<slug:kpi>/", views.public_drill, name="public_drill"),
    path("kpi/figures.<slug:fmt>", exports.public_kpis, name="public_kpis"),
    path("kpi/definitions/", views.definitions, name="definitions"),
    path("kpi/definitions/<slug:kpi>/", views.definition, name="definition"),
]
