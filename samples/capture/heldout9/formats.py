#!/usr/bin/env python3
"""Write samples/heldout9/FORMATS.tsv from raw/MANIFEST.tsv: each capture gets one Render format, the four taking
turns, the client's start command, the line after which a web service is live, and `==> Exited with status N`
when the program died by itself with N != 0 (a run the driver stopped, -2/-9, gets none).
Usage: formats.py ROOT [FIRST_SEED]  (seeds from FIRST_SEED, default 900: heldout9; heldout10 used 1000, heldout12 1200, heldout13 1300, heldout16 1600, heldout19 1900, heldout27 2700, heldout30 3000, heldout42 4200, heldout47 4700, heldout59 5900, heldout64 6400)."""
import sys
from pathlib import Path

START = {
    "bee-queue": "node beequeue-worker.js", "node-redis3": "node noderedis3-app.js", "keyv": "node keyv-cache.js",
    "connect-redis-ioredis": "node session-app.js", "rate-limiter-flexible": "node ratelimit-app.js",
    "rate-limiter-flexible-nowait": "node ratelimit-app.js",
    "valkey-py": "python valkey_app.py", "redis-asyncio": "python asyncio_app.py",
    "arq": "arq arq_worker.WorkerSettings", "dramatiq": "python dramatiq_tasks.py & dramatiq dramatiq_tasks -p 1 -t 1",
    "huey": "huey_consumer huey_tasks.huey -w 1", "phpredis": "php phpredis_app.php", "predis": "php predis_app.php",
    # heldout10's clients (../heldout10/)
    "bull": "node bull-worker.js", "socketio-redis-adapter": "node socketio-app.js",
    "express-rate-limit-redis": "node ratelimit-express.js", "flask-caching": "python flask_cache_app.py",
    "flask-limiter": "python flask_limiter_app.py", "aiocache": "python aiocache_app.py", "walrus": "python walrus_app.py",
    # heldout12's clients (../heldout12/run.py CLIENTS)
    "iovalkey": "node iovalkey-worker.js", "fastify-redis": "node fastify-app.js",
    "cache-manager-redis-yet": "node cache-manager-app.js", "node-redis5-pool": "node redis5-pool.js",
    "ioredis-cluster": "node ioredis-cluster.js", "coredis": "python coredis_app.py", "saq": "python saq_app.py",
    "taskiq-redis": "python taskiq_app.py", "channels-redis": "python channels_app.py", "perl-redis": "perl perl_redis.pl",
    "redigo": "./redigo-worker", "mixed-node-redis4": "node mixed-noderedis.js", "mixed-node-redis5": "node mixed-noderedis.js",
    "mixed-bullmq": "node mixed-bullmq.js", "mixed-celery": "python mixed_celery.py & celery -A mixed_celery worker -c 1",
    "mixed-rq": "python mixed_rq.py & rq worker mixed", "mixed-sidekiq": "ruby mixed_sidekiq_push.rb & sidekiq -r ./mixed_sidekiq.rb -c 1",
    # heldout13's clients (../heldout13/run.py CLIENTS)
    "redlock": "node redlock-worker.js", "koa-redis": "node koa-app.js", "socketio-streams-adapter": "node socketio-streams.js",
    "cache-manager6-keyv": "node cache-manager6.js", "node-redis4-cluster": "node redis4-cluster.js",
    "flask-session": "python flask_session_app.py", "limits": "python limits_app.py", "python-redis-lock": "python redis_lock_app.py",
    "pottery": "python pottery_app.py", "kombu": "python kombu_app.py",
    "celery-redis-backend": "python celery_rb.py & celery -A celery_rb worker -c 1", "redis-namespace": "ruby namespace_worker.rb",
    # heldout16's clients (../heldout16/run.py CLIENTS)
    "connect-redis6": "node connect-redis6-app.js", "rate-limit-redis-ioredis": "node ratelimit-ioredis-app.js",
    "fastify-rate-limit": "node fastify-ratelimit-app.js",
    "redbeat": "celery -A redbeat_app beat -S redbeat.RedBeatScheduler --loglevel=INFO",
    "rq-scheduler": "python rqs_app.py & rqscheduler --url $REDIS_URL -i 1", "fastapi-limiter": "python fastapi_limiter_app.py",
    # heldout19's apps (../heldout19/run.py APPS)
    "catalog-node-redis3": "node catalog-noderedis3.js", "catalog-node-redis5": "node catalog-noderedis5.js",
    "leaderboard-ioredis4": "node leaderboard-ioredis4.js", "quotes-redis-py4": "python quotes_app.py",
    "notify-redis-asyncio5": "python notify_worker.py", "cart-predis": "php predis_cart.php",
    "pages-phpredis": "php phpredis_pages.php", "sessions-perl-redis": "perl perl_sessions.pl",
    # heldout27's apps (../heldout27/run.py CLIENTS)
    "nest-redis-transport": "node nest-orders.js", "node-resque": "node resque-worker.js",
    "celery-beat-redis-broker": "celery -A beat_app beat --loglevel=INFO", "django-rediscache": "python django_cache_app.py",
    "redis-om": "python om_customers.py", "php-redis-sessions": "php php_sessions.php", "sinatra-redis-rb": "ruby sinatra_app.rb",
    # heldout30's logger/client pairs (../heldout30/run.py CLIENTS): one app per language, the logger chosen by LOGGER
    **{c: "node logapp.js" for c in ("pino-ioredis", "pino-pretty-redis4", "winston-json-errors-redis4", "winston-simple-ioredis",
                                     "winston-simple-errors-redis5", "bunyan-redis5", "log4js-ioredis", "nest-ioredis",
                                     "fastify-redis4", "console-json-redis4", "console-redis5")},
    **{c: "python logapp.py" for c in ("logging-redis-py", "structlog-redis-asyncio", "loguru-redis-py",
                                       "jsonlogger-redis-asyncio", "sentry-repr-redis-py")},
    "ruby-logger": "ruby logapp.rb", "ruby-logger-json": "ruby logapp.rb",
    # heldout42's workers (../heldout42/run.py CLIENTS)
    "glide-python": "python glide_app.py", "glide-node": "node glide-app.js", "hiredis-c": "./hiredis-worker",
    "eredis-erlang": "escript eredis_worker.erl", "redis-lua": "lua5.1 lua_worker.lua", "go-redis-v2": "./goredisv2-worker",
    "redisc-go": "./redisc-worker", "ruby-hiredis": "ruby hiredis_rb.rb",
    # heldout47's apps on Bun and Deno (../heldout47/run.py CLIENTS)
    "bun-redis-default": "bun bun-hits.ts", "bun-redisclient": "bun bun-jobs.ts", "bun-ioredis": "bun bun-ioredis.js",
    "bun-node-redis": "bun bun-noderedis.js", "deno-node-redis": "deno run -A deno-noderedis.ts",
    "deno-ioredis": "deno run -A deno-ioredis.ts",
    # heldout59's apps with structured (JSON) loggers (../heldout59/run.py CLIENTS)
    "pino-ioredis-api": "node pino-api.js", "winston-noderedis5-worker": "node winston-worker.js",
    "bunyan-noderedis4-relay": "node bunyan-queue.js", "nest-json-ioredis": "node nest-app.js",
    "fastify-pino-ioredis": "node fastify-app.js", "jsonlogger-redis-py": "python jsonlogger_worker.py",
    "structlog-redis-asyncio": "python structlog_api.py", "loguru-serialize-redis-py": "python loguru_worker.py",
    "uvicorn-json-redis-asyncio": "python uvicorn_app.py", "django-json-rediscache": "python django_app.py",
    "ruby-logger-json-redis-rb": "ruby json_logger.rb",
    # heldout64's session, cache, rate-limit, socket.io and queue layers (../heldout64/run.py CLIENTS)
    "session-connect-redis7-ioredis": "node session-ioredis.js", "session-connect-redis9-noderedis": "node session-noderedis.js",
    "cache-manager7-keyv-redis": "node cache-keyv.js", "memcache-fallback-ioredis": "node fallback-ioredis.js",
    "memcache-fallback-noderedis4": "node fallback-noderedis4.js", "rate-limiter-flexible-ioredis": "node rlf-ioredis.js",
    "rate-limiter-flexible-noderedis4": "node rlf-noderedis4.js", "express-rate-limit-redis-noderedis": "node erl-noderedis.js",
    "express-rate-limit-redis-ioredis": "node erl-ioredis.js", "socketio-adapter-noderedis": "node socketio-noderedis.js",
    "socketio-adapter-ioredis": "node socketio-ioredis.js", "bullmq-worker": "node bullmq-worker.js",
    "bee-queue-worker": "node beequeue-worker.js",
}
# heldout16 added the other web servers' own words (Express' app, Fastify, uvicorn), heldout27 Sinatra's, heldout59
# NestJS' and Django's runserver, heldout64 the note's app's '🚀 Server running on port': earlier FORMATS.tsv keep theirs
LIVE = (r"listening on (port )?10000|Server listening at http://127\.0\.0\.1:10000|Uvicorn running on|has taken the stage on 10000"
        r"|Application is running on port 10000|Starting development server at http://0\.0\.0\.0:10000/|sessions api listening"
        r"|Server running on port 10000")
FMTS = ["dashboard", "api", "rfc3339", "text"]

root = Path(sys.argv[1])
first = int(sys.argv[2]) if len(sys.argv) > 2 else 900
rows = ["# raw\tstart command\tlive after (regex)\texit status\tseed\tformats"]
man = [l.split("\t") for l in (root / "raw" / "MANIFEST.tsv").read_text().splitlines() if l.strip() and not l.startswith("#")]
for i, (raw, rc, _n, _kept) in enumerate(sorted(man)):
    client = raw.split("/")[0]
    rc = int(rc)
    # Lua 5.1 stopped by the driver's SIGINT prints `interrupted!` and exits 1 (heldout42): a stop, not a crash
    stopped = rc == 1 and b"interrupted!" in (root / "raw" / raw).read_bytes()
    exit_status = str(rc) if rc > 0 and rc not in (124, 130, 137) and not stopped else "-"
    rows.append(f"{raw}\t{START[client]}\t{LIVE}\t{exit_status}\t{first + i}\t{FMTS[i % 4]}")
(root / "FORMATS.tsv").write_text("\n".join(rows) + "\n")
