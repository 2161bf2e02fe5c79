#!/usr/bin/env python3
"""Driver of the heldout82 captures (issue 13, session 19): Redis failures as seen through PROCESS MANAGERS and LOG
WRAPPERS that add their own prefixes, colours, timestamps and restart lines. heldout19's driver set by its `for_batch`
(heldout12's server modes, a fresh server per run) in the h84b namespace (netns.sh here), each app started by the
wrapper its kind of deployment uses:
  pm2 (daemon, the paste being `pm2 logs`), pm2-runtime (a container's foreground), nodemon, concurrently, `npm run`,
  `yarn run`, `pnpm run`, honcho and foreman (Procfiles), supervisord (programs' output on its stdout), gunicorn,
  uvicorn, Celery's and RQ's and Sidekiq's workers.
APP_DIR (/tmp/h84/app) holds this folder's files, node_modules -> /tmp/h84/node/node_modules (pm2 6, nodemon 3,
concurrently 9, ioredis 5, redis 4, connect-redis 7, express 4, bullmq 5, pg 8, yarn 1, pnpm 10; npm
--legacy-peer-deps), Python 3.11 tools in /tmp/h84/py (pip), Ruby's from Debian 12 (ruby-sidekiq 6.4.1, ruby-redis
4.8.0, ruby-foreman 0.87.2). Colour: none is forced except where a wrapper's entry says FORCE_COLOR=1 (a CI log or a
container whose wrapper was told to colour); every output is a pipe to the file, as `docker logs` or a CI step keeps it.
Usage (as root, `netns.sh up` first; TLS: a throw-away CA in H84_TLS): run.py APP_DIR OUT_DIR [app/scenario ...]"""
import importlib.util, os, subprocess, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("run19", HERE.parent / "heldout19" / "run.py")
run19 = importlib.util.module_from_spec(spec); spec.loader.exec_module(run19)
run12 = run19.for_batch("h84b", "d9h84", Path(os.environ.get("H84_TLS", "/tmp/h84/tls")))
APP = os.environ.get("H84_APP", "/tmp/h84/app")
run12.SRC = APP  # the app runs where it lies (bound on itself): no platform's checkout path in its traces
PM2_HOME = "/tmp/h84/pm2home"
BIN = "PATH=/tmp/h84/py/bin:/tmp/h84/node/node_modules/.bin:$PATH"
CURL = "(sleep {d}; while :; do curl -s -o /dev/null -m 5 http://127.0.0.1:{p}{u}; sleep 1; done) & "
R = "redis://redis:6379"
PG = "postgres://shop:pgpassw0rd@postgres:5432/shop"
API = "http://billing-api:8080"
K = {"kill_at": 6, "back_at": 11}
# scenario -> (server mode or None, env, actions): the server is always 'redis' (10.84.0.9) unless the URL says so
run12.SCEN.update({
    "healthy": ("plain", {"REDIS_URL": R}, {}),
    "down-at-boot": (None, {"REDIS_URL": R}, {}),
    "killed-then-back": ("plain", {"REDIS_URL": R}, K),
    "killed-not-back": ("plain", {"REDIS_URL": R}, {"kill_at": 6}),
    "wrongpass": ("auth", {"REDIS_URL": "redis://default:wr0ngpassw0rd@redis:6379"}, {}),
    "noauth": ("auth", {"REDIS_URL": R}, {}),
    "url-unset": (None, {}, {}),  # the real Redis is elsewhere; nothing listens on the client's default
    "url-typo-scheme": ("plain", {"REDIS_URL": "reddis://redis:6379"}, {}),
    "url-http-scheme": ("plain", {"REDIS_URL": "http://redis:6379"}, {}),
    "url-bad-port": ("plain", {"REDIS_URL": "redis://redis:63790"}, {}),  # a digit too many: refused
    "url-port-nan": ("plain", {"REDIS_URL": "redis://redis:6379x"}, {}),
    "plain-to-tls": ("tls", {"REDIS_URL": R}, {}),
    "tls-to-plain": ("plain", {"REDIS_URL": "rediss://redis:6379"}, {}),
    "maxclients": ("maxclients", {"REDIS_URL": R}, {"hold": True}),
    "oom": ("oom", {"REDIS_URL": R}, {"fill": True}),
    "healthy-loopback": ("plain", {"REDIS_URL": "redis://127.0.0.1:6379"}, {"bind_lo": True}),
    "killed-then-back-loopback": ("plain", {"REDIS_URL": "redis://localhost:6379"}, {**K, "bind_lo": True}),
    "mixed-pg-api-healthy": ("plain", {"REDIS_URL": R, "DATABASE_URL": PG, "API_URL": API}, {}),
    "mixed-pg-healthy": ("plain", {"REDIS_URL": R, "DATABASE_URL": PG}, {}),
    "mixed-api-healthy": ("plain", {"REDIS_URL": R, "API_URL": API}, {}),
    "mixed-api-nxdomain-healthy": ("plain", {"REDIS_URL": R, "API_URL": "https://api.stripe.com"}, {}),
})
PM2 = f"export PM2_HOME={PM2_HOME}; "
APPS = {  # app -> (start command in APP, seconds it may run)
    # pm2 in daemon mode: the process started, then `pm2 logs` (what is pasted) streamed until the end
    "storefront-pm2-logs": (PM2 + "pm2 start ecosystem.config.js >/dev/null 2>&1; exec pm2 logs", 20),
    "mailer-pm2-runtime": ("exec pm2-runtime start mailer.config.js", 20),
    "prices-nodemon": ("FORCE_COLOR=1 exec nodemon cache.js", 18),
    "shop-concurrently": ("FORCE_COLOR=1 exec npm run dev", 20),
    "prices-npm-run": ("exec npm run start:cache", 16),
    "mailer-yarn": ("exec yarn run worker", 18),
    "storefront-pnpm": ("exec pnpm run start", 18),
    "invoices-honcho-celery": ("exec honcho -f Procfile.celery start", 20),
    "portal-gunicorn": (CURL.format(d=2, p=8000, u="/api/dashboard")
                        + "exec gunicorn -b 127.0.0.1:8000 -w 2 --access-logfile - portal_app:application", 18),
    "notify-uvicorn": (CURL.format(d=2, p=8001, u="/notify") + "exec uvicorn notify_asgi:app --port 8001", 18),
    # stdout a pipe, as Docker's: supervisord's /dev/stdout reopened on a file would write over itself
    "exports-supervisord-rq": ("supervisord -c supervisord.conf 2>&1 | (trap '' INT; exec cat)", 20),
    "newsletter-foreman-sidekiq": ("exec foreman start -f Procfile.sidekiq", 20),
}
run12.CLIENTS.clear()
run12.CLIENTS.update({a: (f"{BIN}; {cmd}", secs) for a, (cmd, secs) in APPS.items()})
PLAN = {  # which scenarios each app ran
    "storefront-pm2-logs": ["healthy", "down-at-boot", "killed-then-back", "wrongpass", "mixed-pg-api-healthy"],
    "mailer-pm2-runtime": ["healthy", "oom", "plain-to-tls", "killed-not-back"],
    "prices-nodemon": ["healthy-loopback", "killed-then-back-loopback", "url-unset", "url-typo-scheme", "tls-to-plain"],
    "shop-concurrently": ["healthy", "noauth", "killed-then-back", "mixed-pg-api-healthy"],
    "prices-npm-run": ["down-at-boot", "wrongpass", "oom"],
    "mailer-yarn": ["maxclients", "url-bad-port"],
    "storefront-pnpm": ["url-http-scheme", "mixed-api-nxdomain-healthy"],
    "invoices-honcho-celery": ["healthy", "down-at-boot", "killed-then-back", "wrongpass", "mixed-pg-api-healthy"],
    "portal-gunicorn": ["healthy", "killed-then-back", "maxclients", "tls-to-plain", "mixed-pg-healthy"],
    "notify-uvicorn": ["healthy", "down-at-boot", "url-unset", "plain-to-tls", "mixed-api-healthy"],
    "exports-supervisord-rq": ["healthy", "noauth", "killed-then-back", "oom", "url-port-nan"],
    "newsletter-foreman-sidekiq": ["healthy", "down-at-boot", "killed-then-back", "maxclients", "mixed-pg-api-healthy"],
}
_run_one = run12.run_one


def run_one(client: str, scen: str, out: Path) -> tuple[int, int]:
    """heldout12's run, then whatever a wrapper left detached (pm2's daemon and the apps it keeps) is stopped."""
    try:
        return _run_one(client, scen, out)
    finally:
        if "pm2-logs" in client:
            subprocess.run(["ip", "netns", "exec", "h84b", "env", f"PM2_HOME={PM2_HOME}",
                            "/tmp/h84/node/node_modules/.bin/pm2", "kill"], capture_output=True)
            subprocess.run(["rm", "-rf", PM2_HOME])


run12.run_one = run_one

if __name__ == "__main__":
    run12.main(sys.argv, PLAN)
