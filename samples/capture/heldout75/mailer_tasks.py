"""A receipt mailer on Celery 5.7 with Redis as broker and result backend (REDIS_URL); `python mailer_tasks.py`
is the web side that queues a receipt every TICK and logs it, `celery -A mailer_tasks worker` runs them."""
import logging, os, sys, time
from celery import Celery
from deps import touch_deps, TICK

app = Celery("mailer", broker=os.environ["REDIS_URL"], backend=os.environ["REDIS_URL"])
app.conf.broker_connection_retry_on_startup = True
app.conf.result_expires = 600


@app.task(name="mailer.send_receipt")  # one name for the web side (run as __main__) and the worker
def send_receipt(n: int) -> str:
    touch_deps()
    return f"receipt {n} sent"


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(asctime)s %(levelname)s web: %(message)s")
    log = logging.getLogger("web")
    time.sleep(2)
    n = 0
    while True:
        n += 1
        try:
            res = send_receipt.apply_async((n,), retry=False)
            log.info("queued receipt %d as task %s", n, res.id)
        except Exception:
            log.exception("could not queue receipt %d", n)
        time.sleep(TICK)
