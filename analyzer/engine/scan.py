"""Records -> matches. One combined prefilter over each whole block finds the few candidate lines;
only those are parsed and tried rule by rule.

The prefilter is built from literals every match must contain (derived from each rule's regex, see
analyzer.engine.regex), so it never misses a line a rule would match, whether the line is raw text or a
JSON-escaped API log line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from analyzer.engine.entries import _SKIP, _STOP, _TAKE, _Entry, _Lines, _around  # noqa: F401 (tests read them here)
from analyzer.engine.match import (  # noqa: F401 (names callers import from the scan)
    shifted,
    _ERROR_RE,
    SMALL_BLOCK,
    Classifier,
    Hit,
    Plan,
    Run,
    classify,
    compile_plan,
    error_looking,
    match_rule,
)
from analyzer.model import LogRecord
from analyzer.sources.files import Block, Problems


class Scanner:
    """Candidate entries of a run of blocks, in order, each with the rules it matched.

    The prefilter engine finds the lines holding a needle in one pass over the block's bytes; only
    those lines are decoded and parsed. A line is the start of an entry when a rule matches it or
    it looks like an error; its continuation lines are then joined to it, across a block boundary
    too (the entry waits for the next block of the same source, hits after it are held so the
    order never changes).

    `checkpoint`, when set, is called with the line number of every candidate line at which the scan
    depends on nothing before it (no entry open, none has looked past it; analyzer.summary cuts a
    file there); when it returns True the scan of the block stops before that line."""

    def __init__(self, plan: Plan, problems: Problems, fmt: str = "auto", fold: bool = True):
        self.plan, self.problems, self.fmt = plan, problems, fmt
        self.fold = fold  # hand over byte-identical copies of an entry as one `Run` (False: one hit each)
        self.classify = Classifier(plan)
        self._queue: list[_Entry | _Copies | Hit] = []  # in line order; open entries hold back what follows
        self._source: str | None = None
        self._tail: LogRecord | None = None  # the ordinary last line of the source's previous block (Hit.before)
        self.engines: set[str] = set()  # engines used so far (for --verbose)
        self.checkpoint: Callable[[int], bool] | None = None
        self.released = 0  # hits and runs handed out so far
        self.every_line = False  # a block was searched line by line (a case-folding character)

    def scan(self, block: Block) -> Iterator[Hit | Run]:
        if block.rest is not None:  # a big file handed on unread: read it here, block after block
            lines = 0
            for part in block.rest():
                yield from self.scan(part)
                lines += part.line_count()
            block.counted = lines
            return
        if self._source is not None and block.source != self._source:
            yield from self.flush()
        tail, self._tail = (self._tail if self._source == block.source else None), None
        self._source = block.source
        lines = _Lines(block, self.fmt, self.problems)
        lines.classify = self.classify
        consumed: set[int] = set()
        reach = -1  # how far entries have looked in this block
        for item in self._queue:
            if isinstance(item, _Entry) and not item.done:
                reach = max(reach, item.feed(lines, 0, block.start_line, consumed))
        yield from self._release()
        data, size = lines.data, lines.size
        line_no, counted_to = block.start_line, 0
        checkpoint = self.checkpoint
        last_start = -1  # the first line of the last entry made in this block
        fold = self.fold and block.records is None  # API records differ in what the text leaves out (time, id)
        skip_to = 0  # the end of the copies folded into a Run: their lines are not looked at again
        for start in self._candidates(block, data, size):
            if start < skip_to or start in consumed:
                continue
            end = data.find(b"\n", start, size)
            if end < 0:
                end = size
            line_no += data.count(b"\n", counted_to, start)
            counted_to = start
            record = lines.record_at(start, end, line_no)
            if record is None:
                continue
            # (not a block's first line: its entry's line before comes from the block before, which a part
            # scanned on its own does not have)
            if checkpoint is not None and 0 < start and reach <= start and not self._queue and checkpoint(line_no):
                return
            single = self.classify(record.message)
            if not single and not _ERROR_RE.search(record.message):
                continue
            entry = _Entry(record, single)
            before = lines.before(start, line_no, consumed, last_start, skip_to) if start else tail
            if before is not None and (not record.instance or before.instance in (None, record.instance)):
                entry.before = _around(before)
            last_start = start
            joined: set[int] = set()
            reach = max(reach, entry.feed(lines, end + 1, line_no + 1, joined))
            if joined:
                consumed = {c for c in consumed if c > start}
                consumed.update(joined)
            copies = _copies(lines, entry, start, joined, consumed) if fold and entry.done else None
            if copies is not None and not _entry_at(lines, start + copies[0] * copies[1], line_no + copies[0] * copies[2]):
                # the app's own line after the last copy: that copy is gathered as usual, which looks at it (Hit.after)
                copies = (copies[0] - 1, copies[1], copies[2]) if copies[0] > 2 else None
            if copies is not None:
                count, length, step = copies
                self._queue.append(_Copies(entry, count, step))
                skip_to = start + count * length
            else:
                self._queue.append(entry)
            yield from self._release()
        block.newlines = line_no - block.start_line + data.count(b"\n", counted_to, size)
        if block.more:  # the source goes on in a next block: the line before its first entry
            end = size if size and data[size - 1 : size] == b"\n" else size + 1
            self._tail = lines.before(end, block.start_line + block.newlines + (end > size), consumed, last_start, skip_to)
        yield from self._release()

    def prime(self, source: str, before: LogRecord | None) -> None:
        """Start a source whose earlier part another scanner read: `before` is the line before this part."""
        self._source, self._tail = source, before

    def open_tail(self) -> list[_Entry | _Copies | Hit]:
        """The queue from its first entry still open on: what waits for the next block of the source."""
        return list(self._queue)

    def resume(self, source: str, tail: list[_Entry | _Copies | Hit]) -> None:
        """Go on with a source whose earlier part another scanner read, from its open tail."""
        self._source, self._queue = source, list(tail)

    def flush(self) -> Iterator[Hit | Run]:
        """End of a source: entries still open are complete as they are."""
        for item in self._queue:
            if isinstance(item, _Entry):
                item.done = True
        yield from self._release()
        self._source = None

    def pending(self) -> Iterator[Hit | Run]:
        """The hits still queued, open entries as they stand so far; nothing is consumed."""
        for item in self._queue:
            hit = item.hit(self.classify) if isinstance(item, (_Entry, _Copies)) else item
            if hit is not None:
                yield hit

    def _release(self) -> Iterator[Hit | Run]:
        while self._queue:
            item = self._queue[0]
            if isinstance(item, _Entry):
                if not item.done:
                    return
                hit = item.hit(self.classify)
                self._queue.pop(0)
                if hit is not None:
                    self.released += 1
                    yield hit
            elif isinstance(item, _Copies):
                self._queue.pop(0)
                run = item.hit(self.classify)
                if run is not None:
                    self.released += 1
                    yield run
            else:
                self._queue.pop(0)
                self.released += 1
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
        self.every_line = True
        # A rule with no literal, or a character that case-folds onto ASCII: every line, in Python.
        out, pos = [], 0
        while pos < size:
            out.append(pos)
            nl = data.find(b"\n", pos, size)
            pos = size if nl < 0 else nl + 1
        return out


class _Copies:
    """A gathered entry and the copies that follow it byte for byte: one `Run`, made from the entry's hit."""

    __slots__ = ("entry", "count", "step")

    def __init__(self, entry: _Entry, count: int, step: int):
        self.entry, self.count, self.step = entry, count, step

    def hit(self, classifier: Classifier) -> Run | None:
        hit = self.entry.hit(classifier)
        if hit is None:  # the entry says nothing (no rule, not error-looking): nor do its copies
            return None
        return Run(hit, self.count, self.step)


def _entry_at(lines: _Lines, pos: int, line_no: int) -> bool:
    """The line at `pos` starts an entry of its own (or there is none in the block): the last copy before it
    needs no look past it."""
    if pos >= lines.size:
        return True
    end = lines.data.find(b"\n", pos, lines.size)
    record = lines._quiet(pos, lines.size if end < 0 else end, line_no)
    return record is not None and lines.starts_entry(record.message)


def _copies(lines: _Lines, entry: _Entry, start: int, joined: set[int], consumed: set[int]) -> tuple[int, int, int] | None:
    """How many times the entry just gathered (first line at `start`, its other lines `joined`) comes one
    after another byte for byte, itself included, such that gathering each copy would make the same entry:
    (count, bytes, lines) of each copy; None: only once.

    That holds when the entry is its lines one after another (no line of another instance or blank line
    skipped inside) and no other entry took a line after it: then each copy's lines are taken as the
    entry's were, and the line after a copy, the next copy's first line, ends it as it ended the entry.
    The last copy is followed by another line: it is counted only when that line ends the entry too (a
    copy of the entry as it stands is offered that line), or when the source ends there."""
    data, size = lines.data, lines.size
    last = max(joined) if joined else start
    end = data.find(b"\n", last, size)
    if end < 0:
        return None
    end += 1
    step = len(joined) + 1
    if data.count(b"\n", start, end) != step or (consumed and max(consumed) >= end):
        return None
    body = bytes(data[start:end])
    length = end - start
    pos, count = end, 1
    while data.startswith(body, pos, size):  # the buffer may hold stale bytes after `size`
        count += 1
        pos += length
    if count == 1:
        return None
    if pos >= size:
        if lines.block.more:  # the last copy may go on in the next block
            count -= 1
    else:
        nl = data.find(b"\n", pos, size)
        stop = nl if nl >= 0 else size
        line_no = entry.first.line + count * step
        record = lines.record_at(pos, stop, line_no)
        if entry.clone().offer(record, record is None and lines.blank(pos, stop), line_no) != _STOP:
            count -= 1  # the line after the last copy continues it: that copy is gathered as usual
    return (count, length, step) if count > 1 else None


def unfolded(items: Iterable[Hit | Run]) -> Iterator[Hit]:
    """A scan's hits one by one, each copy of a Run on its own (what `fold=False` gives)."""
    for item in items:
        if type(item) is Run:
            yield from item.hits()
        else:
            yield item  # type: ignore[misc]


def scan_block(block: Block, plan: Plan, problems: Problems, fmt: str = "auto") -> Iterator[Hit]:
    """Candidate entries of one block on its own (an entry ends with the block), one hit each."""
    scanner = Scanner(plan, problems, fmt, fold=False)
    yield from scanner.scan(block)
    yield from scanner.flush()
