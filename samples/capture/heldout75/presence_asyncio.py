"""A presence service on redis-py 7's asyncio client: a heartbeat task marks users online (SET with EX) every TICK, a
PubSub listener follows presence changes; a task that fails logs its traceback and starts again a second later."""
import asyncio, logging, os
import redis.asyncio as aioredis
from deps import touch_deps, report, TICK

logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] %(name)s: %(message)s")
log = logging.getLogger("presence")


async def listen(url: str) -> None:
    while True:
        client = aioredis.from_url(url, socket_timeout=None, socket_keepalive=True)
        try:
            async with client.pubsub() as ps:
                await ps.subscribe("presence:changes")
                log.info("listening on presence:changes")
                seen = 0
                async for msg in ps.listen():
                    if msg["type"] == "message":
                        seen += 1
                        if seen % 5 == 0:
                            log.info("%d presence changes seen", seen)
        except Exception:
            log.exception("presence listener stopped, restarting in 1s")
            await asyncio.sleep(1)
        finally:
            await client.aclose()


async def heartbeat(url: str) -> None:
    client = aioredis.from_url(url, socket_timeout=3, socket_connect_timeout=3)
    n = 0
    while True:
        n += 1
        try:
            await client.set(f"presence:user:{n % 7}", report(n), ex=30)
            await client.publish("presence:changes", f"user:{n % 7}")
        except Exception:
            log.exception("heartbeat %d failed", n)
        await asyncio.to_thread(touch_deps)
        await asyncio.sleep(TICK)


async def main() -> None:
    url = os.environ["REDIS_URL"]
    log.info("presence service starting")
    await asyncio.gather(listen(url), heartbeat(url))

asyncio.run(main())
