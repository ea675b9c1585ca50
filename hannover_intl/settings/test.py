"""Settings for the test suite: fast hashing, memory cache and mail, no static manifest."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change rows without signals and roll back; the page cache tests switch it on themselves.
PAGE_CACHE_SECONDS = 0
# Tests change rows with update(), which starts no new content version (core/fragments.py).
FRAGMENT_CACHE = False
# Mail goes through the queue as in production; the queue delivers to the memory outbox unless a
# test points it at its own SMTP server (tests/smtp.py).
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
POST_OFFICE = {**POST_OFFICE, "BACKENDS": {"default": MAIL_DELIVERY_BACKEND}}  # noqa: F405
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# Serve static files through the finders, as in development, without a collectstatic run.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Tests call the API far more often than a visitor; the throttle tests switch it on themselves.
API_THROTTLE_ANON = None
