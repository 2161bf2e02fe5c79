"""An exchange-rate refresher on redis-py 7 (sync): every TICK it caches a rate table and bumps a counter; timeouts
and a health check as deployed apps set them. Logs through logging's basicConfig, a traceback on failure."""
import logging, os, time
import redis
from deps import touch_deps, report, TICK

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("rates")
r = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=3, socket_connect_timeout=3, health_check_interval=10)
log.info("rates worker starting (redis ping: %s)", r.ping())
n = 0
while True:
    n += 1
    try:
        r.set(f"rates:eur:{n % 4}", report(n), ex=600)
        log.info("rate table %d cached, %d refreshes so far", n, r.incr("rates:refreshes"))
    except redis.exceptions.RedisError:
        log.exception("rate refresh %d failed", n)
    touch_deps()
    time.sleep(TICK)
