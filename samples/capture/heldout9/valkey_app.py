"""valkey-py 6 (the Valkey fork of redis-py) as a small service's cache: logging.exception on each failure."""
import logging, os, time
import valkey
from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("app")
r = valkey.from_url(os.environ.get("REDIS_URL", "valkey://localhost:6379/0"), socket_connect_timeout=5)
log.info("service started, cache at %s", r.connection_pool.connection_kwargs.get("host"))
for i in range(1, int(os.environ.get("ROUNDS", 12)) + 1):
    touch_deps()
    try:
        r.set(f"report:{i}", "ready", ex=60)
        log.info("GET /reports/%d 200 (%s)", i, r.get(f"report:{i}").decode())
    except valkey.exceptions.ValkeyError:
        log.exception("GET /reports/%d 500: cache failure", i)
    time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
