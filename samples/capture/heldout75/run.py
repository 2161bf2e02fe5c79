#!/usr/bin/env python3
"""Driver of the heldout75 captures (issue 13, session 18): faults of the NETWORK PATH and of the ENDPOINT between an
app and its Key Value, made in two namespaces joined by a veth pair (netns.sh up first; certs.sh for the TLS runs),
under deployment-like apps: connect-redis + express-session on ioredis 5, node-redis 4 and 5, BullMQ 5, the note's
memory-cache fallback app (on ioredis and on node-redis 4), redis-py 7 sync and asyncio, Celery 5.7, Django 5.2 with
django-redis 7 under gunicorn, redis-rb 4.8 (Debian). Run as root inside the app's namespace:
    ip netns exec h77-app python3 run.py APP_DIR OUT_DIR [app/scenario ...]
Each run: a fresh redis-server 7.0 on red-d6h75kv0q67qs70c2kvtq:6379 in h77-kv (TLS-only for the TLS runs), the
NXDOMAIN resolver there (dns_nx.py), the app started with REDIS_URL, the fault made at fixed seconds with iptables or
tc (tbf) in h77-kv (or the server killed and started again), then undone at the end. The app's stdout+stderr are stored as
printed in OUT_DIR/<app>/<scenario>.log; the server's log stays in /tmp/h77/work (for the labels, not stored).
APP_DIR holds this folder's sources, heldout71's fallback-cache.js (the note's app, run unchanged: not copied here)
and node_modules/ (package.json); Python from /tmp/h77/py."""
import os, signal, socket, subprocess, sys, threading, time, urllib.request
from pathlib import Path

KV = "red-d6h75kv0q67qs70c2kvtq"
URL = f"redis://{KV}:6379"
TLS_URL = f"rediss://{KV}:6379"
PG = "postgres://portal:pgpassw0rd@dpg-d6h75pg0q67qs70c2pgbb-a:5432/portal"  # refused: nothing listens on 10.75.0.10
WORK = Path("/tmp/h77/work")
CERTS = Path("/tmp/h77/certs")
PY = "/tmp/h77/py/bin"
HERE = Path(__file__).resolve().parent

APPS = {  # name -> start command in APP_DIR (run by bash in a process group), extra env, HTTP path the driver calls
    "shop-sessions-ioredis": ("exec node shop-sessions-ioredis.js", {}, None),
    "catalog-cache-noderedis4": ("exec node catalog-cache-noderedis4.js", {}, None),
    "events-noderedis5": ("exec node events-noderedis5.js", {}, None),
    "media-bullmq": ("exec node media-bullmq.js", {}, None),
    "files-api-fallback-ioredis": ("exec node fallback-cache.js", {"CLIENT": "ioredis"}, None),
    "files-api-fallback-noderedis4": ("exec node fallback-cache.js", {"CLIENT": "redis4"}, None),
    "rates-redis-py": (f"exec {PY}/python rates_worker.py", {}, None),
    "presence-redis-py-asyncio": (f"exec {PY}/python presence_asyncio.py", {}, None),
    "mailer-celery": (f"{PY}/python mailer_tasks.py & exec {PY}/celery -A mailer_tasks worker -l INFO -c 2", {}, None),
    "portal-django-redis": (f"exec {PY}/gunicorn -b 127.0.0.1:8000 -w 2 --access-logfile - portal_app:application",
                            {}, "http://127.0.0.1:8000/api/dashboard"),
    "ledger-ruby": ("exec ruby ledger_worker.rb", {}, None),
}
MIX_PG = {"DATABASE_URL": PG}
MIX_API = {"API_HOST": "api.stripe.com"}  # NXDOMAIN from the namespace's resolver
R6379 = ["-i", "vk", "-p", "tcp", "--dport", "6379"]  # on the link only: the driver's own probe on lo passes
DROP_IN = ["INPUT", *R6379, "-j", "DROP"]
DROP_OUT = ["OUTPUT", "-o", "vk", "-p", "tcp", "--sport", "6379", "-j", "DROP"]
RST = ["INPUT", *R6379, "-j", "REJECT", "--reject-with", "tcp-reset"]
ICMP = ["INPUT", *R6379, "-j", "REJECT"]  # icmp-port-unreachable
LOSS_IN = ["INPUT", "-i", "vk", "-m", "statistic", "--mode", "random", "--probability", "0.6", "-j", "DROP"]
LOSS_OUT = ["OUTPUT", "-o", "vk", "-m", "statistic", "--mode", "random", "--probability", "0.6", "-j", "DROP"]
BIG_IN = ["INPUT", *R6379, "-m", "length", "--length", "1400:65535", "-j", "DROP"]
BIG_OUT = ["OUTPUT", "-o", "vk", "-p", "tcp", "--sport", "6379", "-m", "length", "--length", "1400:65535", "-j", "DROP"]
# scenario -> (server mode, REDIS_URL, env, [(second, action, argument)]); server mode: plain, tls:<cert>, none
SCEN = {
    "healthy": ("plain", URL, {}, []),
    "mixed-pg-api": ("plain", URL, {**MIX_PG, **MIX_API}, []),
    "mixed-pg": ("plain", URL, MIX_PG, []),
    "mixed-api": ("plain", URL, MIX_API, []),
    # a firewall rule on the Key Value's host drops its packets from second 5 on (established connections too)
    "drop-midrun": ("plain", URL, {}, [(5, "ipt", DROP_IN)]),
    # the same host rejects with a TCP reset from 5 s to 15 s, then lets traffic through again
    "reject-rst-midrun": ("plain", URL, {}, [(5, "ipt", RST), (15, "ipt-del", RST)]),
    # ... or with ICMP port-unreachable (iptables' REJECT default) from 5 s to 15 s
    "reject-icmp-midrun": ("plain", URL, {}, [(5, "ipt", ICMP), (15, "ipt-del", ICMP)]),
    # (this kernel has no sch_netem: latency and loss are made with tbf and iptables' statistic match instead)
    # a saturated link from 5 s to 15 s: the Key Value's side sends at 16 kbit/s (tbf, up to 20 s queued), so each
    # reply of a few KB waits seconds behind the ones before it
    "slow-link": ("plain", URL, {}, [(5, "tc", "tbf rate 16kbit burst 1600 latency 20s"), (15, "tc-del", None)]),
    # 60 % of the packets lost both ways on the link from 3 s to 18 s
    "loss-60": ("plain", URL, {}, [(3, "ipt", LOSS_IN), (3, "ipt", LOSS_OUT), (18, "ipt-del", LOSS_IN),
                                   (18, "ipt-del", LOSS_OUT)]),
    # REDIS_URL's host mistyped (two letters swapped): the resolver answers NXDOMAIN
    "dns-nxdomain": ("plain", f"redis://red-d6h75kv0q67qs70c2ktvq:6379", {}, []),
    # the host is a DNS name (not in /etc/hosts) and the resolver is down: every query goes unanswered
    "dns-down": ("plain", f"redis://{KV}.internal:6379", {"NO_RESOLVER": "1"}, []),
    # REDIS_URL's port is the host's HTTP port (a Python http.server on 8080)
    "wrong-port-http": ("plain", f"redis://{KV}:8080", {"HTTP_8080": "1"}, []),
    # a plaintext client on a TLS-only server, and the reverse
    "plain-to-tls": ("tls:good", URL, {}, []),
    "tls-to-plain": ("plain", TLS_URL, {}, []),
    # TLS with a certificate for another host, an expired one, one from a CA the app does not trust
    "tls-wrong-host": ("tls:wronghost", TLS_URL, {}, []),
    "tls-expired": ("tls:expired", TLS_URL, {}, []),
    "tls-unknown-ca": ("tls:unknownca", TLS_URL, {}, []),
    # the server killed (SIGKILL) at 5 s and started again (empty) at 8 s
    "restart-kill9": ("plain", URL, {}, [(5, "kill9", None), (8, "restart", None)]),
    # the Key Value's host vanishes at 5 s (its packets dropped both ways, its server killed and started again at 6 s,
    # with no memory of the app's connections); at 14 s the path comes back: the app's old connections are half-open
    "half-open": ("plain", URL, {}, [(5, "ipt", DROP_IN), (5, "ipt", DROP_OUT), (5.2, "kill9", None),
                                     (6, "restart", None), (14, "ipt-del", DROP_IN), (14, "ipt-del", DROP_OUT)]),
    # an MTU blackhole from 5 s: packets of 1400 bytes or more are dropped both ways, small ones pass, no ICMP
    "mtu-blackhole": ("plain", URL, {}, [(5, "ipt", BIG_IN), (5, "ipt", BIG_OUT)]),
}
PLAN = {
    "shop-sessions-ioredis": ["healthy", "drop-midrun", "tls-wrong-host", "half-open", "mtu-blackhole", "mixed-api"],
    "catalog-cache-noderedis4": ["mixed-pg-api", "reject-rst-midrun", "slow-link", "dns-nxdomain", "plain-to-tls",
                                 "healthy"],
    "events-noderedis5": ["healthy", "drop-midrun", "tls-expired", "restart-kill9"],
    "media-bullmq": ["healthy", "reject-icmp-midrun", "loss-60", "tls-unknown-ca", "mixed-pg"],
    "files-api-fallback-ioredis": ["mixed-pg-api", "dns-down", "tls-to-plain"],
    "files-api-fallback-noderedis4": ["healthy", "half-open", "mtu-blackhole"],
    "rates-redis-py": ["healthy", "drop-midrun", "tls-wrong-host", "wrong-port-http", "slow-link"],
    "presence-redis-py-asyncio": ["mixed-pg-api", "reject-rst-midrun", "restart-kill9", "tls-expired", "half-open",
                                  "healthy"],
    "mailer-celery": ["healthy", "dns-nxdomain", "drop-midrun", "plain-to-tls"],
    "portal-django-redis": ["mixed-pg", "slow-link", "restart-kill9", "tls-unknown-ca", "healthy"],
    "ledger-ruby": ["healthy", "reject-icmp-midrun", "tls-wrong-host", "half-open"],
}
DURATION = 25


def kv(*cmd: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", "netns", "exec", "h77-kv", *cmd], capture_output=True, **kw)


def kv_bg(*cmd: str, log: Path | None = None) -> subprocess.Popen:
    out = open(log, "ab") if log else subprocess.DEVNULL
    return subprocess.Popen(["ip", "netns", "exec", "h77-kv", *cmd], stdout=out, stderr=subprocess.STDOUT)


def up(port: int) -> bool:
    r = kv("bash", "-c", f"for i in $(seq 50); do timeout 0.5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/{port}' 2>/dev/null && exit 0; sleep 0.1; done; exit 1")
    return r.returncode == 0


def start_server(mode: str, log: Path) -> subprocess.Popen:
    args = ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--save", "", "--appendonly", "no",
            "--dir", str(WORK), "--logfile", str(log)]
    if mode.startswith("tls:"):
        c = mode[4:]
        args += ["--port", "0", "--tls-port", "6379", "--tls-cert-file", str(CERTS / f"{c}.crt"),
                 "--tls-key-file", str(CERTS / f"{c}.key"), "--tls-ca-cert-file", str(CERTS / "ca.crt"),
                 "--tls-auth-clients", "no"]
    else:
        args += ["--port", "6379"]
    p = kv_bg(*args)
    up(6379)
    return p


def act(kind: str, arg, state: dict) -> None:
    if kind == "ipt":
        kv("iptables", "-I", *arg, check=True)
    elif kind == "ipt-del":
        kv("iptables", "-D", *arg, check=True)
    elif kind == "tc":
        kv("tc", "qdisc", "add", "dev", "vk", "root", *arg.split(), check=True)
    elif kind == "tc-del":
        kv("tc", "qdisc", "del", "dev", "vk", "root")
    elif kind == "kill9":
        state["server"].send_signal(signal.SIGKILL)
        state["server"].wait()
    elif kind == "restart":
        state["server"] = start_server(state["mode"], state["server_log"])


def caller(url: str, stop: threading.Event) -> None:
    """The capture's traffic to an app that does not make its own (not logged)."""
    while not stop.wait(1.0):
        try:
            urllib.request.urlopen(url, timeout=8).read()
        except Exception:
            pass


def reset_net() -> None:
    kv("iptables", "-F")
    kv("tc", "qdisc", "del", "dev", "vk", "root")
    subprocess.run(["tc", "qdisc", "del", "dev", "va", "root"], capture_output=True)


def run(app_dir: Path, out_dir: Path, app: str, scen: str) -> None:
    cmd, app_env, path = APPS[app]
    mode, url, env_extra, actions = SCEN[scen]
    WORK.mkdir(parents=True, exist_ok=True)
    reset_net()
    server_log = WORK / f"{app}--{scen}.server.log"
    server_log.unlink(missing_ok=True)
    state = {"mode": mode, "server_log": server_log}
    helpers = []
    if not env_extra.get("NO_RESOLVER"):
        helpers.append(kv_bg("python3", str(HERE / "dns_nx.py")))
    if env_extra.get("HTTP_8080"):
        helpers.append(kv_bg("python3", "-m", "http.server", "8080", "--bind", "10.75.0.9", "--directory", "/tmp/h77/work/www"))
        (WORK / "www").mkdir(exist_ok=True)
    state["server"] = start_server(mode, server_log)
    time.sleep(0.3)
    env = {**os.environ, "REDIS_URL": url, "PYTHONUNBUFFERED": "1", "NODE_ENV": "production", "PORT": "3000",
           "NODE_EXTRA_CA_CERTS": str(CERTS / "ca.crt"), "SSL_CERT_FILE": str(CERTS / "ca.crt"),
           **app_env, **{k: v for k, v in env_extra.items() if k not in ("NO_RESOLVER", "HTTP_8080")}}
    (out_dir / app).mkdir(parents=True, exist_ok=True)
    out = out_dir / app / f"{scen}.log"
    stop = threading.Event()
    with open(out, "wb") as f:
        proc = subprocess.Popen(["bash", "-c", cmd], cwd=app_dir, env=env, stdout=f, stderr=subprocess.STDOUT,
                                start_new_session=True)
        t0 = time.monotonic()
        if path:
            threading.Thread(target=caller, args=(path, stop), daemon=True).start()
        for t, kind, arg in sorted(actions, key=lambda a: a[0]):
            time.sleep(max(0.0, t0 + t - time.monotonic()))
            try:
                act(kind, arg, state)
            except (OSError, subprocess.CalledProcessError) as e:
                print(f"  action {kind} at {t}s: {e}", file=sys.stderr)
        time.sleep(max(0.0, t0 + DURATION - time.monotonic()))
        stop.set()
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(4)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    state["server"].kill()
    state["server"].wait()
    for h in helpers:
        h.kill()
        h.wait()
    reset_net()
    print(f"{app}/{scen}: exit {proc.returncode}, {sum(1 for _ in open(out, 'rb'))} lines", flush=True)


def main(argv: list) -> None:
    app_dir, out_dir = Path(argv[1]), Path(argv[2])
    pairs = [p.split("/") for p in argv[3:]] or [[a, s] for a, ss in PLAN.items() for s in ss]
    for app, scen in pairs:
        run(app_dir, out_dir, app, scen)


if __name__ == "__main__":
    main(sys.argv)
