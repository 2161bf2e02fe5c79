"""Matches -> diagnosis. A log is a story, not a bag of lines: the last state wins, the memory-cache
fallback is "degraded" even without an error next to it, symptoms are linked to the root cause
found in the same log, and no Redis line at all is "can't tell", never "healthy".

`Judge` is incremental (feed hits, ask for the diagnosis at any time) so `follow` and `analyze`
share it. Memory is bounded: findings keep counts and a few samples, never every line.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from analyzer.engine.affinity import Affinity, Tie, endpoint_of
from analyzer.i18n import Msg, tr
from analyzer.model import (
    Diagnosis,
    Evidence,
    Finding,
    LogRecord,
    NotRedis,
    Reclassify,
    Rule,
    Severity,
    Stats,
    Unexplained,
    Verdict,
)
from analyzer.redact import Redactor
from analyzer.engine.scan import Hit, error_looking
from analyzer.timeline import TimelineBuilder
from analyzer.urllint import unusable

MAX_INSTANCES = 20
MAX_FIELD_VALUES = 3
MAX_TEMPLATES = 500
MAX_TIMELINE = 10_000
MAX_HELD = 32  # failures held per stream, waiting for the lines after them (Judge._held)
MAX_STREAMS = 1_000  # instances tracked for "pending" conditions and caused_by windows
_UP = "\0up"
SAMPLE_CHARS = 300

_TEMPLATE_SUBS = (
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I), "<uuid>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<ip>"),
    (re.compile(r"\b(?:srv|red|crn|dpg|evt|dep)-[a-z0-9]{8,}(?:-[a-z0-9]+)?\b"), "<id>"),
    (re.compile(r"\b0x[0-9a-f]+\b|\b[0-9a-f]{12,}\b", re.I), "<hex>"),
    (re.compile(r"'[^']*'|\"[^\"]*\""), "<str>"),
    (re.compile(r"\d+(?:\.\d+)?"), "<n>"),
)


def template_of(message: str) -> str:
    """'connect ETIMEDOUT 10.0.0.3:6379' -> 'connect ETIMEDOUT <ip>': variable parts folded."""
    text = message.split("\n", 1)[0].strip()[:SAMPLE_CHARS]
    for pattern, repl in _TEMPLATE_SUBS:
        text = pattern.sub(repl, text)
    return text


def _head(message: str) -> str:
    """The first line, cut with room to spare: a secret that starts before SAMPLE_CHARS is whole
    (redaction bounds a URL password to 512 characters), and redaction stays cheap on a 1 MiB line."""
    return message.split("\n", 1)[0].strip()[: SAMPLE_CHARS + 2048]


def _because(texts: dict[str, str], fields: dict[str, list[str]]) -> str:
    """A reclassification's `because` text in every language, its {field} values filled in."""
    values = {k: v[0] for k, v in fields.items() if v}

    def render(lang: str) -> str:
        text = texts.get(lang) or texts["en"]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(tr(value, lang)))  # a lint's problem (Msg) in the reader's language
        return text

    return Msg.lazy(render)


def _evidence(record: LogRecord) -> Evidence:
    return Evidence(record.source, record.line, record.time, record.instance)


SHAPES = 4096  # distinct match tuples whose shape is remembered (oldest forgotten first)


def _static_conditions(rule: Rule, fields: dict[str, str]) -> tuple[bool, ...]:
    """For each reclassify entry: whether its field conditions hold (the part that reads the hit alone)."""
    out = []
    for item in rule.reclassify:
        ok = True
        for name, pattern in item.fields:
            value = fields.get(name)
            if value is None or not pattern.search(value):
                ok = False
                break
        if ok and item.field is not None:
            value = fields.get(item.field)
            if value is None:
                ok = False
            elif item.matches is not None:
                ok = bool(item.matches.search(value))
        out.append(ok)
    return tuple(out)


@dataclass(slots=True)
class _Shape:
    """What a hit's matches say by themselves, whatever came before in the log: worked out once per match
    tuple. The scanner remembers each distinct message's matches, so a retry storm hands the judge the
    same tuple line after line, and each hit costs lookups, not loops over its rules."""

    matches: tuple[tuple[str, dict[str, str]], ...]  # kept alive: the memory is keyed by its id
    matched: tuple[str, ...]  # the rule ids of this pack
    entries: tuple[tuple[str, dict[str, str], Rule, tuple[bool, ...]], ...]  # per match: id, fields, rule, static conditions
    affinity: bool  # a rule of the entry needs evidence that it is Redis
    tie_fields: dict[str, str]  # the fields of those rules, the first value of each name
    deploy: bool
    fallback: bool
    joins: bool  # a rule of the entry chains it to the previous one
    context: bool  # every rule is a fact for reclassify (kind: context)
    up: bool  # a rule says Redis works (state: up)
    redis_rule: bool  # a Redis rule that needs no evidence, and is not a fact
    after_up: bool  # a rule of a dropped connection (affinity's after_up)
    merges: bool  # a rule may be reclassified into another rule of the same entry (_one_event)
    ordered: bool  # causes come first already (feed's order of the events)
    url_lint: bool  # a rule's hit counts only when the URL it captured is unusable (Judge._linted)
    kept: tuple[tuple[str, dict[str, str]], ...] | None = None  # the matches left when the failure is not Redis's


class _Shapes(dict):  # type: ignore[type-arg]
    """id(matches) -> _Shape, bounded. A copied judge (a live preview) starts empty: ids mean nothing there."""

    def __deepcopy__(self, memo: dict) -> "_Shapes":  # type: ignore[type-arg]
        return _Shapes()


@dataclass
class _Aggregate:
    rule_id: str
    reclass_key: tuple[int | None, ...]  # which field-conditions of the rule's reclassify held
    count: int
    first: Evidence
    last: Evidence
    first_seq: int
    last_seq: int
    instances: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    sample: str = ""
    cause_key: tuple[str, tuple[int | None, ...]] | None = None  # for symptoms: the cause that came before
    because: str | None = None  # what tied the first hit to Redis (i18n Msg)
    added: dict[str, str] | None = None  # the fields merged last: merging them again adds nothing

    def add_fields(self, found: dict[str, str]) -> None:
        """Keep up to MAX_FIELD_VALUES distinct values of each field. A retry storm brings the same fields
        (one dict, from the scanner's memory) hit after hit: merged once."""
        if found is self.added:
            return
        for name, value in found.items():
            values = self.fields.setdefault(name, [])
            if value not in values and len(values) < MAX_FIELD_VALUES:
                values.append(value)
        self.added = found


@dataclass
class Judge:
    rules: dict[str, Rule]
    redactor: Redactor = field(default_factory=Redactor)
    stats: Stats = field(default_factory=Stats)
    _aggs: dict[tuple[str, tuple[int | None, ...]], _Aggregate] = field(default_factory=dict)
    _seen_rules: set[str] = field(default_factory=set)
    _timeline: list[tuple[int, tuple[str, tuple[int | None, ...]]]] = field(default_factory=list)
    _templates: dict[str, Unexplained] = field(default_factory=dict)
    _seq: int = 0
    # per stream (instance, or "" when unknown): seq of the last hit of each watched rule and of the last
    # `state: up` hit ("pending" conditions), and the key of the last cause since the last up (caused_by)
    _marks: dict[str, dict[str, int]] = field(default_factory=dict)
    _last_cause: dict[str, tuple[str, tuple[int | None, ...]]] = field(default_factory=dict)
    _watched: set[str] | None = None
    _last_hit: dict[str, tuple[str, ...]] = field(default_factory=dict)  # stream -> rule ids of its last hit
    _chained: dict[str, tuple[str, ...]] = field(default_factory=dict)  # stream -> ids the next hit continues
    _deploy: tuple[int, Evidence] | None = None  # the last `event: deploy` hit
    _fallback: tuple[int, Evidence] | None = None  # the last `event: fallback` hit (memory cache)
    affinity: Affinity | None = None  # None: every endpoint rule's hit is Redis (a pack without affinity.yaml)
    _near: dict[tuple[str, str], int] = field(default_factory=dict)  # (source, instance) -> last Redis line
    # (source, instance) -> failures with no address and nothing before them tying them to Redis: a Redis error in
    # the next `window` lines of the same instance claims them (bull: 'Error: read ECONNRESET', then the queue's
    # error with ioredis frames); past the window they are "not Redis". Bounded per stream and in streams.
    _held: dict[tuple[str, str], list[tuple[Hit, Tie]]] = field(default_factory=dict)
    _claimed: list[tuple[Hit, int]] = field(default_factory=list)  # held hits a Redis error just claimed, with its line
    _not_redis: dict[tuple[str, str], NotRedis] = field(default_factory=dict)
    timeline: TimelineBuilder = field(default_factory=TimelineBuilder)
    _shapes: _Shapes = field(default_factory=_Shapes)

    def _shape(self, matches: tuple[tuple[str, dict[str, str]], ...]) -> _Shape:
        shape = self._shapes.get(id(matches))
        if shape is not None and shape.matches is matches:
            return shape
        rules = self.rules
        entries = tuple((r, f, rules[r], _static_conditions(rules[r], f)) for r, f in matches if r in rules)
        matched = tuple(e[0] for e in entries)
        picked = [rules[r] for r in matched]
        tie_fields: dict[str, str] = {}
        for _, found, rule, _ in entries:
            if rule.affinity:
                for name, value in found.items():
                    tie_fields.setdefault(name, value)
        shape = _Shape(
            matches,
            matched,
            entries,
            affinity=any(r.affinity for r in picked),
            tie_fields=tie_fields,
            deploy=any(r.event == "deploy" for r in picked),
            fallback=any(r.event == "fallback" for r in picked),
            joins=any(r.joins == "previous" for r in picked),
            context=all(r.kind == "context" for r in picked),
            up=any(r.state == "up" for r in picked),
            redis_rule=any(r.affinity is None and r.kind != "context" and r.topic.startswith("redis") for r in picked),
            after_up=self.affinity is not None and any(r in self.affinity.after_up for r in matched),
            merges=any(i.to in matched and i.to != r.id for r in picked for i in r.reclassify),
            ordered=[r.kind != "cause" for r in picked] == sorted(r.kind != "cause" for r in picked),
            url_lint=any(r.url_lint for r in picked),
        )
        if len(self._shapes) >= SHAPES:
            del self._shapes[next(iter(self._shapes))]
        self._shapes[id(matches)] = shape
        return shape

    def feed(self, hit: Hit) -> list[str]:
        """Take one hit; returns the rule ids seen for the first time (for live output)."""
        new = self._feed_one(hit)
        while self._claimed:  # failures held back that this hit's Redis error claimed, in their order
            held, line = self._claimed.pop(0)
            new.extend(self._feed_one(held, Tie(True, "affinity.after", {"line": str(line)})))
        return new

    def _feed_one(self, hit: Hit, claimed: Tie | None = None) -> list[str]:
        self._seq += 1
        record = hit.record
        new: list[str] = []
        stream = record.instance or ""
        if not hit.matches:
            return self.feed_unmatched(record)
        shape = self._shape(hit.matches)
        if shape.url_lint:
            hit = self._linted(hit)
            if not hit.matches:  # only a printed Redis URL, and a usable one: as if no rule had matched
                return self.feed_unmatched(record) if error_looking(record.message) else []
            shape = self._shape(hit.matches)
        matched = shape.matched
        if self._held:
            self._expire_held(record)
        tie = claimed or self._tie(hit, shape)
        if tie is not None and not tie.redis:
            if tie.reason == "affinity.none" and tie.values.get("endpoint") == "?" and self.affinity and self.affinity.window:
                self._hold(hit, matched, tie)
            else:
                self._note_not_redis(hit, matched, tie)
            if shape.kept is None:  # made once per shape, so that the next hit finds its shape too
                shape.kept = tuple((r, f) for r, f in hit.matches if r in matched and self.rules[r].affinity is None)
            shape = self._shape(shape.kept)
            matched = shape.matched
            hit = Hit(record, shape.matches)
            if not matched:
                self._last_hit.pop(stream, None)
                return new
        self._note_redis_line(record, shape, tie)
        if shape.deploy:
            self._deploy = (self._seq, _evidence(record))
        if shape.fallback:
            self._fallback = (self._seq, _evidence(record))
        if shape.joins:
            self._chained[stream] = self._last_hit.get(stream, ())
            if len(self._chained) > MAX_STREAMS:
                del self._chained[next(iter(self._chained))]
        chained = self._chained.pop(stream, ()) if not shape.context else ()
        events = self._one_event(hit, shape)
        # causes first, so a symptom printed in the same entry (a wrapper line) links to them
        if not shape.ordered:
            events.sort(key=lambda e: self.rules[e[0]].kind != "cause")
        counted: list[tuple[str, tuple[int | None, ...]]] = []
        ev = None
        for rule_id, fields, conds in events:
            rule = self.rules[rule_id]
            key = (rule_id, conds)
            agg = self._aggs.get(key)
            if ev is None:
                ev = _evidence(record)
            if agg is None:
                agg = _Aggregate(rule_id, key[1], 0, ev, ev, self._seq, self._seq, sample=self._sample(record))
                if tie is not None and rule.affinity is not None:
                    agg.because = tie.because
                self._aggs[key] = agg
            if rule.kind == "cause":
                self._last_cause[stream] = key
            elif rule.kind == "symptom" and agg.cause_key is None:
                agg.cause_key = self._last_cause.get(stream)
            if rule_id in chained and agg.count > 0:
                agg.add_fields(fields)  # the same event, printed again: evidence only
                continue
            if rule_id not in self._seen_rules:
                self._seen_rules.add(rule_id)
                new.append(rule_id)
            agg.count += 1
            counted.append(key)
            agg.last, agg.last_seq = ev, self._seq
            if record.instance and record.instance not in agg.instances and len(agg.instances) < MAX_INSTANCES:
                agg.instances.append(record.instance)
            if record.source not in agg.sources and len(agg.sources) < MAX_INSTANCES:
                agg.sources.append(record.source)
            agg.add_fields(fields)
            if rule.state and (not self._timeline or self._timeline[-1][1] != key):
                self._timeline.append((self._seq, key))
                if len(self._timeline) > MAX_TIMELINE:
                    del self._timeline[: MAX_TIMELINE // 2]
        self._mark(stream, list(matched))
        self._on_timeline(record, shape, counted)
        if not shape.context:
            self._last_hit[stream] = matched
            if len(self._last_hit) > MAX_STREAMS:
                del self._last_hit[next(iter(self._last_hit))]
        return new

    def feed_unmatched(self, record: LogRecord) -> list[str]:
        """An error-looking entry no rule explains: listed by template; a Redis one may be the unnamed finding."""
        self._unexplained(record)
        new = self._unnamed(record)
        self._last_hit.pop(record.instance or "", None)  # an error no rule knows sits between: nothing to continue
        return new

    def _linted(self, hit: Hit) -> Hit:
        """A rule with `url_lint` counts only when the Redis URL the line prints leaves the client with no address
        (it fell back to localhost, or failed to parse); the problem becomes its field `url_problem`."""
        kept = []
        for rule_id, fields in hit.matches:
            name = self.rules[rule_id].url_lint if rule_id in self.rules else None
            if name is not None:
                problem = unusable(fields.get(name, ""))
                if problem is None:
                    continue
                fields = {**fields, name: self.redactor(fields.get(name, "")), "url_problem": problem.message}
            kept.append((rule_id, fields))
        return Hit(hit.record, tuple(kept))

    def _unnamed(self, record: LogRecord) -> list[str]:
        """Never silent: an error-looking line that names Redis and that no rule explains is kept as the
        affinity's `unnamed` rule, quoting it. Whether it becomes a finding is decided at the end: only
        when no other Redis failure was found (then it is the only trace of one)."""
        aff = self.affinity
        if aff is None or aff.in_text(record.message) is None:
            return []
        # a traceback or error line naming Redis: a failure right after it is Redis's
        self._note_redis_line(record, None, Tie(True, "affinity.text"))
        if not aff.unnamed or aff.unnamed not in self.rules or not aff.unnamed_line(record.message):
            return []
        rule = self.rules[aff.unnamed]
        key = (aff.unnamed, ())
        agg = self._aggs.get(key)
        ev = _evidence(record)
        if agg is None:
            agg = self._aggs[key] = _Aggregate(aff.unnamed, (), 0, ev, ev, self._seq, self._seq, sample=self._sample(record))
        agg.count += 1
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

    def _tie(self, hit: Hit, shape: _Shape) -> Tie | None:
        """Is the failure of this entry a Redis one? None when no rule of the entry needs evidence."""
        if self.affinity is None or not shape.affinity:
            return None
        record = hit.record
        fields = shape.tie_fields
        near = self._near.get((record.source, record.instance or ""))
        nearby = near if near is not None and 0 <= record.line - near <= self.affinity.window else None
        connecting = self.affinity.connecting
        pending = bool(connecting) and self._pending(record.instance or "", connecting)  # type: ignore[arg-type]
        dropped = shape.after_up and _UP in self._marks.get(record.instance or "", {})
        return self.affinity.tie(fields, record.message, nearby, pending, dropped)

    def _note_redis_line(self, record: LogRecord, shape: _Shape | None, tie: Tie | None) -> None:
        """Remember where this instance last printed a Redis failure or attempt (`nearby` evidence); a
        success line does not count: a failure right after "ready" says nothing of which client failed.
        `shape`: the entry's matches (None: an error line no rule names)."""
        if self.affinity is None or (shape is not None and shape.up):
            return
        redis = (
            (tie is not None and tie.redis)
            or (shape is not None and shape.redis_rule)
            or self.affinity.in_text(record.message) is not None  # a frame of redis-py, a 'redis://' URL
        )
        if redis:
            key = (record.source, record.instance or "")
            self._near.pop(key, None)
            self._near[key] = record.end_line or record.line
            if len(self._near) > MAX_STREAMS:
                del self._near[next(iter(self._near))]
            if key in self._held and (shape is None or any(  # an attempt or a status line claims nothing
                self.rules[r].kind == "symptom" or self.rules[r].state in ("down", "degraded") for r in shape.matched
            )):
                self._claimed.extend((held, record.line) for held, _ in self._held.pop(key))  # only a Redis error does

    def _hold(self, hit: Hit, matched: tuple[str, ...], tie: Tie) -> None:
        """Keep a failure that names no address and follows no Redis line until the window after it says."""
        key = (hit.record.source, hit.record.instance or "")
        held = self._held.setdefault(key, [])
        held.append((Hit(hit.record, tuple((r, f) for r, f in hit.matches if r in matched and self.rules[r].affinity)), tie))
        if len(held) > MAX_HELD:
            self._release(*held.pop(0))
        if len(self._held) > MAX_STREAMS:
            for old in self._held.pop(next(iter(self._held))):
                self._release(*old)

    def _expire_held(self, record: LogRecord) -> None:
        """Held failures of this stream that the window has passed are not Redis (streaming: decided as lines come)."""
        key = (record.source, record.instance or "")
        held = self._held.get(key)
        if not held or self.affinity is None:
            return
        limit = record.line - self.affinity.window
        while held and (held[0][0].record.end_line or held[0][0].record.line) < limit:
            self._release(*held.pop(0))
        if not held:
            del self._held[key]

    def _release(self, hit: Hit, tie: Tie) -> None:
        self._note_not_redis(hit, tuple(r for r, _ in hit.matches), tie)

    def _note_not_redis(self, hit: Hit, matched: tuple[str, ...], tie: Tie) -> None:
        rule_id = next(r for r in matched if self.rules[r].affinity)
        fields = next((f for r, f in hit.matches if r == rule_id), {})
        endpoint = endpoint_of(fields)
        key = (rule_id, endpoint)
        entry = self._not_redis.get(key)
        if entry is not None:
            entry.count += 1
        elif len(self._not_redis) < MAX_TEMPLATES:
            record = hit.record
            self._not_redis[key] = NotRedis(
                rule_id, self.redactor(endpoint), 1, _evidence(record), self._sample(record), tie.because
            )
    def _on_timeline(self, record: LogRecord, shape: _Shape, counted: list) -> None:
        stated = [k for k in counted if self.rules[k[0]].state]
        event = "deploy" if shape.deploy else None
        if event is None and record.message.lstrip().startswith("==>"):
            event = next((r for r in shape.matched), "platform")  # a Render platform line: the rule names it
        marker = (event, self._sample(record)) if event else None
        self.timeline.add(record.time, record.instance, self._seq, counted, stated, marker)

    def _mark(self, stream: str, rule_ids: list[str]) -> None:
        """Remember, per stream, when watched rules and `up` states were last seen (bounded)."""
        watched = self._watched_rules()
        ups = [r for r in rule_ids if self.rules[r].state == "up"]
        hits = [r for r in rule_ids if r in watched]
        if not ups and not hits:
            return
        marks = self._marks.get(stream)
        if marks is None:
            if len(self._marks) >= MAX_STREAMS:
                del self._marks[next(iter(self._marks))]
            marks = self._marks[stream] = {}
        for r in hits:
            marks[r] = self._seq
        if ups:
            marks[_UP] = self._seq
            self._last_cause.pop(stream, None)  # a new window starts: later symptoms need a later cause
        if len(self._last_cause) > MAX_STREAMS:
            del self._last_cause[next(iter(self._last_cause))]

    def _watched_rules(self) -> set[str]:
        if self._watched is None:
            self._watched = {i.pending for r in self.rules.values() for i in r.reclassify if i.pending}
            if self.affinity is not None and self.affinity.connecting:
                self._watched.add(self.affinity.connecting)
        return self._watched

    def _pending(self, stream: str, rule_id: str) -> bool:
        """True when rule_id was seen in this stream after its last `up` (connecting, never ready)."""
        marks = self._marks.get(stream)
        if not marks or rule_id not in marks:
            return False
        return marks[rule_id] > marks.get(_UP, 0)

    def _one_event(self, hit: Hit, shape: _Shape) -> list[tuple[str, dict[str, str], tuple[int | None, ...]]]:
        """The hit's matches, minus those that would only be reclassified into a rule the same entry
        already matched directly (one event, one count); their evidence joins that rule's."""
        stream = hit.record.instance or ""
        if not shape.merges:  # nothing to fold: the fields as the scanner found them (read only from here)
            return [(r, fields, self._field_conditions(rule, fields, stream, static)) for r, fields, rule, static in shape.entries]
        direct = {rule_id: dict(fields) for rule_id, fields, _, _ in shape.entries}
        out = []
        for rule_id, fields, rule, static in shape.entries:
            conds = self._field_conditions(rule, fields, stream, static)
            target = next(
                (i.to for i, held in zip(rule.reclassify, conds) if held and i.to in direct and i.to != rule_id), None
            )
            if target is not None:
                for name, value in fields.items():
                    direct[target].setdefault(name, value)
                continue
            out.append((rule_id, direct[rule_id], conds))
        return out

    def _sample(self, record: LogRecord) -> str:
        # redact, then cut: a cut first could split a secret into a shape no pattern knows
        return self.redactor(_head(record.message))[:SAMPLE_CHARS]

    def _field_conditions(
        self, rule: Rule, fields: dict[str, str], stream: str = "", static: tuple[bool, ...] | None = None
    ) -> tuple[int | None, ...]:
        """For each reclassify entry: 1 if its field and pending conditions hold (or it has none), else None.
        Both are facts of the moment of the hit; `seen`/`not_seen` are decided at the end. `static`: the
        field conditions worked out already (_static_conditions)."""
        if not rule.reclassify:
            return ()
        if static is None:
            static = _static_conditions(rule, fields)
        out: list[int | None] = []
        for item, ok in zip(rule.reclassify, static):
            if ok and item.pending is not None and not self._pending(stream, item.pending):
                ok = False
            if ok and item.up_before and _UP not in self._marks.get(stream, {}):
                ok = False
            out.append(1 if ok else None)
        return tuple(out)

    def _unexplained(self, record: LogRecord) -> None:
        # redact, then fold: folding digits first (AKIA…7EXAMPLE -> AKIA…<n>EXAMPLE) hid secrets from the patterns
        template = template_of(self.redactor(_head(record.message)))
        entry = self._templates.get(template)
        if entry is not None:
            entry.count += 1
        elif len(self._templates) < MAX_TEMPLATES:
            self._templates[template] = Unexplained(template, 1, _evidence(record), self._sample(record))

    # -- the verdict -------------------------------------------------------------------------

    def _final_id(self, key: tuple[str, tuple[int | None, ...]]) -> str:
        item = self._final_item(key)
        return item.to if item is not None else key[0]

    def _final_item(self, key: tuple[str, tuple[int | None, ...]]) -> Reclassify | None:
        """The reclassify entry that decides this aggregate's rule (None: it stays what it matched)."""
        rule_id, conds = key
        rule = self.rules[rule_id]
        for item, held in zip(rule.reclassify, conds):
            if held is None:
                continue
            if item.seen and item.seen not in self._seen_rules:
                continue
            if item.not_seen and item.not_seen in self._seen_rules:
                continue
            if item.to in self.rules:
                return item
        return None

    def diagnosis(self) -> Diagnosis:
        merged: dict[str, Finding] = {}
        first_seq: dict[str, int] = {}
        last_seq: dict[str, int] = {}
        linked: dict[str, str] = {}  # symptom -> the cause found before it in its window
        hidden = self._hidden()
        for key, agg in sorted(self._aggs.items(), key=lambda kv: kv[1].first_seq):
            if key in hidden:
                continue
            item = self._final_item(key)
            final = item.to if item is not None else key[0]
            rule = self.rules[final]
            fields = {k: ", ".join(v) for k, v in agg.fields.items()}
            # what the inference used when a reclassification decided (it names the endpoint too), else what
            # tied the failure to Redis
            if item is not None and item.because:
                because = [_because(item.because, {**self._fields_of(item.seen), **agg.fields})]
                if item.to == key[0] and agg.because:  # the rule kept, a fact added: what tied it to Redis stays
                    because.insert(0, agg.because)
            else:
                because = [agg.because] if agg.because else []
            if agg.cause_key is not None and final not in linked:
                cause = self._final_id(agg.cause_key)
                if cause != final and self.rules[cause].kind == "cause":
                    linked[final] = cause
            found = merged.get(final)
            if found is None:
                merged[final] = Finding(
                    rule_id=final,
                    severity=rule.severity,
                    count=agg.count,
                    first=agg.first,
                    last=agg.last,
                    instances=list(agg.instances),
                    fields=fields,
                    sample=agg.sample,
                    sources=list(agg.sources),
                    because=because,
                )
                first_seq[final], last_seq[final] = agg.first_seq, agg.last_seq
                continue
            found.count += agg.count
            if agg.last_seq > last_seq[final]:
                found.last, last_seq[final] = agg.last, agg.last_seq
            found.instances.extend(i for i in agg.instances if i not in found.instances)
            found.sources.extend(s for s in agg.sources if s not in found.sources)
            for k, v in fields.items():
                found.fields.setdefault(k, v)
            found.because.extend(b for b in because if b not in found.because)
        verdict = self._verdict(merged, first_seq)
        # Context rules are facts for reclassify (`seen`), not findings of their own.
        merged = {k: f for k, f in merged.items() if self.rules[k].kind != "context"}
        for finding in merged.values():
            rule = self.rules[finding.rule_id]
            if rule.kind != "symptom":
                continue
            if finding.rule_id in linked:
                finding.caused_by = linked[finding.rule_id]
            elif verdict.root_cause and verdict.root_cause != finding.rule_id:
                finding.caused_by = verdict.root_cause
        # The root cause first, then by severity, causes before symptoms, then in order of appearance.
        findings = sorted(
            merged.values(),
            key=lambda f: (
                f.rule_id != verdict.root_cause,
                -f.severity,
                self.rules[f.rule_id].kind != "cause",
                first_seq[f.rule_id],
            ),
        )
        shown = {f.sample for f in merged.values() if self.affinity and f.rule_id == self.affinity.unnamed}
        unexplained = sorted((u for u in self._templates.values() if u.sample not in shown), key=lambda u: -u.count)
        not_redis = sorted(self._not_redis_now().values(), key=lambda n: -n.count)
        timeline = self.timeline.build(self._timeline_rule, self._timeline_state)
        return Diagnosis(verdict, findings, unexplained, self.stats, not_redis, timeline=timeline)

    def _not_redis_now(self) -> dict[tuple[str, str], NotRedis]:
        """The failures decided "not Redis", and those still held (nothing claimed them): a copy, the state unchanged."""
        if not self._held:
            return self._not_redis
        keep, self._not_redis = self._not_redis, {k: copy.copy(v) for k, v in self._not_redis.items()}
        try:
            for held in self._held.values():
                for hit, tie in held:
                    self._release(hit, tie)
            return self._not_redis
        finally:
            self._not_redis = keep

    def _fields_of(self, rule_id: str | None) -> dict[str, list[str]]:
        """The evidence of the first finding of a rule (a `seen` condition's): a `because` may name it."""
        if rule_id is None:
            return {}
        agg = min((a for k, a in self._aggs.items() if k[0] == rule_id), key=lambda a: a.first_seq, default=None)
        return agg.fields if agg is not None else {}

    def _timeline_rule(self, key: tuple[str, tuple[int | None, ...]]) -> str:
        final = self._final_id(key)
        return "" if self.rules[final].kind == "context" else final

    def _timeline_state(self, key: tuple[str, tuple[int | None, ...]]) -> str | None:
        # as the verdict reads a state: none for a hit reclassified into a fact about another service
        final = self._final_id(key)
        return None if self.rules[final].kind == "context" else (self.rules[final].state or self.rules[key[0]].state)

    def _verdict(self, findings: dict[str, Finding], first_seq: dict[str, int]) -> Verdict:
        events: list[tuple[int, str, str]] = []  # seq, final rule id, state
        hidden = self._hidden()
        for seq, key in self._timeline:
            if key in hidden:
                continue
            final = self._final_id(key)
            if self.rules[final].kind == "context":
                continue  # reclassified into a fact (another service's port): says nothing about Redis
            state = self.rules[final].state or self.rules[key[0]].state
            if state:
                events.append((seq, final, state))
        if not events:
            return Verdict("unknown")
        last_up = max((i for i, e in enumerate(events) if e[2] == "up"), default=-1)
        after = events[last_up + 1 :]
        before = events[:last_up]
        if any(e[2] == "degraded" for e in after):
            state = "degraded"
        elif any(e[2] == "down" for e in after):
            state = "failing"
        elif last_up >= 0 and any(e[2] != "up" for e in before):
            state = "recovered"
        else:
            return Verdict("healthy")
        window = after if state in ("degraded", "failing") else before
        root = self._root_cause([e[1] for e in window], first_seq)
        if state == "recovered":
            since = findings[events[last_up][1]].last
        else:
            start = next((e for e in after if e[2] == "degraded"), after[0]) if state == "degraded" else after[0]
            since = findings[start[1]].first if start[1] in findings else None
        # "the errors stopped after the deploy at 06:12": the last failure is older than the last deploy
        last_bad = max(
            (
                a.last_seq
                for k, a in self._aggs.items()
                if k not in hidden
                and self.rules[self._final_id(k)].kind != "context"
                and (self.rules[self._final_id(k)].state or self.rules[k[0]].state) in ("down", "degraded")
            ),
            default=None,
        )
        after_deploy = None
        if self._deploy is not None and last_bad is not None and self._deploy[0] > last_bad:
            after_deploy = self._deploy[1]
        # the memory-cache fallback is named only when the log shows it, in the current bad window
        fallback = None
        if self._fallback is not None and state in ("degraded", "failing") and self._fallback[0] >= after[0][0]:
            fallback = self._fallback[1]
        return Verdict(state, root, since, after_deploy, fallback)

    def _root_cause(self, rule_ids: list[str], first_seq: dict[str, int]) -> str | None:
        """The most severe cause in the window; a symptom only when no cause explains it."""
        ids = set(rule_ids) | {r for r in self._seen_rules if self.rules[r].kind == "cause" and r in first_seq}
        window = set(rule_ids)
        order = {r: i for i, r in enumerate(self.rules)}
        ranked = sorted(
            (r for r in ids if r in first_seq and self.rules[r].severity >= Severity.WARNING),
            key=lambda r: (
                self.rules[r].kind != "cause",
                r not in window,
                -self.rules[r].severity,
                first_seq[r],
                order[r],  # two causes on one line: the pack's order, never the set's (it varied with PYTHONHASHSEED)
            ),
        )
        return ranked[0] if ranked else None
