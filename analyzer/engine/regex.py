"""What we need to know about a rule's regex: is it in the pinned dialect, and which literal text
must appear in any line it matches (for the prefilter).

The dialect is Python `re` restricted to what RE2 also accepts, so that no rule can make a scan
super-linear through backreferences or lookaround, and so a linear-time engine can run the same
patterns.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

# Literal characters that survive every way a message reaches us unchanged: raw text, and JSON
# strings (which may escape quotes, backslashes, <, >, & and non-ASCII characters).
_SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.:,;'/()=!?#%*+[]{}|~$@^`")
MIN_KEYWORD = 3
# Characters that `re.IGNORECASE` folds onto an ASCII letter: KELVIN SIGN, LONG S, I WITH DOT, DOTLESS I. A literal
# search on lower-cased text can miss what the regex matches where one stands (the prefilter, the affinity's words).
FOLDING = ("\u212a", "\u017f", "\u0130", "\u0131")

_FORBIDDEN = {
    C.GROUPREF: "backreference",
    C.GROUPREF_EXISTS: "conditional group",
    C.ASSERT: "lookahead/lookbehind",
    C.ASSERT_NOT: "negative lookahead/lookbehind",
}
for _name, _what in (("ATOMIC_GROUP", "atomic group"), ("POSSESSIVE_REPEAT", "possessive quantifier")):
    if hasattr(C, _name):
        _FORBIDDEN[getattr(C, _name)] = _what


@lru_cache(maxsize=4096)
def _parse(pattern: str) -> P.SubPattern:
    """Parsed once per process: the loader checks the dialect, the planner derives keywords."""
    return P.parse(pattern)


def dialect_problem(pattern: str) -> str | None:
    """None if the pattern compiles and stays within the RE2-compatible subset, else why not."""
    try:
        parsed = _parse(pattern)
    except re.error as exc:
        return f"does not compile: {exc}"
    for op, _ in _nodes(parsed):
        if op in _FORBIDDEN:
            return f"uses a {_FORBIDDEN[op]}, which the rule dialect does not allow"
    return None


def _nodes(parsed: P.SubPattern):  # type: ignore[no-untyped-def]
    """Every (op, argument) of a parsed pattern, groups, repeats and branches included."""
    stack = [parsed]
    while stack:
        node = stack.pop()
        for op, av in getattr(node, "data", node):  # .data: iterating a SubPattern goes through __getitem__
            yield op, av
            if op is C.SUBPATTERN:
                stack.append(av[-1])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
                stack.append(av[2])
            elif op is C.BRANCH:
                stack.extend(av[1])


def _literals(node: P.SubPattern) -> list[list[str]]:
    """Required literal runs of a sequence, as alternatives: each returned list is the set of
    strings of which at least one must be present (a run, or one per branch)."""
    out: list[list[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(["".join(run)])
            run.clear()

    for op, av in getattr(node, "data", node):
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        flush()
        if op is C.SUBPATTERN:
            out.extend(_literals(av[-1]))
        elif op is C.MAX_REPEAT or op is C.MIN_REPEAT:
            if av[0] >= 1:
                out.extend(_literals(av[2]))
        elif op is C.BRANCH:
            choices: list[str] = []
            for branch in av[1]:
                best = _best(_literals(branch))
                if best is None:
                    choices = []
                    break
                choices.extend(best)
            if choices:
                out.append(choices)
    flush()
    return out


def _safe_piece(text: str) -> str:
    """The longest run of the text made only of characters that survive JSON escaping."""
    best, cur = "", []
    for ch in text:
        if ch in _SAFE:
            cur.append(ch)
        else:
            if len(cur) > len(best):
                best = "".join(cur)
            cur = []
    if len(cur) > len(best):
        best = "".join(cur)
    return best.strip() if len(best.strip()) >= MIN_KEYWORD else ""


def _best(groups: list[list[str]]) -> list[str] | None:
    """Pick the alternative set whose weakest member is longest."""
    best: list[str] | None = None
    best_score = 0
    for choices in groups:
        pieces = [_safe_piece(c) for c in choices]
        if not all(pieces):
            continue
        score = min(len(p) for p in pieces)
        if score > best_score:
            best, best_score = pieces, score
    return best


def _scoped_ignore_case(node: P.SubPattern) -> bool:
    """A `(?i:…)` group anywhere (a failure class's wordings): its literals may come in any case, so the
    pattern's keywords are compared case-insensitively (a few more candidates, never a missed line)."""
    return any(op is C.SUBPATTERN and av[1] & re.IGNORECASE for op, av in _nodes(node))


def required_keywords(pattern: str) -> tuple[list[str], bool] | None:
    """Literal strings of which at least one appears in every line the pattern matches, and
    whether they compare case-insensitively. None when no such literal can be derived."""
    parsed = _parse(pattern)
    ignore_case = bool(parsed.state.flags & re.IGNORECASE) or _scoped_ignore_case(parsed)
    best = _best(_literals(parsed))
    if best is None:
        return None
    return sorted(set(best)), ignore_case


# A user pack's pattern is matched in linear time by RE2 (pip install 'rla[safe]', which `make`
# installs); without RE2 it sees only the first UNTRUSTED_SPAN characters of a message, so a
# polynomial pattern ('\\s+X$' is quadratic in Python's backtracking engine) costs a bounded time
# per line. The load-time probe (analyzer.ruletest) refuses exponential ones either way.
UNTRUSTED_SPAN = 8192


@lru_cache(maxsize=1)
def re2_module():  # type: ignore[no-untyped-def]
    """google-re2, or None when it is not installed."""
    try:
        import re2  # type: ignore[import-not-found]
    except ImportError:
        return None
    return re2


class Capped:
    """A Python pattern that searches only the first UNTRUSTED_SPAN characters of a text."""

    __slots__ = ("rx",)

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx

    def search(self, text: str, *args):  # type: ignore[no-untyped-def]
        return self.rx.search(text[:UNTRUSTED_SPAN] if len(text) > UNTRUSTED_SPAN else text, *args)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.rx, name)


def compile_bounded(pattern: str):  # type: ignore[no-untyped-def]
    """A user-supplied pattern with bounded work per line: RE2 where it is installed and accepts the
    pattern (linear time), else Python's engine on the first UNTRUSTED_SPAN characters."""
    re2 = re2_module()
    if re2 is not None:
        try:
            return re2.compile(pattern)
        except Exception:  # noqa: BLE001 - a construct RE2 reads differently: the capped engine
            pass
    return Capped(re.compile(pattern))


_UNKNOWN = object()  # LazyPattern's keywords, not derived yet


class LazyPattern:
    """A rule regex compiled on first use (`.pattern` is there at once).

    A pack has hundreds of patterns and a run usually needs a few: the lines of a paste or of a
    day of logs reach only the rules whose literals they hold. Compiling them all up front was the
    largest single cost of `rla analyze` on a small file. The pattern was already parsed and checked
    (`dialect_problem`) when its rule loaded, so a compile error cannot surface later.
    `untrusted` (a user pack's pattern): compiled by `compile_bounded`. `keywords`: its
    `required_keywords`, when known already (the rule-pack cache keeps them: deriving them parses the
    pattern, the largest cost of planning a run).
    """

    __slots__ = ("pattern", "_compiled", "untrusted", "_keywords")

    def __init__(self, pattern: str, untrusted: bool = False, keywords: object = _UNKNOWN):
        self.pattern = pattern
        self._compiled = None
        self.untrusted = untrusted
        self._keywords = keywords

    def keywords(self) -> tuple[list[str], bool] | None:
        """`required_keywords(self.pattern)`, worked out once."""
        if self._keywords is _UNKNOWN:
            self._keywords = required_keywords(self.pattern)
        return self._keywords  # type: ignore[return-value]

    def compiled(self):  # type: ignore[no-untyped-def]
        if self._compiled is None:
            self._compiled = compile_bounded(self.pattern) if self.untrusted else re.compile(self.pattern)
        return self._compiled

    def search(self, *args):  # type: ignore[no-untyped-def]
        return self.compiled().search(*args)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.compiled(), name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern):
            return self.pattern == other.pattern
        return isinstance(other, re.Pattern) and other == self.compiled()

    def __hash__(self) -> int:
        return hash(self.pattern)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (LazyPattern, (self.pattern, self.untrusted))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"
