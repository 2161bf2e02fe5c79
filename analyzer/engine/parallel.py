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

_plan = None  # a spawned worker's compiled plan (compiled once, by _init)


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


def pool(plan, workers: int):  # type: ignore[no-untyped-def]
    """The pool for this platform: forked workers over pipes on Linux (ForkPool), else spawned ones (SpawnPool)."""
    if sys.platform.startswith("linux") and hasattr(os, "fork"):
        return ForkPool(plan, workers)
    return SpawnPool(plan, workers)


class ForkPool:
    """`task(plan, *args)` for each args, on forked worker processes, results handed out in order (Linux).

    Each worker is forked from this process (it inherits the compiled plan) and talks to it over two pipes:
    jobs in, results out, each a pickle behind its length. A worker is given a job as soon as it has fewer
    than LOOKAHEAD, while at most `workers * LOOKAHEAD` jobs are given and not yet handed out; results that
    come early wait for those before them. No executor: concurrent.futures and multiprocessing cost a big
    file's run 12-25 ms of imports before its first byte was read, and the executor's thread unpickled the
    results while this one judged them, the two taking turns at the interpreter lock."""

    def __init__(self, plan, workers: int):  # type: ignore[no-untyped-def]
        self.plan = plan
        self.name = f"{plan.engine.name} x{workers} processes"
        self.depth = workers * LOOKAHEAD
        self.broken = False
        self.workers: list[_Worker] = []
        try:
            for _ in range(workers):
                self.workers.append(_Worker.fork(plan, self.workers))
        except OSError:  # no process to be had: this process does the work
            self.broken = True

    def map(self, task: Callable[..., Any], jobs: Iterator[tuple]) -> Iterator[Any]:  # type: ignore[type-arg]
        """task(plan, *args) for each args of `jobs`, in order; computed here once a worker failed."""
        jobs = iter(jobs)
        given: list[tuple] = []  # type: ignore[type-arg]  # the args of each job given and not handed out, in order
        done: dict[int, Any] = {}  # results that came before the one handed out next, by job number
        first = 0  # the number of given[0]
        more = True
        while True:
            while more and not self.broken and len(given) < self.depth:
                worker = min(self.workers, key=lambda w: len(w.jobs))
                if len(worker.jobs) >= LOOKAHEAD:
                    break
                args = next(jobs, None)
                if args is None:
                    more = False
                    break
                if not worker.give(first + len(given), task, args):
                    self.broken = True
                given.append(args)
            if not given:
                return
            while first not in done and not self.broken:
                self._collect(done, None)
            if not self.broken:  # what is ready besides: its worker goes on while this process judges
                self._collect(done, 0)
            args = given.pop(0)
            result = done.pop(first, None) if first in done else None
            first += 1
            yield result if result is not None else task(self.plan, *args)
            if self.broken and not given:
                for args in jobs:
                    yield task(self.plan, *args)
                return

    def _collect(self, done: dict[int, Any], timeout: float | None) -> None:
        """The results of the workers that have one ready (waiting up to `timeout`, None: until one has)."""
        import select

        busy = {w.out: w for w in self.workers if w.jobs}
        if not busy:
            return
        for fd in select.select(list(busy), [], [], timeout)[0]:
            number, result = busy[fd].take()
            if number is None:  # the worker died, or its job failed
                self.broken = True
                return
            done[number] = result

    def close(self) -> None:
        """End the workers: each sees its jobs pipe end and exits (one still writing a result sees its pipe
        closed); killed if it does not."""
        for worker in self.workers:
            worker.end()
        self.workers = []


class _Worker:
    """One forked worker: its pid, the pipe its jobs go in by, the pipe its results come out by, and the
    numbers of the jobs it was given, in order."""

    __slots__ = ("pid", "into", "out", "jobs")

    def __init__(self, pid: int, into: int, out: int):
        self.pid, self.into, self.out = pid, into, out
        self.jobs: list[int] = []

    @classmethod
    def fork(cls, plan, others: list["_Worker"]) -> "_Worker":  # type: ignore[no-untyped-def]
        jobs_r, jobs_w = os.pipe()
        out_r, out_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: never returns
            code = 1
            try:
                os.close(jobs_w)
                os.close(out_r)
                for other in others:  # its siblings' pipes: their ends must close when this process closes them
                    os.close(other.into)
                    os.close(other.out)
                _serve(plan, jobs_r, out_w)
                code = 0
            finally:
                os._exit(code)  # never this process's atexit handlers or buffered output
        os.close(jobs_r)
        os.close(out_w)
        try:  # a part's result (tens of KB to MBs) fits whole: the worker goes on without waiting to be read
            import fcntl

            fcntl.fcntl(out_r, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
        except OSError:  # over the system's limit for this user: the default size, the worker waits more
            pass
        return cls(pid, jobs_w, out_r)

    def give(self, number: int, task: Callable[..., Any], args: tuple) -> bool:  # type: ignore[type-arg]
        import pickle

        try:
            _send(self.into, pickle.dumps((task, args), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # it died
            return False
        self.jobs.append(number)
        return True

    def take(self) -> tuple[int | None, Any]:
        """(the number of its oldest job, its result), or (None, None) when it died or the job failed."""
        import pickle

        number = self.jobs.pop(0)
        raw = _receive(self.out)
        if raw is None:
            return None, None
        ok, result = pickle.loads(raw)
        return (number, result) if ok else (None, None)

    def end(self) -> None:
        for fd in (self.into, self.out):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            if os.waitpid(self.pid, os.WNOHANG)[0] == 0:
                import time

                time.sleep(0.001)
                if os.waitpid(self.pid, os.WNOHANG)[0] == 0:  # still working on a job nobody waits for
                    os.kill(self.pid, 9)
                    os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass


def _serve(plan, jobs: int, out: int) -> None:  # type: ignore[no-untyped-def]
    """The worker's loop: each job's result, or (False, None) when it raised, until the jobs pipe ends."""
    import pickle
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle (exit 130)
    while True:
        raw = _receive(jobs)
        if raw is None:
            return
        task, args = pickle.loads(raw)
        try:
            answer = pickle.dumps((True, task(plan, *args)), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # the main process computes this part itself
            answer = pickle.dumps((False, None))
        _send(out, answer)


def _send(fd: int, data: bytes) -> None:
    view = memoryview(len(data).to_bytes(8, "little") + data)
    while view:
        view = view[os.write(fd, view) :]


def _receive(fd: int) -> bytes | None:
    """One message, or None at the pipe's end (its writer exited or died)."""
    head = _exactly(fd, 8)
    if head is None:
        return None
    return _exactly(fd, int.from_bytes(head, "little"))


def _exactly(fd: int, n: int) -> bytes | None:
    buf = bytearray(n)
    view = memoryview(buf)
    got = 0
    while got < n:
        k = os.readv(fd, [view[got:]])
        if k == 0:
            return None
        got += k
    return bytes(buf) if n < 4096 else buf  # type: ignore[return-value]


def _init(rules: tuple, engine_name: str | None, alone: tuple[str, ...] = ()) -> None:  # type: ignore[type-arg]
    global _plan
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle (exit 130)
    if _plan is None:
        from analyzer.engine.match import compile_plan

        _plan = compile_plan(rules, engine_name, alone)


def _run(task: Callable[..., Any], args: tuple) -> Any:  # type: ignore[type-arg]
    return task(_plan, *args)


class SpawnPool:
    """`task(plan, *args)` for each args, on spawned worker processes (macOS, Windows: fork is unsafe with
    macOS system libraries, absent on Windows), results handed out in order. Each worker compiles the rules
    again (tens of ms)."""

    def __init__(self, plan, workers: int):  # type: ignore[no-untyped-def]
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # imported only when a big file needs it

        self.plan = plan
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init,
            initargs=(plan.rules, plan.engine_name, plan.alone),
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
