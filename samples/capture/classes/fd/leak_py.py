# A worker that opens a new redis-py client per job and keeps it: the process's file descriptors run out
# (run under `ulimit -n 40`).
import logging, os, redis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("worker")
kept = []
for i in range(60):
    r = redis.Redis.from_url(os.environ["REDIS_URL"])
    kept.append(r)
    try:
        r.set(f"job:{i}", "1")
        kept.append(r.connection_pool.get_connection())
    except redis.exceptions.RedisError as e:
        log.error("job %d failed: %s", i, e)
        if i > 45:
            log.exception("giving up")
            break
