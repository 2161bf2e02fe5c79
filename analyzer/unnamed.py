"""Never silent: a Redis error line no rule names becomes the affinity's `unnamed` finding, quoting it, unless a rule
named another Redis failure in the log. A part of `Judge` (analyzer.judge), kept apart: it is the judge's book of
the lines that name Redis and that no rule explains."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analyzer.engine.affinity import Affinity, Tie
from analyzer.judge_shapes import MAX_INSTANCES, MAX_TIMELINE, _Aggregate, _evidence
from analyzer.model import LogRecord


# what ties a failure to another service by the entry's own evidence (Affinity.tie): its scheme, its port, its client
_OTHER_SERVICE = frozenset({"affinity.other_scheme", "affinity.other_port", "affinity.other_text"})
_MAX_STREAMS = 64


@dataclass
class UnnamedState:
    """Where each stream's last unnamed Redis line ended, and how many such lines their own exception explained."""

    last_end: dict[tuple[str, str], int] = field(default_factory=dict)  # (source, instance) -> its last physical line
    explained: int = 0


def _named_where_logged(aff: Affinity | None, head: str) -> bool:
    """Every Redis signal of the line inside a bracketed token (a thread or logger name), none in its message."""
    if aff is None or aff.text is None:
        return False
    spans = [(m.start(), m.end()) for m in re.finditer(r"\[[^\[\]\n]{1,80}\]", head)]
    found = [m.start() for m in aff.text.finditer(head)]
    return bool(found) and all(any(a < at < b for a, b in spans) for at in found)


class UnnamedBook:
    def _unnamed(self, record: LogRecord, times: int = 1, last: LogRecord | None = None) -> list[str]:
        """Never silent: an error-looking line that names Redis and that no rule explains is kept as the
        affinity's `unnamed` rule, quoting it. Whether it becomes a finding is decided at the end: only
        when no other Redis failure was found (then it is the only trace of one)."""
        aff = self.affinity
        # a line of the app's naming Redis (not the platform's own line about the start command: Affinity.names_redis)
        if aff is None or not aff.names_redis(record.message):
            return []
        # a traceback or error line naming Redis: a failure right after it is Redis's
        last = last or record
        self._note_redis_line(last, None, Tie(True, "affinity.text"))
        if not aff.unnamed or aff.unnamed not in self.rules or not aff.unnamed_line(record.message):
            return []
        rule = self.rules[aff.unnamed]
        key = (aff.unnamed, ())
        agg = self._aggs.get(key)
        ev = _evidence(last)
        if agg is None:
            first = self._seq - times + 1
            agg = self._aggs[key] = _Aggregate(aff.unnamed, (), 0, _evidence(record), ev, first, first, sample=self._sample(record))
        agg.count += times
        agg.last, agg.last_seq = ev, self._seq
        if record.instance and record.instance not in agg.instances and len(agg.instances) < MAX_INSTANCES:
            agg.instances.append(record.instance)
        if record.source not in agg.sources and len(agg.sources) < MAX_INSTANCES:
            agg.sources.append(record.source)
        if rule.state and (not self._timeline or self._timeline[-1][1] != key):
            self._timeline.append((self._seq, key))
            if len(self._timeline) > MAX_TIMELINE:
                del self._timeline[: MAX_TIMELINE // 2]
        self._unnamed_state_note(last, times)
        if aff.unnamed in self._seen_rules:
            return []
        self._seen_rules.add(aff.unnamed)
        return [aff.unnamed]

    def _unnamed_state_note(self, last: LogRecord, times: int) -> None:
        state = self._unnamed_state
        key = (last.source, last.instance or "")
        state.last_end.pop(key, None)
        # a run of copies: only the last one has an entry right after it that may explain it; and only a line whose
        # every Redis signal stands inside brackets, where loggers print the thread ('[redis-notify-pool-thread-2]'):
        # a line saying Redis in its message ('Redis connection lost') stays a Redis error whatever follows it
        if times == 1 and _named_where_logged(self.affinity, last.message.split("\n", 1)[0]):
            state.last_end[key] = last.end_line or last.line
            if len(state.last_end) > _MAX_STREAMS:
                del state.last_end[next(iter(state.last_end))]

    def _explain_unnamed(self, record: LogRecord, tie: Tie) -> None:
        """An app's error line that names Redis only by where it was logged (its thread '[redis-notify-pool-thread-2]'),
        with its exception printed on the very next line and that exception another service's by its own evidence
        (JavaMail's 'Couldn't connect to host, port: smtp.163.com, 25', public heldout37 neweggai/redis-manager#166):
        the two lines are one event, and it is not Redis's, so the line is no unnamed Redis error. Only the entry right
        after it, on the same stream, explains it."""
        if tie.reason not in _OTHER_SERVICE:
            return
        state = self._unnamed_state
        key = (record.source, record.instance or "")
        if state.last_end.get(key) == record.line - 1:
            del state.last_end[key]
            state.explained += 1


    def _hidden(self) -> set[tuple[str, tuple[int | None, ...]]]:
        """The unnamed Redis errors, when a rule named another Redis failure in the log: that one tells
        the story, and these lines (traceback frames, cause chains) stay in the unexplained list."""
        aff = self.affinity
        if aff is None or not aff.unnamed or (aff.unnamed, ()) not in self._aggs:
            return set()
        if self._aggs[(aff.unnamed, ())].count <= self._unnamed_state.explained:
            return {(aff.unnamed, ())}  # every one of them was an event of another service (_explain_unnamed)
        for key in self._aggs:
            if key[0] == aff.unnamed:
                continue
            rule = self.rules[self._final_id(key)]
            if rule.kind != "context" and (rule.state or self.rules[key[0]].state) in ("down", "degraded"):
                return {(aff.unnamed, ())}
        return set()
