"""A rate-limit/metrics worker on Valkey GLIDE for Python (GlideClient): GLIDE takes addresses, not URLs, so the app
parses REDIS_URL with urllib (as GLIDE's users do) and sets use_tls for rediss://. Logs with Python's logging. Each
second it counts an API call in a per-minute window (INCR + EXPIRE) and records a latency sample; every third round it
touches PostgreSQL and the payment API (deps.py, in a thread) when configured, and once at start, before Redis."""
import asyncio
import logging
import os
from urllib.parse import urlparse

from glide import GlideClient, GlideClientConfiguration, GlideError, NodeAddress, ServerCredentials

from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)-8s %(name)s %(message)s")
log = logging.getLogger("metrics")


async def connect() -> GlideClient:
    u = urlparse(os.environ.get("REDIS_URL", "redis://localhost:6379"))
    creds = ServerCredentials(u.password, u.username or None) if u.password else None
    config = GlideClientConfiguration([NodeAddress(u.hostname or "localhost", u.port or 6379)],
                                      use_tls=u.scheme == "rediss", credentials=creds, request_timeout=2000)
    return await GlideClient.create(config)


async def main() -> None:
    log.info("metrics worker starting")
    await asyncio.to_thread(touch_deps)
    try:
        client = await connect()
    except GlideError as e:
        log.critical("cannot connect to Valkey/Redis: %s", e)
        raise SystemExit(1)
    log.info("connected to Valkey/Redis")
    n = 0
    while True:
        n += 1
        try:
            key = f"ratelimit:api:{n // 60}"
            hits = await client.incr(key)
            await client.expire(key, 120)
            await client.lpush("latency:samples", [str(10 + n % 30)])
            log.info("window %s: %d calls", key, hits)
        except GlideError as e:
            log.error("metrics update failed: %s: %s", type(e).__name__, e)
        if n % 3 == 1:
            await asyncio.to_thread(touch_deps)
        await asyncio.sleep(1)


if __name__ == "__main__":
    asyncio.run(main())
