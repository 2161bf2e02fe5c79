# redis-py: an app outside Render given the Key Value's External URL with redis:// (no TLS), as logged by an app
import logging, os, redis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
r = redis.Redis.from_url(os.environ["REDIS_URL"])
for n in range(1, 3):
    try:
        r.set("session:1", "a")
        log.info("session saved")
    except redis.exceptions.RedisError:
        log.exception("cache: set session:1 failed")
