"""A one-file Django site whose cache is django-redis on REDIS_URL; served by gunicorn.
LOGGING sends everything to the console, as Render users usually configure it."""
import os

from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="not-a-secret-capture-only",
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


urlpatterns = [path("api/files", files), path("api/health", health)]
application = get_wsgi_application()
