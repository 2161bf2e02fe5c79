"""redis-py and aioredis 1.3 against a server that resets each connection (rst_server.py): their tracebacks as printed."""
import asyncio
import sys
import traceback

port = int(sys.argv[1])
which = sys.argv[2]
if which == "redis-py":
    import redis

    try:
        redis.Redis(host="127.0.0.1", port=port).get("k")
    except Exception:
        traceback.print_exc()
else:
    import aioredis  # 1.3.1: its own connection code, not redis-py's

    async def main() -> None:
        r = await aioredis.create_redis(f"redis://127.0.0.1:{port}")
        await r.get("k")

    try:
        asyncio.run(main())
    except Exception:
        traceback.print_exc()
