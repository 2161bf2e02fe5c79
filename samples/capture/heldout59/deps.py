"""The app's other dependencies (mixed scenarios of heldout59): PostgreSQL on DATABASE_URL (psycopg2), an HTTP API on
API_HOST (requests). A failure goes through the caller's `fail(msg, exc)`, the app's own structured logger."""
import os
from typing import Callable


def touch_deps(fail: Callable[[str, BaseException], None]) -> None:
    if os.environ.get("DATABASE_URL"):
        import psycopg2
        try:
            psycopg2.connect(os.environ["DATABASE_URL"], connect_timeout=2).close()
        except psycopg2.OperationalError as e:
            fail("database unavailable", e)
    if os.environ.get("API_HOST"):
        import requests
        try:
            requests.get(f"https://{os.environ['API_HOST']}/v1/charges", timeout=2)
        except requests.RequestException as e:
            fail("payment sync failed", e)
