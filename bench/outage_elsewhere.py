#!/usr/bin/env python3
"""An outage that is not Redis's: every request fails on PostgreSQL and on an HTTP API whose name does not
resolve, each error printed with its stack (Node's error object, Python's chained traceback through urllib3).

    python bench/outage_elsewhere.py 3 > bench/out/elsewhere.log     # 3 MB
    /usr/bin/time -f '%U s' rla analyze bench/out/elsewhere.log --format json

Every line is a failure or a frame of one, and none is Redis's: each entry is asked "is it Redis?" (the affinity's
text signals over the whole entry), which is the cost this file measures. The lines are the real ones of
samples/raw/mixed/stripe-dns-postgres-refused.log and samples/heldout10/raw/flask-caching/mixed-pg-stripe.log
(captured here, see samples/README.md), repeated as they are.
"""

from __future__ import annotations

import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SOURCES = (
    SAMPLES / "raw" / "mixed" / "stripe-dns-postgres-refused.log",
    SAMPLES / "heldout10" / "raw" / "flask-caching" / "mixed-pg-stripe.log",
)


def write(out, megabytes: float) -> None:  # type: ignore[no-untyped-def]
    block = "".join(p.read_text(encoding="utf-8") for p in SOURCES).encode()
    copies = max(1, int(megabytes * 1_000_000) // len(block))
    for _ in range(copies):
        out.write(block)


if __name__ == "__main__":
    write(sys.stdout.buffer, float(sys.argv[1]) if len(sys.argv) > 1 else 3)
