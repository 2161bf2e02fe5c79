"""An app passing a dict where redis-py wants a scalar: redis-py refuses to encode it before sending anything
(DataError), while the server answers PING. Redis on 127.0.0.1:$REDIS_PORT."""
import os

import redis

r = redis.Redis(host="127.0.0.1", port=int(os.environ["REDIS_PORT"]))
print("PING ->", r.ping())
r.set("session:42", {"user": 42})
