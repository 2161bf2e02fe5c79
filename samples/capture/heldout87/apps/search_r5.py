# search: a query-result cache on redis-py 5's asyncio client; failures logged with their repr
import asyncio, logging, os
import redis.asyncio as aredis
logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("search.cache")
async def main():
    r = aredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"), socket_timeout=3, socket_connect_timeout=3)
    log.info("search cache starting")
    for i in range(1, 1000):
        try:
            await r.set(f"q:{i % 6}", "results", ex=120)
            log.info("cached query q:%d", i % 6)
        except Exception as e:
            log.error("cache write failed: %r", e)
        await asyncio.sleep(1)
asyncio.run(main())
