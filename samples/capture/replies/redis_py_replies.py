# redis-py 8: a key used with the wrong type; logged with logging.exception as an app does.
import logging, os
import redis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
r = redis.from_url(os.environ["REDIS_URL"])
r.set("session:1", "x")
try:
    r.lpush("session:1", "y")
except redis.RedisError:
    logging.getLogger("cache").exception("redis command failed")
