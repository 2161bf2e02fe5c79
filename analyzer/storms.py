"""The app's own line back after a storm of Redis failures: recovery that the client does not print.

ioredis and BullMQ log every failed reconnect and nothing when the connection comes back; the app's own
work then says it (`worker: tick 3`, `job 4 completed`), in words no rule can know. What is general is its
shape: the app printed a line, then Redis failures came (`resumed_after` or more), with no line of that
form among them, then the app printed a line of the same form again. Lines of other forms may come between
the failures (a web process's health checks): each must be seen, the line right after a failure or right
before the next, else the storm is not read (a line nobody saw may have been of that form). The work that
stopped with the failures and came back after them needs Redis: the client worked before the failures and
works again. Read as the affinity's `resumed` rule (state up), with its evidence; a failure that follows on
the same instance takes it back (the line also came between failures: it says nothing of Redis), and that
form is not read again there. An HTTP access line's form keeps its status class (a 200 is not a 500).
An app with a fallback answers its requests between the failures (`GET /products/1 200 source=db-fallback`): that
request answered again after them in another form (`… source=cache`, `(uncached)` then `(cached)`) says the same.
So does a unit of work that the failures' own entries say failed (`ERROR api: GET /api/search failed` above the
traceback, `worker: round 6 failed: … LOADING …`), then done after them (`GET /api/search 200`, `worker: round 7 carts=1`).

A part of `Judge` (analyzer.judge), kept apart: it reads the hits' neighbour lines (Hit.before/after, set
by the scanner) and adds the inferred events to the judge's state.
"""

from __future__ import annotations

import bisect
import copy
import re
from dataclasses import dataclass, field

from analyzer.engine.scan import Hit
from analyzer.i18n import Msg
from analyzer.judge_shapes import MAX_INSTANCES, MAX_STREAMS, _Aggregate, _evidence, template_of
from analyzer.model import LogRecord

MAX_FLAKY = 16  # line forms per stream that came back between failures, not read again as recovery
# a line form that says something: a word in it. A paste's code fences (```) or rules (---) around a block of
# errors are the same line before and after it, and say nothing of the app (samples/seed/diagnostic-redis.fr.*)
_WORDS = re.compile(r"[^\W\d_]{3,}")

_Key = tuple[str, str]  # (source, instance)

# An HTTP access line's status says whether the request worked: '"GET /products/1 HTTP/1.1" 200' before the failures
# and '… 500' during them are not the same form (werkzeug, common log format, morgan, Rails' 'Completed'). Its class
# is kept where template_of would fold the number, so a 200 after a storm of 500s reads as the app back.
# A structured logger's status field says it too (pino's and bunyan's '"res":{"statusCode":200}', '"status":500',
# logfmt's 'status=200'): Fastify's 'request completed' lines go on while Redis fails, with a 500 in them.
_STATUS = re.compile(
    r'(?P<req>"[^"\n]*HTTP/[\d.]+[^"\n]*" |\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\S* |\bCompleted '
    r'|"(?:statusCode|status|status_code)": ?|\b(?:status|status_code)=)(?P<cls>[1-5])\d\d\b'
)
_CLASS = {"1": "<info>", "2": "<ok>", "3": "<ok>", "4": "<client-error>", "5": "<server-error>"}
# The common log format quotes the request ('"GET /products/2 HTTP/1.1" 500': Apache, nginx, werkzeug, wsgiref, WEBrick,
# gunicorn), which template_of would fold as a quoted value: unquoted, its method and path stay in the form (the path's
# numbers folded), so the request that failed with the storm is known again when it is answered after it.
_CLF_REQUEST = re.compile(r'"(?P<req>(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) [^"\n]*HTTP/[\d.]+)"')
# A list of folded values ('top sellers [<str>, <str>, <str>]', a Python list, a JSON or Ruby array) is one value of the
# line however long it is: a cache that lost its data in a restart prints the same line with a shorter list after it
# (real: samples/heldout67/raw/price-cache-valkey-py/killed-then-back.log, '['sku9']' after three items before)
_LIST = re.compile(r"\[(?:<\w+>(?:, ?<\w+>)*)?\]")


def form_of(message: str) -> str:
    """A line's form (analyzer.judge_shapes.template_of) with its HTTP status class and request kept, a list of values
    of any length one form."""
    line = _STATUS.sub(lambda m: m["req"] + _CLASS[m["cls"]], message.split("\n", 1)[0])
    return _LIST.sub("[<list>]", template_of(_CLF_REQUEST.sub(lambda m: m["req"], line)))


_OK_REQUEST = re.compile(r"^.*?<ok>")


def _request(form: str) -> str | None:
    """A successful HTTP access line's request and status class ('GET /products/<n> <ok>'), what follows left out."""
    m = _OK_REQUEST.match(form)
    return m.group(0) if m else None


_METHOD_PATH = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\S*")
_FAILED = re.compile(r"<server-error>|\b(?:[Ff]ail(?:ed|ure)?|FAIL(?:ED)?|[Ee]rror|ERROR|[Ee]xception|[Tt]imed out)\b")


def _failed_requests(forms: set[str]) -> set[str]:
    """The requests ('GET /api/search?q=shoes') the app said failed between the failures: a 5xx or a failure word,
    no success status."""
    out = set()
    for form in forms:
        m = _METHOD_PATH.search(form)
        if m and "<ok>" not in form and _FAILED.search(form):
            out.add(m.group(0))
    return out


# A unit of the app's work that a failure's own line names before saying it failed: 'worker: round <n> failed: …',
# 'Job <n> failed', 'round <n>: job failed' (its noun between: heldout47's Bun and Deno workers), an HTTP request.
# Words of the client's own retrying are no unit of work ('reconnect attempt <n> failed' is followed by 'reconnect
# attempt <n+1>', which says nothing of Redis working; nor is 'round <n>: connect failed').
_WORK_FAILED = re.compile(
    r"(?P<op>(?:[A-Za-z][\w.-]*:? )?[A-Za-z][\w.-]* #?<n>):? (?:[a-z]+ )?(?:failed|FAILED|[Ff]ailure|[Ee]rror|ERROR)\b"
)
_NOT_WORK = re.compile(r"(?i)redis|connect|client|socket|attempt|retr|backoff|pool")


def _entry_request(message: str) -> str | None:
    """The unit of work a Redis failure's own entry says failed, in its first lines ('ERROR api: GET /api/search?q=shoes
    failed' above a traceback, which the scanner puts after the exception's line; 'worker: round <n> failed: …')."""
    for line in message.split("\n", 3)[:3]:
        form = form_of(line)
        m = _METHOD_PATH.search(form)
        if m and "<ok>" not in form:
            return m.group(0)
        w = _WORK_FAILED.search(form)
        if w and not _NOT_WORK.search(w.group(0)):
            return w["op"]
    return None


def _ok_request(form: str, failed: set[str]) -> str | None:
    """The request or unit of work of `failed` this line says was done: a success status, or no failure word."""
    m = _METHOD_PATH.search(form)
    if m is not None:
        return m.group(0) if "<ok>" in form and m.group(0) in failed else None
    if _FAILED.search(form) or _NOT_WORK.search(form):
        return None
    return next((op for op in failed if op in form), None)


def said_before(hit: Hit) -> str | None:
    """The form of the app's line before the hit that says something (a word in it). When the line right before
    says nothing (WEBrick's referer line '- -> /' after each access line, a blank bullet), the nearest one before it
    that does, among the app's lines an instance's first hits are given (Hit.history, nearest first); a frame or a
    continuation (indented) is no line of the app's."""
    if hit.before is None:
        return None
    form = form_of(hit.before.message)
    if _WORDS.search(form):
        return form
    for message in hit.history:
        if message[:1].isspace():
            return None
        form = form_of(message)
        if _WORDS.search(form):
            return form
    return None


def _routine(hit: Hit) -> frozenset[str]:
    """The forms of the app's work before a stream's first Redis failure: lines that say something, printed twice or
    more among the app's lines an instance's first hits are given (Hit.history). A worker that publishes then receives
    ('order 6 published', 'order 6 received') may take up again with either after the failures: neither alone says the
    client is back (a health check that needs no Redis is such a form too), the form the storm started after does."""
    forms = [form_of(m) for m in hit.history if not m[:1].isspace()]
    return frozenset(f for f in forms if forms.count(f) >= 2 and _WORDS.search(f))


@dataclass
class _Storm:
    """Redis failures in a row on one stream, so far."""

    before: str | None  # the form (template) of the app's line just before the first one
    count: int
    seen: bool  # every line printed between two of them is known (Hit.after of the one, Hit.before of the next)
    inside: set[str]  # the forms of those lines
    last_line: int
    after: tuple[LogRecord, ...]  # the lines after the last one (Hit.after)
    reach: int  # ... looked at up to this line
    # the requests and units of work that failed with the storm: named by its failures' own entries (_entry_request),
    # by the app's line before it or its lines between them (_failed_requests)
    failed: set[str] = field(default_factory=set)
    answered: bool = False  # a request was answered between the failures (on the app's fallback)
    fallback: int | None = None  # the judge's last fallback line when the storm began (a later one: work done on it)
    routine: frozenset[str] = frozenset()  # the forms of the app's work before the first one (_routine)


def _between(storm: _Storm, hit: Hit) -> None:
    """The lines the app printed between the storm's last failure and this one (a web process's health checks):
    their forms join `inside`; a line nobody looked at makes the storm unreadable (it may have been of the form)."""
    line = hit.record.line
    if hit.before is None and storm.reach + 1 >= line and (not storm.after or storm.after[0].line >= line):
        return  # back to back (the usual storm): nothing between
    if storm.reach + 1 < line and (hit.before is None or hit.before.line > storm.reach + 1):
        storm.seen = False
        return
    lines = [r for r in storm.after if r.line < line]
    if hit.before is not None:
        lines.append(hit.before)
    forms = {form_of(r.message) for r in lines}
    storm.inside |= forms
    storm.failed |= _failed_requests(forms)  # (kept as they come: a storm's hits never read the whole set again)
    storm.answered = storm.answered or any(_request(f) for f in forms)
    if len(storm.inside) > MAX_FLAKY:  # too many to keep: the storm is not read
        storm.seen, storm.inside = False, set()


def _back(storm: _Storm, hit: Hit, by_form: bool, failed: set[str]) -> tuple[LogRecord, str | None, bool] | None:
    """The line after the storm of the form it started after (`by_form`): the first after it that is not of a form
    the app printed during the storm too, nor of another form of its work before the storm (`routine`: a worker
    that publishes, then receives, takes up again with either); those say nothing either way. Or a request the app answered between the
    failures (on its fallback) answered after them in another form; or a request that failed with them (`failed`)
    answered after them: the line, with that request and whether it had failed (else None)."""
    for record in hit.after:
        if record.line <= storm.last_line:
            continue
        form = form_of(record.message)
        if by_form and form == storm.before:
            return record, None, False
        ok = _ok_request(form, failed) if failed else None
        if ok is not None:
            return record, ok, True
        if form not in storm.inside and (not by_form or form not in storm.routine):
            request = _request(form)
            if request is not None and any(_request(f) == request for f in storm.inside):
                return record, request, False
            return None
    return None


@dataclass
class _Resume:
    """The app's line after a storm, read as recovery once the next hit of its stream is not a failure."""

    record: LogRecord
    form: str
    count: int  # the failures of the storm
    seq: int  # its place in the story: right after the storm's last failure
    request: str | None = None  # the request answered between the failures, answered another way by `record`
    failed: bool = False  # ... or the request that failed with them, answered by `record`


@dataclass
class StormState:
    """Per (source, instance): its storm of Redis failures so far, the app's line after one (a recovery pending
    until the stream's next hit), the line forms that came back between failures."""

    storms: dict[_Key, _Storm] = field(default_factory=dict)
    resume: dict[_Key, _Resume] = field(default_factory=dict)
    flaky: dict[_Key, set[str]] = field(default_factory=dict)
    unnamed: set[_Key] = field(default_factory=set)  # streams whose last hit was an error no rule names


class StormReading:
    def _storm_step(self, hit: Hit, down: bool, times: int = 1, last: LogRecord | None = None) -> None:
        """Follow this stream's storm of Redis failures (`down`: the hit is one; `times` copies of it, back to
        back, the last one `last`: Judge.feed_run); a storm followed by the line form it started after leaves a
        recovery pending."""
        self._work_step(hit, down, times)  # the app's work around the failures (analyzer.stopped)
        aff = self.affinity
        if aff is None or not aff.resumed:
            return
        record = hit.record
        key = (record.source, record.instance or "")
        if not down:
            self._storm.storms.pop(key, None)
            if hit.matches:
                self._storm.unnamed.discard(key)
            elif len(self._storm.unnamed) < MAX_STREAMS:
                self._storm.unnamed.add(key)
            return
        storm = self._storm.storms.get(key)
        if storm is None:
            if len(self._storm.storms) >= MAX_STREAMS:
                del self._storm.storms[next(iter(self._storm.storms))]
            before = said_before(hit)
            # right after an error no rule names (it ended the storm before: it may be the failure's own line), a storm
            # with no app line before it is not read
            seen = before is not None or hit.before is not None or key not in self._storm.unnamed
            storm = _Storm(before, 0, seen, set(), record.line, (), 0, routine=_routine(hit))
            storm.failed = _failed_requests({before}) if before else set()
            storm.fallback = self._fallback_runs[-1][2] if self._fallback_runs else None
            self._storm.storms[key] = storm
        elif not storm.seen:
            return  # nothing can come back after this storm: a retry storm costs one lookup a hit
        elif record.line > storm.last_line:
            _between(storm, hit)
        storm.count += times
        request = _entry_request(record.message)
        if request is not None and len(storm.failed) < MAX_FLAKY:
            storm.failed.add(request)
        if record.line >= storm.last_line:  # a held failure claimed later keeps the storm's end
            end = last or record
            storm.last_line, storm.after = end.end_line or end.line, hit.after
            storm.reach = hit.reach + (end.line - record.line) if hit.reach else 0
        if storm.seen:
            flaky = self._storm.flaky.get(key, ())
            # the line form the storm started after, back: a weak sign alone, it takes `resumed_after` failures; the
            # very request or work that failed (or was served on the fallback) done again after them takes one
            by_form = bool(
                storm.before
                and storm.count >= aff.resumed_after
                and storm.before not in storm.inside
                and storm.before not in flaky
            )
            if self._fallback_runs and self._fallback_runs[-1][2] != storm.fallback:
                failed: set[str] = set()  # the app said it went on without Redis: work done after says nothing of it
            else:
                failed = storm.failed.difference(flaky)
            back = _back(storm, hit, by_form, failed) if by_form or failed or storm.answered else None
            if back is not None:
                line, request, was_failed = back
                self._seq += 1  # its place: right after this failure, whatever other streams print meanwhile
                form = request if request and (was_failed or not storm.before) else storm.before
                self._storm.resume[key] = _Resume(line, form, storm.count, self._seq, request, was_failed)

    def _settle(self, hit: Hit) -> None:
        """The next hit of a stream with a recovery pending: a Redis failure takes it back, anything else keeps it."""
        record = hit.record
        key = (record.source, record.instance or "")
        pending = self._storm.resume.pop(key, None)
        if pending is None:
            return
        if hit.matches:
            failure = self._shape(hit.matches).down
        else:
            failure = self.affinity is not None and self.affinity.in_text(record.message) is not None
        if failure:
            flaky = self._storm.flaky.setdefault(key, set())
            if len(flaky) < MAX_FLAKY:
                flaky.add(pending.form)
            if len(self._storm.flaky) > MAX_STREAMS:
                del self._storm.flaky[next(iter(self._storm.flaky))]
            return
        self._resumed(pending)

    def _settled(self):  # type: ignore[no-untyped-def]
        """A copy of the judge where every pending recovery stands, and every stop of the app's work (the end of the
        input): the diagnosis never changes the judge."""
        judge = copy.deepcopy(self, {id(self.rules): self.rules, id(self.redactor): self.redactor})
        for key in list(judge._storm.resume):
            judge._resumed(judge._storm.resume.pop(key))
        judge._settle_work()
        return judge

    def _resumed(self, pending: _Resume) -> None:
        """The recovery event, in its place in the story."""
        aff = self.affinity
        rule_id = aff.resumed  # type: ignore[union-attr]
        record, seq = pending.record, pending.seq
        key = (rule_id, ())
        ev = _evidence(record)
        agg = self._aggs.get(key)
        if agg is None:
            agg = self._aggs[key] = _Aggregate(rule_id, (), 0, ev, ev, seq, seq, sample=self._sample(record))
            if pending.request is None:
                agg.because = Msg("judge.resumed", line=pending.form, count=pending.count)
            elif pending.failed:
                agg.because = Msg("judge.resumed_failed", request=pending.request, count=pending.count,
                                  line=form_of(record.message))
            else:
                agg.because = Msg("judge.resumed_request", request=pending.request, count=pending.count,
                                  line=form_of(record.message))
        agg.count += 1
        agg.last, agg.last_seq = ev, max(agg.last_seq, seq)
        agg.add_fields({"line": pending.form, "failures": str(pending.count)})
        if record.instance and record.instance not in agg.instances and len(agg.instances) < MAX_INSTANCES:
            agg.instances.append(record.instance)
        if record.source not in agg.sources and len(agg.sources) < MAX_INSTANCES:
            agg.sources.append(record.source)
        self._seen_rules.add(rule_id)
        bisect.insort(self._timeline, (seq, key))
        self._mark(record.instance or "", [rule_id])  # the client works: `up_before` holds from here on
        self.timeline.add(record.time, record.instance, seq, [key], [key], None)
