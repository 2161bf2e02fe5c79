"""Rule packs that prove themselves: `rla rules test` and `rla rules lint`, as pure functions.

test  every `examples.match` line matches its rule (its own regex, and through the real scanner with
      its prefilter), no `examples.no_match` line does, and no example line of a rule triggers
      another rule of higher severity unless declared (`examples.also: [rule-id]`, a reclassify
      target of the rule, or a `kind: cause` rule seen from a `kind: symptom` rule, which names it).
lint  every file loads (schema, unknown keys such as a typo'd `severty`, regex compiles in the pinned
      dialect), every rule has each language its pack declares (pack.yaml `languages: [en, fr]`), no
      duplicate ids in a pack, reclassify references exist, each rule with patterns has
      both kinds of examples, and no pattern is slow on a long adversarial line (each pattern runs in
      a worker process under a time bound, so a catastrophic one cannot hang the linter: analyzer.engine.slowpatterns),
      and every pattern has a literal the prefilter can search for.

Each problem is a `Failure` naming the file, the rule, the example line and the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from analyzer import yamlsafe
from analyzer.engine.affinity import AFFINITY_FILE, AffinityError, load_affinity
from analyzer.engine.classes import FailureClass, uncovered
from analyzer.i18n import Msg
from analyzer.model import Rule
from analyzer.engine.rules import (
    PACK_FILE,
    RuleError,
    RuleSet,
    _rule_files,
    builtin_rules_dir,
    load_classes,
    load_file,
    missing_languages,
    pack_classes,
    pack_languages,
)
from analyzer.engine.regex import required_keywords
from analyzer.engine.scan import classify, scan_block
from analyzer.engine.slowpatterns import ATTACK_LEN, TIME_BUDGET, slow_patterns
from analyzer.sources.files import Problems, text_block



@dataclass(frozen=True)
class Failure:
    kind: str  # match | no_match | prefilter | collision | load | unknown-key | regex | language | duplicate | reference | examples | slow
    path: str
    rule: str | None
    message: str
    line: str | None = None  # the example (log) line concerned
    pattern: str | None = None

    def __str__(self) -> str:
        who = f"{self.rule}: " if self.rule else ""
        return f"{self.path}: {who}{self.message}"


# ---- rla rules test ---------------------------------------------------------------------------


def declared_also(rule: Rule) -> set[str]:
    """Rules an example of this rule may also trigger: `examples.also`, and its reclassify targets."""
    out = {item.to for item in rule.reclassify}
    for doc in _docs(rule.path):
        if isinstance(doc, dict) and doc.get("id") == rule.id:
            also = (doc.get("examples") or {}).get("also") or []
            out.update([also] if isinstance(also, str) else also)
    return out


_DOC_CACHE: dict[str, list[Any]] = {}


def _docs(path: str) -> list[Any]:
    if path not in _DOC_CACHE:
        try:
            _DOC_CACHE[path] = yamlsafe.load_all(Path(path).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            _DOC_CACHE[path] = []
    return _DOC_CACHE[path]


def _short(line: str, n: int = 100) -> str:
    return repr(line if len(line) <= n else line[: n - 1] + "…")


def scanned_ids(line: str, plan: Any) -> set[str]:
    """Rule ids the real scanner (prefilter, line parsing, multi-line gathering) finds in a line."""
    out: set[str] = set()
    for hit in scan_block(text_block(line), plan, Problems()):
        out.update(rule_id for rule_id, _ in hit.matches)
    return out


def scanned_messages(text: str, plan: Any) -> list[str]:
    """The entries the scanner makes of an example: a multi-line example (a Python traceback) is matched as
    the scanner joins it, not as raw text."""
    return [hit.record.message for hit in scan_block(text_block(text), plan, Problems())]


def check_examples(ruleset: RuleSet, only: Iterable[str] | None = None) -> tuple[list[Failure], int]:
    """Check the examples of the rules in `only` (default: all) against the whole rule set.

    Returns the failures and the number of example lines checked.
    """
    plan = ruleset.plan()
    wanted = set(only) if only is not None else None
    failures: list[Failure] = []
    checked = 0
    for rule in ruleset.rules:
        if wanted is not None and rule.id not in wanted:
            continue
        also = declared_also(rule)
        for line in rule.examples_match:
            checked += 1
            own = next((p for p in rule.patterns if p.search(line)), None)
            if own is None and "\n" in line.strip():
                entries = scanned_messages(line, plan)
                own = next((p for p in rule.patterns for m in entries if p.search(m)), None)
            if own is None:
                pats = " | ".join(p.pattern for p in rule.patterns) or "(no patterns)"
                failures.append(
                    Failure("match", rule.path, rule.id, Msg("ruletest.match", line=_short(line), pats=pats), line, pats)
                )
                continue
            found = {rid for rid, _ in classify(plan, line)} | scanned_ids(line, plan)
            if rule.id not in found or rule.id not in scanned_ids(line, plan):
                failures.append(
                    Failure(
                        "prefilter",
                        rule.path,
                        rule.id,
                        Msg("ruletest.prefilter", line=_short(line), pattern=own.pattern),
                        line,
                        own.pattern,
                    )
                )
            for other_id in sorted(found - {rule.id} - also):
                other = ruleset.get(other_id)
                if other is None or other.severity <= rule.severity:
                    continue
                if rule.kind == "symptom" and other.kind == "cause":
                    continue  # a symptom's line names its cause: the judge links the two by design
                pat = next((p.pattern for p in other.patterns if p.search(line)), "")
                failures.append(
                    Failure(
                        "collision",
                        rule.path,
                        rule.id,
                        Msg("ruletest.collision", line=_short(line), other=other.id, other_sev=other.severity.label,
                            sev=rule.severity.label, pat=pat),
                        line,
                        pat,
                    )
                )
        for line in rule.examples_no_match:
            checked += 1
            pat = next((p.pattern for p in rule.patterns if p.search(line)), None)
            if pat is not None:
                failures.append(
                    Failure("no_match", rule.path, rule.id, Msg("ruletest.no_match", line=_short(line), pat=pat), line, pat)
                )
    for fc in ruleset.classes:
        if only is not None and not _class_wanted(fc, ruleset, wanted):
            continue
        more, n = check_class(fc)
        failures.extend(more)
        checked += n
    return failures, checked


def _class_wanted(fc: FailureClass, ruleset: RuleSet, wanted: set[str] | None) -> bool:
    """A class is tested with the packs whose rules are tested (its file sits in one of their folders)."""
    if wanted is None:
        return True
    folders = {str(Path(r.path).resolve().parent) for r in ruleset.rules if r.id in wanted}
    here = Path(fc.path).resolve().parent.parent
    return any(f == str(here) or f.startswith(str(here) + "/") for f in folders)


def check_class(fc: FailureClass) -> tuple[list[Failure], int]:
    """A failure class proves itself: each examples.match line shows one of its codes, numbers or
    wordings, no examples.no_match line does."""
    failures = []
    for line in fc.examples_match:
        if not fc.recognises(line):
            failures.append(Failure("match", fc.path, None, Msg("ruletest.class_match", name=fc.name, line=_short(line)), line))
    for line in fc.examples_no_match:
        if fc.recognises(line):
            failures.append(
                Failure("no_match", fc.path, None, Msg("ruletest.class_no_match", name=fc.name, line=_short(line)), line)
            )
    return failures, len(fc.examples_match) + len(fc.examples_no_match)


def lint_class(fc: FailureClass) -> list[Failure]:
    """Every code, number and wording of a class comes with a real example line; both kinds of examples exist."""
    failures = []
    if not fc.examples_match or not fc.examples_no_match:
        failures.append(Failure("examples", fc.path, None, Msg("ruletest.class_no_examples", name=fc.name)))
    for what in uncovered(fc):
        failures.append(Failure("examples", fc.path, None, Msg("ruletest.class_uncovered", name=fc.name, what=what)))
    return failures


# ---- rla rules lint ---------------------------------------------------------------------------


def _kind_of(message: str) -> str:
    if "unknown field" in message or "unknown key" in message:
        return "unknown-key"
    if "does not compile" in message or "dialect" in message:
        return "regex"
    return "load"


def load_packs(dirs: Iterable[Path]) -> tuple[list[tuple[Path, list[Rule]]], list[Failure]]:
    """Every rule file of each pack, loaded one by one: one failure per broken file, not one per run."""
    packs: list[tuple[Path, list[Rule]]] = []
    failures: list[Failure] = []
    dirs = [Path(d) for d in dirs]
    try:
        classes = pack_classes(dirs)
    except RuleError as exc:
        failures.append(Failure("load", str(exc).split(":", 1)[0], None, str(exc)))
        classes = {}
    for root in dirs:
        root = Path(root)
        rules: list[Rule] = []
        try:
            files = _rule_files(root)
        except RuleError as exc:
            failures.append(Failure("load", str(root), None, str(exc)))
            files = []
        for path in files:
            rel = path.parent.relative_to(root) if root.is_dir() else Path()
            try:
                rules.extend(load_file(path, topic="/".join(rel.parts), classes=classes))
            except RuleError as exc:
                text = str(exc)
                message = text[len(str(path)) :].lstrip(":0123456789 ") if text.startswith(str(path)) else text
                m = re.match(r"rule ([a-z0-9\-]+) ", message)
                failures.append(Failure(_kind_of(text), str(path), m.group(1) if m else None, text))
        packs.append((root, rules))
    return packs, failures


def lint(dirs: Iterable[Path], context: Iterable[Rule] = (), budget: float = TIME_BUDGET) -> tuple[list[Failure], int]:
    """Lint the packs in `dirs`; `context` rules (the built-in pack) only resolve references.

    Returns the failures and the number of rules that loaded.
    """
    dirs = [Path(d) for d in dirs]
    packs, failures = load_packs(dirs)
    linted = [r for _, rules in packs for r in rules]
    for root in dirs:
        try:
            for fc in load_classes(root):
                failures.extend(check_class(fc)[0])
                failures.extend(lint_class(fc))
        except RuleError:
            pass  # load_packs reported it
    for root, rules in packs:
        seen: dict[str, str] = {}
        for rule in rules:
            if rule.id in seen:
                failures.append(Failure("duplicate", rule.path, rule.id, Msg("ruletest.duplicate", other=seen[rule.id])))
            seen.setdefault(rule.id, rule.path)
        # the languages the pack declares: no rule ships half-translated
        pack_file = str(root / PACK_FILE) if root.is_dir() else str(root)
        try:
            declared = pack_languages(root)
        except RuleError as exc:
            failures.append(Failure("load", pack_file, None, str(exc)))
            declared = ("en",)
        for rule in rules:
            for lang in missing_languages(rule, declared):
                message = Msg("ruletest.missing_language", lang=lang, pack=pack_file, langs=", ".join(declared))
                failures.append(Failure("language", rule.path, rule.id, message))
    known = {r.id for r in (*context, *linted)} | {a for r in (*context, *linted) for a in r.aliases}
    targets = {item.to for r in (*context, *linted) for item in r.reclassify}
    for root, _ in packs:  # the rule a pack's affinity.yaml reports unnamed Redis errors under
        try:
            affinity = load_affinity(root / AFFINITY_FILE) if root.is_dir() else None
        except AffinityError as exc:
            failures.append(Failure("load", str(root / AFFINITY_FILE), None, str(exc)))
            continue
        if affinity is not None and affinity.unnamed:
            targets.add(affinity.unnamed)
        if affinity is not None:  # the judge reports the app's line back (or stopped) under them
            targets.update(r for r in (affinity.resumed, affinity.stopped) if r)
    for rule in linted:
        for item in rule.reclassify:
            for ref in (item.to, item.seen, item.not_seen):
                if ref and ref not in known:
                    failures.append(Failure("reference", rule.path, rule.id, Msg("ruletest.unknown_reclassify", ref=ref)))
        for other in sorted(declared_also(rule) - {i.to for i in rule.reclassify}):
            if other not in known:
                failures.append(Failure("reference", rule.path, rule.id, Msg("ruletest.unknown_also", ref=other)))
        if not rule.patterns:
            if rule.id not in targets:
                failures.append(Failure("reference", rule.path, rule.id, Msg("ruletest.unreachable")))
            continue
        failures.extend(_no_literal(rule))
        if not rule.examples_match:
            failures.append(Failure("examples", rule.path, rule.id, Msg("ruletest.no_match_examples")))
        if not rule.examples_no_match:
            failures.append(Failure("examples", rule.path, rule.id, Msg("ruletest.no_no_match_examples")))
    patterns = [(rule, p.pattern) for rule in linted for p in (*rule.patterns, *rule.extract)]
    for i, seconds in slow_patterns([p for _, p in patterns], budget).items():
        rule, pat = patterns[i]
        failures.append(
            Failure(
                "slow",
                rule.path,
                rule.id,
                Msg("ruletest.slow", pat=pat, seconds=seconds, n=ATTACK_LEN),
                None,
                pat,
            )
        )
    return failures, len(linted)


def _no_literal(rule: Rule) -> list[Failure]:
    """A pattern without a plain-ASCII literal the prefilter can search for (only `\\d+`, or only non-ASCII
    text) works, but every line of every log becomes a candidate for its rule, which turns the prefilter and
    the parallel workers off. A rule's `keywords:` list names its literals itself and is exempt."""
    if rule.keywords:
        return []
    return [
        Failure("regex", rule.path, rule.id, Msg("ruletest.no_literal", pat=p.pattern), None, p.pattern)
        for p in rule.patterns
        if required_keywords(p.pattern) is None
    ]


def pack_dirs(paths: Iterable[Path]) -> tuple[list[Path], bool]:
    """User-given packs, with the built-in pack recognised (it is always loaded once)."""
    builtin = builtin_rules_dir().resolve()
    out, has_builtin = [], False
    for p in paths:
        if Path(p).resolve() == builtin:
            has_builtin = True
        else:
            out.append(Path(p))
    return out, has_builtin
