"""Django Channels' Redis layer (channels_redis' RedisChannelLayer, hosts=[REDIS_URL]) as a chat consumer uses it:
group_add, group_send and receive each round; nothing caught (an error ends the program with its traceback)."""
import asyncio, os
from channels_redis.core import RedisChannelLayer


async def main() -> None:
    layer = RedisChannelLayer(hosts=[os.environ.get("REDIS_URL", "redis://localhost:6379")])
    channel = await layer.new_channel()
    await layer.group_add("chat", channel)
    print(f"chat: joined group as {channel}", flush=True)
    for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
        await layer.group_send("chat", {"type": "chat.message", "text": f"hello {i}"})
        msg = await layer.receive(channel)
        print(f"chat: received {msg['text']}", flush=True)
        await asyncio.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)

asyncio.run(main())
