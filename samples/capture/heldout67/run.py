#!/usr/bin/env python3
"""Driver of the heldout67 captures (issue 13, session 16): the clients and versions the corpora ran least (node-redis
5, ioredis 6, redis-py 6's asyncio client, valkey-py, Valkey GLIDE for Python, Debian's ruby-redis, phpredis, Perl's
Redis.pm), each in a small app of its own that logs as deployed apps do (pino, winston, Python logging, Ruby's Logger,
Monolog-style stderr, plain console). heldout19's driver set by its `for_batch` (heldout12's server modes and
scenarios, a fresh server per run) in the b67 namespace (netns.sh here), with the faults of the matrix run least:
maxclients reached, TLS both ways, killed then back, LOADING at a restart (the server killed, then started again on a
3M-key RDB), READONLY after a REPLICAOF issued mid-run, a blackholed remote address (packets dropped), URL mistakes;
and the `mix-` scenarios: the same fault with PostgreSQL refused (a dpg- host, 5432) and the HTTP API's name
unresolved (api.stripe.com: NXDOMAIN) in the same log.
TLS: a throw-away CA in H67_TLS (ca.crt, server.crt/key for the Key Value's name).
APP_DIR holds this folder's scripts, node_modules/ (package.json) and .venv/ (requirements.txt).
Usage: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys, threading, time
from pathlib import Path

spec = importlib.util.spec_from_file_location("run19", Path(__file__).resolve().parent.parent / "heldout19" / "run.py")
run19 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run19)
run12 = run19.for_batch("b67", "d5h67", Path(os.environ.get("H67_TLS", "/tmp/h67tls")))
PY = run12.PY
KV, DROP, RF = "red-d5h67kv0q67qs70c2kvup", "red-d5h67dr0q67qs70c2drop", "10.67.0.10"
MIX = {"DATABASE_URL": "postgres://app:pgpassw0rd@dpg-d5h67pg0q67qs70c2pgaa-a:5432/app_db", "API_HOST": "api.stripe.com"}
run12.SERVER["loading-restart"] = run12.SERVER["loading"]
run12.SCEN.update({
    "blackholed": (None, {"REDIS_URL": f"redis://{DROP}:6379"}, {"extra": 10}),
    # the server is killed at 4 s and started again at 6 s on a 3M-key RDB: LOADING until it is read
    "loading-restart": ("loading-restart", {"REDIS_URL": f"redis://{KV}:6379"}, {"big": True, "kill_at": 4, "back_at": 6, "extra": 4}),
    # REPLICAOF a master that refuses (10.67.0.10) sent at 4 s: the server becomes a read-only replica, writes READONLY
    "readonly-after-replicaof": ("plain", {"REDIS_URL": f"redis://{KV}:6379"}, {"replicaof_at": 4}),
    "mixed-pglocal-api-healthy": ("plain", {"REDIS_URL": f"redis://{KV}:6379", "API_HOST": "api.shipengine.com",
                                            "DATABASE_URL": "postgres://app:pgpassw0rd@127.0.0.1:5432/app_db"}, {}),
})
for base in ["maxclients", "tls-to-plain", "killed-then-back", "loading-restart", "readonly-after-replicaof", "blackholed",
             "url-space-inside", "url-bad-port"]:
    mode, env, act = run12.SCEN[base]
    run12.SCEN[f"mix-{base}"] = (mode, {**env, **MIX}, act)
run12.CLIENTS.clear()
run12.CLIENTS.update({
    "orders-noderedis5": ("exec node orders-noderedis5.js", 13),
    "sessions-ioredis": ("exec node sessions-ioredis.js", 13),
    "notify-redis-py6-asyncio": (f"exec {PY} notify_asyncio.py", 13),
    "price-cache-valkey-py": (f"exec {PY} valkey_cache.py", 13),
    "metrics-valkey-glide": (f"exec {PY} glide_worker.py", 13),
    "digest-ruby-redis": ("exec ruby jobs.rb", 13),
    "fragments-phpredis": ("exec php cache.php", 13),
    "counter-perl-redis": ("exec perl counter.pl", 13),
})
PLAN = {  # which scenarios each app ran
    "orders-noderedis5": ["healthy", "mix-maxclients", "tls-to-plain", "url-space-inside", "mix-readonly-after-replicaof",
                          "mixed-pg-api-healthy"],
    "sessions-ioredis": ["healthy", "mixed-pg-api-healthy", "plain-to-tls", "killed-then-back", "loading-restart",
                         "mix-blackholed"],
    "notify-redis-py6-asyncio": ["healthy", "readonly-after-replicaof", "url-typo-scheme", "mix-maxclients",
                                 "tls-to-plain", "mixed-pglocal-api-healthy"],
    "price-cache-valkey-py": ["healthy", "mixed-pg-api-healthy", "killed-then-back", "url-missing-slashes",
                              "mix-loading-restart", "plain-to-tls"],
    "metrics-valkey-glide": ["healthy", "blackholed", "maxclients", "mix-killed-then-back", "mix-url-bad-port"],
    "digest-ruby-redis": ["mixed-pg-api-healthy", "readonly-after-replicaof", "mix-tls-to-plain", "mix-url-space-inside",
                          "loading-restart"],
    "fragments-phpredis": ["healthy", "maxclients", "mix-url-bad-port", "mix-killed-then-back", "mixed-pglocal-api-healthy"],
    "counter-perl-redis": ["healthy", "mixed-pg-api-healthy", "killed-then-back", "mix-readonly-after-replicaof",
                           "blackholed", "url-typo-scheme"],
}
_start, _run_one = run12.start_server, run12.run_one
_first = {"loading-restart": False}


def start_server(mode: str, bind: str = "0.0.0.0"):
    p = _start(mode, bind)
    if mode == "loading-restart" and _first["loading-restart"]:  # the first start: wait until the RDB is read
        _first["loading-restart"] = False
        for _ in range(300):
            if run12.cli("PING") == "PONG":
                break
            time.sleep(0.2)
    return p


def run_one(client: str, scen: str, out: Path):
    _first["loading-restart"] = True
    act = run12.SCEN[scen][2]
    timer = None
    if "replicaof_at" in act:  # the server starts within the first second; the app runs from then
        timer = threading.Timer(act["replicaof_at"] + 0.8, run12.cli, ("REPLICAOF", RF, "6379"))
        timer.start()
    try:
        return _run_one(client, scen, out)
    finally:
        if timer:
            timer.cancel()


run12.start_server, run12.run_one = start_server, run_one

if __name__ == "__main__":
    run12.main(sys.argv, PLAN)
