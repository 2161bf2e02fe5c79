"""The prefilter of a big file on every core: worker processes search blocks ahead of the scanner.

Only the two passes that touch every byte move to the workers: the multi-literal search and the
newline count (for line numbers). Each worker reads its block straight from the file (pread), so
nothing big crosses a process boundary: a block goes back as two compact arrays (4 bytes a number),
its candidate line starts and their line numbers. As Python lists of ints (36 bytes a number), the
results waiting in order for a dense log (every line a candidate: a retry storm) made the main
process peak at 111-115 MB. The main process still reads each block (to decode the few lines it needs),
gathers entries and judges, in file order, so the result is the same as with one process.

Blocks are the reader's own: block k starts where block k-1 ended and ends at the last newline
within `cap` bytes (analyzer.sources.text.read_byte_blocks). `boundaries` computes the same cuts
from small reads near each cut, so a worker's block and the reader's block are the same bytes; the
scanner checks that (offset and length) and computes a block itself when they ever differ, or when
the block needed cleaning (CR, ESC, NUL), which changes its bytes.

Off for input under PARALLEL_MIN, for stdin and .gz, on one core, or with RLA_JOBS=1.
"""

from __future__ import annotations

import os
import sys
from array import array
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future

PARALLEL_MIN = 48 * 1024 * 1024
LOOKAHEAD = 8  # blocks in flight per worker; bounds memory of results waiting in order
_DIRTY = (b"\r", b"\x1b", b"\x00")
_OFFSET = "I" if array("I").itemsize >= 4 else "L"  # a block is under 4 GiB (its cap under MAX_LINE * 2)

_engine = None  # the worker's engine (inherited on fork, built once otherwise)


def jobs() -> int:
    raw = os.environ.get("RLA_JOBS", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw)
    try:
        return len(os.sched_getaffinity(0))  # type: ignore[attr-defined]
    except AttributeError:
        return os.cpu_count() or 1


def boundaries(path: str, start: int, cap: int, size: int) -> Iterator[tuple[int, int, int]]:
    """(offset, length, cap) of each block from `start`, cut exactly as the reader cuts them."""
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

                if cap >= MAX_LINE:  # the reader cuts such a line itself: the rest is its to read
                    return
                cap *= 2
                continue
            yield pos, stop - pos, cap
            pos = stop


def _init(needles: tuple[tuple[str, bool], ...], engine_name: str | None) -> None:
    global _engine
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle (exit 130)
    if _engine is None:
        from analyzer.engine.prefilter import Needles, build

        _engine = build(Needles(needles), engine_name)


def _scan_range(path: str, offset: int, length: int) -> tuple[int, int, array, array, int] | None:
    """Candidate line starts (block-relative), their 0-based line index in the block (both compact
    arrays), and the block's newline count; None when the block needs cleaning or holds a
    case-folding character."""
    with open(path, "rb", buffering=0) as f:
        data = os.pread(f.fileno(), length, offset)
    if len(data) != length or any(c in data for c in _DIRTY):
        return None
    starts, folding = _engine.lines(data, length)  # type: ignore[union-attr]
    if folding:
        return None
    count = data.count
    lines = array(_OFFSET)
    n, at = 0, 0
    for s in starts:
        n += count(b"\n", at, s)
        at = s
        lines.append(n)
    return offset, length, array(_OFFSET, starts), lines, n + count(b"\n", at, length)


class Prefetch:
    """Worker results for the blocks of one file, handed out in order."""

    def __init__(self, path: str, start: int, cap: int, size: int, plan, workers: int):  # type: ignore[no-untyped-def]
        global _engine
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor  # imported only when a big file needs it

        self.path = path
        # fork (Linux): the workers inherit the compiled engine; elsewhere spawn, which is safe with
        # macOS system libraries, and each worker compiles the needles again (tens of ms).
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        if method == "fork":
            _engine = plan.engine  # compiled once here, inherited by the workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_init,
            initargs=(plan.needles, plan.engine_name),
        )
        self.name = f"{plan.engine.name} x{workers} processes"
        self._cuts = boundaries(path, start, cap, size)
        self._pending: list[tuple[int, int, Future]] = []  # type: ignore[type-arg]  # noqa: F821
        self._depth = workers * LOOKAHEAD
        self.broken = False
        self._fill()

    def _fill(self) -> None:
        while not self.broken and len(self._pending) < self._depth:
            cut = next(self._cuts, None)
            if cut is None:
                return
            offset, length, _ = cut
            try:
                future = self.pool.submit(_scan_range, self.path, offset, length)
            except Exception:  # BrokenProcessPool, or shut down: the main process goes on alone
                self.broken = True
                return
            self._pending.append((offset, length, future))

    def take(self, offset: int, length: int):  # type: ignore[no-untyped-def]
        """The result for the block at `offset`, or None (then the caller computes it)."""
        while self._pending and self._pending[0][0] < offset:
            self._pending.pop(0)[2].cancel()
            self._fill()
        if self.broken or not self._pending or self._pending[0][:2] != (offset, length):
            return None
        try:
            result = self._pending.pop(0)[2].result()
        except Exception:  # a worker died (killed, out of memory): the main process goes on alone
            self.broken = True
            return None
        self._fill()
        return result

    def close(self) -> None:
        for _, _, fut in self._pending:
            fut.cancel()
        self._pending.clear()
        try:
            self.pool.shutdown(wait=True, cancel_futures=True)
        except Exception:  # a broken pool has nothing left to wait for
            pass
