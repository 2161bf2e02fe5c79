"""huey 3 with RedisHuey: `huey_consumer huey_tasks.huey`; a periodic task every minute and a producer thread."""
import os, threading, time, logging
from huey import RedisHuey, crontab

huey = RedisHuey("thumbs", url=os.environ.get("REDIS_URL", "redis://localhost:6379"))

@huey.task()
def thumbnail(n):
    return f"thumbnail {n}"

def _produce():
    from deps import touch_deps
    log = logging.getLogger("app")
    time.sleep(1)
    for i in range(1, int(os.environ.get("ROUNDS", 12)) + 1):
        touch_deps()
        try:
            thumbnail(i)
            log.info("queued thumbnail %d", i)
        except Exception:
            log.exception("could not queue thumbnail %d", i)
        time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)

if os.environ.get("HUEY_PRODUCE"):
    threading.Thread(target=_produce, daemon=True).start()
