"""A chat fan-out service on redis-py 5's asyncio client: a PubSub listener relays room messages, a publisher task
posts one every TICK (another service's traffic in production). Python logging, tracebacks on failure; a listener
that fails is restarted after a second, as such services do."""
import asyncio, logging, os
import redis.asyncio as aioredis
from deps import touch_deps, report, TICK

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("chat")


async def listen(url: str) -> None:
    while True:
        client = aioredis.from_url(url, socket_timeout=None)
        try:
            async with client.pubsub() as ps:
                await ps.subscribe("room:lobby")
                log.info("subscribed to room:lobby")
                relayed = 0
                async for msg in ps.listen():
                    if msg["type"] == "message":
                        relayed += 1
                        if relayed % 3 == 0:
                            log.info("relayed %d messages", relayed)
        except Exception:
            log.exception("listener failed, restarting in 1s")
            await asyncio.sleep(1)
        finally:
            await client.aclose()


async def publish(url: str) -> None:
    client = aioredis.from_url(url, socket_timeout=2)
    n = 0
    while True:
        n += 1
        try:
            if await client.publish("room:lobby", report(n)) == 0:
                log.warning("message %d reached no listener", n)
        except Exception:
            log.exception("publish %d failed", n)
        await asyncio.to_thread(touch_deps)
        await asyncio.sleep(TICK)


async def main() -> None:
    url = os.environ["REDIS_URL"]
    await asyncio.gather(listen(url), publish(url))

asyncio.run(main())
