# redis-py with a URL whose path names a database the server does not have; the app logs its cache errors
import logging, os, redis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
r = redis.Redis.from_url(os.environ["REDIS_URL"])
try:
    r.set("session:1", "a")
    log.info("session saved")
except redis.exceptions.RedisError:
    log.exception("cache: set session:1 failed")
log.info("PING -> %s", r.ping())
