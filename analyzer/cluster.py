"""`rla analyze --engine dask` / `--cluster ADDRESS`: the scan of many sources on Dask workers.

One task per source (a file, a `.gz`, any fsspec URL Dask reads: s3://, gs://, https://...), or per
byte range of a big plain local file: the worker reads and scans it into a `Summary`
(analyzer.summary); the client feeds the summaries to its
session in input order as they arrive, so the judge works while workers scan and the diagnosis is
the plain run's (docs/scale-out.md). A worker that dies is replaced and its task run again by Dask's
scheduler (`distributed.scheduler.allowed-failures`): a part is a pure function of its source or range.

Needs the optional extra `rla[dask]` (dask[distributed] + fsspec); nothing here is imported otherwise.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analyzer.engine.scan import Plan
from analyzer.sources import files
from analyzer.sources.files import Problems, expand, read_sources
from analyzer.summary import Summary, summarize

if TYPE_CHECKING:
    from analyzer.pipeline import Session
    from analyzer.engine.rules import RuleSet

EXTRA = "rla[dask]"


def available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("distributed", "fsspec"))


def _is_url(target: str) -> bool:
    return "://" in target and not target.startswith("file://")


def sources(targets: list[str]) -> list[str]:
    """Local paths exactly as a plain run expands them (same files, same order); URLs through fsspec,
    each glob sorted the same way."""
    out: list[str] = []
    for target in targets:
        if not _is_url(target):
            out.extend(expand([target.removeprefix("file://")]))
            continue
        from fsspec.core import url_to_fs

        from analyzer.i18n import error
        from analyzer.sources.files import InputError

        fs, path = url_to_fs(target)
        found = sorted(fs.glob(path)) if any(c in path for c in "*?[") else [path]
        if not found:
            raise InputError(error("input.no_match", raw=target))
        out.extend(fs.unstrip_protocol(p) for p in found)
    return out


# The worker's compiled plan for the last rule pack it saw: Hyperscan's compile (~0.1 s) would
# otherwise be paid by every task. One entry: a worker serves one run's pack at a time.
_plan_cache: dict[str, Plan] = {}


def _plan(ruleset: "RuleSet", token: str) -> Plan:
    plan = _plan_cache.get(token)
    if plan is None:
        _plan_cache.clear()
        plan = _plan_cache[token] = ruleset.plan()
    return plan


def _same(ruleset: "RuleSet") -> "RuleSet":
    return ruleset


def pack_token(ruleset: "RuleSet") -> str:
    """What identifies a rule pack's plan: what the scan reads of each rule (id, patterns, extract
    patterns, keywords), in order. The judge's part of a rule (severity, reclassify) stays on the client."""
    import hashlib

    digest = hashlib.sha256()
    for rule in ruleset.rules:
        parts = [rule.id, *(p.pattern for p in rule.patterns), "\1", *(p.pattern for p in rule.extract), "\1", *rule.keywords]
        digest.update("\0".join(parts).encode("utf-8", "surrogatepass") + b"\2")
    return digest.hexdigest()


def scan_source(target: str, ruleset: "RuleSet", input_format: str, token: str | None = None) -> Summary:
    """Runs on a worker: one source -> its summary."""
    problems = Problems()
    plan = _plan(ruleset, token) if token else ruleset.plan()
    if not _is_url(target):
        # summarize reads a big file's blocks itself: no process pool inside a task (the cluster's cores
        # are its tasks', and Dask's worker processes are daemons, which may not start children)
        return summarize(read_sources([target], problems), plan, input_format, problems)
    import fsspec

    from analyzer.sources.files import blocks_from_stream

    with fsspec.open(target, "rb", compression="infer") as stream:
        return summarize(blocks_from_stream(stream, target, problems), plan, input_format, problems)


def scan_range(
    target: str, offset: int, length: int, cap: int, first: bool, last: bool, ruleset: "RuleSet", input_format: str,
    token: str | None = None,
) -> Summary:
    """Runs on a worker: one byte range of a big plain file -> its summary (analyzer.summary)."""
    from analyzer.summary import summarize_range

    plan = _plan(ruleset, token) if token else ruleset.plan()
    return summarize_range(plan, target, offset, length, cap, first, last, input_format)


def _tasks(paths: list[str]) -> list[tuple[str, tuple[Any, ...]]]:
    """One task per source, except a big plain local file: one per byte range of it, as the local cores
    split it (its summaries merge on the client, analyzer.summary), so no part outgrows a block. What
    its head said (a UTF-16 mark on UTF-8 text) leads its ranges."""
    from analyzer.summary import ranges

    out: list[tuple[str, tuple[Any, ...]]] = []
    for path in paths:
        if _is_url(path) or not os.path.isfile(path) or os.path.getsize(path) < files.SPLIT_MIN:
            out.append(("source", (path,)))
            continue
        head = Problems()
        reading = read_sources([path], head)  # its head: encoding, JSON or lines, binary, compressed
        block = next(reading, None)
        reading.close()
        if block is None or block.rest is None or block.origin is None:
            out.append(("source", (path,)))
            continue
        if head.notes or head.skipped:
            out.append(("said", (Summary(notes=head.notes, skipped=head.skipped),)))
        out.extend(("range", r) for r in ranges(block))
    return out


@dataclass
class RunStats:
    """What a run did: parts scanned, and the most parts out at once (submitted, not yet judged: the
    summaries the client may hold are among them), which the window bounds."""

    parts: int = 0
    most_ahead: int = 0


def run(
    session: "Session",
    targets: list[str],
    address: str | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    client: Any = None,
    window: int | None = None,
) -> RunStats:
    """Scan `targets` on a cluster (at `address`, else a local one) and feed the session in order.
    `client`: an existing distributed.Client (tests). `window`: parts submitted ahead of the next one
    to judge (default: 4 per worker thread); the client holds at most that many summaries, whatever
    the archive's size or one slow part, and the workers idle rather than pile up parts it cannot judge yet."""
    from distributed import Client, as_completed

    tasks = _tasks(sources(targets))
    cluster = None
    own = client is None
    if client is None:
        if address:
            client = Client(address)
        else:
            from analyzer.engine.parallel import jobs

            cluster = local_cluster(workers or jobs())
            client = Client(cluster)
    stats = RunStats(parts=sum(1 for kind, _ in tasks if kind != "said"))
    try:
        window = max(1, window or 4 * max(1, sum(client.nthreads().values())))
        # the pack as a task's result, not scattered data: a worker that dies (killed, or dropped by a scheduler
        # that stopped hearing from it on a loaded machine) takes its copies with it; a task's result is made
        # again from the graph, scattered data is lost for good and every task that needs it is cancelled
        rules = client.submit(_same, session.ruleset, pure=False)
        token = pack_token(session.ruleset)
        running = as_completed()
        index: dict[str, int] = {}
        done: dict[int, Summary] = {}
        submitted = fed = 0

        def submit_ahead() -> None:
            nonlocal submitted
            while submitted < len(tasks) and submitted - fed < window:
                kind, args = tasks[submitted]
                if kind == "said":  # nothing to scan: what a file's head said, fed in its place
                    done[submitted] = args[0]
                    submitted += 1
                    continue
                if kind == "range":
                    future = client.submit(scan_range, *args, rules, session.input_format, token, pure=False)
                else:
                    future = client.submit(scan_source, *args, rules, session.input_format, token, pure=False)
                index[future.key] = submitted
                running.add(future)
                submitted += 1
            stats.most_ahead = max(stats.most_ahead, submitted - fed)

        submit_ahead()
        for n, future in enumerate(running, 1):
            done[index.pop(future.key)] = future.result()  # a worker's InputError is raised here, as in a plain run
            future.release()
            while fed in done:  # in input order, as soon as every earlier part is in
                session.feed_summary(done.pop(fed))
                fed += 1
            submit_ahead()
            if progress:
                progress(n, stats.parts)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
    return stats


def local_cluster(workers: int) -> Any:
    """A cluster on this machine, reachable from it alone. Without a dashboard the scheduler still serves
    HTTP (health, metrics), by default on port 8787: a second cluster, or a notebook's, then clashes and
    prints a warning among the diagnosis. An ephemeral loopback port never clashes and is never exposed."""
    from distributed import LocalCluster

    return LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )  # fmt: skip


def progress_printer(verbose: bool, lang: str = "en") -> Callable[[int, int], None] | None:
    """Parts scanned so far, on stderr: redrawn on a terminal, a line each with --verbose."""
    tty = sys.stderr.isatty()
    if not tty and not verbose:
        return None

    def show(n: int, total: int) -> None:
        from analyzer.i18n import t

        text = t("cluster.progress", lang, n=n, total=total)
        if tty:
            sys.stderr.write("\r" + text + ("\n" if n == total else ""))
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()

    return show
