"""Loaded by `make test-clock` (tests/clockshim/run, a .pth in the venv for the run's length) into every
Python process of the faked-clock run, whatever environment a test gives it.

libfaketime 0.9.10 (Debian 12) cannot fake the monotonic clock for Python: a faked CLOCK_MONOTONIC makes
every timed lock wait (threading, queue, websockets) wait a year, so the run keeps the real monotonic
clock (DONT_FAKE_MONOTONIC=1); but then its clock_nanosleep wrapper shifts Python's absolute monotonic
deadline and time.sleep fails with EINVAL. A relative select() sleeps the same time and is not wrapped.
Only the wall clock moves, which is what the run is for.
"""

import os
import select
import time


def _sleep(seconds: float) -> None:
    select.select([], [], [], max(0.0, float(seconds)))


if "faketime" in os.environ.get("LD_PRELOAD", ""):
    time.sleep = _sleep
