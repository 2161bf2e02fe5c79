#!/usr/bin/env python3
"""The speed bench of issue 7: rla against `grep -c -E -f PATTERNS` on the same file, in one run.

    python bench/run.py                 # generate bench/out/big.log (500 MB) if missing, then measure
    python bench/run.py --huge 10       # also stream 10 copies (5 GB) through stdin for the RSS figure
    python bench/run.py --engine python # one engine only (default: python, then the fastest installed)
    python bench/run.py --reference     # issue 17's table: the file of bench/gen_big_log.py 3400000
    python bench/run.py --reference --size 100M --storm 20 --runs 3   # reduced, for a loaded machine

Prints the machine and its load, then every row of issue 17's table, for each engine measured
(`python`: a plain install where no wheel exists; the fastest installed: `[fast]`, or a plain install
where Hyperscan has a wheel), and last the rows as one markdown table with the target and whether it is met:
  throughput  median wall time of `rla analyze big.log --format json` against gS (the 30 reference
              patterns), gP (the pack's patterns, bench/ere.py) and cat
  memory      peak RSS of that rla run (/usr/bin/time -v), of the storm, of the 5 GB stdin run with --huge
  storm       CPU of a retry storm (bench/storm.py), alone and with eight rules that never match it
  fetch       bench/bench_fetch.py with --fetch
  start-up    median CPU and wall time of `rla --help`, `analyze` (5 KB), `rules list`, `check` (one folder) /
              `python -c 'import typer'`, after one run that writes the rule-pack cache (bench/startup.py)

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


# Eight rules that never match a retry storm's lines but hold its words ("connect ECONNREFUSED"): each storm line
# is a candidate for them. Issue 17: such rules made the storm 4.2x slower; the cost must not depend on them.
NEVER_PORTS = ("5432", "3306", "27017", "5672", "9200", "11211", "8080", "2181")
NEVER_RULE = """id: bench-never-{n}
title: Bench rule that a retry storm never matches ({port})
severity: error
patterns:
  - 'connect ECONNREFUSED (?P<host>[0-9.]+):{port}\\b'
cause: A bench rule (bench/run.py) that holds the storm's words but never its port.
solution: ['Nothing to do, it only measures what an extra rule costs.']
examples:
  match: ['Error: connect ECONNREFUSED 10.0.3.7:{port}']
  no_match: ['Error: connect ECONNREFUSED 10.0.3.7:6379']
"""


def never_pack() -> Path:
    pack = OUT / "never-pack"
    pack.mkdir(exist_ok=True)
    for n, port in enumerate(NEVER_PORTS, 1):
        (pack / f"bench-never-{n}.yaml").write_text(NEVER_RULE.format(n=n, port=port), encoding="utf-8")
    return pack


def engines_wanted(spec: str) -> list[str]:
    """'python,fast' -> the pure-Python engine (a plain install where no wheel exists) and the fastest
    compiled engine installed here ([fast], or a plain install where Hyperscan has a wheel)."""
    from analyzer.engine.prefilter import available

    here = available()
    out: list[str] = []
    for name in spec.split(","):
        name = name.strip()
        if name == "fast":
            name = here[0]
        if name == "all":
            out.extend(here)
            continue
        if name not in here:
            print(f"engine {name}: not installed here, skipped", file=sys.stderr)
            continue
        out.append(name)
    return list(dict.fromkeys(out))


def fetch_row(args: argparse.Namespace) -> str:
    """The `rla fetch` row (100,000 logs: memory, probes) is bench/bench_fetch.py's; --fetch runs it."""
    if not args.fetch:
        return "fetch:    not run (--fetch runs bench/bench_fetch.py --cli: rla fetch of 100,000 logs from the fake API)"
    p = subprocess.run([sys.executable, str(HERE / "bench_fetch.py"), "--cli"], capture_output=True, text=True, cwd=ROOT)
    lines = [ln for ln in (p.stdout + p.stderr).splitlines() if ln.strip()]
    return "\n".join("fetch:    " + ln for ln in lines[-6:]) or "fetch:    bench/bench_fetch.py printed nothing"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--file", default=str(OUT / "big.log"))
    ap.add_argument("--size", default="500M", help="size of the generated file (if missing)")
    ap.add_argument("--runs", type=int, default=3, help="runs per command (medians; best kept for the wall ratio)")
    ap.add_argument("--startup-runs", type=int, default=15)
    ap.add_argument("--huge", type=int, default=0, help="also stream N copies of the file through stdin (RSS)")
    ap.add_argument("--engine", default=None, help="one engine only (hyperscan, aho-corasick, python)")
    ap.add_argument("--engines", default="python,fast",
                    help="engines measured, comma-separated: python (a plain install with no wheel), fast (the "
                         "fastest installed: [fast]), all, or names (default: python,fast)")
    ap.add_argument("--reference", action="store_true",
                    help="measure on the file of bench/gen_big_log.py (issue 17's table) instead of bench/gen.py's")
    ap.add_argument("--storm", default="200", help="MB of the retry-storm file (bench/storm.py); 0: skip")
    ap.add_argument("--fetch", action="store_true", help="also run bench/bench_fetch.py --cli (the fetch row)")
    args = ap.parse_args(argv)

    from ere import patterns_file
    from gen import generate, parse_size

    from analyzer.engine.prefilter import available
    from analyzer.engine.rules import load_rules

    OUT.mkdir(exist_ok=True)
    big = Path(args.file)
    if args.reference and args.file == str(OUT / "big.log"):
        big = OUT / f"reference-{args.size}.log"
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
    engines = engines_wanted(args.engine or args.engines)

    rla = rla_cmd()
    size_mb = big.stat().st_size / 1e6
    lines = sum(chunk.count(b"\n") for chunk in iter(lambda f=open(big, "rb"): f.read(1 << 24), b""))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine:  {machine()}; load average {load:.1f} at the start")
    print(f"input:    {big} {size_mb:.0f} MB, {lines:,} lines; {len(rules)} rules, {len(patterns.read_text().splitlines())} PATTERNS lines")
    print(f"engines:  available {', '.join(available())}; measured {', '.join(engines)}")
    table: list[tuple[str, str, str, bool | None]] = []  # case, result, target, met

    # -- throughput: rla against gS, gP and cat, each engine ------------------------------------
    gp_cmd = ["grep", "-c", "-E", "-f", str(patterns), str(big)]
    gs_cmd = ["grep", "-c", "-E", "-f", str(HERE / "grep-reference-patterns.txt"), str(big)]
    cat_cmd = ["cat", str(big)]
    rla_big = [*rla, "analyze", str(big), "--format", "json"]
    count = subprocess.run(gp_cmd, capture_output=True, text=True).stdout.strip()  # also warms the page cache
    base = {name: [timed(cmd) for _ in range(args.runs)] for name, cmd in (("gP", gp_cmd), ("gS", gs_cmd), ("cat", cat_cmd))}
    gp, gs, ct = (statistics.median(w for w, _ in base[n]) for n in ("gP", "gS", "cat"))
    gs_cpu = statistics.median(c for _, c in base["gS"])
    print(
        f"baseline: gS {gs:.2f} s (CPU {gs_cpu:.2f} s), gP {gp:.2f} s ({count} lines), cat {ct:.2f} s "
        f"(medians of {args.runs})"
    )
    for engine in engines:
        env = {**os.environ, "RLA_ENGINE": engine}
        runs = [timed(rla_big, env=env) for _ in range(args.runs)]
        rm, cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
        goal = 1.0 if engine == "hyperscan" else 2.0
        print(
            f"throughput [{engine}]: rla {rm:.2f} s ({size_mb / rm:.0f} MB/s, CPU {cpu:.2f} s) = {rm / gs:.2f}x gS, "
            f"{rm / gp:.2f}x gP, {rm / ct:.1f}x cat  (target <= {goal:g}x gS); CPU {cpu / gs_cpu:.2f}x gS's; "
            f"runs {' '.join(f'{w:.2f}' for w, _ in runs)}"
        )
        table.append((f"{size_mb:.0f} MB, engine {engine}",
                      f"{rm:.2f} s: {rm / gs:.2f}x gS, {rm / gp:.2f}x gP, {rm / ct:.1f}x cat; CPU {cpu / gs_cpu:.2f}x gS's",
                      f"<= {goal:g}x gS", rm / gs <= goal))
        rss, _ = peak_rss_mb(rla_big, env=env)
        print(f"memory [{engine}]: peak RSS {rss:.0f} MB on {size_mb:.0f} MB (target < 100 MB)")
        table.append((f"peak RSS, {size_mb:.0f} MB, engine {engine}", f"{rss:.0f} MB", "< 100 MB", rss < 100))
    if args.huge:
        env = {**os.environ, "RLA_ENGINE": engines[-1]}
        cat = " ".join([f"'{big}'"] * args.huge)
        cmd = f"cat {cat} | {' '.join(rla)} analyze - --format json"
        rss_h, took_h = peak_rss_mb([cmd], env=env, shell=True)
        print(
            f"memory:   peak RSS {rss_h:.0f} MB on {size_mb * args.huge / 1000:.1f} GB through stdin "
            f"({took_h:.1f} s, {size_mb * args.huge / took_h:.0f} MB/s)"
        )
        table.append((f"peak RSS, {size_mb * args.huge / 1000:.1f} GB on stdin", f"{rss_h:.0f} MB", "< 100 MB", rss_h < 100))

    # -- retry storm: CPU throughput, and with eight rules that never match --------------------
    if float(args.storm) > 0:
        from storm import write as write_storm

        storm = OUT / f"storm-{args.storm}.log"
        if not storm.exists():
            with open(storm, "wb") as out:
                write_storm(out, float(args.storm))
        mb = storm.stat().st_size / 1e6
        pack = never_pack()
        for engine in engines:
            env = {**os.environ, "RLA_ENGINE": engine}
            plain_cmd = [*rla, "analyze", str(storm), "--format", "json"]
            extra_cmd = [*plain_cmd, "--rules", str(pack)]
            probe = subprocess.run([*rla, "analyze", str(small), "--rules", str(pack)], capture_output=True, text=True, env=env)
            if probe.returncode > 1:  # 0 healthy, 1 a problem found; 2 and above: the pack or the run is broken
                raise SystemExit(f"bench: {' '.join(extra_cmd)} fails: {probe.stderr.strip()}")
            plain, extra = [], []
            for _ in range(args.runs):  # alternating, so that the machine's noise hits both alike
                plain.append(timed(plain_cmd, env=env))
                extra.append(timed(extra_cmd, env=env))
            c, ce = statistics.median(c for _, c in plain), statistics.median(c for _, c in extra)
            w = statistics.median(w for w, _ in plain)
            rss, _ = peak_rss_mb(plain_cmd, env=env)
            print(
                f"storm [{engine}]: every line a Redis error, {mb:.0f} MB: CPU {c:.1f} s ({mb / c:.1f} MB/s, "
                f"{mb / c / 4.5:.1f}x issue 17's 4.5 MB/s; target >= 10x), wall {w:.1f} s; with {len(NEVER_PORTS)} "
                f"never-matching rules CPU {ce:.1f} s ({ce / c:.2f}x; target 1x); peak RSS {rss:.0f} MB"
            )
            table.append((f"retry storm {mb:.0f} MB, engine {engine}", f"{mb / c:.1f} MB/s CPU = {mb / c / 4.5:.1f}x 4.5 MB/s",
                          ">= 10x", mb / c / 4.5 >= 10))
            table.append((f"  + {len(NEVER_PORTS)} never-matching rules", f"{ce / c:.2f}x the CPU", "1x (independent)",
                          ce / c <= 1.1))
            table.append((f"peak RSS, storm {mb:.0f} MB (dense), engine {engine}", f"{rss:.0f} MB", "< 100 MB", rss < 100))
        # the same storm with a time on every line (RFC 3339 text, the API's JSON records), default engine
        for form in ("rfc3339", "jsonl"):
            timed_storm = OUT / f"storm-{args.storm}.{form}.log"
            if not timed_storm.exists():
                with open(timed_storm, "wb") as out:
                    write_storm(out, float(args.storm), form)
            mb_t = timed_storm.stat().st_size / 1e6
            c = statistics.median(timed([*rla, "analyze", str(timed_storm), "--format", "json"])[1] for _ in range(args.runs))
            print(f"storm, {form}: a time on every line, {mb_t:.0f} MB: CPU {c:.1f} s ({mb_t / c:.1f} MB/s, {mb_t / c / 4.5:.1f}x 4.5 MB/s)")
            table.append((f"retry storm {mb_t:.0f} MB, {form} (a time per line)", f"{mb_t / c:.1f} MB/s CPU = {mb_t / c / 4.5:.1f}x 4.5 MB/s",
                          ">= 10x", mb_t / c / 4.5 >= 10))

    # -- fetch (s3-17memory's row) ----------------------------------------------------------------
    print(fetch_row(args))

    # -- start-up (bench/startup.py: CPU and wall, bytecode written as an installed rla has it) -------------
    from startup import cases as startup_cases, run as startup_run

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    goals = {"--help": 1.3, "analyze 5 KB": 1.5, "rules list": 1.5, "check one folder": 1.5}
    cases = startup_cases(sys.executable)
    for cmd in cases.values():
        startup_run(cmd, env)  # the rule-pack cache is written by the first run, as after any change to the rules
    base_cmd = [sys.executable, "-c", "import typer"]
    base: list[tuple[float, float]] = []
    took: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    for _ in range(args.startup_runs):
        base.append(startup_run(base_cmd, env))
        for k, cmd in cases.items():
            took[k].append(startup_run(cmd, env))
    bw, bc = statistics.median(w for w, _ in base), statistics.median(c for _, c in base)
    print(f"start-up: python -c 'import typer' {bc * 1000:.0f} ms CPU, {bw * 1000:.0f} ms wall "
          f"(medians of {args.startup_runs}, alternating runs)")
    for k, goal in goals.items():
        c = statistics.median(x for _, x in took[k]) / bc
        w = statistics.median(x for x, _ in took[k]) / bw
        print(f"          rla {k}: {c:.2f}x CPU, {w:.2f}x wall  (target <= {goal}x{'' if c <= goal else ', missed'})")
        table.append((f"start-up, rla {k}", f"{c:.2f}x import typer, CPU ({w:.2f}x wall)", f"<= {goal}x", c <= goal))

    print()
    print("| case | result | target | met |")
    print("|---|---|---|---|")
    for case, result, goal, met in table:
        print(f"| {case} | {result} | {goal} | {'yes' if met else 'no'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
