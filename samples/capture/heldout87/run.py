#!/usr/bin/env python3
"""Driver of the heldout87 captures (issue 13, session 20): the VERSION SPREAD of Redis clients, old and new majors
side by side, each in a small app of its own (apps/) with its own log lines, broken on purpose against a real
redis-server 7.0.15 (Debian 12) in the h89n namespace (netns.sh; host `redis` 10.189.0.9, `kv` 10.189.1.9 across a
veth in h89s, `postgres`/`billing-api` 10.189.0.10 refused, 10.189.1.8 a black hole, other names NXDOMAIN).
Clients (one install each, /tmp/h89/n/<dir> from npm, /tmp/h89/py/<venv> from PyPI, Ruby's from Debian):
  node_redis 2.8.0, node_redis 3.1.2, node-redis 4.7.0, node-redis 5, ioredis 4.28.5, ioredis 5, Bull 3, BullMQ 5,
  redis-py 2.10.6 and 3.5.3 (Python 3.8), aioredis 1.3.1 (3.8), aioredis 2.0.1 and redis-py 4.6.0 (3.10),
  redis-py 5.2.1 and 6.x (3.11), ruby-redis 4.8.0 (Debian).
A fresh server per run (its --dir in /tmp/h89/srv); the app runs `SECS` seconds, stdout and stderr to one file,
then gets SIGINT (and SIGKILL 2 s later), as a container stopped. Usage (root, `netns.sh up` first):
  run.py OUT_DIR app/scenario ..."""
import os, shutil, signal, subprocess, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NS, SRV, TLS = "h89n", Path("/tmp/h89/srv"), Path("/tmp/h89/tls")
NODE, PY = Path("/tmp/h89/n"), Path("/tmp/h89/py")
APPS = {  # app -> (install, interpreter, file)
    "catalog-nr28": ("redis28", "node", "catalog-nr28.js"),
    "prices-nr3": ("redis3", "node", "prices-nr3.js"),
    "cart-nr4": ("redis4", "node", "cart-nr4.js"),
    "feed-nr5": ("redis5", "node", "feed-nr5.js"),
    "leaderboard-io4": ("ioredis4", "node", "leaderboard-io4.js"),
    "ratelimit-io5": ("ioredis5", "node", "ratelimit-io5.js"),
    "mailer-bull3": ("bull3", "node", "mailer-bull3.js"),
    "reports-bullmq": ("bullmq", "node", "reports-bullmq.js"),
    "inventory-r210": ("r210", "py", "inventory_r210.py"),
    "tokens-r35": ("r35", "py", "tokens_r35.py"),
    "orders-r4": ("r4", "py", "orders_r4.py"),
    "search-r5": ("r5", "py", "search_r5.py"),
    "notifier-r6": ("r6", "py", "notifier_r6.py"),
    "chat-aio13": ("aio13", "py", "chat_aio13.py"),
    "presence-aio20": ("aio20", "py", "presence_aio20.py"),
    "jobs-rb": (None, "ruby", "jobs_rb.rb"),
}
R = "redis://redis:6379"
SERVER = {  # mode -> (namespace, bind, extra redis-server arguments); bound on the host address only: nothing on loopback
    "plain": (NS, "10.189.0.9", []),
    "far": ("h89s", "10.189.1.9", []),
    "auth": (NS, "10.189.0.9", ["--requirepass", "s3cretpassw0rd"]),
    "tls": (NS, "10.189.0.9", ["--port", "0", "--tls-port", "6379", "--tls-cert-file", f"{TLS}/redis.crt",
                            "--tls-key-file", f"{TLS}/redis.key", "--tls-ca-cert-file", f"{TLS}/ca.crt",
                            "--tls-auth-clients", "no"]),
    "maxclients": (NS, "10.189.0.9", ["--maxclients", "1"]),
    "oom": (NS, "10.189.0.9", ["--maxmemory", "3mb", "--maxmemory-policy", "noeviction"]),
    "readonly": (NS, "10.189.0.9", ["--replicaof", "10.189.0.10", "6379"]),
    "loading": (NS, "10.189.0.9", ["--dbfilename", "big2.rdb", "--key-load-delay", "20"]),  # ~7 s of LOADING
}
SCEN = {  # scenario -> (server mode or None, env, actions)
    "healthy": ("plain", {"REDIS_URL": R}, {}),
    "down-at-boot": (None, {"REDIS_URL": R}, {}),
    "killed-then-back": ("plain", {"REDIS_URL": R}, {"kill_at": 6, "back_at": 12}),
    "killed-not-back": ("plain", {"REDIS_URL": R}, {"kill_at": 6}),
    "blackhole": (None, {"REDIS_URL": "redis://10.189.1.8:6379"}, {}),
    "partition": ("far", {"REDIS_URL": "redis://kv:6379"}, {"part_at": 6}),
    "partition-healed": ("far", {"REDIS_URL": "redis://kv:6379"}, {"part_at": 6, "heal_at": 16}),
    "noauth": ("auth", {"REDIS_URL": R}, {}),
    "wrongpass": ("auth", {"REDIS_URL": "redis://:wr0ngpassw0rd@redis:6379"}, {}),
    "plain-to-tls": ("tls", {"REDIS_URL": R}, {}),
    "tls-to-plain": ("plain", {"REDIS_URL": "rediss://redis:6379"}, {}),
    "maxclients": ("maxclients", {"REDIS_URL": R}, {"hold": True}),
    "oom": ("oom", {"REDIS_URL": R}, {"fill": True}),
    "readonly": ("readonly", {"REDIS_URL": R}, {}),
    "loading": ("loading", {"REDIS_URL": R}, {"restart_loading_at": 6}),
    "url-unset": ("plain", {}, {}),  # the server is at `redis`; nothing listens on the client's loopback default
    "url-empty": ("plain", {"REDIS_URL": ""}, {}),
    "url-bad-scheme": ("plain", {"REDIS_URL": "http://redis:6379"}, {}),
    "url-typo-scheme": ("plain", {"REDIS_URL": "reddis://redis:6379"}, {}),
    "url-bad-port": ("plain", {"REDIS_URL": "redis://redis:6739"}, {}),  # two digits swapped: refused
    "url-port-nan": ("plain", {"REDIS_URL": "redis://redis:${REDIS_PORT}"}, {}),
    "url-no-host": ("plain", {"REDIS_URL": "redis://:6379"}, {}),
    "mixed-pg-api-healthy": ("plain", {"REDIS_URL": R, "DATABASE_URL": "postgres://shop:pgpassw0rd@postgres:5432/shop",
                                       "API_URL": "http://billing-api:8080"}, {}),
    "mixed-api-nxdomain-healthy": ("plain", {"REDIS_URL": R, "API_URL": "https://api.stripe.com"}, {}),
    "mixed-pg-healthy": ("plain", {"REDIS_URL": R, "DATABASE_URL": "postgres://shop:pgpassw0rd@postgres:5432/shop"}, {}),
}
SECS = 22


def cli(ns: str, host: str, *args: str) -> str:
    return subprocess.run(["ip", "netns", "exec", ns, "redis-cli", "-h", host, "-p", "6379", *args],
                          capture_output=True, text=True).stdout


def start_server(mode: str) -> subprocess.Popen:
    ns, bind, extra = SERVER[mode]
    SRV.mkdir(parents=True, exist_ok=True)
    host = "10.189.1.9" if ns == "h89s" else "10.189.0.9"
    if mode == "loading":  # a dump of 100k keys, written by a plain server first
        if not (SRV / "big2.rdb").exists():
            p = subprocess.Popen(["ip", "netns", "exec", ns, "redis-server", "--bind", bind, "--port", "6379",
                                  "--dir", str(SRV), "--dbfilename", "big2.rdb", "--protected-mode", "no", "--enable-debug-command", "yes",
                                  "--logfile", str(SRV / "server.log")])
            time.sleep(0.5); assert cli(ns, host, "DEBUG", "POPULATE", "100000").strip() == "OK"; cli(ns, host, "SAVE")
            cli(ns, host, "SHUTDOWN", "NOSAVE"); p.wait()
        extra = ["--dbfilename", "big2.rdb"]  # first boot: loads at full speed
    p = subprocess.Popen(["ip", "netns", "exec", ns, "redis-server", "--bind", bind, "--port", "6379", "--save", "",
                          "--appendonly", "no", "--dir", str(SRV), "--protected-mode", "no", "--enable-debug-command", "yes",
                          "--logfile", str(SRV / "server.log"), *extra])
    time.sleep(0.4 if mode != "loading" else 3)
    return p


def run(app: str, scen: str, out: Path) -> None:
    inst, interp, fname = APPS[app]
    mode, env, act = SCEN[scen]
    if interp == "node":
        wd = NODE / inst; shutil.copy(HERE / "apps" / fname, wd / fname); cmd = ["node", fname]
    elif interp == "py":
        wd = Path("/tmp/h89/app"); wd.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "apps" / fname, wd / fname); cmd = [str(PY / inst / "bin" / "python"), "-u", fname]
    else:
        wd = Path("/tmp/h89/app"); wd.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "apps" / fname, wd / fname); cmd = ["ruby", fname]
    srv = start_server(mode) if mode else None
    holder = None
    if act.get("hold"):  # the one client slot taken by another process
        holder = subprocess.Popen(["ip", "netns", "exec", NS, "redis-cli", "-h", "redis", "-p", "6379", "-i", "1",
                                   "-r", "100000", "PING"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
    if act.get("fill"):  # past maxmemory before the app starts (DEBUG needs --enable-debug-command off loopback)
        assert cli(NS, "redis", "DEBUG", "POPULATE", "40000", "fill", "64").strip() == "OK"; time.sleep(0.2)
    fenv = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/root", "LANG": "C.UTF-8", **env}
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as f:
        p = subprocess.Popen(["ip", "netns", "exec", NS, "env", "-i", *[f"{k}={v}" for k, v in fenv.items()], *cmd],
                             cwd=wd, stdout=f, stderr=subprocess.STDOUT, start_new_session=True)
        t0 = time.time()
        done = set()
        while time.time() - t0 < SECS and p.poll() is None:
            t = time.time() - t0
            if "kill_at" in act and t >= act["kill_at"] and "kill" not in done:
                srv.kill(); srv.wait(); done.add("kill")
            if "back_at" in act and t >= act["back_at"] and "back" not in done:
                srv = start_server(mode); done.add("back")
            if "restart_loading_at" in act and t >= act["restart_loading_at"] and "rl" not in done:
                cli(NS, "redis", "SHUTDOWN", "NOSAVE"); srv.wait()
                ns, bind, extra = SERVER["loading"]
                srv = subprocess.Popen(["ip", "netns", "exec", ns, "redis-server", "--bind", bind, "--port", "6379",
                                        "--save", "", "--dir", str(SRV), "--protected-mode", "no", "--enable-debug-command", "yes",
                                        "--logfile", str(SRV / "server.log"), *extra]); done.add("rl")
            if "part_at" in act and t >= act["part_at"] and "part" not in done:
                subprocess.run(["ip", "netns", "exec", NS, "ip", "neigh", "replace", "10.189.1.9", "lladdr",
                                "02:00:5e:89:01:08", "dev", "v89a", "nud", "permanent"]); done.add("part")
            if "heal_at" in act and t >= act["heal_at"] and "heal" not in done:
                subprocess.run(["ip", "netns", "exec", NS, "ip", "neigh", "del", "10.189.1.9", "dev", "v89a"])
                done.add("heal")
            time.sleep(0.1)
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGINT)
            try: p.wait(2)
            except subprocess.TimeoutExpired: os.killpg(p.pid, signal.SIGKILL); p.wait()
    if "part" in done and "heal" not in done:
        subprocess.run(["ip", "netns", "exec", NS, "ip", "neigh", "del", "10.189.1.9", "dev", "v89a"])
    if holder: holder.kill(); holder.wait()
    if srv and srv.poll() is None:
        srv.send_signal(signal.SIGKILL); srv.wait()
    time.sleep(0.3)


if __name__ == "__main__":
    out_dir = Path(sys.argv[1])
    for item in sys.argv[2:]:
        app, scen = item.split("/")
        print(item, flush=True)
        run(app, scen, out_dir / app / f"{scen}.log")
