"""Celery 5.7 with a Redis RESULT BACKEND and another broker (the filesystem transport in /tmp/h13-fsq): a worker
(`celery -A celery_rb worker`) and, run beside it, a producer that sends a task every round and waits for its result."""
import logging, os, sys, time
from pathlib import Path
from celery import Celery

Q = Path("/tmp/h13-fsq"); Q.mkdir(exist_ok=True); (Q / "processed").mkdir(exist_ok=True)
app = Celery("celery_rb", broker="filesystem://", backend=os.environ.get("REDIS_URL", "redis://localhost:6379"))
app.conf.broker_transport_options = {"data_folder_in": str(Q), "data_folder_out": str(Q), "processed_folder": str(Q / "processed")}
app.conf.result_expires = 600


@app.task
def render_invoice(n: int) -> str:
    return f"invoice-{n}.pdf"


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="[producer] %(levelname)s %(message)s")
    log = logging.getLogger("producer")
    time.sleep(2)
    for i in range(1, int(os.environ.get("ROUNDS", 12)) + 1):
        try:
            log.info("invoice %d ready: %s", i, render_invoice.delay(i).get(timeout=3))
        except Exception as e:
            log.error("invoice %d failed: %r", i, e)
        time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
