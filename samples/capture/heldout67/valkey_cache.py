"""A price-cache refresher on valkey-py (valkey.from_url(REDIS_URL)), logging with Python's logging. Each second it
refreshes a product's cached price (SETEX) and reads the top of a sorted set of best sellers; every third round it
touches PostgreSQL and the payment API (deps.py) when configured."""
import logging
import os
import time

import valkey

from deps import touch_deps

logging.basicConfig(level=logging.INFO, format="%(asctime)s - %(name)s - %(levelname)s - %(message)s")
log = logging.getLogger("price-cache")


def main() -> None:
    log.info("price cache refresher starting, valkey-py %s", valkey.__version__)
    r = valkey.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"), socket_connect_timeout=5, socket_timeout=5)
    n = 0
    while True:
        n += 1
        try:
            r.setex(f"price:sku{n % 20}", 600, f"{19.99 + n:.2f}")
            r.zincrby("bestsellers", 1, f"sku{n % 20}")
            top = r.zrevrange("bestsellers", 0, 2)
            log.info("refreshed price sku%d; top sellers %s", n % 20, [t.decode() for t in top])
        except valkey.exceptions.ValkeyError:
            log.exception("price refresh failed")
        if n % 3 == 1:
            touch_deps()
        time.sleep(1)


if __name__ == "__main__":
    main()
