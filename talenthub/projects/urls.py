from __future__ import annotations

from django.urls import path

from talenthub.projects import views

app_name = "projects"
urlpatterns = [
    # Company users (partner organisations)
    path("partner/projects/", views.company_project_list, name="company_project_list"),
    path("partner/projects/new/", views.company_project_propose, name="company_project_propose"),
    path(
        "partner/projects/<int:project_id>/",
        views.company_project_detail,
        name="company_project_detail",
    ),
    path(
        "partner/projects/<int:project_id>/applications/<int:application_id>/select/",
        views.company_application_select,
        name="company_application_select",
    ),
    path(
        "partner/projects/<int:project_id>/applications/<int:application_id>/evaluate/",
        views.company_application_evaluate,
        name="company_application_evaluate",
    ),
    path(
        "partner/projects/<int:project_id>/applications/<int:application_id>/hire/",
        views.company_application_hire,
        name="company_application_hire",
    ),
    path(
        "partner/projects/<int:project_id>/log/<slug:kind>/",
        views.company_project_log,
        name="company_project_log",
    ),
    path("partner/jobs/", views.company_job_list, name="company_job_list"),
    path("partner/jobs/new/", views.company_job_create, name="company_job_create"),
    path("partner/jobs/<int:posting_id>/", views.company_job_detail, name="company_job_detail"),
    path(
        "partner/jobs/<int:posting_id>/applications/<int:application_id>/stage/",
        views.company_job_stage,
        name="company_job_stage",
    ),
    path(
        "partner/jobs/<int:posting_id>/applications/<int:application_id>/resume/",
        views.company_job_resume,
        name="company_job_resume",
    ),
    # Operators
    path("manage/projects/", views.manage_project_list, name="manage_project_list"),
    path(
        "manage/projects/<int:project_id>/",
        views.manage_project_detail,
        name="manage_project_detail",
    ),
    path(
        "manage/projects/<int:project_id>/decide/",
        views.manage_project_decide,
        name="manage_project_decide",
    ),
    # Trainees and graduates
    path("projects/", views.trainee_project_list, name="trainee_project_list"),
    path("projects/<int:project_id>/", views.trainee_project_detail, name="trainee_project_detail"),
    path(
        "projects/<int:project_id>/apply/",
        views.trainee_project_apply,
        name="trainee_project_apply",
    ),
    path(
        "projects/<int:project_id>/hours/",
        views.trainee_practicum_log,
        name="trainee_practicum_log",
    ),
    path("jobs/", views.graduate_job_list, name="graduate_job_list"),
    path("jobs/<int:posting_id>/", views.graduate_job_detail, name="graduate_job_detail"),
    # Operators and the organisation's own people
    path(
        "partners/<int:organisation_id>/history/",
        views.partner_history,
        name="partner_history",
    ),
]
