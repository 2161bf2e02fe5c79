#!/usr/bin/env python3
"""Driver of the heldout30 captures (issue 13, session 10): heldout19's driver (../heldout19/run.py, itself heldout12's
server modes and scenarios plus MISCONF and the URL mistakes) in the b30 namespace (netns.sh here) with the apps of this
folder: one order-counter worker per language (logapp.js, logapp.py, logapp.rb) whose Redis errors go through the
logger an app really uses, chosen by LOGGER, on the client chosen by CLIENT (node-redis 4 and 5 are npm aliases
`redis4`/`redis5` of `redis`). TLS: a throw-away CA in H30_TLS (ca.crt, server.crt/key for the Key Value's name).
APP_DIR holds this folder's scripts, node_modules/ (package.json) and .venv/ (requirements.txt).
Usage: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run19", Path(__file__).resolve().parent.parent / "heldout19" / "run.py")
run19 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run19)
run12 = run19.run12
PY = run12.PY
run12.NS, run12.WORK = "b30", Path("/tmp/b30-work")
TLS = Path(os.environ.get("H30_TLS", "/tmp/h30tls"))
run12.SERVER["tls"] = ["--port", "0", "--tls-port", "6379", "--tls-cert-file", str(TLS / "server.crt"),
                       "--tls-key-file", str(TLS / "server.key"), "--tls-ca-cert-file", str(TLS / "ca.crt"),
                       "--tls-auth-clients", "no"]
run12.SCEN = {k: (mode, {e: v.replace("d7h19", "d3h30") for e, v in env.items()}, act) for k, (mode, env, act) in run12.SCEN.items()}


def node(logger: str, client: str, secs: int = 13):
    return (f"LOGGER={logger} CLIENT={client} exec node logapp.js", secs)


def py(logger: str, client: str, secs: int = 12):
    return (f"LOGGER={logger} CLIENT={client} exec {PY} logapp.py", secs)


run12.CLIENTS.clear()
run12.CLIENTS.update({
    "pino-ioredis": node("pino", "ioredis"),
    "pino-pretty-redis4": node("pino-pretty", "redis4"),
    "winston-json-errors-redis4": node("winston-json-errors", "redis4"),
    "winston-simple-ioredis": node("winston-simple", "ioredis"),
    "winston-simple-errors-redis5": node("winston-simple-errors", "redis5"),
    "bunyan-redis5": node("bunyan", "redis5"),
    "log4js-ioredis": node("log4js", "ioredis"),
    "nest-ioredis": node("nest", "ioredis"),
    "fastify-redis4": node("fastify", "redis4"),
    "console-json-redis4": node("console-json", "redis4"),
    "console-redis5": node("console", "redis5"),
    "logging-redis-py": py("logging", "sync"),
    "structlog-redis-asyncio": py("structlog", "asyncio"),
    "loguru-redis-py": py("loguru", "sync"),
    "jsonlogger-redis-asyncio": py("jsonlogger", "asyncio"),
    "sentry-repr-redis-py": py("sentry-repr", "sync"),
    "ruby-logger": ("LOGGER=logger exec ruby logapp.rb", 12),
    "ruby-logger-json": ("LOGGER=json exec ruby logapp.rb", 12),
})
PLAN = {  # which scenarios each client ran
    "pino-ioredis": ["healthy", "down-refused", "killed-then-back", "wrongpass"],
    "pino-pretty-redis4": ["down-refused", "readonly", "mixed-pg-api-healthy"],
    "winston-json-errors-redis4": ["healthy", "dns-nxdomain", "killed-then-back"],
    "winston-simple-ioredis": ["down-loopback-default", "noauth", "loading"],
    "winston-simple-errors-redis5": ["down-refused", "oom", "plain-to-tls"],
    "bunyan-redis5": ["healthy", "blackholed", "readonly"],
    "log4js-ioredis": ["dns-nxdomain", "tls-untrusted", "killed-not-back"],
    "nest-ioredis": ["down-refused", "wrongpass", "tls-to-plain"],
    "fastify-redis4": ["healthy", "down-loopback-default", "oom"],
    "console-json-redis4": ["down-refused", "noauth"],
    "console-redis5": ["down-loopback-default", "loading"],
    "logging-redis-py": ["loading", "killed-then-back"],
    "structlog-redis-asyncio": ["down-refused", "wrongpass", "mixed-pg-api-healthy"],
    "loguru-redis-py": ["healthy", "dns-nxdomain", "oom", "tls-untrusted"],
    "jsonlogger-redis-asyncio": ["blackholed", "noauth", "killed-then-back"],
    "sentry-repr-redis-py": ["down-loopback-default", "readonly"],
    "ruby-logger": ["down-refused", "noauth", "oom"],
    "ruby-logger-json": ["healthy", "readonly"],
}

if __name__ == "__main__":
    run12.APP, OUT = Path(sys.argv[1]), Path(sys.argv[2])
    pairs = [a.split("/") for a in sys.argv[3:]] or [[c, s] for c, ss in PLAN.items() for s in ss]
    for client, scen in pairs:
        (OUT / client).mkdir(parents=True, exist_ok=True)
        rc, n = run12.run_one(client, scen, OUT / client / f"{scen}.log")
        with open(OUT / "MANIFEST.tsv", "a") as m:
            m.write(f"{client}/{scen}.log\t{rc}\t{n}\n")
        print(f"{client}/{scen}: rc={rc} lines={n}", flush=True)
