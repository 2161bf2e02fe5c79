#!/usr/bin/env python3
"""Where the time of `rla analyze FILE --format json` goes, by stage (cProfile, one process).

    python bench/profile.py                  # bench/out/big.log
    python bench/profile.py FILE --top 25    # and the 25 most expensive functions

Stages are summed from each function's own time ("tottime"), attributed by where the function
lives: start-up (imports, rule loading, regex compiles, plan), read (file reads), scan (the
multi-literal engine, newline counting, line slicing), parse (decoding and parsing the candidate
lines, gathering entries), classify (per-rule regexes on candidates), judge, output. Workers are
off (RLA_JOBS=1) so that every stage runs in the profiled process.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STAGES = (
    ("read", ("readinto", "method 'read'", "sources/files.py", "sources/text.py")),
    ("scan", ("engine.py", "hyperscan", "method 'count'", "method 'find'", "method 'rfind'", "method 'lower'", "engine_parallel")),
    ("parse", ("sources/formats.py", "method 'decode'", "scan.py:_Lines", "repair_mojibake", "_depth", "_continues", "offer", "feed", "fullmatch")),
    ("classify", ("scan.py", "method 'search'", "groupdict")),
    ("judge", ("judge.py", "redact.py")),
    ("output", ("report/", "json/encoder", "method 'write'", "dumps")),
)


def stage_of(key: tuple[str, int, str]) -> str:
    filename, _, func = key
    where = f"{filename}:{func}"
    if "scan.py" in filename and func in ("decode", "record_at", "blank"):
        return "parse"
    for stage, marks in STAGES:
        if any(m in where for m in marks):
            return stage
    return "start-up"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", default=str(ROOT / "bench" / "out" / "big.log"))
    ap.add_argument("--top", type=int, default=0)
    args = ap.parse_args(argv)
    os.environ["RLA_JOBS"] = "1"
    sys.argv = ["rla", "analyze", args.file, "--format", "json"]
    prof = cProfile.Profile()
    started = time.perf_counter()
    prof.enable()
    try:
        with redirect_stdout(io.StringIO()):
            from analyzer.cli import main as rla_main

            rla_main()
    except SystemExit:
        pass
    prof.disable()
    wall = time.perf_counter() - started
    stats = pstats.Stats(prof)
    totals: dict[str, float] = {}
    for key, (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        totals[stage_of(key)] = totals.get(stage_of(key), 0.0) + tottime
    total = sum(totals.values())
    print(f"profile of rla analyze {args.file} --format json (one process, cProfile): {wall:.2f} s wall under the profiler")
    for stage in ("start-up", "read", "scan", "parse", "classify", "judge", "output"):
        t = totals.get(stage, 0.0)
        print(f"  {stage:9s} {t:6.2f} s  {100 * t / total:5.1f} %")
    if args.top:
        stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
