"""aiocache 0.12 (RedisCache over redis.asyncio, Cache.from_url) in an asyncio service, errors logged by the app."""
import asyncio, logging, os
from aiocache import Cache
from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] %(name)s: %(message)s")
log = logging.getLogger("pricing")

async def main():
    cache = Cache.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"))
    log.info("pricing service up")
    for i in range(1, int(os.environ.get("ROUNDS", 12)) + 1):
        touch_deps()
        try:
            await cache.set(f"price:{i}", 9.99 * i, ttl=60)
            log.info("price %d cached: %s", i, await cache.get(f"price:{i}"))
        except Exception:
            log.exception("pricing update %d failed", i)
        await asyncio.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)

asyncio.run(main())
