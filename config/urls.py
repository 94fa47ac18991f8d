from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from talenthub.api.main import api

admin.site.site_header = _("TalentHub back office")
admin.site.site_title = _("TalentHub back office")
admin.site.index_title = _("Hub records")

urlpatterns = [
    path("", include("talenthub.portal.urls")),
    path("", include("talenthub.courses.urls")),
    path("", include("talenthub.enrollments.urls")),
    path("", include("talenthub.surveys.urls")),
    path("", include("talenthub.partners.urls")),
    path("", include("talenthub.projects.urls")),
    path("", include("talenthub.events.urls")),
    path("", include("talenthub.outcomes.urls")),
    path("", include("talenthub.attendance.urls")),
    path("", include("talenthub.exchange.urls")),
    path("", include("talenthub.reports.urls")),
    path("", include("talenthub.api.urls")),
    path("api/", api.urls),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("backoffice/", admin.site.urls),
]
