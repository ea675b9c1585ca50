"""Base settings: every value comes from the environment, with safe defaults for a first run."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Return the environment variable `name` read as a yes/no flag."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Return the comma-separated environment variable `name` as a list."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
# The fallback key only serves a local first run; production settings refuse to start without one.
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-local-development-key-change-me")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before django.contrib.admin.
    "modeltranslation",
    # The Django admin, served by the back office's site (optional two-factor sign-in).
    "backoffice.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_countries",
    "django_filters",
    "simple_history",
    "import_export",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "rest_framework",
    "drf_spectacular",
    # django-csp's and django-cors-headers' checks for their settings.
    "csp",
    "corsheaders",
    "post_office",
    # The base every app builds on: content, languages, the workflow and the admin kit.
    "core",
    "hannover_intl",
    "measures",
    "partners",
    "networks",
    "progress",
    "relations",
    "opendata",
    "following",
    "monitoring",
    # Last: it sets up the roles once every other app's permissions exist.
    "backoffice",
]

MIDDLEWARE = [
    # First: a cached page for an anonymous visitor is answered before any other middleware
    # works, without sessions, users or the database; it is stored with every header the
    # middleware below add, the security headers included (see hannover_intl/cache.py).
    "hannover_intl.cache.PageCacheMiddleware",
    # Below the cache: a page from the cache is already in one piece.
    "hannover_intl.one_piece.OnePieceMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy, on static files too, hence before WhiteNoise.
    "hannover_intl.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before WhiteNoise and the page cache, so that it answers preflights and every cached reply.
    "opendata.cors.OpenDataCorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lock-out into its own response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # django-axes first, so that a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "hannover_intl.urls"
WSGI_APPLICATION = "hannover_intl.wsgi.application"
ASGI_APPLICATION = "hannover_intl.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every application server: Redis where REDIS_URL is set, else a table in
# the database (`manage.py createcachetable`, which `make migrate` runs).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "hannover-intl"),
            # A Redis that does not answer must not hold requests up: the site works on without
            # it (core/cache_outage.py), so give up after half a second, not redis-py's five.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            # Room for every page in both languages at a hundred times the plan's size.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Seconds an anonymous public page stays cached (any content change drops it earlier); 0 = off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# The largest page the page cache keeps, in bytes: room for every page and download of the plan
# up to about a hundred times its size. How many pages it keeps is the cache's own limit:
# MAX_ENTRIES above, or Redis's maxmemory (see the README).
PAGE_CACHE_MAX_BYTES = int(os.environ.get("PAGE_CACHE_MAX_BYTES", str(1024 * 1024)))
# Bytes of pages each process keeps in its own memory in front of the shared cache, so that a
# hit asks the shared cache only for the content version (hannover_intl/local_pages.py).
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", str(32 * 1024 * 1024)))
# Parts of pages that are the same for every visitor (the partner map) are built once per
# content version in each process (core/fragments.py); false builds them for every request.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", True)
# Sessions live in the database, so that any application server can serve any editor.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# German is the portal's first language; English its second and falls back to German.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_LANGUAGES = ("de", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("de",), "de": ("en",)}

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# npm installs the front-end packages here at set-up; only the files we use are collected.
NODE_MODULES_DIR = BASE_DIR / "node_modules"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"

LOGIN_URL = "admin:login"

# Security headers everywhere, so that development shows what production would block; HSTS and
# HTTPS-only cookies are in production.py. Everything comes from our own host: no inline code, no
# eval, no framing, no plug-ins (django-csp; MAP_TILE_URL adds its host, hannover_intl/security.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The portal uses none of these browser features; denying them limits what injected code can do
# (django-permissions-policy).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "hannover_intl.errors.csrf_failure"

# Countries appear in the visitor's language; the few with long official names get short ones.
COUNTRIES_FIRST = ["DE"]

# The admin's language tabs need jQuery UI (modeltranslation reads this name): from npm, no CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
STATICFILES_DIRS += [
    ("vendor/kern", NODE_MODULES_DIR / "@kern-ux" / "native" / "dist"),
    ("vendor/jquery-ui", NODE_MODULES_DIR / "jquery-ui" / "dist"),
    ("vendor/leaflet", NODE_MODULES_DIR / "leaflet" / "dist"),
    ("vendor/swagger-ui", NODE_MODULES_DIR / "swagger-ui-dist"),
]
# Latin subsets of the web fonts, written at set-up by `manage.py build_fonts` (never committed);
# without them static/css/fonts.css falls back to KERN's full font files.
FONTS_BUILD_DIR = BASE_DIR / "build" / "fonts"
if FONTS_BUILD_DIR.is_dir():
    STATICFILES_DIRS += [("fonts", FONTS_BUILD_DIR)]
# The partner map's pictures (world.svg, europe.svg …) and projection.json, written at set-up by
# scripts/build-worldmap.mjs (`make worldmap`, never committed) from the npm package world-atlas.
WORLD_MAP_DIR = BASE_DIR / "build" / "worldmap"
if WORLD_MAP_DIR.is_dir():
    STATICFILES_DIRS += [("worldmap", WORLD_MAP_DIR)]
FORMS_URLFIELD_ASSUME_HTTPS = True

# --- Mail ---------------------------------------------------------------------------------------
# Every mail goes into post_office's queue in the database; `manage.py send_queued_mail` (cron,
# every minute) delivers it through MAIL_DELIVERY_BACKEND and retries what the server refused.
EMAIL_BACKEND = "post_office.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "international@hannover-stadt.de")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Without a mail server configured (a first run), mail is printed to the console instead of sent.
MAIL_DELIVERY_BACKEND = os.environ.get(
    "MAIL_DELIVERY_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if "EMAIL_HOST" in os.environ
    else "django.core.mail.backends.console.EmailBackend",
)
POST_OFFICE = {
    "BACKENDS": {"default": MAIL_DELIVERY_BACKEND},
    # Queued, never sent inside the request: a mail server that is down costs the visitor nothing.
    "DEFAULT_PRIORITY": "medium",
    "MAX_RETRIES": int(os.environ.get("MAIL_MAX_RETRIES", "8")),
    # post_office waits this long before the next try of a failed mail.
    "RETRY_INTERVAL": timedelta(minutes=int(os.environ.get("MAIL_RETRY_MINUTES", "15"))),
    "LOG_LEVEL": 1,  # failures only
    "MESSAGE_ID_ENABLED": True,
    "CELERY_ENABLED": False,
    "THREADS_PER_PROCESS": 1,
}

# The public address of the site, for the links in mails (which no request carries).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Confirmation mails one client may ask for in a day; an address gets one a day at most.
FOLLOW_MAILS_PER_CLIENT_PER_DAY = int(os.environ.get("FOLLOW_MAILS_PER_CLIENT_PER_DAY", "10"))
# Reminders (`manage.py send_reminders`, daily): how many days ahead "due soon" warns, the fewest
# days between two reminders of one kind about one item, and the days past a due date at which a
# reminder goes out again; the last of these also tells the office.
REMINDER_DUE_SOON_DAYS = int(os.environ.get("REMINDER_DUE_SOON_DAYS", "14"))
REMINDER_INTERVAL_DAYS = int(os.environ.get("REMINDER_INTERVAL_DAYS", "7"))
REMINDER_REPEAT_DAYS = tuple(
    int(days) for days in env_list("REMINDER_REPEAT_DAYS", "0,7,30") if days.strip()
)

# Empty keeps the partner map entirely on our own server; a tile URL adds an interactive map.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
# A measure without a progress report for this many days is flagged 'update due'.
PROGRESS_UPDATE_DUE_DAYS = int(os.environ.get("PROGRESS_UPDATE_DUE_DAYS", "180"))
# A relationship without a recorded activity for this many months is flagged to the office.
RELATIONS_STALE_MONTHS = int(os.environ.get("RELATIONS_STALE_MONTHS", "12"))
# Address of a council paper, with {number} and {year} of its Drucksache number; empty: no links.
COUNCIL_PAPER_URL = os.environ.get("COUNCIL_PAPER_URL", "")

# Open data: the licence of every dataset, API and download (name and URL), and the API's rules.
OPEN_DATA_LICENCE = {
    "name": os.environ.get(
        "OPEN_DATA_LICENCE_NAME", "Datenlizenz Deutschland – Namensnennung – Version 2.0"
    ),
    "url": os.environ.get("OPEN_DATA_LICENCE_URL", "https://www.govdata.de/dl-de/by-2-0"),
    # The DCAT-AP.de vocabulary's URI for the same licence, which GovData reads.
    "uri": os.environ.get("OPEN_DATA_LICENCE_URI", "http://dcat-ap.de/def/licenses/dl-by-de/2.0"),
}
# GovData assigns each data provider an ID (http://dcat-ap.de/def/contributors/…) on registration.
OPEN_DATA_CONTRIBUTOR_ID = os.environ.get("OPEN_DATA_CONTRIBUTOR_ID", "")
# Proxies in front of the application servers (a load balancer: 1), each appending to
# X-Forwarded-For the address it received the request from. Only what they appended names the
# client: for the API's limit, for sign-in lock-outs and in django-axes' log. 0 ignores the
# header, which any client can fill with whatever it likes (core/client_address.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Requests per anonymous client and period, counted in the cache; empty switches throttling off.
API_THROTTLE_ANON = os.environ.get("API_THROTTLE_ANON", "120/minute") or None
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["opendata.throttling.AnonymousThrottle"],
    "DEFAULT_PAGINATION_CLASS": "opendata.pagination.PagePagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # The same rule as the API's own throttle, for any other DRF class that names the client.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
# Scripts on any site may read the API and the downloads (no cookies, so nothing else is shared);
# they only read, with the headers every browser may send anyway.
CORS_URLS_REGEX = r"^/(api|data)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ()
SPECTACULAR_SETTINGS = {
    "TITLE": "Hannover – International City: open data API",
    "DESCRIPTION": (
        "Read-only access to the published content of the City of Hannover's action plan "
        "'Hannover – International City'. Translated fields come as an object with German "
        "and English, or as one string with ?lang=de or ?lang=en."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # A measure's status may be not_reported; a progress report's never is. Fields named "kind"
    # on partnerships and activities: each choice set gets a name of its own.
    "ENUM_NAME_OVERRIDES": {
        "MeasureStatusEnum": "measures.models.Status",
        "ReportedStatusEnum": "measures.models.REPORTED_STATUS_CHOICES",
        "PartnershipKindEnum": "partners.models.PartnershipKind",
        "ActivityKindEnum": "relations.models.ActivityKind",
    },
}

# --- Back office ---------------------------------------------------------------------------
# Failed sign-ins: after AXES_FAILURE_LIMIT failures for one user name from one address, that
# combination is locked out for AXES_COOLOFF_MINUTES; `manage.py axes_reset` lifts it early.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "backoffice/lockout.html"
# The address as TRUSTED_PROXY_COUNT says, not django-ipware's guess: ipware 8 picks a header's
# "best" address by whether it is public, and counts the proxies without the last one.
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"

# Two-factor sign-in for staff with a TOTP app; register devices under "TOTP devices" first.
ADMIN_OTP_REQUIRED = env_bool("ADMIN_OTP_REQUIRED", False)
OTP_TOTP_ISSUER = "Hannover International"

# Every version of every content model, with who changed it; restore from the admin.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Spreadsheet imports run in one transaction, so a bad row writes nothing.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
# An uploaded file waits for its confirmation in the shared cache, not on one host's disk; while
# the cache is unreachable the import says so instead of failing (core/import_storage.py).
IMPORT_EXPORT_TMP_STORAGE_CLASS = "core.import_storage.SharedCacheStorage"
# django-import-export's own escape only drops one leading '=' and turns numbers into text;
# core/formulas.py escapes every formula a spreadsheet would run (=, +, -, @, tab, CR) instead.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
# The limits of one spreadsheet import, so that no file ties up a worker (see
# core/spreadsheet_files.py). A cell longer than its field allows, or in a text field longer
# than SPREADSHEET_MAX_TEXT_LENGTH, is an error of its row. The preview shows this many rows of
# each kind.
SPREADSHEET_MAX_FILE_BYTES = int(os.environ.get("SPREADSHEET_MAX_FILE_BYTES", str(5 * 1024 * 1024)))
SPREADSHEET_MAX_UNPACKED_BYTES = int(
    os.environ.get("SPREADSHEET_MAX_UNPACKED_BYTES", str(20 * 1024 * 1024))
)
SPREADSHEET_MAX_ROWS = int(os.environ.get("SPREADSHEET_MAX_ROWS", "2000"))
SPREADSHEET_MAX_COLUMNS = int(os.environ.get("SPREADSHEET_MAX_COLUMNS", "100"))
SPREADSHEET_MAX_TEXT_LENGTH = int(os.environ.get("SPREADSHEET_MAX_TEXT_LENGTH", "20000"))
SPREADSHEET_PREVIEW_ROWS = int(os.environ.get("SPREADSHEET_PREVIEW_ROWS", "50"))
# An import makes the cached pages stale once, after its transaction; its preview, which is
# rolled back, not at all, and so locks no page cache version that other requests wait for.
SPREADSHEET_IMPORT_CHANGES = "hannover_intl.cache.content_changes_deferred"
SPREADSHEET_DRY_RUN_CHANGES = "hannover_intl.cache.content_changes_ignored"
