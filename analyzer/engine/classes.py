"""Failure classes: the vocabulary that lets a rule recognise a failure by its class and code, not by
one wording.

A class (`rules/classes/refused.yaml`) lists the errno names of one failure, their numbers on each
platform, and the phrasings systems and clients print for it, each backed by an example line:

    class: refused
    codes:
      ECONNREFUSED: {linux: 111, macos: 61, windows: 10061}
    wordings:
      - Connection refused
      - No connection could be made because the target machine actively refused it

A rule pattern names the class instead of spelling it out: `{{refused}}` (any code name or wording),
`{{refused.code}}` (the names), `{{refused.errno}}` (the numbers), `{{refused.wording}}` (the phrasings,
their first letter in either case). So `Error (?P<errno>{{refused.errno}}) connecting to …` recognises redis-py's refusal on
Linux, macOS and Windows whatever text follows the number, and a wording or a code added to the class
reaches every rule that names it: a YAML change, never a Python one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CLASSES_DIR = "classes"  # at a pack's root: failure classes, not rules
PLATFORMS = ("linux", "musl", "macos", "windows", "go", "node")
PARTS = ("code", "errno", "wording")
CLASS_KEYS = {"class", "title", "codes", "wordings", "examples", "rule", "error_alone"}
_NAME = re.compile(r"[a-z][a-z0-9_]{1,40}")
_CODE = re.compile(r"[A-Z][A-Z0-9_]{1,40}")
# {{refused}} or {{refused.errno}}; the braces cannot be a regex quantifier
MACRO = re.compile(r"\{\{\s*([A-Za-z0-9_\-]+)(?:\.([A-Za-z]+))?\s*\}\}")


class ClassError(Exception):
    """A failure-class problem: one sentence naming the file and the field."""


@dataclass(frozen=True)
class FailureClass:
    """A family of failure wordings that share one code (rules/classes/)."""

    name: str
    title: str
    codes: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # name -> (platform, number) pairs
    wordings: tuple[str, ...]
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()
    path: str = ""
    # the cause rule a Redis line that says this class in words no rule has is read as (analyzer.class_reading)
    rule: str = ""
    # a wording of this class is an error by itself: a line that says one is error-looking though it holds no English
    # error word (glibc's strerror translated by the system's locale: 'Connexion refusée', 'В соединении отказано')
    error_alone: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.codes)

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(n for _, nums in self.codes for _, n in nums))

    def part(self, part: str | None) -> str | None:
        """The regex of one part (None when the class has nothing for it)."""
        if part == "code":
            alts = [re.escape(n) for n in sorted(self.names, key=len, reverse=True)]
            return f"(?:{'|'.join(alts)})" if alts else None
        if part == "errno":
            alts = [str(n) for n in sorted(self.numbers, key=lambda n: (-len(str(n)), n))]
            return f"(?:{'|'.join(alts)})" if alts else None
        if part == "wording":
            return wordings_regex(self.wordings)
        names, wordings = self.part("code"), self.part("wording")
        both = [p for p in (names, wordings) if p]
        return f"(?:{'|'.join(both)})" if both else None

    def signal(self) -> str | None:
        """The regex of the class said any way: one of its names or wordings, or one of its numbers where an
        errno is printed (`[Errno 61]`, `Error 10061 connecting`, `errno: -3008`, `errno=104`, `(104, '…')`, Rust's
        io::Error `… (os error 10054)`)."""
        alts = [p for p in (self.part(None),) if p]
        numbers = self.part("errno")
        if numbers:
            alts.append(rf"(?:\[Errno |\bError |\berrno[:=]? ?)(?:{numbers})\b")
            # in parentheses only as Python's `(104, '…')` tuple or Rust's `(os error 10054)`: the number closes or is
            # followed by its message, never a source position's line (a Next.js error's `http.js (101:0) @ …` is
            # line 101, column 0: public heldout56 upstash/ratelimit-js#28 read it as ENETUNREACH)
            alts.append(rf"\((?:os error )?(?:{numbers})[,)]")
        return "|".join(alts) or None

    def recognises(self, line: str) -> bool:
        """The line says the class (`signal`)."""
        signal = self.signal()
        return bool(signal and re.search(signal, line))


# A log read in another code page than it was written in breaks a Latin letter outside ASCII and an apostrophe: a
# French Windows message (cp1252) read as UTF-8 shows U+FFFD for 'é' and '’' ('n�a pu �tre �tablie'), UTF-8 read
# as cp1252 shows two or three characters ('Ã©', 'â€™'), and people retyping a message put ' for ’. In a wording such
# a character matches one to three characters that are not a space, so every localized wording of a class survives a
# wrong code page; CJK and Cyrillic text is left literal (a character class would match any text of that length).
_BREAKABLE_QUOTES = "'\u2018\u2019\u02bc"
_BROKEN = "[^ ]{1,3}"


def _breakable(char: str) -> bool:
    return char in _BREAKABLE_QUOTES or "\u00c0" <= char <= "\u024f"


def _literal(text: str) -> str:
    return "".join(_BROKEN if _breakable(c) else re.escape(c) for c in text)


def _wording(text: str) -> str:
    """A wording as a regex: the literal text, its first letter in either case (Go prints 'connection refused'
    where libc says 'Connection refused'), its accented letters and apostrophes as a broken code page may show them
    (`_BROKEN`). No flag and no class shorthand: the export targets (Lucene) read it."""
    words = text.split()
    head = words[0]
    if head[0].isalpha() and head[0].upper() != head[0].lower() and not _breakable(head[0]):
        first = f"[{head[0].upper()}{head[0].lower()}]"
    else:
        first = _literal(head[0])
    return " ".join([first + _literal(head[1:]), *(_literal(w) for w in words[1:])])


def _where(path: str, doc: Any, key: str | None) -> str:
    lines = getattr(doc, "lines", {}) or {}
    n = lines.get(key) if key else None
    return f"{path}:{n}" if n else path


def parse_class(doc: Any, path: str) -> FailureClass:
    """One class document -> FailureClass, or ClassError naming the file and field."""
    if not isinstance(doc, dict):
        raise ClassError(f"{path}: a failure class must be a mapping (class, codes, wordings, examples)")
    name = doc.get("class")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ClassError(f"{_where(path, doc, 'class')}: field 'class' is required: lowercase letters, digits, '_'")
    if Path(path).stem != name:
        raise ClassError(f"{path}: class '{name}' must live in a file named {name}.yaml")
    unknown = sorted(set(doc) - CLASS_KEYS)
    if unknown:
        raise ClassError(f"{_where(path, doc, unknown[0])}: class {name}: unknown field '{unknown[0]}'")
    title = doc.get("title", "")
    if not isinstance(title, str):
        raise ClassError(f"{_where(path, doc, 'title')}: class {name}: field 'title' must be text")
    codes_doc = doc.get("codes") or {}
    if not isinstance(codes_doc, dict):
        raise ClassError(f"{_where(path, doc, 'codes')}: class {name}: 'codes' must map a code name to its numbers")
    codes = []
    for code, nums in codes_doc.items():
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            raise ClassError(f"{_where(path, doc, 'codes')}: class {name}: code {code!r} must be an upper-case name")
        nums = nums or {}
        if not isinstance(nums, dict):
            raise ClassError(f"{_where(path, doc, 'codes')}: class {name}: code {code}: numbers must be {{platform: n}}")
        pairs = []
        for platform, numbers in nums.items():
            if platform not in PLATFORMS:
                raise ClassError(
                    f"{_where(path, doc, 'codes')}: class {name}: code {code}: unknown platform {platform!r} "
                    f"(one of {', '.join(PLATFORMS)})"
                )
            for number in numbers if isinstance(numbers, list) else [numbers]:
                if not isinstance(number, int) or isinstance(number, bool):
                    raise ClassError(
                        f"{_where(path, doc, 'codes')}: class {name}: code {code}.{platform} must be a number or a list of numbers"
                    )
                pairs.append((platform, number))
        codes.append((code, tuple(pairs)))
    wordings = doc.get("wordings") or []
    if not isinstance(wordings, list) or not all(isinstance(w, str) and w.strip() for w in wordings):
        raise ClassError(f"{_where(path, doc, 'wordings')}: class {name}: 'wordings' must be a list of non-empty texts")
    if not codes and not wordings:
        raise ClassError(f"{path}: class {name}: needs codes or wordings")
    examples = doc.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"match", "no_match"}:
        raise ClassError(f"{_where(path, doc, 'examples')}: class {name}: 'examples' must be {{match: [...], no_match: [...]}}")
    lists = []
    for key in ("match", "no_match"):
        items = examples.get(key) or []
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ClassError(f"{_where(path, doc, 'examples')}: class {name}: examples.{key} must be a list of lines")
        lists.append(tuple(items))
    rule = doc.get("rule", "")
    if not isinstance(rule, str):  # which rule ids exist is load_rules' check, as for a reclassify target
        raise ClassError(f"{_where(path, doc, 'rule')}: class {name}: 'rule' must be a rule id")
    alone = doc.get("error_alone", False)
    if not isinstance(alone, bool):
        raise ClassError(f"{_where(path, doc, 'error_alone')}: class {name}: 'error_alone' must be true or false")
    return FailureClass(
        name, title.strip(), tuple(codes), tuple(w.strip() for w in wordings), *lists, path=path, rule=rule, error_alone=alone
    )


def class_files(root: Path) -> list[Path]:
    folder = Path(root) / CLASSES_DIR
    if not Path(root).is_dir() or not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def merge(base: Mapping[str, FailureClass], more: Iterable[FailureClass]) -> dict[str, FailureClass]:
    """A pack's classes over the built-in ones: a class of the same name adds its codes, wordings and
    examples (a user pack teaches `refused` a new wording without copying the class)."""
    out = dict(base)
    for fc in more:
        old = out.get(fc.name)
        if old is None:
            out[fc.name] = fc
            continue
        codes = dict(old.codes)
        for code, nums in fc.codes:
            codes[code] = tuple(dict.fromkeys((*codes.get(code, ()), *nums)))
        out[fc.name] = FailureClass(
            fc.name,
            old.title or fc.title,
            tuple(codes.items()),
            tuple(dict.fromkeys((*old.wordings, *fc.wordings))),
            old.examples_match + fc.examples_match,
            old.examples_no_match + fc.examples_no_match,
            old.path,
            fc.rule or old.rule,
            old.error_alone or fc.error_alone,
        )
    return out


def alone_wordings(classes: Iterable[FailureClass]) -> tuple[str, ...]:
    """The wordings that are an error by themselves (`error_alone` classes): what the scanner takes for an error word."""
    return tuple(dict.fromkeys(w for fc in classes if fc.error_alone for w in fc.wordings))


def wordings_regex(wordings: Iterable[str]) -> str | None:
    """One regex of the wordings, each as `_wording` reads it (longest first), or None when there are none."""
    alts = [_wording(w) for w in sorted(wordings, key=len, reverse=True)]
    return f"(?:{'|'.join(alts)})" if alts else None


def wording_needle(wording: str) -> tuple[str, bool]:
    """The literal the prefilter looks for to find a wording: the longest run of its text after the first letter
    (that one may be in either case) holding no letter a broken code page may show otherwise (`_breakable`),
    case-blind when ASCII; a run with other letters is looked for as written (the prefilter lowers only ASCII)."""
    core = wording[1:] if len(wording) > 3 else wording
    runs = "".join("\0" if _breakable(c) else c for c in core).split("\0")
    run = max(runs, key=len)
    return (run.lower(), True) if run.isascii() else (run, False)


def expand(pattern: str, classes: Mapping[str, FailureClass]) -> str:
    """The pattern with every {{class}} / {{class.part}} replaced by its regex; ValueError says why not."""
    if "{{" not in pattern:
        return pattern

    def sub(m: re.Match[str]) -> str:
        name, part = m.group(1), m.group(2)
        fc = classes.get(name)
        if fc is None:
            known = ", ".join(sorted(classes)) or "none"
            raise ValueError(f"names an unknown failure class '{name}' (known: {known})")
        if part is not None and part not in PARTS:
            raise ValueError(f"'{{{{{name}.{part}}}}}': the part must be one of {', '.join(PARTS)}")
        regex = fc.part(part)
        if regex is None:
            raise ValueError(f"'{m.group(0)}': class '{name}' has no {part or 'code or wording'}")
        return regex

    return MACRO.sub(sub, pattern)


def uncovered(fc: FailureClass) -> list[str]:
    """Codes, numbers and wordings of the class that no `examples.match` line shows: every one must come
    with a real line (the class file's comment says where it was captured or found). A code name that
    systems never print (EAI_NONAME) is shown through its numbers."""
    lines = fc.examples_match

    def shown(number: int) -> bool:
        return any(re.search(rf"(?<![\d.\w-]){re.escape(str(number))}(?!\d)", x) for x in lines)

    missing = []
    for name, nums in fc.codes:
        if not any(re.search(rf"\b{re.escape(name)}\b", x) for x in lines) and not (nums and all(shown(n) for _, n in nums)):
            missing.append(name)
    for number in fc.numbers:
        if not shown(number):
            missing.append(str(number))
    for wording in fc.wordings:
        if not any(re.search(_wording(wording), x) for x in lines):
            missing.append(wording)
    return missing


def yaml_error(exc: Exception) -> str:
    """':12: could not find expected ':'' from a yaml.YAMLError."""
    mark = getattr(exc, "problem_mark", None)
    line = f":{mark.line + 1}" if mark else ""
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"{line}: {reason}"
