"""A diagnosis that merges: what the scan of one part of the input hands to the judge.

Scanning (bytes -> candidate entries, every byte touched) is the costly, splittable stage; judging
(entries -> story -> verdict) reads a few entries in input order. A `Summary` is a part's scan result:
its counts, what could not be read, and its candidate entries (each `Hit`: the whole joined entry
with its time, instance and level, and the rules it matched with their fields) in input order. Parts
merge by concatenation in input order, and the judge replays the merged entries on the client:
per-instance stories, state changes, timelines and reclassification are decided by the one judge
over the whole input, exactly as in a plain run (docs/scale-out.md).

A part is whole sources (a cluster's task: one file), or a byte range of one big plain file (the
local cores: `split`). A range that starts inside its file numbers its lines from its own start and
says where it lies (`Cut`); one that ends inside its file hands on the entries still open at its end
(`tail`). The merge shifts the later part's line numbers and offers the open entries the later part's
first lines: when they take none and stop before its first line that depends on nothing before it,
the later part stands as it was scanned; otherwise the merge scans that part again from its bytes,
only until both scans agree again (`_rejoin`).

Each field has its own merge function in `MERGE`: a new field is one line there (a test checks
every field has one).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from functools import reduce
from operator import attrgetter
from typing import Any

from analyzer.engine.entries import _Entry, _Lines
from analyzer.engine.match import Classifier
from analyzer.engine.scan import Hit, Plan, Run, Scanner, _Copies
from analyzer.model import LogRecord
from analyzer.sources.files import Block, Problems, range_blocks

QUIET_KEEP = 64  # a part's first lines that depend on nothing before it, kept to meet an open entry's end
REJOIN_BLOCK = 64 * 1024  # the head of a part scanned again after an open entry, read this much at a time


@dataclass
class Cut:
    """Where a part that starts inside its file lies, and its first candidate lines at which its scan
    depended on nothing before it: (line in the part, hits it had handed out before, unparsed lines
    it had noted before). The merge rejoins an open entry to the part at one of them."""

    path: str
    offset: int
    length: int
    cap: int  # the block size the part was read with
    lines: int  # the part's own lines
    quiet: list[tuple[int, int, int]]
    every_line: bool  # the part was searched line by line (a case-folding character): read it whole again
    last: bool  # the part ends its file


@dataclass
class Summary:
    """One part of the input, scanned. Plain data: pickled to and from cluster workers."""

    sources: list[str] = field(default_factory=list)  # in input order
    lines: int = 0
    unparsed: int = 0
    first_unparsed: str | None = None
    skipped: list[str] = field(default_factory=list)  # inputs not read, and why
    notes: list[str] = field(default_factory=list)  # how an input was read, when the user should know
    engines: list[str] = field(default_factory=list)  # prefilter engines used (--verbose)
    hits: list[Hit | Run] = field(default_factory=list)  # candidate entries, in input order (a Run: copies of one)
    # a byte range of a file: where it starts when not at its file's start (its numbers then count from
    # its own first line), the entries still open at its end, the lines of its last source, and the
    # line of `first_unparsed` (shifted with the rest)
    inside: Cut | None = None
    tail: list[_Entry | _Copies | Hit] = field(default_factory=list)
    last_lines: int = 0
    first_unparsed_line: int | None = None

    # Pickled (worker -> main process, Dask worker -> client) with its hits as columns: a retry storm's
    # part of 4 MB read back in 0.06 s instead of 0.12, one object per field instead of per record.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        hits = state.pop("hits")
        runs = {i: (h.count, h.step, h.stamps, h.lines) for i, h in enumerate(hits) if type(h) is Run}
        firsts = [h.hit if type(h) is Run else h for h in hits]
        around = {i: (h.before, h.after, h.reach, h.history) for i, h in enumerate(firsts) if h.before or h.after or h.reach}
        state["hit_columns"] = ([_record_values(h.record) for h in firsts], [h.matches for h in firsts], runs, around)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        records, matches, runs, around = state.pop("hit_columns")
        self.__dict__.update(state)
        self.hits = [Hit(LogRecord(*values), m) for values, m in zip(records, matches)]
        for i, (before, after, reach, history) in around.items():  # the lines around an entry (analyzer.storms)
            self.hits[i] = Hit(self.hits[i].record, self.hits[i].matches, before, after, reach, history)
        for i, (count, step, stamps, lines) in runs.items():
            self.hits[i] = Run(self.hits[i], count, step, stamps, lines)


def _unique(a: list[str], b: list[str]) -> list[str]:
    return a + [x for x in b if x not in a]


MERGE: dict[str, Callable[[Any, Any], Any]] = {
    "sources": _unique,
    "lines": int.__add__,
    "unparsed": int.__add__,
    "first_unparsed": lambda a, b: a if a is not None else b,  # the earlier part's comes first
    "skipped": list.__add__,
    "notes": list.__add__,
    "engines": lambda a, b: sorted(set(a) | set(b)),
    "hits": list.__add__,
    # `merge` first makes the two parts' line numbers and open entries agree (see `_continue`): then
    # these four merge field by field too
    "inside": lambda a, b: a if a is not None else b,
    "tail": list.__add__,
    "last_lines": int.__add__,
    "first_unparsed_line": lambda a, b: a if a is not None else b,
}


@dataclass
class Rejoin:
    """What the merge of byte ranges needs besides the summaries: the rules (to judge an entry the
    next part completed) and a way to read a part again."""

    plan: Plan
    input_format: str = "auto"


def merge(a: Summary, b: Summary, rejoin: Rejoin | None = None) -> Summary:
    """`a` then `b` (in input order). Associative, with `Summary()` as identity, for parts of whole
    sources; the byte ranges of one file merge from the left (each onto all that comes before it),
    and need `rejoin` when `a` ends with an open entry."""
    continued = b.inside is not None and bool(a.sources)
    if continued:  # b goes on with a's last source: in a's numbering, a's open entries completed
        b = _continue(a, b, rejoin)
        a = replace(a, tail=[], last_lines=a.last_lines if b.last_lines == b.lines else 0)
    elif b.sources:  # b starts a source: a's ended with it, its open entries are complete as they are
        a = replace(a, hits=a.hits + close(a.tail, _need(rejoin)) if a.tail else a.hits, tail=[], last_lines=0)
    if a.sources and a.first_unparsed is None and not continued:
        b = replace(b, first_unparsed_line=None)  # the line of another source: never shifted with a's
    return Summary(**{f.name: MERGE[f.name](getattr(a, f.name), getattr(b, f.name)) for f in fields(Summary)})


def merge_all(parts: Iterable[Summary], rejoin: Rejoin | None = None) -> Summary:
    return reduce(lambda a, b: merge(a, b, rejoin), parts, Summary())


def _need(rejoin: Rejoin | None) -> Rejoin:
    if rejoin is None:
        raise ValueError("merging a part that ends inside its file needs a Rejoin")
    return rejoin


def close(tail: list[_Entry | _Copies | Hit], rejoin: Rejoin) -> list[Hit | Run]:
    scanner = Scanner(rejoin.plan, Problems(), rejoin.input_format)
    scanner.resume("", copy.deepcopy(tail))
    return list(scanner.flush())


_RECORD_FIELDS = tuple(f.name for f in fields(LogRecord))  # LogRecord's positional arguments, in order
_record_values = attrgetter(*_RECORD_FIELDS)
_LINE, _END_LINE = _RECORD_FIELDS.index("line"), _RECORD_FIELDS.index("end_line")


def _shift(item: Hit | Run, n: int) -> Hit | Run:
    if type(item) is Run:
        lines = None if item.lines is None else tuple(line + n for line in item.lines)
        return Run(_shift_hit(item.hit, n), item.count, item.step, item.stamps, lines)
    return _shift_hit(item, n)  # type: ignore[arg-type]


def _shift_hit(hit: Hit, n: int) -> Hit:
    values = list(_record_values(hit.record))  # positional: twice as fast as dataclasses.replace
    values[_LINE] += n
    if values[_END_LINE] is not None:
        values[_END_LINE] += n
    if hit.before is None and not hit.after and not hit.reach:
        return Hit(LogRecord(*values), hit.matches)
    before = None if hit.before is None else _moved(hit.before, n)
    after = tuple(_moved(r, n) for r in hit.after)
    return Hit(LogRecord(*values), hit.matches, before, after, hit.reach + n if hit.reach else 0, hit.history)


def _moved(record: LogRecord, n: int) -> LogRecord:
    """The line around an entry (Hit.before, Hit.after), its line `n` further: built positionally, as in
    `_shift_hit` (dataclasses.replace was a third of the merge of a big file's parts)."""
    values = list(_record_values(record))
    values[_LINE] += n
    return LogRecord(*values)


def _shift_tail(tail: list[_Entry | _Copies | Hit], n: int) -> list[_Entry | _Copies | Hit]:
    out: list[_Entry | _Copies | Hit] = []
    for item in tail:
        if isinstance(item, Hit):
            out.append(_shift_hit(item, n))
            continue
        item = copy.deepcopy(item)
        entry = item.entry if isinstance(item, _Copies) else item
        entry.first = replace(entry.first, line=entry.first.line + n)
        entry.last_line += n
        if entry.before is not None:
            entry.before = replace(entry.before, line=entry.before.line + n)
        entry.after = tuple(replace(r, line=r.line + n) for r in entry.after)
        entry.reach = entry.reach + n if entry.reach else 0
        out.append(item)
    return out


def _continue(a: Summary, b: Summary, rejoin: Rejoin | None) -> Summary:
    """`b`, which starts inside `a`'s last source, numbered as `a` numbers that source, with `a`'s open
    entries completed: returned with no `inside` and `a`'s tail's hits first."""
    shift = a.last_lines
    source = b.sources[0]
    first, line = b.first_unparsed, b.first_unparsed_line
    if line is not None:  # a line of b's first source, counted from b's start
        line += shift
        first = f"{source}:{line}"
    moved = replace(
        b,
        hits=[_shift(h, shift) for h in b.hits],
        tail=_shift_tail(b.tail, shift),
        first_unparsed=first,
        first_unparsed_line=line,
        inside=None,
    )
    if not a.tail:
        return moved
    return _rejoin(a.tail, moved, b.inside, shift, _need(rejoin))  # type: ignore[arg-type]


def _rejoin(tail: list[_Entry | _Copies | Hit], b: Summary, cut: Cut, shift: int, rejoin: Rejoin) -> Summary:
    """`a`'s open entries fed `b`'s first lines, read again from the file: scanned here until a line
    where this scan and `b`'s own both depend on nothing before (then `b`'s entries from there on
    stand), or through the whole of `b` (then this scan is `b`)."""
    problems = Problems()
    scanner = Scanner(rejoin.plan, problems, rejoin.input_format)
    scanner.resume(b.sources[0], copy.deepcopy(tail))  # feeding changes the entries: a's stay as they are
    quiet = {line + shift: (released, unparsed) for line, released, unparsed in cut.quiet}
    met: list[tuple[int, int]] = []

    def meet(line: int) -> bool:
        seen = quiet.get(line)
        # b noted unparsed lines before this one, this scan none: b's first after it is not known
        if seen is None or (seen[1] and not problems.unparsed):
            return False
        met.append(seen)
        return True

    scanner.checkpoint = meet
    hits: list[Hit | Run] = []
    block_size = cut.cap if cut.every_line else REJOIN_BLOCK
    line = shift + 1
    for block in range_blocks(cut.path, cut.offset, cut.length, block_size, Problems()):
        block.start_line = line
        hits.extend(scanner.scan(block))
        if met:
            released, unparsed = met[0]
            return replace(
                b,
                hits=hits + b.hits[released:],
                unparsed=problems.unparsed + b.unparsed - unparsed,
                first_unparsed=problems.first if problems.first is not None else b.first_unparsed,
                first_unparsed_line=problems.first_line if problems.first is not None else b.first_unparsed_line,
            )
        line += block.line_count()
    if b.lines != cut.lines:
        raise ValueError("an open entry went through a part merged with the next: merge byte ranges from the left")
    if cut.last:
        hits.extend(scanner.flush())
    return replace(
        b,
        hits=hits,
        tail=scanner.open_tail(),
        unparsed=problems.unparsed,
        first_unparsed=problems.first,
        first_unparsed_line=problems.first_line,
    )


def summarize(blocks: Iterable[Block], plan: Plan, input_format: str = "auto", problems: Problems | None = None) -> Summary:
    """Scan blocks (one or more whole sources, in order) into a summary."""
    problems = problems if problems is not None else Problems()
    scanner = Scanner(plan, problems, input_format)
    out = Summary()
    for block in blocks:
        if block.source not in out.sources:
            out.sources.append(block.source)
        if block.start_line == 1:
            out.last_lines = 0
        out.hits.extend(scanner.scan(block))
        n = block.line_count()
        out.lines += n
        out.last_lines += n
    out.hits.extend(scanner.flush())
    out.hits = _shared(out.hits)
    out.unparsed, out.first_unparsed, out.skipped = problems.unparsed, problems.first, list(problems.skipped)
    out.notes = list(problems.notes)
    out.engines = sorted(scanner.engines)
    return out


def _lines_before(source: str, offset: int, input_format: str, classify: Classifier) -> tuple[LogRecord | None, tuple[str, ...]]:
    """The line before a byte range (numbered 0, as the range numbers its own from 1), read as the range's
    first entry reads the line before it (Hit.before), and the app's lines up to it (Hit.history). The part
    before it ended with no entry open (else the merge reads this range's first lines again with that entry),
    so that line is no entry's."""
    start = max(0, offset - 65536)
    blocks = list(range_blocks(source, start, offset - start, 1 << 17, Problems()))
    if not blocks or offset == 0:
        return None, ()
    block = blocks[-1]
    data, size = block.buffer()
    end = size if size and data[size - 1 : size] == b"\n" else size + 1
    lines = _Lines(block, input_format, Problems())
    lines.classify = classify  # the lines that are entries end the look back, as in the whole read
    return lines.before(end, 1, set(), -1), Scanner._history(lines, end, 1, None, ())


def summarize_range(plan: Plan, source: str, offset: int, length: int, cap: int, first: bool, last: bool,
                    input_format: str = "auto") -> Summary:
    """One byte range of a plain file (whole lines; `first`: at the file's first line, `last`: to its
    end) into a summary: run by a worker process on its own, or by the main process."""
    problems = Problems()
    scanner = Scanner(plan, problems, input_format)
    quiet: list[tuple[int, int, int]] = []

    def note(line: int) -> bool:
        if len(quiet) < QUIET_KEEP:
            quiet.append((line, scanner.released, problems.unparsed))
        return False

    if not first:
        scanner.checkpoint = note
        scanner.prime(source, *_lines_before(source, offset, input_format, scanner.classify))
    out = Summary(sources=[source])
    for block in range_blocks(source, offset, length, cap, problems):
        out.hits.extend(scanner.scan(block))
        out.lines += block.line_count()
    if last:
        out.hits.extend(scanner.flush())
    else:
        out.tail = scanner.open_tail()
    out.hits = _shared(out.hits)
    out.last_lines = out.lines
    out.unparsed, out.first_unparsed, out.skipped = problems.unparsed, problems.first, list(problems.skipped)
    out.first_unparsed_line = None if first else problems.first_line
    out.engines = sorted(scanner.engines)
    if not first:
        out.inside = Cut(source, offset, length, cap, out.lines, quiet, scanner.every_line, last)
    return out


def _shared(hits: list[Hit | Run]) -> list[Hit | Run]:
    """The same hits, equal texts made one object: pickled once, held once by the main process. A
    retry storm repeats a few messages with a time that moves each second (copies in a row are one
    Run already; the rest differ by a line or a second): a part of one went from 4.6 MB on the wire
    and 12.8 MB held to about a fifth of that."""
    seen: dict[str, str] = {}
    one = seen.setdefault

    def share(hit: Hit) -> Hit:
        r = hit.record
        return Hit(replace(
            r, message=one(r.message, r.message), time=r.time and one(r.time, r.time),
            instance=r.instance and one(r.instance, r.instance), level=r.level and one(r.level, r.level),
        ), hit.matches, hit.before, hit.after, hit.reach, hit.history)  # fmt: skip

    return [Run(share(h.hit), h.count, h.step, h.stamps, h.lines) if type(h) is Run else share(h) for h in hits]  # type: ignore[arg-type]


def ranges(block: Block, per: int = 1) -> Iterator[tuple[str, int, int, int, bool, bool]]:
    """The parts of a big plain file handed on unread (`Block.rest`): runs of `per` of the plain read's own
    blocks, read with the same buffer size (from a line longer than its largest buffer, which it cuts, the
    rest of the file as one part). A range that starts where the plain read starts a block, read with the
    buffer size the plain read had there, is read into the same blocks whatever its length (the buffer
    grows at a long line as the plain read's did)."""
    from analyzer.engine.parallel import boundaries

    source, start, cap, size = block.origin  # type: ignore[misc]
    run: list[int] = []  # offset, length, cap, blocks of the range being made
    for offset, length, cap_used in boundaries(source, start, cap, size):
        if run and run[3] < per:
            run[1] += length
            run[3] += 1
            continue
        if run:
            yield source, run[0], run[1], run[2], run[0] == start, run[0] + run[1] >= size
        run = [offset, length, cap_used, 1]
    if run:
        yield source, run[0], run[1], run[2], run[0] == start, run[0] + run[1] >= size


RANGE_BLOCKS = 4  # at most this many blocks per worker's part: 16 MB, a tenth of the main process's work per part
RANGES_PER_WORKER = 8  # at least this many parts per worker where the file allows (they finish close together)


def blocks_per_range(size: int, cap: int, workers: int) -> int:
    """How many of the plain read's blocks a worker's part holds. Each part costs the main process a
    submission, a result to unpickle and a merge, and its worker a fresh buffer and the line before it:
    on the 500 MB reference file, parts of 16 MB instead of 4 took 0.15 s less CPU. Few parts per worker
    would leave one core idle at the end, and a part's entries are held whole: a dense log's (an outage,
    one Redis line in four) peak RSS went from 60 to 73 MB with parts of 16 MB."""
    return max(1, min(RANGE_BLOCKS, size // (max(1, workers) * RANGES_PER_WORKER * max(1, cap))))


def split(block: Block, plan: Plan, workers: int, input_format: str = "auto") -> Iterator[Summary]:
    """The summaries of a big plain file's parts, in order, scanned by `workers` processes."""
    from analyzer.engine.parallel import pool as start

    pool = start(plan, workers)
    _, start, cap, size = block.origin  # type: ignore[misc]
    try:
        per = blocks_per_range(size - start, cap, workers)
        for part in pool.map(summarize_range, ((*r, input_format) for r in ranges(block, per))):
            part.engines = [pool.name]
            yield part
    finally:
        pool.close()
