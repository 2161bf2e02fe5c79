#!/usr/bin/env python3
"""Driver of the heldout9 captures (issue 13, session 6): clients this project had never run, each against a
real redis-server broken on purpose inside the b9 network namespace (netns.sh up first; run as root).

    run.py APP_DIR OUT_DIR [client/scenario ...]     # default: every pair of PLAN

APP_DIR holds the client scripts of this folder with node_modules/ (package.json) and .venv/ (requirements.txt);
it is bind-mounted on /opt/render/project/src (Render's checkout path) in a private mount namespace, so stack
traces show Render's paths. Output: OUT_DIR/<client>/<scenario>.log (stdout+stderr, as printed) and
OUT_DIR/MANIFEST.tsv (exit code, lines). Every server is started fresh per run on 0.0.0.0:6379 of b9.
"""
import os, subprocess, sys, time
from pathlib import Path

KV, RF, BH, NX = ("red-d2b9kv0q67qs70c2kvup", "red-d2b9rf0q67qs70c2rfsd", "red-d2b9bh0q67qs70c2bhol",
                  "red-d2b9nx0q67qs70c2nxdm")
PG = "postgres://app:pgpassw0rd@dpg-d2b9pg0q67qs70c2pgaa-a:5432/app_db"
TLS = Path("/work/scratch-batch9/tls")
WORK = Path("/tmp/b9-work")
SRC = "/opt/render/project/src"
PY = f"{SRC}/.venv/bin/python"

CLIENTS = {  # name -> start command (run in SRC), seconds it may run
    "bee-queue": ("node beequeue-worker.js", 12),
    "node-redis3": ("node noderedis3-app.js", 12),
    "keyv": ("node keyv-cache.js", 12),
    "connect-redis-ioredis": ("node session-app.js", 14),
    "rate-limiter-flexible": ("node ratelimit-app.js", 12),
    "rate-limiter-flexible-nowait": ("STARTUP_MS=0 exec node ratelimit-app.js", 12),
    "valkey-py": (f"{PY} valkey_app.py", 14),
    "redis-asyncio": (f"{PY} asyncio_app.py", 14),
    "arq": (f"{PY} -m arq arq_worker.WorkerSettings", 12),
    "dramatiq": (f"{PY} dramatiq_tasks.py & exec {PY} -m dramatiq dramatiq_tasks -p 1 -t 1", 12),
    "huey": (f"HUEY_PRODUCE=1 exec {PY} -m huey.bin.huey_consumer huey_tasks.huey -w 1", 12),
    "phpredis": ("php phpredis_app.php", 14),
    "predis": ("php predis_app.php", 14),
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
}
# scenario -> (server mode or None, env, actions)
SCEN = {
    "healthy": ("plain", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "down-refused": (None, {"REDIS_URL": f"redis://{RF}:6379"}, {}),
    "down-loopback-default": (None, {}, {}),  # REDIS_URL not set: the client's default
    "dns-nxdomain": (None, {"REDIS_URL": f"redis://{NX}:6379"}, {}),
    "blackholed": (None, {"REDIS_URL": f"redis://{BH}:6379"}, {"extra": 10}),
    "killed-not-back": ("plain", {"REDIS_URL": f"redis://{KV}:6379"}, {"kill_at": 4}),
    "killed-then-back": ("plain", {"REDIS_URL": f"redis://{KV}:6379"}, {"kill_at": 4, "back_at": 8}),
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
    "mixed-pg-stripe": ("plain", {"REDIS_URL": f"redis://{KV}:6379", "DATABASE_URL": PG, "API_HOST": "api.stripe.com"}, {}),
    "mixed-sendgrid": ("plain", {"REDIS_URL": f"redis://{KV}:6379", "API_HOST": "api.sendgrid.net"}, {}),
    "mixed-pg-redis-refused": (None, {"REDIS_URL": f"redis://{RF}:6379", "DATABASE_URL": PG}, {}),
}
PLAN = {  # which scenarios each client ran
    "bee-queue": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "wrongpass", "oom", "mixed-pg-stripe", "url-no-colon"],
    "node-redis3": ["healthy", "down-loopback-default", "blackholed", "killed-not-back", "noauth", "readonly", "tls-to-plain", "mixed-sendgrid"],
    "keyv": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "wrongpass", "maxclients", "plain-to-tls", "url-bad-port"],
    "connect-redis-ioredis": ["healthy", "down-refused", "killed-not-back", "noauth", "oom", "tls-untrusted", "mixed-pg-stripe", "loading"],
    "rate-limiter-flexible": ["healthy", "dns-nxdomain", "blackholed", "wrongpass", "readonly", "killed-then-back", "mixed-sendgrid"],
    "rate-limiter-flexible-nowait": ["healthy"],
    "valkey-py": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "wrongpass", "readonly", "tls-untrusted", "mixed-pg-stripe", "url-http-scheme"],
    "redis-asyncio": ["healthy", "down-loopback-default", "blackholed", "killed-not-back", "noauth", "oom", "maxclients", "plain-to-tls", "mixed-pg-redis-refused"],
    "arq": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "wrongpass", "readonly", "loading", "mixed-sendgrid"],
    "dramatiq": ["healthy", "down-refused", "killed-not-back", "noauth", "oom", "tls-to-plain", "mixed-pg-stripe"],
    "huey": ["healthy", "dns-nxdomain", "killed-then-back", "wrongpass", "readonly", "maxclients", "url-bad-port"],
    "phpredis": ["healthy", "down-refused", "dns-nxdomain", "noauth", "oom", "readonly", "killed-not-back", "mixed-pg-stripe"],
    "predis": ["healthy", "down-loopback-default", "blackholed", "wrongpass", "readonly", "maxclients", "killed-then-back", "tls-untrusted"],
}


def ns(cmd: str) -> list[str]:
    """cmd in b9, with the app directory on Render's checkout path."""
    inner = f"mount --bind {APP} {SRC} && cd {SRC} && exec sh -c {sh_quote(cmd)}"
    return ["ip", "netns", "exec", "b9", "unshare", "-m", "sh", "-c", inner]


def sh_quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def cli(*args: str) -> str:
    return subprocess.run(["ip", "netns", "exec", "b9", "redis-cli", "-p", "6379", *args],
                          capture_output=True, text=True, timeout=60).stdout.strip()


def start_server(mode: str) -> subprocess.Popen:
    d = WORK / "data"; d.mkdir(parents=True, exist_ok=True)
    if mode != "loading":
        (d / "dump.rdb").unlink(missing_ok=True)
    argv = ["ip", "netns", "exec", "b9", "redis-server", "--bind", "0.0.0.0", "--port", "6379", "--protected-mode", "no",
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
    stop_server(p)  # sent until heldout13 found it (heldout9's LOADING runs started an empty server: arq's db_keys=0)
    (d / "dump.rdb").rename(d / "big.rdb")


def run_one(client: str, scen: str, out: Path) -> tuple[int, int]:
    cmd, secs = CLIENTS[client]
    mode, env, act = SCEN[scen]
    if act.get("big"):
        make_big_rdb()
    server = start_server(mode) if mode else None
    holder = None
    if act.get("hold"):  # the only client slot, held by a subscriber
        holder = subprocess.Popen(["ip", "netns", "exec", "b9", "redis-cli", "-p", "6379", "SUBSCRIBE", "hold"],
                                  stdout=subprocess.DEVNULL)
        time.sleep(0.5)
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
                server = start_server(mode); back = True
            time.sleep(0.1)
        if p.poll() is None:
            os.killpg(p.pid, 2)
            try:
                p.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, 9); p.wait()
    if holder:
        holder.terminate(); holder.wait()
    stop_server(server)
    return p.returncode, len(out.read_bytes().splitlines())


if __name__ == "__main__":
    APP, OUT = Path(sys.argv[1]), Path(sys.argv[2])
    pairs = [a.split("/") for a in sys.argv[3:]] or [[c, s] for c, ss in PLAN.items() for s in ss]
    man = OUT / "MANIFEST.tsv"
    for client, scen in pairs:
        (OUT / client).mkdir(parents=True, exist_ok=True)
        rc, n = run_one(client, scen, OUT / client / f"{scen}.log")
        with open(man, "a") as m:
            m.write(f"{client}/{scen}.log\t{rc}\t{n}\n")
        print(f"{client}/{scen}: rc={rc} lines={n}", flush=True)
