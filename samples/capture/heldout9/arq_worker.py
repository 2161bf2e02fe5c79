"""arq 0.28: WorkerSettings for `arq arq_worker.WorkerSettings`; a cron-like job enqueues work every second."""
import os
from arq.connections import RedisSettings
from arq import cron
from deps import touch_deps

async def send_digest(ctx, n):
    return f"digest {n} sent"

async def tick(ctx):
    touch_deps()
    ctx["n"] = ctx.get("n", 0) + 1
    await ctx["redis"].enqueue_job("send_digest", ctx["n"])

class WorkerSettings:
    functions = [send_digest]
    cron_jobs = [cron(tick, second=set(range(60)))]
    redis_settings = RedisSettings.from_dsn(os.environ.get("REDIS_URL", "redis://localhost:6379"))
