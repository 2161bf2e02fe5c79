"""The exports app's side of RQ: enqueues build_export every 2 s on the 'exports' queue (RQ's README setup)."""
import logging, os, time

from redis import Redis
from rq import Queue

import rq_jobs

logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] exports: %(message)s")
q = Queue("exports", connection=Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379")))
n = 0
while True:
    n += 1
    job = q.enqueue(rq_jobs.build_export, n, "x" * int(os.environ.get("PAYLOAD", "100")))
    logging.info("queued export %d as job %s", n, job.id)
    time.sleep(2)
