"""The mixed cell for RQ: the producer (`python mixed_rq.py`) enqueues a job every round on REDIS_URL's queue
'mixed'; the job (run by `rq worker`) touches PostgreSQL and an HTTP API (../heldout9/deps.py) and logs their failures."""
import logging, os, time
from deps import touch_deps


def sync_orders(n):
    logging.basicConfig(level=logging.INFO)
    touch_deps()
    return f"orders synced {n}"


if __name__ == "__main__":
    from redis import Redis
    from rq import Queue
    q = Queue("mixed", connection=Redis.from_url(os.environ["REDIS_URL"]))
    for i in range(1, 12):
        try:
            q.enqueue("mixed_rq.sync_orders", i)  # by name: the worker imports this module
            print(f"producer: enqueued sync_orders({i})", flush=True)
        except Exception as e:
            print(f"producer: enqueue failed: {e!r}", flush=True)
        time.sleep(0.8)
