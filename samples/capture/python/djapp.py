"""A one-file Django site whose cache is django-redis on REDIS_URL; served by gunicorn.
LOGGING sends everything to the console, as Render users usually configure it."""
import os
from urllib.parse import urlsplit

from django.conf import settings

# DJANGO_DATABASE_URL (matrix scenarios of issue 13): a PostgreSQL database next to the Redis cache, and
# /api/orders that queries it; unset, the site has no database, as in the A/B captures.
DB_URL = urlsplit(os.environ["DJANGO_DATABASE_URL"]) if os.environ.get("DJANGO_DATABASE_URL") else None
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql", "NAME": DB_URL.path.lstrip("/"), "USER": DB_URL.username,
    "PASSWORD": DB_URL.password, "HOST": DB_URL.hostname, "PORT": DB_URL.port or 5432,
}} if DB_URL else {}

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="not-a-secret-capture-only",
    DATABASES=DATABASES,
    CACHES={"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": os.environ.get("REDIS_URL")}},
    LOGGING={
        "version": 1,
        "disable_existing_loggers": False,
        "handlers": {"console": {"class": "logging.StreamHandler"}},
        "root": {"handlers": ["console"], "level": "INFO"},
    },
)

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402


def files(request):
    data = cache.get("files")
    if data is None:
        data = [{"id": 1, "name": "report.pdf"}]
        cache.set("files", data, 300)
    return JsonResponse({"files": data})


def health(request):
    return JsonResponse({"ok": True})


def orders(request):
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT 1")
    return JsonResponse({"orders": []})


urlpatterns = [path("api/files", files), path("api/health", health)] + ([path("api/orders", orders)] if DB_URL else [])
application = get_wsgi_application()
