#!/usr/bin/env python3
"""Driver of the heldout64 captures (issue 13, session 15): Node.js session, cache, rate-limit, socket.io and queue
LAYERS on top of Redis (the troubleshooting note's own situation: an app that falls back to a memory cache when Redis
breaks), each on ioredis and node-redis where the layer allows. heldout19's driver set by its `for_batch` (heldout12's
server modes and scenarios, heldout19's MISCONF, a fresh server per run) in the b64 namespace (netns.sh here), with
this batch's own faults: an ACL user whose key pattern excludes the layer's keys (NOPERM), a host whose packets are
dropped (a true connect timeout), and PostgreSQL refused on 127.0.0.1 beside an HTTP API that times out.
TLS: a throw-away CA in H64_TLS (ca.crt, server.crt/key for the Key Value's name).
APP_DIR holds this folder's scripts and node_modules/ (package.json).
Usage: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run19", Path(__file__).resolve().parent.parent / "heldout19" / "run.py")
run19 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run19)
run12 = run19.for_batch("b64", "d5h64", Path(os.environ.get("H64_TLS", "/tmp/h64tls")))
KV, DROP = "red-d5h64kv0q67qs70c2kvup", "red-d5h64dr0q67qs70c2drop"
# an ACL user whose keys are `cache:*` only: every layer's own prefix (sess:, rl:, bull:, bq:) is refused with NOPERM
run12.SERVER["acl"] = ["--user", "app", "on", ">apppassw0rd", "~cache:*", "&*", "+@all"]
PG_LOCAL = "postgres://app:pgpassw0rd@127.0.0.1:5432/app_db"
run12.SCEN.update({
    "acl-noperm": ("acl", {"REDIS_URL": f"redis://app:apppassw0rd@{KV}:6379"}, {}),
    "timeout-dropped": (None, {"REDIS_URL": f"redis://{DROP}:6379"}, {"extra": 10}),
    # Redis works; PostgreSQL refuses on the instance's own loopback, the HTTP API's address drops every packet
    "mixed-pglocal-api-healthy": ("plain", {"REDIS_URL": f"redis://{KV}:6379", "DATABASE_URL": PG_LOCAL,
                                            "API_HOST": "api.shipengine.com"}, {}),
})
run12.CLIENTS.clear()
run12.CLIENTS.update({
    "session-connect-redis7-ioredis": ("exec node session-ioredis.js", 13),
    "session-connect-redis9-noderedis": ("exec node session-noderedis.js", 13),
    "cache-manager7-keyv-redis": ("exec node cache-keyv.js", 13),
    "memcache-fallback-ioredis": ("exec node fallback-ioredis.js", 13),
    "memcache-fallback-noderedis4": ("exec node fallback-noderedis4.js", 13),
    "rate-limiter-flexible-ioredis": ("exec node rlf-ioredis.js", 13),
    "rate-limiter-flexible-noderedis4": ("exec node rlf-noderedis4.js", 13),
    "express-rate-limit-redis-noderedis": ("exec node erl-noderedis.js", 13),
    "express-rate-limit-redis-ioredis": ("exec node erl-ioredis.js", 13),
    "socketio-adapter-noderedis": ("exec node socketio-noderedis.js", 13),
    "socketio-adapter-ioredis": ("exec node socketio-ioredis.js", 13),
    "bullmq-worker": ("exec node bullmq-worker.js", 13),
    "bee-queue-worker": ("exec node beequeue-worker.js", 13),
})
PLAN = {  # which scenarios each app ran
    "session-connect-redis7-ioredis": ["healthy", "down-refused", "killed-then-back", "acl-noperm"],
    "session-connect-redis9-noderedis": ["down-loopback-default", "wrongpass", "timeout-dropped", "mixed-pg-api-healthy"],
    "cache-manager7-keyv-redis": ["healthy", "dns-nxdomain", "oom", "killed-not-back", "mixed-pglocal-api-healthy"],
    "memcache-fallback-ioredis": ["healthy", "dns-nxdomain", "plain-to-tls", "noauth", "misconf", "mixed-pg-api-healthy"],
    "memcache-fallback-noderedis4": ["tls-to-plain", "maxclients", "killed-then-back", "mixed-pglocal-api-healthy"],
    "rate-limiter-flexible-ioredis": ["healthy", "down-refused", "timeout-dropped", "killed-then-back"],
    "rate-limiter-flexible-noderedis4": ["wrongpass", "oom", "acl-noperm", "mixed-pg-api-healthy"],
    "express-rate-limit-redis-noderedis": ["healthy", "misconf", "noauth", "killed-not-back"],
    "express-rate-limit-redis-ioredis": ["maxclients", "dns-nxdomain", "acl-noperm", "mixed-pglocal-api-healthy"],
    "socketio-adapter-noderedis": ["healthy", "down-refused", "killed-then-back"],
    "socketio-adapter-ioredis": ["wrongpass", "tls-untrusted", "mixed-pg-api-healthy"],
    "bullmq-worker": ["healthy", "oom", "misconf", "killed-then-back", "timeout-dropped"],
    "bee-queue-worker": ["noauth", "dns-nxdomain", "maxclients", "mixed-pglocal-api-healthy"],
}

if __name__ == "__main__":
    run12.main(sys.argv, PLAN)
