"""Copies of one entry counted at once: a part of `Judge` (analyzer.judge), kept apart. A retry storm prints
one error many times a second; the scanner hands the byte-identical copies over as one `Run`, and the judge
counts them at once from the copy on where its state is steady, with exactly the result of feeding them one
by one (tests/test_fold_equivalence.py checks every output format)."""

from __future__ import annotations

from analyzer.engine.scan import Hit, Run


class RunFolding:
    def feed_run(self, run: Run) -> list[str]:
        """Copies of one entry, one after another (a retry storm): the same as feeding `run.hits()` one by one.
        Copies are fed one by one until one finds the judge as the copy before it found it (`_steady`); from
        there every copy takes the same decisions and changes the same counts, so the rest are counted at once
        (each at its own time on the timeline, when copies have their own: nothing the judge decides reads it)."""
        new: list[str] = []
        if self._storm.resume:  # a recovery pending on the stream: its next hit decides it (analyzer.storms)
            self._settle(run.hit)
        what = _content(run.hit)
        memo = self._steady_memo
        before = memo[1] if memo is not None and memo[0] == what else None
        for done, hit in enumerate(run.hits()):
            now = self._steady(hit)
            if now is not None and now == before:
                # a state that a copy left as it found it: every copy fed in it does the same
                self._steady_memo = (what, now)
                stamps = None if run.stamps is None else run.times_from(done)
                new.extend(self._feed_one(hit, times=run.count - done, last=run.last(), stamps=stamps))
                return new
            before = now
            new.extend(self.feed(hit))
        return new

    def _steady(self, hit: Hit) -> tuple | None:  # type: ignore[type-arg]
        """What the next hit's decisions and first-time paths read of the judge, with its sequence numbers and
        lines as order and distance: two copies of an entry that find the same take the same path, and so does
        every copy after them (each copy sets what it reads to the same values again, or leaves it alone).
        The timeline is not read: nothing the judge decides reads it, and adding copies at once adds what
        adding them one by one would (TimelineBuilder.add). None: never fold (failures held, or claimed, wait
        on the lines that follow)."""
        if self._held or self._claimed:
            return None
        record = hit.record
        stream = record.instance or ""
        near = self._near.get((record.source, stream))
        marks = self._marks.get(stream, {})
        return (
            None if near is None else (record.line - near[0], near[1]),
            tuple(sorted(marks, key=marks.__getitem__)),
            self._last_hit.get(stream),
            self._chained.get(stream),
            self._last_cause.get(stream),
            self._redis_hosts.get((record.source, stream)),
            self._timeline[-1][1] if self._timeline else None,
            (len(self._aggs), len(self._seen_rules), len(self._templates), len(self._not_redis), len(self._timeline),
             len(self._marks), len(self._near), len(self._last_hit), len(self._chained), len(self._last_cause)),
            tuple((len(a.instances), len(a.sources), a.cause_key, sum(map(len, a.fields.values())))
                  for a in self._aggs.values()),
        )


def _content(hit: Hit) -> tuple:  # type: ignore[type-arg]
    """A copy's content: all of the hit but its lines and time (what the judge's decisions can read)."""
    r = hit.record
    return (r.message, r.source, r.instance, r.level, r.type, r.id, (r.end_line or r.line) - r.line, hit.matches)
