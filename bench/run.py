#!/usr/bin/env python3
"""The speed bench of issue 7: rla against `grep -c -E -f PATTERNS` on the same file, in one run.

    python bench/run.py                 # generate bench/out/big.log (500 MB) if missing, then measure
    python bench/run.py --huge 10       # also stream 10 copies (5 GB) through stdin for the RSS figure
    python bench/run.py --engine python # the pure-Python fallback instead of the fastest engine
    python bench/run.py --reference     # issue 17's table: the file of bench/gen_big_log.py 3400000

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
    ap.add_argument("--engine", choices=["auto", "hyperscan", "aho-corasick", "python"], default="auto")
    ap.add_argument("--reference", action="store_true",
                    help="measure on the file of bench/gen_big_log.py (issue 17's table) instead of bench/gen.py's")
    ap.add_argument("--storm", default="200", help="MB of the retry-storm file (bench/storm.py); 0: skip")
    args = ap.parse_args(argv)

    from ere import patterns_file
    from gen import generate, parse_size

    from analyzer.engine.prefilter import available
    from analyzer.engine.rules import load_rules

    OUT.mkdir(exist_ok=True)
    big = Path(args.file)
    if args.reference and args.file == str(OUT / "big.log"):
        big = OUT / "reference.log"
    if not big.exists():
        print(f"generating {big} ({args.size}) ...", file=sys.stderr)
        with open(big, "wb") as out:
            if args.reference:  # the reference file: 3.4 M lines per 500 MB, one Redis line in 2,000
                lines_wanted = int(3_400_000 * parse_size(args.size) / 500_000_000)
                subprocess.run([sys.executable, str(HERE / "gen_big_log.py"), str(lines_wanted)], stdout=out, check=True)
            else:
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
    used = available()[0] if args.engine == "auto" else args.engine
    print(f"engines:  available {', '.join(available())}; used {used}")

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
    # gS: the 30-pattern reference of the troubleshooting note's lines; cat: the cost of reading
    gs_cmd = ["grep", "-c", "-E", "-f", str(HERE / "grep-reference-patterns.txt"), str(big)]
    cat_cmd = ["cat", str(big)]
    gs = statistics.median(wall(gs_cmd) for _ in range(args.runs))
    ct = statistics.median(wall(cat_cmd) for _ in range(args.runs))
    rm = statistics.median(w for w, _ in r_runs)
    target = "<= 1x gS" if used == "hyperscan" else "<= 2x gS"
    print(
        f"table:    engine {used}: rla {rm:.2f} s (median) = {rm / gs:.2f}x gS ({gs:.2f} s), "
        f"{rm / statistics.median(w for w, _ in g_runs):.2f}x gP, {rm / ct:.1f}x cat ({ct:.2f} s)  (target {target})"
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

    # -- retry storm ------------------------------------------------------------------------
    if float(args.storm) > 0:
        from storm import write as write_storm

        storm = OUT / f"storm-{args.storm}.log"
        if not storm.exists():
            with open(storm, "wb") as out:
                write_storm(out, float(args.storm))
        storm_cmd = [*rla, "analyze", str(storm), "--format", "json"]
        runs = [timed(storm_cmd, env=env) for _ in range(args.runs)]
        w, c = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
        mb = storm.stat().st_size / 1e6
        print(
            f"storm:    every line a Redis error, {mb:.0f} MB: {w:.1f} s wall ({mb / w:.1f} MB/s), CPU {c:.1f} s "
            f"({mb / c:.1f} MB/s)  (target >= 45 MB/s, 10x the 4.5 MB/s of issue 17)"
        )

    # -- start-up ---------------------------------------------------------------------------
    base_cmd = [sys.executable, "-c", "import typer"]
    folder = ROOT / "samples" / "dashboard" / "ioredis"
    cases = {
        "--help": ([*rla, "--help"], 1.3),
        "analyze 5 KB": ([*rla, "analyze", str(small)], 1.5),
        "rules list": ([*rla, "rules", "list"], 1.5),
        "check one folder": ([*rla, "check", str(folder)], 1.5),
    }
    base: list[float] = []
    took: dict[str, list[float]] = {k: [] for k in cases}
    for _ in range(args.startup_runs):
        base.append(wall(base_cmd))
        for k, (cmd, _) in cases.items():
            took[k].append(wall(cmd))
    b = statistics.median(base)
    print(f"start-up: python -c 'import typer' {b * 1000:.0f} ms (medians of {args.startup_runs}, alternating runs)")
    for k, (_, goal) in cases.items():
        m = statistics.median(took[k])
        print(f"          rla {k}: {m * 1000:.0f} ms = {m / b:.2f}x  (target <= {goal}x{'' if m / b <= goal else ', missed'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
