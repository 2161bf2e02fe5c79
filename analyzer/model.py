"""The shared vocabulary of the pipeline: source -> records -> matches -> diagnosis -> report.

Everything here is plain data. Modules pass these around; none of them does I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analyzer.timeline import Timeline


def _parsed(text: str | None) -> datetime | None:
    from analyzer.times import parse

    stamp = parse(text)
    return stamp.dt if stamp else None


class Severity(IntEnum):
    """Ordered so that `>=` means "at least as bad as"."""

    OK = 0
    INFO = 1
    WARNING = 2
    ERROR = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            names = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {text!r} (expected one of: {names})") from None

    @property
    def label(self) -> str:
        return self.name.lower()


# What a rule's hit says about Redis at that moment; the judge replays these in order.
STATES = ("up", "down", "degraded")
# cause: explains a failure; symptom: shows one but says little of why; status: a progress line.
KINDS = ("cause", "symptom", "status", "context")


@dataclass(frozen=True, slots=True)
class LogRecord:
    """One log entry, after the platform prefix is taken off.

    `line` is the 1-based line of the entry's first physical line in `source`.
    `time` is the timestamp as the source showed it ("06:22:47 PM", "2026-11-26T06:12:03.5Z").
    """

    source: str
    line: int
    message: str
    time: str | None = None
    instance: str | None = None
    level: str | None = None
    type: str | None = None
    id: str | None = None
    end_line: int | None = None  # last physical line, when the entry spans several

    @property
    def timestamp(self) -> "datetime | None":
        """`time` parsed (analyzer.times): aware when the format has a zone, None when it has no date."""
        return _parsed(self.time)


@dataclass(frozen=True, slots=True)
class Reclassify:
    """Report a hit as another rule when a field or the rest of the log says so.

    Example: ECONNREFUSED to 127.0.0.1 means the client never saw REDIS_URL.
    """

    to: str
    field: str | None = None
    matches: re.Pattern[str] | None = None
    seen: str | None = None  # a rule id that must have matched somewhere in the same log
    not_seen: str | None = None
    # a rule id whose last hit (in the same instance, when known) came after the last `state: up` hit:
    # "connecting" with no "ready" since means a failure now belongs to the handshake
    pending: str | None = None
    fields: tuple[tuple[str, re.Pattern[str]], ...] = ()  # more field conditions, all must hold
    up_before: bool = False  # a `state: up` hit came earlier in the same instance (the client worked)
    # the last `state: up` hit of the same instance named another host than this hit's: another client worked
    up_elsewhere: bool = False
    # the level a structured logger gave the hit's record (a JSON record's `level`), matching this regex: the app's
    # own rank of the line, which the matched text does not hold ('debug': its wait loop's deadline, not a failure)
    level: re.Pattern[str] | None = None
    # no other Redis rule (topic redis/*, not a context fact) matched anywhere in the log: the hit is all the log says
    # about Redis, so a symptom that presumes a Redis failure (a memory session store) presumes one the log lacks
    alone: bool = False
    because: dict[str, str] | None = None  # language -> what the inference used, with {field} values


@dataclass(frozen=True, slots=True)
class Texts:
    """A rule's words in one language."""

    title: str
    cause: str
    solution: tuple[str, ...]  # the steps on Render (the Key Value's dashboard, its Internal URL)
    elsewhere: tuple[str, ...] = ()  # the same fix said for any platform (YAML `solution_elsewhere`)
    # what this finding leaves to do once its root cause is fixed (YAML `after_fix`): the app still on its memory
    # cache, scripts never reloaded; the first screen shows it under the root cause's steps
    after_fix: tuple[str, ...] = ()

    def fix(self, platform: str | None) -> tuple[str, ...]:
        """The steps for where the log comes from: Render's own on Render evidence; the platform-neutral ones for
        another platform's log or one that shows none, when the rule has them (Diagnosis.platform)."""
        return self.solution if platform == "render" or not self.elsewhere else self.elsewhere


@dataclass(frozen=True)
class Rule:
    """One diagnosis, as a rule file says it (rules/*.yaml)."""

    id: str
    severity: Severity
    patterns: tuple[re.Pattern[str], ...]
    texts: dict[str, Texts]  # language -> texts; "en" always present
    topic: str = ""
    kind: str = "cause"
    state: str | None = None
    docs: tuple[str, ...] = ()
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()
    reclassify: tuple[Reclassify, ...] = ()
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()  # prefilter literals, when they cannot be derived from patterns
    extract: tuple[re.Pattern[str], ...] = ()  # extra evidence, each optional
    # "previous": this line chains two errors into one event (Python's "During handling of the above
    # exception, another exception occurred:"): the next hit of a rule the previous hit matched is not counted again
    joins: str | None = None
    event: str | None = None  # an event the judge tells the story with: "deploy", "fallback", "exit"
    # a refusal no retry lifts (an ACL, a key's type, a command the server lacks): the app's successes after it are
    # other commands, not a recovery; only a deploy after it ends it (analyzer.verdict)
    lasting: bool = False
    # "endpoint": a connection-level failure any TCP client prints; a Redis finding only when evidence ties
    # its endpoint or entry to Redis (rules/affinity.yaml, analyzer.engine.affinity)
    affinity: str | None = None
    # a named group holding a Redis URL the log prints: the hit counts only when that URL leaves the client with
    # no address (analyzer.urllint.unusable); the judge adds the problem as the field `url_problem`
    url_lint: str | None = None
    # a rule whose hit shows where the log comes from (a context rule, or a Render-only reply): "render", or
    # "elsewhere" (another managed platform); the fix steps follow it (Texts.fix)
    platform: str | None = None
    # one entry a step of `solution`: the regex (YAML `when`) the finding's evidence must hold for the first screen to
    # give that step, None for a step said whatever the evidence (a rule covering several faults: a server that will
    # not start on its AOF needs redis-check-aof, not the port and socket steps of the same rule)
    solution_when: tuple[re.Pattern[str] | None, ...] = ()
    elsewhere_when: tuple[re.Pattern[str] | None, ...] = ()  # the same for `solution_elsewhere`
    path: str = ""

    def text(self, lang: str = "en") -> Texts:
        return self.texts.get(lang) or self.texts["en"]

    def fix(self, lang: str, platform: str | None, evidence: str) -> tuple[str, ...]:
        """The steps for this finding: `Texts.fix`, without the steps whose `when` the evidence does not hold; every
        step when it holds none of them (a wording the conditions did not foresee loses no step)."""
        texts = self.text(lang)
        steps = texts.fix(platform)
        whens = self.solution_when if steps is texts.solution else self.elsewhere_when
        if len(whens) != len(steps) or not any(whens):
            return steps
        picked = tuple(s for s, when in zip(steps, whens) if when is None or when.search(evidence))
        return steps if len(picked) == whens.count(None) else picked

    @property
    def title(self) -> str:
        return self.texts["en"].title


@dataclass(frozen=True, slots=True)
class Match:
    """A rule's match on one record, with the fields its pattern extracted."""

    rule_id: str
    record: LogRecord
    fields: dict[str, str]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a finding was seen: source, line, time, instance."""

    source: str
    line: int
    time: str | None
    instance: str | None

    @property
    def timestamp(self) -> "datetime | None":
        return _parsed(self.time)


@dataclass
class Finding:
    """One rule's hits in the log: counts, first and last seen, fields, sample."""

    rule_id: str
    severity: Severity
    count: int
    first: Evidence
    last: Evidence
    instances: list[str]
    fields: dict[str, str]
    sample: str  # one redacted line of evidence
    caused_by: str | None = None  # the root-cause rule a symptom is linked to
    sources: list[str] = field(default_factory=list)
    because: list[str] = field(default_factory=list)  # what tied it to Redis or reclassified it (i18n Msg)

    def said(self) -> str:
        """What its evidence says, for the steps of a rule given only `when` the evidence holds a regex (Rule.fix)."""
        return "\n".join([self.sample, *self.fields.values()])


@dataclass
class NotRedis:
    """Connection failures whose endpoint nothing ties to Redis: one line of the report, never a finding."""

    rule_id: str  # the rule that recognised the failure
    endpoint: str  # '10.0.9.9:5432', 'api.stripe.com', '' when the line names none
    count: int
    first: Evidence
    sample: str
    because: str  # i18n Msg: why it is not Redis ("PostgreSQL's port")
    untied: bool = False  # no endpoint and no evidence either way ("nothing ties it to Redis"): maybe Redis's after all


@dataclass
class Unexplained:
    """Error-looking lines no rule explains, grouped by template."""

    template: str
    count: int
    first: Evidence
    sample: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """Is Redis working now, and if not, why and since when."""

    state: str  # healthy | degraded | failing | recovered | unknown
    root_cause: str | None = None  # rule id
    since: Evidence | None = None  # when the current state began
    after_deploy: Evidence | None = None  # the last Redis error came before this deploy, none after it
    fallback: Evidence | None = None  # a fallback line (memory cache) seen in the current degraded/failing window
    fallback_rule: str | None = None  # the rule of that line: what the app fell back to


@dataclass
class Scope:
    """What a read from the Render API covered (`fetch`, `follow`): the header and JSON say it."""

    service: str  # its name
    service_id: str
    start: str | None = None  # RFC 3339 UTC; follow: the server time it started from
    end: str | None = None  # follow: the server time it stopped at (its last log's)
    logs: int = 0  # log objects read
    filters: dict[str, list[str]] = field(default_factory=dict)  # sent to the API (type, text, instance)
    # applied by rla after multi-line entries are joined (level: the server would drop continuation lines)
    after_join: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SourceVerdict:
    """One input's own verdict when several were given: each file tells its own story, so a "since"
    and a root cause never come from two different files."""

    source: str
    verdict: Verdict


# How bad a verdict is, to pick the one that speaks for several sources.
STATE_RANK = {"unknown": 0, "healthy": 1, "recovered": 2, "degraded": 3, "failing": 4}


@dataclass
class Stats:
    """What was read: sources, lines, candidates, what could not be read."""

    sources: list[str] = field(default_factory=list)
    lines: int = 0
    records: int = 0
    candidates: int = 0
    unparsed: int = 0  # records that could not be parsed (bad JSON, ...)
    first_unparsed: str | None = None
    incomplete: str | None = None  # why the input stopped early, if it did
    scope: Scope | None = None  # what an API read covered (None for files and stdin)
    skipped: list[str] = field(default_factory=list)  # inputs not read, and why (binary, unreadable)


@dataclass
class Diagnosis:
    """The whole answer: verdict, findings, unexplained errors, not-Redis failures, timeline."""

    verdict: Verdict
    findings: list[Finding]
    unexplained: list[Unexplained]
    stats: Stats
    not_redis: list[NotRedis] = field(default_factory=list)
    per_source: list[SourceVerdict] = field(default_factory=list)  # several sources only, in input order
    timeline: "Timeline | None" = None  # counts per time bucket, states, platform events (analyzer.timeline)
    # where the log comes from, as its own lines show it (a `platform` context rule): "render", "elsewhere", or None
    # when nothing shows it; the fix steps follow it (Texts.fix)
    platform: str | None = None
