#!/usr/bin/env python3
"""Driver of the heldout53 captures (issue 13, session 14): the TLS failure family in depth. heldout12's run loop
(../heldout12/run.py, `main(argv, plan)`) in the h57x namespace (netns.sh here; certs.sh first) with this folder's
workers: node-redis 4.7 and 5.12, ioredis 5.11, redis-py 8.2 (sync and redis.asyncio), redis-rb 4.8 (Debian), phpredis
5.3 and Predis 1.1 (Debian), go-redis v5 and redigo 1.8 (Debian's Go packages), Perl Redis 2.000 (Debian). Each run
starts a fresh redis-server 7.0 broken in one TLS way: a certificate expired, not yet valid, self-signed, signed by
a CA the client lacks, for another host name (or the client dials the IP); a client certificate required and not
given; TLS 1.3 only against a client capped at 1.2 (or TLS 1.2 only against a client asking 1.3 at least); a
plaintext client on the TLS port, a TLS client on the plaintext port. The non-Redis side: the same workers calling
an HTTPS API with an untrusted certificate, or PostgreSQL with sslmode=require against a server with ssl off.
APP_DIR holds this folder's scripts, node_modules/ (package.json), .venv/ (redis, psycopg2-binary, requests), the
Go binaries (go build in goredis5/ and redigo/, GO111MODULE=off GOPATH=/usr/share/gocode:$PWD/go for the shared
package h53tls) and certs/ (ca.crt,
client.crt/key copied from H53_TLS).
Usage: run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run12", Path(__file__).resolve().parent.parent / "heldout12" / "run.py")
run12 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run12)
run12.NS, run12.WORK = "h57x", Path("/tmp/h57/work")
TLS = Path(os.environ.get("H53_TLS", "/tmp/h57/tls"))


def tls_server(cert: str, *more: str) -> list[str]:
    return ["--port", "0", "--tls-port", "6379", "--tls-cert-file", str(TLS / f"{cert}.crt"),
            "--tls-key-file", str(TLS / f"{cert}.key"), "--tls-ca-cert-file", str(TLS / "ca.crt"),
            "--tls-auth-clients", "no", *more]


run12.SERVER.clear()
run12.SERVER.update({
    "plain": [],
    "tls": tls_server("server"),
    "tls-expired": tls_server("expired"),
    "tls-notyet": tls_server("notyet"),
    "tls-selfsigned": tls_server("selfsigned"),
    "tls-otherca": tls_server("otherca"),
    "tls-othername": tls_server("othername"),
    "tls-mtls": tls_server("server")[:-2] + ["--tls-auth-clients", "yes"],
    "tls13-only": tls_server("server", "--tls-protocols", "TLSv1.3"),
    "tls12-only": tls_server("server", "--tls-protocols", "TLSv1.2"),
})
KV = "red-d6h57kv0q67qs70c2kvup"
CA = f"{run12.SRC}/certs/ca.crt"
T = {"REDIS_URL": f"rediss://{KV}:6379", "REDIS_CA": CA}
MTLS = {**T, "REDIS_CERT": f"{run12.SRC}/certs/client.crt", "REDIS_KEY": f"{run12.SRC}/certs/client.key"}
PG_REQ = "postgres://app:pgpassw0rd@dpg-d6h57pg0q67qs70c2pgaa-a:5432/app_db?sslmode=require"
run12.SCEN.clear()
run12.SCEN.update({  # scenario -> (server mode, env, actions)
    "healthy-tls": ("tls", T, {}),
    "healthy-mtls": ("tls-mtls", MTLS, {}),
    "healthy-plain": ("plain", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "cert-expired": ("tls-expired", T, {}),
    "cert-not-yet-valid": ("tls-notyet", T, {}),
    "cert-self-signed": ("tls-selfsigned", T, {}),
    "cert-unknown-ca": ("tls-otherca", T, {}),
    "ca-not-given": ("tls", {"REDIS_URL": f"rediss://{KV}:6379"}, {}),  # the private CA left out: system store only
    "hostname-other-name": ("tls-othername", T, {}),
    "hostname-by-ip": ("tls", {**T, "REDIS_URL": "rediss://10.0.157.9:6379"}, {}),
    "client-cert-missing": ("tls-mtls", T, {}),
    "tls-version-max12": ("tls13-only", {**T, "REDIS_TLS_MAX": "TLSv1.2"}, {}),
    "tls-version-min13": ("tls12-only", {**T, "REDIS_TLS_MIN": "TLSv1_3"}, {}),
    "plain-to-tls": ("tls", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "tls-to-plain": ("plain", T, {}),
    # the non-Redis side: Redis healthy (over TLS), the HTTPS API's certificate untrusted / PostgreSQL without SSL
    "api-bad-cert": ("tls", {**T, "API_URL": "https://api.stripe.com/v1/charges"}, {}),
    "pg-sslmode-require": ("tls", {**T, "DATABASE_URL": PG_REQ}, {}),
})
PY = f"{run12.SRC}/.venv/bin/python"
run12.CLIENTS.clear()
run12.CLIENTS.update({
    "node-redis4": ("NODE_REDIS=redis4 exec node noderedis-worker.js", 10),
    "node-redis5": ("NODE_REDIS=redis5 exec node noderedis-worker.js", 10),
    "ioredis": ("exec node ioredis-worker.js", 25),  # past ioredis' 10 s connect timeout (a TLS hello to a plaintext port hangs)
    "redis-py": (f"exec {PY} worker_sync.py", 9),
    "redis-py-asyncio": (f"exec {PY} worker_async.py", 9),
    "redis-rb": ("exec ruby worker.rb", 9),
    "phpredis": ("exec php worker_phpredis.php", 9),
    "predis": ("exec php worker_predis.php", 9),
    "go-redis-v5": ("exec ./goredis5-worker", 9),
    "redigo": ("exec ./redigo-worker", 9),
    "perl-redis": ("exec perl worker.pl", 9),
})
PLAN = {  # which scenarios each client ran (chosen before the runs: every TLS fault on three or more clients)
    "node-redis4": ["cert-expired", "hostname-by-ip", "client-cert-missing", "plain-to-tls", "healthy-tls", "api-bad-cert"],
    "node-redis5": ["cert-self-signed", "tls-version-max12", "tls-to-plain", "ca-not-given", "pg-sslmode-require"],
    "ioredis": ["cert-not-yet-valid", "cert-unknown-ca", "tls-to-plain", "healthy-mtls", "api-bad-cert"],
    "redis-py": ["cert-expired", "hostname-other-name", "tls-version-min13", "plain-to-tls", "healthy-tls",
                 "pg-sslmode-require"],
    "redis-py-asyncio": ["cert-unknown-ca", "client-cert-missing", "ca-not-given", "healthy-mtls"],
    "redis-rb": ["cert-self-signed", "tls-version-max12", "plain-to-tls", "healthy-tls", "api-bad-cert"],
    "phpredis": ["cert-expired", "client-cert-missing", "tls-to-plain", "hostname-other-name", "healthy-tls"],
    "predis": ["cert-unknown-ca", "plain-to-tls", "tls-version-max12", "healthy-tls"],
    "go-redis-v5": ["cert-not-yet-valid", "hostname-by-ip", "client-cert-missing", "healthy-tls", "api-bad-cert"],
    "redigo": ["ca-not-given", "plain-to-tls", "tls-version-max12", "healthy-mtls"],
    "perl-redis": ["cert-self-signed", "tls-to-plain", "healthy-tls"],
}

if __name__ == "__main__":
    run12.main(sys.argv, PLAN)
