"""Physical lines -> entries: a line that a rule matches, or that looks like an error, starts an entry,
and its continuation lines (a Node object, a stack trace, a Python traceback, a Go error cut at the
terminal's width) are joined to it, across block boundaries too."""

from __future__ import annotations

from analyzer.engine.match import Classifier, Hit, error_looking
from analyzer.engine.shapes import (
    FRAME,
    FRAME_RECORD,
    GO_CUT,
    JVM_CAUSE,
    MESSAGE_NEXT,
    MONOLOG_PREVIOUS,
    NODE_FIELD,
    PHP_FRAME,
    PY_CHAINS,
    PY_EXCEPTION,
    PY_TRACEBACK,
    ROOT_CAUSE_NEXT,
    RUBY_HEAD,
    TRACKER_FRAME,
    continues,
    open_depth,
    split_label,
)
from analyzer.model import LogRecord
from analyzer.sources.files import Block, Problems
from analyzer.sources.formats import UnparsedRecord, node_system_error, parse_line
from analyzer.sources.text import repair_mojibake


MAX_CONTINUATION = 60  # physical lines one entry (object, stack trace) may span
MAX_TRACEBACK = 400  # a Python traceback, chained ones included (Django's run to a few hundred lines)
MAX_FOREIGN = 20  # other instances' lines skipped while gathering one entry
_FRAMES, _ENDED, _CHAINED = 1, 2, 3  # where a Python traceback entry stands
MAX_HEADLESS = 24  # lines looked at above a frame for its head


class _Lines:
    """Physical lines of a block's bytes, decoded and parsed on demand."""

    def __init__(self, block: Block, fmt: str, problems: Problems):
        self.block, self.fmt, self.problems = block, fmt, problems
        self.data, self.size = block.buffer()
        self.repair = not block.clean
        self._last: tuple[int, LogRecord | None] | None = None  # the line parsed last, by offset
        self._noted: set[int] = set()  # unparsed lines counted (an entry may look past one, then it is a candidate)
        self.classify: Classifier | None = None  # the scanner's, with its memory: a storm's next line costs a lookup

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
                self.problems.note_line(self.block.source, line_no)
            record = None
        self._last = (start, record)
        return record

    def starts_entry(self, message: str) -> bool:
        """The line is an entry of its own (a rule matches it, or it looks like an error), not the app's ordinary output."""
        if self.classify is not None:
            return bool(self.classify(message)) or self.classify.plan.error_looking(message)
        return error_looking(message)

    def blank(self, start: int, end: int) -> bool:
        return self.block.records is None and not self.decode(start, end).strip()

    def before(self, start: int, line_no: int, taken: set[int], last: int, copies: int = 0) -> LogRecord | None:
        """The ordinary line before the line at `start` (line `line_no`), blank lines passed; None when it
        belongs to an entry (`taken`: lines joined to one, `last`: the last entry's first line, `copies`: the end of
        the copies of an entry folded into a Run), is before the
        block's start, or does not parse (it is not counted as unparsed: no entry needs it)."""
        data, pos = self.data, start
        for _ in range(3):  # the dashboard's copy puts blank lines in
            if pos <= 0:
                return None
            prev = data.rfind(b"\n", 0, pos - 1) + 1
            line_no -= 1
            if prev in taken or prev == last or prev < copies:
                return None
            record = self._quiet(prev, pos - 1, line_no)
            if record is None or not record.message.strip():
                if record is None and not self.blank(prev, pos - 1):
                    return None
                pos = prev
                continue
            return record
        return None

    def frames_above(self, start: int, line_no: int, taken: set[int], last: int, label: str) -> tuple[str, ...]:
        """The indented lines right above the line at `start` (line `line_no`), in order, under the same process label,
        when one of them is a frame (Python's '  File "…", line N, in f', the JVM's); () otherwise. Stops at a line of an entry
        (`taken`, `last`), a blank or unparsed line, a line at the margin."""
        pos, out = start, []
        for _ in range(MAX_HEADLESS if start > 0 else 0):
            prev, line_no = self.data.rfind(b"\n", 0, pos - 1) + 1, line_no - 1
            record = None if prev in taken or prev == last else self._quiet(prev, pos - 1, line_no)
            own, body = split_label(record.message) if record is not None else ("", "")
            if record is None or own != label or body[:1] not in " \t":
                break
            out.append(body)
            pos = prev
            if pos <= 0:
                break
        return tuple(reversed(out)) if any(FRAME.match(b) for b in out) else ()

    def history(self, start: int, line_no: int, instance: str | None, n: int) -> tuple[tuple[str, ...], bool]:
        """Up to `n` of the app's ordinary lines of `instance` (None: any) before the line at `start` (line
        `line_no`), nearest first, first line only and cut (Hit.history); blank lines and other instances' lines
        passed (2n lines looked at, at most). Stops at a line that is an entry of its own, one that does not parse,
        or the block's start: the lines themselves decide, never what was scanned before, so a byte range read on
        its own finds what a whole read finds. The second value says whether the look reached the block's start."""
        data, pos = self.data, start
        out: list[str] = []
        for _ in range(2 * n):
            if len(out) >= n:
                break
            if pos <= 0:
                return tuple(out), True
            prev = data.rfind(b"\n", 0, pos - 1) + 1
            line_no -= 1
            record = self._quiet(prev, pos - 1, line_no)
            if record is None:
                if not self.blank(prev, pos - 1):
                    break
            elif record.message.strip():
                if self.starts_entry(record.message):
                    break
                if not instance or record.instance in (None, instance):
                    out.append(_around(record).message)
            pos = prev
        return tuple(out), False

    def peek(
        self, pos: int, line_no: int, n: int, instance: str | None, reach: int
    ) -> tuple[tuple[LogRecord, ...], int, int, bool]:
        """Up to `n` lines from `pos` (line `line_no`) on, after the line `reach` looked at last; blank lines passed
        (three in a row end it), stopping at another instance's line or one that does not parse. Returns the
        lines, the last line looked at, the offset of the first line not looked at, and whether the look ended
        (False: the block ran out first). Nothing is consumed, cached or counted."""
        data, size = self.data, self.size
        out: list[LogRecord] = []
        blanks = 0
        while len(out) < n and blanks < 3:
            if pos >= size:
                return tuple(out), reach, size, False
            nl = data.find(b"\n", pos, size)
            end = nl if nl >= 0 else size
            record = self._quiet(pos, end, line_no)
            if record is None or not record.message.strip():
                if record is None and not self.blank(pos, end):
                    return tuple(out), reach, pos, True
                blanks += 1
            elif instance and record.instance and record.instance != instance:
                return tuple(out), reach, pos, True
            else:
                out.append(_around(record))
                blanks = 0
            reach, pos, line_no = line_no, end + 1, line_no + 1
        return tuple(out), reach, pos, True

    def _quiet(self, start: int, end: int, line_no: int) -> LogRecord | None:
        """The line parsed for a look around an entry: never cached, never counted as unparsed."""
        if self.block.records is not None:
            return self.block.records[line_no - self.block.start_line]
        try:
            return parse_line(self.decode(start, end), self.block.source, line_no, self.fmt)
        except UnparsedRecord:
            return None


_TAKE, _SKIP, _STOP = 0, 1, 2


class _Entry:
    """One entry being gathered: its first line, then the continuation lines joined to it (a Node
    object, a stack trace). Lines of other instances in between are skipped, not consumed: they are
    scanned on their own. Gathering may go on into the next block of the same source."""

    __slots__ = (
        "first", "single", "parts", "depth", "last_line", "foreign", "done", "gap", "py", "final", "ruby", "cut", "label",
        "before", "after", "reach", "history",
    )  # fmt: skip

    def __init__(self, first: LogRecord, single: tuple[tuple[str, dict[str, str]], ...]):
        self.first, self.single = first, single
        self.parts = [first.message]
        # a message holding a newline: a structured logger's whole event (loguru's traceback, heldout59), none left open
        self.depth = 0 if "\n" in first.message else open_depth(first.message)
        self.label, body = split_label(first.message)
        self.last_line = first.line
        self.foreign = 0
        self.done = False
        self.gap = False  # a blank line was passed: only an indented/"at"/closing line may continue
        # a Python traceback: its phase (None: not one), and the index in parts of the exception line that ends it
        self.py = _FRAMES if body.startswith(PY_TRACEBACK) else None
        self.final: int | None = None
        self.ruby = bool(RUBY_HEAD.match(body))
        self.cut = False  # a line cut after its colon was joined to the next: the first line's matches are stale
        self.before: LogRecord | None = None  # the ordinary line just before it (the scanner sets it)
        self.after: tuple[LogRecord, ...] = ()  # the ordinary line that ended it, and the next two
        self.reach = 0  # the last line looked at after it
        self.history: tuple[str, ...] = ()  # the app's lines before it, nearest first (the scanner sets it: Hit.history)

    def clone(self) -> "_Entry":
        """The entry as it stands, to offer a line to without changing this one."""
        other = _Entry.__new__(_Entry)
        for name in self.__slots__:
            setattr(other, name, getattr(self, name))
        other.parts = list(self.parts)
        return other

    def take_frames_above(self, lines: _Lines, start: int, line_no: int, taken: set[int], last: int) -> None:
        """A Python exception line, or the JVM's 'Caused by: …', at the margin under indented lines: a traceback pasted without its
        head (a paste often starts at a frame), whose frames belong to it: the exception says the failure, the frames whose it is
        (public heldout35 redis/redis-py#1796, WinError 10054 under redis-py's frames; heldout61 redis/lettuce#912, Lettuce's)."""
        body = split_label(self.first.message)[1]
        if self.py is None and self.before is not None and body[:1] not in " \t" and (PY_EXCEPTION.match(body) or body.startswith(JVM_CAUSE)):
            self.parts.extend(lines.frames_above(start, line_no, taken, last, self.label))

    def offer(self, record: LogRecord | None, blank: bool, line_no: int) -> int:
        if len(self.parts) >= (MAX_TRACEBACK if self.py else MAX_CONTINUATION) or self.foreign > MAX_FOREIGN:
            return _STOP
        first = self.first
        if record is not None:
            if first.instance and record.instance and record.instance != first.instance:
                self.foreign += 1
                return _SKIP
            label, message = split_label(record.message)
            if label and self.label and label != self.label:
                self.foreign += 1  # another process's line, relayed between two of this one's
                return _SKIP
            if self.py in (_ENDED, _CHAINED) and not message.strip():
                return _SKIP  # an empty record (API logs) where Python printed the blank line
            if self.py is not None:
                verdict = self._python(message)
                if verdict is not None:
                    if verdict == _TAKE:
                        self.parts.append(message)
                        self.last_line = line_no
                        self.gap = False
                    return verdict
            if self.ruby and self.parts[-1].lstrip().startswith("from ") and RUBY_HEAD.match(message):
                self.parts.append(message)  # the cause of the exception above, with its own frames
                self.last_line = line_no
                return _TAKE
            if message.startswith(MONOLOG_PREVIOUS):
                self.parts.append(message)  # an earlier cause in Monolog's chain, a blank line between or not
                self.last_line = line_no
                self.gap = False
                return _TAKE
            if self.depth == 0 and self._cause_or_frame(message):
                self.parts.append(message)
                self.last_line = line_no
                self.gap = False
                return _TAKE
            if not self.gap and self.depth == 0 and message[:1].islower() and GO_CUT.search(self.parts[-1]):
                # a message cut after its colon ('dial tcp 127.0.0.1:6379: connect: ' / 'connection refused', a
                # paste wrapped at the terminal's width): the next line is the rest of the same line
                self.parts[-1] += message
                self.last_line = line_no
                self.cut = True
                return _TAKE
            if continues(message, self.depth) and (not self.gap or message[:1] in " \t}])"):
                self.parts.append(message)
                self.depth = max(0, self.depth + (0 if label.isdigit() else open_depth(message)))
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
        elif blank:
            # an object still open across a blank line goes on only with an indented or closing line: a line at the
            # margin after it is a record of its own, the brace left open by a line cut short (Monolog's context
            # '{"exception":"[object] (CredisException(code: 2): Lost connection to Redis server. at ...', the rest
            # elided by the user, then 'main.CRITICAL: LOADING …': public heldout36 MRLIVING/magento#76)
            self.gap = True
        return _SKIP

    def _cause_or_frame(self, message: str) -> bool:
        """A record that continues the entry though it stands at the margin, the platform having made it a record of
        its own: a frame (Ruby's, after a logger's prefix or none; PHP's), the JVM's 'Caused by:', the root cause a servlet
        error announced, a Python traceback after the line that logged it (`logger.exception`), a Rust panic's message
        or a tracker's message under its header. A blank line the dashboard's copy put in between does not part them."""
        stripped = message.lstrip()
        if stripped.startswith(JVM_CAUSE) or self.parts[-1].rstrip().endswith(ROOT_CAUSE_NEXT):
            return True
        if len(self.parts) == 1 and stripped and MESSAGE_NEXT.search(self.parts[0]):
            return True
        if stripped.startswith(PY_TRACEBACK):
            # only right after an error line of the app's own ('ERROR app: cache unavailable'): a traceback after a
            # status line ('PING -> True') is a failure of its own
            if self.py is None and not self.ruby and len(self.parts) == 1 and error_looking(self.parts[0]):
                self.py = _FRAMES
                return True
            return False
        if stripped.startswith("#") and PHP_FRAME.match(stripped) is not None:
            return True
        if " line " in stripped and TRACKER_FRAME.match(stripped) is not None:
            return True
        if NODE_FIELD.match(stripped) and (len(self.parts) == 1 or NODE_FIELD.match(self.parts[-1].lstrip())):
            return True
        return ":in " in message and FRAME_RECORD.match(message) is not None

    def _python(self, message: str) -> int | None:
        """A Python traceback goes on to the exception line that ends it ('ConnectionRefusedError: [Errno 111]
        Connection refused', often the only line naming the failure), then through 'During handling of the
        above exception…' to the traceback chained to it. None: decide as for any entry."""
        if self.py == _FRAMES:
            if message[:1] not in " \t" and PY_EXCEPTION.match(message):
                self.py, self.final = _ENDED, len(self.parts)
                return _TAKE
            return None
        if self.py == _ENDED and message.startswith(PY_CHAINS):
            self.py = _CHAINED
            return _TAKE
        if self.py == _CHAINED and message.startswith(PY_TRACEBACK):
            self.py = _FRAMES
            return _TAKE
        return _STOP

    def feed(self, lines: _Lines, pos: int, line_no: int, consumed: set[int]) -> int:
        """Offer the lines from `pos` (line `line_no`) on; sets `done` unless the block ran out. Returns
        how far it looked: the start of the line that ended it (or of the first line after those looked at
        past it), or the block's size."""
        data, size = lines.data, lines.size
        while pos < size and not self.after:
            nl = data.find(b"\n", pos, size)
            stop = nl if nl >= 0 else size
            record = lines.record_at(pos, stop, line_no)
            verdict = self.offer(record, record is None and lines.blank(pos, stop), line_no)
            if verdict == _STOP:
                if record is None or lines.starts_entry(record.message):
                    self.done = True
                    if record is not None:  # an entry of its own: its hit says the rest
                        self.reach = line_no
                    return pos
                # an ordinary line ended it: the two after it may tell more (analyzer.storms), looked at below
                self.after, self.reach = (_around(record),), line_no
                pos, line_no = stop + 1, line_no + 1
                break
            if verdict == _TAKE:
                consumed.add(pos)
            pos, line_no = stop + 1, line_no + 1
        if self.after:
            more, self.reach, pos, ended = lines.peek(pos, line_no, 3 - len(self.after), self.first.instance, self.reach)
            self.after += more
            if ended or not lines.block.more:
                self.done = True
            return pos  # not ended: the next block of the source goes on with the look (no block size changes it)
        if not lines.block.more:
            self.done = True
        return size

    def message(self) -> str:
        """The joined text of the entry; a Python traceback's last exception line comes first: it names the failure
        (the sample, unexplained templates, patterns anchored at the start), the tracebacks follow as its evidence."""
        parts = self.parts
        if self.final is not None:
            parts = [parts[self.final], *parts[: self.final], *parts[self.final + 1 :]]
        text = "\n".join(parts)
        said = _node_words(parts) if "syscall: " in text else None  # (every joined entry comes here)
        return f"{text}\n{said}" if said and said not in text else text

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
        if matches or classifier.plan.error_looking(record.message):
            return Hit(record, matches, self.before, self.after, self.reach, self.history)
        return None


def _node_words(parts: list[str]) -> str | None:
    """A Node system error printed by its fields alone (`NODE_FIELD`), said as Node says it ('getaddrinfo ENOTFOUND
    redis'), for the rules that read Node's words; None when the entry has no such fields."""
    fields = {}
    for part in parts[1:]:
        m = NODE_FIELD.match(part.lstrip())
        if m:
            fields[m["key"]] = m["value"].strip("'")
    return node_system_error(fields) if "code" in fields and "syscall" in fields else None


AROUND_CHARS = 300  # of a line around an entry, only its form is read (analyzer.judge_shapes.template_of)


def _around(record: LogRecord) -> LogRecord:
    """A line around an entry as the hit keeps it: its first line, cut (a 1 MiB line costs nothing to keep)."""
    message = record.message
    if len(message) <= AROUND_CHARS and "\n" not in message:
        return record
    return LogRecord(record.source, record.line, message.split("\n", 1)[0][:AROUND_CHARS], record.time, record.instance)
