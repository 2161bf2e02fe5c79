"""One message against the rules: the plan (the prefilter's literals and the rules they reach), the
classification of a message with its memory, and what makes a line error-looking."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from analyzer.engine.classes import wording_needle, wordings_regex
from analyzer.engine.regex import required_keywords
from analyzer.model import LogRecord, Rule

# Words that make a line "error-looking": lines with them that no rule explains are reported.
ERROR_WORDS = (
    "error", "exception", "traceback", "fatal", "panic", "failed", "failure", "refused", "timeout",
    "timed out", "unhandled", "cannot ", "could not", "unable to", "denied", "econn", "etimedout",
    "enotfound", "epipe", "killed", "out of memory", "exited with status",
    # a limit a server or provider enforces, its only word of failure ('ERR max daily request limit exceeded', Upstash)
    "exceeded",
    # Go's crypto/x509 prints only errors and none holds an error word ('x509: "*.host" certificate is not standards
    # compliant', 'x509: certificate is valid for a, not b'; public heldout39 redis/go-redis#2058)
    "x509: ",
    # vert.x's failure type, the only word of failure of a Quarkus Redis error ('Caused by: io.vertx.core.impl.
    # NoStackTraceThrowable: Pool initialized with SSL but connection requested plain socket', public heldout61
    # quarkusio/quarkus#41548)
    "throwable",
    # Ruby's system errors, each a class under Errno, printed in an uncaught exception's report with no other word of
    # failure ('socket.rb:1214:in `__connect_nonblock\': Operation already in progress - connect(2) for 10.75.0.9:6379
    # (Errno::EALREADY)' above redis-rb's frames: real, samples/heldout75/ledger-ruby/reject-icmp-midrun.log)
    "errno::",
    # go-redis' Ring marking a shard down after its health check failed, with no word of failure ('ring shard state
    # changed: Redis<:6379 db:0> is down', public heldout83 redis/go-redis#1007); its 'is up' is no error
    # (rules/affinity.yaml `unnamed_error` asks for 'is down')
    "shard state changed: ",
    # StackExchange.Redis' 'No connection is available to service this operation: HGET', pasted bare with no word of
    # failure (public heldout90 Azure/Azure-Functions#962, Azure/aspnet-redis-providers#140); and a Ruby frame of an
    # exception being rescued, the first line of a trace pasted without its message ('…/redis/client.rb:270:in `rescue
    # in io\'', public heldout90 redis/redis-rb#931): rules/affinity.yaml `unnamed_error` says which are Redis's
    "to service this operation",
    ":in `rescue in ", ":in 'rescue in ",  # Ruby 3.4 quotes its frames' labels with ' instead of `
)  # fmt: skip
_ERROR_RE = re.compile("|".join(re.escape(w) for w in ERROR_WORDS), re.I)
_ERROR_LOWER = tuple(w.lower() for w in ERROR_WORDS)
# Past this length an ASCII line is searched for the words as substrings of its lowered text (one fast pass per word)
# instead of through the regex, which tries every word at every position: 4.7 s for one 10 MB line (tests/test_hardening)
LONG_LINE = 64 * 1024


def error_looking(message: str) -> bool:
    """A line no rule explains is reported (unexplained, or a Redis error no rule names) only when it looks like an error."""
    if len(message) > LONG_LINE and message.isascii():  # the same answer: an ASCII line lowered holds a word lowered
        lowered = message.lower()
        return any(w in lowered for w in _ERROR_LOWER)
    return _ERROR_RE.search(message) is not None

SMALL_BLOCK = 1 << 20  # below this, the prefilter engine with no compile cost is used
@dataclass(frozen=True, slots=True)
class Hit:
    """A record and every rule it matched (empty: an unexplained error-looking record)."""

    record: LogRecord
    matches: tuple[tuple[str, dict[str, str]], ...]
    # the lines around the entry, first line only and cut: `before` the app's ordinary line just before it (none when
    # an entry's), `after` the ordinary line that ended it and the next two (none when an entry's first line ended it);
    # `reach` the last line looked at after the entry (blank lines too). The judge reads a storm of failures between
    # two ordinary lines of the same form (analyzer.storms)
    before: LogRecord | None = None
    after: tuple[LogRecord, ...] = ()
    reach: int = 0
    # the app's ordinary lines before the entry, nearest first (`before`'s included), first line only and cut: set on
    # an instance's first entries only (Scanner.EARLY), where the judge asks whether the app's work stopped with the
    # failures that start there (analyzer.stopped)
    history: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Run:
    """`count` copies of one entry, each `step` physical lines after the one before and the same but for
    their line numbers and, where `stamps` is set, their time and record id: a retry storm prints one error
    many times a second (byte for byte the same within a second in the dashboard's form, a new time each
    second; each copy its own time in API records and RFC 3339 lines). The scanner hands them over at once
    (parsed once), the judge counts them at once where its state is steady (`Judge.feed_run`); `hits()`
    gives them one by one, as a scan that does not fold them would."""

    hit: Hit  # the first copy
    count: int
    step: int
    # (time, id, copies) of each stretch of copies with the same time and id, in order; None: all the first's
    stamps: tuple[tuple[str | None, str | None, int], ...] | None = None
    lines: tuple[int, ...] | None = None  # each copy's record line (a JSON document's records: the document's)

    def hits(self) -> Iterator[Hit]:
        matches, before, history = self.hit.matches, self.hit.before, self.hit.history
        for i, copy in enumerate(self.copies()):
            # the line after it is the next copy's first, as the scan finds it
            reach = (copy.end_line or copy.line) + 1 if self.lines is None else self.hit.reach + i * self.step
            yield Hit(copy, matches, before if i == 0 else None, reach=reach, history=history if i == 0 else ())

    def copies(self) -> Iterator[LogRecord]:
        """The record of each copy, in order."""
        record, step = self.hit.record, self.step
        stamps = self.stamps or ((record.time, record.id, self.count),)
        i = 0
        for time, ident, n in stamps:
            for _ in range(n):
                r = shifted(record, i * step)
                if i and (time != r.time or ident != r.id or self.lines is not None):
                    line = r.line if self.lines is None else self.lines[i]
                    r = LogRecord(r.source, line, r.message, time, r.instance, r.level, r.type, ident, r.end_line)
                yield r
                i += 1

    def last(self) -> LogRecord:
        """The record of the last copy."""
        r = shifted(self.hit.record, (self.count - 1) * self.step)
        if self.stamps is None and self.lines is None:
            return r
        time, ident, _ = self.stamps[-1] if self.stamps else (r.time, r.id, 0)
        line = r.line if self.lines is None else self.lines[-1]
        return LogRecord(r.source, line, r.message, time, r.instance, r.level, r.type, ident, r.end_line)

    def times_from(self, done: int) -> list[tuple[str | None, int]]:
        """(time, copies) of each stretch of copies from copy `done` on."""
        out: list[tuple[str | None, int]] = []
        for time, _, n in self.stamps or ((self.hit.record.time, None, self.count),):
            if done >= n:
                done -= n
                continue
            out.append((time, n - done))
            done = 0
        return out


def shifted(record: LogRecord, lines: int) -> LogRecord:
    """The same entry `lines` physical lines further down."""
    if not lines:
        return record
    r, end = record, record.end_line  # the constructor, not dataclasses.replace: ten times cheaper
    return LogRecord(r.source, r.line + lines, r.message, r.time, r.instance, r.level, r.type, r.id,
                     None if end is None else end + lines)


@dataclass(frozen=True)
class Plan:
    """The rules of a run, indexed by the literals the prefilter finds."""

    rules: tuple[Rule, ...]
    keyword_index: tuple[tuple[str, bool, tuple[int, ...]], ...]  # keyword, ignore case, rule positions
    unindexed: tuple[int, ...]  # rules tried on every candidate (no literal could be derived)
    needles: tuple[tuple[str, bool], ...] = ()  # every literal the prefilter looks for, with ignore case
    engine_name: str | None = None  # None: RLA_ENGINE, else the fastest available
    # the wordings of the failure classes that are an error by themselves (`error_alone`): a line saying one is an
    # error-looking line, as one with an error word ('Connexion refusée' printed by hiredis under a French locale)
    alone: tuple[str, ...] = ()

    @cached_property
    def alone_re(self) -> re.Pattern[str] | None:
        regex = wordings_regex(self.alone)
        return re.compile(regex) if regex else None

    @cached_property
    def alone_needles(self) -> tuple[str, ...]:
        """The lowered literal each ASCII `alone` wording needs (`wording_needle`): a long ASCII line holding none of
        them cannot say one, and skips `alone_re` (16 s on one 10 MB line)."""
        return tuple(needle for needle, blind in map(wording_needle, self.alone) if blind)

    def error_looking(self, message: str) -> bool:
        """`error_looking`, or the message says an `error_alone` class's wording."""
        if error_looking(message):
            return True
        alone = self.alone_re
        if alone is None:
            return False
        if len(message) > LONG_LINE and message.isascii():
            lowered = message.lower()
            if not any(needle in lowered for needle in self.alone_needles):
                return False
        return alone.search(message) is not None

    @cached_property
    def engine(self):  # type: ignore[no-untyped-def]
        """The compiled multi-literal search (built on first use: a paste never pays for it)."""
        from analyzer.engine.prefilter import Needles, build

        return build(Needles(self.needles), self.engine_name, minimal=True)

    @cached_property
    def light_engine(self):  # type: ignore[no-untyped-def]
        """The engine for small blocks (pastes, API pages): Aho-Corasick where installed (its automaton of
        every needle is built in about 1 ms, and it reads a paste in one pass: the Python engine makes one
        `bytes.find` pass per needle, 360 of them, about 0.8 ms per 3 KB sample), else the pure-Python one."""
        from analyzer.engine.prefilter import Needles, PythonEngine, light

        return light(Needles(self.needles)) or PythonEngine(Needles(self.needles))

    @cached_property
    def selector(self) -> _Selector:
        """How `classify` finds the keywords a message holds (see _Selector)."""
        return _Selector(self.keyword_index)

    def engine_for(self, size: int):  # type: ignore[no-untyped-def]
        """Hyperscan's compile (tens of ms) pays for itself only on big input: a block smaller than
        SMALL_BLOCK uses the light engine unless the big one is built already or was asked for."""
        if size < SMALL_BLOCK and self.engine_name is None and "engine" not in self.__dict__:
            return self.light_engine
        return self.engine

    @cached_property
    def every_line(self) -> bool:
        """A rule without any literal makes every line a candidate (slow, but never wrong)."""
        return bool(self.unindexed)


def compile_plan(rules: tuple[Rule, ...] | list[Rule], engine: str | None = None, alone: tuple[str, ...] = ()) -> Plan:
    """The plan of these rules; `alone`: the wordings that are an error by themselves (RuleSet.alone), needles too."""
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
    needles = tuple(
        dict.fromkeys(
            [(k, ci) for k, ci, _ in keyword_index] + [(w, True) for w in ERROR_WORDS] + [wording_needle(w) for w in alone]
        )
    )
    engine = engine or os.environ.get("RLA_ENGINE") or None
    if engine == "auto":
        engine = None
    return Plan(rules, keyword_index, tuple(sorted(set(unindexed))), needles, engine, tuple(alone))


class _Selector:
    """The rules whose keywords a message holds. With pyahocorasick, one automaton of the keywords
    lower-cased walks the lower-cased message in C and names the keywords found (a case-sensitive one
    then checked in the message as it is), instead of one `in` per keyword (340 of them, about 60 µs a
    message). Exact: an ASCII keyword in the message is, lower-cased, in the lower-cased message (str.lower
    maps each ASCII character to one); a keyword that is not ASCII is checked as before."""

    __slots__ = ("automaton", "rest")

    def __init__(self, keyword_index: tuple[tuple[str, bool, tuple[int, ...]], ...]) -> None:
        self.automaton = None
        self.rest = keyword_index
        from analyzer.engine.prefilter import aho_corasick

        ahocorasick = aho_corasick()
        if ahocorasick is None:
            return
        keys: dict[str, list[tuple[str, bool, tuple[int, ...]]]] = {}
        rest = []
        for item in keyword_index:
            kw = item[0]
            if kw.isascii() and kw:
                keys.setdefault(kw.lower(), []).append(item)
            else:
                rest.append(item)
        if not keys:
            return
        automaton = ahocorasick.Automaton()
        for key, items in keys.items():
            automaton.add_word(key, tuple(items))
        automaton.make_automaton()
        self.automaton, self.rest = automaton, tuple(rest)

    def candidates(self, message: str, unindexed: tuple[int, ...]) -> set[int]:
        lowered = message.lower()
        candidates = set(unindexed)
        if self.automaton is not None:
            for _, items in self.automaton.iter(lowered):
                for kw, ignore_case, positions in items:
                    if ignore_case or kw in message:
                        candidates.update(positions)
        for kw, ignore_case, positions in self.rest:
            if kw in (lowered if ignore_case else message):
                candidates.update(positions)
        return candidates


def classify(plan: Plan, message: str) -> tuple[tuple[str, dict[str, str]], ...]:
    """Every rule the message matches, with the evidence fields each one extracted."""
    candidates = plan.selector.candidates(message, plan.unindexed)
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
