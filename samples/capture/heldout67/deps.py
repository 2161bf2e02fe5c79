"""The app's other dependencies (mixed scenarios of heldout67): PostgreSQL on DATABASE_URL (psycopg2), an HTTP API on
API_HOST (httpx). Failures are logged through the app's logging, as any error of the app."""
import logging
import os

log = logging.getLogger("app.deps")


def touch_deps() -> None:
    if os.environ.get("DATABASE_URL"):
        import psycopg2
        try:
            psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=2).close()
        except psycopg2.OperationalError as e:
            log.error("database unavailable: %s", e)
    if os.environ.get("API_HOST"):
        import httpx
        try:
            httpx.get(f"https://{os.environ['API_HOST']}/v1/charges", timeout=2)
        except httpx.HTTPError:
            log.exception("payment sync failed")
