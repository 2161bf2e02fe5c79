"""rq-scheduler 0.14 (on rq): the web side schedules a reminder job every round with `enqueue_in`, logs it, and
`rqscheduler` runs beside it (start command: `python rqs_app.py & exec rqscheduler --url $REDIS_URL -i 1`)."""
import logging, os, time
from datetime import timedelta
from redis import Redis
from rq_scheduler import Scheduler
from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("web")
scheduler = Scheduler(connection=Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379")))
for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
    touch_deps()
    try:
        job = scheduler.enqueue_in(timedelta(seconds=1), "builtins.print", f"reminder {i}")
        log.info("POST /reminders 201 (job %s)", job.id)
    except Exception:
        log.exception("POST /reminders failed")
    time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
