"""redis-py checking a command's arguments before sending it (DataError), while the server answers PING: HSET given no
field, ZADD given both NX and XX. Redis on 127.0.0.1:$REDIS_PORT."""
import os

import redis

r = redis.Redis(host="127.0.0.1", port=int(os.environ["REDIS_PORT"]))
print("PING ->", r.ping())
for call in (lambda: r.hset("profile:42"), lambda: r.zadd("board", {"ann": 1}, nx=True, xx=True)):
    try:
        call()
    except redis.exceptions.DataError as exc:
        print(f"cache write failed: {exc.__class__.__module__}.{exc.__class__.__name__}: {exc}")
