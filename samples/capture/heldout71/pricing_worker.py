"""A price-refresh worker on redis-py 5 (sync): every TICK it recomputes a price list, caches it in Redis and bumps a
counter; socket_timeout 2 s as deployed apps set it. Logs through logging's basicConfig, tracebacks on failure."""
import logging, os, time
import redis
from deps import touch_deps, report, TICK

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s [%(name)s] %(message)s")
log = logging.getLogger("pricing")
r = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=2, socket_connect_timeout=3)
log.info("pricing worker starting, redis ping=%s", r.ping())
n = 0
while True:
    n += 1
    try:
        r.set(f"prices:eu:{n % 5}", report(n), ex=300)
        total = r.incr("prices:refreshes")
        log.info("price list %d cached (%d refreshes)", n, total)
    except redis.exceptions.RedisError:
        log.exception("price refresh %d failed", n)
    touch_deps()
    time.sleep(TICK)
