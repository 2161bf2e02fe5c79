"""coredis 6 (an asyncio Redis client, its own protocol code): `Redis.from_url` entered as an async context manager
(coredis 6 wants its pool entered), a counter bumped each round; nothing caught, so the first error ends the program with its traceback."""
import asyncio, os
import coredis


async def main() -> None:
    print("stats worker started", flush=True)
    async with coredis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True) as client:
        for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
            n = await client.incr("stats:hits")
            print(f"round {i}: hits={n}", flush=True)
            await asyncio.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)

asyncio.run(main())
