from __future__ import annotations

from collections import defaultdict

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from talenthub.attendance.models import AtRiskAlert, Certificate
from talenthub.hubs.choices import Role
from talenthub.hubs.models import Membership


@shared_task
def at_risk_alerts_daily() -> int:
    """Beat: once a day, flag trainees at risk of not completing (see services.alerts)."""
    from talenthub.attendance.services import at_risk_alerts_record

    now = timezone.now()
    return len(at_risk_alerts_record(today=timezone.localdate(now), now=now))


@shared_task
def at_risk_alerts_mail(alert_ids: list[int]) -> int:
    """One e-mail per hub to its operators listing the day's new alerts; marks them notified."""
    alerts = list(
        AtRiskAlert.objects.filter(pk__in=alert_ids, notified_at__isnull=True)
        .select_related("enrollment__user", "enrollment__cohort__course__hub")
        .order_by("enrollment__cohort_id", "enrollment__user__name")
    )
    by_hub: dict[int, list[AtRiskAlert]] = defaultdict(list)
    for alert in alerts:
        by_hub[alert.enrollment.cohort.course.hub_id].append(alert)
    operators: dict[int, list[str]] = defaultdict(list)
    for hub_id, email in Membership.objects.filter(
        hub_id__in=by_hub, role=Role.OPERATOR, is_active=True, user__is_active=True
    ).values_list("hub_id", "user__email"):
        operators[hub_id].append(email)
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for hub_id, hub_alerts in by_hub.items():
            if not operators[hub_id]:
                continue
            context = {"alerts": hub_alerts, "hub": hub_alerts[0].enrollment.cohort.course.hub}
            subject = render_to_string("attendance/email/at_risk_subject.txt", context).strip()
            body = render_to_string("attendance/email/at_risk_body.txt", context)
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, operators[hub_id]))
    sent = send_mass_mail(messages, fail_silently=False) if messages else 0
    AtRiskAlert.objects.filter(pk__in=[a.pk for a in alerts]).update(notified_at=timezone.now())
    return sent


@shared_task
def certificates_render(certificate_ids: list[int]) -> int:
    """Draw and store the PDFs of many certificates (a cohort's worth) outside the request."""
    from talenthub.attendance.pdf import render_certificate_pdf
    from talenthub.attendance.services import certificate_store_pdf

    count = 0
    for certificate in Certificate.objects.filter(pk__in=certificate_ids).select_related(
        "enrollment__user", "enrollment__cohort__course__hub"
    ):
        certificate_store_pdf(certificate=certificate, pdf=render_certificate_pdf(certificate))
        count += 1
    return count
