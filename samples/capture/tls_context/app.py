"""A Python app: redis-py to REDIS_URL (rediss://, self-signed), or Redis working and then an HTTPS call (requests)
to a self-signed API. The app logs each failure with logging.exception, as apps do. argv: mode (redis-tls, https)."""

import logging
import os
import sys

import redis
import requests

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
mode = sys.argv[1]
client = redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=2)
if mode == "redis-tls":
    try:
        client.ping()
    except Exception:
        log.exception("cache unavailable")
elif mode == "https":
    client.set("webhook:last", "1")
    log.info("cache ok")
    try:
        requests.get(os.environ["API_URL"], timeout=3)
    except Exception:
        log.exception("webhook delivery failed")
