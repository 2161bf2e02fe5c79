"""A redis.asyncio worker counting hits every second; an error it does not catch ends it with a traceback.
TLS options from the environment; DATABASE_URL / API_URL as in worker_sync.py."""
import asyncio, logging, os, ssl, sys

import redis.asyncio as aioredis

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stdout)
log = logging.getLogger("aioworker")


async def main() -> None:
    url = os.environ.get("REDIS_URL", "redis://localhost:6379")
    kw = {}
    if url.startswith("rediss:"):
        if os.environ.get("REDIS_CA"):
            kw["ssl_ca_certs"] = os.environ["REDIS_CA"]
        if os.environ.get("REDIS_CERT"):
            kw["ssl_certfile"], kw["ssl_keyfile"] = os.environ["REDIS_CERT"], os.environ["REDIS_KEY"]
        if os.environ.get("REDIS_TLS_MIN"):
            kw["ssl_min_version"] = getattr(ssl.TLSVersion, os.environ["REDIS_TLS_MIN"])
    r = aioredis.from_url(url, socket_connect_timeout=5, **kw)
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
