"""One rule document (a YAML mapping, with the line of each key) -> a checked, compiled Rule.

Every problem names the file, the line, the rule and the field (RuleError). Reading the files and
packs, and the checks across rules, are analyzer.engine.rules'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from analyzer.engine.classes import FailureClass, expand
from analyzer.engine.regex import LazyPattern, dialect_problem
from analyzer.i18n import error
from analyzer.model import KINDS, STATES, Reclassify, Rule, Severity, Texts

RULE_KEYS = {
    "id", "title", "severity", "kind", "state", "patterns", "cause", "solution", "docs",
    "reclassify", "aliases", "examples", "fr", "keywords", "extract", "joins", "event",
    "affinity", "url_lint", "solution_elsewhere", "platform", "after_fix", "lasting",
}  # fmt: skip
TEXT_KEYS = {"title", "cause", "solution", "solution_elsewhere", "after_fix"}
PLATFORMS = ("render", "elsewhere")  # rule field `platform`: where a rule's hit shows the log comes from
LANGUAGES = ("fr",)  # languages a rule may carry besides its top-level English text
EVENTS = ("deploy", "fallback", "exit")  # events the judge tells the story with (rule field `event`)
AFFINITIES = ("endpoint",)  # rule field `affinity`: a Redis finding only when evidence ties it to Redis
_ID = re.compile(r"[a-z0-9][a-z0-9\-]{1,62}")


class RuleError(Exception):
    """A rule pack problem: one sentence naming file, line, rule and field."""


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers the line of each key, for error messages."""

    lines: dict[str, int]


@dataclass
class _Where:
    """Where a rule document came from (its file, its YAML lines), to point errors at it."""

    path: str
    doc: LineDict | None = None
    rule_id: str | None = None

    def fail(self, field: str | None, why: str) -> RuleError:
        line = ""
        if self.doc is not None:
            top = field.split(".")[0] if field else None
            n = self.doc.lines.get(top) if top else None
            if n is None and self.doc.lines:
                n = min(self.doc.lines.values())
            line = f":{n}" if n else ""
        who = f" rule {self.rule_id}" if self.rule_id else ""
        what = f" field '{field}'" if field else ""
        return RuleError(f"{self.path}{line}:{who}{what}: {why}")


def _str_list(value: Any, where: _Where, field: str, allow_empty: bool = True) -> tuple[str, ...]:
    if value is None:
        value = []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise where.fail(field, "must be a list of strings")
    if not allow_empty and not value:
        raise where.fail(field, "must not be empty")
    return tuple(value)


def _steps(
    value: Any, where: _Where, field: str, allow_empty: bool = False
) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """`solution` (or `solution_elsewhere`): its steps, and each one's `when` (a step written {when: regex, step:
    text}; None for plain text)."""
    if not isinstance(value, list):
        return _str_list(value, where, field, allow_empty=allow_empty), ()
    steps, whens = [], []
    for n, item in enumerate(value):
        if isinstance(item, dict):
            if set(item) != {"when", "step"} or not all(isinstance(v, str) for v in item.values()):
                raise where.fail(f"{field}[{n}]", "must be text, or {when: regex the evidence holds, step: text}")
            steps.append(item["step"])
            whens.append(item["when"])
        else:
            steps.append(item)
            whens.append(None)
    return _str_list(steps, where, field, allow_empty=allow_empty), tuple(whens) if any(whens) else ()


def _texts(doc: dict[str, Any], where: _Where, prefix: str = "") -> Texts:
    title, cause = doc.get("title"), doc.get("cause")
    for name, value in (("title", title), ("cause", cause)):
        if not isinstance(value, str) or not value.strip():
            raise where.fail(prefix + name, "is required and must be text")
    solution, whens = _steps(doc.get("solution"), where, prefix + "solution")
    elsewhere, whens_elsewhere = _steps(doc.get("solution_elsewhere") or [], where, prefix + "solution_elsewhere", True)
    for key, found in (("solution", whens), ("solution_elsewhere", whens_elsewhere)):
        if prefix and found:  # a translation says the English steps again: their `when` is read there only
            raise where.fail(prefix + key, "takes plain steps: each step's 'when' is the English step's")
    after_fix = _str_list(doc.get("after_fix"), where, prefix + "after_fix")
    return Texts(
        title=title.strip(),
        cause=" ".join(cause.split()),
        solution=tuple(s.strip() for s in solution),
        elsewhere=tuple(s.strip() for s in elsewhere),
        after_fix=tuple(s.strip() for s in after_fix),
    )


def _reclassify(value: Any, where: _Where, classes: Mapping[str, FailureClass]) -> tuple[Reclassify, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise where.fail("reclassify", "must be a list of {if: {...}, to: rule-id}")
    out = []
    for n, item in enumerate(value):
        field = f"reclassify[{n}]"
        if not isinstance(item, dict) or not isinstance(item.get("to"), str) or not isinstance(item.get("if", {}), dict):
            raise where.fail(field, "must be {if: {field, matches, fields, seen, not_seen, pending, up_before, up_elsewhere, level, alone}, to: rule-id}")
        cond = item.get("if", {})
        unknown = set(cond) - {"field", "matches", "fields", "seen", "not_seen", "pending", "up_before", "up_elsewhere", "level", "alone"}
        if unknown or set(item) - {"if", "to", "because"}:
            raise where.fail(field, f"unknown key {sorted(unknown or set(item) - {'if', 'to', 'because'})[0]!r}")

        def compiled(raw: Any, name: str) -> re.Pattern[str]:
            pattern = _expanded(str(raw), classes, where, name)
            problem = dialect_problem(pattern)
            if problem:
                raise where.fail(name, problem)
            return LazyPattern(pattern)  # type: ignore[return-value]

        matches = compiled(cond["matches"], field + ".matches") if "matches" in cond else None
        more = cond.get("fields") or {}
        if not isinstance(more, dict):
            raise where.fail(field + ".fields", "must be a mapping of field name to regex")
        fields = tuple((str(k), compiled(v, f"{field}.fields.{k}")) for k, v in more.items())
        because = item.get("because")
        if isinstance(because, str):
            because = {"en": because}
        if because is not None and (
            not isinstance(because, dict)
            or "en" not in because
            or not all(isinstance(v, str) and k in ("en", *LANGUAGES) for k, v in because.items())
        ):
            raise where.fail(field + ".because", "must be text, or {en: text, fr: text}")
        out.append(
            Reclassify(
                to=item["to"],
                field=cond.get("field"),
                matches=matches,
                seen=cond.get("seen"),
                not_seen=cond.get("not_seen"),
                pending=cond.get("pending"),
                fields=fields,
                up_before=bool(cond.get("up_before", False)),
                up_elsewhere=bool(cond.get("up_elsewhere", False)),
                level=compiled(cond["level"], field + ".level") if "level" in cond else None,
                alone=bool(cond.get("alone", False)),
                because={k: " ".join(v.split()) for k, v in because.items()} if because else None,
            )
        )
    return tuple(out)


def _expanded(pattern: str, classes: Mapping[str, FailureClass], where: _Where, field: str) -> str:
    """The pattern with its failure classes ({{refused.errno}}) spelled out (analyzer.engine.classes)."""
    try:
        return expand(pattern, classes)
    except ValueError as exc:
        raise where.fail(field, f"{pattern!r} {exc}") from None


def parse_rule(doc: Any, path: str, topic: str = "", classes: Mapping[str, FailureClass] | None = None) -> Rule:
    """One YAML document -> Rule, or RuleError. `classes`: the failure classes its patterns may name."""
    classes = classes or {}
    where = _Where(path, doc if isinstance(doc, LineDict) else None)
    if not isinstance(doc, dict):
        raise where.fail(None, "a rule must be a mapping of fields (id, title, severity, patterns, ...)")
    rule_id = doc.get("id")
    if not isinstance(rule_id, str) or not _ID.fullmatch(rule_id):
        raise where.fail("id", "is required: lowercase letters, digits and dashes")
    where.rule_id = rule_id
    unknown = sorted(set(doc) - RULE_KEYS)
    if unknown:
        close = [k for k in RULE_KEYS if _similar(k, unknown[0])]
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise where.fail(unknown[0], f"unknown field{hint}")
    try:
        severity = Severity.parse(str(doc.get("severity", "")))
    except ValueError as exc:
        raise where.fail("severity", str(exc)) from None
    kind = doc.get("kind", "cause")
    if kind not in KINDS:
        raise where.fail("kind", f"must be one of {', '.join(KINDS)}")
    state = doc.get("state")
    if state is not None and state not in STATES:
        raise where.fail("state", f"must be one of {', '.join(STATES)}")
    if "patterns" not in doc:
        raise where.fail("patterns", "is required (use [] for a rule reached only by reclassify)")
    raw_patterns = _str_list(doc.get("patterns"), where, "patterns")
    patterns = []
    for n, pattern in enumerate(raw_patterns):
        pattern = _expanded(pattern, classes, where, f"patterns[{n}]")
        problem = dialect_problem(pattern)
        if problem:
            raise where.fail(f"patterns[{n}]", f"{pattern!r} {problem}")
        patterns.append(LazyPattern(pattern))  # compiled on first use (start-up)
    extract = []
    for n, pattern in enumerate(_str_list(doc.get("extract"), where, "extract")):
        pattern = _expanded(pattern, classes, where, f"extract[{n}]")
        problem = dialect_problem(pattern)
        if problem:
            raise where.fail(f"extract[{n}]", f"{pattern!r} {problem}")
        extract.append(LazyPattern(pattern))
    texts = {"en": _texts(doc, where)}
    whens: dict[str, list[LazyPattern | None]] = {}
    for key in ("solution", "solution_elsewhere"):
        whens[key] = []
        for n, when in enumerate(_steps(doc.get(key) or [], where, key, True)[1]):
            if when is not None:
                when = _expanded(when, classes, where, f"{key}[{n}].when")
                problem = dialect_problem(when)
                if problem:
                    raise where.fail(f"{key}[{n}].when", f"{when!r} {problem}")
            whens[key].append(LazyPattern(when) if when is not None else None)
    solution_when, elsewhere_when = whens["solution"], whens["solution_elsewhere"]
    for lang in LANGUAGES:
        if lang in doc:
            if not isinstance(doc[lang], dict):
                raise where.fail(lang, "must be a mapping with title, cause, solution")
            extra = sorted(set(doc[lang]) - TEXT_KEYS)
            if extra:
                raise where.fail(f"{lang}.{extra[0]}", "unknown field")
            texts[lang] = _texts(doc[lang], where, prefix=f"{lang}.")
            for key, steps, conditions in (("solution", texts[lang].solution, solution_when),
                                           ("solution_elsewhere", texts[lang].elsewhere, elsewhere_when)):
                if conditions and len(steps) != len(conditions):
                    # a step's `when` is the English step's: the translation says the same steps in the same order
                    raise where.fail(f"{lang}.{key}", f"must have as many steps as {key} ({len(conditions)}): "
                                     "each step's 'when' is read at the same place")
    examples = doc.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"match", "no_match", "also"}:
        raise where.fail("examples", "must be {match: [...], no_match: [...], also: [rule ids]}")
    event = doc.get("event")
    if event is not None and event not in EVENTS:
        raise where.fail("event", f"must be one of {', '.join(EVENTS)}")
    platform = doc.get("platform")
    if platform is not None and platform not in PLATFORMS:
        raise where.fail("platform", f"must be one of {', '.join(PLATFORMS)}")
    affinity = doc.get("affinity")
    if affinity is not None and affinity not in AFFINITIES:
        raise where.fail("affinity", f"must be one of {', '.join(AFFINITIES)}")
    url_lint = doc.get("url_lint")
    if url_lint is not None and (not isinstance(url_lint, str) or not any(f"(?P<{url_lint}>" in p for p in raw_patterns)):
        raise where.fail("url_lint", "must name a group (?P<name>...) of the patterns: the URL the line prints")
    lasting = doc.get("lasting", False)
    if not isinstance(lasting, bool) or (lasting and state != "degraded"):
        raise where.fail("lasting", "must be true or false, and true only with state: degraded (a refusal no retry lifts)")
    joins = doc.get("joins")
    if joins is not None and joins != "previous":
        raise where.fail("joins", "must be 'previous' (the next error is the same event as the one before this line)")
    return Rule(
        id=rule_id,
        severity=severity,
        patterns=tuple(patterns),
        texts=texts,
        topic=topic,
        kind=kind,
        state=state,
        docs=_str_list(doc.get("docs"), where, "docs"),
        examples_match=_str_list(examples.get("match"), where, "examples.match"),
        examples_no_match=_str_list(examples.get("no_match"), where, "examples.no_match"),
        reclassify=_reclassify(doc.get("reclassify"), where, classes),
        aliases=_str_list(doc.get("aliases"), where, "aliases"),
        keywords=_str_list(doc.get("keywords"), where, "keywords"),
        extract=tuple(extract),
        joins=joins,
        event=event,
        affinity=affinity,
        url_lint=url_lint,
        platform=platform,
        lasting=lasting,
        solution_when=tuple(solution_when),  # type: ignore[arg-type]
        elsewhere_when=tuple(elsewhere_when),  # type: ignore[arg-type]
        path=path,
    )


def _similar(a: str, b: str) -> bool:
    """Cheap typo test: same letters give or take one ('severty' ~ 'severity')."""
    if abs(len(a) - len(b)) > 2:
        return False
    return sum(1 for x, y in zip(sorted(a), sorted(b)) if x != y) <= 2 or a.startswith(b[:4])
