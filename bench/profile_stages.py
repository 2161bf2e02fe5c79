#!/usr/bin/env python3
"""Where the time of `rla analyze FILE --format json` goes, by stage (cProfile, one process).

    python bench/profile.py                  # bench/out/big.log
    python bench/profile.py FILE --top 25    # and the 25 most expensive functions

Stages are summed from each function's own time ("tottime"), attributed by where the function
lives: start-up (imports, rule loading, regex and Hyperscan compiles, the CLI), read (file reads),
scan (the multi-literal engine, newline counting, finding line ends), parse (decoding and parsing
the candidate lines, gathering entries), classify (per-rule regexes on entries), judge (aggregation,
templates, redaction), output (the report). Workers are off (RLA_JOBS=1) so that every stage runs
in the profiled process.
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

_PARSE_IN_SCAN = ("decode", "record_at", "blank", "offer", "feed", "hit", "_depth", "_continues", "__init__")


def stage_of(key: tuple[str, int, str]) -> str:
    """The stage a function's own time belongs to (see the module docstring)."""
    filename, _, func = key
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    if "hyperscan.Database' objects" in func:
        return "start-up" if "compile" in func else "scan"
    if name in ("judge.py", "redact.py") or "method 'sub'" in func:
        return "judge"  # template folding and redaction of each hit are regex substitutions
    if "/report/" in filename or "json/encoder" in filename or "method 'write'" in func:
        return "output"
    if name == "formats.py" or "method 'decode'" in func or "fullmatch" in func or "mojibake" in func:
        return "parse"
    if name == "scan.py":
        if func == "classify":
            return "classify"
        return "parse" if func in _PARSE_IN_SCAN else "scan"
    if name in ("prefilter.py", "parallel.py") or any(
        m in func for m in ("method 'count'", "method 'find'", "method 'rfind'", "method 'lower'")
    ):
        return "scan"
    if "readinto" in func or "method 'read'" in func or name in ("files.py", "text.py"):
        return "read"
    if "method 'search'" in func or "groupdict" in func:
        return "classify"
    return "start-up"  # imports, rule loading, regex and engine compiles, the CLI


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
            from analyzer.cli.app import main as rla_main

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
