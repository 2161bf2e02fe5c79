"""A diagnosis that merges: what the scan of one part of the input hands to the judge.

Scanning (bytes -> candidate entries, every byte touched) is the costly, splittable stage; judging
(entries -> story -> verdict) reads a few entries in input order. A `Summary` is a part's scan result:
its counts, what could not be read, and its candidate entries (each `Hit`: the whole joined entry
with its time, instance and level, and the rules it matched with their fields) in input order. Parts
merge by concatenation in input order, so `merge(summarize(a), summarize(b))` is `summarize(a + b)`
whenever the cut between `a` and `b` is a source boundary (the scanner closes every entry at the
end of a source, so no multi-line entry crosses it), and the judge replays the merged entries on
the client: per-instance stories, state changes, timelines and reclassification are decided by
the one judge over the whole input, exactly as in a plain run (docs/scale-out.md).

Each field has its own merge function in `MERGE`: a new field is one line there (a test checks
every field has one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from functools import reduce
from typing import Any

from analyzer.engine.scan import Hit, Plan, Run, Scanner
from analyzer.sources.files import Block, Problems


@dataclass
class Summary:
    """One part of the input, scanned. Plain data: pickled to and from cluster workers."""

    sources: list[str] = field(default_factory=list)  # in input order
    lines: int = 0
    unparsed: int = 0
    first_unparsed: str | None = None
    skipped: list[str] = field(default_factory=list)  # inputs not read, and why
    notes: list[str] = field(default_factory=list)  # how an input was read, when the user should know
    engines: list[str] = field(default_factory=list)  # prefilter engines used (--verbose)
    hits: list[Hit | Run] = field(default_factory=list)  # candidate entries, in input order (a Run: copies of one)


def _unique(a: list[str], b: list[str]) -> list[str]:
    return a + [x for x in b if x not in a]


MERGE: dict[str, Callable[[Any, Any], Any]] = {
    "sources": _unique,
    "lines": int.__add__,
    "unparsed": int.__add__,
    "first_unparsed": lambda a, b: a if a is not None else b,  # the earlier part's comes first
    "skipped": list.__add__,
    "notes": list.__add__,
    "engines": lambda a, b: sorted(set(a) | set(b)),
    "hits": list.__add__,
}


def merge(a: Summary, b: Summary) -> Summary:
    """`a` then `b` (in input order). Associative, with `Summary()` as identity."""
    return Summary(**{f.name: MERGE[f.name](getattr(a, f.name), getattr(b, f.name)) for f in fields(Summary)})


def merge_all(parts: Iterable[Summary]) -> Summary:
    return reduce(merge, parts, Summary())


def summarize(blocks: Iterable[Block], plan: Plan, input_format: str = "auto", problems: Problems | None = None) -> Summary:
    """Scan blocks (one or more whole sources, in order) into a summary."""
    problems = problems if problems is not None else Problems()
    scanner = Scanner(plan, problems, input_format)
    out = Summary()
    for block in blocks:
        if block.source not in out.sources:
            out.sources.append(block.source)
        out.hits.extend(scanner.scan(block))
        out.lines += block.line_count()
    out.hits.extend(scanner.flush())
    out.unparsed, out.first_unparsed, out.skipped = problems.unparsed, problems.first, list(problems.skipped)
    out.notes = list(problems.notes)
    out.engines = sorted(scanner.engines)
    return out
