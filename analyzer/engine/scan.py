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
from analyzer.sources.copies import StampTemplate, told_copy


EARLY = 8  # an instance's first entries (a Render log opens with its ==> lines) get the app's lines before them (Hit.history) ...
HISTORY = 12  # ... that many of them
MAX_EARLY = 1_000  # instances counted per source (then no more histories)


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
        self._tail_history: tuple[str, ...] = ()  # ... and the app's lines up to it (Hit.history)
        self._early: dict[str | None, int] = {}  # entries made so far per instance, up to EARLY (Hit.history)
        self.engines: set[str] = set()  # engines used so far (for --verbose)
        self.checkpoint: Callable[[int], bool] | None = None
        self.released = 0  # hits and runs handed out so far
        self.every_line = False  # a block was searched line by line (a case-folding character)
        self._offset = 0  # bytes of the source (or of the byte range) before the block being scanned

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
        same = self._source == block.source
        tail, self._tail = (self._tail if same else None), None
        tail_history, self._tail_history = (self._tail_history if same else ()), ()
        if not same:
            self._offset = 0
            self._early = {}
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
        fold = self.fold
        skip_to = 0  # the end of the copies folded into a Run: their lines are not looked at again
        candidates = _Candidates(self, block, data, size)
        for start in candidates:
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
            if not single and not self.plan.error_looking(record.message):
                continue
            entry = _Entry(record, single)
            before = lines.before(start, line_no, consumed, last_start, skip_to) if start else tail
            if before is not None and (not record.instance or before.instance in (None, record.instance)):
                entry.before = _around(before)
                entry.take_frames_above(lines, start, line_no, consumed, last_start)
            made = self._early.get(record.instance, 0 if len(self._early) < MAX_EARLY else EARLY)
            if made < EARLY:  # one of the instance's first entries: where the judge may ask (analyzer.stopped)
                self._early[record.instance] = made + 1
                if entry.before is not None:
                    entry.history = self._history(lines, start, line_no, record.instance, tail_history)
            last_start = start
            joined: set[int] = set()
            reach = max(reach, entry.feed(lines, end + 1, line_no + 1, joined))
            if joined:
                consumed = {c for c in consumed if c > start}
                consumed.update(joined)
            copies = _copies(lines, entry, start, line_no, joined, consumed, self._offset) if fold and entry.done else None
            if copies is not None and not _entry_at(lines, copies.ends[-1], line_no + len(copies.ends) * copies.step):
                # the app's own line after the last copy: that copy is gathered as usual, which looks at it (Hit.after)
                copies = copies.first(len(copies.ends) - 1) if len(copies.ends) > 2 else None
            if copies is not None:
                self._queue.append(copies)
                skip_to = candidates.skip_to = copies.ends[-1]
            else:
                self._queue.append(entry)
            yield from self._release()
        block.newlines = line_no - block.start_line + data.count(b"\n", counted_to, size)
        if block.more:  # the source goes on in a next block: the line before its first entry
            end = size if size and data[size - 1 : size] == b"\n" else size + 1
            self._tail = lines.before(end, block.start_line + block.newlines + (end > size), consumed, last_start, skip_to)
            self._tail_history = self._history(lines, end, block.start_line + block.newlines + (end > size), None, tail_history)
        self._offset += size
        yield from self._release()

    def prime(self, source: str, before: LogRecord | None, history: tuple[str, ...] = ()) -> None:
        """Start a source whose earlier part another scanner read: `before` is the line before this part, `history`
        the app's lines up to it (Hit.history)."""
        self._source, self._tail, self._tail_history, self._offset, self._early = source, before, history, 0, {}

    @staticmethod
    def _history(lines: _Lines, start: int, line_no: int, instance: str | None, tail: tuple[str, ...]) -> tuple[str, ...]:
        """The app's lines before the line at `start` (Hit.history), into the block before when the look reached
        this one's start (`tail`: the lines that block ended with; any instance's, as its `before` is)."""
        found, at_start = lines.history(start, line_no, instance, HISTORY)
        if at_start and len(found) < HISTORY:
            found += tail[: HISTORY - len(found)]
        return found

    def open_tail(self) -> list[_Entry | _Copies | Hit]:
        """The queue from its first entry still open on: what waits for the next block of the source."""
        return list(self._queue)

    def resume(self, source: str, tail: list[_Entry | _Copies | Hit]) -> None:
        """Go on with a source whose earlier part another scanner read, from its open tail."""
        self._source, self._queue, self._offset = source, list(tail), 0

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



WINDOW = 64 * 1024  # the first part of a block the prefilter searches; where nothing folds, each next one is 4x larger
AFTER_FOLD = 1024  # after copies were folded: what the next part's search starts with


class _Candidates:
    """Start offsets of a block's lines to look at, ascending: those holding a needle (the prefilter engine),
    or every line where a rule has no literal or a character that case-folds onto ASCII occurs.

    The block is searched part by part, each part whole lines. A retry storm's copies, once folded
    (`skip_to`: the end of the copies), are never searched: the next part starts after them, and is small
    (AFTER_FOLD), so that the search finds the next entry and the copies after it are folded unsearched
    (a storm line holds about four needles, each a callback into Python). Where nothing folds the parts
    grow fourfold, back to one search for the rest of the block."""

    def __init__(self, scanner: Scanner, block: Block, data: bytes | bytearray, size: int):
        self.scanner, self.block, self.data, self.size = scanner, block, data, size
        self.skip_to = 0

    def __iter__(self) -> Iterator[int]:
        scanner, data, size = self.scanner, self.data, self.size
        plan = scanner.plan
        if plan.every_line:  # a rule without any literal: every line, in Python
            scanner.every_line = True
            yield from _every_line(data, 0, size)
            return
        engine = plan.engine_for(size)
        scanner.engines.add(engine.name)
        pos, width = 0, WINDOW
        while pos < size:
            if size - pos <= width:
                end = size
            else:
                nl = data.find(b"\n", pos + width, size)
                end = size if nl < 0 else nl + 1
            starts, folding = engine.lines(data, end, pos)
            if folding:  # a character that case-folds onto ASCII: every line of the part, in Python
                scanner.every_line = True
                starts = _every_line(data, pos, end)
            folded = self.skip_to
            for start in starts:
                if start >= self.skip_to:
                    yield start
                    if self.skip_to >= end:
                        break  # copies folded past the part: the rest of it is never looked at
            width = AFTER_FOLD if self.skip_to != folded else width * 4
            pos = max(end, self.skip_to)


def _every_line(data: bytes | bytearray, pos: int, end: int) -> list[int]:
    out = []
    while pos < end:
        out.append(pos)
        nl = data.find(b"\n", pos, end)
        pos = end if nl < 0 else nl + 1
    return out


class _Copies:
    """A gathered entry and the copies that follow it: one `Run`, made from the entry's hit. `ends`: where
    each copy ends in the block (the first is the entry itself); `stamps`: (time, id, copies) of each
    stretch of copies with the same time and id (Run.stamps); `lines`: each copy's record line, for records."""

    __slots__ = ("entry", "step", "ends", "stamps", "lines")

    def __init__(self, entry: _Entry, step: int, ends: list[int], stamps: list[list], lines: list[int] | None):  # type: ignore[type-arg]
        self.entry, self.step, self.ends, self.stamps, self.lines = entry, step, ends, stamps, lines

    @property
    def count(self) -> int:
        return len(self.ends)

    def first(self, n: int) -> "_Copies":
        """The first `n` copies only."""
        stamps, left = [], n
        for time, ident, k in self.stamps:
            if left <= 0:
                break
            stamps.append([time, ident, min(k, left)])
            left -= k
        return _Copies(self.entry, self.step, self.ends[:n], stamps, None if self.lines is None else self.lines[:n])

    def hit(self, classifier: Classifier) -> Run | None:
        hit = self.entry.hit(classifier)
        if hit is None:  # the entry says nothing (no rule, not error-looking): nor do its copies
            return None
        stamps = None if len(self.stamps) == 1 else tuple(map(tuple, self.stamps))
        return Run(hit, len(self.ends), self.step, stamps, None if self.lines is None else tuple(self.lines))


def _entry_at(lines: _Lines, pos: int, line_no: int) -> bool:
    """The line at `pos` starts an entry of its own (or there is none in the block): the last copy before it
    needs no look past it."""
    if pos >= lines.size:
        return True
    end = lines.data.find(b"\n", pos, lines.size)
    record = lines._quiet(pos, lines.size if end < 0 else end, line_no)
    return record is not None and lines.starts_entry(record.message)


GRID = 64 * 1024  # copies of one Run all start before the next multiple of GRID bytes of the source or range


def _copies(
    lines: _Lines, entry: _Entry, start: int, line_no: int, joined: set[int], consumed: set[int], offset: int = 0
) -> _Copies | None:
    """The copies of the entry just gathered (first line at `start`, line `line_no` as the scan counts them: a
    JSON document's records all say its first line; its other lines `joined`) that come one after another,
    itself included, such that gathering each copy would make the same entry but for its lines, time and
    record id; None: only once.

    That holds when the entry is its lines one after another (no line of another instance or blank line
    skipped inside) and no other entry took a line after it: then each copy's lines are taken as the
    entry's were, and the line after a copy, the next copy's first line, ends it as it ended the entry.
    A copy is the lines of the copy before it byte for byte (the dashboard's form within a second: a
    comparison in C), else its lines parse to the entry's but for their time and id (a new second; API
    records, RFC 3339 and JSON lines: each its own time; gathering reads neither). The last copy is
    followed by another line: it is counted only when that line ends the entry too (a copy of the entry as
    it stands is offered that line), or when the source ends there.

    No copy of a Run starts at or past the next multiple of GRID bytes (`offset`: the bytes of the source
    before the block): a scan of a byte range and the scan that goes on from the range before it into it
    (analyzer.summary) then end their Runs at the same copy and meet there, whatever line each started at."""
    data, size = lines.data, lines.size
    limit = min(size, ((offset + start) // GRID + 1) * GRID - offset)
    last = max(joined) if joined else start
    end = data.find(b"\n", last, size)
    if end < 0:
        return None
    end += 1
    step = len(joined) + 1
    if data.count(b"\n", start, end) != step or (consumed and max(consumed) >= end):
        return None
    first = entry.first
    records = lines.block.records is not None  # records: the text leaves their time and id out
    ends, stamps = [end], [[first.time, first.id, 1]]
    record_lines = [first.line] if records else None
    body = None if records else bytes(data[start:end])
    want: list[tuple[str, str, str | None, str | None, str | None]] | None = None
    templates: list[StampTemplate] | None = None  # the entry's lines, to tell a copy from its bytes (text lines)
    pos, at_no = end, line_no + step
    while pos < limit:
        if body is not None and data.startswith(body, pos, size):  # the buffer may hold stale bytes after `size`
            # copies byte for byte: eight at a time while they last, then one by one (each comparison in C)
            length, n = len(body), 1
            if data.startswith(body * 8, pos, size):
                eight = body * 8
                n = 8
                while data.startswith(eight, pos + n * length, size):
                    n += 8
                while data.startswith(body, pos + n * length, size):
                    n += 1
            n = min(n, -(-(limit - pos) // length))  # those that start before the limit
            ends.extend(range(pos + length, pos + n * length + 1, length))
            pos += n * length
            stamps[-1][2] += n
            at_no += n * step
            continue
        if want is None:  # the entry's lines as parsed, asked for once the bytes differ
            want = _wanted(lines, entry, start, line_no, step, pos)
            if want is None:
                break
            templates = None if records or lines.fmt != "auto" else _templates(lines, start, step)
        copy = _stamped_copy(lines, pos, at_no, templates) if templates else None
        if copy is None:
            copy = _parsed_copy(lines, pos, at_no, step, want)
        if copy is None:
            break
        copy_end, time, ident, record_line = copy
        if stamps[-1][0] == time and stamps[-1][1] == ident:
            stamps[-1][2] += 1
        else:
            stamps.append([time, ident, 1])
        if record_lines is not None:
            record_lines.append(record_line)
        if body is not None:
            body = bytes(data[pos:copy_end])
        pos = copy_end
        ends.append(pos)
        at_no += step
    copies = _Copies(entry, step, ends, stamps, record_lines)
    if len(ends) == 1:
        return None
    if pos >= size:
        if lines.block.more:  # the last copy may go on in the next block
            copies = copies.first(len(ends) - 1)
    else:
        nl = data.find(b"\n", pos, size)
        stop = nl if nl >= 0 else size
        record = lines.record_at(pos, stop, at_no)
        if entry.clone().offer(record, record is None and lines.blank(pos, stop), at_no) != _STOP:
            copies = copies.first(len(ends) - 1)  # the line after the last copy continues it: that copy is gathered as usual
    return copies if copies.count > 1 else None


def _same(record: LogRecord) -> tuple[str, str, str | None, str | None, str | None]:
    """What gathering, classifying and judging a line read of it, but its time, id and line."""
    return record.source, record.message, record.instance, record.level, record.type


def _wanted(
    lines: _Lines, entry: _Entry, start: int, line_no: int, step: int, pos: int
) -> list[tuple[str, str, str | None, str | None, str | None]] | None:
    """The entry's lines as a copy's must parse (but for time and id); None when the line at `pos`, the next
    copy's first if there is one, is already not its first line (most entries: the line that ended the entry,
    parsed already, is read from the cache of the last line parsed)."""
    data, size = lines.data, lines.size
    cached = lines._last
    if cached is not None and cached[0] == pos:
        record = cached[1]
    else:
        nl = data.find(b"\n", pos, size)
        record = lines._quiet(pos, size if nl < 0 else nl, line_no)
    if record is None or _same(record) != _same(entry.first):
        return None
    want = [_same(entry.first)]
    at = start
    for j in range(1, step):
        at = data.find(b"\n", at, size) + 1
        other = lines._quiet(at, data.find(b"\n", at, size), line_no + j)
        if other is None:
            return None
        want.append(_same(other))
    return want


def _templates(lines: _Lines, start: int, step: int) -> list[StampTemplate] | None:
    """The entry's lines (from `start`) as templates of a copy's (StampTemplate); None where one cannot be."""
    data, size = lines.data, lines.size
    out, at = [], start
    for _ in range(step):
        nl = data.find(b"\n", at, size)
        if nl < 0:
            return None
        template = StampTemplate.of(bytes(data[at:nl]), lines.decode(at, nl), lines.repair)
        if template is None:
            return None
        out.append(template)
        at = nl + 1
    return out


def _stamped_copy(
    lines: _Lines, pos: int, line_no: int, templates: list[StampTemplate]
) -> tuple[int, str | None, str | None, int] | None:
    """What `_parsed_copy` finds of the copy at `pos`, told from its bytes by the entry's lines' templates, with
    no line parsed whole (a storm whose every line has its own time); None: not told (parse it)."""
    got = told_copy(templates, lines.data, pos, lines.size, lines.decode)
    return None if got is None else (*got, line_no)


def _parsed_copy(
    lines: _Lines, pos: int, line_no: int, step: int, want: list[tuple[str, str, str | None, str | None, str | None]]
) -> tuple[int, str | None, str | None, int] | None:
    """The copy at `pos` (line `line_no`) when its lines parse to `want`: where it ends, its first line's time,
    id and record line; None when it is not one."""
    data, size = lines.data, lines.size
    stamp = None
    at = pos
    for j in range(step):
        nl = data.find(b"\n", at, size)
        if nl < 0:  # a last line with no end of line: perhaps cut, never a copy
            return None
        record = lines._quiet(at, nl, line_no + j)
        if record is None or _same(record) != want[j]:
            return None
        if not j:
            stamp = (record.time, record.id, record.line)
        at = nl + 1
    return (at, *stamp)  # type: ignore[misc]


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
