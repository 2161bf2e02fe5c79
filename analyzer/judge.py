"""Matches -> diagnosis. A log is a story, not a bag of lines: the last state wins, the memory-cache
fallback is "degraded" even without an error next to it, symptoms are linked to the root cause
found in the same log, and no Redis line at all is "can't tell", never "healthy".

`Judge` is incremental (feed hits, ask for the diagnosis at any time) so `follow` and `analyze`
share it. Memory is bounded: findings keep counts and a few samples, never every line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from analyzer.class_reading import ClassReading, ClassSignals, class_signals, nearby_line
from analyzer.engine.affinity import Affinity, Tie, endpoint_of
from analyzer.engine.rules import RuleSet
from analyzer.engine.scan import Hit, error_looking
from analyzer.i18n import Msg
from analyzer.judge_shapes import (  # fmt: skip
    MAX_INSTANCES, MAX_STREAMS, MAX_TEMPLATES, MAX_TIMELINE, SAMPLE_CHARS, SHAPES, _UP, _UP_HOST, _Aggregate, _because,
    _evidence, _head, _Shape, _Shapes, _static_conditions, held_now, matched_line, template_of, up_host,
)
from analyzer.model import Diagnosis, Evidence, Finding, LogRecord, NotRedis, Rule, Stats, Unexplained
from analyzer.judge_runs import RunFolding
from analyzer.not_redis import NotRedisBook
from analyzer.redact import Redactor
from analyzer.stopped import StoppedReading, WorkState
from analyzer.storms import StormReading, StormState
from analyzer.timeline import TimelineBuilder
from analyzer.unnamed import UnnamedBook, UnnamedState
from analyzer.verdict import FallbackRun, VerdictReading, note_fallback


@dataclass
class Judge(NotRedisBook, VerdictReading, RunFolding, UnnamedBook, StormReading, StoppedReading, ClassReading):
    """Hits in, diagnosis out: fed one entry at a time, asked at any time (module docstring)."""

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
    _fallback_runs: list[FallbackRun] = field(default_factory=list)  # analyzer.verdict.note_fallback
    _exits: dict[str, int] = field(default_factory=dict)  # stream -> seq of its last `event: exit` hit (bounded)
    affinity: Affinity | None = None  # None: every endpoint rule's hit is Redis (a pack without affinity.yaml)
    class_signals: ClassSignals = ClassSignals()  # failure classes a Redis line no rule names is read by (class_reading)
    _near: dict[tuple[str, str], tuple[int, bool]] = field(default_factory=dict)  # (source, instance) -> last Redis line, a failure?
    # (source, instance) -> the hosts its Redis failures named by their own evidence (NotRedisBook._note_redis_host)
    _redis_hosts: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # (source, instance) -> failures with no address and nothing before them tying them to Redis: a Redis error in
    # the next `window` lines of the same instance claims them (bull: 'Error: read ECONNRESET', then the queue's
    # error with ioredis frames); past the window they are "not Redis". Bounded per stream and in streams.
    _held: dict[tuple[str, str], list[tuple[Hit, Tie]]] = field(default_factory=dict)
    _claimed: list[tuple[Hit, int]] = field(default_factory=list)  # held hits a Redis error just claimed, with its line
    _not_redis: dict[tuple[str, str], NotRedis] = field(default_factory=dict)
    timeline: TimelineBuilder = field(default_factory=TimelineBuilder)
    _shapes: _Shapes = field(default_factory=_Shapes)
    _steady_memo: tuple | None = None  # type: ignore[type-arg]  # a Run's content and the state its copies leave as found
    _storm: StormState = field(default_factory=StormState)  # storms of failures, recoveries pending (analyzer.storms)
    _work: WorkState = field(default_factory=WorkState)  # the app's work before failures (analyzer.stopped)
    _unnamed_state: UnnamedState = field(default_factory=UnnamedState)  # unnamed lines another service's (analyzer.unnamed)

    @classmethod
    def of(cls, ruleset: RuleSet, redactor: Redactor | None = None) -> "Judge":
        """A judge of these rules, with their affinity and failure classes: how every pipeline makes one."""
        signals = class_signals(ruleset.classes, ruleset.by_id)
        return cls(ruleset.by_id, redactor or Redactor(), affinity=ruleset.affinity, class_signals=signals)

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
            fallback=next((r.id for r in picked if r.event == "fallback"), None),
            exit=any(r.event == "exit" for r in picked),
            about_redis=any(r.state or r.affinity or r.topic.startswith("redis") for r in picked),
            # a failing symptom alone ('Redis connection error: Connection refused') says a failure, not which: its
            # words are read through the failure classes like an unnamed line's (ClassReading); so does the app's
            # fallback, which says what the app did instead, not what failed (cacheops' 'The cacheops cache is
            # unreachable! Error: Authentication required.': public heldout66 netbox-community/netbox#5752)
            named=any(r.affinity or r.kind == "cause" or (r.state and (r.kind, r.state) != ("symptom", "down")
                                                          and r.event != "fallback") for r in picked),
            joins=any(r.joins == "previous" for r in picked),
            context=all(r.kind == "context" for r in picked),
            up=any(r.state == "up" for r in picked),
            down=any(r.state in ("down", "degraded") for r in picked),
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
        if self._storm.resume:
            self._settle(hit)
        new = self._feed_one(hit)
        while self._claimed:  # failures held back that this hit's Redis error claimed, in their order
            held, line = self._claimed.pop(0)
            new.extend(self._feed_one(held, Tie(True, "affinity.after", {"line": str(line)})))
        return new

    def _feed_one(self, hit: Hit, claimed: Tie | None = None, times: int = 1, last: LogRecord | None = None,
                  stamps: list[tuple[str | None, int]] | None = None) -> list[str]:
        """One hit; or `times` copies of it (the last one `last`; `stamps`: (time, copies) of each stretch of
        them, when they have their own times: Run.times_from) that take the same path (feed_run)."""
        self._seq += times
        record = hit.record
        self._count_hit(record, times)
        last = last or record
        new: list[str] = []
        stream = record.instance or ""
        if self.class_signals and (not hit.matches or not self._shape(hit.matches).named):
            hit, read = self._read_class(hit)
            claimed = claimed or read
        if not hit.matches:
            return self.feed_unmatched(record, times, last)
        shape = self._shape(hit.matches)
        if shape.url_lint:
            hit = self._linted(hit)
            if not hit.matches:  # only a printed Redis URL, and a usable one: as if no rule had matched
                return self.feed_unmatched(record, times, last) if error_looking(record.message) else []
            shape = self._shape(hit.matches)
        matched = shape.matched
        # never silent either: a process line ('panic: Redis …'), a Redis error whose rules say only how it was printed
        if not shape.about_redis or (not shape.named and self.affinity and self.affinity.unnamed_line(record.message)):
            new.extend(self._unnamed(record, times, last))
            if shape.exit and shape.context and error_looking(record.message):
                self._unexplained(record, times)  # a crash line is a fact for the verdict, and still an error no rule explains
        if self._held:
            self._expire_held(record)
        tie = claimed or self._tie(hit, shape)
        if tie is not None and not tie.redis:
            if tie.reason == "affinity.none" and tie.values.get("endpoint") == "?" and self.affinity and self.affinity.window:
                self._hold(hit, matched, tie)
            else:
                self._note_not_redis(hit, matched, tie, times)
            if shape.kept is None:  # made once per shape, so that the next hit finds its shape too
                shape.kept = tuple((r, f) for r, f in hit.matches if r in matched and self.rules[r].affinity is None)
            shape = self._shape(shape.kept)
            matched = shape.matched
            hit = replace(hit, matches=shape.matches)
            if not matched:
                self._last_hit.pop(stream, None)
                self._storm_step(hit, False)  # another service's failure between: not a Redis storm
                return new
        self._note_redis_line(last, shape, tie)
        self._note_redis_host(record, tie, shape.tie_fields.get("host", ""))
        if shape.deploy:
            self._deploy = (self._seq, _evidence(last))
        if shape.fallback:
            note_fallback(self._fallback_runs, (self._seq, _evidence(last)), shape.fallback)
        if shape.exit:  # where each stream's process last stopped (bounded: the first stream seen goes first)
            self._exits[stream] = self._seq
            if len(self._exits) > MAX_STREAMS:
                del self._exits[next(iter(self._exits))]
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
                ev = _evidence(last)
            if agg is None:
                first = self._seq - times + 1
                agg = _Aggregate(rule_id, key[1], 0, _evidence(record), ev, first, first,
                                 sample=self._sample(record, matched_line(rule, record.message)))
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
            agg.count += times
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
        self._mark(stream, list(matched), up_host(self.rules, hit.matches))
        self._on_timeline(record, shape, counted, times, stamps)
        self._storm_step(hit, shape.down, times, last)
        if not shape.context:
            self._last_hit[stream] = matched
            if len(self._last_hit) > MAX_STREAMS:
                del self._last_hit[next(iter(self._last_hit))]
        return new

    def feed_unmatched(self, record: LogRecord, times: int = 1, last: LogRecord | None = None) -> list[str]:
        """An error-looking entry no rule explains: listed by template; a Redis one may be the unnamed finding.
        `times` copies of it, the last one `last` (feed_run)."""
        self._unexplained(record, times)
        self._storm_step(Hit(record, ()), False)  # an error no rule knows between: not a storm of Redis failures
        new = self._unnamed(record, times, last or record)
        self._last_hit.pop(record.instance or "", None)  # an error no rule knows sits between: nothing to continue
        return new

    def _linted(self, hit: Hit) -> Hit:
        """A rule with `url_lint` counts only when the Redis URL the line prints leaves the client with no address
        (it fell back to localhost, or failed to parse); the problem becomes its field `url_problem`."""
        from analyzer.urllint import unusable  # only a log that prints a Redis URL needs the URL reader

        kept = []
        for rule_id, fields in hit.matches:
            name = self.rules[rule_id].url_lint if rule_id in self.rules else None
            if name is not None:
                problem = unusable(fields.get(name, ""))
                if problem is None:
                    continue
                fields = {**fields, name: self.redactor(fields.get(name, "")), "url_problem": problem.message}
            kept.append((rule_id, fields))
        return replace(hit, matches=tuple(kept))

    def _tie(self, hit: Hit, shape: _Shape) -> Tie | None:
        """Is the failure of this entry a Redis one? None when no rule of the entry needs evidence."""
        if self.affinity is None or not shape.affinity:
            return None
        record = hit.record
        fields = shape.tie_fields
        nearby = nearby_line(hit, self._near.get((record.source, record.instance or "")), self.affinity)
        connecting = self.affinity.connecting
        pending = bool(connecting) and self._pending(record.instance or "", connecting)  # type: ignore[arg-type]
        dropped = shape.after_up and _UP in self._marks.get(record.instance or "", {})
        hosts = self._redis_hosts.get((record.source, record.instance or ""), frozenset())
        return self.affinity.tie(fields, record.message, nearby, pending, dropped, hosts, self._not_redis_endpoints())

    def _note_redis_line(self, record: LogRecord, shape: _Shape | None, tie: Tie | None) -> None:
        """Remember where this instance last printed a Redis failure or attempt (`nearby` evidence); a
        success line does not count: a failure right after "ready" says nothing of which client failed.
        `shape`: the entry's matches (None: an error line no rule names)."""
        if self.affinity is None or (shape is not None and shape.up):
            return
        redis = (
            (tie is not None and tie.redis)
            or (shape is not None and shape.redis_rule)
            or self.affinity.names_redis(record.message)  # a frame of redis-py, a 'redis://' URL
        )
        if redis:
            key = (record.source, record.instance or "")
            self._near.pop(key, None)
            attempt = shape is not None and self.affinity.connecting in shape.matched
            self._near[key] = (record.end_line or record.line, not attempt)
            if len(self._near) > MAX_STREAMS:
                del self._near[next(iter(self._near))]
            if key in self._held and (shape is None or any(  # an attempt or a status line claims nothing
                self.rules[r].kind == "symptom" or self.rules[r].state in ("down", "degraded") for r in shape.matched
            )):
                self._claimed.extend((held, record.line) for held, _ in self._held.pop(key))  # only a Redis error does

    def _on_timeline(self, record: LogRecord, shape: _Shape, counted: list, times: int = 1,
                     stamps: list[tuple[str | None, int]] | None = None) -> None:
        stated = [k for k in counted if self.rules[k[0]].state]
        event = "deploy" if shape.deploy else None
        if event is None and record.message.lstrip().startswith("==>"):
            event = next((r for r in shape.matched), "platform")  # a Render platform line: the rule names it
        marker = (event, self._sample(record)) if event else None
        if stamps is None:
            self.timeline.add(record.time, record.instance, self._seq, counted, stated, marker, times)
            return
        # copies each at its own time, in order: those at the same time at once, as for copies without times
        self.timeline.add_stamps(stamps, record.instance, self._seq - times, counted, stated, marker)

    def _mark(self, stream: str, rule_ids: list[str], host: str | None = None) -> None:
        """Remember, per stream, when watched rules and `up` states were last seen (bounded), and the host an `up`
        hit named (`host`, for `up_elsewhere`)."""
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
            for old in [k for k in marks if k.startswith(_UP_HOST)]:
                del marks[old]
            if host:
                marks[_UP_HOST + host] = self._seq
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
        record = hit.record
        if not shape.merges:  # nothing to fold: the fields as the scanner found them (read only from here)
            return [(r, fields, self._field_conditions(rule, fields, record, static)) for r, fields, rule, static in shape.entries]
        direct = {rule_id: dict(fields) for rule_id, fields, _, _ in shape.entries}
        out = []
        for rule_id, fields, rule, static in shape.entries:
            conds = self._field_conditions(rule, fields, record, static)
            target = next(
                (i.to for i, held in zip(rule.reclassify, conds) if held and i.to in direct and i.to != rule_id), None
            )
            if target is not None:
                for name, value in fields.items():
                    direct[target].setdefault(name, value)
                continue
            out.append((rule_id, direct[rule_id], conds))
        return out

    def _sample(self, record: LogRecord, line: str | None = None) -> str:
        # redact, then cut: a cut first could split a secret into a shape no pattern knows
        return self.redactor(_head(record.message if line is None else line))[:SAMPLE_CHARS]

    def _field_conditions(
        self, rule: Rule, fields: dict[str, str], record: LogRecord, static: tuple[bool, ...] | None = None
    ) -> tuple[int | None, ...]:
        """For each reclassify entry: 1 if its field, pending and record conditions hold (or it has none), else None.
        All are facts of the moment of the hit; `seen`/`not_seen` are decided at the end. `static`: the
        field conditions worked out already (_static_conditions)."""
        if not rule.reclassify:
            return ()
        stream = record.instance or ""
        if static is None:
            static = _static_conditions(rule, fields)
        out: list[int | None] = []
        for item, ok in zip(rule.reclassify, static):
            if ok and item.pending is not None and not self._pending(stream, item.pending):
                ok = False
            out.append(1 if ok and held_now(item, self._marks.get(stream, {}), fields, record.level) else None)
        return tuple(out)

    def _unexplained(self, record: LogRecord, times: int = 1) -> None:
        # redact, then fold: folding digits first (AKIA…7EXAMPLE -> AKIA…<n>EXAMPLE) hid secrets from the patterns
        template = template_of(self.redactor(_head(record.message)))
        entry = self._templates.get(template)
        if entry is not None:
            entry.count += times
        elif len(self._templates) < MAX_TEMPLATES:
            self._templates[template] = Unexplained(template, times, _evidence(record), self._sample(record))

    def diagnosis(self) -> Diagnosis:
        if self._storm.resume or self._work.pending:  # recoveries, stops pending at the end of the input: on a copy
            return self._settled().diagnosis()
        merged: dict[str, Finding] = {}
        first_seq: dict[str, int] = {}
        last_seq: dict[str, int] = {}
        linked: dict[str, str] = {}  # symptom -> the cause found before it in its window
        hidden = self._hidden()
        reclassified: list[NotRedis] = []
        for key, agg in sorted(self._aggs.items(), key=lambda kv: kv[1].first_seq):
            if key in hidden:
                continue
            item = self._final_item(key)
            final = item.to if item is not None else key[0]
            rule = self.rules[final]
            fields = {k: ", ".join(v) for k, v in agg.fields.items()}
            if item is not None and rule.kind == "context" and self.rules[key[0]].kind != "context":
                # a failure the evidence gave to another service (Celery's AMQP default off Render): said as
                # "not Redis" with what decided it, never dropped, never a finding
                because = _because(item.because, agg.fields) if item.because else Msg("affinity.none")
                endpoint = self.redactor(endpoint_of(fields))
                reclassified.append(NotRedis(key[0], endpoint, agg.count, agg.first, agg.sample, because))
                continue
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
        not_redis = sorted([*self._not_redis_now().values(), *reclassified], key=lambda n: -n.count)
        timeline = self.timeline.build(self._timeline_rule, self._timeline_state, verdict.state)
        return Diagnosis(verdict, findings, unexplained, self.stats, not_redis, timeline=timeline, platform=self._platform())

    def _platform(self) -> str | None:
        """Where the log comes from, as its own lines show it: Render's evidence wins over another platform's."""
        shown = {self.rules[r].platform for r in self._seen_rules if r in self.rules}
        return "render" if "render" in shown else "elsewhere" if "elsewhere" in shown else None
