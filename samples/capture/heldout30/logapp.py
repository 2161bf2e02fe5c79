"""A small order-counter worker whose Redis errors go through the logger a Python app really uses (heldout30, issue 13).
LOGGER: logging | structlog | loguru | jsonlogger | sentry-repr     CLIENT: sync (redis-py) | asyncio (redis.asyncio)
Every second: SET + INCR on Redis (REDIS_URL, or redis-py's default localhost:6379 when unset); with DATABASE_URL,
also a query on PostgreSQL (psycopg2). Each failure is logged the way that logger's docs log an exception."""
import asyncio, logging, os, signal, sys, time

import redis
import redis.asyncio

LOGGER = os.environ.get("LOGGER", "logging")
CLIENT = os.environ.get("CLIENT", "sync")
URL = os.environ.get("REDIS_URL")


class Log:
    """info(msg) and error(msg, exc) in the chosen logger's own way (called inside the except block)."""

    def __init__(self) -> None:
        if LOGGER == "structlog":
            import structlog
            structlog.configure(processors=[structlog.processors.add_log_level, structlog.processors.TimeStamper(fmt="iso"),
                                            structlog.processors.dict_tracebacks, structlog.processors.JSONRenderer()])
            self.l = structlog.get_logger("orders")
        elif LOGGER == "loguru":
            from loguru import logger
            logger.remove(); logger.add(sys.stderr)
            self.l = logger
        elif LOGGER == "jsonlogger":
            from pythonjsonlogger.json import JsonFormatter
            h = logging.StreamHandler(); h.setFormatter(JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
            self.l = logging.getLogger("orders"); self.l.addHandler(h); self.l.setLevel(logging.INFO)
        else:
            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
            self.l = logging.getLogger("orders")

    def info(self, msg: str) -> None:
        self.l.info(msg)

    def error(self, msg: str, exc: BaseException) -> None:
        if LOGGER == "loguru":
            self.l.exception(msg)
        elif LOGGER == "sentry-repr":  # what an error tracker's event title and a bare `log.error("%r")` show
            self.l.error("%s: %r", msg, exc)
        elif LOGGER == "structlog":
            self.l.exception(msg)
        else:
            self.l.error(msg, exc_info=True)


log = Log()
pg = None
if os.environ.get("DATABASE_URL"):
    import psycopg2


def db_tick() -> None:
    try:
        conn = psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=2)
        with conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM orders")
            log.info(f"orders in database: {cur.fetchone()[0]}")
    except Exception as e:
        log.error("database query failed", e)


def main_sync() -> None:
    r = redis.Redis.from_url(URL) if URL else redis.Redis()
    n = 0
    while True:
        n += 1
        if os.environ.get("DATABASE_URL"):
            db_tick()
        try:
            r.set("orders:last-tick", time.time())
            log.info(f"tick {n}: processed={r.incr('orders:processed')}")
        except Exception as e:
            log.error(f"tick {n} failed", e)
        time.sleep(1)


async def main_async() -> None:
    r = redis.asyncio.Redis.from_url(URL) if URL else redis.asyncio.Redis()
    n = 0
    while True:
        n += 1
        if os.environ.get("DATABASE_URL"):
            db_tick()
        try:
            await r.set("orders:last-tick", time.time())
            log.info(f"tick {n}: processed={await r.incr('orders:processed')}")
        except Exception as e:
            log.error(f"tick {n} failed", e)
        await asyncio.sleep(1)


# the driver stops the worker with SIGINT: end quietly, as on the platform's SIGTERM
signal.signal(signal.SIGINT, lambda *_: os._exit(0))
log.info(f"orders worker started (logger={LOGGER}, client={CLIENT})")
if CLIENT == "asyncio":
    asyncio.run(main_async())
else:
    main_sync()
