"""The outage as a story in time: counts per time bucket, Redis's state as intervals, platform events.

`TimelineBuilder` is fed by the judge, one hit at a time, and keeps bounded memory whatever the log's
length: at most MAX_BUCKETS buckets; when the span outgrows them, the bucket size steps up a ladder
of sizes that each divide the next (1 s, 5 s, 10 s, 30 s, 1 min, 5 min, …) and neighbouring buckets
merge exactly. `build()` turns it into a `Timeline` (plain data) once the judge knows each hit's final
rule (reclassification is decided at the end).

Times are read from the record's own text: RFC 3339 (a UTC axis) or a time of day ("08:46:05 PM",
"19:46:16", a 12-hour clock read as 24-hour; the day rolls over when the clock goes back by more than
12 hours). A log whose first timestamp is of one kind ignores the other kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

MAX_BUCKETS = 120
MAX_SERIES = 64  # (rule, instance) pairs; further instances count under OTHER
MAX_MARKER_KINDS = 16
OTHER = "…"
LADDER = (1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 21600, 43200, 86400)
VERSION = 1

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?")
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:\s*([AaPp][Mm])\b)?")
_HALF_DAY = 43_200
Key = tuple  # the judge's aggregate key (rule id, reclassify conditions); opaque here


def _iso_seconds(m: re.Match[str]) -> int | None:
    y, mo, d, h, mi, s, zone = m.groups()
    offset = 0
    if zone and zone not in ("Z", "UTC"):
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)
    try:
        moment = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), tzinfo=timezone.utc)
    except ValueError:
        return None
    return int(moment.timestamp()) - offset


def _clock_seconds(m: re.Match[str]) -> int | None:
    h, mi, s, half = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
    if half:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if half.lower() == "pm" else 0)
    if h > 23 or mi > 59 or s > 60:
        return None
    return h * 3600 + mi * 60 + min(s, 59)


def _step_for(lo: int, hi: int, at_least: int) -> int:
    """The smallest ladder size (>= at_least) that holds [lo, hi] in MAX_BUCKETS aligned buckets."""
    for size in LADDER:
        if size >= at_least and hi // size - lo // size < MAX_BUCKETS:
            return size
    size = LADDER[-1]
    while hi // size - lo // size >= MAX_BUCKETS:
        size *= 2
    return size


@dataclass
class Series:
    """One rule's counts per bucket, for one instance."""

    rule: str
    instance: str | None
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class StateSpan:
    """A stretch of buckets in one state."""

    state: str  # healthy | degraded | failing | recovered
    start: int  # seconds on the timeline's axis (bucket boundaries)
    end: int


@dataclass(frozen=True)
class Marker:
    """A platform event on the timeline (a deploy), with how many times it showed in its bucket."""

    kind: str  # "deploy", or the platform rule's id ("render-service-live"), or "platform" for other ==> lines
    time: int  # the first such event in its bucket, seconds on the axis
    count: int
    text: str  # one (redacted) line, for a tooltip


@dataclass
class Timeline:
    """Plain data for every renderer. `clock` is "utc" (seconds since the epoch) or "time-of-day"
    (seconds since midnight of the log's first day, local to whoever copied the log)."""

    clock: str
    start: int  # the first bucket's start
    bucket_seconds: int
    buckets: int
    first: int  # the first and last timestamps read
    last: int
    series: list[Series] = field(default_factory=list)
    states: list[StateSpan] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    twelve_hour: bool = False  # the log wrote "08:46:05 PM": labels say it the same way

    @property
    def span(self) -> int:
        return self.last - self.first

    def label(self, seconds: int, date: bool = True) -> str:
        """A readable time: '2026-11-26 19:46:16 UTC', or the time of day as the log wrote it ('08:46:05 PM',
        '20:46:05'; '+1d 00:10:00 AM' the next day)."""
        if self.clock == "utc":
            moment = datetime.fromtimestamp(seconds, timezone.utc)
            return moment.strftime("%Y-%m-%d %H:%M:%S UTC" if date else "%H:%M:%S")
        day, rest = divmod(seconds, 86400)
        text = f"{rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}"
        if self.twelve_hour:
            hour = rest // 3600
            text = f"{(hour % 12) or 12:02d}:{rest // 60 % 60:02d}:{rest % 60:02d} {'PM' if hour >= 12 else 'AM'}"
        return f"+{day}d {text}" if day else text

    def bucket_start(self, index: int) -> int:
        return self.start + index * self.bucket_seconds

    def per_instance(self, rules: Iterable[str] | None = None) -> dict[str | None, list[int]]:
        """Counts per instance, summed over the given rules (all when None), instances in order of volume."""
        wanted = set(rules) if rules is not None else None
        out: dict[str | None, list[int]] = {}
        for s in self.series:
            if wanted is not None and s.rule not in wanted:
                continue
            row = out.setdefault(s.instance, [0] * self.buckets)
            for i, c in enumerate(s.counts):
                row[i] += c
        return dict(sorted(out.items(), key=lambda kv: -sum(kv[1])))

    def to_dict(self) -> dict:
        return {
            "version": VERSION,
            "clock": self.clock,
            "start": self.label(self.start),
            "start_seconds": self.start,
            "bucket_seconds": self.bucket_seconds,
            "buckets": self.buckets,
            "first": self.label(self.first),
            "last": self.label(self.last),
            "first_seconds": self.first,
            "last_seconds": self.last,
            "series": [{"rule": s.rule, "instance": s.instance, "counts": s.counts} for s in self.series],
            "states": [
                {"state": s.state, "start": self.label(s.start), "end": self.label(s.end),
                 "offset": s.start - self.start, "seconds": s.end - s.start}
                for s in self.states
            ],
            "markers": [
                {"kind": m.kind, "time": self.label(m.time), "offset": m.time - self.start, "count": m.count,
                 "text": m.text}
                for m in self.markers
            ],
        }


@dataclass
class TimelineBuilder:
    """Bounded, streaming. Feed each hit's time with what it counted; `build()` at any moment."""

    clock: str | None = None
    size: int = 1
    origin: int = 0
    first: int | None = None
    last: int | None = None
    _day: int = 0
    _twelve: bool = False
    _prev_clock: int | None = None
    _counts: dict[tuple[Key, str | None], dict[int, int]] = field(default_factory=dict)
    _states: dict[int, dict[Key, int]] = field(default_factory=dict)  # bucket -> key -> last seq in it
    _markers: dict[tuple[int, str], list] = field(default_factory=dict)  # (bucket, kind) -> [time, count, text]
    # the last time read and its value: a retry storm prints one time on many lines, and reading the same
    # text again right after changes nothing (the day rolls over only when the clock goes back)
    _read: tuple[str | None, int | None] = (None, None)
    # the last RFC 3339 time read with a fraction of a second: its text up to the seconds, its text after the
    # fraction, its value. A storm with a time on every line changes only the fraction within a second, which
    # the value does not read (_iso_seconds): such a time is its value again, read with no pattern or date
    _iso: tuple[str, str, int] | None = field(default=None, repr=False, compare=False)

    def seconds(self, text: str | None) -> int | None:
        """The record's time on this log's axis, or None (no time, or a time of the other kind)."""
        if not text:
            return None
        if text == self._read[0]:
            return self._read[1]
        iso = self._iso
        if iso is not None and text.startswith(iso[0]):
            # the same text up to the seconds, then [.,] and one ASCII digit or more (all of them in _ISO's
            # fraction), then the same text: _ISO matches where it did, with the same groups
            rest = text[len(iso[0]) :]
            if rest[:1] in (".", ","):
                after = rest[1:].lstrip("0123456789")
                if after == iso[1] and len(after) < len(rest) - 1:
                    self._read = (text, iso[2])
                    return iso[2]
        value = self._seconds(text)
        self._read = (text, value)
        return value

    def _seconds(self, text: str) -> int | None:
        if self.clock != "time-of-day":
            m = _ISO.search(text)
            if m:
                value = _iso_seconds(m)
                if value is not None:
                    self.clock = "utc"
                    head, rest = text[: m.end(6)], text[m.end(6) :]
                    after = rest[1:].lstrip("0123456789")
                    if rest[:1] in (".", ",") and len(after) < len(rest) - 1:
                        self._iso = (head, after, value)
                    return value
            if self.clock == "utc":
                return None
        m = _CLOCK.search(text)
        value = _clock_seconds(m) if m else None
        if value is None:
            return None
        self.clock = "time-of-day"
        self._twelve = self._twelve or bool(m.group(4)) if m else self._twelve
        if self._prev_clock is not None and value < self._prev_clock - _HALF_DAY:
            self._day += 1  # past midnight
        elif self._prev_clock is not None and value > self._prev_clock + _HALF_DAY and self._day:
            self._day -= 1  # a late line from before midnight
        self._prev_clock = value
        return self._day * 86400 + value

    def _fit(self, t: int) -> int:
        """The bucket of t, widening the buckets (merging neighbours) first when t falls outside."""
        if self.first is None or self.last is None:
            self.first = self.last = t
            self.origin = t // self.size * self.size
            return 0
        self.first, self.last = min(self.first, t), max(self.last, t)
        index = (t - self.origin) // self.size
        if 0 <= index < MAX_BUCKETS:
            return index
        size = _step_for(self.first, self.last, self.size)
        origin = self.first // size * size
        remap = {i: (self.origin + i * self.size - origin) // size for i in self._all_buckets()}
        for key, row in self._counts.items():
            merged: dict[int, int] = {}
            for i, c in row.items():
                merged[remap[i]] = merged.get(remap[i], 0) + c
            self._counts[key] = merged
        states: dict[int, dict[Key, int]] = {}
        for i, row in self._states.items():
            target = states.setdefault(remap[i], {})
            for k, seq in row.items():
                target[k] = max(seq, target.get(k, 0))
        self._states = states
        markers: dict[tuple[int, str], list] = {}
        for (i, kind), (time, count, text) in sorted(self._markers.items(), key=lambda kv: kv[1][0]):
            got = markers.get((remap[i], kind))
            if got is None:
                markers[(remap[i], kind)] = [time, count, text]
            else:
                got[1] += count
        self._markers = markers
        self.size, self.origin = size, origin
        return (t - origin) // size

    def _all_buckets(self) -> set[int]:
        out = {i for row in self._counts.values() for i in row} | set(self._states)
        return out | {i for i, _ in self._markers}

    def add(self, time: str | None, instance: str | None, seq: int, counted: Iterable[Key],
            stated: Iterable[Key], marker: tuple[str, str] | None, times: int = 1) -> None:
        """One hit: the keys it counted, the keys whose rule has a state, a platform event (kind, text);
        or `times` copies of it at the same time (the last one `seq`)."""
        t = self.seconds(time)
        if t is not None:
            self._add_at(t, instance, seq, counted, stated, marker, times)

    def add_stamps(self, stamps: Iterable[tuple[str | None, int]], instance: str | None, seq: int,
                   counted: list[Key], stated: list[Key], marker: tuple[str, str] | None) -> None:
        """`add` of each stretch of copies (time, copies) in turn, the first copy after `seq`: a storm's copies
        each with its own time. Neighbouring stretches in the same second are added at once, which changes
        what adding them one by one would in nothing: their counts add up in one bucket, the last one's
        sequence number is kept, the marker is the first's."""
        at: int | None = None  # the second of the stretches held, their copies, the last one's sequence number
        held = last = 0
        read: tuple[str, int] | None = None  # the last time read in the loop below, not by seconds()
        for time, n in stamps:
            seq += n
            iso = self._iso
            if iso is not None and iso[2] == at and time and time.startswith(iso[0]):
                # seconds()'s reading within the second of the last time read, inline: a storm's every copy
                rest = time[len(iso[0]) :]
                if rest[:1] in (".", ","):
                    after = rest[1:].lstrip("0123456789")
                    if after == iso[1] and len(after) < len(rest) - 1:
                        held += n
                        last = seq
                        read = (time, at)
                        continue
            t = self.seconds(time)
            if time:
                read = None  # seconds() noted it
            if t is None:
                continue
            if t != at:
                if at is not None:
                    self._add_at(at, instance, last, counted, stated, marker, held)
                at, held = t, 0
            held += n
            last = seq
        if at is not None:
            self._add_at(at, instance, last, counted, stated, marker, held)
        if read is not None:
            self._read = read  # type: ignore[assignment]

    def _add_at(self, t: int, instance: str | None, seq: int, counted: Iterable[Key],
                stated: Iterable[Key], marker: tuple[str, str] | None, times: int) -> None:
        bucket = self._fit(t)
        for key in counted:
            slot = (key, instance)
            if slot not in self._counts and len(self._counts) >= MAX_SERIES:
                slot = (key, OTHER)
            row = self._counts.setdefault(slot, {})
            row[bucket] = row.get(bucket, 0) + times
        for key in stated:
            self._states.setdefault(bucket, {})[key] = seq
        if marker is not None:
            kind, text = marker
            got = self._markers.get((bucket, kind))
            if got is not None:
                got[1] += times
            elif len({k for _, k in self._markers}) < MAX_MARKER_KINDS or any(k == kind for _, k in self._markers):
                self._markers[(bucket, kind)] = [t, times, text]

    def build(self, final: Callable[[Key], str], state_of: Callable[[Key], str | None],
              ending: str | None = None) -> Timeline | None:
        """`final(key)`: the rule id the key ends as ("" to leave it out); `state_of(key)`: up, down,
        degraded or None (a key that ends as a fact about another service has none); `ending`: the verdict's
        state, which the last column shows (the verdict weighs more than one bucket does: a crash after
        turned-away commands, symptoms of a Redis that is down)."""
        if self.clock is None or self.first is None or self.last is None:
            return None
        n = (self.last - self.origin) // self.size + 1
        rows: dict[tuple[str, str | None], list[int]] = {}
        for (key, instance), counts in self._counts.items():
            rule = final(key)
            if not rule:
                continue
            row = rows.setdefault((rule, instance), [0] * n)
            for i, c in counts.items():
                row[i] += c
        series = [Series(rule, inst, counts) for (rule, inst), counts in rows.items()]
        series.sort(key=lambda s: (-s.total, s.rule, s.instance or ""))
        markers = [Marker(kind, time, count, text) for (_, kind), (time, count, text) in self._markers.items()]
        markers.sort(key=lambda m: m.time)
        return Timeline(self.clock, self.origin, self.size, n, self.first, self.last, series,
                        self._spans(n, state_of, ending), markers, self._twelve)

    def _spans(self, n: int, state_of: Callable[[Key], str | None], ending: str | None = None) -> list[StateSpan]:
        """Replay the judge's rule: in a bucket a degraded hit shows "degraded", else a down hit
        "failing"; an up hit after any trouble is "recovered", before any "healthy"; an empty bucket
        keeps the state the previous one ended in."""
        spans: list[StateSpan] = []
        current: str | None = None  # the state a bucket ends in, carried forward
        trouble = False
        for i in range(n):
            row = self._states.get(i)
            shown = current
            if row:
                states = {k: state_of(k) for k in row}
                present = {s for s in states.values() if s}
                ordered = sorted((seq, s) for k, seq in row.items() if (s := states[k]))
                if present:
                    if "degraded" in present:
                        shown = "degraded"
                    elif "down" in present:
                        shown = "failing"
                    else:
                        shown = "recovered" if trouble else "healthy"
                    trouble = trouble or bool(present - {"up"})
                    last = ordered[-1][1]
                    current = shown if last != "up" else ("recovered" if trouble else "healthy")
            if i == n - 1 and current is not None:
                # the log ends here: its last column says how it ended, as the verdict does
                shown = ending if ending not in (None, "unknown") else current
            if shown is None:
                continue
            start = self.origin + i * self.size
            if spans and spans[-1].state == shown and spans[-1].end == start:
                spans[-1] = StateSpan(shown, spans[-1].start, start + self.size)
            else:
                spans.append(StateSpan(shown, start, start + self.size))
        return spans
