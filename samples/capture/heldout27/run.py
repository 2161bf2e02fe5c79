#!/usr/bin/env python3
"""Driver of the heldout27 captures (issue 13, session 10): heldout19's driver (../heldout19/run.py, itself heldout12's
server modes and scenarios plus MISCONF, raw '@'/'#'/'/' passwords and the URL mistakes) in the b27 namespace
(netns.sh here) with the apps of this folder: framework wrappers no corpus had run (NestJS' Redis transport,
node-resque, Celery beat on a Redis broker, Django's own RedisCache, redis-om, phpredis' session handler, Sinatra).
TLS: a throw-away CA in H27_TLS (ca.crt, server.crt/key for the Key Value's name). APP_DIR holds this folder's
scripts, ../heldout9/deps.{js,py,php}, node_modules/ (package.json) and .venv/ (requirements.txt).
Usage: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run19", Path(__file__).resolve().parent.parent / "heldout19" / "run.py")
run19 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run19)
run12 = run19.run12
PY = run12.PY
run12.NS, run12.WORK = "b27", Path("/tmp/b27-work")
run19.MISCONF_DIR = run12.WORK / "misconf-dir"
run12.SERVER["misconf"] = ["--save", "3600 1", "--dir", str(run19.MISCONF_DIR)]
TLS = Path(os.environ.get("H27_TLS", "/tmp/h27tls"))
run12.SERVER["tls"] = ["--port", "0", "--tls-port", "6379", "--tls-cert-file", str(TLS / "server.crt"),
                       "--tls-key-file", str(TLS / "server.key"), "--tls-ca-cert-file", str(TLS / "ca.crt"),
                       "--tls-auth-clients", "no"]
run12.SCEN = {k: (mode, {e: v.replace("d7h19", "d9h27") for e, v in env.items()}, act) for k, (mode, env, act) in run12.SCEN.items()}


def start_server(mode: str, bind: str = "0.0.0.0"):
    if mode == "plain-kv":  # the Key Value's address only (heldout19's wrapper names b19's)
        return run19._start(mode, "10.0.27.9")
    return run19.start_server(mode, bind)


run12.start_server = start_server
run12.CLIENTS.clear()
run12.CLIENTS.update({
    "nest-redis-transport": ("node nest-orders.js", 14),
    "node-resque": ("node resque-worker.js", 14),
    "celery-beat-redis-broker": (f"{PY} -m celery -A beat_app beat --loglevel=INFO", 12),
    "django-rediscache": (f"{PY} django_cache_app.py", 14),
    "redis-om": (f"{PY} om_customers.py", 14),
    "php-redis-sessions": ("php php_sessions.php", 14),
    "sinatra-redis-rb": ("ruby sinatra_app.rb", 15),
})
PLAN = {  # which scenarios each client ran
    "nest-redis-transport": ["healthy", "down-refused", "dns-nxdomain", "wrongpass", "tls-untrusted", "killed-then-back",
                             "url-pass-hash", "mixed-pg-api-redis-refused"],
    "node-resque": ["healthy", "down-loopback-default", "blackholed", "noauth", "oom", "killed-not-back", "url-missing-slashes"],
    "celery-beat-redis-broker": ["healthy", "down-refused", "noauth", "misconf", "url-typo-scheme", "killed-then-back"],
    "django-rediscache": ["healthy", "down-loopback-default", "url-space-around", "wrongpass", "loading", "plain-to-tls",
                          "mixed-pg-api-healthy", "mixed-pg-api-redis-dns"],
    "redis-om": ["healthy", "url-no-host", "readonly", "oom", "tls-to-plain", "url-pass-at"],
    "php-redis-sessions": ["healthy", "down-refused", "wrongpass", "maxclients", "misconf", "url-pass-hash",
                           "mixed-pg-api-redis-refused"],
    "sinatra-redis-rb": ["healthy", "dns-servfail", "killed-then-back-loopback", "noauth", "loading", "url-space-inside",
                         "mixed-pg-api-redis-killed"],
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
