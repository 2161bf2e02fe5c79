"""What one hit says by itself, and what the judge keeps of it: the bounds, message templates,
evidence, the remembered shape of a match tuple (its rules' flags, ties, static conditions) and a
finding's running aggregate. Pure data and functions; `analyzer.judge` uses them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analyzer.i18n import Msg, tr
from analyzer.model import Evidence, LogRecord, Reclassify, Rule


MAX_INSTANCES = 20
MAX_FIELD_VALUES = 3
MAX_TEMPLATES = 500
MAX_TIMELINE = 10_000
MAX_HELD = 32  # failures held per stream, waiting for the lines after them (Judge._held)
MAX_STREAMS = 1_000  # instances tracked for "pending" conditions and caused_by windows
_UP = "\0up"
_UP_HOST = "\0up@"  # + the host the last `state: up` hit of a stream named (its `host` field), kept beside _UP
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


def matched_line(rule: Rule, message: str) -> str:
    """The line of a multi-line entry that a rule's pattern matched: the proof, where the entry's first
    line is often only its opening (`❌ Redis connection error: {`, `Traceback (most recent call last):`)."""
    if "\n" not in message:
        return message
    for pattern in rule.patterns:
        m = pattern.search(message)
        if m:
            start = message.rfind("\n", 0, m.start()) + 1
            end = message.find("\n", m.start())
            return message[start : end if end >= 0 else len(message)]
    return message


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
    fallback: str | None  # the rule of an `event: fallback` line (it names what the app falls back to)
    exit: bool  # a rule says the process stopped (event: exit)
    about_redis: bool  # a rule of the entry speaks of Redis (a state, an endpoint, a Redis topic)
    named: bool  # a rule of the entry names what happened (a state, an endpoint, a cause), not only how it was printed
    joins: bool  # a rule of the entry chains it to the previous one
    context: bool  # every rule is a fact for reclassify (kind: context)
    up: bool  # a rule says Redis works (state: up)
    down: bool  # a rule says Redis fails (state: down or degraded)
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
    """One rule's hits so far (with the reclassify conditions that held): what a finding is made of."""

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


def up_host(rules: dict[str, Rule], matches: tuple[tuple[str, dict[str, str]], ...]) -> str | None:
    """The host a `state: up` match of the entry names ('Connected to redis://redis:6379/0': 'redis'), or None."""
    return next((f["host"] for r, f in matches if f.get("host") and r in rules and rules[r].state == "up"), None)


_LOOPBACK = re.compile(r"^(?:127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$", re.I)


def held_now(item: Reclassify, marks: dict[str, int], fields: dict[str, str], level: str | None) -> bool:
    """A reclassify entry's conditions on what the stream showed before the hit and on the hit's record itself:
    `up_before` (a client of the stream worked), `up_elsewhere` (another host's did) and `level` (the level a
    structured logger gave the record, which the matched text does not hold: the app's own rank of the line)."""
    if item.up_before and _UP not in marks:
        return False
    if item.up_elsewhere and not up_elsewhere(marks, fields.get("host", "")):
        return False
    return item.level is None or (level is not None and bool(item.level.search(level)))


def up_elsewhere(marks: dict[str, int], host: str) -> bool:
    """The last `state: up` hit of this stream named a host, and not `host` (every loopback name is one host: this
    machine): another client of the instance works."""
    here = "loopback" if _LOOPBACK.match(host) else host.lower()
    for key in marks:
        if key.startswith(_UP_HOST):
            there = key[len(_UP_HOST) :]
            return ("loopback" if _LOOPBACK.match(there) else there.lower()) != here
    return False
