"""kombu 5 used directly (no Celery): `Connection(REDIS_URL)` and a SimpleQueue, a message put and read back every
round, as kombu's "simple interface" docs; a failure logged with logging.exception."""
import logging, os, time
from kombu import Connection

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("notifier")
with Connection(os.environ.get("REDIS_URL", "redis://localhost:6379")) as conn:
    queue = conn.SimpleQueue("notifications")
    log.info("notifier: started")
    for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
        try:
            queue.put({"user": i, "text": "your order shipped"})
            msg = queue.get(block=True, timeout=2)
            msg.ack()
            log.info("notifier: delivered %s", msg.payload)
        except Exception:
            log.exception("notifier: round %d failed", i)
        time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
    queue.close()
