#!/usr/bin/env python3
"""Driver of the heldout12 captures (issue 13, session 7): clients this project had never run, and the six
"mixed" cells the matrix lacked, each against a real redis-server broken on purpose inside the b12 network
namespace (netns.sh up first; run as root). heldout9's driver (../heldout9/run.py) with other names, a loopback
shape (the server on 127.0.0.1:6379 of b12) and the mixed scenarios with both PostgreSQL and an HTTP API failing.

    run.py APP_DIR OUT_DIR [client/scenario ...]     # default: every pair of PLAN

APP_DIR holds the scripts of this folder (and ../heldout9/deps.*) with node_modules/ (package.json) and .venv/
(requirements.txt); it is bind-mounted on /opt/render/project/src (Render's checkout path) in a private mount
namespace, so stack traces show Render's paths. Output: OUT_DIR/<client>/<scenario>.log (stdout+stderr, as
printed) and OUT_DIR/MANIFEST.tsv (exit code, lines). Every server is started fresh per run.
"""
import os, subprocess, sys, time
from pathlib import Path

NS = "b12"
KV, RF, BH, NX = ("red-d4h12kv0q67qs70c2kvup", "red-d4h12rf0q67qs70c2rfsd", "red-d4h12bh0q67qs70c2bhol",
                  "red-d4h12nx0q67qs70c2nxdm")
PG = "postgres://app:pgpassw0rd@dpg-d4h12pg0q67qs70c2pgaa-a:5432/app_db"
TLS = Path(os.environ.get("H12_TLS", "/tmp/h12tls"))  # ca.crt, server.crt/key: a throw-away CA (openssl req -x509)
WORK = Path("/tmp/b12-work")
SRC = "/opt/render/project/src"
PY = f"{SRC}/.venv/bin/python"

CLIENTS = {  # name -> start command (run in SRC), seconds it may run
    "iovalkey": ("node iovalkey-worker.js", 12),
    "fastify-redis": ("node fastify-app.js", 12),
    "cache-manager-redis-yet": ("node cache-manager-app.js", 12),
    "node-redis5-pool": ("node redis5-pool.js", 12),
    "ioredis-cluster": ("node ioredis-cluster.js", 12),
    "coredis": (f"{PY} coredis_app.py", 12),
    "saq": (f"{PY} saq_app.py", 12),
    "taskiq-redis": (f"{PY} taskiq_app.py", 12),
    "channels-redis": (f"{PY} channels_app.py", 12),
    "perl-redis": ("perl perl_redis.pl", 12),
    "redigo": ("./redigo-worker", 12),
    # the mixed cells: a Redis client plus PostgreSQL and an HTTP API
    "mixed-node-redis4": ("node mixed-noderedis.js", 12),
    "mixed-node-redis5": ("NODE_REDIS=redis5 exec node mixed-noderedis.js", 12),
    "mixed-bullmq": ("node mixed-bullmq.js", 12),
    "mixed-celery": (f"{PY} mixed_celery.py & exec {PY} -m celery -A mixed_celery worker --loglevel=INFO -c 1 --without-heartbeat --without-mingle --without-gossip", 14),
    "mixed-rq": (f"{PY} mixed_rq.py & exec {PY} -m rq.cli worker --url \"$REDIS_URL\" mixed", 14),
    "mixed-sidekiq": ("ruby mixed_sidekiq_push.rb & exec sidekiq -r ./mixed_sidekiq.rb -c 1", 16),
}
SERVER = {
    "plain": [],
    "auth": ["--requirepass", "s3cretpassw0rd"],
    "tls": ["--port", "0", "--tls-port", "6379", "--tls-cert-file", str(TLS / "server.crt"),
            "--tls-key-file", str(TLS / "server.key"), "--tls-ca-cert-file", str(TLS / "ca.crt"), "--tls-auth-clients", "no"],
    "maxclients": ["--maxclients", "1"],
    "oom": ["--maxmemory", "3mb", "--maxmemory-policy", "noeviction"],
    "readonly": ["--replicaof", "127.0.0.1", "6391"],
    "loading": ["--dbfilename", "big.rdb"],
    "cluster": ["--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"],  # heldout13: a one-node cluster
}
LO = "redis://127.0.0.1:6379"
# scenario -> (server mode or None, env, actions); "bind_lo": the server listens on 127.0.0.1 only (loopback shape)
SCEN = {
    "healthy": ("plain", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "healthy-loopback": ("plain", {"REDIS_URL": LO}, {"bind_lo": True}),
    "down-refused": (None, {"REDIS_URL": f"redis://{RF}:6379"}, {}),
    "down-loopback-default": (None, {}, {}),
    "down-loopback-6380": (None, {"REDIS_URL": "redis://127.0.0.1:6380"}, {}),
    "dns-nxdomain": (None, {"REDIS_URL": f"redis://{NX}:6379"}, {}),
    "dns-servfail": (None, {"REDIS_URL": "redis://cache.sendgrid.net:6379"}, {}),
    "blackholed": (None, {"REDIS_URL": f"redis://{BH}:6379"}, {"extra": 10}),
    "killed-not-back": ("plain", {"REDIS_URL": f"redis://{KV}:6379"}, {"kill_at": 4}),
    "killed-then-back": ("plain", {"REDIS_URL": f"redis://{KV}:6379"}, {"kill_at": 4, "back_at": 8}),
    "killed-then-back-loopback": ("plain", {"REDIS_URL": LO}, {"kill_at": 4, "back_at": 8, "bind_lo": True}),
    "killed-not-back-loopback": ("plain", {"REDIS_URL": LO}, {"kill_at": 4, "bind_lo": True}),
    "noauth": ("auth", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "wrongpass": ("auth", {"REDIS_URL": f"redis://default:wr0ngpassw0rd@{KV}:6379"}, {}),
    "plain-to-tls": ("tls", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "tls-to-plain": ("plain", {"REDIS_URL": f"rediss://{KV}:6379"}, {}),
    "tls-untrusted": ("tls", {"REDIS_URL": f"rediss://{KV}:6379"}, {}),
    "maxclients": ("maxclients", {"REDIS_URL": f"redis://{KV}:6379"}, {"hold": True}),
    "oom": ("oom", {"REDIS_URL": f"redis://{KV}:6379"}, {"fill": True}),
    "readonly": ("readonly", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "loading": ("loading", {"REDIS_URL": f"redis://{KV}:6379"}, {"big": True}),
    "url-no-colon": (None, {"REDIS_URL": f"redis//{KV}:6379"}, {}),
    "url-bad-port": (None, {"REDIS_URL": f"redis://{KV}:6379x"}, {}),
    "url-http-scheme": ("plain", {"REDIS_URL": f"http://{KV}:6379"}, {}),
    "url-empty": (None, {"REDIS_URL": ""}, {}),
    "cluster-healthy": ("cluster", {"REDIS_URL": f"redis://{KV}:6379"}, {"slots": True}),  # one node owning every slot
    "cluster-disabled": ("plain", {"REDIS_URL": f"redis://{KV}:6379"}, {}),  # a Cluster client, a server without cluster mode
    # the mixed cells: PostgreSQL refuses and the HTTP API's name does not resolve, in the same log
    "mixed-pg-api-healthy": ("plain", {"REDIS_URL": f"redis://{KV}:6379", "DATABASE_URL": PG, "API_HOST": "api.stripe.com"}, {}),
    "mixed-pg-api-redis-refused": (None, {"REDIS_URL": f"redis://{RF}:6379", "DATABASE_URL": PG, "API_HOST": "api.stripe.com"}, {}),
    "mixed-pg-api-redis-dns": (None, {"REDIS_URL": f"redis://{NX}:6379", "DATABASE_URL": PG, "API_HOST": "api.stripe.com"}, {}),
    "mixed-pg-api-redis-killed": ("plain", {"REDIS_URL": f"redis://{KV}:6379", "DATABASE_URL": PG, "API_HOST": "api.stripe.com"}, {"kill_at": 5}),
    "mixed-pg-api-redis-wrongpass": ("auth", {"REDIS_URL": f"redis://default:wr0ngpassw0rd@{KV}:6379", "DATABASE_URL": PG, "API_HOST": "api.stripe.com"}, {}),
}
PLAN = {  # which scenarios each client ran
    "iovalkey": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "wrongpass", "oom", "url-no-colon"],
    "fastify-redis": ["healthy", "down-loopback-default", "blackholed", "killed-not-back", "noauth", "tls-untrusted", "readonly"],
    "cache-manager-redis-yet": ["healthy", "down-refused", "dns-servfail", "killed-then-back-loopback", "wrongpass", "maxclients", "url-http-scheme"],
    "node-redis5-pool": ["healthy-loopback", "down-loopback-6380", "dns-nxdomain", "killed-not-back", "noauth", "plain-to-tls"],
    "ioredis-cluster": ["cluster-disabled", "down-refused"],
    "coredis": ["healthy", "down-refused", "dns-nxdomain", "killed-not-back-loopback", "wrongpass", "tls-untrusted", "url-bad-port"],
    "saq": ["healthy", "down-loopback-default", "blackholed", "killed-then-back", "noauth", "oom"],
    "taskiq-redis": ["healthy", "down-refused", "dns-nxdomain", "killed-not-back", "wrongpass", "loading"],
    "channels-redis": ["healthy", "down-refused", "killed-then-back", "noauth", "maxclients", "tls-to-plain"],
    "perl-redis": ["healthy", "down-refused", "dns-nxdomain", "killed-not-back", "wrongpass", "oom", "url-empty"],
    "redigo": ["healthy", "down-loopback-default", "blackholed", "killed-then-back", "wrongpass", "oom", "url-http-scheme"],
    "mixed-node-redis4": ["mixed-pg-api-healthy", "mixed-pg-api-redis-refused"],
    "mixed-node-redis5": ["mixed-pg-api-healthy", "mixed-pg-api-redis-dns"],
    "mixed-bullmq": ["mixed-pg-api-healthy", "mixed-pg-api-redis-killed"],
    "mixed-celery": ["mixed-pg-api-healthy", "mixed-pg-api-redis-refused", "mixed-pg-api-redis-killed"],
    "mixed-rq": ["mixed-pg-api-healthy", "mixed-pg-api-redis-wrongpass", "mixed-pg-api-redis-killed"],
    "mixed-sidekiq": ["mixed-pg-api-healthy", "mixed-pg-api-redis-dns", "mixed-pg-api-redis-killed"],
}


def sh_quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def ns(cmd: str) -> list[str]:
    """cmd in b12, with the app directory on Render's checkout path."""
    inner = f"mount --bind {APP} {SRC} && cd {SRC} && exec sh -c {sh_quote(cmd)}"
    return ["ip", "netns", "exec", NS, "unshare", "-m", "sh", "-c", inner]


def cli(*args: str) -> str:
    return subprocess.run(["ip", "netns", "exec", NS, "redis-cli", "-p", "6379", *args],
                          capture_output=True, text=True, timeout=60).stdout.strip()


def start_server(mode: str, bind: str = "0.0.0.0") -> subprocess.Popen:
    d = WORK / "data"; d.mkdir(parents=True, exist_ok=True)
    if mode != "loading":
        (d / "dump.rdb").unlink(missing_ok=True)
    (d / "nodes.conf").unlink(missing_ok=True)  # a cluster node starts with no slots
    argv = ["ip", "netns", "exec", NS, "redis-server", "--bind", bind, "--port", "6379", "--protected-mode", "no",
            "--save", "", "--appendonly", "no", "--dir", str(d), "--enable-debug-command", "yes",
            "--logfile", str(WORK / "server.log"), *SERVER[mode]]
    p = subprocess.Popen(argv)
    time.sleep(0.2 if mode == "loading" else 0.8)
    return p


def stop_server(p: subprocess.Popen | None) -> None:
    if p and p.poll() is None:
        p.terminate()
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill(); p.wait()


def make_big_rdb() -> None:
    """An RDB of 3M keys (big.rdb) that takes the server a few seconds to load."""
    d = WORK / "data"; d.mkdir(parents=True, exist_ok=True)
    if (d / "big.rdb").exists():
        return
    p = start_server("plain")
    cli("DEBUG", "POPULATE", "3000000", "key", "64")
    cli("SAVE")  # dump.rdb, renamed: Redis 7 refuses CONFIG SET dbfilename (a protected config), which this driver
    stop_server(p)  # sent until heldout13 found it (heldout12's LOADING run started an empty server)
    (d / "dump.rdb").rename(d / "big.rdb")


def run_one(client: str, scen: str, out: Path) -> tuple[int, int]:
    cmd, secs = CLIENTS[client]
    mode, env, act = SCEN[scen]
    bind = "127.0.0.1" if act.get("bind_lo") else "0.0.0.0"
    if act.get("big"):
        make_big_rdb()
    server = start_server(mode, bind) if mode else None
    holder = None
    if act.get("hold"):  # the only client slot, held by a subscriber
        holder = subprocess.Popen(["ip", "netns", "exec", NS, "redis-cli", "-p", "6379", "SUBSCRIBE", "hold"],
                                  stdout=subprocess.DEVNULL)
        time.sleep(0.5)
    if act.get("slots"):
        cli("CLUSTER", "ADDSLOTSRANGE", "0", "16383"); time.sleep(1.5)
    if act.get("fill"):
        cli("DEBUG", "POPULATE", "200000", "fill", "64")
    envs = " ".join(f"{k}={sh_quote(v)}" for k, v in env.items())
    full = f"env -u REDIS_URL NODE_ENV=production PORT=10000 PYTHONUNBUFFERED=1 {envs} sh -c {sh_quote(cmd)}"
    secs += act.get("extra", 0)
    with open(out, "wb") as f:
        p = subprocess.Popen(ns(full), stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
        t0 = time.monotonic()
        killed = back = False
        while p.poll() is None and time.monotonic() - t0 < secs:
            el = time.monotonic() - t0
            if "kill_at" in act and not killed and el >= act["kill_at"]:
                cli("SHUTDOWN", "NOSAVE"); stop_server(server); server = None; killed = True
            if "back_at" in act and killed and not back and el >= act["back_at"]:
                server = start_server(mode, bind); back = True
            time.sleep(0.1)
        if p.poll() is None:
            os.killpg(p.pid, 2)
            try:
                p.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, 9); p.wait()
    try:  # a producer started with `&` outlives a worker that died by itself: its lines would land in the next run's file
        os.killpg(p.pid, 9)
    except ProcessLookupError:
        pass
    if holder:
        holder.terminate(); holder.wait()
    stop_server(server)
    return p.returncode, len(out.read_bytes().splitlines())


def main(argv: list[str], plan: dict[str, list[str]]) -> None:
    """run.py APP_DIR OUT_DIR [client/scenario ...]: each pair (default: every one of `plan`) into OUT_DIR, listed in
    OUT_DIR/MANIFEST.tsv. Later batches' drivers call it with their own plan."""
    global APP
    APP, out = Path(argv[1]), Path(argv[2])
    pairs = [a.split("/") for a in argv[3:]] or [[c, s] for c, ss in plan.items() for s in ss]
    for client, scen in pairs:
        (out / client).mkdir(parents=True, exist_ok=True)
        rc, n = run_one(client, scen, out / client / f"{scen}.log")
        with open(out / "MANIFEST.tsv", "a") as m:
            m.write(f"{client}/{scen}.log\t{rc}\t{n}\n")
        print(f"{client}/{scen}: rc={rc} lines={n}", flush=True)


if __name__ == "__main__":
    main(sys.argv, PLAN)
