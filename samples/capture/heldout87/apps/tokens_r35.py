# tokens: an API-token cache on redis-py 3.5 with a local memory fallback when Redis fails
import logging, os, time
import redis
logging.basicConfig(level=logging.INFO, format="[%(asctime)s] %(levelname)s in %(module)s: %(message)s")
log = logging.getLogger("tokens")
r = redis.Redis.from_url(os.environ.get("REDIS_URL", ""), socket_timeout=3, socket_connect_timeout=3)
local = {}
log.info("token cache ready")
for i in range(1, 1000):
    key = "token:%d" % (i % 4)
    try:
        r.setex(key, 300, "t-%d" % i)
        log.info("cached %s in redis", key)
    except redis.exceptions.RedisError as e:
        local[key] = "t-%d" % i
        log.warning("redis down (%s), falling back to local memory for %s", e, key)
    time.sleep(1)
