# redis-py: an app that loads its Lua script once at start (SCRIPT LOAD) and calls it by its SHA (EVALSHA), as rate
# limiters and buffers do; Redis is restarted between two rounds (RESTART_AFTER), which empties the script cache
import logging, os, time, redis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
r = redis.Redis.from_url(os.environ["REDIS_URL"], retry_on_error=[redis.exceptions.ConnectionError])
sha = r.script_load("return redis.call('INCR', KEYS[1])")
for n in range(1, 5):
    try:
        log.info("track %d: count=%s", n, r.evalsha(sha, 1, "events"))
    except redis.exceptions.RedisError:
        log.exception("track %d failed", n)
    time.sleep(1)
