#!/usr/bin/env python3
"""The search alone, engine by engine, over the bench file: why Hyperscan (README, Performance).

    python bench/engines.py [FILE] [--mb 100]

Each engine gets the same needles (the built-in rules' literals and the error words, as the
scanner builds them) and the same 4 MB blocks of bytes, and must return the lines holding one. The
file is read once into memory first (reading is not timed); `--mb` limits how much is searched (the
slow engines take minutes on 500 MB). google-re2 and pyahocorasick are tried when installed; they
are not dependencies of rla.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def blocks(path: str, limit: int, size: int = 4 << 20) -> list[bytes]:
    out, carry, total = [], b"", 0
    with open(path, "rb") as f:
        while total < limit:
            chunk = f.read(size)
            if not chunk:
                break
            data = carry + chunk
            cut = data.rfind(b"\n") + 1
            carry = data[cut:]
            out.append(data[:cut])
            total += cut
    return out


def line_starts(data: bytes, positions) -> int:  # type: ignore[no-untyped-def]
    return len({data.rfind(b"\n", 0, p) + 1 for p in positions})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", default=str(ROOT / "bench" / "out" / "big.log"))
    ap.add_argument("--mb", type=int, default=100, help="MB to search (default 100)")
    args = ap.parse_args(argv)

    from analyzer.engine.prefilter import HyperscanEngine, Needles, PythonEngine, available
    from analyzer.engine.rules import load_rules
    from analyzer.engine.scan import compile_plan

    plan = compile_plan(load_rules().rules)
    needles = Needles(plan.needles)
    data = blocks(args.file, args.mb * 10**6)
    mb = sum(len(b) for b in data) / 1e6
    print(f"{len(plan.needles)} needles, {mb:.0f} MB in {len(data)} blocks")

    def run(name: str, build, search) -> None:  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        engine = build()
        compiled = time.perf_counter() - t
        t = time.perf_counter()
        found = sum(search(engine, b) for b in data)
        took = time.perf_counter() - t
        print(f"  {name:34s} {mb / took:7.0f} MB/s  ({took:6.2f} s, build {compiled * 1000:5.0f} ms, {found} lines)")

    if "hyperscan" in available():
        run("hyperscan (rla[fast])", lambda: HyperscanEngine(needles), lambda e, b: len(e.lines(b, len(b))[0]))
    run("pure-Python anchors (rla fallback)", lambda: PythonEngine(needles), lambda e, b: len(e.lines(b, len(b))[0]))
    sensitive = [re.escape(n.decode()) for n in needles.sensitive]
    insensitive = [re.escape(n.decode()) for n in needles.insensitive]
    alternation = "|".join(sensitive) + "|(?i:" + "|".join(insensitive) + ")"
    try:
        import re2  # type: ignore[import-not-found]

        run("google-re2 alternation, whole block", lambda: re2.compile(alternation.encode()),
            lambda e, b: line_starts(b, (m.start() for m in e.finditer(b))))  # fmt: skip
    except ImportError:
        print("  google-re2 not installed")
    try:
        import ahocorasick  # type: ignore[import-not-found]

        def build_aho():  # type: ignore[no-untyped-def]
            a = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for i, (n, _) in enumerate(needles.items):
                a.add_word(n.lower().decode("latin-1"), i)
            a.make_automaton()
            return a

        run("pyahocorasick, lower-cased block", build_aho,
            lambda e, b: line_starts(b, (end for end, _ in e.iter(b.lower().decode("latin-1")))))  # fmt: skip
    except ImportError:
        print("  pyahocorasick not installed")
    small = data[: max(1, len(data) // 10)]
    rx = re.compile(alternation.encode())
    t = time.perf_counter()
    found = sum(line_starts(b, (m.start() for m in rx.finditer(b))) for b in small)
    took = time.perf_counter() - t
    part = sum(len(b) for b in small) / 1e6
    print(f"  {'Python re alternation, whole block':34s} {part / took:7.0f} MB/s  ({took:6.2f} s on {part:.0f} MB, {found} lines)")
    t = time.perf_counter()
    n = sum(b.count(b"\n") for b in data)
    took = time.perf_counter() - t
    print(f"  {'(bytes.count newline, for scale)':34s} {mb / took:7.0f} MB/s  ({n} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
