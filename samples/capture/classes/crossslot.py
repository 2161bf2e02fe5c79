"""A multi-key command whose keys hash to different slots, sent to a Redis Cluster node (Session 11, heldout34)."""
import sys
import traceback

import redis
from redis.cluster import RedisCluster

kind, port = sys.argv[1], int(sys.argv[2])
try:
    if kind == "cluster":
        RedisCluster(host="127.0.0.1", port=port).mset({"job:1": "a", "job:2": "b"})
    else:
        redis.Redis(host="127.0.0.1", port=port).mset({"job:1": "a", "job:2": "b"})
except Exception:  # what an app that does not catch it prints
    traceback.print_exc()
