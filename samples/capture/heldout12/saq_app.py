"""SAQ (simple async queue on redis.asyncio): a Queue from REDIS_URL, a Worker in the same process, a job enqueued
and awaited every round; errors logged by the logging module (SAQ's own loggers too)."""
import asyncio, logging, os
from saq import Queue, Worker

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")


async def resize(ctx, *, n):
    return f"thumbnail {n} done"


async def main() -> None:
    queue = Queue.from_url(os.environ.get("REDIS_URL", "redis://localhost"))
    worker = Worker(queue, functions=[resize])
    asyncio.create_task(worker.start())
    log.info("thumbnail service started")
    for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
        try:
            result = await queue.apply("resize", n=i, timeout=3)
            log.info("job %d: %s", i, result)
        except Exception:
            log.exception("job %d failed", i)
        await asyncio.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)

asyncio.run(main())
