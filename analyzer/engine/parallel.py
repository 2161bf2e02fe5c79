"""Worker processes for the parts of one big file: each scans a byte range on its own core.

A part is a function of its byte range alone (analyzer.summary.summarize_range, given here as `task`):
each worker reads its range straight from the file, so nothing big is sent to it, and hands back
what that function returns (a `Summary`); the results come back in file order, at most LOOKAHEAD
per worker ahead of the one the caller waits for, which bounds what the main process holds.

Ranges are runs of the plain reader's own blocks: block k starts where block k-1 ended and ends at the
last newline within `cap` bytes (analyzer.sources.text.read_byte_blocks). `boundaries` computes the
same cuts from small reads near each cut, so a part holds the plain read's blocks, the same bytes.

A worker that dies (killed, out of memory) breaks the pool: the caller computes the parts left itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

LOOKAHEAD = 2  # parts in flight per worker: enough to keep it busy, few summaries held waiting

_plan = None  # the worker's compiled plan (inherited on fork, compiled once otherwise)


def jobs() -> int:
    raw = os.environ.get("RLA_JOBS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    try:
        return len(os.sched_getaffinity(0))  # type: ignore[attr-defined]
    except AttributeError:
        return os.cpu_count() or 1


def boundaries(path: str, start: int, cap: int, size: int) -> Iterator[tuple[int, int, int]]:
    """(offset, length, cap) of each block from `start`, cut exactly as the reader cuts them. Before a
    line longer than the reader's largest buffer, which the reader cuts itself, the rest of the file
    is one last range (length from there to the end), to be read as the reader reads it."""
    with open(path, "rb", buffering=0) as f:
        fd = f.fileno()
        pos = start
        while pos < size:
            end = pos + cap
            if end >= size:
                yield pos, size - pos, cap
                return
            window = 1 << 16
            while True:
                lo = max(pos, end - window)
                chunk = os.pread(fd, end - lo, lo)
                cut = chunk.rfind(b"\n")
                if cut >= 0:
                    stop = lo + cut + 1
                    break
                if lo == pos:  # no newline in the whole block: the reader doubles its buffer
                    stop = -1
                    break
                window *= 4
            if stop < 0:
                from analyzer.sources.text import MAX_LINE

                if cap >= MAX_LINE:
                    yield pos, size - pos, cap
                    return
                cap *= 2
                continue
            yield pos, stop - pos, cap
            pos = stop


def _init(rules: tuple, engine_name: str | None) -> None:  # type: ignore[type-arg]
    global _plan
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle (exit 130)
    if _plan is None:
        from analyzer.engine.match import compile_plan

        _plan = compile_plan(rules, engine_name)


def _run(task: Callable[..., Any], args: tuple) -> Any:  # type: ignore[type-arg]
    return task(_plan, *args)


class Pool:
    """`task(plan, *args)` for each args, on worker processes, results handed out in order."""

    def __init__(self, plan, workers: int):  # type: ignore[no-untyped-def]
        global _plan
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # imported only when a big file needs it

        # fork (Linux): the workers inherit the compiled plan; elsewhere spawn, which is safe with
        # macOS system libraries, and each worker compiles the rules again (tens of ms).
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        if method == "fork":
            _plan = plan
        self.plan = plan
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_init,
            initargs=(plan.rules, plan.engine_name),
        )
        self.name = f"{plan.engine.name} x{workers} processes"
        self.depth = workers * LOOKAHEAD
        self.broken = False

    def map(self, task: Callable[..., Any], jobs: Iterator[tuple]) -> Iterator[Any]:  # type: ignore[type-arg]
        """task(plan, *args) for each args of `jobs`, in order; computed here once the pool broke."""
        pending: list[tuple[tuple, Any]] = []  # type: ignore[type-arg]
        jobs = iter(jobs)
        while True:
            while not self.broken and len(pending) < self.depth:
                args = next(jobs, None)
                if args is None:
                    break
                try:
                    pending.append((args, self.pool.submit(_run, task, args)))
                except Exception:  # BrokenProcessPool, or shut down: the main process goes on alone
                    self.broken = True
                    pending.append((args, None))
            if not pending:
                if self.broken:
                    for args in jobs:
                        yield task(self.plan, *args)
                return
            args, future = pending.pop(0)
            result = None
            if future is not None and not self.broken:
                try:
                    result = future.result()
                except Exception:  # a worker died: this part and the rest are computed here
                    self.broken = True
            yield result if result is not None else task(self.plan, *args)

    def close(self) -> None:
        try:
            self.pool.shutdown(wait=True, cancel_futures=True)
        except Exception:  # a broken pool has nothing left to wait for
            pass
