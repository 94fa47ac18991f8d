from __future__ import annotations

from django.urls import path

from talenthub.api import views

app_name = "api_tokens"
urlpatterns = [
    path("api-tokens/", views.token_list, name="token_list"),
    path("api-tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
]
