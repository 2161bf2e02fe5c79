"""The Python apps' other dependencies (heldout71): PostgreSQL on DATABASE_URL through psycopg2, an HTTP API on
API_HOST through urllib; a failure is logged with its traceback as these apps log any error, and the work goes on."""
import json, logging, os, time, urllib.request

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
            urllib.request.urlopen(f"https://{os.environ['API_HOST']}/v1/customers?limit=1", timeout=2).read()
        except Exception:
            log.exception("billing API request failed")


_STARTED = time.monotonic()


def report(n: int) -> str:
    # REPORT_BIG_KB after REPORT_BIG_AFTER_S seconds: a customer whose report grew (the runs that hit a size limit)
    big = time.monotonic() - _STARTED > float(os.environ.get("REPORT_BIG_AFTER_S", "1e9"))
    kb = int(os.environ["REPORT_BIG_KB"] if big else os.environ.get("REPORT_KB", "3"))
    return json.dumps({"n": n, "rows": "x" * (kb * 1024)})


TICK = int(os.environ.get("TICK_MS", "1000")) / 1000
