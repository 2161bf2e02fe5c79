# redis-py: four replies of a running server, each logged as an app logs a failed operation
import logging, os, sys, threading, time, redis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
r = redis.Redis.from_url(os.environ["REDIS_URL"])
scenario = sys.argv[1]
try:
    if scenario == "config":
        log.info("maxmemory-policy: %s", r.config_get("maxmemory-policy"))
    elif scenario == "keys":
        log.info("sessions: %s", r.keys("session:*"))
    elif scenario == "wrongtype":
        r.set("jobs", "x")
        r.lpush("jobs", "job-1")
    elif scenario == "busy":
        other = redis.Redis.from_url(os.environ["REDIS_URL"])
        threading.Thread(target=lambda: other.eval("local t=redis.call('TIME') while true do local n=redis.call('TIME') if n[1]-t[1]>1 then break end end return 1", 0), daemon=True).start()
        time.sleep(0.5)
        r.get("session:1")
    elif scenario in ("masterdown", "sentinel"):
        r.get("session:1")
except redis.exceptions.RedisError:
    log.exception("cache: %s failed", scenario)
