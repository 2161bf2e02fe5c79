"""A customer portal's dashboard on Django 5.2 with django-redis 7 as the cache (the django-redis README's settings),
served by gunicorn; when DATABASE_URL / API_URL are set each request also counts orders in PostgreSQL and reads the
billing API, whose failures the view logs and survives. Errors of the cache reach Django's own 500 handling."""
import logging, os, urllib.request

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="portal-not-secret",
    CACHES={"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": os.environ.get("REDIS_URL"),
                        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"}}},
    LOGGING={"version": 1, "disable_existing_loggers": False,
             "formatters": {"std": {"format": "[{asctime}] {levelname} {name}: {message}", "style": "{"}},
             "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "std"}},
             "root": {"handlers": ["console"], "level": "INFO"}},
)
django.setup()

from django.core.cache import cache  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402

log = logging.getLogger("portal")


def _db_ping() -> None:
    import psycopg
    with psycopg.connect(os.environ["DATABASE_URL"], connect_timeout=3) as c:
        c.execute("SELECT count(*) FROM orders")


def dashboard(request):
    hits = cache.get_or_set("dashboard:hits", 0, 300)
    cache.incr("dashboard:hits")
    body = {"hits": hits + 1}
    if os.environ.get("DATABASE_URL"):
        try:
            _db_ping()
        except Exception as e:
            log.error("orders count failed: %s", e)
    if os.environ.get("API_URL"):
        try:
            urllib.request.urlopen(os.environ["API_URL"] + "/v1/balance", timeout=3).read()
        except Exception as e:
            log.error("billing API unavailable: %r", e)
    return JsonResponse(body)


urlpatterns = [path("api/dashboard", dashboard)]

from django.core.wsgi import get_wsgi_application  # noqa: E402
application = get_wsgi_application()
