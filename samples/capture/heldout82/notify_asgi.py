"""A notification service: a bare ASGI app under uvicorn on redis-py's asyncio client. At startup (lifespan) it PINGs
Redis and gives up if that fails; each GET /notify pushes to a list and publishes; API_URL (when set) is polled."""
import asyncio, logging, os, urllib.request

import redis.asyncio as redis

log = logging.getLogger("notify")
r = redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"))


async def poll_api():
    while True:
        await asyncio.sleep(3)
        try:
            await asyncio.to_thread(lambda: urllib.request.urlopen(os.environ["API_URL"] + "/v1/templates", timeout=3).read())
        except Exception as e:
            log.error("template sync failed: %s", e)


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            msg = await receive()
            if msg["type"] == "lifespan.startup":
                await r.ping()
                log.warning("redis ping ok")
                if os.environ.get("API_URL"):
                    asyncio.get_running_loop().create_task(poll_api())
                await send({"type": "lifespan.startup.complete"})
            elif msg["type"] == "lifespan.shutdown":
                await r.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return
    n = await r.rpush("notifications", "x" * int(os.environ.get("PAYLOAD", "100")))
    await r.publish("notify", str(n))
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": f"queued {n}\n".encode()})
