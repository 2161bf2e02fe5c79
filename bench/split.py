#!/usr/bin/env python3
"""One big plain file on 1 and 2 local cores (by hand, never in CI): `rla analyze BIG --format json`
with RLA_JOBS=1 (read and scanned block after block in one process) and RLA_JOBS=2 (its byte ranges
scanned by worker processes, their summaries merged in order on the main process: analyzer.summary).

Prints, per file and per setting, the median wall time and MB/s, the CPU of the main process and of
its workers apart (the main process merges and judges alone: its CPU is the floor of the wall time
whatever the cores), the peak RSS of the main process, and the load average; checks that both
settings print the same report.

    python bench/split.py                        # quiet, outage and retry-storm files of 100 MB
    python bench/split.py --size 60 --runs 3
    python bench/split.py --repo ../other-checkout   # the same files through another commit's rla
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

# Runs rla in this child and prints its own CPU and its workers' apart (getrusage), with its peak RSS.
PROBE = r"""
import json, resource, sys, time
sys.argv = ["rla", "analyze", sys.argv[1], "--format", "json"]
started = time.perf_counter()
from analyzer.cli.app import main
try:
    main()
except SystemExit:
    pass
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": time.perf_counter() - started, "main": me.ru_utime + me.ru_stime,
                  "workers": kids.ru_utime + kids.ru_stime, "rss": me.ru_maxrss / 1024}), file=sys.stderr)
"""


def make(kind: str, mb: int) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"split-{kind}-{mb}.log"
    if path.exists():
        return path
    with open(path, "wb") as out:
        if kind == "storm":
            from storm import write

            write(out, mb)
        else:
            from gen import generate

            generate(out, mb * 1_000_000, seed=21, redis_every=2000 if kind == "quiet" else 4)
    return path


def once(path: Path, jobs: int, repo: Path) -> tuple[dict, str]:
    env = {**os.environ, "RLA_JOBS": str(jobs), "NO_COLOR": "1", "RLA_LANG": "en", "PYTHONPATH": str(repo)}
    p = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, env=env, cwd=repo)
    return json.loads(p.stderr.strip().splitlines()[-1]), p.stdout


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=100, help="MB of each file (at least 49: smaller files are not split)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--kinds", default="quiet,outage,storm")
    ap.add_argument("--repo", type=Path, default=ROOT, help="the rla checkout to run (another commit, for a before/after)")
    args = ap.parse_args()
    print(f"cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}")
    print("| file | jobs | wall (median) | MB/s | CPU main / workers | peak RSS main | load |")
    print("|---|---|---|---|---|---|---|")
    for kind in args.kinds.split(","):
        path = make(kind, args.size)
        mb = path.stat().st_size / 1e6
        got: dict[int, list[dict]] = {1: [], 2: []}
        reports: dict[int, str] = {}
        for _ in range(args.runs):  # alternate, so that the machine's noise hits both alike
            for jobs in (1, 2):
                stats, report = once(path, jobs, args.repo)
                stats["load"] = os.getloadavg()[0]
                got[jobs].append(stats)
                reports[jobs] = report
        same = "same report" if reports[1] == reports[2] else "REPORTS DIFFER"
        for jobs in (1, 2):
            runs = got[jobs]
            wall = statistics.median(r["wall"] for r in runs)
            main_cpu = statistics.median(r["main"] for r in runs)
            workers = statistics.median(r["workers"] for r in runs)
            rss = max(r["rss"] for r in runs)
            loads = [r["load"] for r in runs]
            print(f"| {kind} {mb:.0f} MB | {jobs} | {wall:.1f} s | {mb / wall:.1f} | {main_cpu:.1f} s / {workers:.1f} s "
                  f"| {rss:.0f} MB | {min(loads):.1f}-{max(loads):.1f} |")
        print(f"<!-- {kind}: {same} -->")
    return 0


if __name__ == "__main__":
    sys.exit(main())
