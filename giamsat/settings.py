"""giamsat settings, read from the environment through small typed helpers.

Every variable is listed in .env.example. A bad value fails loudly at start-up.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Environment variable {name} is required")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("GIAMSAT_DEBUG", False)
TESTING = env_bool("GIAMSAT_TESTING", False)
VAR_DIR = Path(env_str("GIAMSAT_VAR_DIR", str(BASE_DIR / "var")))
SHARED_DIR = Path(env_str("GIAMSAT_SHARED_DIR", str(BASE_DIR.parent / "shared")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

_secret = os.environ.get("GIAMSAT_SECRET_KEY")
if not _secret:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("GIAMSAT_SECRET_KEY is required when GIAMSAT_DEBUG is off")
    _secret = "insecure-development-key-" + "x" * 40
SECRET_KEY = _secret

ALLOWED_HOSTS = env_list("GIAMSAT_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("GIAMSAT_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "huey.contrib.djhuey",
    "giamsat.audit",
    "giamsat.org",
    "giamsat.plans",
    "giamsat.reporting",
    "giamsat.portal",
    "giamsat.api",
    "giamsat.exchange",
    "giamsat.alignment",
    "giamsat.assessment",
    "giamsat.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "giamsat.portal.middleware.VietnameseByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "giamsat.urls"
WSGI_APPLICATION = "giamsat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'giamsat.sqlite3'}"),
        conn_max_age=env_int("GIAMSAT_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # a reused connection the server dropped is reopened, not an error
if TESTING and DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # Lets the test runner flush the append-only audit table between transactional tests.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c giamsat.audit_purge=on"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = ["giamsat.org.auth.ThrottledModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "giamsat" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "giamsat.portal.staticfiles.HashedStaticStorage"},  # far-future caching
}
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "portal:public"

# Upload and import limits (issue: hostile input).
GIAMSAT_MAX_UPLOAD_BYTES = env_int("GIAMSAT_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background jobs: Redis in production, an embedded SQLite queue for the demo and tests.
_huey_backend = env_str("GIAMSAT_QUEUE", "sqlite")
if _huey_backend == "redis":
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "giamsat",
        "url": env_str("REDIS_URL", "redis://127.0.0.1:6379/0"),
        "immediate": False,
    }
elif _huey_backend == "immediate":
    HUEY = {"huey_class": "huey.MemoryHuey", "name": "giamsat", "immediate": True}
elif _huey_backend == "sqlite":
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "giamsat",
        "filename": str(VAR_DIR / "queue.sqlite3"),
        "immediate": TESTING,
    }
else:
    raise ImproperlyConfigured("GIAMSAT_QUEUE must be redis, sqlite or immediate")

EMAIL_BACKEND = env_str("GIAMSAT_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("GIAMSAT_FROM_EMAIL", "giamsat@localhost")

# Security. Production (DEBUG off, not testing) gets HTTPS-only cookies and HSTS.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
_https = env_bool("GIAMSAT_HTTPS", not (DEBUG or TESTING))
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_SSL_REDIRECT = _https and env_bool("GIAMSAT_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if _https else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _https
SECURE_HSTS_PRELOAD = _https
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("GIAMSAT_BEHIND_PROXY") else None

# Login throttling: failed attempts per username+IP within the window lock the pair out.
GIAMSAT_LOGIN_MAX_FAILURES = env_int("GIAMSAT_LOGIN_MAX_FAILURES", 5)
GIAMSAT_LOGIN_LOCKOUT_SECONDS = env_int("GIAMSAT_LOGIN_LOCKOUT_SECONDS", 900)

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 1000}}}
_shared_cache = env_str("GIAMSAT_CACHE", "locmem") == "redis"
if _shared_cache:
    CACHES = {
        "default": {
            "BACKEND": "giamsat.ops.cache.KeptClientRedisCache",  # Django's, one client per pool
            "LOCATION": env_str("REDIS_URL", "redis://127.0.0.1:6379/1"),
            "KEY_PREFIX": env_str("GIAMSAT_CACHE_PREFIX", "giamsat"),  # one Redis may serve several sites
        }
    }
# Sessions read from the cache when all workers share one (a logout then reaches every worker); with a
# per-process cache they stay in the database only. Cookies stay HttpOnly (and Secure over HTTPS).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if _shared_cache else "django.contrib.sessions.backends.db"
# Rendered public pages and dashboard fragments (giamsat/portal/caching.py), keyed by the data version.
GIAMSAT_PAGE_CACHE = env_bool("GIAMSAT_PAGE_CACHE", not TESTING)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("GIAMSAT_LOG_LEVEL", "WARNING")},
}
