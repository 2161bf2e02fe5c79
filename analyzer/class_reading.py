"""Errors as data: a Redis line no rule names, that says a failure class in its own words ('RedisClient::ConnectionError:
Connection reset by peer', redis-plus-plus' 'Failed to get reply: Connection reset by peer', credis' 'errno=104
Connection reset by peer'), is that class's rule, not "a Redis error no rule names". The class files say which
rule (`rule:` in rules/classes/*.yaml). A line that says a class and names no Redis is the class's rule too, as a
failure whose endpoint must be tied to Redis (`_bare`). A part of `Judge` (analyzer.judge), kept apart: it is the
judge's reading of a line through the failure classes when no rule's wording fits it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from analyzer.engine.affinity import Affinity, Tie
from analyzer.engine.classes import FailureClass, alone_wordings, wordings_regex
from analyzer.engine.scan import Hit

# an exception printed on a line of its own: its class name (Java, .NET, Python), a colon, its message; and how far
# under the client's line it may be (the next line, or the one after a blank line)
UNDER = 2
EXCEPTION_HEAD = re.compile(r"[ \t]*(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error): \S")


@dataclass(frozen=True)
class ClassSignal:
    """One failure class as the judge reads it: the regex of the class said any way, and the rule it is."""

    name: str
    rule: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class ClassSignals:
    """The classes of a run, and one regex of them all (one scan of a line finds the class said first)."""

    signals: tuple[ClassSignal, ...] = ()
    regex: re.Pattern[str] | None = None
    # the wordings that are an error by themselves (`error_alone` classes): a first line saying one is an error line
    alone: re.Pattern[str] | None = None

    def said_alone(self, text: str) -> bool:
        """The text's first line says an `error_alone` class's wording."""
        return self.alone is not None and self.alone.search(text.split("\n", 1)[0]) is not None

    def __bool__(self) -> bool:
        return bool(self.signals)

    def first(self, text: str) -> tuple[ClassSignal, str] | None:
        """The class said first in the text (the earlier listed one at the same place), and its words."""
        m = self.regex.search(text) if self.regex is not None else None
        return None if m is None else (self.signals[int(m.lastgroup[1:])], m.group(0))  # type: ignore[index]


def class_signals(classes: Iterable[FailureClass], rules: Iterable[str]) -> ClassSignals:
    """The classes that name a rule of the run (a user pack may leave one out)."""
    known = set(rules)
    classes = tuple(classes)
    out = []
    for fc in classes:
        signal = fc.signal()
        if fc.rule in known and signal:
            out.append(ClassSignal(fc.name, fc.rule, re.compile(signal)))
    if not out:
        return ClassSignals()
    # each class's regex as a named alternative: the leftmost match of the union is the class said first
    alone = wordings_regex(alone_wordings(classes))
    union = re.compile("|".join(f"(?P<c{i}>{s.regex.pattern})" for i, s in enumerate(out)))
    return ClassSignals(tuple(out), union, re.compile(alone) if alone else None)


def nearby_line(hit: Hit, near: tuple[int, bool] | None, aff: Affinity, failures_only: bool = False) -> int | None:
    """The line of a Redis line just before the entry, same source and instance, within the affinity's window: the
    last Redis failure or attempt (`near`: its line, and whether it was a failure; `failures_only`: not an attempt), or
    the app's ordinary line right before the entry (no entry of its own) naming Redis."""
    record = hit.record
    if near is not None and (near[1] or not failures_only) and 0 <= record.line - near[0] <= aff.window:
        return near[0]
    before = hit.before
    if before is not None and before.instance == record.instance and aff.names_redis(before.message):
        return before.line
    return None


class ClassReading:
    def _read_class(self, hit: Hit) -> tuple[Hit, Tie | None]:
        """The entry's hit with its class's rule added, and the tie that says whether it is Redis's and why, when the
        entry is an error, names no cause itself, and says a failure class; else the hit as it was. The class said
        first in the entry wins (the outermost message; a cause chain repeats it below)."""
        aff = self.affinity  # type: ignore[attr-defined]
        signals: ClassSignals = self.class_signals  # type: ignore[attr-defined]
        text = hit.record.message
        if not signals or aff is None or not aff.error_line(text, alone=signals.said_alone(text)):
            return hit, None
        found = signals.first(text)
        if found is None:
            return hit, None
        signal, said = found
        # an error line naming Redis (unnamed_line's two tests, the client looked for once); or an exception printed
        # right under a Redis line of the same instance ('java.io.IOException: <the OS's words>' under Redisson's
        # 'CommandsQueue : Exception occured. Channel: [… R:host:6379]', a blank line between at most): that line
        # names the client, the exception says what happened to it. Any other line is read as `_bare` reads it
        named = aff.app_signal(text)
        if named is None and not self._under_redis_line(hit):
            return self._bare(hit, signal)
        tie = Tie(True, "affinity.class", {"signal": named or "Redis", "said": said.strip()[:60], "class": signal.name})
        return replace(hit, matches=(*hit.matches, (signal.rule, {}))), tie

    def _bare(self, hit: Hit, signal: ClassSignal) -> tuple[Hit, Tie | None]:
        """A line that says a failure class and names no Redis ('Connection error: Connection refused', hiredis' errstr
        printed by the app; 'Error: Connection refused (os error 111)'): its class's rule, with the endpoint its first
        line names, when evidence ties it to Redis: the endpoint (a Redis port or host; another service's: not Redis),
        then a Redis failure just before it or the app's own line naming Redis right before it, or a Redis error after
        it that claims it (held meanwhile). Not a Redis connection under way or once made: any client's failure may
        follow those ('🔄 Redis connecting…', then PostgreSQL's refusal). Nor the message of a Redis error just above
        that a rule named as another failure ('Redis::TimeoutError' then 'Connection timed out'): that is one event."""
        rule = self.rules.get(signal.rule)  # type: ignore[attr-defined]
        aff: Affinity = self.affinity  # type: ignore[attr-defined]
        if rule is None or rule.affinity is None:
            return hit, None
        record = hit.record
        key = (record.source, record.instance or "")
        near: tuple[int, bool] | None = self._near.get(key)  # type: ignore[attr-defined]
        last: tuple[str, ...] = self._last_hit.get(key[1], ())  # type: ignore[attr-defined]
        if near is not None and 0 < record.line - near[0] <= UNDER and signal.rule not in last and any(
            self.rules[r].kind in ("cause", "symptom") for r in last if r in self.rules  # type: ignore[attr-defined]
        ):
            return hit, None
        fields = aff.endpoint_in(record.message.split("\n", 1)[0])
        nearby = nearby_line(hit, near, aff, failures_only=True)
        hosts = self._redis_hosts.get(key, frozenset())  # type: ignore[attr-defined]
        tie = aff.tie(fields, record.message, nearby, False, False, hosts, self._not_redis_endpoints())  # type: ignore[attr-defined]
        return replace(hit, matches=(*hit.matches, (signal.rule, fields))), tie

    def _under_redis_line(self, hit: Hit) -> bool:
        """The entry is an exception's own line printed right under the last Redis line of its instance."""
        record = hit.record
        near: dict[tuple[str, str], tuple[int, bool]] = self._near  # type: ignore[attr-defined]
        above = near.get((record.source, record.instance or ""))
        return above is not None and 0 < record.line - above[0] <= UNDER and bool(EXCEPTION_HEAD.match(record.message))
