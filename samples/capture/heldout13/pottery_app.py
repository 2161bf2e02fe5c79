"""pottery 3: a RedisDict of feature flags and a pottery.Redlock around each update, on redis-py
(`Redis.from_url(REDIS_URL)`), as pottery's README; a failure logged with logging.exception."""
import logging, os, time
from redis import Redis
from pottery import Redlock, RedisDict

logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] %(name)s: %(message)s")
log = logging.getLogger("flags")
redis = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"))
log.info("flags: service started")
for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
    try:
        flags = RedisDict(redis=redis, key="feature-flags")
        with Redlock(key="flags-lock", masters={redis}, auto_release_time=5):
            flags["checkout_v2"] = i % 2 == 0
        log.info("flags: round %d checkout_v2=%s", i, flags["checkout_v2"])
    except Exception:
        log.exception("flags: round %d failed", i)
    time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
