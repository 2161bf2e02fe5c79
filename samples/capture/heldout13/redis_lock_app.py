"""python-redis-lock 4 on redis-py: a report job guarded by `redis_lock.Lock(conn, "nightly-report")` every round,
as its README; a failure logged with logging.exception."""
import logging, os, time
import redis, redis_lock

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
log = logging.getLogger("reports")
conn = redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"))
log.info("reports: scheduler started")
for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
    try:
        with redis_lock.Lock(conn, "nightly-report", expire=10):
            log.info("reports: run %d built 42 rows", i)
    except Exception:
        log.exception("reports: run %d failed", i)
    time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
