"""A product page on Django 5.2 with Django's own Redis cache backend (django.core.cache.backends.redis.RedisCache,
LOCATION = REDIS_URL, no django-redis), served by wsgiref (its access lines on stderr); the view uses
cache.get_or_set, so a Redis error is a 500 that Django logs as 'Internal Server Error'. The app asks itself for
GET /products/N every round."""
import os, sys, threading, time, urllib.request
from wsgiref.simple_server import make_server
import django
from django.conf import settings

settings.configure(
    DEBUG=False, ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, SECRET_KEY="not-a-secret-h27",
    CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                        "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"),
                        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2}}},
    LOGGING={"version": 1, "disable_existing_loggers": False, "handlers": {"console": {"class": "logging.StreamHandler"}},
             "root": {"handlers": ["console"], "level": "INFO"},
             "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}}},
)
django.setup()
from django.core.cache import cache
from django.http import JsonResponse
from django.urls import path
from deps import touch_deps

PRODUCTS = {1: "Blue mug", 2: "Green scarf", 3: "Red lamp"}


def product(request, n):
    touch_deps()
    name = cache.get_or_set(f"product:{n}", lambda: PRODUCTS[n], 60)
    return JsonResponse({"id": n, "name": name})


urlpatterns = [path("products/<int:n>", product)]

from django.core.wsgi import get_wsgi_application
port = int(os.environ.get("PORT", 10000))
srv = make_server("127.0.0.1", port, get_wsgi_application())
threading.Thread(target=srv.serve_forever, daemon=True).start()
print(f"Django product pages listening on port {port}", file=sys.stderr, flush=True)
for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/products/{i % 3 + 1}", timeout=8).read()
    except Exception as e:
        pass  # the server's own lines say it
    time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
