#!/usr/bin/env python3
"""Driver of the heldout71 captures (issue 13, session 17): server-side connection kills and limits, the faults the
corpora cover least, in small apps that log as deployed (Node.js first: connect-redis on ioredis 5, node-redis 4 and
5, BullMQ 5, the note's memory-cache fallback app; then redis-py 5 sync and asyncio, RQ, Sidekiq 6.4 on redis-rb 4.8).
Each run: a fresh redis-server 7.0 on red-d6h71kv0q67qs70c2kvup:6379 in the h73-a namespace (netns.sh up first; run
this as root inside it: `ip netns exec h73-a python3 run.py APP_DIR OUT_DIR [app/scenario ...]`), the app started with
REDIS_URL pointing at it, the fault injected at fixed seconds through the server's own commands (sent over a raw RESP
socket, not redis-cli: a 1 MB PUBLISH does not fit in an argv). The app's stdout+stderr are stored as printed in
OUT_DIR/<app>/<scenario>.log; the server's log beside the run in /tmp/h73/work (for the labels, not stored).
APP_DIR holds this folder's scripts and node_modules/ (package.json); Python from /tmp/h73/py (redis 5, rq, psycopg2)."""
import os, signal, socket, subprocess, sys, threading, time
from pathlib import Path

KV = "red-d6h71kv0q67qs70c2kvup"
URL = f"redis://{KV}:6379"
PG = "postgres://app:pgpassw0rd@dpg-d6h71pg0q67qs70c2pgaa-a:5432/app_db"  # refused: nothing listens on 10.71.0.10:5432
MIX = {"DATABASE_URL": PG, "API_HOST": "api.stripe.com"}  # the API's name does not resolve in h73-a
WORK = Path("/tmp/h73/work")
PY = "/tmp/h73/py/bin/python"

APPS = {  # name -> start command in APP_DIR (a process group), extra env
    "sessions-connect-redis-ioredis": ("exec node sessions-connect-redis-ioredis.js", {}),
    "catalogue-noderedis4": ("exec node cache-noderedis4.js", {}),
    "notify-noderedis5": ("exec node notify-noderedis5.js", {}),
    "thumbnails-bullmq": ("exec node bullmq-worker.js", {}),
    "fallback-ioredis": ("exec node fallback-cache.js", {"CLIENT": "ioredis"}),
    "fallback-noderedis4": ("exec node fallback-cache.js", {"CLIENT": "redis4"}),
    "pricing-redis-py": (f"exec {PY} pricing_worker.py", {}),
    "chat-redis-py-asyncio": (f"exec {PY} chat_listener.py", {}),
    "invoices-rq": (f"{PY} rq_jobs.py & exec /tmp/h73/py/bin/rq worker --url \"$REDIS_URL\" invoices", {}),
    "digest-sidekiq": ("ruby sidekiq_push.rb & exec sidekiq -r ./sidekiq_jobs.rb -c 2", {}),
}
BIG = {"REPORT_BIG_AFTER_S": "5", "REPORT_BIG_KB": "1200"}
# scenario -> (server arguments, env, [(second, action, argument)])
SCEN = {
    "healthy": ([], {}, []),
    "mixed-pg-api": ([], MIX, []),
    # the server's idle `timeout`: 2 s, the app's traffic every 3.5 s: each command finds its connection closed
    "idle-timeout": (["--timeout", "2"], {"TICK_MS": "3500"}, []),
    # a 1 MB message published on the app's channel at 5 s; pub/sub clients' hard limit 256 KB
    "outbuf-pubsub": (["--client-output-buffer-limit", "pubsub 256kb 64kb 10"], {}, [(5, "publish-big", None)]),
    "client-kill": ([], {}, [(5, "cmd", ["CLIENT", "KILL", "TYPE", "normal"])]),
    "client-kill-repeated": ([], {}, [(t, "cmd", ["CLIENT", "KILL", "TYPE", "normal"]) for t in (4, 6, 8, 10)]),
    "client-kill-pubsub": ([], {}, [(5, "cmd", ["CLIENT", "KILL", "TYPE", "pubsub"])]),
    # maxclients held by another service before the app starts
    "maxclients-full": (["--maxclients", "6"], {}, [(-1, "fill", None)]),
    # at 5 s another service takes every free slot, the app's connections are then dropped (killed) and the limit
    # lowered to what is connected: it cannot reconnect
    "maxclients-midrun": (["--maxclients", "16"], {}, [(5, "fill", None), (5.5, "kill-others", None)]),
    # maxmemory-clients 1 MB; the app's values grow to 1.2 MB at 5 s (its query buffer): the server evicts it
    "maxmemory-clients": (["--maxmemory-clients", "1mb"], BIG, []),
    # proto-max-bulk-len 1 MB (its minimum); the app's values grow to 1.2 MB at 5 s
    "proto-bulk": (["--proto-max-bulk-len", "1mb"], BIG, []),
    "debug-sleep": (["--enable-debug-command", "yes"], {}, [(5, "cmd-bg", ["DEBUG", "SLEEP", "7"])]),
    "busy-script": (["--busy-reply-threshold", "1000"], {},
                    [(5, "cmd-bg", ["EVAL", "local i = 0 while true do i = i + 1 end", "0"]),
                     (11, "cmd", ["SCRIPT", "KILL"])]),
    "client-pause": ([], {}, [(5, "cmd", ["CLIENT", "PAUSE", "7000", "ALL"])]),
    "shutdown-back": ([], {}, [(4, "cmd", ["SHUTDOWN", "NOSAVE"]), (8, "restart", None)]),
    # demoted at 4 s (REPLICAOF a master it never reaches: a read-only replica), promoted back at 10 s
    "readonly-demoted": ([], {}, [(4, "cmd", ["REPLICAOF", "10.71.0.10", "6379"]), (10, "cmd", ["REPLICAOF", "NO", "ONE"])]),
}
PLAN = {  # which scenarios each app ran
    "sessions-connect-redis-ioredis": ["healthy", "idle-timeout", "client-kill", "maxclients-midrun", "debug-sleep",
                                       "readonly-demoted"],
    "catalogue-noderedis4": ["mixed-pg-api", "idle-timeout", "client-pause", "busy-script", "proto-bulk", "shutdown-back"],
    "notify-noderedis5": ["healthy", "outbuf-pubsub", "client-kill-repeated", "maxclients-full", "mixed-pg-api"],
    "thumbnails-bullmq": ["healthy", "busy-script", "maxmemory-clients", "shutdown-back", "readonly-demoted",
                          "mixed-pg-api"],
    "fallback-ioredis": ["client-kill", "debug-sleep", "mixed-pg-api"],
    "fallback-noderedis4": ["healthy", "maxclients-full", "shutdown-back"],
    "pricing-redis-py": ["idle-timeout", "debug-sleep", "maxmemory-clients", "proto-bulk", "mixed-pg-api"],
    "chat-redis-py-asyncio": ["healthy", "outbuf-pubsub", "client-pause"],
    "invoices-rq": ["healthy", "client-kill-repeated", "readonly-demoted"],
    "digest-sidekiq": ["mixed-pg-api", "shutdown-back", "maxclients-midrun"],
}
DURATION = 15


def resp(args: list) -> bytes:
    out = [f"*{len(args)}\r\n".encode()]
    for a in args:
        b = a if isinstance(a, bytes) else str(a).encode()
        out += [f"${len(b)}\r\n".encode(), b, b"\r\n"]
    return b"".join(out)


def send(args: list, wait: bool = True) -> socket.socket | None:
    s = socket.create_connection(("127.0.0.1", 6379), timeout=3)
    s.sendall(resp(["CLIENT", "SETNAME", "driver"]) + resp(args))
    if not wait:
        return s  # kept open: a command whose reply comes later (DEBUG SLEEP, the endless script)
    try:
        s.recv(65536)
    except OSError:
        pass
    s.close()
    return None


def fill(held: list) -> None:
    """Another service's connections: open until the server says max clients (each named 'holder')."""
    while True:
        try:
            s = socket.create_connection(("127.0.0.1", 6379), timeout=2)
            s.sendall(resp(["CLIENT", "SETNAME", "holder"]))
            reply = s.recv(200)
        except OSError:
            return
        if not reply.startswith(b"+OK"):
            s.close()
            return
        held.append(s)


def start_server(args: list, log: Path) -> subprocess.Popen:
    p = subprocess.Popen(["redis-server", "--port", "6379", "--bind", "0.0.0.0", "--protected-mode", "no", "--save", "",
                          "--appendonly", "no", "--dir", str(WORK), "--logfile", str(log), *args])
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
            return p
        except OSError:
            time.sleep(0.1)
    return p


def act(kind: str, arg, state: dict) -> None:
    if kind == "cmd":
        send(arg)
    elif kind == "cmd-bg":
        state["bg"].append(send(arg, wait=False))
    elif kind == "publish-big":
        send(["PUBLISH", state["channel"], b"x" * (1024 * 1024)])
    elif kind == "fill":
        fill(state["held"])
    elif kind == "kill-others":
        # free one held slot for this command, lower maxclients to the other service's connections (so the app's
        # reconnects, which come within 50 ms, find the limit reached), then drop every connection that is not theirs
        state["held"].pop().close()
        time.sleep(0.1)
        s = socket.create_connection(("127.0.0.1", 6379), timeout=3)
        s.sendall(resp(["CLIENT", "LIST"]))
        time.sleep(0.2)
        listing = s.recv(1 << 20).decode(errors="replace")
        ids = [f.split("=")[1] for line in listing.splitlines() for f in line.split()
               if f.startswith("id=") and " name=holder " not in line and " cmd=client|list " not in line]
        s.sendall(resp(["CONFIG", "SET", "maxclients", str(len(state["held"]) + 1)]))
        for i in ids:
            s.sendall(resp(["CLIENT", "KILL", "ID", i]))
        time.sleep(0.2)
        state["held"].append(s)  # this connection stays: another of theirs
    elif kind == "restart":
        state["server"] = start_server(state["server_args"], state["server_log"])


def run(app_dir: Path, out_dir: Path, app: str, scen: str) -> None:
    cmd, app_env = APPS[app]
    server_args, env_extra, actions = SCEN[scen]
    WORK.mkdir(parents=True, exist_ok=True)
    server_log = WORK / f"{app}--{scen}.server.log"
    server_log.unlink(missing_ok=True)
    state = {"held": [], "bg": [], "server_args": server_args, "server_log": server_log,
             "channel": "room:lobby" if "asyncio" in app else "orders:events"}
    state["server"] = start_server(server_args, server_log)
    for t, kind, arg in actions:
        if t < 0:
            act(kind, arg, state)
    env = {**os.environ, "REDIS_URL": URL, "PYTHONUNBUFFERED": "1", "NODE_ENV": "production", "PORT": "3000",
           **app_env, **env_extra}
    (out_dir / app).mkdir(parents=True, exist_ok=True)
    out = out_dir / app / f"{scen}.log"
    with open(out, "wb") as f:
        proc = subprocess.Popen(["bash", "-c", cmd], cwd=app_dir, env=env, stdout=f, stderr=subprocess.STDOUT,
                                start_new_session=True)
        t0 = time.monotonic()
        for t, kind, arg in sorted(a for a in actions if a[0] >= 0):
            time.sleep(max(0.0, t0 + t - time.monotonic()))
            try:
                act(kind, arg, state)
            except OSError as e:
                print(f"  action {kind} at {t}s: {e}", file=sys.stderr)
        time.sleep(max(0.0, t0 + DURATION - time.monotonic()))
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(3)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    for s in state["held"] + [b for b in state["bg"] if b]:
        s.close()
    try:
        send(["SHUTDOWN", "NOSAVE"])
    except OSError:
        pass
    state["server"].terminate()
    state["server"].wait()
    print(f"{app}/{scen}: exit {proc.returncode}, {sum(1 for _ in open(out, 'rb'))} lines", flush=True)


def main(argv: list) -> None:
    app_dir, out_dir = Path(argv[1]), Path(argv[2])
    pairs = [p.split("/") for p in argv[3:]] or [[a, s] for a, ss in PLAN.items() for s in ss]
    for app, scen in pairs:
        run(app_dir, out_dir, app, scen)


if __name__ == "__main__":
    main(sys.argv)
