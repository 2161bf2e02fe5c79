"""A customer portal on Django 5.2 with django-redis as its cache (CACHES on REDIS_URL), served by gunicorn; one view
caches a dashboard and, when DATABASE_URL is set, reads PostgreSQL. Errors reach Django's request logger, printed on
the console (LOGGING below), and gunicorn's access log. Run: gunicorn portal_app:application."""
import os, sys
from urllib.parse import urlparse

import django
from django.conf import settings
from django.http import JsonResponse
from django.urls import path

db = urlparse(os.environ["DATABASE_URL"]) if os.environ.get("DATABASE_URL") else None
settings.configure(
    DEBUG=False, ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, SECRET_KEY="not-the-real-key",
    CACHES={"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": os.environ["REDIS_URL"],
                        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 3, "SOCKET_TIMEOUT": 3}}},
    DATABASES={"default": {"ENGINE": "django.db.backends.postgresql", "NAME": db.path[1:], "USER": db.username,
                           "PASSWORD": db.password, "HOST": db.hostname, "PORT": db.port or 5432,
                           "OPTIONS": {"connect_timeout": 2}}} if db else {},
    LOGGING={"version": 1, "disable_existing_loggers": False,
             "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
             "handlers": {"console": {"class": "logging.StreamHandler", "stream": sys.stderr, "formatter": "plain"}},
             "loggers": {"django": {"handlers": ["console"], "level": "INFO"},
                         "portal": {"handlers": ["console"], "level": "INFO"}}},
)
django.setup()
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
import logging  # noqa: E402

log = logging.getLogger("portal")
hits = {"n": 0}


def dashboard(request):
    hits["n"] += 1
    data = cache.get_or_set(f"dashboard:{hits['n'] % 3}", lambda: {"n": hits["n"], "rows": "x" * 3072}, 60)
    if db:
        with connection.cursor() as cur:
            cur.execute("SELECT 1")
    return JsonResponse({"ok": True, "n": data["n"]})


urlpatterns = [path("api/dashboard", dashboard)]
from django.core.wsgi import get_wsgi_application  # noqa: E402
application = get_wsgi_application()
log.info("portal ready")
