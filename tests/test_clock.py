"""Issue 12: one clock for "now", pinned by RLA_NOW; nothing measured from the machine's clock."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from analyzer import clock
from analyzer.render.api import ConfigError, resolve_window

ROOT = Path(__file__).resolve().parent.parent


def test_rla_now_pins_the_clock(monkeypatch):
    monkeypatch.setenv("RLA_NOW", "2031-02-03T04:05:06Z")
    assert clock.now() == datetime(2031, 2, 3, 4, 5, 6, tzinfo=timezone.utc)
    monkeypatch.setenv("RLA_NOW", "2031-02-03T05:05:06+01:00")
    assert clock.now() == datetime(2031, 2, 3, 4, 5, 6, tzinfo=timezone.utc)
    monkeypatch.setenv("RLA_NOW", "2031-02-03 04:05:06")  # no zone: UTC, as the API's times
    assert clock.now() == datetime(2031, 2, 3, 4, 5, 6, tzinfo=timezone.utc)


def test_unset_clock_is_the_machines(monkeypatch):
    monkeypatch.delenv("RLA_NOW")
    before = datetime.now(timezone.utc)
    assert before <= clock.now() <= datetime.now(timezone.utc)


def test_relative_windows_are_measured_from_the_clock(monkeypatch):
    monkeypatch.setenv("RLA_NOW", "2030-06-01T12:00:00Z")
    start, end = resolve_window("2h", None, None)
    assert (start, end) == (datetime(2030, 6, 1, 10, tzinfo=timezone.utc), datetime(2030, 6, 1, 12, tzinfo=timezone.utc))
    start, end = resolve_window(None, "90m", None)
    assert start == datetime(2030, 6, 1, 10, 30, tzinfo=timezone.utc)
    # retention (30 days at most) is counted back from the same clock, whatever today is
    with pytest.raises(ConfigError, match="are gone"):
        resolve_window(None, "2030-04-20T00:00:00Z", None)


def test_a_bad_rla_now_is_one_sentence_and_exit_2():
    env = {**os.environ, "RLA_NOW": "yesterday", "RENDER_API_KEY": "rnd_x", "RENDER_HOST": "http://127.0.0.1:9/v1"}
    out = subprocess.run([sys.executable, "-m", "analyzer", "fetch", "srv-d0cjkelq67qs70c2abcd", "--since", "1h"],
                         capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert out.returncode == 2
    assert "RLA_NOW='yesterday' is not an RFC 3339 time" in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
