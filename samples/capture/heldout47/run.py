#!/usr/bin/env python3
"""Driver of the heldout47 captures (issue 13, session 13): heldout19's driver (../heldout19/run.py, itself heldout12's
server modes and scenarios plus MISCONF and the URL mistakes) in the b47 namespace (netns.sh here) with the apps of
this folder, which run on JavaScript runtimes other than Node.js: Bun 1.4.5 (npm package `bun`) with its built-in
Redis client (`redis` / `RedisClient` from "bun"), ioredis 5 and node-redis 5; Deno 2.9.6 (npm package `deno`) with
`npm:redis@5` and `npm:ioredis@5` (resolved from the app's node_modules; DENO_DIR in the app directory).
TLS: a throw-away CA in H47_TLS (ca.crt, server.crt/key for the Key Value's name).
APP_DIR holds this folder's scripts and node_modules/ (package.json: ioredis, redis, pg).
Usage: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run19", Path(__file__).resolve().parent.parent / "heldout19" / "run.py")
run19 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run19)
run12 = run19.run12
run12.NS, run12.WORK = "b47", Path("/tmp/b47-work")
TLS = Path(os.environ.get("H47_TLS", "/tmp/h47tls"))
run12.SERVER["tls"] = ["--port", "0", "--tls-port", "6379", "--tls-cert-file", str(TLS / "server.crt"),
                       "--tls-key-file", str(TLS / "server.key"), "--tls-ca-cert-file", str(TLS / "ca.crt"),
                       "--tls-auth-clients", "no"]
run12.SCEN = {k: (mode, {e: v.replace("d7h19", "d2h47") for e, v in env.items()}, act) for k, (mode, env, act) in run12.SCEN.items()}

DENO = "exec env DENO_DIR=.deno deno run -A"
run12.CLIENTS.clear()
run12.CLIENTS.update({
    "bun-redis-default": ("exec bun bun-hits.ts", 40),
    "bun-redisclient": ("exec bun bun-jobs.ts", 40),
    "bun-ioredis": ("exec bun bun-ioredis.js", 13),
    "bun-node-redis": ("exec bun bun-noderedis.js", 13),
    "deno-node-redis": (f"{DENO} deno-noderedis.ts", 14),
    "deno-ioredis": (f"{DENO} deno-ioredis.ts", 14),
})
PLAN = {  # which scenarios each client ran
    "bun-redis-default": ["healthy", "down-loopback-default", "dns-nxdomain", "killed-then-back", "wrongpass", "oom",
                          "plain-to-tls", "url-typo-scheme", "mixed-pg-api-healthy"],
    "bun-redisclient": ["healthy", "down-refused", "blackholed", "killed-not-back", "noauth", "readonly", "tls-to-plain",
                        "url-empty", "loading"],
    "bun-ioredis": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "noauth", "tls-untrusted", "url-bad-port",
                    "mixed-pg-api-redis-refused"],
    "bun-node-redis": ["healthy", "blackholed", "wrongpass", "oom", "readonly", "mixed-pg-api-healthy"],
    "deno-node-redis": ["healthy", "down-refused", "dns-nxdomain", "killed-then-back", "wrongpass", "plain-to-tls",
                        "url-typo-scheme", "mixed-pg-api-healthy"],
    "deno-ioredis": ["healthy", "down-loopback-default", "blackholed", "killed-not-back", "noauth", "oom", "readonly",
                     "tls-untrusted", "mixed-pg-api-redis-dns"],
}

if __name__ == "__main__":
    run12.main(sys.argv, PLAN)
