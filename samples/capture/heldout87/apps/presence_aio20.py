# presence: online-user presence on aioredis 2.0 (from_url), a memory fallback when Redis fails
import asyncio, logging, os
import aioredis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s presence: %(message)s")
log = logging.getLogger("presence")
async def main():
    r = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost"), socket_connect_timeout=3, socket_timeout=3)
    fallback = set()
    log.info("presence service up")
    for i in range(1, 1000):
        user = f"user:{i % 5}"
        try:
            await r.sadd("online", user)
            log.info("%s marked online", user)
        except (aioredis.RedisError, OSError) as e:
            fallback.add(user)
            log.warning("redis error %s: %s; keeping presence in process memory", type(e).__name__, e)
        await asyncio.sleep(1)
asyncio.run(main())
