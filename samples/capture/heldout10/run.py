#!/usr/bin/env python3
"""Driver of the heldout10 captures: heldout9's driver (../heldout9/run.py: the b9 namespace, the server modes,
the scenarios) with the clients of this folder. APP_DIR holds them with heldout9's deps.js and deps.py (the app's other
dependencies, shared), node_modules/ and .venv/. Usage as there: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run9", Path(__file__).resolve().parent.parent / "heldout9" / "run.py")
run9 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run9)
PY = run9.PY
run9.CLIENTS.clear(); run9.CLIENTS.update({
    "bull": ("node bull-worker.js", 12),
    "socketio-redis-adapter": ("node socketio-app.js", 12),
    "express-rate-limit-redis": ("node ratelimit-express.js", 12),
    "flask-caching": (f"{PY} flask_cache_app.py", 14),
    "flask-limiter": (f"{PY} flask_limiter_app.py", 14),
    "aiocache": (f"{PY} aiocache_app.py", 14),
    "walrus": (f"{PY} walrus_app.py", 14),
})
PLAN = {
    "bull": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "noauth", "oom", "mixed-pg-stripe"],
    "socketio-redis-adapter": ["healthy", "down-loopback-default", "blackholed", "killed-then-back", "wrongpass", "maxclients", "mixed-sendgrid"],
    "express-rate-limit-redis": ["healthy", "down-refused", "dns-nxdomain", "killed-not-back", "wrongpass", "readonly", "tls-untrusted", "mixed-pg-stripe"],
    "flask-caching": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "noauth", "oom", "plain-to-tls", "mixed-pg-stripe"],
    "flask-limiter": ["healthy", "down-loopback-default", "blackholed", "killed-not-back", "wrongpass", "readonly", "url-http-scheme", "mixed-sendgrid"],
    "aiocache": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "noauth", "maxclients", "tls-to-plain", "mixed-pg-redis-refused"],
    "walrus": ["healthy", "down-refused", "killed-not-back", "wrongpass", "readonly", "oom", "url-bad-port", "mixed-pg-stripe"],
}

if __name__ == "__main__":
    run9.APP, OUT = Path(sys.argv[1]), Path(sys.argv[2])
    pairs = [a.split("/") for a in sys.argv[3:]] or [[c, s] for c, ss in PLAN.items() for s in ss]
    for client, scen in pairs:
        (OUT / client).mkdir(parents=True, exist_ok=True)
        rc, n = run9.run_one(client, scen, OUT / client / f"{scen}.log")
        with open(OUT / "MANIFEST.tsv", "a") as m:
            m.write(f"{client}/{scen}.log\t{rc}\t{n}\n")
        print(f"{client}/{scen}: rc={rc} lines={n}", flush=True)
