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


def traffic(port: int, path: str, every: float) -> None:
    """The capture's caller (started in a thread by the web apps): what it sees is not the app's log."""
    import time, urllib.request
    for _ in range(40):
        time.sleep(every)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=8).read()
        except Exception:
            pass
