#!/usr/bin/env python3
"""Driver of the heldout16 captures (issue 13, session 8): heldout12's driver (../heldout12/run.py: the server modes,
the scenarios, a fresh server per run) in the b16 namespace (netns.sh here: its own names and addresses) with the clients
of this folder. APP_DIR holds them with ../heldout9/deps.js and deps.py (the app's other dependencies), node_modules/
(package.json) and .venv/ (requirements.txt), whose bin/ scripts (celery, rqscheduler) have their shebang rewritten to
/opt/render/project/src/.venv/bin/python, as a venv built at Render's path has it (else tracebacks name APP_DIR).
Usage as there: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run12", Path(__file__).resolve().parent.parent / "heldout12" / "run.py")
run12 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run12)
PY = run12.PY
TLS12, TLS = str(run12.TLS), os.environ.get("H16_TLS", "/tmp/h16tls")  # the throw-away CA of this batch
run12.NS, run12.WORK = "b16", Path("/tmp/b16-work")
run12.SERVER["tls"] = [a.replace(TLS12, TLS) for a in run12.SERVER["tls"]]
# b16's host names (netns.sh): the same shapes, 'd6h16' where heldout12's say 'd4h12'
run12.SCEN = {k: (mode, {e: v.replace("d4h12", "d6h16") for e, v in env.items()}, act) for k, (mode, env, act) in run12.SCEN.items()}
BIN = f"{run12.SRC}/.venv/bin"
run12.CLIENTS.clear(); run12.CLIENTS.update({
    "connect-redis6": ("node connect-redis6-app.js", 12),
    "rate-limit-redis-ioredis": ("node ratelimit-ioredis-app.js", 12),
    "fastify-rate-limit": ("node fastify-ratelimit-app.js", 12),
    "redbeat": (f"rm -rf /tmp/h16-fsq; mkdir -p /tmp/h16-fsq; exec {BIN}/celery -A redbeat_app beat -S redbeat.RedBeatScheduler --loglevel=INFO", 13),
    "rq-scheduler": (f"{PY} rqs_app.py & exec {BIN}/rqscheduler --url \"$REDIS_URL\" -i 1", 13),
    "fastapi-limiter": (f"{PY} fastapi_limiter_app.py", 13),
})
PLAN = {  # which scenarios each client ran
    "connect-redis6": ["healthy", "down-refused", "dns-nxdomain", "wrongpass", "killed-then-back", "tls-to-plain", "mixed-pg-api-healthy"],
    "rate-limit-redis-ioredis": ["healthy", "down-loopback-default", "blackholed", "noauth", "oom", "url-no-colon", "mixed-pg-api-redis-refused"],
    "fastify-rate-limit": ["healthy", "down-refused", "dns-servfail", "killed-not-back", "wrongpass", "readonly", "mixed-pg-api-healthy"],
    "redbeat": ["healthy", "down-refused", "dns-nxdomain", "noauth", "readonly", "killed-then-back", "tls-untrusted"],
    "rq-scheduler": ["healthy", "down-loopback-6380", "wrongpass", "oom", "killed-not-back", "url-bad-port", "mixed-pg-api-healthy"],
    "fastapi-limiter": ["healthy", "down-refused", "blackholed", "wrongpass", "plain-to-tls", "mixed-pg-api-healthy", "mixed-pg-api-redis-dns"],
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
