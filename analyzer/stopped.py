"""The app's work stopped with the Redis failures: the client worked before them, the server went away.

A client that prints nothing when it connects (ioredis, redis-py, Redis.pm, coredis) leaves one trace of its earlier
success: the app's own work. A worker prints 'round 5: counter=5', a consumer 'chat: received hello 6', a web
process 'POST /orders/5 201' again and again; the server goes away, and from the first refusal on that line is
printed no more. What is general is the shape: the app's line just before an instance's first Redis failure is of
a form (analyzer.storms.form_of) it had printed before too, among its lines before that failure (Hit.history, which
the scanner gives an instance's first entries), then `resumed_after` Redis failures or more came, and no line of
that form around any of them up to the last. An app whose URL was never right fails at its first use of Redis:
work that needs Redis never printed, and work that does not goes on between the failures.

Read at the end of the input (a line of that form between two failures takes it back) as the affinity's `stopped`
rule, a fact (kind context) whose `seen` lets a refusal on the client's default address say "the server went away"
rather than "the URL was never set" (rules/redis/connection/redis-econnrefused.yaml). A part of `Judge`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analyzer.engine.shapes import split_label
from analyzer.engine.scan import EARLY, Hit
from analyzer.judge_shapes import MAX_STREAMS, _Aggregate, _evidence
from analyzer.model import LogRecord
from analyzer.storms import _WORDS, form_of

_Key = tuple[str, str]  # (source, instance)


@dataclass
class _Work:
    """The app's line before a stream's first Redis failure, a form it had printed before: is it printed again?"""

    line: LogRecord
    form: str
    prints: int  # lines of the form among the app's lines before the failure (the one before it included)
    failures: int  # Redis failures since (the first included)
    seq: int  # the first failure's place in the story
    back: bool = False  # a line of the form came after the last failure so far (a next failure takes it back)


@dataclass
class WorkState:
    hits: dict[_Key, int] = field(default_factory=dict)  # hits per stream so far, up to EARLY (Hit.history)
    pending: dict[_Key, _Work] = field(default_factory=dict)
    decided: set[_Key] = field(default_factory=set)  # streams whose first failure was read (bounded)


class StoppedReading:
    def _count_hit(self, record: LogRecord, times: int) -> None:
        """Count a stream's first hits, as the scanner counts an instance's first entries (the judge reads a history
        only where every read of the log, whole or in byte ranges, gave one)."""
        key = (record.source, record.instance or "")
        hits = self._work.hits
        n = hits.get(key, 0)
        if n < EARLY:
            if key not in hits and len(hits) >= MAX_STREAMS:
                del hits[next(iter(hits))]
            hits[key] = n + times

    def _work_step(self, hit: Hit, down: bool, times: int) -> None:
        """Follow the app's work around a stream's Redis failures (`down`: the hit is one, `times` copies of it)."""
        aff = self.affinity
        if aff is None or not aff.stopped:
            return
        record = hit.record
        key = (record.source, record.instance or "")
        state = self._work
        work = state.pending.get(key)
        if work is None:
            if down and key not in state.decided:
                self._first_failure(hit, key, times)
            return
        before = hit.before is not None and form_of(hit.before.message) == work.form
        if down:
            if work.back or before:  # the work came back between failures: it did not need Redis
                del state.pending[key]
                return
            work.failures += times
        if before or any(form_of(r.message) == work.form for r in hit.after):
            work.back = True

    def _first_failure(self, hit: Hit, key: _Key, times: int) -> None:
        state = self._work
        if len(state.decided) >= MAX_STREAMS:
            return
        state.decided.add(key)
        before = hit.before
        if before is None or not hit.history or state.hits.get(key, 0) - times >= EARLY:
            return  # not one of the stream's first hits: no read of the log gave it the app's lines
        form = form_of(before.message)
        body = split_label(before.message)[1]  # a process label (docker's 'web-1  | ') is not the app's words
        if not _WORDS.search(form_of(body)) or body[:1].isspace():  # an empty line, a frame, a continuation: no work
            return
        prints = sum(form_of(m) == form for m in hit.history)
        after = [form_of(r.message) for r in hit.after]
        if prints >= 2:
            state.pending[key] = _Work(before, form, prints, times, self._seq, back=form in after)

    def _settle_work(self) -> None:
        """At the end of the input: each stream whose work stopped for good with `resumed_after` failures or more
        (or came back only after the last) is the affinity's `stopped` fact. Called on a copy (the diagnosis never
        changes the judge)."""
        aff = self.affinity
        for work in self._work.pending.values():
            if work.failures < aff.resumed_after:  # type: ignore[union-attr]
                continue
            rule_id = aff.stopped  # type: ignore[union-attr]
            key = (rule_id, ())
            ev = _evidence(work.line)
            agg = self._aggs.get(key)
            if agg is None:
                agg = self._aggs[key] = _Aggregate(rule_id, (), 0, ev, ev, work.seq, work.seq, sample=self._sample(work.line))
            agg.count += 1
            agg.add_fields({"line": work.form, "prints": str(work.prints), "failures": str(work.failures)})
            self._seen_rules.add(rule_id)
        self._work.pending.clear()
