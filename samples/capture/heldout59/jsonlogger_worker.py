"""A thumbnail job worker with python-json-logger (JsonFormatter on the root logger, `logger.exception` in handlers:
the traceback lands in `exc_info`) on redis-py 8's sync client (`redis.from_url`)."""
import logging, os, sys, time
import redis
from pythonjsonlogger.json import JsonFormatter
from deps import touch_deps

h = logging.StreamHandler(sys.stdout)
h.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
logging.basicConfig(level=logging.INFO, handlers=[h])
log = logging.getLogger("thumbnails")

r = redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), socket_connect_timeout=5)
log.info("thumbnail worker started", extra={"queue": "thumbs"})
for i in range(1, 40):
    try:
        r.rpush("thumbs", f"img-{i}.png")
        job = r.lpop("thumbs")
        r.set(f"thumb:{i}", "z" * 4000)
        log.info("thumbnail done", extra={"job": job.decode() if job else None})
    except redis.RedisError:
        log.exception("job failed", extra={"job_id": i})
    touch_deps(lambda msg, e: log.exception(msg))
    time.sleep(0.7)
