"""taskiq with taskiq-redis: a ListQueueBroker on REDIS_URL with a RedisAsyncResultBackend, the web side that sends
tasks (the worker runs elsewhere); `broker.startup()` first, a task sent every round, errors logged with
logging.exception."""
import asyncio, logging, os
from taskiq_redis import ListQueueBroker, RedisAsyncResultBackend

logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("web")
url = os.environ.get("REDIS_URL", "redis://localhost:6379")
broker = ListQueueBroker(url=url).with_result_backend(RedisAsyncResultBackend(redis_url=url))


@broker.task
async def send_receipt(order: int) -> str:
    return f"receipt {order}"


async def main() -> None:
    await broker.startup()
    log.info("web: broker started")
    for i in range(1, int(os.environ.get("ROUNDS", 14)) + 1):
        try:
            task = await send_receipt.kiq(i)
            log.info("POST /orders/%d 201 (task %s)", i, task.task_id)
        except Exception:
            log.exception("POST /orders/%d 500", i)
        await asyncio.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
    await broker.shutdown()

asyncio.run(main())
