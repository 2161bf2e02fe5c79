"""Records -> matches. One combined prefilter over each whole block finds the few candidate lines;
only those are parsed and tried rule by rule.

The prefilter is built from literals every match must contain (derived from each rule's regex, see
analyzer.engine.regex), so it never misses a line a rule would match, whether the line is raw text or a
JSON-escaped API log line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from analyzer.model import LogRecord, Rule
from analyzer.engine.regex import required_keywords
from analyzer.sources.files import Block, Problems
from analyzer.sources.formats import UnparsedRecord, parse_line
from analyzer.sources.text import repair_mojibake

# Words that make a line "error-looking": lines with them that no rule explains are reported.
ERROR_WORDS = (
    "error", "exception", "traceback", "fatal", "panic", "failed", "failure", "refused", "timeout",
    "timed out", "unhandled", "cannot ", "could not", "unable to", "denied", "econn", "etimedout",
    "enotfound", "epipe", "killed", "out of memory", "exited with status",
)  # fmt: skip
_ERROR_RE = re.compile("|".join(re.escape(w) for w in ERROR_WORDS), re.I)


def error_looking(message: str) -> bool:
    """A line no rule explains is reported (unexplained, or a Redis error no rule names) only when it looks like an error."""
    return _ERROR_RE.search(message) is not None

SMALL_BLOCK = 1 << 20  # below this, the prefilter engine with no compile cost is used
MAX_CONTINUATION = 60  # physical lines one entry (object, stack trace) may span
MAX_TRACEBACK = 400  # a Python traceback, chained ones included (Django's run to a few hundred lines)
MAX_FOREIGN = 20  # other instances' lines skipped while gathering one entry
_BRACKET = re.compile(r"[{}\[\]]")
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
# A Python traceback is one entry: its frames, the exception line that ends it, and the tracebacks chained to it
_PY_TRACEBACK = "Traceback (most recent call last):"
_PY_CHAINS = (
    "During handling of the above exception, another exception occurred:",
    "The above exception was the direct cause of the following exception:",
)
_PY_EXCEPTION = re.compile(
    r"(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Interrupted|Interrupt|Exit|Warning|Failure|error|timeout|Timeout)"
    r"(?:: |:?$)"
)
# Go's network error stopped before its reason ('dial tcp 127.0.0.1:6379: connect: '), as a paste wrapped at the
# terminal's width leaves it: the next line, if it starts with a lowercase word, is that reason. Narrow on purpose:
# a line may end with ': ' because it printed an empty value (go-redis 'invalid redis URL scheme: ').
_CUT = re.compile(r"\b(?:dial|read|write) (?:tcp|udp|unix)[46]? \S+: (?:connect|connectex|read|write|wsarecv|wsasend|getsockopt): $")
_FRAMES, _ENDED, _CHAINED = 1, 2, 3  # where a Python traceback entry stands
# Ruby's report of an uncaught exception: 'path:line:in `method': message (Class)', its '\tfrom …' frames, then
# the same for each cause ('… (SocketError)' under '… (Redis::CannotConnectError)'): one entry
_RUBY_HEAD = re.compile(r"\S+:\d+:in [`'][^`']*': .*\([A-Z]\w*(?:::\w+)*\)$")


@dataclass(frozen=True, slots=True)
class Hit:
    """A record and every rule it matched (empty: an unexplained error-looking record)."""

    record: LogRecord
    matches: tuple[tuple[str, dict[str, str]], ...]


@dataclass(frozen=True)
class Plan:
    rules: tuple[Rule, ...]
    keyword_index: tuple[tuple[str, bool, tuple[int, ...]], ...]  # keyword, ignore case, rule positions
    unindexed: tuple[int, ...]  # rules tried on every candidate (no literal could be derived)
    needles: tuple[tuple[str, bool], ...] = ()  # every literal the prefilter looks for, with ignore case
    engine_name: str | None = None  # None: RLA_ENGINE, else the fastest available

    @cached_property
    def engine(self):  # type: ignore[no-untyped-def]
        """The compiled multi-literal search (built on first use: a paste never pays for it)."""
        from analyzer.engine.prefilter import Needles, build

        return build(Needles(self.needles), self.engine_name)

    @cached_property
    def light_engine(self):  # type: ignore[no-untyped-def]
        """The pure-Python engine: no compile cost, for small blocks (pastes, API pages)."""
        from analyzer.engine.prefilter import Needles, PythonEngine

        return PythonEngine(Needles(self.needles))

    def engine_for(self, size: int):  # type: ignore[no-untyped-def]
        """Hyperscan's compile (tens of ms) pays for itself only on big input: a block smaller than
        SMALL_BLOCK uses the pure-Python engine unless the big one is built already or was asked for."""
        if size < SMALL_BLOCK and self.engine_name is None and "engine" not in self.__dict__:
            return self.light_engine
        return self.engine

    @cached_property
    def every_line(self) -> bool:
        """A rule without any literal makes every line a candidate (slow, but never wrong)."""
        return bool(self.unindexed)


def compile_plan(rules: tuple[Rule, ...] | list[Rule], engine: str | None = None) -> Plan:
    rules = tuple(rules)
    index: dict[tuple[str, bool], set[int]] = {}
    unindexed: list[int] = []
    for pos, rule in enumerate(rules):
        if rule.keywords:
            for kw in rule.keywords:
                index.setdefault((kw.lower(), True), set()).add(pos)
            continue
        for pattern in rule.patterns:
            known = getattr(pattern, "keywords", None)  # a LazyPattern remembers them (and the cache keeps them)
            derived = known() if known is not None else required_keywords(pattern.pattern)
            if derived is None:
                unindexed.append(pos)
                continue
            words, ignore_case = derived
            for kw in words:
                index.setdefault((kw.lower() if ignore_case else kw, ignore_case), set()).add(pos)
    keyword_index = tuple((k, ci, tuple(sorted(p))) for (k, ci), p in sorted(index.items()))
    needles = tuple(dict.fromkeys([(k, ci) for k, ci, _ in keyword_index] + [(w, True) for w in ERROR_WORDS]))
    engine = engine or os.environ.get("RLA_ENGINE") or None
    if engine == "auto":
        engine = None
    return Plan(rules, keyword_index, tuple(sorted(set(unindexed))), needles, engine)


def classify(plan: Plan, message: str) -> tuple[tuple[str, dict[str, str]], ...]:
    """Every rule the message matches, with the evidence fields each one extracted."""
    lowered = message.lower()
    candidates = set(plan.unindexed)
    for kw, ignore_case, positions in plan.keyword_index:
        if kw in (lowered if ignore_case else message):
            candidates.update(positions)
    out = []
    for pos in sorted(candidates):
        rule = plan.rules[pos]
        fields = match_rule(rule, message)
        if fields is not None:
            out.append((rule.id, fields))
    return tuple(out)


CLASSIFY_CACHE = 4096  # distinct messages remembered per scanner (a retry storm repeats a handful)


class Classifier:
    """`classify` with a bounded memory of the messages seen: a retry storm repeats the same few
    messages with a new timestamp, and the message (time and instance parsed off) is the whole input
    of `classify`, so each distinct one is tried against the rules once. The oldest is forgotten first."""

    __slots__ = ("plan", "_seen", "limit")

    def __init__(self, plan: Plan, limit: int = CLASSIFY_CACHE):
        self.plan, self.limit = plan, limit
        self._seen: dict[str, tuple[tuple[str, dict[str, str]], ...]] = {}

    def __call__(self, message: str) -> tuple[tuple[str, dict[str, str]], ...]:
        seen = self._seen
        found = seen.get(message)
        if found is None:
            found = classify(self.plan, message)
            if len(seen) >= self.limit:
                del seen[next(iter(seen))]
            seen[message] = found
        return found


def match_rule(rule: Rule, message: str) -> dict[str, str] | None:
    """The evidence fields if the rule matches the message (its first matching pattern, then its
    optional `extract` patterns), else None."""
    for pattern in rule.patterns:
        m = pattern.search(message)
        if m:
            fields = {k: v for k, v in m.groupdict().items() if v is not None}
            for extra in rule.extract:
                e = extra.search(message)
                if e:
                    for k, v in e.groupdict().items():
                        if v is not None:
                            fields.setdefault(k, v)
            return fields
    return None


def _depth(message: str) -> int:
    """Open braces/brackets left by a line, quoted strings ignored (Node prints objects over lines)."""
    if _BRACKET.search(message) is None:
        return 0
    bare = _QUOTED.sub("", message) if "'" in message or '"' in message else message
    return bare.count("{") + bare.count("[") - bare.count("}") - bare.count("]")


def _continues(message: str, depth: int) -> bool:
    if depth > 0:
        return True
    stripped = message.lstrip()
    if not stripped:
        return False
    if stripped[0] in "}])":
        return True
    if message[0] in " \t":
        return True
    if stripped.startswith("Emitted 'error' event on "):  # Node's crash report continues the error above it
        return True
    return stripped.startswith("at ") and ("(" in stripped or ":" in stripped)


class _Lines:
    """Physical lines of a block's bytes, decoded and parsed on demand."""

    def __init__(self, block: Block, fmt: str, problems: Problems):
        self.block, self.fmt, self.problems = block, fmt, problems
        self.data, self.size = block.buffer()
        self.repair = not block.clean
        self._last: tuple[int, LogRecord | None] | None = None  # the line parsed last, by offset
        self._noted: set[int] = set()  # unparsed lines counted (an entry may look past one, then it is a candidate)

    def decode(self, start: int, end: int) -> str:
        text = self.data[start:end].decode("utf-8", "replace")
        if self.repair and not text.isascii():
            text = repair_mojibake(text)
        return text

    def record_at(self, start: int, end: int, line_no: int) -> LogRecord | None:
        if self.block.records is not None:
            return self.block.records[line_no - self.block.start_line]
        if self._last is not None and self._last[0] == start:
            # the line that ended an entry is the next candidate: parsed once (and noted once if unparsed)
            return self._last[1]
        try:
            record: LogRecord | None = parse_line(self.decode(start, end), self.block.source, line_no, self.fmt)
        except UnparsedRecord:
            if start not in self._noted:
                self._noted.add(start)
                self.problems.note(f"{self.block.source}:{line_no}")
            record = None
        self._last = (start, record)
        return record

    def blank(self, start: int, end: int) -> bool:
        return self.block.records is None and not self.decode(start, end).strip()


_TAKE, _SKIP, _STOP = 0, 1, 2


class _Entry:
    """One entry being gathered: its first line, then the continuation lines joined to it (a Node
    object, a stack trace). Lines of other instances in between are skipped, not consumed: they are
    scanned on their own. Gathering may go on into the next block of the same source."""

    __slots__ = ("first", "single", "parts", "depth", "last_line", "foreign", "done", "gap", "py", "final", "ruby", "cut")

    def __init__(self, first: LogRecord, single: tuple[tuple[str, dict[str, str]], ...]):
        self.first, self.single = first, single
        self.parts = [first.message]
        self.depth = _depth(first.message)
        self.last_line = first.line
        self.foreign = 0
        self.done = False
        self.gap = False  # a blank line was passed: only an indented/"at"/closing line may continue
        # a Python traceback: its phase (None: not one), and the index in parts of the exception line that ends it
        self.py = _FRAMES if first.message.startswith(_PY_TRACEBACK) else None
        self.final: int | None = None
        self.ruby = bool(_RUBY_HEAD.match(first.message))
        self.cut = False  # a line cut after its colon was joined to the next: the first line's matches are stale

    def offer(self, record: LogRecord | None, blank: bool, line_no: int) -> int:
        if len(self.parts) >= (MAX_TRACEBACK if self.py else MAX_CONTINUATION) or self.foreign > MAX_FOREIGN:
            return _STOP
        first = self.first
        if record is not None:
            if first.instance and record.instance and record.instance != first.instance:
                self.foreign += 1
                return _SKIP
            if self.py in (_ENDED, _CHAINED) and not record.message.strip():
                return _SKIP  # an empty record (API logs) where Python printed the blank line
            if self.py is not None:
                verdict = self._python(record.message)
                if verdict is not None:
                    if verdict == _TAKE:
                        self.parts.append(record.message)
                        self.last_line = line_no
                        self.gap = False
                    return verdict
            if self.ruby and self.parts[-1].lstrip().startswith("from ") and _RUBY_HEAD.match(record.message):
                self.parts.append(record.message)  # the cause of the exception above, with its own frames
                self.last_line = line_no
                return _TAKE
            if not self.gap and self.depth == 0 and record.message[:1].islower() and _CUT.search(self.parts[-1]):
                # a message cut after its colon ('dial tcp 127.0.0.1:6379: connect: ' / 'connection refused', a
                # paste wrapped at the terminal's width): the next line is the rest of the same line
                self.parts[-1] += record.message
                self.last_line = line_no
                self.cut = True
                return _TAKE
            if _continues(record.message, self.depth) and (not self.gap or record.message[:1] in " \t}])"):
                self.parts.append(record.message)
                self.depth = max(0, self.depth + _depth(record.message))
                self.last_line = line_no
                self.gap = False
                return _TAKE
            return _STOP
        if blank and self.py in (_ENDED, _CHAINED):
            return _SKIP  # Python puts a blank line around 'During handling of the above exception…'
        if blank and self.depth == 0:
            # a blank line ends an entry unless an object is still open, or the dashboard copy put one in
            # the middle of a stack trace: then the next line, indented, still belongs to the entry
            if self.gap:
                return _STOP
            self.gap = True
        return _SKIP

    def _python(self, message: str) -> int | None:
        """A Python traceback goes on to the exception line that ends it ('ConnectionRefusedError: [Errno 111]
        Connection refused', often the only line naming the failure), then through 'During handling of the
        above exception…' to the traceback chained to it. None: decide as for any entry."""
        if self.py == _FRAMES:
            if message[:1] not in " \t" and _PY_EXCEPTION.match(message):
                self.py, self.final = _ENDED, len(self.parts)
                return _TAKE
            return None
        if self.py == _ENDED and message.startswith(_PY_CHAINS):
            self.py = _CHAINED
            return _TAKE
        if self.py == _CHAINED and message.startswith(_PY_TRACEBACK):
            self.py = _FRAMES
            return _TAKE
        return _STOP

    def feed(self, lines: _Lines, pos: int, line_no: int, consumed: set[int]) -> None:
        """Offer the lines from `pos` (line `line_no`) on; sets `done` unless the block ran out."""
        data, size = lines.data, lines.size
        while pos < size:
            nl = data.find(b"\n", pos, size)
            stop = nl if nl >= 0 else size
            record = lines.record_at(pos, stop, line_no)
            verdict = self.offer(record, record is None and lines.blank(pos, stop), line_no)
            if verdict == _STOP:
                self.done = True
                return
            if verdict == _TAKE:
                consumed.add(pos)
            pos, line_no = stop + 1, line_no + 1
        if not lines.block.more:
            self.done = True

    def message(self) -> str:
        """The joined text of the entry; a Python traceback's last exception line comes first: it names the
        failure (the sample, unexplained templates, patterns anchored at the start), the tracebacks follow as
        its evidence."""
        parts = self.parts
        if self.final is not None:
            parts = [parts[self.final], *parts[: self.final], *parts[self.final + 1 :]]
        return "\n".join(parts)

    def hit(self, classifier: Classifier) -> Hit | None:
        if len(self.parts) == 1 and not self.cut:
            record, matches = self.first, self.single
        else:
            f = self.first
            record = LogRecord(
                source=f.source,
                line=f.line,
                message=self.message(),
                time=f.time,
                instance=f.instance,
                level=f.level,
                type=f.type,
                id=f.id,
                end_line=self.last_line,
            )
            matches = classifier(record.message)
        if matches or _ERROR_RE.search(record.message):
            return Hit(record, matches)
        return None


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
        plan = self.plan
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
