"""Rule -> Sigma rule (a plain mapping ready for YAML), or the one-line reason it cannot be one.

Pure: no I/O, no pySigma (the base install exports Sigma; converting it to a platform's query
language is analyzer.export.backends' job). Everything comes from the loaded Rule objects, never
from the YAML, so a field the loader adds to the matching reaches the export or stops it here.

What a Sigma rule keeps of ours: the line-level match (any pattern, and when the rule declares
`keywords:` one of them, as rla's prefilter requires), title, cause, severity, docs and the
`no_match` examples. What stays in rla: joining a stack trace's lines into one entry, the
reclassifications that look at a captured field or at the rest of the log, the root cause and the story.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from analyzer.engine.affinity import Affinity
from analyzer.i18n import Msg
from analyzer.model import Rule, Severity

# Fixed forever: a rule's Sigma id is uuid5(NAMESPACE, rule id), so re-exporting never changes it
# and a platform keeps its alert history across rla versions.
NAMESPACE = uuid.UUID("7f0c4f3e-5d0a-5b8e-9a57-3c1d2b6e8a10")

# Sigma levels for our severities (ok is never exported: rla does not report it as a problem).
LEVELS = {
    Severity.INFO: "low",
    Severity.WARNING: "medium",
    Severity.ERROR: "high",
    Severity.CRITICAL: "critical",
}

# The fields of a Render log record as the API (GET /v1/logs, /v1/logs/subscribe) carries them: `message`
# at the top level, the rest as labels. Log Streams carry the same facts (syslog: HOSTNAME = service
# slug, APP-NAME = type-instance; HTTPS drains: render_service, render_instance, level). The exported
# rules match `message` only; the platform pipelines in analyzer.export.backends rename it.
FIELDS = {
    "message": "the log line as the service printed it",
    "resource": "the service id (srv-…), a label",
    "instance": "the instance id (srv-…-<suffix>), a label; absent on build and deploy lines",
    "level": "debug, info, notice, warning, error, critical, alert or emergency, a label",
    "type": "app, request or build, a label",
}
LOGSOURCE = {
    "product": "render",
    "category": "application",
    "definition": "Render service logs as the Render API (GET /v1/logs) and Log Streams carry them. Fields: "
    + "; ".join(f"{k}: {v}" for k, v in FIELDS.items())
    + ". Detections match `message`.",
}
MAX_FALSEPOSITIVES = 6
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_META = re.compile(r"[\\.^$|?*+()\[\]{}]")  # what a keyword must escape to be read as text in a regex
_SCOPED_FLAGS = re.compile(r"\(\?[ims]*(?:-[ims]+)?:")  # (?i:…): RE2 and PCRE read it as Python does


@dataclass(frozen=True)
class Skipped:
    rule_id: str
    reason: Msg


@dataclass(frozen=True)
class Exported:
    rule_id: str
    doc: dict  # the Sigma rule, in key order
    # what rla decides beyond the line match (a reclassification), said in the rule's falsepositives
    lost: tuple[Msg, ...] = field(default_factory=tuple)


class NotPortable(ValueError):
    """A pattern that RE2/PCRE-style engines would read differently from Python's `re`."""

    def __init__(self, reason: Msg):
        super().__init__(str(reason))
        self.reason = reason


def sigma_id(rule_id: str) -> str:
    return str(uuid.uuid5(NAMESPACE, rule_id))


def portable(pattern: str) -> tuple[str, str]:
    """A rule pattern as a Sigma regular expression: (regex, sigma flags "i"/"m"/"s").

    Named groups become plain groups (what a line matches does not change; platforms have no use for
    our evidence names, and Lucene or JavaScript-style engines do not read `(?P<…>)`). The pattern's
    leading global flags become Sigma modifiers. A construct that RE2 (Loki, DuckDB, Go) or PCRE (Splunk)
    reads differently from Python raises NotPortable.
    """
    flags = ""
    m = re.match(r"\(\?([a-zA-Z]+)\)", pattern)
    if m:
        for letter in m.group(1):
            if letter not in "ims":
                raise NotPortable(Msg("export.skip.flag", flag=f"(?{letter})"))
        flags = "".join(sorted(set(m.group(1))))
        pattern = pattern[m.end():]
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        c = pattern[i]
        if c < " " or c == "\x7f":  # written as itself (a YAML double-quoted "\n"): Loki's backend dropped the filter
            out.append(f"\\x{ord(c):02x}")
            i += 1
            continue
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt in ("Z", "N", "u", "U"):
                raise NotPortable(Msg("export.skip.escape", escape="\\" + nxt))
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "[" and pattern.startswith("[:", i):
                raise NotPortable(Msg("export.skip.escape", escape="[:"))
            in_class = c != "]"
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            i += 1
            for literal in ("^", "]"):  # '[^]…]' and '[]…]': the first ']' is a character, not the end
                if pattern.startswith(literal, i):
                    out.append(literal)
                    i += 1
            continue
        if pattern.startswith("(?P<", i):
            out.append("(?:")
            i = pattern.index(">", i) + 1
            continue
        if pattern.startswith("(?", i) and not pattern.startswith("(?:", i) and not _SCOPED_FLAGS.match(pattern, i):
            raise NotPortable(Msg("export.skip.escape", escape=pattern[i : i + 3]))
        if c == "{" and pattern.startswith("{,", i):
            raise NotPortable(Msg("export.skip.escape", escape="{,n}"))
        out.append(c)
        i += 1
    return "".join(out), flags


def _sigma_literal(text: str) -> str:
    """A plain Sigma string: `*`, `?` and `\\` are its wildcards and escape."""
    return re.sub(r"([*?\\])", r"\\\1", text)


@dataclass(frozen=True)
class Dialect:
    """How patterns are written for a target: `translate` (pattern -> regex, Sigma flags) and whether
    each alternative set becomes one regex with scoped flags (Loki: no OR between line filters)."""

    translate: Callable[[str], tuple[str, str]] = portable
    merge: bool = False
    # declared keywords as case-insensitive regexes, not `contains`: the Loki backend (0.15) reads an escaped
    # Sigma wildcard (`WIDGET\*`) as `WIDGET\.*`
    keywords_as_regex: bool = False


def _any_of(prefix: str, patterns: list[str], dialect: Dialect) -> tuple[dict, str]:
    """Selections matching when any pattern matches the message, and the condition naming them."""
    by_flags: dict[str, list[str]] = {}
    for pattern in patterns:
        regex, flags = dialect.translate(pattern)
        by_flags.setdefault(flags, []).append(regex)
    if dialect.merge:
        merged = "|".join(f"(?{flags}:{regex})" for flags, regexes in sorted(by_flags.items()) for regex in regexes)
        return {prefix: {"message|re": f"(?:{merged})"}}, prefix
    selections = {}
    for n, (flags, regexes) in enumerate(sorted(by_flags.items())):
        key = "message|re" + "".join(f"|{f}" for f in flags)
        selections[f"{prefix}_{n + 1}" if len(by_flags) > 1 else prefix] = {key: regexes if len(regexes) > 1 else regexes[0]}
    return selections, (f"1 of {prefix}_*" if len(by_flags) > 1 else prefix)


def _names(rule: Rule, prefix: str, dialect: Dialect) -> tuple[dict, str]:
    """What it takes for `rule` to match a line, as rla's `classify` decides: any pattern, and one of the
    declared keywords (rla's prefilter only tries the rule on a line holding one, case-insensitively,
    as Sigma's `contains` compares)."""
    selections, condition = _any_of(prefix, [p.pattern for p in rule.patterns], dialect)
    if rule.keywords:
        name = "keywords" if prefix == "match" else f"{prefix}kw"  # never caught by a `1 of <prefix>_*`
        if dialect.keywords_as_regex:
            more, name = _any_of(name, ["(?i)" + _META.sub(r"\\\g<0>", k) for k in rule.keywords], dialect)
            selections.update(more)
        else:
            selections[name] = {"message|contains": [_sigma_literal(k) for k in rule.keywords]}
        condition = f"({condition}) and {name}" if condition.startswith("1 of") else f"{condition} and {name}"
    return selections, condition


def _detection(rule: Rule, dialect: Dialect, others: tuple[Rule, ...], affinity: Affinity | None = None) -> dict:
    """The rule's own match; for a fallback rule (a catch-all), also each of its `requires` patterns and
    none of the rules that would name the line first (`others`: every non-context, non-fallback rule);
    for a connection failure any client can print (`affinity: endpoint`), a Redis signal on the line too."""
    detection, condition = _names(rule, "match", dialect)
    signals = redis_regex(rule, affinity, dialect)
    if signals is not None:
        detection["redis"] = {"message|re": signals}
        condition = f"({condition}) and redis"
    for n, pattern in enumerate(getattr(rule, "requires", ()), start=1):
        selections, part = _any_of(f"requires_{n}", [pattern.pattern], dialect)
        detection.update(selections)
        condition = f"{condition} and {part}"
    if getattr(rule, "fallback", False):
        plain = [p.pattern for other in others if not other.keywords for p in other.patterns]
        selections, part = _any_of("named", plain, dialect)
        detection.update(selections)
        parts = [part]
        for n, other in enumerate((o for o in others if o.keywords), start=1):
            selections, part = _names(other, f"kwrule{n}", dialect)
            detection.update(selections)
            parts.append(f"({part})")
        condition = f"{condition} and not ({' or '.join(parts)})"
    detection["condition"] = condition
    return detection


def _redis_signals(rule: Rule, affinity: Affinity | None) -> tuple[str, ...]:
    """What a line must show to be Redis's failure for this rule (nothing: any line the rule matches)."""
    return affinity.line if rule.affinity == "endpoint" and affinity is not None else ()


def redis_regex(rule: Rule, affinity: Affinity | None, dialect: Dialect = Dialect()) -> str | list[str] | None:
    """The Redis signals a line must show for `rule` (a connection failure any client prints): one regex with
    scoped flags, or, for a dialect that cannot merge them (Lucene: no word boundary inside a group), a list
    of the alternatives it can say, each a regex of its own (a signal it cannot say is left out: the alert
    misses lines that show only that one, never alerts on more). None: the rule's own match says Redis."""
    signals = _redis_signals(rule, affinity)
    if not signals:
        return None
    try:
        selections, _ = _any_of("redis", list(signals), Dialect(dialect.translate, merge=True))
        return str(selections["redis"]["message|re"])
    except NotPortable:
        pass
    said = []
    for piece in (p for signal in signals for p in alternatives(signal)):
        try:
            regex, flags = dialect.translate(piece)
        except NotPortable:
            continue
        if not flags:  # a list of `message|re` values shares one set of modifiers: the piece must carry its own
            said.append(regex)
    return said or None


def alternatives(pattern: str) -> list[str]:
    """'(?i)a|b(c|d)' -> ['(?i)a', '(?i)b(c|d)']: a pattern's top-level alternatives, its leading flags kept."""
    m = re.match(r"\(\?[a-zA-Z]+\)", pattern)
    head, body = (m.group(0), pattern[m.end():]) if m else ("", pattern)
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            # '[]…]' and '[^]…]': the first ']' is a character, not the end
            i += 3 if body.startswith("[^]", i) else 2 if body.startswith("[]", i) else 1
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(head + body[start:i])
            start = i + 1
        i += 1
    return out + [head + body[start:]]


def _lost(rule: Rule, titles: dict[str, str], affinity: Affinity | None = None) -> tuple[Msg, ...]:
    """Each reclassification rla applies to this rule's hits, as a sentence for `falsepositives`."""
    out = [Msg("export.lost.affinity")] if _redis_signals(rule, affinity) else []
    for item in rule.reclassify:
        parts = []
        if item.field:
            if item.matches is not None:
                parts.append(Msg("export.lost.field_matches", field=item.field, regex=item.matches.pattern))
            else:
                parts.append(Msg("export.lost.field", field=item.field))
        if item.seen:
            parts.append(Msg("export.lost.seen", title=titles.get(item.seen, item.seen)))
        if item.not_seen:
            parts.append(Msg("export.lost.not_seen", title=titles.get(item.not_seen, item.not_seen)))
        if item.pending:
            parts.append(Msg("export.lost.pending", title=titles.get(item.pending, item.pending)))
        when = Msg.lazy(lambda lang, parts=parts: Msg("export.and").tr(lang).join(p.tr(lang) for p in parts))
        out.append(Msg("export.lost", title=titles.get(item.to, item.to), id=item.to, when=when))
    return tuple(out)


def skip_reason(rule: Rule) -> Msg | None:
    """Why the rule is no detection of its own (None: it is one)."""
    if rule.kind == "context":
        return Msg("export.skip.context")
    if rule.severity < Severity.INFO:
        return Msg("export.skip.ok")
    if not rule.patterns:
        return Msg("export.skip.no_patterns")
    return None


def export_rule(
    rule: Rule,
    titles: dict[str, dict[str, str]],
    lang: str = "en",
    dialect: Dialect = Dialect(),
    others: tuple[Rule, ...] = (),
    affinity: Affinity | None = None,
) -> Exported | Skipped:
    """One rule as a Sigma rule in `lang` (its `fr:` block for French; English where it has none).
    `titles`: language -> rule id -> title, to name the rules a reclassification leads to.
    `dialect`: how patterns are written (a platform whose regex dialect differs, Lucene, brings its own).
    `others`: the rules that name a line before a fallback rule may (see `_detection`).
    `affinity`: what ties a connection failure to Redis (the pack's affinity.yaml), so that an exported
    refusal or DNS rule does not alert on the database's or an HTTP API's."""
    reason = skip_reason(rule)
    if reason is not None:
        return Skipped(rule.id, reason)
    try:
        detection = _detection(rule, dialect, others, affinity)
    except NotPortable as exc:
        return Skipped(rule.id, exc.reason)
    texts = rule.text(lang)
    lost = _lost(rule, titles.get(lang) or titles["en"], affinity)
    falsepositives = [m.tr(lang) for m in lost]
    falsepositives += [Msg("export.not_this", line=line).tr(lang) for line in rule.examples_no_match[:MAX_FALSEPOSITIVES]]
    doc: dict = {
        "title": texts.title,
        "id": sigma_id(rule.id),
        "name": rule.id,
        "status": "test",
        "description": _PLACEHOLDER.sub(r"<\1>", texts.cause),
    }
    if rule.docs:
        doc["references"] = list(rule.docs)
    doc["author"] = "rla rule pack"
    doc["logsource"] = dict(LOGSOURCE)
    doc["detection"] = detection
    doc["falsepositives"] = falsepositives or [Msg("export.no_fp").tr(lang)]
    doc["level"] = LEVELS[rule.severity]
    return Exported(rule.id, doc, lost)


def export_pack(
    rules: tuple[Rule, ...] | list[Rule], lang: str = "en", dialect: Dialect = Dialect(), affinity: Affinity | None = None
) -> list[Exported | Skipped]:
    titles = {code: {r.id: r.text(code).title for r in rules} for code in ("en", lang)}
    # a fallback rule fires only where none of these matched (analyzer.engine.scan.match_rules)
    naming = tuple(r for r in rules if r.kind != "context" and not getattr(r, "fallback", False))
    return [
        export_rule(rule, titles, lang, dialect, tuple(o for o in naming if o.id != rule.id), affinity)
        for rule in sorted(rules, key=lambda r: r.id)
    ]
