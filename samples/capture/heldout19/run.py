#!/usr/bin/env python3
"""Driver of the heldout19 captures (issue 13, session 9): heldout12's driver (../heldout12/run.py: the server modes,
the scenarios, a fresh server per run) in the b19 namespace (netns.sh here) with the apps of this folder, and the cells
of issue 13's matrix no capture had: a password holding an unescaped '@', '#' or '/' (the server's requirepass is that
password, the URL carries it raw), MISCONF (a server with a save point whose BGSAVE failed: its --dir removed after
start), and the URL mistakes the matrix ran for other clients (spaces, a typo'd scheme, 'redis:/host', no host).
Each client runs from its own app directory (APP_<CLIENT> below, bind-mounted on /opt/render/project/src), since
node_redis 3 and node-redis 5 are both `redis`, and redis-py 4 and 5 both `redis`.
Usage: run.py OUT_DIR [client/scenario ...]"""
import importlib.util, os, shutil, subprocess, sys, time
from pathlib import Path

spec = importlib.util.spec_from_file_location("run12", Path(__file__).resolve().parent.parent / "heldout12" / "run.py")
run12 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run12)
PY = run12.PY
run12.NS, run12.WORK = "b19", Path("/tmp/b19-work")
MISCONF_DIR = run12.WORK / "misconf-dir"
KV = "red-d7h19kv0q67qs70c2kvup"
PG = "postgres://app:pgpassw0rd@dpg-d7h19pg0q67qs70c2pgaa-a:5432/app_db"
MIXED = {"DATABASE_URL": PG, "API_HOST": "api.stripe.com"}
run12.SCEN = {k: (mode, {e: v.replace("d4h12", "d7h19") for e, v in env.items()}, act) for k, (mode, env, act) in run12.SCEN.items()}
run12.SERVER.update({
    "auth-at": ["--requirepass", "s3cret@passw0rd"],
    "auth-hash": ["--requirepass", "s3cret#passw0rd"],
    "auth-slash": ["--requirepass", "s3cret/passw0rd"],
    # a save point, a --dir removed once the server runs: the BGSAVE the driver asks fails, writes get MISCONF
    "misconf": ["--save", "3600 1", "--dir", str(MISCONF_DIR)],
    # the Key Value's address only: a client that falls back to localhost finds nothing there, as on Render
    "plain-kv": [],
})
run12.SCEN.update({
    "url-space-around": ("plain", {"REDIS_URL": f" redis://{KV}:6379 "}, {}),
    "url-space-inside": ("plain", {"REDIS_URL": f"redis://{KV} :6379"}, {}),
    "url-typo-scheme": ("plain", {"REDIS_URL": f"reddis://{KV}:6379"}, {}),
    "url-missing-slashes": ("plain", {"REDIS_URL": f"redis:/{KV}:6379"}, {}),
    "url-no-host": ("plain-kv", {"REDIS_URL": "redis://:6379"}, {}),
    "url-pass-at": ("auth-at", {"REDIS_URL": f"redis://default:s3cret@passw0rd@{KV}:6379"}, {}),
    "url-pass-hash": ("auth-hash", {"REDIS_URL": f"redis://default:s3cret#passw0rd@{KV}:6379"}, {}),
    "url-pass-slash": ("auth-slash", {"REDIS_URL": f"redis://default:s3cret/passw0rd@{KV}:6379"}, {}),
    "misconf": ("misconf", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "mixed-pg-api-redis-misconf": ("misconf", {"REDIS_URL": f"redis://{KV}:6379", **MIXED}, {}),
})
_start = run12.start_server


def start_server(mode: str, bind: str = "0.0.0.0") -> subprocess.Popen:
    if mode == "misconf":
        MISCONF_DIR.mkdir(parents=True, exist_ok=True)
    if mode == "plain-kv":
        bind = "10.0.191.9"
    p = _start(mode, bind)
    if mode == "misconf":
        shutil.rmtree(MISCONF_DIR)
        run12.cli("SET", "seed", "1"); run12.cli("BGSAVE"); time.sleep(0.7)
        assert "rdb_last_bgsave_status:err" in run12.cli("INFO", "persistence"), "the BGSAVE did not fail"
    return p


run12.start_server = start_server
APPS = {  # client -> (app directory, start command, seconds it may run)
    "catalog-node-redis3": (os.environ.get("APP_N3", "/tmp/h20-n3"), "node catalog-noderedis3.js", 14),
    "catalog-node-redis5": (os.environ.get("APP_N5", "/tmp/h20-n5"), "node catalog-noderedis5.js", 14),
    "leaderboard-ioredis4": (os.environ.get("APP_IO4", "/tmp/h20-io4"), "node leaderboard-ioredis4.js", 15),
    "quotes-redis-py4": (os.environ.get("APP_PY4", "/tmp/h20-app4"), f"{PY} quotes_app.py", 15),
    "notify-redis-asyncio5": (os.environ.get("APP_PY5", "/tmp/h20-app"), f"{PY} notify_worker.py", 14),
    "cart-predis": (os.environ.get("APP_PHP", "/tmp/h20-app"), "php predis_cart.php", 14),
    "pages-phpredis": (os.environ.get("APP_PHP", "/tmp/h20-app"), "php phpredis_pages.php", 14),
    "sessions-perl-redis": (os.environ.get("APP_PERL", "/tmp/h20-app"), "perl perl_sessions.pl", 14),
}
run12.CLIENTS.clear(); run12.CLIENTS.update({c: (cmd, secs) for c, (_d, cmd, secs) in APPS.items()})
PLAN = {  # which scenarios each client ran
    "catalog-node-redis3": ["healthy", "url-empty", "url-space-around", "url-typo-scheme", "url-pass-hash", "misconf", "oom",
                    "maxclients", "loading", "killed-then-back-loopback"],
    "catalog-node-redis5": ["healthy-loopback", "url-pass-at", "url-pass-hash", "url-pass-slash", "misconf", "loading", "blackholed",
                    "mixed-pg-api-redis-wrongpass"],
    "leaderboard-ioredis4": ["healthy", "url-space-inside", "url-missing-slashes", "url-no-host", "url-pass-at", "noauth", "readonly",
                 "misconf", "dns-nxdomain", "mixed-pg-api-redis-refused"],
    "quotes-redis-py4": ["healthy", "down-loopback-default", "url-space-around", "url-http-scheme", "url-pass-hash", "url-pass-slash",
                  "wrongpass", "misconf", "maxclients", "mixed-pg-api-healthy"],
    "notify-redis-asyncio5": ["url-pass-at", "url-typo-scheme", "misconf", "readonly", "killed-then-back-loopback", "mixed-pg-api-redis-misconf"],
    "cart-predis": ["misconf", "url-pass-hash", "url-empty", "noauth"],
    "pages-phpredis": ["misconf", "wrongpass", "url-bad-port", "loading"],
    "sessions-perl-redis": ["misconf", "readonly", "maxclients"],
}


def for_batch(ns: str, tag: str, tls: Path):
    """heldout12's driver with this one's scenarios, set for a later batch (heldout59 on): its own namespace and work
    folder, its host names' tag in place of this batch's, a TLS-only server with the batch's throw-away CA (ca.crt,
    server.crt/key in `tls`). Returns heldout12's module, whose `main(argv, plan)` runs the batch."""
    run12.NS, run12.WORK = ns, Path(f"/tmp/{ns}-work")
    run12.SERVER["tls"] = ["--port", "0", "--tls-port", "6379", "--tls-cert-file", str(tls / "server.crt"),
                           "--tls-key-file", str(tls / "server.key"), "--tls-ca-cert-file", str(tls / "ca.crt"),
                           "--tls-auth-clients", "no"]
    run12.SCEN = {k: (mode, {e: v.replace("d7h19", tag) for e, v in env.items()}, act)
                  for k, (mode, env, act) in run12.SCEN.items()}
    return run12


if __name__ == "__main__":
    OUT = Path(sys.argv[1])
    pairs = [a.split("/") for a in sys.argv[2:]] or [[c, s] for c, ss in PLAN.items() for s in ss]
    for client, scen in pairs:
        run12.APP = Path(APPS[client][0])
        (OUT / client).mkdir(parents=True, exist_ok=True)
        rc, n = run12.run_one(client, scen, OUT / client / f"{scen}.log")
        with open(OUT / "MANIFEST.tsv", "a") as m:
            m.write(f"{client}/{scen}.log\t{rc}\t{n}\n")
        print(f"{client}/{scen}: rc={rc} lines={n}", flush=True)
