"""A rule pattern in Lucene's regular-expression syntax (Elasticsearch, OpenSearch), or why it has none.

Lucene matches a regex against the whole term, knows no `\\d`, `\\w`, `\\b`, `^`, lazy repeats or inline
flags, and reads `@ # & < > ~ "` as operators. So the pattern is rebuilt from Python's own parse tree:
classes spelled out (ASCII, as RE2 reads them), letters doubled for `(?i)` and `(?i:…)`, `.*` added at an unanchored
end, a word boundary at either end as "the line starts here or a non-word character comes before". What
Lucene cannot say (a word boundary inside, an anchor inside a group) raises NotPortable.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

from analyzer.export.sigma import NotPortable
from analyzer.i18n import Msg

_CLASSES = {
    C.CATEGORY_DIGIT: "0-9",
    C.CATEGORY_WORD: "a-zA-Z0-9_",
    C.CATEGORY_SPACE: " \t\n\r\f\v",
}
_NEGATED = {C.CATEGORY_NOT_DIGIT: C.CATEGORY_DIGIT, C.CATEGORY_NOT_WORD: C.CATEGORY_WORD, C.CATEGORY_NOT_SPACE: C.CATEGORY_SPACE}


def _char(code: int, in_class: bool = False) -> str:
    ch = chr(code)
    if ch.isalnum() or ch in "_/" or (in_class and ch in " .,:;'=!%+*?()|{}@#&<>~\"$"):
        return ch  # '/' is left to the backend, which escapes it for the query's /…/ delimiters
    return "\\" + ch


def _letter(code: int, nocase: bool) -> str:
    ch = chr(code)
    if nocase and ch.isascii() and ch.isalpha():
        return f"[{ch.lower()}{ch.upper()}]"
    return _char(code)


def _class(items: list, nocase: bool) -> str:
    if len(items) == 1 and items[0][0] is C.CATEGORY and items[0][1] in _NEGATED:  # \S, \W, \D
        return "[^" + _CLASSES[_NEGATED[items[0][1]]] + "]"
    negate = bool(items) and items[0][0] is C.NEGATE
    parts = []
    for op, av in items[1:] if negate else items:
        if op is C.LITERAL:
            ch = chr(av)
            parts.append(_char(av, True) if ch not in "-^[]\\" else "\\" + ch)
            if nocase and ch.isascii() and ch.isalpha():
                parts.append(ch.swapcase())
        elif op is C.RANGE:
            lo, hi = av
            parts.append(f"{_char(lo, True)}-{_char(hi, True)}")
            if nocase:
                a, b = chr(lo), chr(hi)
                if a.isascii() and b.isascii() and a.isalpha() and b.isalpha() and a.islower() == b.islower():
                    parts.append(f"{a.swapcase()}-{b.swapcase()}")
                elif any(chr(c).isalpha() for c in range(lo, hi + 1)):
                    raise NotPortable(Msg("export.skip.lucene", what="a mixed letter range under (?i)"))
        elif op is C.CATEGORY and av in _CLASSES:
            parts.append(_CLASSES[av])
        else:
            raise NotPortable(Msg("export.skip.lucene", what="a negated class inside a class"))
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


def _seq(node, nocase: bool, top: bool = False, dotall: bool = False) -> str:  # type: ignore[no-untyped-def]
    items = list(getattr(node, "data", node))
    out = []
    for n, (op, av) in enumerate(items):
        if op is C.LITERAL:
            out.append(_letter(av, nocase))
        elif op is C.NOT_LITERAL:
            out.append(_class([(C.NEGATE, None), (C.LITERAL, av)], nocase))
        elif op is C.ANY:  # Lucene's '.' takes a newline too; Python's only under (?s)
            out.append("." if dotall else "[^\n]")
        elif op is C.IN:
            out.append(_class(av, nocase))
        elif op is C.CATEGORY:
            if av in _CLASSES:
                out.append("[" + _CLASSES[av] + "]")
            elif av in _NEGATED:
                out.append("[^" + _CLASSES[_NEGATED[av]] + "]")
            else:
                raise NotPortable(Msg("export.skip.lucene", what="a word boundary (\\b)"))
        elif op is C.BRANCH:
            out.append("(" + "|".join(_seq(b, nocase, dotall=dotall) for b in av[1]) + ")")
        elif op is C.SUBPATTERN:
            add, remove = av[1], av[2]
            if (add | remove) & ~(re.IGNORECASE | re.DOTALL):
                raise NotPortable(Msg("export.skip.lucene", what="a scoped flag other than (?i:…) or (?s:…)"))
            inner = True if add & re.IGNORECASE else False if remove & re.IGNORECASE else nocase
            dots = True if add & re.DOTALL else False if remove & re.DOTALL else dotall
            out.append("(" + _seq(av[-1], inner, dotall=dots) + ")")
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):  # lazy or greedy: the same lines match
            lo, hi, sub = av
            body = _seq(sub, nocase, dotall=dotall)
            body = body if len(list(getattr(sub, "data", sub))) == 1 and not body.endswith(("*", "+", "?", "}")) else f"({body})"
            if (lo, hi) == (0, C.MAXREPEAT):
                out.append(body + "*")
            elif (lo, hi) == (1, C.MAXREPEAT):
                out.append(body + "+")
            elif (lo, hi) == (0, 1):
                out.append(body + "?")
            elif hi == C.MAXREPEAT:
                out.append(f"{body}{{{lo},}}")
            else:
                out.append(f"{body}{{{lo},{hi}}}" if lo != hi else f"{body}{{{lo}}}")
        elif op is C.AT:
            first, last = n == 0, n == len(items) - 1
            if top and av is C.AT_BEGINNING and first:
                continue
            if top and av in (C.AT_END, C.AT_END_STRING) and last:
                continue
            what = "a word boundary (\\b)" if av in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY) else "an anchor inside the pattern"
            raise NotPortable(Msg("export.skip.lucene", what=what))
        else:
            raise NotPortable(Msg("export.skip.lucene", what=str(op).lower()))
    return "".join(out)


_WORD = re.compile(r"\w", re.ASCII)


def _word_edge(node, first: bool) -> bool:  # type: ignore[no-untyped-def]
    """Whether every string the node matches starts (first) or ends with an ASCII word character."""
    items = list(getattr(node, "data", node))
    if not items:
        return False
    op, av = items[0] if first else items[-1]
    if op is C.LITERAL:
        return bool(_WORD.match(chr(av)))
    if op is C.SUBPATTERN:
        return _word_edge(av[-1], first)
    if op is C.BRANCH:
        return all(_word_edge(b, first) for b in av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return av[0] >= 1 and _word_edge(av[2], first)
    if op is C.IN:
        return all(o is C.LITERAL and _WORD.match(chr(a)) or o is C.RANGE and all(_WORD.match(chr(c)) for c in a)
                   or o is C.CATEGORY and a is C.CATEGORY_WORD for o, a in av)
    return False


def lucene(pattern: str) -> str:
    """The pattern as a Lucene regex that matches a whole field value exactly when Python's
    `re.search` finds the pattern in it (ASCII classes, as RE2 reads them)."""
    parsed = P.parse(pattern)
    nocase = bool(parsed.state.flags & re.IGNORECASE)
    if parsed.state.flags & re.MULTILINE:
        raise NotPortable(Msg("export.skip.lucene", what="the flag (?m)"))
    dotall = bool(parsed.state.flags & re.DOTALL)
    items = list(parsed.data)
    # An optional part at either end does not change whether the pattern is found in a line (`(?:X: )?Y`
    # is found exactly where `Y` is): drop it, so that what follows may sit at the edge.
    while len(items) > 1 and items[0][0] in (C.MAX_REPEAT, C.MIN_REPEAT) and items[0][1][0] == 0:
        items = items[1:]
    while len(items) > 1 and items[-1][0] in (C.MAX_REPEAT, C.MIN_REPEAT) and items[-1][1][0] == 0:
        items = items[:-1]
    # A word boundary at either end, next to a word character: the line starts there or a non-word
    # character comes before it (ends there or one comes after), which Lucene can say.
    head = tail = ".*"
    if len(items) > 1 and items[0] == (C.AT, C.AT_BOUNDARY) and _word_edge(items[1:], True):
        items, head = items[1:], "(.*[^a-zA-Z0-9_])?"
    if len(items) > 1 and items[-1] == (C.AT, C.AT_BOUNDARY) and _word_edge(items[:-1], False):
        items, tail = items[:-1], "([^a-zA-Z0-9_].*)?"
    if items and items[0] == (C.AT, C.AT_BEGINNING):
        head = ""
    if items and items[-1][0] is C.AT and items[-1][1] in (C.AT_END, C.AT_END_STRING):
        tail = ""
    return head + _seq(items, nocase, top=True, dotall=dotall) + tail
