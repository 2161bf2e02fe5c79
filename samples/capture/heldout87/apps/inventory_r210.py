# inventory: stock counters on redis-py 2.10 (StrictRedis.from_url), logging's usual format, a traceback per failure
import logging, os, time
import redis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("inventory")
r = redis.StrictRedis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), socket_timeout=3, socket_connect_timeout=3)
log.info("inventory worker starting (redis-py %s)", redis.__version__)
for i in range(1, 1000):
    try:
        left = r.decr("stock:sku-42")
        log.info("reserved 1 of sku-42, %s left", left)
    except redis.exceptions.RedisError:
        log.exception("could not reserve sku-42")
    time.sleep(1)
