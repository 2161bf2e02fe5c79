"""The mixed cell for Celery: broker and result backend on REDIS_URL; the task touches PostgreSQL and an HTTP API
(../heldout9/deps.py) and logs their failures. Run as `python mixed_celery.py` (the producer: a task sent every
round, its failure printed) next to the worker."""
import logging, os, time
from celery import Celery
from deps import touch_deps

app = Celery("mixed_celery", broker=os.environ.get("REDIS_URL"), backend=os.environ.get("REDIS_URL"))
app.conf.broker_connection_retry_on_startup = True


@app.task
def sync_orders(n):
    touch_deps()
    return f"orders synced {n}"


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    time.sleep(2)
    for i in range(1, 12):
        try:
            sync_orders.apply_async((i,), retry=False)
            print(f"producer: sent sync_orders({i})", flush=True)
        except Exception as e:
            print(f"producer: could not send sync_orders({i}): {e!r}", flush=True)
        time.sleep(0.8)
