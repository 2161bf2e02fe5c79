"""Records -> matches. One combined prefilter over each whole block finds the few candidate lines;
only those are parsed and tried rule by rule.

The prefilter is built from literals every match must contain (derived from each rule's regex, see
analyzer.regex), so it never misses a line a rule would match, whether the line is raw text or a
JSON-escaped API log line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from analyzer.model import LogRecord, Rule
from analyzer.regex import required_keywords
from analyzer.sources.files import Block, Problems
from analyzer.sources.formats import UnparsedRecord, parse_line

# Words that make a line "error-looking": lines with them that no rule explains are reported.
ERROR_WORDS = (
    "error", "exception", "traceback", "fatal", "panic", "failed", "failure", "refused", "timeout",
    "timed out", "unhandled", "cannot ", "could not", "unable to", "denied", "econn", "etimedout",
    "enotfound", "epipe", "killed", "out of memory", "exited with status",
)  # fmt: skip
_ERROR_RE = re.compile("|".join(re.escape(w) for w in ERROR_WORDS), re.I)

MAX_CONTINUATION = 60  # physical lines one entry (object, stack trace) may span
MAX_FOREIGN = 20  # other instances' lines skipped while gathering one entry
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


@dataclass(frozen=True, slots=True)
class Hit:
    """A record and every rule it matched (empty: an unexplained error-looking record)."""

    record: LogRecord
    matches: tuple[tuple[str, dict[str, str]], ...]


@dataclass(frozen=True)
class Plan:
    rules: tuple[Rule, ...]
    prefilter: re.Pattern[str]
    keyword_index: tuple[tuple[str, bool, tuple[int, ...]], ...]  # keyword, ignore case, rule positions
    unindexed: tuple[int, ...]  # rules tried on every candidate (no literal could be derived)


def _strip_names(pattern: str) -> str:
    """A rule regex as one alternative of the combined prefilter: no group names, scoped flags."""
    body = re.sub(r"\(\?P<[A-Za-z_]\w*>", "(?:", pattern)
    m = re.match(r"\(\?([aiLmsux]+)\)", body)
    if m:
        return f"(?{m.group(1)}:{body[m.end():]})"
    return f"(?:{body})"


def compile_plan(rules: tuple[Rule, ...] | list[Rule]) -> Plan:
    rules = tuple(rules)
    index: dict[tuple[str, bool], set[int]] = {}
    unindexed: list[int] = []
    raw_alternatives: list[str] = []
    for pos, rule in enumerate(rules):
        if rule.keywords:
            for kw in rule.keywords:
                index.setdefault((kw.lower(), True), set()).add(pos)
            continue
        for pattern in rule.patterns:
            derived = required_keywords(pattern.pattern)
            if derived is None:
                unindexed.append(pos)
                raw_alternatives.append(_strip_names(pattern.pattern))
                continue
            words, ignore_case = derived
            for kw in words:
                index.setdefault((kw.lower() if ignore_case else kw, ignore_case), set()).add(pos)
    sensitive = sorted((k for k, ci in index if not ci), key=len, reverse=True)
    insensitive = sorted({k for k, ci in index if ci} | {w for w in ERROR_WORDS}, key=len, reverse=True)
    parts = [re.escape(k) for k in sensitive]
    parts.append("(?i:" + "|".join(re.escape(k) for k in insensitive) + ")")
    parts.extend(raw_alternatives)
    keyword_index = tuple((k, ci, tuple(sorted(p))) for (k, ci), p in sorted(index.items()))
    return Plan(rules, re.compile("|".join(parts)), keyword_index, tuple(sorted(set(unindexed))))


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
                out.append((rule.id, fields))
                break
    return tuple(out)


def _depth(message: str) -> int:
    """Open braces/brackets left by a line, quoted strings ignored (Node prints objects over lines)."""
    if not any(c in message for c in "{}[]"):
        return 0
    bare = _QUOTED.sub("", message)
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
    return stripped.startswith("at ") and ("(" in stripped or ":" in stripped)


class _Lines:
    """Physical lines of a block, parsed on demand."""

    def __init__(self, block: Block, fmt: str, problems: Problems):
        self.block, self.fmt, self.problems = block, fmt, problems
        self.text = block.text

    def record_at(self, start: int, end: int, line_no: int) -> LogRecord | None:
        if self.block.records is not None:
            return self.block.records[line_no - self.block.start_line]
        try:
            return parse_line(self.text[start:end], self.block.source, line_no, self.fmt)
        except UnparsedRecord:
            self.problems.note(f"{self.block.source}:{line_no}")
            return None


def _gather(lines: _Lines, first: LogRecord, end: int, line_no: int) -> tuple[LogRecord, list[int]]:
    """Join the continuation lines of an entry (a Node object, a stack trace) to it.

    Returns the joined record and the text offsets of the lines it consumed. Lines of other
    instances in between are skipped, not consumed: they are scanned on their own.
    """
    text = lines.text
    depth = _depth(first.message)
    parts = [first.message]
    consumed: list[int] = []
    consumed_line = line_no
    pos, n = end + 1, line_no + 1
    foreign = 0
    while pos < len(text) and len(parts) < MAX_CONTINUATION and foreign <= MAX_FOREIGN:
        nl = text.find("\n", pos)
        stop = nl if nl >= 0 else len(text)
        record = lines.record_at(pos, stop, n)
        if record is not None:
            if first.instance and record.instance and record.instance != first.instance:
                foreign += 1
            elif _continues(record.message, depth):
                parts.append(record.message)
                depth = max(0, depth + _depth(record.message))
                consumed.append(pos)
                consumed_line = n
            else:
                break
        elif lines.block.records is None and not text[pos:stop].strip() and depth == 0:
            break  # a blank line ends an entry unless an object is still open
        pos, n = stop + 1, n + 1
    if len(parts) == 1:
        return first, consumed
    joined = LogRecord(
        source=first.source,
        line=first.line,
        message="\n".join(parts),
        time=first.time,
        instance=first.instance,
        level=first.level,
        type=first.type,
        id=first.id,
        end_line=consumed_line,
    )
    return joined, consumed


def scan_block(block: Block, plan: Plan, problems: Problems, fmt: str = "auto") -> Iterator[Hit]:
    """Candidate entries of one block, in order, each with the rules it matched."""
    text = block.text
    lines = _Lines(block, fmt, problems)
    line_no, counted_to = block.start_line, 0
    done_to = -1  # end of the last line handled: further prefilter hits on it are skipped
    consumed: set[int] = set()  # starts of lines already joined to an earlier entry
    for m in plan.prefilter.finditer(text):
        pos = m.start()
        if pos <= done_to:
            continue
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        done_to = end
        if start in consumed:
            continue
        line_no += text.count("\n", counted_to, start)
        counted_to = start
        record = lines.record_at(start, end, line_no)
        if record is None:
            continue
        record, joined = _gather(lines, record, end, line_no)
        if joined:
            consumed = {c for c in consumed if c > start}
            consumed.update(joined)
        matches = classify(plan, record.message)
        if matches or _ERROR_RE.search(record.message):
            yield Hit(record, matches)
