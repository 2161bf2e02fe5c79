#!/usr/bin/env python3
"""Start-up of rla against `python -c 'import typer'`, CPU and wall, side by side with another build.

    python bench/startup.py                                  # the rla next to this interpreter
    python bench/startup.py --against /tmp/mainvenv/bin/python --runs 11

Measure a non-editable install (`python -m venv V && V/bin/pip install .`): an editable install's
import hook costs tens of ms on every start. PYTHONDONTWRITEBYTECODE is removed from the children's
environment (a checkout's environment may set it; then every start compiles rla's sources). Each
round runs `import typer` and every case of every build once, in turn, so machine noise hits all
alike; the medians of CPU (user + sys, from wait4) and wall are printed, with their ratio to
`import typer`'s. One run of each case comes first (it writes the rule-pack cache, as any first
run after a change to the rules does). The cases are bench/run.py's start-up rows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"


def small_log() -> Path:
    """bench/run.py's 5 KB paste (generated once, seeded)."""
    small = OUT / "small.log"
    if not small.exists():
        sys.path.insert(0, str(HERE))
        from gen import generate

        OUT.mkdir(exist_ok=True)
        with open(small, "wb") as out:
            generate(out, 5_000, seed=2, redis_every=40)
    return small


def cases(python: str) -> dict[str, list[str]]:
    exe = Path(python).with_name("rla")
    rla = [str(exe)] if exe.exists() else [python, "-m", "analyzer"]
    return {
        "--help": [*rla, "--help"],
        "rules list": [*rla, "rules", "list"],
        "analyze 5 KB": [*rla, "analyze", str(small_log())],
        "check one folder": [*rla, "check", str(ROOT / "samples" / "dashboard" / "ioredis")],
    }


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one run, output to a pipe as a user's terminal or CI would read it."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    proc.stdout.read()  # type: ignore[union-attr]
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0  # reaped here, not by Popen
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--against", metavar="PYTHON", help="another interpreter with rla installed (e.g. main's build)")
    args = ap.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    builds = {"this": sys.executable, **({"against": args.against} if args.against else {})}
    todo = {(b, name): cmd for b, py in builds.items() for name, cmd in cases(py).items()}
    for cmd in todo.values():
        run(cmd, env)  # writes the rule-pack cache and the bytecode
    base_cmd = [sys.executable, "-c", "import typer"]
    took: dict[tuple[str, str], list[tuple[float, float]]] = {k: [] for k in todo}
    base: list[tuple[float, float]] = []
    for _ in range(args.runs):
        base.append(run(base_cmd, env))
        for key, cmd in todo.items():
            took[key].append(run(cmd, env))
    bw, bc = statistics.median(w for w, _ in base), statistics.median(c for _, c in base)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"import typer: CPU {bc * 1000:.0f} ms, wall {bw * 1000:.0f} ms (medians of {args.runs}; load {load:.1f})")
    for key in todo:
        w = statistics.median(x for x, _ in took[key])
        c = statistics.median(x for _, x in took[key])
        print(f"{key[0]:8} {key[1]:17} CPU {c * 1000:4.0f} ms = {c / bc:.2f}x   wall {w * 1000:4.0f} ms = {w / bw:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
