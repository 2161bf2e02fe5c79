"""A redis-py (sync) worker counting hits every second; TLS options from the environment. API_URL / DATABASE_URL:
the same app calling an HTTPS API (requests) and PostgreSQL (psycopg2)."""
import logging, os, sys, time

import redis

from tlsopts import redis_tls_kwargs

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stdout)
log = logging.getLogger("worker")
url = os.environ.get("REDIS_URL", "redis://localhost:6379")
r = redis.Redis.from_url(url, socket_connect_timeout=5, **redis_tls_kwargs(url))
log.info("worker starting")
if os.environ.get("DATABASE_URL"):
    import psycopg2
    try:
        psycopg2.connect(os.environ["DATABASE_URL"]).close()
        log.info("postgres connected")
    except psycopg2.OperationalError:
        log.exception("postgres connection failed")
for i in range(6):
    try:
        log.info("hits=%s", r.incr("hits"))
    except redis.exceptions.RedisError:
        log.exception("job %d failed", i)
    if os.environ.get("API_URL") and i == 1:
        import requests
        try:
            log.info("api status %s", requests.get(os.environ["API_URL"], timeout=5).status_code)
        except requests.exceptions.RequestException:
            log.exception("payment api call failed")
    time.sleep(1)
log.info("worker done")
