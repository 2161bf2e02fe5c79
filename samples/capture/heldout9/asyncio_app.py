"""redis.asyncio (redis-py 5.3) in an asyncio service: an uncaught task error is logged by the app's handler."""
import asyncio, logging, os
import redis.asyncio as aredis
from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="[%(levelname)s] %(name)s - %(message)s")
log = logging.getLogger("worker")

async def main():
    r = aredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"))
    log.info("consumer starting")
    for i in range(1, int(os.environ.get("ROUNDS", 12)) + 1):
        touch_deps()
        try:
            n = await r.incr("events:processed")
            log.info("processed event %d (total %d)", i, n)
        except Exception:
            log.exception("failed to process event %d", i)
        await asyncio.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
    await r.aclose()

asyncio.run(main())
