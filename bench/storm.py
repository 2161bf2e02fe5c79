#!/usr/bin/env python3
"""A retry storm: every line a Redis error, as ioredis floods a log when Redis is down.

The lines are the real ones of samples/dashboard/ioredis/refused-remote.txt (captured from ioredis,
see samples/README.md), repeated with a timestamp that moves on, as in the real log:

    python bench/storm.py 200 > bench/out/storm.log                  # 200 MB, the dashboard's form
    python bench/storm.py 20 --form rfc3339 > bench/out/storm.log    # each line its own millisecond time
    python bench/storm.py 20 --form jsonl > bench/out/storm.jsonl    # the API's records, each its own time and id

The dashboard's form repeats the same bytes within a second (its times have no fraction); in the other two
every line has its own time (nanoseconds): 18 entries a second, each line about 3 ms after the one before,
as ioredis prints them (the records' labels are those of samples/api/ioredis/refused-remote.jsonl, the API capture of the
same failure).
"""

from __future__ import annotations

import json
import random
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


def write(out, megabytes: float, form: str = "dashboard") -> None:  # type: ignore[no-untyped-def]
    lines = storm_lines()
    budget = int(megabytes * 1_000_000)
    labels = _labels()
    rnd = random.Random(17)
    written, second, buf = 0, 0, []
    while written < budget:
        h, m, s = (second // 3600) % 12 or 12, (second // 60) % 60, second % 60
        for n, line in enumerate(lines):
            if form == "dashboard":
                text = f"{h:02d}:{m:02d}:{s:02d} AM {line}\n"
            else:
                # nanoseconds, as the API and `render logs` print them; the instance is a label of the record
                stamp = f"2026-11-27T{(second // 3600) % 24:02d}:{m:02d}:{s:02d}.{n * 3 % 1000:03d}{rnd.randrange(10**6):06d}Z"
                message = line.split("] ", 1)[1]
                if form == "rfc3339":
                    text = f"{stamp} {message}\n"
                else:
                    record = {"id": f"{rnd.getrandbits(128):032x}", "timestamp": stamp, "message": message, "labels": labels}
                    text = json.dumps(record) + "\n"
            buf.append(text)
            written += len(text)
        second += 1
        if len(buf) > 20_000:
            out.write("".join(buf).encode())
            buf.clear()
    out.write("".join(buf).encode())


def _labels() -> list[dict[str, str]]:
    """The labels of the API capture's records of the storm (resource, instance, level, type)."""
    api = SAMPLE.parents[2] / "api" / "ioredis" / "refused-remote.jsonl"
    for line in api.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "ECONNREFUSED" in record.get("message", ""):
            return record["labels"]
    raise SystemExit(f"{api}: no record of the storm")


if __name__ == "__main__":
    args = sys.argv[1:]
    form = "dashboard"
    if "--form" in args:
        at = args.index("--form")
        form = args[at + 1]
        del args[at : at + 2]
    if form not in ("dashboard", "rfc3339", "jsonl"):
        raise SystemExit("--form: dashboard, rfc3339 or jsonl")
    write(sys.stdout.buffer, float(args[0]) if args else 200, form)
