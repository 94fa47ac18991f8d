"""Settings shared by every environment. Environment-specific files override only what differs."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("TALENTHUB_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = env_str(
    "DJANGO_SECRET_KEY", "insecure-dev-key-change-me-0123456789abcdefghijklmnopqrstuvwxyz"
)
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "simple_history",
    "django_htmx",
    "csp",
    "django_celery_results",
    "talenthub.core",
    "talenthub.accounts",
    "talenthub.hubs",
    "talenthub.partners",
    "talenthub.courses",
    "talenthub.enrollments",
    "talenthub.attendance",
    "talenthub.surveys",
    "talenthub.outcomes",
    "talenthub.projects",
    "talenthub.events",
    "talenthub.reports",
    "talenthub.exchange",
    "talenthub.api",
    "talenthub.portal",
    "talenthub.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "talenthub.portal.context_processors.navigation",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
# SQLite is the embedded default. WAL lets readers work during a write; IMMEDIATE transactions take
# the write lock at BEGIN so two writers queue on busy_timeout instead of failing with "database is
# locked" half-way through (the classic SQLite upgrade deadlock).
SQLITE_PATH = VAR_DIR / "talenthub.sqlite3"
_database_url = env_str("DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth ---------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:dashboard"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "talenthub.accounts.forms.SignupProfileForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[TalentHub] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]

# --- I18n ---------------------------------------------------------------------------------------
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("Korean")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Cache and Celery ---------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    CELERY_BROKER_URL = REDIS_URL
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}"
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    "attendance-at-risk-alerts": {
        "task": "talenthub.attendance.tasks.at_risk_alerts_daily",
        "schedule": crontab(hour=7, minute=0),
    },
    # Daily and idempotent: each sends at most once per agreement end date / checkpoint.
    "partners-agreement-renewal-reminders": {
        "task": "talenthub.partners.tasks.send_agreement_renewal_reminders",
        "schedule": crontab(hour=8, minute=30),
    },
    "outcomes-open-due-follow-ups": {
        "task": "talenthub.outcomes.tasks.open_due_follow_ups",
        "schedule": crontab(hour=10, minute=0),
    },
    "projects-close-expired-postings": {
        "task": "talenthub.projects.tasks.close_expired_postings",
        "schedule": crontab(hour=0, minute=5),
    },
    "purge-consumed-broker-messages": {
        "task": "talenthub.core.tasks.purge_embedded_broker_messages",
        "schedule": 3600.0,
    },
    # Lapses seat offers past their deadline and passes each seat on to the next person waiting.
    "enrollments-lapse-expired-offers": {
        "task": "talenthub.enrollments.tasks.lapse_expired_offers",
        "schedule": 300.0,
    },
    "enrollments-remind-expiring-offers": {
        "task": "talenthub.enrollments.tasks.remind_expiring_offers",
        "schedule": 3600.0,
    },
    # Events that have ended are closed (held) before the survey schedule sends their surveys.
    "events-close-ended": {
        "task": "talenthub.events.tasks.close_ended_events",
        "schedule": 3600.0,
    },
    # Idempotent: sends surveys of cohorts that ended, reminds, closes at the deadline.
    "surveys-schedule": {
        "task": "talenthub.surveys.tasks.run_survey_schedule",
        "schedule": 3600.0,
    },
    # KPI rollups: what the on-commit refresh left stale, then a nightly check-and-repair.
    "reports-refresh-dirty-rollups": {
        "task": "talenthub.reports.tasks.rollups_refresh_dirty",
        "schedule": 60.0,
    },
    "reports-reconcile-rollups": {
        "task": "talenthub.reports.tasks.rollups_reconcile",
        "schedule": crontab(hour=3, minute=30),
    },
}
# Recompute KPI rollups on commit of the records they count (False: only mark them stale).
REPORTS_REFRESH_ON_COMMIT = env_bool("REPORTS_REFRESH_ON_COMMIT", True)

# --- Mail ---------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "TalentHub <noreply@talenthub.local>")
# Absolute links in e-mails (an e-mail has no request to take the host from).
SITE_URL = env_str("TALENTHUB_SITE_URL", "http://127.0.0.1:8000")

# --- Security -----------------------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
