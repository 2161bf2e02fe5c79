#!/usr/bin/env python3
"""The speed bench of issue 7: rla against `grep -c -E -f PATTERNS` on the same file, in one run.

    python bench/run.py                 # generate bench/out/big.log (500 MB) if missing, then measure
    python bench/run.py --huge 10       # also stream 10 copies (5 GB) through stdin for the RSS figure
    python bench/run.py --engine python # the pure-Python fallback instead of the fastest engine

Prints the machine, then:
  throughput  best-of-N wall time of `rla analyze big.log --format json` / same for grep -> ratio
  memory      peak RSS of that rla run (/usr/bin/time -v), and of the 5 GB stdin run with --huge
  start-up    median wall time of `rla analyze small.log` (5 KB) and `rla --help` / `python -c pass`

PATTERNS holds one ERE per built-in rule (bench/ere.py converts the rule regexes faithfully);
grep only counts matching lines, while rla parses, gathers multi-line entries, classifies, judges
and renders the report: the ratio is the price of the whole diagnosis against a bare line count.
Runs alternate between the commands so that machine noise hits both alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


def rla_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("rla")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "analyzer"]


def wall(cmd: list[str], stdin=None, env=None) -> float:  # type: ignore[no-untyped-def]
    """Wall seconds of one run. Output goes to a pipe, never /dev/null: GNU grep stops at the first
    match when it sees its output is /dev/null."""
    t = time.perf_counter()
    subprocess.run(cmd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    return time.perf_counter() - t


def timed(cmd: list[str], env=None) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall, CPU) seconds of one run; CPU is user+sys of the process and its workers."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    took = wall(cmd, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def peak_rss_mb(cmd: list[str], stdin=None, env=None, shell: bool = False) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(peak RSS in MB, wall seconds) of one run under /usr/bin/time -v."""
    timer = shutil.which("time", path="/usr/bin:/bin")
    if timer is None:
        return float("nan"), wall(cmd, stdin, env)
    full = [timer, "-v", *cmd] if not shell else [timer, "-v", "sh", "-c", cmd[0]]
    t = time.perf_counter()
    p = subprocess.run(full, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    took = time.perf_counter() - t
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return (int(m.group(1)) / 1024 if m else float("nan")), took


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, AttributeError):
        pass
    grep = subprocess.run(["grep", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    try:
        from importlib.metadata import version

        hs = f"hyperscan {version('hyperscan')}"
    except Exception:
        hs = "hyperscan not installed"
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {grep}; {hs}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file", default=str(OUT / "big.log"))
    ap.add_argument("--size", default="500M", help="size of the generated file (if missing)")
    ap.add_argument("--runs", type=int, default=3, help="throughput runs per command (best is kept)")
    ap.add_argument("--startup-runs", type=int, default=15)
    ap.add_argument("--huge", type=int, default=0, help="also stream N copies of the file through stdin (RSS)")
    ap.add_argument("--engine", choices=["auto", "hyperscan", "python"], default="auto")
    args = ap.parse_args(argv)

    from ere import patterns_file
    from gen import generate, parse_size

    from analyzer.engine.prefilter import available
    from analyzer.engine.rules import load_rules

    OUT.mkdir(exist_ok=True)
    big = Path(args.file)
    if not big.exists():
        print(f"generating {big} ({args.size}) ...", file=sys.stderr)
        with open(big, "wb") as out:
            generate(out, parse_size(args.size), seed=1)
    small = OUT / "small.log"
    if not small.exists():
        with open(small, "wb") as out:
            generate(out, 5_000, seed=2, redis_every=40)
    rules = load_rules().rules
    patterns = OUT / "PATTERNS"
    patterns.write_text(patterns_file(rules), encoding="utf-8")

    env = {**os.environ, "RLA_ENGINE": args.engine}
    rla = rla_cmd()
    size_mb = big.stat().st_size / 1e6
    lines = sum(chunk.count(b"\n") for chunk in iter(lambda f=open(big, "rb"): f.read(1 << 24), b""))
    print(f"machine:  {machine()}")
    print(f"input:    {big} {size_mb:.0f} MB, {lines:,} lines; {len(rules)} rules, {len(patterns.read_text().splitlines())} PATTERNS lines")
    print(f"engines:  available {', '.join(available())}; used {args.engine}")

    # -- throughput -------------------------------------------------------------------------
    grep_cmd = ["grep", "-c", "-E", "-f", str(patterns), str(big)]
    rla_big = [*rla, "analyze", str(big), "--format", "json"]
    count = subprocess.run(grep_cmd, capture_output=True, text=True).stdout.strip()  # also warms the page cache
    g_runs, r_runs = [], []
    for _ in range(args.runs):
        g_runs.append(timed(grep_cmd))
        r_runs.append(timed(rla_big, env=env))
    g, r = min(w for w, _ in g_runs), min(w for w, _ in r_runs)
    gc, rc = min(c for _, c in g_runs), min(c for _, c in r_runs)
    print(
        f"throughput: grep {g:.2f} s ({size_mb / g:.0f} MB/s, {count} lines)  rla {r:.2f} s ({size_mb / r:.0f} MB/s)  "
        f"ratio {r / g:.2f}x wall (target <= 2x); CPU grep {gc:.2f} s, rla {rc:.2f} s (all processes)"
    )
    print(
        f"            all runs, wall: grep {' '.join(f'{w:.2f}' for w, _ in g_runs)}; "
        f"rla {' '.join(f'{w:.2f}' for w, _ in r_runs)}"
    )

    # -- memory -----------------------------------------------------------------------------
    rss, took = peak_rss_mb(rla_big, env=env)
    print(f"memory:   peak RSS {rss:.0f} MB on {size_mb:.0f} MB (target < 100 MB)")
    if args.huge:
        cat = " ".join([f"'{big}'"] * args.huge)
        cmd = f"cat {cat} | {' '.join(rla)} analyze - --format json"
        rss_h, took_h = peak_rss_mb([cmd], env=env, shell=True)
        print(
            f"memory:   peak RSS {rss_h:.0f} MB on {size_mb * args.huge / 1000:.1f} GB through stdin "
            f"({took_h:.1f} s, {size_mb * args.huge / took_h:.0f} MB/s)"
        )

    # -- start-up ---------------------------------------------------------------------------
    base_cmd = [sys.executable, "-c", "pass"]
    small_cmd = [*rla, "analyze", str(small)]
    help_cmd = [*rla, "--help"]
    base, an, hp = [], [], []
    for _ in range(args.startup_runs):
        base.append(wall(base_cmd))
        an.append(wall(small_cmd))
        hp.append(wall(help_cmd))
    b, a, h = statistics.median(base), statistics.median(an), statistics.median(hp)
    print(
        f"start-up: python -c pass {b * 1000:.0f} ms; rla analyze small.log {a * 1000:.0f} ms = {a / b:.1f}x; "
        f"rla --help {h * 1000:.0f} ms = {h / b:.1f}x  (target <= 2x; medians of {args.startup_runs})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
