#!/usr/bin/env python3
"""Driver of the heldout59 captures (issue 13, session 14): heldout19's driver set by its `for_batch` (heldout12's
server modes and scenarios, a fresh server per run) in the b59 namespace (netns.sh here) with the apps of this folder,
each of which logs through a STRUCTURED (JSON) logger an app really uses: pino (its err serializer), winston
(format.errors + format.json), bunyan, NestJS 11's ConsoleLogger in JSON mode, Fastify 5's built-in pino logger;
python-json-logger, structlog's JSONRenderer, loguru serialize=True, uvicorn and Django with a JSON formatter; Ruby's
Logger with a JSON formatter. Their PostgreSQL and HTTP API failures (mixed scenarios) go through the same logger.
TLS: a throw-away CA in H59_TLS (ca.crt, server.crt/key for the Key Value's name).
APP_DIR holds this folder's scripts, node_modules/ (package.json) and .venv/ (requirements.txt).
Usage: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run19", Path(__file__).resolve().parent.parent / "heldout19" / "run.py")
run19 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run19)
run12 = run19.for_batch("b59", "d5h59", Path(os.environ.get("H59_TLS", "/tmp/h59tls")))
PY = run12.PY
run12.CLIENTS.clear()
run12.CLIENTS.update({
    "pino-ioredis-api": ("exec node pino-api.js", 13),
    "winston-noderedis5-worker": ("exec node winston-worker.js", 13),
    "bunyan-noderedis4-relay": ("exec node bunyan-queue.js", 13),
    "nest-json-ioredis": ("exec node nest-app.js", 13),
    "fastify-pino-ioredis": ("exec node fastify-app.js", 13),
    "jsonlogger-redis-py": (f"exec {PY} jsonlogger_worker.py", 13),
    "structlog-redis-asyncio": (f"exec {PY} structlog_api.py", 13),
    "loguru-serialize-redis-py": (f"exec {PY} loguru_worker.py", 13),
    "uvicorn-json-redis-asyncio": (f"exec {PY} uvicorn_app.py", 13),
    "django-json-rediscache": (f"exec {PY} django_app.py", 14),
    "ruby-logger-json-redis-rb": ("exec ruby json_logger.rb", 13),
})
PLAN = {  # which scenarios each app ran
    "pino-ioredis-api": ["down-refused", "wrongpass", "blackholed", "mixed-pg-api-healthy"],
    "winston-noderedis5-worker": ["dns-nxdomain", "oom", "mixed-pg-api-redis-refused", "healthy", "mixed-pg-api-healthy"],
    "bunyan-noderedis4-relay": ["noauth", "readonly", "killed-then-back", "mixed-pg-api-healthy"],
    "nest-json-ioredis": ["down-loopback-default", "plain-to-tls", "killed-not-back", "mixed-pg-api-healthy"],
    "fastify-pino-ioredis": ["dns-nxdomain", "tls-untrusted", "oom", "mixed-pg-api-healthy"],
    "jsonlogger-redis-py": ["down-refused", "wrongpass", "readonly", "mixed-pg-api-healthy"],
    "structlog-redis-asyncio": ["blackholed", "noauth", "mixed-pg-api-redis-dns", "healthy", "mixed-pg-api-healthy"],
    "loguru-serialize-redis-py": ["dns-nxdomain", "oom", "killed-then-back", "mixed-pg-api-healthy"],
    "uvicorn-json-redis-asyncio": ["down-loopback-default", "tls-to-plain", "wrongpass", "healthy", "mixed-pg-api-healthy"],
    "django-json-rediscache": ["down-refused", "readonly", "mixed-pg-api-healthy"],
    "ruby-logger-json-redis-rb": ["noauth", "dns-nxdomain", "blackholed", "mixed-pg-api-healthy"],
}

if __name__ == "__main__":
    run12.main(sys.argv, PLAN)
