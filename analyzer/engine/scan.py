"""Records -> matches. One combined prefilter over each whole block finds the few candidate lines;
only those are parsed and tried rule by rule.

The prefilter is built from literals every match must contain (derived from each rule's regex, see
analyzer.engine.regex), so it never misses a line a rule would match, whether the line is raw text or a
JSON-escaped API log line.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from analyzer.engine.entries import _SKIP, _STOP, _TAKE, _Entry, _Lines  # noqa: F401 (tests read them here)
from analyzer.engine.match import (  # noqa: F401 (names callers import from the scan)
    _ERROR_RE,
    SMALL_BLOCK,
    Classifier,
    Hit,
    Plan,
    classify,
    compile_plan,
    error_looking,
    match_rule,
)
from analyzer.sources.files import Block, Problems


class Scanner:
    """Candidate entries of a run of blocks, in order, each with the rules it matched.

    The prefilter engine finds the lines holding a needle in one pass over the block's bytes; only
    those lines are decoded and parsed. A line is the start of an entry when a rule matches it or
    it looks like an error; its continuation lines are then joined to it, across a block boundary
    too (the entry waits for the next block of the same source, hits after it are held so the
    order never changes)."""

    def __init__(self, plan: Plan, problems: Problems, fmt: str = "auto"):
        self.plan, self.problems, self.fmt = plan, problems, fmt
        self.classify = Classifier(plan)
        self._queue: list[_Entry | Hit] = []  # in line order; open entries hold back what follows
        self._source: str | None = None
        self.engines: set[str] = set()  # engines used so far (for --verbose)
        self._prefetch = None  # analyzer.engine.parallel.Prefetch for the current big file
        self._prefetch_path: str | None = None

    def scan(self, block: Block) -> Iterator[Hit]:
        if self._source is not None and block.source != self._source:
            yield from self.flush()
        self._source = block.source
        lines = _Lines(block, self.fmt, self.problems)
        consumed: set[int] = set()
        for item in self._queue:
            if isinstance(item, _Entry) and not item.done:
                item.feed(lines, 0, block.start_line, consumed)
        data, size = lines.data, lines.size
        line_no, counted_to = block.start_line, 0
        pre = self._prefetched(block)
        if pre is not None:
            starts, numbers, newlines = pre
        else:
            starts, numbers, newlines = self._candidates(block, data, size), None, None
        for i, start in enumerate(starts):
            if start in consumed:
                continue
            end = data.find(b"\n", start, size)
            if end < 0:
                end = size
            if numbers is not None:
                line_no = block.start_line + numbers[i]
            else:
                line_no += data.count(b"\n", counted_to, start)
            counted_to = start
            record = lines.record_at(start, end, line_no)
            if record is None:
                continue
            single = self.classify(record.message)
            if not single and not _ERROR_RE.search(record.message):
                continue
            entry = _Entry(record, single)
            joined: set[int] = set()
            entry.feed(lines, end + 1, line_no + 1, joined)
            if joined:
                consumed = {c for c in consumed if c > start}
                consumed.update(joined)
            self._queue.append(entry)
            yield from self._release()
        if newlines is not None:
            block.newlines = newlines
        else:
            block.newlines = line_no - block.start_line + data.count(b"\n", counted_to, size)
        yield from self._release()

    def _prefetched(self, block: Block) -> tuple[Sequence[int], Sequence[int], int] | None:
        """Worker results for this block of a big plain file, when workers are running for it."""
        origin = block.origin
        if origin is None or self.plan.every_line:
            return None
        path, offset, length, cap, file_size = origin
        if self._prefetch_path != path:
            self._close_prefetch()
            self._prefetch_path = path
            from analyzer.engine import parallel as par
            workers = par.jobs()
            if workers > 1 and file_size - offset >= par.PARALLEL_MIN and hasattr(os, "pread"):
                try:
                    self._prefetch = par.Prefetch(path, offset, cap, file_size, self.plan, workers)
                    self.engines.add(self._prefetch.name)
                except (OSError, ImportError, NotImplementedError):
                    self._prefetch = None
        if self._prefetch is None:
            return None
        result = self._prefetch.take(offset, length)
        if result is None:
            return None
        _, _, starts, numbers, newlines = result
        return starts, numbers, newlines

    def _close_prefetch(self) -> None:
        if self._prefetch is not None:
            self._prefetch.close()
        self._prefetch = None
        self._prefetch_path = None

    def flush(self) -> Iterator[Hit]:
        """End of a source: entries still open are complete as they are."""
        self._close_prefetch()
        for item in self._queue:
            if isinstance(item, _Entry):
                item.done = True
        yield from self._release()
        self._source = None

    def pending(self) -> Iterator[Hit]:
        """The hits still queued, open entries as they stand so far; nothing is consumed."""
        for item in self._queue:
            hit = item.hit(self.classify) if isinstance(item, _Entry) else item
            if hit is not None:
                yield hit

    def _release(self) -> Iterator[Hit]:
        while self._queue:
            item = self._queue[0]
            if isinstance(item, _Entry):
                if not item.done:
                    return
                hit = item.hit(self.classify)
                self._queue.pop(0)
                if hit is not None:
                    yield hit
            else:
                self._queue.pop(0)
                yield item

    def _candidates(self, block: Block, data: bytes | bytearray, size: int) -> list[int]:
        """Start offsets of the lines to look at, ascending."""
        plan = self.plan
        if not plan.every_line:
            engine = plan.engine_for(size)
            self.engines.add(engine.name)
            starts, folding = engine.lines(data, size)
            if not folding:
                return starts
        # A rule with no literal, or a character that case-folds onto ASCII: every line, in Python.
        out, pos = [], 0
        while pos < size:
            out.append(pos)
            nl = data.find(b"\n", pos, size)
            pos = size if nl < 0 else nl + 1
        return out


def scan_block(block: Block, plan: Plan, problems: Problems, fmt: str = "auto") -> Iterator[Hit]:
    """Candidate entries of one block on its own (an entry ends with the block)."""
    scanner = Scanner(plan, problems, fmt)
    yield from scanner.scan(block)
    yield from scanner.flush()
