"""A notification fan-out worker on redis-py 6's asyncio client (redis.asyncio.from_url(REDIS_URL)), logging with
Python's logging (timestamps, level, logger name). Each second it pushes a notification on a stream, bumps a
per-user unread counter and trims the stream; every third round it touches PostgreSQL and the payment API
(deps.py, in a thread) when configured."""
import asyncio
import logging
import os

import redis as redis_pkg
import redis.asyncio as redis
from redis.exceptions import RedisError

from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s [%(name)s] %(message)s")
log = logging.getLogger("notify")


async def main() -> None:
    log.info("notify worker starting (redis-py %s)", redis_pkg.__version__)
    r = redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"), socket_connect_timeout=5)
    try:
        await r.ping()
        log.info("connected to Redis")
    except RedisError:
        log.exception("Redis ping failed at startup")
    n = 0
    while True:
        n += 1
        try:
            await r.xadd("notifications", {"user": f"u{n % 7}", "text": "order shipped"})
            unread = await r.incr(f"unread:u{n % 7}")
            await r.xtrim("notifications", maxlen=1000)
            log.info("notification %d queued (unread=%d)", n, unread)
        except RedisError as e:
            log.error("failed to queue notification %d: %s", n, e)
        if n % 3 == 1:
            await asyncio.to_thread(touch_deps)
        await asyncio.sleep(1)


if __name__ == "__main__":
    asyncio.run(main())
