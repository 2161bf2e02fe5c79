"""redis-py used the usual way: from_url(REDIS_URL), PING, a few SETs; errors are not caught."""
import os
import time

import redis

url = os.environ.get("REDIS_URL")
kwargs = {}
if os.environ.get("REDIS_CONNECT_TIMEOUT"):
    kwargs["socket_connect_timeout"] = float(os.environ["REDIS_CONNECT_TIMEOUT"])
r = redis.from_url(url, **kwargs)
print("connecting to redis...")
print("PING ->", r.ping())
for i in range(int(os.environ.get("REDIS_WRITES", "3"))):
    r.set(f"report:{i}", "x" * int(os.environ.get("REDIS_VALUE_SIZE", "100")))
    print(f"SET report:{i} ok")
    time.sleep(0.2)
