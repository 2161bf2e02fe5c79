"""Load and validate YAML rule packs -> compiled rules.

Every problem names the file, the line, the rule and the field, and stops the run (exit 2):
a rule pack that half-loads gives a diagnosis nobody can trust.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.engine.affinity import AFFINITY_FILE, Affinity, AffinityError, load_affinity
from analyzer.engine.classes import CLASSES_DIR, ClassError, FailureClass, alone_wordings, class_files, merge, parse_class
from analyzer.i18n import error
from analyzer.model import Rule
from analyzer.engine.regex import LazyPattern
from analyzer.engine.ruleparse import LANGUAGES, RuleError, LineDict, parse_rule  # RuleError, parse_rule: re-exported

if TYPE_CHECKING:
    import yaml

    from analyzer.engine.match import Plan

# YAML is imported where files are read, not at the top: a run whose rules come from the cache
# (analyzer.engine.packcache) imports no YAML code

PACK_FILE = "pack.yaml"  # at a pack's root: the pack's settings (`languages: [en, fr]`), not a rule
MAX_RULE_FILE = 1024 * 1024
_TEXT_KEYS = ("title", "cause", "solution")


def _cut_by_comment(loader: Any, node: yaml.Node) -> bool:
    """A plain (unquoted) text scalar followed on its line by ' #': YAML read the rest as a comment,
    so "Percent-encode @ # / ?" silently became "Percent-encode @"."""
    import yaml

    if not isinstance(node, yaml.ScalarNode) or node.style:  # "" (libyaml) or None: plain
        return False
    lines: list[str] = getattr(loader, "raw_lines", [])
    mark = node.end_mark
    if mark.line >= len(lines):
        return False
    return lines[mark.line][mark.column :].lstrip().startswith("#")


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    import yaml

    loader.flatten_mapping(node)
    out = LineDict()
    out.lines = {}
    for key_node, value_node in node.value:
        if key_node.value in _TEXT_KEYS:
            items = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for item in items:
                if _cut_by_comment(loader, item):
                    raise yaml.MarkedYAMLError(
                        problem=f"'{key_node.value}' text is cut by ' #' (YAML reads it as a comment): quote the text",
                        problem_mark=item.start_mark,
                    )
        key = loader.construct_object(key_node, deep=True)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[str(key)] = key_node.start_mark.line + 1
    return out


@cache
def _rule_loader() -> type:
    """The bounded safe loader whose mappings remember the line of each key (for error messages)."""
    import yaml

    from analyzer import yamlsafe

    class Loader(yamlsafe.SafeLoader):  # type: ignore[misc,valid-type,name-defined]
        pass

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return Loader


def _rule_files(root: Path) -> list[Path]:
    """YAML files below root, in a stable order; symlink loops and huge files are refused."""
    if root.is_file():
        return [root]
    files: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:
            raise RuleError(error("rules.error.loop", path=dirpath))
        seen.add((st.st_dev, st.st_ino))
        top = dirpath == os.fspath(root)
        if top and CLASSES_DIR in dirnames:
            dirnames.remove(CLASSES_DIR)  # failure classes (analyzer.engine.classes), not rules
        dirnames.sort()
        files.extend(
            Path(dirpath) / f for f in sorted(filenames) if f.endswith((".yaml", ".yml")) and not (top and f in (PACK_FILE, AFFINITY_FILE))
        )
    return files


def pack_languages(root: Path) -> tuple[str, ...]:
    """The languages a pack declares in its pack.yaml (`languages: [en, fr]`); a pack without one
    (or a single rule file) declares English only. `rla rules lint` fails a rule lacking one."""
    root = Path(root)
    path = root / PACK_FILE
    if not root.is_dir() or not path.is_file():
        return ("en",)
    shown = str(path)
    import yaml

    from analyzer import yamlsafe

    try:
        doc = yamlsafe.load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise RuleError(error("rules.error.utf8", path=shown)) from None
    except OSError as exc:
        raise RuleError(error("rules.error.unreadable", path=shown, why=exc.strerror or exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(error("rules.error.yaml", path=shown, line=line, why=reason)) from None
    known = ", ".join(("en", *LANGUAGES))
    if doc is None:
        doc = {}
    if not isinstance(doc, dict) or set(doc) - {"languages"}:
        raise RuleError(error("rules.error.pack_keys", path=shown))
    langs = doc.get("languages", ["en"])
    if isinstance(langs, str):
        langs = [langs]
    if (
        not isinstance(langs, list)
        or not all(isinstance(x, str) for x in langs)
        or "en" not in langs
        or set(langs) - {"en", *LANGUAGES}
    ):
        raise RuleError(error("rules.error.pack_languages", path=shown, got=yamlsafe.shown(langs), known=known))
    return tuple(dict.fromkeys(langs))


def _load_yaml(path: Path) -> list[Any]:
    """The documents of one YAML file (keys remember their lines), or RuleError."""
    import yaml

    from analyzer import yamlsafe

    shown = str(path)
    try:
        if path.stat().st_size > MAX_RULE_FILE:
            raise RuleError(error("rules.error.large", path=shown, kib=MAX_RULE_FILE // 1024))
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RuleError(error("rules.error.utf8", path=shown)) from None
    except OSError as exc:
        raise RuleError(error("rules.error.unreadable", path=shown, why=exc.strerror or exc)) from None
    try:
        docs = [doc for doc in yamlsafe.load_all(text, _rule_loader(), lambda loader: setattr(loader, "raw_lines", text.split("\n")))
                if doc is not None]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(error("rules.error.yaml", path=shown, line=line, why=reason)) from None
    return docs


def load_classes(root: Path) -> list[FailureClass]:
    """The failure classes a pack declares under classes/ (analyzer.engine.classes), or RuleError."""
    out = []
    for path in class_files(Path(root)):
        for doc in _load_yaml(path):
            try:
                out.append(parse_class(doc, str(path)))
            except ClassError as exc:
                raise RuleError(str(exc)) from None
    return out


def pack_classes(roots: Iterable[Path]) -> dict[str, FailureClass]:
    """The built-in classes, then each pack's: a pack may add wordings and codes to a built-in class."""
    classes: dict[str, FailureClass] = merge({}, load_classes(builtin_rules_dir()))
    for root in roots:
        if Path(root).resolve() != builtin_rules_dir().resolve():
            classes = merge(classes, load_classes(Path(root)))
    return classes


def load_file(path: Path, topic: str = "", classes: Mapping[str, FailureClass] | None = None) -> list[Rule]:
    """The rules of one file; `classes`: the failure classes they may name (default: the built-in ones)."""
    shown = str(path)
    if classes is None:
        classes = pack_classes(())
    docs = _load_yaml(path)
    rules = [parse_rule(doc, shown, topic, classes) for doc in docs]
    if len(rules) == 1 and rules[0].id != path.stem:
        raise RuleError(error("rules.error.file_name", path=shown, id=rules[0].id, stem=path.stem))
    return rules


def load_pack(root: Path, classes: Mapping[str, FailureClass] | None = None) -> list[Rule]:
    """All rules below a directory; the topic is the folder path below the pack root. `classes`: the
    failure classes its patterns may name (default: the built-in ones and the pack's own)."""
    if not root.exists():
        raise RuleError(error("rules.error.no_dir", path=root))
    pack_languages(root)  # a broken pack.yaml stops the load like a broken rule
    if classes is None:
        classes = pack_classes([root])
    rules: list[Rule] = []
    for path in _rule_files(root):
        rel = path.parent.relative_to(root) if root.is_dir() else Path()
        rules.extend(load_file(path, topic="/".join(rel.parts), classes=classes))
    return rules


def builtin_rules_dir() -> Path:
    """rules/ in a source checkout; the packaged copy (analyzer.builtin_rules) once installed."""
    here = Path(__file__).resolve().parents[1]  # analyzer/
    checkout = here.parent / "rules"
    if checkout.is_dir():
        return checkout
    return here / "builtin_rules"


@dataclass(frozen=True)
class RuleSet:
    """The rules of a run, with the failure classes they were expanded with and the affinity signals."""

    rules: tuple[Rule, ...]
    overridden: tuple[str, ...] = ()  # built-in ids replaced by a user rule
    classes: tuple[FailureClass, ...] = ()  # the failure classes the rules were expanded with
    affinity: Affinity | None = None  # what ties a connection failure to Redis (rules/affinity.yaml)

    def get(self, rule_id: str) -> Rule | None:
        for rule in self.rules:
            if rule.id == rule_id or rule_id in rule.aliases:
                return rule
        return None

    @property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    @property
    def alone(self) -> tuple[str, ...]:
        """The failure classes' wordings that are an error by themselves (compile_plan's `alone`)."""
        return alone_wordings(self.classes)

    def plan(self, engine: str | None = None) -> "Plan":
        """The scan plan of this pack: its rules and its classes' error-by-themselves wordings, never one without the
        other (a plan missing the wordings reads a localized strerror as no error line: every path must agree)."""
        from analyzer.engine.match import compile_plan  # here: the matcher is not needed to load a pack

        return compile_plan(self.rules, engine, self.alone)


def load_rules(extra_dirs: Iterable[str | Path] = (), builtin: bool = True) -> RuleSet:
    """The built-in pack plus user packs; a user rule with an existing id replaces ours."""
    by_id: dict[str, Rule] = {}
    overridden: list[str] = []
    extra_dirs = [Path(d) for d in extra_dirs]
    for extra in extra_dirs:
        if not extra.exists():
            raise RuleError(error("rules.error.no_dir", path=extra))
    classes = pack_classes(extra_dirs)  # first: a pack's new wording reaches every rule, ours too
    affinity: Affinity | None = None
    if builtin:
        affinity = _affinity(builtin_rules_dir())
        for rule in load_pack(builtin_rules_dir(), classes):
            if rule.id in by_id:
                raise RuleError(error("rules.error.duplicate", path=rule.path, id=rule.id, other=by_id[rule.id].path))
            by_id[rule.id] = rule
    builtin_ids = set(by_id)
    for extra in extra_dirs:
        affinity = _affinity(Path(extra)) or affinity  # a pack's own affinity.yaml replaces ours
        seen_here: dict[str, str] = {}
        for rule in load_pack(extra, classes):
            _untrusted(rule)
            if rule.id in seen_here:
                raise RuleError(error("rules.error.duplicate", path=rule.path, id=rule.id, other=seen_here[rule.id]))
            seen_here[rule.id] = rule.path
            if rule.id in builtin_ids:
                overridden.append(rule.id)
            by_id[rule.id] = rule
    _check_references(by_id, affinity)
    for fc in classes.values():  # a class's rule (analyzer.class_reading) must exist, as a reclassify target must
        if fc.rule and fc.rule not in by_id:
            raise RuleError(f"{fc.path}: class {fc.name} field 'rule': unknown rule id '{fc.rule}'")
    return RuleSet(tuple(by_id.values()), tuple(overridden), tuple(classes.values()), affinity)


def _affinity(root: Path) -> Affinity | None:
    if not root.is_dir():
        return None
    try:
        return load_affinity(root / AFFINITY_FILE)
    except AffinityError as exc:
        raise RuleError(str(exc)) from None


def _untrusted(rule: Rule) -> None:
    """A user pack's patterns get bounded work per line (analyzer.engine.regex.compile_bounded)."""
    conditions = [p for r in rule.reclassify for p in (r.matches, *(rx for _, rx in r.fields))]
    for pattern in (*rule.patterns, *rule.extract, *conditions, *rule.solution_when, *rule.elsewhere_when):
        if isinstance(pattern, LazyPattern):
            pattern.untrusted = True


def _check_references(by_id: dict[str, Rule], affinity: Affinity | None = None) -> None:
    known = set(by_id) | {a for r in by_id.values() for a in r.aliases}
    targets = {item.to for r in by_id.values() for item in r.reclassify}
    if affinity is not None and affinity.unnamed:
        if affinity.unnamed not in by_id:
            raise RuleError(f"{AFFINITY_FILE}: field 'unnamed': unknown rule id '{affinity.unnamed}'")
        targets.add(affinity.unnamed)
    if affinity is not None and affinity.connecting and affinity.connecting not in by_id:
        raise RuleError(f"{AFFINITY_FILE}: field 'connecting': unknown rule id '{affinity.connecting}'")
    for name in ("resumed", "stopped"):  # rules the judge reports from what the app's lines show
        rule_id = getattr(affinity, name, None)
        if rule_id:
            if rule_id not in by_id:
                raise RuleError(f"{AFFINITY_FILE}: field '{name}': unknown rule id '{rule_id}'")
            targets.add(rule_id)
    for rule in by_id.values():
        if not rule.patterns and rule.id not in targets:
            raise RuleError(f"{rule.path}: rule {rule.id} field 'patterns': empty, and no rule reclassifies to it")
        for item in rule.reclassify:
            for ref in (item.to, item.seen, item.not_seen, item.pending):
                if ref and ref not in known:
                    raise RuleError(f"{rule.path}: rule {rule.id} field 'reclassify': unknown rule id '{ref}'")


def missing_languages(rule: Rule, declared: Iterable[str] = ("en", "fr")) -> list[str]:
    """The declared languages the rule has no title/cause/solution in ([] when complete).

    English is the rule's top-level text; every other language is its own block (`fr:`). A pack
    declares its languages; `rla rules lint` fails a rule this returns anything for, so no rule
    ships half-translated.
    """
    return [lang for lang in declared if lang not in rule.texts]
