"""The heldout75 Python apps' other dependencies (after heldout71's deps.py): PostgreSQL on DATABASE_URL through
psycopg2, a payments API on API_HOST through urllib; a failure is logged with its traceback and the work goes on."""
import json, logging, os, urllib.request

log = logging.getLogger("deps")


def touch_deps() -> None:
    if os.environ.get("DATABASE_URL"):
        try:
            import psycopg2
            psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=2).close()
        except Exception:
            log.exception("database check failed")
    if os.environ.get("API_HOST"):
        try:
            urllib.request.urlopen(f"https://{os.environ['API_HOST']}/v1/charges?limit=1", timeout=2).read()
        except Exception:
            log.exception("payments API request failed")


def report(n: int) -> str:
    return json.dumps({"n": n, "rows": "x" * 3072})  # over the 1400-byte packets the MTU-blackhole runs drop


TICK = int(os.environ.get("TICK_MS", "1000")) / 1000
