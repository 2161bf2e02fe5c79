#!/usr/bin/env python3
"""Driver of the heldout42 captures (issue 13, session 12): heldout19's driver (../heldout19/run.py, itself heldout12's
server modes and scenarios plus MISCONF and the URL mistakes) in the b42 namespace (netns.sh here) with the workers of
this folder, Redis clients of the ecosystems the corpora had least: valkey-glide's Rust core under Python and Node,
hiredis in C, eredis in Erlang, redis-lua, gopkg.in/redis.v2 and redisc (a cluster client over redigo) in Go, and
redis-rb's hiredis driver. TLS: a throw-away CA in H42_TLS (ca.crt, server.crt/key for the Key Value's name).
APP_DIR holds this folder's scripts, the built workers (hiredis-worker: gcc hiredis_worker.c -lhiredis; goredisv2-worker
and redisc-worker: go build with GO111MODULE=off, GOPATH=go:/usr/share/gocode), ../heldout9/deps.{py,js}, node_modules/
(package.json) and .venv/ (requirements.txt).
Usage: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run19", Path(__file__).resolve().parent.parent / "heldout19" / "run.py")
run19 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run19)
run12 = run19.run12
PY = run12.PY
run12.NS, run12.WORK = "b42", Path("/tmp/b42-work")
TLS = Path(os.environ.get("H42_TLS", "/tmp/h42tls"))
run12.SERVER["tls"] = ["--port", "0", "--tls-port", "6379", "--tls-cert-file", str(TLS / "server.crt"),
                       "--tls-key-file", str(TLS / "server.key"), "--tls-ca-cert-file", str(TLS / "ca.crt"),
                       "--tls-auth-clients", "no"]
run12.SCEN = {k: (mode, {e: v.replace("d7h19", "d2h42") for e, v in env.items()}, act) for k, (mode, env, act) in run12.SCEN.items()}

run12.CLIENTS.clear()
run12.CLIENTS.update({
    "glide-python": (f"exec {PY} glide_app.py", 13),
    "glide-node": ("exec node glide-app.js", 13),
    "hiredis-c": ("exec ./hiredis-worker", 12),
    "eredis-erlang": ("exec escript eredis_worker.erl", 13),
    "redis-lua": ("exec lua5.1 lua_worker.lua", 12),
    "go-redis-v2": ("exec ./goredisv2-worker", 12),
    "redisc-go": ("exec ./redisc-worker", 12),
    "ruby-hiredis": ("exec ruby hiredis_rb.rb", 12),
})
PLAN = {  # which scenarios each client ran
    "glide-python": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "wrongpass", "oom", "tls-untrusted",
                     "mixed-pg-api-redis-refused"],
    "glide-node": ["healthy", "down-loopback-default", "blackholed", "killed-not-back", "noauth", "readonly", "plain-to-tls",
                   "mixed-pg-api-healthy"],
    "hiredis-c": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "noauth", "wrongpass", "maxclients", "oom"],
    "eredis-erlang": ["healthy", "down-refused", "dns-nxdomain", "killed-not-back", "wrongpass", "readonly", "loading"],
    "redis-lua": ["healthy", "down-refused", "blackholed", "killed-then-back", "noauth", "oom", "url-empty"],
    "go-redis-v2": ["healthy", "down-loopback-default", "dns-nxdomain", "killed-then-back", "wrongpass", "misconf", "readonly"],
    "redisc-go": ["cluster-healthy", "cluster-disabled", "down-refused", "killed-not-back", "noauth"],
    "ruby-hiredis": ["healthy", "dns-nxdomain", "noauth", "maxclients"],
}

if __name__ == "__main__":
    run12.main(sys.argv, PLAN)
