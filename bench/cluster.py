#!/usr/bin/env python3
"""Throughput of `rla analyze --engine dask` with 1 and 2 workers vs a plain run (by hand, never in CI).

Generates an archive of gzipped files (bench/gen.py: realistic traffic with real Redis episodes),
then diagnoses it: plain (one process), and on a LocalCluster of 1 and 2 worker processes (started
before the clock runs, as a standing cluster would be). Prints wall time, MB/s of uncompressed
logs, the plain run's scan and judge apart (the judge's time is the client's floor), and the client's share: the time the client spent judging the merged parts and the candidate
entries it received, which is where scaling stops (README, Scale-out).

    python bench/cluster.py                          # 8 files x 8 MB, Redis-quiet and outage archives
    python bench/cluster.py --files 16 --size 16M
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyzer import cluster as dask_engine  # noqa: E402
from analyzer.pipeline import Session  # noqa: E402
from analyzer.report import ReportContext, to_dict  # noqa: E402
from analyzer.engine.rules import load_rules  # noqa: E402
from analyzer.sources.files import read_sources  # noqa: E402


def _gen():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("rla_bench_gen", ROOT / "bench" / "gen.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def make_archive(root: Path, files: int, size: int, redis_every: int) -> int:
    gen, total = _gen(), 0
    for i in range(files):
        buf = io.BytesIO()
        gen.generate(buf, size, seed=i + 1, redis_every=redis_every)
        total += len(buf.getvalue())
        with gzip.open(root / f"day-{i:03d}.log.gz", "wb", compresslevel=1) as f:
            f.write(buf.getvalue())
    return total


def plain(pattern: str, ruleset) -> tuple[float, dict]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    session = Session(ruleset)
    for block in read_sources([pattern], session.problems):
        session.feed_block(block)
    diag = session.diagnosis()
    return time.perf_counter() - started, to_dict(diag, ReportContext(ruleset, lang="en"))


def on_cluster(pattern: str, ruleset, workers: int) -> tuple[float, float, int, int, dict]:  # type: ignore[no-untyped-def]
    from distributed import Client

    with dask_engine.local_cluster(workers) as cluster, Client(cluster) as client:
        # a standing cluster: workers up, rla imported and the rule pack compiled before the clock runs
        dask_engine.run(Session(ruleset), [p.as_posix() for p in sorted(Path(pattern).parent.glob("*.gz"))[:workers]], client=client)
        session = Session(ruleset)
        judged, hits, wire = 0.0, 0, 0
        feed = session.feed_summary

        def timed(summary):  # type: ignore[no-untyped-def]
            nonlocal judged, hits, wire
            hits += len(summary.hits)
            wire += len(pickle.dumps(summary))
            t0 = time.perf_counter()
            feed(summary)
            judged += time.perf_counter() - t0

        session.feed_summary = timed  # type: ignore[method-assign]
        started = time.perf_counter()
        dask_engine.run(session, [pattern], client=client)
        diag = session.diagnosis()
        wall = time.perf_counter() - started
    return wall, judged, hits, wire, to_dict(diag, ReportContext(ruleset, lang="en"))


def split(pattern: str, ruleset) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """The plain run's two halves apart, in this process: scanning every file into its summary (what
    workers share out), then judging them (what the client does alone, in order): the judge's time
    is the floor of a cluster run, whatever the number of workers."""
    from analyzer.engine.scan import compile_plan
    from analyzer.sources.files import Problems, expand
    from analyzer.summary import summarize

    plan = compile_plan(ruleset.rules)
    started = time.perf_counter()
    parts = []
    for path in expand([pattern]):
        problems = Problems()
        parts.append(summarize(read_sources([path], problems), plan, problems=problems))
    scanned = time.perf_counter() - started
    session = Session(ruleset)
    started = time.perf_counter()
    for part in parts:
        session.feed_summary(part)
    session.diagnosis()
    return scanned, time.perf_counter() - started, sum(len(p.hits) for p in parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--size", default="8M")
    args = ap.parse_args()
    size = _gen().parse_size(args.size)
    ruleset = load_rules()
    for label, every in (("quiet (1 Redis line in 2,000)", 2000), ("outage (1 Redis line in 4)", 4)):
        with tempfile.TemporaryDirectory() as tmp:
            total = make_archive(Path(tmp), args.files, size, every)
            pattern = str(Path(tmp) / "*.log.gz")
            mb = total / 1e6
            print(f"\n{label}: {args.files} files, {mb:.0f} MB uncompressed")
            wall, ref = plain(pattern, ruleset)
            print(f"  plain       {wall:6.2f} s  {mb / wall:6.1f} MB/s")
            scanned, judged, hits = split(pattern, ruleset)
            print(f"  of which    scan {scanned:.2f} s ({mb / scanned:.1f} MB/s), judge {judged:.2f} s "
                  f"({hits:,} entries, {hits / judged:,.0f}/s): the client's floor")
            for workers in (1, 2):
                wall, judged, hits, wire, got = on_cluster(pattern, ruleset, workers)
                same = "same report" if got == ref else "DIFFERENT REPORT"
                print(f"  dask x{workers}     {wall:6.2f} s  {mb / wall:6.1f} MB/s  client judged {hits:,} entries "
                      f"({wire / 1e6:.1f} MB pickled) in {judged:.2f} s  [{same}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
