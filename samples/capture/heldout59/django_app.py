"""A one-file Django 5 site (settings.configure) whose LOGGING sends every logger through python-json-logger's
JsonFormatter, with Django's own Redis cache backend (django.core.cache.backends.redis.RedisCache, redis-py 8) at
REDIS_URL: a page counter in the cache. A cache failure in the view is Django's 'Internal Server Error' (logger
django.request, exc_info). Run by `runserver --noreload`, as some small deployments do."""
import os, sys, threading
import django
from django.conf import settings
from django.http import JsonResponse
from django.urls import path

settings.configure(
    DEBUG=False, ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, SECRET_KEY="capture-only-not-a-secret",
    CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                        "LOCATION": os.environ.get("REDIS_URL", "redis://localhost:6379")}},
    LOGGING={"version": 1, "disable_existing_loggers": False,
             "formatters": {"json": {"()": "pythonjsonlogger.json.JsonFormatter",
                                     "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
             "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
             "root": {"handlers": ["console"], "level": "INFO"}},
)
django.setup()
import logging
from django.core.cache import cache
from deps import touch_deps, traffic

log = logging.getLogger("pages")


def home(request):
    touch_deps(lambda msg, e: log.error(msg, exc_info=e))
    cache.add("hits:home", 0)
    return JsonResponse({"hits": cache.incr("hits:home")})


urlpatterns = [path("", home)]


if __name__ == "__main__":
    from django.core.management import execute_from_command_line
    port = os.environ.get("PORT", "8000")
    threading.Thread(target=traffic, args=(int(port), "/", 0.9), daemon=True).start()
    execute_from_command_line([sys.argv[0], "runserver", "--noreload", f"0.0.0.0:{port}"])
