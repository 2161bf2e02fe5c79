"""A price-feed poller with loguru (`logger.add(sys.stdout, serialize=True)`, the one JSON sink of loguru's docs) on
redis-py 8: every round it stores prices in a hash and publishes them."""
import os, sys, time
import redis
from loguru import logger
from deps import touch_deps

logger.remove()
logger.add(sys.stdout, serialize=True, level="INFO")
r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), socket_connect_timeout=5,
                         retry_on_timeout=False)
logger.info("price feed poller started")
for i in range(1, 40):
    try:
        r.hset("prices", mapping={"BTC": 97000 + i, "ETH": 3600 + i, "blob": "p" * 5000})
        r.publish("prices:updates", i)
        logger.info("prices stored (round {})", i)
    except redis.exceptions.RedisError:
        logger.exception("could not store prices")
    touch_deps(lambda msg, e: logger.opt(exception=e).error(msg))
    time.sleep(0.7)
