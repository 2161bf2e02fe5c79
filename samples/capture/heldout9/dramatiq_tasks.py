"""dramatiq 2 with its Redis broker: `dramatiq dramatiq_tasks -p 1 -t 1`; enqueue with `python dramatiq_tasks.py`."""
import os, sys, time
import dramatiq
from dramatiq.brokers.redis import RedisBroker

dramatiq.set_broker(RedisBroker(url=os.environ.get("REDIS_URL", "redis://localhost:6379")))

@dramatiq.actor
def resize(n):
    print(f"resized image {n}", flush=True)

if __name__ == "__main__":
    from deps import touch_deps
    import logging
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for i in range(1, int(os.environ.get("ROUNDS", 12)) + 1):
        touch_deps()
        resize.send(i)
        print(f"enqueued resize {i}", flush=True)
        time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
