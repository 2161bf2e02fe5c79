#!/usr/bin/env python3
"""Peak memory of `rla analyze` on one big JSON document (issue 15.9), by hand, never in CI.

    python bench/json_memory.py                      # 500 MB, every shape, this checkout
    python bench/json_memory.py --size 59M --code /path/to/other/checkout   # the same on other code

The document is made from `bench/gen.py --format api` (real Redis episodes among ordinary
traffic, one API log object per line), then shaped as the API and the CLI give it:
  array   `[` one object per line `]`            (a saved list of logs)
  page    `{"hasMore": false, "logs": [...]}`    on one line (one enormous API page)
  pretty  indented objects back to back          (`render logs -o json`)
Each is measured with `rla analyze FILE --format json`: peak RSS of the process and its children
(getrusage), wall time, and the finding count (so that a run that read nothing cannot look fast).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
SHAPES = ("array", "page", "pretty")


def _bytes(size: str) -> int:
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(float(size[:-1]) * units[size[-1].upper()]) if size[-1].upper() in units else int(size)


def lines_file(size: str) -> Path:
    path = OUT / f"api-{size}.jsonl"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(HERE / "gen.py"), "--format", "api", "--size", size, "-o", str(path)],
                       check=True)
    return path


def shaped(size: str, shape: str) -> Path:
    path = OUT / f"doc-{size}-{shape}.json"
    if path.exists():
        return path
    source = lines_file(size)
    with source.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        first = True
        out.write({"array": "[\n", "page": '{"hasMore": false, "nextStartTime": "", "logs": [', "pretty": ""}[shape])
        for line in src:
            line = line.rstrip("\n")
            if not line:
                continue
            if shape == "pretty":
                out.write(json.dumps(json.loads(line), indent=2) + "\n")
                continue
            out.write(("" if first else (",\n" if shape == "array" else ", ")) + line)
            first = False
        out.write({"array": "\n]\n", "page": "]}\n", "pretty": ""}[shape])
    return path


def measure(path: Path, code: Path) -> tuple[float, float, int]:
    """(peak RSS MB, wall s, findings counted) of one run of the rla at `code`, in a fresh process
    (getrusage's children maximum is per process: each run gets its own)."""
    probe = (
        "import json, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "took = time.perf_counter() - t\n"
        "try:\n"
        "    count = sum(f['count'] for f in json.loads(p.stdout)['findings'])\n"
        "except (ValueError, KeyError):\n"
        "    count = -1\n"
        "    sys.stderr.write(p.stderr[-500:])\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, took, count)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(code), "RLA_LANG": "en"}
    cmd = [sys.executable, "-m", "analyzer", "analyze", str(path), "--format", "json"]
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env, cwd=str(code))
    if out.stderr:
        print("  rla failed:", out.stderr.strip().splitlines()[-1:])
    kb, took, count = out.stdout.split()
    return int(kb) / 1024, float(took), int(count)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="500M")
    ap.add_argument("--shape", choices=SHAPES, action="append", help="default: each shape")
    ap.add_argument("--code", default=str(ROOT), help="the checkout whose rla is measured (default: this one)")
    args = ap.parse_args()
    for shape in args.shape or SHAPES:
        path = shaped(args.size, shape)
        rss, took, count = measure(path, Path(args.code))
        size_mb = path.stat().st_size / 2**20
        print(f"{shape:7} {size_mb:8.0f} MB document: peak RSS {rss:7.0f} MB, {took:6.1f} s, {count} findings counted")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
