"""heldout54: a rate limiter / counter worker on redis-py, as a Sentinel client (MODE=sentinel: SENTINELS,
MASTER_NAME; ROLE=replica reads through a replica), a RedisCluster (MODE=cluster: CLUSTER_NODES) or a plain client
(REDIS_URL). It logs with logging's usual format and logger.exception on a failed request. OP=mget: a multi-key read
of two unrelated keys (a Lua script in cluster mode, as rate limiters do); OP=tag: MGET of two keys of one hash tag;
OP=read: reads only. DATABASE_URL: PostgreSQL also queried each round."""
import logging, os, sys, time

import redis
from redis.sentinel import Sentinel
from redis.cluster import RedisCluster, ClusterNode

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(asctime)s %(levelname)s [%(name)s] %(message)s")
log = logging.getLogger("ratelimit")
mode = os.environ.get("MODE", "plain")
pairs = [(h, int(p)) for h, p in (x.split(":") for x in os.environ.get("SENTINELS", os.environ.get("CLUSTER_NODES", "")).split(",") if x)]
if mode == "sentinel":
    sentinel = Sentinel(pairs, socket_timeout=1.0)
    name = os.environ.get("MASTER_NAME", "mymaster")
    r = sentinel.slave_for(name, socket_timeout=1.0) if os.environ.get("ROLE") == "replica" else sentinel.master_for(name, socket_timeout=1.0)
elif mode == "cluster":
    r = RedisCluster(startup_nodes=[ClusterNode(h, p) for h, p in pairs], socket_timeout=1.0)
else:
    r = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=1.0)
pg = None
if os.environ.get("DATABASE_URL"):
    import psycopg2
SCRIPT = "return {redis.call('INCR', KEYS[1]), redis.call('GET', KEYS[2])}"
log.info("worker started, mode=%s", mode)
op = os.environ.get("OP", "")
for n in range(10_000):
    client = f"client:{n % 6}"
    try:
        if op == "mget":
            if mode == "cluster":
                hits, total = r.eval(SCRIPT, 2, f"rl:{client}", "rl:total")
            else:
                r.incr(f"rl:{client}")
                hits, total = r.mget(f"rl:{client}", "rl:total")
        elif op == "tag":
            r.incr("{rl:42}:total")
            hits, total = r.mget("{rl:42}:hits", "{rl:42}:total")
        elif op == "read":
            hits, total = r.get(f"rl:{client}"), r.get("rl:total")
        else:
            hits = r.incr(f"rl:{client}")
            r.expire(f"rl:{client}", 60)
            total = r.incr("rl:total")
        if os.environ.get("DATABASE_URL"):
            try:
                conn = psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=2)
                conn.close()
            except psycopg2.OperationalError as e:
                log.error("could not load quota overrides: %s", str(e).strip())
        log.info("allow %s hits=%s total=%s", client, hits, total)
    except redis.RedisError:
        log.exception("rate limit check failed for %s", client)
    time.sleep(0.7)
