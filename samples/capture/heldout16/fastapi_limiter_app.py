"""FastAPI with fastapi-limiter 0.1 (its README: `FastAPILimiter.init(redis.asyncio.from_url(...))` at start-up, a
`RateLimiter` dependency on the route) under uvicorn; a thread asks the app for GET /items every round."""
import os, threading, time
from contextlib import asynccontextmanager
import redis.asyncio as redis
import requests, uvicorn
from fastapi import Depends, FastAPI
from fastapi_limiter import FastAPILimiter
from fastapi_limiter.depends import RateLimiter
from deps import touch_deps


@asynccontextmanager
async def lifespan(_: FastAPI):
    await FastAPILimiter.init(redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"), encoding="utf8"))
    yield
    await FastAPILimiter.close()

app = FastAPI(lifespan=lifespan)


@app.get("/items", dependencies=[Depends(RateLimiter(times=100, seconds=60))])
def items():
    touch_deps()
    return {"items": ["boots", "scarf"]}


def client() -> None:
    time.sleep(1.5)
    for _ in range(int(os.environ.get("ROUNDS", 14))):
        try:
            requests.get(f"http://127.0.0.1:{os.environ.get('PORT', 10000)}/items", timeout=5)
        except requests.RequestException:
            pass
        time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)

threading.Thread(target=client, daemon=True).start()
uvicorn.run(app, host="0.0.0.0", port=int(os.environ.get("PORT", 10000)))
