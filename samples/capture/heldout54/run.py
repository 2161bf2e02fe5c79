#!/usr/bin/env python3
"""Driver of the heldout54 captures (issue 13, session 14): high-availability Redis broken on purpose. Two topologies
of real redis-server 7.0 processes on 127.0.0.1 (ports 7800-7899, this batch's own):
  sentinel  a master (7800), its replica (7801) and three Sentinels (7810-7812) monitoring it as "mymaster"
            (quorum 2, down-after 3 s, failover-timeout 10 s)
  cluster   six nodes (7820-7825) made a cluster by `redis-cli --cluster create … --cluster-replicas 1`
            (cluster-node-timeout 3 s)
and one client app of this folder per run, started while the topology works; faults are injected at set times
(ACTIONS). Every topology is made anew per run and torn down after it.

    run.py APP_DIR OUT_DIR [client/scenario ...]     # default: every pair of PLAN

APP_DIR holds this folder's scripts with node_modules/ (package.json) and .venv/ (requirements.txt); it is
bind-mounted on /opt/render/project/src (Render's checkout path) in a private mount namespace (run as root), so
stack traces show Render's paths. Output: OUT_DIR/<client>/<scenario>.log (stdout+stderr, as printed) and
OUT_DIR/MANIFEST.tsv (exit code, lines). Server logs of each run: /tmp/h58-work/<client>-<scenario>/.
"""
import os, shutil, signal, subprocess, sys, time
from pathlib import Path

WORK = Path("/tmp/h58-work")
SRC = "/opt/render/project/src"
PY = f"{SRC}/.venv/bin/python"
M, R, SENT, CL = 7800, 7801, (7810, 7811, 7812), tuple(range(7820, 7826))
CLOSED = (7890, 7891, 7892)  # nothing listens there
SENTINELS = ",".join(f"127.0.0.1:{p}" for p in SENT)
NODES = ",".join(f"127.0.0.1:{p}" for p in CL[:3])
PG = "postgres://app:pgpassw0rd@127.0.0.1:5432/app"  # no PostgreSQL runs here: refused
PG_KV = "host=127.0.0.1 port=5432 dbname=app user=app password=pgpassw0rd"

CLIENTS = {  # name -> start command (run in SRC), seconds it may run
    "ioredis": ("exec node ioredis-app.js", 16),
    "node-redis4": ("NODE_REDIS=redis4 exec node noderedis-app.js", 16),
    "node-redis5": ("NODE_REDIS=redis exec node noderedis-app.js", 16),
    "redis-py": (f"exec {PY} py_app.py", 16),
    "redis-rb": ("exec ruby rb_app.rb", 16),
    "phpredis": ("exec php php_app.php", 16),
}
S_ENV = {"MODE": "sentinel", "SENTINELS": SENTINELS, "MASTER_NAME": "mymaster"}
C_ENV = {"MODE": "cluster", "CLUSTER_NODES": NODES}
# scenario -> (topology, extra server args {role: [...]}, env, [(seconds, action)])
SCEN = {
    "sentinel-healthy": ("sentinel", {}, S_ENV, []),
    "sentinel-master-killed": ("sentinel", {}, S_ENV, [(4, "kill-master")]),
    "sentinel-manual-failover": ("sentinel", {}, S_ENV, [(4, "sentinel-failover")]),
    "sentinel-master-debug-sleep": ("sentinel", {}, S_ENV, [(4, "debug-sleep-master")]),
    "sentinels-all-down": ("sentinel", {}, {**S_ENV, "SENTINELS": ",".join(f"127.0.0.1:{p}" for p in CLOSED)}, []),
    "sentinel-wrong-master-name": ("sentinel", {}, {**S_ENV, "MASTER_NAME": "mymaster-prod"}, []),
    "sentinel-healthy-pg-down": ("sentinel", {}, {**S_ENV, "DATABASE_URL": PG}, []),
    "sentinel-healthy-api-dns": ("sentinel", {}, {**S_ENV, "API_HOST": "api.stripe.com"}, []),
    # a client given the master's plain address, not Sentinel: after a failover it writes to a replica
    "readonly-after-failover": ("sentinel", {}, {"REDIS_URL": f"redis://127.0.0.1:{M}", "REDIS_HOST": "127.0.0.1",
                                                 "REDIS_PORT": str(M)}, [(4, "sentinel-failover")]),
    # a client reading from the replica, which serves no stale data; the master dies and no Sentinel runs
    "masterdown-replica": ("replication", {"replica": ["--replica-serve-stale-data", "no"]},
                           {"REDIS_URL": f"redis://127.0.0.1:{R}", "OP": "read"}, [(4, "kill-master")]),
    # the master takes writes only with a replica in sync; the replica dies
    "noreplicas": ("sentinel", {"master": ["--min-replicas-to-write", "1", "--min-replicas-max-lag", "3"]}, S_ENV,
                   [(3, "kill-replica")]),
    # the same, the client given the master's address
    "noreplicas-direct": ("sentinel", {"master": ["--min-replicas-to-write", "1", "--min-replicas-max-lag", "3"]},
                          {"REDIS_URL": f"redis://127.0.0.1:{M}"}, [(3, "kill-replica")]),
    "cluster-healthy": ("cluster", {}, C_ENV, []),
    "cluster-healthy-api-dns": ("cluster", {}, {**C_ENV, "API_HOST": "api.stripe.com"}, []),
    "cluster-healthy-pg-down": ("cluster", {}, {**C_ENV, "DATABASE_URL": PG_KV}, []),
    # a master killed: its replica takes over after the node timeout
    "cluster-master-killed": ("cluster", {}, C_ENV, [(4, "kill-cluster-master")]),
    # a master and its replica killed: a third of the slots has no node (CLUSTERDOWN)
    "cluster-shard-lost": ("cluster", {}, C_ENV, [(4, "kill-cluster-shard")]),
    # every seed node down before the app starts
    "cluster-all-down": ("cluster-down", {}, C_ENV, []),
    # a client not in cluster mode given one node's address
    "cluster-plain-client": ("cluster", {}, {"REDIS_URL": f"redis://127.0.0.1:{CL[0]}", "REDIS_HOST": "127.0.0.1",
                                              "REDIS_PORT": str(CL[0])}, []),
    "cluster-crossslot": ("cluster", {}, {**C_ENV, "OP": "mget"}, []),
    # a slot being resharded: one key of a hash tag already moved (MGET of the tag: TRYAGAIN)
    "cluster-slot-migrating": ("cluster", {}, {**C_ENV, "OP": "tag"}, [(3, "migrate-slot")]),
}
# a manual SENTINEL FAILOVER demotes the old master only ~11 s after it starts: these runs last that much longer
EXTRA = {"readonly-after-failover": 12}
PLAN = {
    "ioredis": ["sentinel-healthy", "sentinel-master-killed", "sentinel-master-debug-sleep", "sentinels-all-down",
                "sentinel-wrong-master-name", "sentinel-healthy-pg-down", "readonly-after-failover",
                "cluster-healthy", "cluster-master-killed", "cluster-shard-lost", "cluster-crossslot",
                "cluster-plain-client", "cluster-healthy-api-dns"],
    "node-redis5": ["sentinel-healthy", "sentinel-manual-failover", "sentinels-all-down", "sentinel-wrong-master-name",
                    "cluster-master-killed", "cluster-all-down", "masterdown-replica"],
    "node-redis4": ["cluster-healthy", "cluster-shard-lost", "cluster-plain-client", "cluster-crossslot",
                    "noreplicas-direct"],
    "redis-py": ["sentinel-healthy", "sentinel-master-killed", "sentinel-wrong-master-name", "readonly-after-failover",
                 "masterdown-replica", "noreplicas", "sentinel-healthy-pg-down", "cluster-healthy", "cluster-shard-lost",
                 "cluster-slot-migrating", "cluster-plain-client", "cluster-crossslot", "cluster-all-down"],
    "redis-rb": ["sentinel-healthy", "sentinel-master-killed", "sentinels-all-down", "readonly-after-failover",
                 "noreplicas", "sentinel-healthy-api-dns"],
    "phpredis": ["cluster-healthy", "cluster-shard-lost", "cluster-crossslot", "cluster-healthy-pg-down",
                 "cluster-plain-client", "cluster-all-down", "readonly-after-failover"],
}


def sh_quote(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def cli(port: int, *args: str, timeout: float = 10) -> str:
    try:
        return subprocess.run(["redis-cli", "-p", str(port), *args], capture_output=True, text=True,
                              timeout=timeout).stdout.strip()
    except subprocess.TimeoutExpired:
        return ""


class Topology:
    """The redis-server processes of one run, by port."""

    def __init__(self, d: Path) -> None:
        self.d, self.procs = d, {}

    def server(self, port: int, *args: str, sentinel: bool = False) -> None:
        nd = self.d / str(port); nd.mkdir(parents=True, exist_ok=True)
        if sentinel:
            conf = nd / "sentinel.conf"
            conf.write_text(f"port {port}\nbind 127.0.0.1\ndir {nd}\nsentinel monitor mymaster 127.0.0.1 {M} 2\n"
                            "sentinel down-after-milliseconds mymaster 3000\nsentinel failover-timeout mymaster 10000\n")
            argv = ["redis-server", str(conf), "--sentinel", "--logfile", str(nd / "server.log")]
        else:
            argv = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
                    "--dir", str(nd), "--enable-debug-command", "yes", "--logfile", str(nd / "server.log"), *args]
        self.procs[port] = subprocess.Popen(argv)

    def kill(self, port: int) -> None:
        p = self.procs.get(port)
        if p and p.poll() is None:
            p.kill(); p.wait()

    def down(self) -> None:
        for port in list(self.procs):
            p = self.procs[port]
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill(); p.wait()


def wait_for(check, secs: float) -> bool:
    t0 = time.monotonic()
    while time.monotonic() - t0 < secs:
        if check():
            return True
        time.sleep(0.2)
    return False


def up(topo: Topology, kind: str, extra: dict[str, list[str]]) -> None:
    if kind in ("sentinel", "replication"):
        topo.server(M, *extra.get("master", []))
        topo.server(R, "--replicaof", "127.0.0.1", str(M), *extra.get("replica", []))
        wait_for(lambda: "master_link_status:up" in cli(R, "INFO", "replication"), 10)
        if kind == "sentinel":
            for p in SENT:
                topo.server(p, sentinel=True)
            wait_for(lambda: all("slaves=1,sentinels=3" in cli(p, "INFO", "sentinel") for p in SENT), 15)
    elif kind == "cluster":
        for p in CL:
            topo.server(p, "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "3000")
        time.sleep(0.5)
        subprocess.run(["redis-cli", "--cluster", "create", *(f"127.0.0.1:{p}" for p in CL), "--cluster-replicas", "1",
                        "--cluster-yes"], capture_output=True, timeout=60)
        wait_for(lambda: all("cluster_state:ok" in cli(p, "CLUSTER", "INFO") for p in CL), 20)
        time.sleep(1)


def node_ids() -> dict[str, tuple[int, str, str]]:
    """CLUSTER NODES as id -> (port, role flags, master id)."""
    out = {}
    for line in cli(CL[1], "CLUSTER", "NODES").splitlines():
        f = line.split()
        out[f[0]] = (int(f[1].split(":")[1].split("@")[0]), f[2], f[3])
    return out


def act(topo: Topology, what: str) -> None:
    if what == "kill-master":
        topo.kill(M)
    elif what == "kill-replica":
        topo.kill(R)
    elif what == "sentinel-failover":
        cli(SENT[0], "SENTINEL", "FAILOVER", "mymaster")
    elif what == "debug-sleep-master":
        subprocess.Popen(["redis-cli", "-p", str(M), "DEBUG", "SLEEP", "10"], stdout=subprocess.DEVNULL)
    elif what in ("kill-cluster-master", "kill-cluster-shard"):
        ids = node_ids()
        mid = next(i for i, (p, fl, _) in ids.items() if p == CL[0])
        topo.kill(CL[0])
        if what == "kill-cluster-shard":
            for i, (p, fl, master) in ids.items():
                if master == mid:
                    topo.kill(p)
    elif what == "migrate-slot":
        slot = cli(CL[0], "CLUSTER", "KEYSLOT", "{rl:42}")
        ids = node_ids()
        owner = cli(CL[1], "CLUSTER", "SLOTS")  # find the master serving the slot
        src = dst = None
        for i, (p, fl, _) in ids.items():
            if "master" in fl:
                if cli(p, "CLUSTER", "COUNTKEYSINSLOT", slot) and "MOVED" not in cli(p, "GET", "{rl:42}:total"):
                    src = (i, p)
                elif dst is None:
                    dst = (i, p)
        cli(dst[1], "CLUSTER", "SETSLOT", slot, "IMPORTING", src[0])
        cli(src[1], "CLUSTER", "SETSLOT", slot, "MIGRATING", dst[0])
        cli(src[1], "SET", "{rl:42}:hits", "7")
        cli(src[1], "MIGRATE", "127.0.0.1", str(dst[1]), "{rl:42}:hits", "0", "5000")


def run_one(app: Path, client: str, scen: str, out: Path) -> tuple[int, int]:
    cmd, secs = CLIENTS[client]
    kind, extra, env, actions = SCEN[scen]
    secs += EXTRA.get(scen, 0)
    d = WORK / f"{client}-{scen}"
    shutil.rmtree(d, ignore_errors=True); d.mkdir(parents=True)
    topo = Topology(d)
    if kind != "cluster-down":
        up(topo, kind, extra)
    envs = " ".join(f"{k}={sh_quote(v)}" for k, v in env.items())
    full = f"env -u REDIS_URL NODE_ENV=production PORT=10000 PYTHONUNBUFFERED=1 {envs} sh -c {sh_quote(cmd)}"
    inner = f"mount --bind {app} {SRC} && cd {SRC} && exec sh -c {sh_quote(full)}"
    with open(out, "wb") as f:
        p = subprocess.Popen(["unshare", "-m", "sh", "-c", inner], stdout=f, stderr=subprocess.STDOUT,
                             start_new_session=True)
        t0, todo = time.monotonic(), list(actions)
        while p.poll() is None and time.monotonic() - t0 < secs:
            if todo and time.monotonic() - t0 >= todo[0][0]:
                act(topo, todo.pop(0)[1])
            time.sleep(0.1)
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGINT)
            try:
                p.wait(3)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL); p.wait()
    topo.down()
    return p.returncode, len(out.read_bytes().splitlines())


def main(argv: list[str], plan: dict[str, list[str]]) -> None:
    app, out = Path(argv[1]), Path(argv[2])
    Path(SRC).mkdir(parents=True, exist_ok=True)
    pairs = [a.split("/") for a in argv[3:]] or [[c, s] for c, ss in plan.items() for s in ss]
    for client, scen in pairs:
        (out / client).mkdir(parents=True, exist_ok=True)
        rc, n = run_one(app, client, scen, out / client / f"{scen}.log")
        with open(out / "MANIFEST.tsv", "a") as m:
            m.write(f"{client}/{scen}.log\t{rc}\t{n}\n")
        print(f"{client}/{scen}: rc={rc} lines={n}", flush=True)


if __name__ == "__main__":
    main(sys.argv, PLAN)
