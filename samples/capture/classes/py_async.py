import sys, asyncio, traceback
import redis.asyncio as aredis
async def main():
    r = aredis.Redis(host=sys.argv[1], port=int(sys.argv[2]), socket_connect_timeout=3)
    try:
        await r.ping()
    except Exception:
        traceback.print_exc()
asyncio.run(main())
