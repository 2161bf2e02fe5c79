"""Never silent: a Redis error line no rule names becomes the affinity's `unnamed` finding, quoting it, unless a rule
named another Redis failure in the log. A part of `Judge` (analyzer.judge), kept apart: it is the judge's book of
the lines that name Redis and that no rule explains."""

from __future__ import annotations

from analyzer.engine.affinity import Tie
from analyzer.judge_shapes import MAX_INSTANCES, MAX_TIMELINE, _Aggregate, _evidence
from analyzer.model import LogRecord


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
        if aff.unnamed in self._seen_rules:
            return []
        self._seen_rules.add(aff.unnamed)
        return [aff.unnamed]


    def _hidden(self) -> set[tuple[str, tuple[int | None, ...]]]:
        """The unnamed Redis errors, when a rule named another Redis failure in the log: that one tells
        the story, and these lines (traceback frames, cause chains) stay in the unexplained list."""
        aff = self.affinity
        if aff is None or not aff.unnamed or (aff.unnamed, ()) not in self._aggs:
            return set()
        for key in self._aggs:
            if key[0] == aff.unnamed:
                continue
            rule = self.rules[self._final_id(key)]
            if rule.kind != "context" and (rule.state or self.rules[key[0]].state) in ("down", "degraded"):
                return {(aff.unnamed, ())}
        return set()
