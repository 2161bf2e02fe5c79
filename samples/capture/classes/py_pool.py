"""redis-py's own pool runs out: a client with max_connections=1 whose only connection is held by a pub/sub, then
a command (sync), and the same with redis.asyncio; each error printed as a traceback, then as its repr (what
Celery/kombu print in 'reason:...' and 'raised unexpected: ...'). argv: host port"""
import asyncio
import sys
import traceback

import redis
import redis.asyncio

host, port = sys.argv[1], int(sys.argv[2])
r = redis.Redis(host=host, port=port, max_connections=1)
held = r.pubsub()
held.subscribe("held")  # takes the pool's only connection
try:
    r.set("k", "v")
except Exception as exc:
    traceback.print_exc()
    print(f"reason:{exc!r}", flush=True)


async def main() -> None:
    a = redis.asyncio.Redis(host=host, port=port, max_connections=1)
    p = a.pubsub()
    await p.subscribe("held")
    try:
        await a.set("k", "v")
    except Exception as exc:
        traceback.print_exc()
        print(f"reason:{exc!r}", flush=True)


asyncio.run(main())
