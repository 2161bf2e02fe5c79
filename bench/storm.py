#!/usr/bin/env python3
"""A retry storm: every line a Redis error, as ioredis floods a log when Redis is down.

The lines are the real ones of samples/dashboard/ioredis/refused-remote.txt (captured from ioredis,
see samples/README.md), repeated with a timestamp that moves on, as in the real log:

    python bench/storm.py 200 > bench/out/storm.log     # 200 MB
"""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "dashboard" / "ioredis" / "refused-remote.txt"


def storm_lines() -> list[str]:
    """The storm's lines of the sample, without their time ("12:28:20 AM ")."""
    out = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        if "[ioredis]" in line or line.split(" ", 3)[-1].lstrip().startswith("at "):
            out.append(line.split(" ", 2)[2])
    return out


def write(out, megabytes: float) -> None:  # type: ignore[no-untyped-def]
    lines = storm_lines()
    budget = int(megabytes * 1_000_000)
    written, second, buf = 0, 0, []
    while written < budget:
        h, m, s = (second // 3600) % 12 or 12, (second // 60) % 60, second % 60
        for line in lines:
            text = f"{h:02d}:{m:02d}:{s:02d} AM {line}\n"
            buf.append(text)
            written += len(text)
        second += 1
        if len(buf) > 20_000:
            out.write("".join(buf).encode())
            buf.clear()
    out.write("".join(buf).encode())


if __name__ == "__main__":
    write(sys.stdout.buffer, float(sys.argv[1]) if len(sys.argv) > 1 else 200)
