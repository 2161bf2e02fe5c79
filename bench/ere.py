"""Rule regex (Python `re`, RE2 subset) -> POSIX extended regex for `grep -E`, faithfully.

The pattern is parsed with Python's own regex parser and printed back as ERE:
named and non-capturing groups become plain groups, `\\d` -> `[0-9]`, `\\s` -> `[[:space:]]`,
`\\w` -> `[[:alnum:]_]` (and their negations), `\\b` stays (a GNU extension grep -E knows), and a
case-insensitive pattern (`(?i)`) spells every letter as `[xX]`, so that one PATTERNS file holds
every rule and a single `grep -c -E -f PATTERNS` does the job.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

_SPECIAL = set(".[]()*+?{}|^$\\")
_CATEGORY = {
    C.CATEGORY_DIGIT: "0-9",
    C.CATEGORY_SPACE: "[:space:]",
    C.CATEGORY_WORD: "[:alnum:]_",
}
_NOT_CATEGORY = {
    C.CATEGORY_NOT_DIGIT: "0-9",
    C.CATEGORY_NOT_SPACE: "[:space:]",
    C.CATEGORY_NOT_WORD: "[:alnum:]_",
}


class Unsupported(ValueError):
    pass


def _char(code: int, icase: bool) -> str:
    ch = chr(code)
    if icase and ch.lower() != ch.upper():
        return f"[{ch.lower()}{ch.upper()}]"
    if ch in _SPECIAL:
        return "\\" + ch
    if ch == "\n":
        raise Unsupported("newline in pattern (grep matches single lines)")
    return ch


def _in(items: list, icase: bool) -> str:  # type: ignore[type-arg]
    negate = False
    singles: list[str] = []
    ranges: list[str] = []
    classes: list[str] = []
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            ch = chr(av)
            if ch == "\n":
                continue  # grep matches within one line: a newline never occurs
            singles.append(ch)
            if icase and ch.lower() != ch.upper():
                singles.append(ch.swapcase())
        elif op is C.RANGE:
            lo, hi = chr(av[0]), chr(av[1])
            ranges.append(f"{lo}-{hi}")
            if icase and lo.isalpha() and hi.isalpha():
                ranges.append(f"{lo.swapcase()}-{hi.swapcase()}")
        elif op is C.CATEGORY:
            if av in _CATEGORY:
                cat = _CATEGORY[av]
                (ranges if cat == "0-9" else classes).append(cat)
            elif av in _NOT_CATEGORY and len(items) == 1:
                cat = _NOT_CATEGORY[av]
                return f"[^{cat}]"
            else:
                raise Unsupported(f"category {av} inside a class")
        else:
            raise Unsupported(f"class item {op}")
    # POSIX bracket rules: ']' must come first, '-' last, '^' anywhere but first.
    head = "]" if "]" in singles else ""
    tail = "-" if "-" in singles else ""
    middle = [c for c in singles if c not in "]-^"] + ranges + classes + (["^"] if "^" in singles else [])
    body = head + "".join(dict.fromkeys(middle)) + tail
    if body == "^":
        return "\\^" if not negate else "[^^]"
    return f"[{'^' if negate else ''}{body}]"


def _seq(node, icase: bool) -> str:  # type: ignore[no-untyped-def]
    out: list[str] = []
    for op, av in node:
        if op is C.LITERAL:
            out.append(_char(av, icase))
        elif op is C.NOT_LITERAL:
            out.append("." if av == 10 else f"[^{chr(av)}]")
        elif op is C.ANY:
            out.append(".")
        elif op is C.IN:
            out.append(_in(av, icase))
        elif op is C.SUBPATTERN:
            group, add_flags, del_flags, body = av
            inner_icase = (icase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            out.append(f"({_seq(body, inner_icase)})")
        elif op is C.BRANCH:
            out.append("(" + "|".join(_seq(b, icase) for b in av[1]) + ")")
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, body = av
            inner = _seq(body, icase)
            if len(body) != 1 or body[0][0] in (C.SUBPATTERN, C.BRANCH) and not inner.startswith("("):
                inner = f"({inner})"
            elif len(body) == 1 and body[0][0] is C.LITERAL and len(inner) > 2 and not inner.startswith("["):
                inner = f"({inner})"
            if (lo, hi) == (0, C.MAXREPEAT):
                q = "*"
            elif (lo, hi) == (1, C.MAXREPEAT):
                q = "+"
            elif (lo, hi) == (0, 1):
                q = "?"
            elif hi == C.MAXREPEAT:
                q = f"{{{lo},}}"
            elif lo == hi:
                q = f"{{{lo}}}"
            else:
                q = f"{{{lo},{hi}}}"
            out.append(inner + q)
        elif op is C.AT:
            if av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
                out.append("^")
            elif av in (C.AT_END, C.AT_END_STRING):
                out.append("$")
            elif av is C.AT_BOUNDARY:
                out.append("\\b")
            elif av is C.AT_NON_BOUNDARY:
                out.append("\\B")
            else:
                raise Unsupported(f"anchor {av}")
        elif op is C.CATEGORY:
            out.append(_in([(op, av)], icase))
        else:
            raise Unsupported(f"{op}")
    return "".join(out)


def to_ere(pattern: str) -> str:
    parsed = P.parse(pattern)
    icase = bool(parsed.state.flags & re.IGNORECASE)
    return _seq(parsed, icase)


def patterns_file(rules) -> str:  # type: ignore[no-untyped-def]
    """One ERE line per rule (its patterns joined with '|'); rules without patterns are skipped."""
    lines = []
    for rule in rules:
        eres = []
        for p in rule.patterns:
            try:
                eres.append(to_ere(p.pattern))
            except Unsupported as exc:
                if "newline" not in str(exc):
                    raise
                # a pattern for a joined multi-line entry can never match one line: grep has no use for it
        if eres:
            lines.append("|".join(eres))
    return "\n".join(lines) + "\n"
