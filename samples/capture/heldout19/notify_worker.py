"""A notification worker on redis.asyncio (redis-py 5.2): BRPOP-less polling of a list with LPUSH by its own producer
task, started with `python notify_worker.py`; a Redis error in a round is logged with its traceback (logging.exception)
and the worker goes on, as such workers do."""
import asyncio, logging, os
import redis.asyncio as aredis
from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("notify")


async def main() -> None:
    r = aredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"))
    log.info("notification worker started")
    for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
        touch_deps()
        try:
            await r.lpush("notifications", f"welcome-email:{i}")
            job = await r.rpop("notifications")
            log.info("sent %s", job.decode())
        except Exception:
            log.exception("round %d: could not process notifications", i)
        await asyncio.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
    await r.aclose()

asyncio.run(main())
