# An app whose Redis user (an ACL user, as a managed Redis gives for a restricted or read-only token) may GET and SET
# session:* only: a write to another key, then a command it may not run.
import logging, os, redis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
r = redis.Redis.from_url(os.environ["REDIS_URL"])
log.info("PING -> %s", r.ping())
r.set("session:1", "a")
log.info("session saved")
for key, cmd in (("cache:products", "set"), ("jobs", "lpush")):
    try:
        if cmd == "set":
            r.set(key, "x")
        else:
            r.lpush(key, "x")
    except redis.exceptions.RedisError:
        log.exception("cache: %s %s failed", cmd, key)
r.incr("session:counter")
