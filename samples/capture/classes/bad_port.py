"""A redis-py client given a port that is not a port: in a URL, or as the port argument (Session 11, heldout34)."""
import sys
import traceback

import redis

kind, value = sys.argv[1], sys.argv[2]
try:
    if kind == "url":
        client = redis.Redis.from_url(value, socket_connect_timeout=2)
    else:
        client = redis.Redis(host="127.0.0.1", port=int(value) if value.isdigit() else value, socket_connect_timeout=2)
    client.ping()
except Exception:  # what an app that does not catch it prints
    traceback.print_exc()
