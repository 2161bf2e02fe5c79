"""RQ jobs of the heldout71 captures and the web side that enqueues them (run as a script: one invoice job every
TICK). The worker is `rq worker --url $REDIS_URL invoices`."""
import logging, os, time
from deps import touch_deps, report, TICK


def render_invoice(n: int, payload: str) -> int:
    touch_deps()
    return len(payload)


if __name__ == "__main__":
    from redis import Redis
    from rq import Queue
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s web: %(message)s")
    log = logging.getLogger("web")
    q = Queue("invoices", connection=Redis.from_url(os.environ["REDIS_URL"], socket_timeout=2))
    n = 0
    while True:
        n += 1
        try:
            job = q.enqueue("rq_jobs.render_invoice", n, report(n))
            log.info("enqueued invoice %d as %s", n, job.id)
        except Exception:
            log.exception("could not enqueue invoice %d", n)
        time.sleep(TICK)
