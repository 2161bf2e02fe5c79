# chat: message history on aioredis 1.3 (create_redis_pool), errors logged with logging.exception
import asyncio, logging, os
import aioredis
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)-8s %(name)s %(message)s")
log = logging.getLogger("chat")
async def main():
    pool = await aioredis.create_redis_pool(os.environ.get("REDIS_URL", "redis://localhost"), timeout=3)
    log.info("chat history store connected")
    for i in range(1, 1000):
        try:
            await pool.rpush("chat:lobby", f"msg {i}")
            log.info("stored message %d", i)
        except Exception:
            log.exception("could not store message %d", i)
        await asyncio.sleep(1)
asyncio.get_event_loop().run_until_complete(main())
