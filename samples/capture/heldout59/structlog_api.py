"""A small aiohttp-free asyncio API (asyncio.start_server, HTTP by hand) logging through structlog's JSONRenderer with
dict tracebacks (structlog's docs' production setup), on redis.asyncio (redis-py 8): a per-user session counter."""
import asyncio, os, sys
import redis.asyncio as aioredis
import structlog
from deps import touch_deps

structlog.configure(processors=[
    structlog.contextvars.merge_contextvars, structlog.processors.add_log_level,
    structlog.processors.TimeStamper(fmt="iso"), structlog.processors.dict_tracebacks,
    structlog.processors.JSONRenderer()])
log = structlog.get_logger("sessions")
r = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379"), socket_connect_timeout=5)


async def handle(reader, writer):
    await reader.readuntil(b"\r\n\r\n")
    status = 200
    try:
        n = await r.incr("session:u7:views")
        await r.expire("session:u7:views", 3600)
        body = f'{{"views": {n}}}'
    except Exception:
        log.exception("session lookup failed", path="/me")
        status, body = 500, '{"error": "internal"}'
    await asyncio.to_thread(touch_deps, lambda msg, e: log.error(msg, exc_info=e))
    writer.write(f"HTTP/1.1 {status} X\r\ncontent-length: {len(body)}\r\nconnection: close\r\n\r\n{body}".encode())
    await writer.drain(); writer.close()
    log.info("request", method="GET", path="/me", status=status)


async def traffic(port):  # the capture's caller: what it sees is not the app's log
    for _ in range(40):
        await asyncio.sleep(0.8)
        try:
            rd, wr = await asyncio.open_connection("127.0.0.1", port)
            wr.write(b"GET /me HTTP/1.1\r\nhost: x\r\n\r\n"); await wr.drain(); await rd.read(); wr.close()
        except OSError:
            pass


async def main():
    port = int(os.environ.get("PORT", "8000"))
    srv = await asyncio.start_server(handle, "0.0.0.0", port)
    log.info("sessions api listening", port=port)
    async with srv:
        await traffic(port)

asyncio.run(main())
