"""A Python worker with three dependencies: Redis (redis-py), PostgreSQL (psycopg2 on DATABASE_URL) and
an HTTP API (requests to PAYMENTS_API). Three rounds; each failure logged with logger.exception."""
import logging
import os
import time

import psycopg2
import redis
import requests

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("worker")
r = redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=5)
for n in range(1, 4):
    try:
        r.set("worker:heartbeat", str(time.time()))
        log.info("tick %d cache ok", n)
    except redis.RedisError:
        log.exception("cache write failed")
    try:
        psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=3).close()
        log.info("tick %d db ok", n)
    except psycopg2.Error:
        log.exception("database connection failed")
    try:
        log.info("payments API answered %s", requests.get(os.environ["PAYMENTS_API"], timeout=5).status_code)
    except requests.RequestException:
        log.exception("payments API call failed")
    time.sleep(1)
