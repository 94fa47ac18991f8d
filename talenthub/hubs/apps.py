from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubsConfig(AppConfig):
    name = "talenthub.hubs"
    label = "hubs"
    verbose_name = _("Hubs and memberships")
