"""A FastAPI app served by uvicorn with a JSON log config (python-json-logger's JsonFormatter for uvicorn's own loggers
and the app's, through `log_config`, as the uvicorn/FastAPI logging guides show), on redis.asyncio (redis-py 8): a
feature-flag endpoint reading its flags from Redis. An unhandled error is logged by uvicorn ('Exception in ASGI
application')."""
import asyncio, logging, os, threading
import redis.asyncio as aioredis
import uvicorn
from fastapi import FastAPI
from deps import touch_deps, traffic

FMT = "%(asctime)s %(levelname)s %(name)s %(message)s"
LOG_CONFIG = {
    "version": 1, "disable_existing_loggers": False,
    "formatters": {"json": {"()": "pythonjsonlogger.json.JsonFormatter", "fmt": FMT}},
    "handlers": {"default": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}},
    "loggers": {"uvicorn": {"handlers": ["default"], "level": "INFO", "propagate": False},
                "uvicorn.error": {"level": "INFO"}, "uvicorn.access": {"handlers": ["default"], "level": "INFO", "propagate": False},
                "flags": {"handlers": ["default"], "level": "INFO", "propagate": False}},
}
log = logging.getLogger("flags")
app = FastAPI()
r = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"), socket_connect_timeout=5)


@app.get("/flags")
async def flags():
    await asyncio.to_thread(touch_deps, lambda msg, e: log.error(msg, exc_info=e))
    await r.hset("flags", mapping={"new_checkout": "1"})
    return {"flags": {k.decode(): v.decode() for k, v in (await r.hgetall("flags")).items()}}


if __name__ == "__main__":
    port = int(os.environ.get("PORT", "8000"))
    threading.Thread(target=traffic, args=(port, "/flags", 0.8), daemon=True).start()
    uvicorn.run(app, host="0.0.0.0", port=port, log_config=LOG_CONFIG)
