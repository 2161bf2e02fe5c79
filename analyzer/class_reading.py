"""Errors as data: a Redis line no rule names, that says a failure class in its own words ('RedisClient::ConnectionError:
Connection reset by peer', redis-plus-plus' 'Failed to get reply: Connection reset by peer', credis' 'errno=104
Connection reset by peer'), is that class's rule, not "a Redis error no rule names". The class files say which
rule (`rule:` in rules/classes/*.yaml). A part of `Judge` (analyzer.judge), kept apart: it is the judge's reading
of a line through the failure classes when no rule's wording fits it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from analyzer.engine.affinity import Tie
from analyzer.engine.classes import FailureClass
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


def class_signals(classes: Iterable[FailureClass], rules: Iterable[str]) -> tuple[ClassSignal, ...]:
    """The classes that name a rule of the run (a user pack may leave one out)."""
    known = set(rules)
    out = []
    for fc in classes:
        signal = fc.signal()
        if fc.rule in known and signal:
            out.append(ClassSignal(fc.name, fc.rule, re.compile(signal)))
    return tuple(out)


class ClassReading:
    def _read_class(self, hit: Hit) -> tuple[Hit, Tie | None]:
        """The entry's hit with its class's rule added, and the tie that says why, when the entry names Redis, is an
        error, names no cause itself, and says a failure class; else the hit as it was. The class said first in the
        entry wins (the outermost message; a cause chain repeats it below)."""
        aff = self.affinity  # type: ignore[attr-defined]
        signals: tuple[ClassSignal, ...] = self.class_signals  # type: ignore[attr-defined]
        text = hit.record.message
        # an error line naming Redis (unnamed_line's two tests, the client looked for once); or an exception printed
        # right under a Redis line of the same instance ('java.io.IOException: <the OS's words>' under Redisson's
        # 'CommandsQueue : Exception occured. Channel: [… R:host:6379]', a blank line between at most): that line
        # names the client, the exception says what happened to it. Never an exception line by itself (any socket's)
        if not signals or aff is None or not aff.error_line(text):
            return hit, None
        named = aff.names_redis(text) or self._under_redis_line(hit)
        best: tuple[int, ClassSignal, str] | None = None
        for signal in signals:
            m = signal.regex.search(text)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), signal, m.group(0))
        if best is None:
            return hit, None
        _, signal, said = best
        if not named:
            return self._bare(hit, signal), None
        tie = Tie(True, "affinity.class", {"signal": aff.in_text(text) or "Redis", "said": said.strip()[:60], "class": signal.name})
        return replace(hit, matches=(*hit.matches, (signal.rule, {}))), tie

    def _bare(self, hit: Hit, signal: ClassSignal) -> Hit:
        """A line that says a failure class and names no Redis ('Connection error: Connection refused', hiredis' errstr
        printed by the app; 'Error: Connection refused (os error 111)'): its class's rule, with the endpoint the line
        names, decided by the affinity like any endpoint rule's hit (another service's port; a Redis line just before it;
        a Redis connection under way; else held, then not Redis). Not when it is the message of a Redis error just above
        that a rule named as another failure ('Redis::TimeoutError' then 'Connection timed out'): that is one event."""
        rule = self.rules.get(signal.rule)  # type: ignore[attr-defined]
        if rule is None or rule.affinity is None:
            return hit
        record = hit.record
        stream = record.instance or ""
        above = self._near.get((record.source, stream))  # type: ignore[attr-defined]
        last: tuple[str, ...] = self._last_hit.get(stream, ())  # type: ignore[attr-defined]
        if above is not None and 0 < record.line - above <= UNDER and signal.rule not in last and any(
            self.rules[r].kind in ("cause", "symptom") for r in last if r in self.rules  # type: ignore[attr-defined]
        ):
            return hit
        return replace(hit, matches=(*hit.matches, (signal.rule, self.affinity.endpoint_in(record.message))))  # type: ignore[attr-defined]

    def _under_redis_line(self, hit: Hit) -> bool:
        """The entry is an exception's own line printed right under the last Redis line of its instance."""
        record = hit.record
        near: dict[tuple[str, str], int] = self._near  # type: ignore[attr-defined]
        above = near.get((record.source, record.instance or ""))
        return above is not None and 0 < record.line - above <= UNDER and bool(EXCEPTION_HEAD.match(record.message))
