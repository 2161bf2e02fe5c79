"""A view-counter worker on valkey-glide (Python, Rust core). Reads REDIS_URL, works in rounds; logs as glide's
README shows (Logger for the core, logging for the app). Mixed scenarios also touch PostgreSQL and an HTTP API."""
import asyncio
import logging
import os
from urllib.parse import urlparse

from glide import GlideClient, GlideClientConfiguration, Logger, LogLevel, NodeAddress, ServerCredentials

from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("views")
Logger.set_logger_config(LogLevel.WARN)


def config_from_url(url: str) -> GlideClientConfiguration:
    u = urlparse(url)
    creds = ServerCredentials(password=u.password, username=u.username or None) if u.password else None
    return GlideClientConfiguration([NodeAddress(u.hostname or "localhost", u.port or 6379)],
                                    use_tls=u.scheme == "rediss", credentials=creds, request_timeout=2000)


async def main() -> None:
    url = os.environ.get("REDIS_URL", "redis://localhost:6379")
    log.info("views worker starting")
    client = None
    for rnd in range(1, 40):
        try:
            if client is None:
                client = await GlideClient.create(config_from_url(url))
                log.info("connected to valkey")
            await client.set(f"view:{rnd}", "1")
            n = await client.incr("views:total")
            log.info("round %d: views=%d", rnd, n)
        except Exception as e:
            log.error("round %d failed: %s: %s", rnd, type(e).__name__, e)
        touch_deps()
        await asyncio.sleep(0.8)


asyncio.run(main())
