"""The shared middle: blocks or records -> scan -> judge -> diagnosis.

Every front door (analyze, fetch, follow, check, doctor) goes through `Session`, so the same
records give the same diagnosis whichever way they arrived.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from analyzer.model import STATE_RANK, Diagnosis, LogRecord, Scope, SourceVerdict, Verdict
from analyzer.redact import Redactor
from analyzer.engine.rules import RuleSet
from analyzer.engine.scan import Hit, Plan, Run, Scanner
from analyzer.judge import Judge
from analyzer.sources.files import Block, Problems

if TYPE_CHECKING:
    from analyzer.summary import Summary


MAX_SOURCE_JUDGES = 200  # sources beyond these get no verdict of their own (memory stays bounded)
API_BATCH = 1000  # API logs judged at a time (feed_api_logs): memory holds one batch, never a whole fetch


def records_block(records: list[LogRecord], source: str, more: bool = False) -> Block:
    """Pre-parsed records (API logs) as a block the scanner can search in one pass. `more`: further
    records of the source will follow (a live tail's batches), so an entry may continue there."""
    text = "\n".join(r.message.replace("\n", " ") for r in records)
    start = records[0].line if records else 1
    return Block(source, start, text, records, more=more)


@dataclass
class Session:
    """One diagnosis in progress. Feed blocks or records; ask for `diagnosis()` at any time."""

    ruleset: RuleSet
    input_format: str = "auto"
    redactor: Redactor = field(default_factory=Redactor)
    problems: Problems = field(default_factory=Problems)
    # Keep only entries whose (first line's) level passes, judged after continuation lines are joined:
    # a server-side level filter would drop the `code: 'ECONNREFUSED'` line of an error object.
    level: Callable[[str | None], bool] | None = None
    scope: Scope | None = None  # what an API read covered (fetch, follow)
    # the rules' plan: given by a caller that runs many sessions on one rule set (rla check: one per file, and
    # the pure-Python engine the plan builds once), else made here
    plan: Plan = field(default=None)  # type: ignore[assignment]
    judge: Judge = field(init=False)
    scanner: Scanner = field(init=False)
    # one judge per source besides the overall one, so each file gets its own verdict (bounded)
    by_source: dict[str, Judge] = field(init=False, default_factory=dict)
    # while every hit so far came from one source, the overall judge is that source's judge too (feeding a
    # second, identical judge doubled the judging of every single-file run); a copy is made when another
    # source's hit arrives
    _lone: str | None = field(init=False, default=None)
    # parts fed so far, as far as the next part needs them (analyzer.summary.merge): the source being
    # read, its lines, the entries still open at the end of its last byte range
    _carry: "Summary | None" = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.plan is None:
            self.plan = self.ruleset.plan()
        self.judge = Judge.of(self.ruleset, self.redactor)
        self.scanner = Scanner(self.plan, self.problems, self.input_format)

    def feed_block(self, block: Block) -> list[str]:
        """Scan one block; returns rule ids seen for the first time."""
        if block.rest is not None and block.origin is not None and not self.plan.every_line:
            from analyzer.engine.parallel import jobs

            workers = jobs()
            if workers > 1 and hasattr(os, "pread"):
                return self._feed_split(block, workers)
        stats = self.judge.stats
        if block.source not in stats.sources:
            stats.sources.append(block.source)
        new = self._judge(self.scanner.scan(block))
        stats.lines += block.line_count()
        return new

    def _feed_split(self, block: Block, workers: int) -> list[str]:
        """A big plain file scanned by byte ranges on every core, their summaries merged in order as
        they come and judged as soon as they are in order (analyzer.summary.split)."""
        from analyzer.summary import split

        new = self._judge(self.scanner.flush())  # the source before it has ended
        lines = self.judge.stats.lines
        try:
            for part in split(block, self.plan, workers, self.input_format):
                new.extend(self.feed_summary(part))
        finally:
            block.counted = self.judge.stats.lines - lines
        return new

    def _judge(self, hits: Iterable[Hit | Run]) -> list[str]:
        new: list[str] = []
        for item in hits:
            if type(item) is Run:  # copies of one entry: counted at once where the judge allows it
                self.judge.stats.candidates += item.count
                record = item.hit.record
                if self.level is None or self.level(record.level):
                    own = self._source_judge(record.source)
                    new.extend(self.judge.feed_run(item))
                    if own is not None:
                        own.feed_run(item)
                continue
            hit = item
            self.judge.stats.candidates += 1
            if self.level is None or self.level(hit.record.level):
                own = self._source_judge(hit.record.source)  # before the overall judge takes the hit
                new.extend(self.judge.feed(hit))
                if own is not None:
                    own.feed(hit)
        return new

    def _source_judge(self, source: str) -> Judge | None:
        """The judge of this source's own verdict; None while the overall judge stands in for it."""
        judge = self.by_source.get(source)
        if judge is not None or source == self._lone:
            return judge
        if self._lone is None and not self.by_source:
            self._lone = source
            return None
        if self._lone is not None:  # a second source: the first gets its own judge, the overall one as it stands
            self.by_source[self._lone] = self._copy(self.judge)
            self._lone = None
        if len(self.by_source) < MAX_SOURCE_JUDGES:
            judge = self.by_source[source] = Judge.of(self.ruleset, self.redactor)
        return judge

    def _copy(self, judge: Judge) -> Judge:
        """A judge's state to go on with apart; the rules and the redactor are shared, never copied."""
        return copy.deepcopy(judge, {id(judge.rules): judge.rules, id(judge.redactor): judge.redactor})

    def feed_summary(self, summary: "Summary") -> list[str]:
        """Judge a part scanned elsewhere (analyzer.summary: a cluster worker, another process), as
        if its blocks had been fed here: parts fed in input order give the plain run's diagnosis. A
        byte range of a file is merged onto the parts before it (its line numbers, the entries left
        open before it); the entries it leaves open wait for the next part."""
        from analyzer.summary import Rejoin, Summary, merge

        carry = merge(self._carry or Summary(), summary, Rejoin(self.plan, self.input_format))
        self._carry = Summary(sources=carry.sources[-1:], tail=carry.tail, last_lines=carry.last_lines)
        summary = carry
        stats = self.judge.stats
        stats.sources.extend(s for s in summary.sources if s not in stats.sources)
        new = self._judge(summary.hits)
        stats.lines += summary.lines
        self.problems.unparsed += summary.unparsed
        if self.problems.first is None:
            self.problems.first = summary.first_unparsed
        self.problems.skipped.extend(summary.skipped)
        self.problems.notes.extend(summary.notes)
        self.scanner.engines.update(summary.engines)
        return new

    def flush(self) -> list[str]:
        """Entries still waiting for a next block are complete (end of input)."""
        new = self._judge(self.scanner.flush())
        if self._carry is not None and self._carry.tail:  # a split file stopped half-way (Ctrl-C)
            from analyzer.summary import Rejoin, close

            tail, self._carry.tail = self._carry.tail, []
            new.extend(self._judge(close(tail, Rejoin(self.plan, self.input_format))))
        return new

    def feed_records(self, records: list[LogRecord], source: str, more: bool = False) -> list[str]:
        """`more=True` for a stream's batches: an entry cut by the batch boundary is completed by the
        next batch (or by `flush`/`diagnosis`), so batching never changes a count."""
        if not records:
            return []
        return self.feed_block(records_block(records, source, more))

    def feed_api_logs(self, logs: Iterable[Any], source: str) -> int:
        """API log objects (a fetch read back in time order), numbered 1.. as one input and fed in
        batches of API_BATCH: entries cut by a batch boundary are joined (`more=True`), so the diagnosis
        is that of one block holding them all. Returns how many were fed."""
        from analyzer.sources.formats import record_from_api_log

        batch: list[LogRecord] = []
        n = 0
        for n, log in enumerate(logs, start=1):
            batch.append(record_from_api_log(log, source, n))
            if len(batch) >= API_BATCH:
                self.feed_records(batch, source, more=True)
                batch = []
        self.feed_records(batch, source, more=True)
        return n

    def preview(self) -> Diagnosis:
        """The diagnosis so far, entries still open counted as they stand, without closing them: what
        a live view shows between batches (the judge is copied, the session goes on unchanged)."""
        keep, keep_sources, keep_lone = self.judge, self.by_source, self._lone
        shared = {id(keep.rules): keep.rules, id(keep.redactor): keep.redactor}
        self.judge = copy.deepcopy(keep, shared)
        self.by_source = copy.deepcopy(keep_sources, shared)
        try:
            self._judge(self.scanner.pending())
            return self._finish(None)
        finally:
            self.judge, self.by_source, self._lone = keep, keep_sources, keep_lone

    def describe(self, seconds: float | None = None) -> str:
        """How the input was read (`--verbose`): engine, lines, candidates, speed, and what is missing."""
        from analyzer.engine.prefilter import available

        stats = self.judge.stats
        engines = ", ".join(sorted(self.scanner.engines)) or "none (no input)"
        out = [f"rla: engine: {engines}; {stats.lines:,} lines, {stats.candidates:,} candidate entries"]
        if seconds:
            out[0] += f"; {seconds:.2f} s"
        if self.plan.every_line:
            ids = ", ".join(self.plan.rules[i].id for i in self.plan.unindexed)
            out.append(f"rla: rules with no literal text ({ids}) make every line a candidate: slow")
        here = available()
        if "hyperscan" not in here:
            fallback = "with pyahocorasick, about 3x" if "aho-corasick" in here else "in pure Python, about 10x"
            out.append(
                f"rla: hyperscan is not installed: big logs are searched {fallback} slower (pip install 'rla[fast]')"
            )
        return "\n".join(out)

    def diagnosis(self, incomplete: str | None = None) -> Diagnosis:
        self.flush()
        return self._finish(incomplete)

    def _finish(self, incomplete: str | None) -> Diagnosis:
        stats = self.judge.stats
        stats.unparsed = self.problems.unparsed
        stats.first_unparsed = self.problems.first
        stats.skipped = list(self.problems.skipped)
        if incomplete:
            stats.incomplete = incomplete
        stats.scope = self.scope
        diag = self.judge.diagnosis()
        if len(stats.sources) > 1:
            # the lone source with hits: every hit judged is its own, so its verdict is the overall one
            alone = diag.verdict
            diag.per_source = [
                SourceVerdict(
                    s,
                    self.by_source[s].diagnosis().verdict
                    if s in self.by_source
                    else alone if s == self._lone else Verdict("unknown"),
                )
                for s in stats.sources
            ]
            # the overall verdict is the worst source's own: its "since" and root cause tell one story
            diag.verdict = max(diag.per_source, key=lambda sv: STATE_RANK.get(sv.verdict.state, 0)).verdict
            # times of day from several files (dashboard pastes have no date) share no axis: one timeline
            # would lay runs of different days side by side; RFC 3339 times from several files do
            if diag.timeline is not None and diag.timeline.clock != "utc":
                diag.timeline = None
        return diag


def diagnose(blocks: Iterable[Block], ruleset: RuleSet, input_format: str = "auto") -> Diagnosis:
    session = Session(ruleset, input_format)
    for block in blocks:
        session.feed_block(block)
    return session.diagnosis()
