#!/usr/bin/env python3
"""Driver of the heldout13 captures (issue 13, session 8): heldout12's driver (../heldout12/run.py: the server modes,
the scenarios, a fresh server per run) in the b13 namespace (netns.sh here: its own names and addresses) with the clients
of this folder. APP_DIR holds them with ../heldout9/deps.js and deps.py (the app's other dependencies), node_modules/
(package.json) and .venv/ (requirements.txt). Usage as there: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run12", Path(__file__).resolve().parent.parent / "heldout12" / "run.py")
run12 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run12)
PY = run12.PY
TLS12, TLS = str(run12.TLS), os.environ.get("H13_TLS", "/tmp/h13tls")  # the throw-away CA of this batch
run12.NS, run12.WORK = "b13", Path("/tmp/b13-work")
run12.SERVER["tls"] = [a.replace(TLS12, TLS) for a in run12.SERVER["tls"]]
# b13's host names (netns.sh): the same shapes, 'd5h13' where heldout12's say 'd4h12'
run12.SCEN = {k: (mode, {e: v.replace("d4h12", "d5h13") for e, v in env.items()}, act) for k, (mode, env, act) in run12.SCEN.items()}
run12.CLIENTS.clear(); run12.CLIENTS.update({
    "redlock": ("node redlock-worker.js", 12),
    "koa-redis": ("node koa-app.js", 13),
    "socketio-streams-adapter": ("node socketio-streams.js", 13),
    "cache-manager6-keyv": ("node cache-manager6.js", 13),
    "node-redis4-cluster": ("node redis4-cluster.js", 12),
    "flask-session": (f"{PY} flask_session_app.py", 13),
    "limits": (f"{PY} limits_app.py", 12),
    "python-redis-lock": (f"{PY} redis_lock_app.py", 12),
    "pottery": (f"{PY} pottery_app.py", 12),
    "kombu": (f"{PY} kombu_app.py", 12),
    "celery-redis-backend": (f"rm -rf /tmp/h13-fsq; {PY} celery_rb.py & exec {PY} -m celery -A celery_rb worker --loglevel=INFO -c 1 --without-heartbeat --without-mingle --without-gossip", 16),
    "redis-namespace": ("ruby namespace_worker.rb", 12),
})
PLAN = {  # which scenarios each client ran ("loading": limits' run again, and the last three added, with the fixed RDB)
    "redlock": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "wrongpass", "oom", "readonly", "url-no-colon"],
    "koa-redis": ["healthy", "down-loopback-default", "blackholed", "noauth", "tls-untrusted", "killed-not-back", "mixed-pg-api-healthy", "mixed-pg-api-redis-refused"],
    "socketio-streams-adapter": ["healthy", "down-refused", "dns-servfail", "killed-then-back", "wrongpass", "maxclients", "plain-to-tls", "loading"],
    "cache-manager6-keyv": ["healthy", "down-loopback-6380", "dns-nxdomain", "noauth", "oom", "killed-not-back", "mixed-pg-api-healthy", "url-http-scheme"],
    "node-redis4-cluster": ["cluster-healthy", "cluster-disabled", "down-refused", "wrongpass"],
    "flask-session": ["healthy", "down-loopback-default", "dns-nxdomain", "wrongpass", "readonly", "tls-to-plain", "mixed-pg-api-healthy", "mixed-pg-api-redis-refused"],
    "limits": ["healthy", "down-refused", "blackholed", "noauth", "killed-then-back", "loading", "url-bad-port", "mixed-pg-api-redis-dns"],
    "python-redis-lock": ["healthy", "down-refused", "wrongpass", "oom", "readonly", "maxclients", "killed-not-back-loopback", "loading"],
    "pottery": ["healthy", "dns-nxdomain", "noauth", "readonly", "tls-untrusted", "url-empty"],
    "kombu": ["healthy", "down-loopback-default", "blackholed", "wrongpass", "oom", "killed-then-back"],
    "celery-redis-backend": ["healthy", "down-refused", "noauth", "readonly", "dns-nxdomain"],
    "redis-namespace": ["healthy", "down-refused", "dns-nxdomain", "wrongpass", "oom", "plain-to-tls", "healthy-loopback", "loading"],
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
