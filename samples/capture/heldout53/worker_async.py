"""A redis.asyncio worker counting hits every second; an error it does not catch ends it with a traceback.
TLS options from the environment; DATABASE_URL / API_URL as in worker_sync.py."""
import asyncio, logging, os, sys

import redis.asyncio as aioredis

from tlsopts import redis_tls_kwargs

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stdout)
log = logging.getLogger("aioworker")


async def main() -> None:
    url = os.environ.get("REDIS_URL", "redis://localhost:6379")
    r = aioredis.from_url(url, socket_connect_timeout=5, **redis_tls_kwargs(url))
    log.info("aioworker starting")
    if os.environ.get("DATABASE_URL"):
        import psycopg2
        try:
            psycopg2.connect(os.environ["DATABASE_URL"]).close()
            log.info("postgres connected")
        except psycopg2.OperationalError as e:
            log.error("postgres connection failed: %s", e)
    for i in range(6):
        log.info("hits=%s", await r.incr("hits"))
        if os.environ.get("API_URL") and i == 1:
            import requests
            try:
                log.info("api status %s", requests.get(os.environ["API_URL"], timeout=5).status_code)
            except requests.exceptions.SSLError as e:
                log.error("payment api call failed: %s", e)
        await asyncio.sleep(1)
    await r.aclose()
    log.info("aioworker done")

asyncio.run(main())
