#!/usr/bin/env python3
"""Driver of the heldout77 captures (issue 13, session 18): the client ecosystems earlier batches captured least, each
in a small service of its own that logs as deployed: Java 17 (two JVM services on the apps' own RESP client, Debian 12
packaging no Redis client for Java: an order worker on java.util.logging's default format, a catalogue web service in
Spring Boot's console layout), C on hiredis 0.14 (an alert dispatcher logging syslog-style), Perl on Redis.pm 2.000 (a
feed importer in Mojo::Log's layout), PHP 8.2 CLI on phpredis 5.3.7 (a cart-sync worker in Laravel's log layout) and on
Predis 1.1.10 (a session janitor), Go 1.19 on redigo 1.8.3 (a rate limiter with the log package).
heldout19's driver set by its `for_batch` (heldout12's server modes and scenarios, a fresh server per run) in the b77
namespace (netns.sh here), with the faults no batch had run on these clients: a db index the server does not have
(`/99`), a password sent to a server that has none, protected mode (no password, a non-loopback client),
CONFIG renamed (`rename-command CONFIG …`), besides refusals at start, a kill then back, WRONGPASS/NOAUTH, OOM under
noeviction, maxclients, TLS both ways, an unresolvable name, a blackholed address (packets dropped) and a read-only
replica; and healthy / non-Redis runs (PostgreSQL refused, the HTTP API's name unresolved).
TLS: a throw-away CA in H77_TLS (certs.sh). APP_DIR holds this folder's sources built: classes/ (javac -d classes
java/...), alertd (gcc alertd.c -lhiredis), ratelimiter (go build in go/ratelimiter, GO111MODULE=off,
GOPATH=/usr/share/gocode), feeds.pl, cart_phpredis.php, sessions_predis.php.
Usage (as root, `netns.sh up` first): run.py APP_DIR OUT_DIR [client/scenario ...]"""
import importlib.util, os, sys
from pathlib import Path

spec = importlib.util.spec_from_file_location("run19", Path(__file__).resolve().parent.parent / "heldout19" / "run.py")
run19 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run19)
run12 = run19.for_batch("b77", "d8h77", Path(os.environ.get("H77_TLS", "/tmp/h79/tls")))
KV, DROP = "red-d8h77kv0q67qs70c2kvup", "red-d8h77dr0q67qs70c2drop"
MIX = {"DATABASE_URL": "postgres://app:pgpassw0rd@dpg-d8h77pg0q67qs70c2pgaa-a:5432/app_db", "API_HOST": "api.stripe.com"}
run12.SERVER.update({
    "protected": ["--protected-mode", "yes"],  # after the driver's `--protected-mode no`: the last one counts
    "renamed": ["--rename-command", "CONFIG", "c0nf1g-7f3a9e21b4"],
})
run12.SCEN.update({
    "blackholed": (None, {"REDIS_URL": f"redis://{DROP}:6379"}, {"extra": 6}),
    "wrong-db": ("plain", {"REDIS_URL": f"redis://{KV}:6379/99"}, {}),
    "pass-no-auth": ("plain", {"REDIS_URL": f"redis://default:s3cretpassw0rd@{KV}:6379"}, {}),
    "protected-mode": ("protected", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "config-renamed": ("renamed", {"REDIS_URL": f"redis://{KV}:6379"}, {}),
    "mixed-pglocal-api-healthy": ("plain", {"REDIS_URL": f"redis://{KV}:6379", "API_HOST": "api.shipengine.com",
                                            "DATABASE_URL": "postgres://app:pgpassw0rd@127.0.0.1:5432/app_db"}, {}),
})
for base in ["killed-then-back", "wrongpass", "dns-nxdomain"]:
    mode, env, act = run12.SCEN[base]
    run12.SCEN[f"mix-{base}"] = (mode, {**env, **MIX}, act)
run12.CLIENTS.clear()
run12.CLIENTS.update({
    "orders-java": ("exec java -cp classes com.acme.orders.OrderWorker", 13),
    "catalog-java": ("exec java -cp classes com.acme.catalog.CatalogApi", 14),
    "alertd-hiredis": ("exec ./alertd", 12),
    "feeds-perl-redis": ("exec perl feeds.pl", 13),
    "cart-phpredis": ("exec php cart_phpredis.php", 12),
    "sessions-predis": ("exec php sessions_predis.php", 12),
    "ratelimiter-redigo": ("exec ./ratelimiter", 12),
})
PLAN = {  # which scenarios each app ran
    "orders-java": ["healthy", "down-refused", "killed-then-back", "wrongpass", "dns-nxdomain", "tls-untrusted", "oom",
                    "mixed-pg-api-healthy"],
    "catalog-java": ["healthy", "config-renamed", "protected-mode", "readonly", "maxclients", "blackholed",
                     "mix-killed-then-back", "mixed-pglocal-api-healthy"],
    "alertd-hiredis": ["healthy", "wrong-db", "pass-no-auth", "plain-to-tls", "oom", "protected-mode", "mixed-pg-api-healthy"],
    "feeds-perl-redis": ["healthy", "wrong-db", "tls-to-plain", "noauth", "killed-then-back", "maxclients",
                         "mixed-pg-api-healthy"],
    "cart-phpredis": ["healthy", "wrong-db", "readonly", "pass-no-auth", "tls-untrusted", "dns-nxdomain",
                      "mixed-pglocal-api-healthy"],
    "sessions-predis": ["healthy", "protected-mode", "oom", "maxclients", "tls-to-plain", "mix-wrongpass"],
    "ratelimiter-redigo": ["healthy", "config-renamed", "wrong-db", "protected-mode", "tls-untrusted", "mix-dns-nxdomain",
                           "mixed-pg-api-healthy"],
}

if __name__ == "__main__":
    run12.main(sys.argv, PLAN)
