"""The multi-literal search behind the prefilter: which lines of a byte block contain a needle.

A needle is a literal every match of some rule must contain (see analyzer.engine.regex), or an error word.
Two engines give the same answer, the set of lines that contain at least one needle (ASCII case
folded for the case-insensitive ones):

* `hyperscan` (installed by a plain `pip install` wherever PyPI has a wheel): all needles in one
  compiled automaton, one pass over the block in C, SIMD-accelerated (~1 GB/s here).
* `aho-corasick` (pyahocorasick, installed by a plain `pip install` wherever it has a wheel, which
  is more platforms than Hyperscan): the lower-cased needles in one automaton walked in C over the
  lower-cased block; a key that is a case-sensitive needle's lower-cased form counts only where the
  line holds that needle as it is.
* `python` (always there): one `bytes.find` pass per *anchor* over the lower-cased block, then an
  exact check of each line found against the needles that hold that anchor. Anchors are a small set
  of substrings that cover every needle (`redis` covers all the "Redis ..." literals), so the pass
  count stays low as rules grow.

Both also report the UTF-8 bytes of the few non-ASCII characters that Python's case-insensitive
regex folds onto ASCII letters (K KELVIN SIGN, ſ, İ, ı): a block holding one is searched line by
line in Python, so no engine can miss what `re` would match.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from analyzer.engine.regex import FOLDING as _FOLDING_CHARS

FOLDING = tuple(c.encode() for c in _FOLDING_CHARS)  # their UTF-8 bytes, as blocks hold them
_ASCII = bytes(range(128))
ANCHOR_LEN = 5
SMALL = 1 << 18  # below this many bytes, one pass per needle is cheaper than computing anchors


class Needles:
    """Literal needles: (bytes, ignore_case). Case-insensitive needles are kept lower-cased."""

    def __init__(self, needles: Sequence[tuple[str, bool]]):
        seen: dict[tuple[bytes, bool], None] = {}
        for text, ci in needles:
            raw = text.encode("utf-8")
            seen[(raw.lower() if ci else raw, ci)] = None
        self.items: tuple[tuple[bytes, bool], ...] = tuple(seen)
        self.sensitive = tuple(n for n, ci in self.items if not ci)
        self.insensitive = tuple(n for n, ci in self.items if ci)

    def minimal(self) -> "Needles":
        """The same search with fewer needles: one that holds another (`ECONNREFUSED` holds `econn`, a
        case-insensitive needle) finds no line the other misses. Fewer needles: fewer matches for a
        compiled engine to report (a storm line holds several) and fewer anchor passes for Python."""
        by_length = sorted(self.items, key=lambda item: (len(item[0]), not item[1]))  # case-insensitive first
        kept: list[tuple[bytes, bool]] = []
        for needle, ci in by_length:
            low = needle.lower()
            if not any(k in low if k_ci else (not ci and k in needle) for k, k_ci in kept):
                kept.append((needle, ci))
        keep = set(kept)
        return Needles([(n.decode("utf-8"), ci) for n, ci in self.items if (n, ci) in keep])

    def line_has(self, line: bytes) -> bool:
        """Exact needle test on one line."""
        if any(n in line for n in self.sensitive):
            return True
        low = line.lower()
        return any(n in low for n in self.insensitive)


def has_folding(data: bytes) -> bool:
    """Whether a folding character occurs in data. Only the non-ASCII bytes are searched (a log holds few, and
    `translate` drops the rest in one C pass): bytes of two characters brought side by side can only give a
    false yes, which costs an exact line-by-line search, never a miss."""
    return not data.isascii() and any(f in data.translate(None, _ASCII) for f in FOLDING)


class PythonEngine:
    """Pure Python: anchor passes with bytes.find over the lower-cased block."""

    name = "python"

    def __init__(self, needles: Needles):
        self.needles = needles
        self._anchors: list[tuple[bytes, tuple[bytes, ...], tuple[bytes, ...]]] | None = None
        # a paste's anchors: each needle lower-cased, a line it finds checked against the needles it is made of (as
        # for big blocks, a line holding another needle is found by that needle's own pass); made once, not per block
        own: dict[bytes, list[bytes]] = {}
        for n in needles.sensitive:
            own.setdefault(n.lower(), []).append(n)
        insensitive = set(needles.insensitive)
        self._small = [
            (a, tuple(own.get(a, ())), (a,) if a in insensitive else ()) for a in sorted({n.lower() for n, _ in needles.items})
        ]

    @property
    def anchors(self) -> list[tuple[bytes, tuple[bytes, ...], tuple[bytes, ...]]]:
        """Each anchor with the needles that hold it (case-sensitive ones, lower-cased ones): a line an
        anchor finds is checked against those only, since a needle it holds is found by its own anchor's
        pass. Computed on the first big block (the set cover costs tens of ms; a paste never pays it)."""
        if self._anchors is None:
            items = self.needles.items
            self._anchors = [
                (a, _shortest_first(n for n, ci in items if not ci and a in n.lower()),
                 _shortest_first(n for n, ci in items if ci and a in n))
                for a in _anchors([n.lower() for n, _ in items])
            ]
        return self._anchors

    def lines(self, buf: bytes | bytearray, size: int, start: int = 0) -> tuple[list[int], bool]:
        """Sorted start offsets of the lines in buf[start:size] (whole lines) holding a needle, and whether a
        folding character occurs there."""
        data = bytes(memoryview(buf)[start:size]) if start or size != len(buf) or not isinstance(buf, bytes) else buf
        low = data.lower()
        starts: set[int] = set()
        find, rfind = low.find, low.rfind
        if size - start >= SMALL:
            anchors = self.anchors
        else:  # a paste: each needle is its own anchor
            anchors = self._small
        for anchor, sensitive, insensitive in anchors:
            pos = find(anchor)
            while pos >= 0:
                first = rfind(b"\n", 0, pos) + 1
                end = find(b"\n", pos)
                if end < 0:
                    end = len(low)
                if first not in starts:
                    line, low_line = data[first:end], low[first:end]
                    if any(n in line for n in sensitive) or any(n in low_line for n in insensitive):
                        starts.add(first)
                pos = find(anchor, end + 1) if end < len(low) else -1
        folding = has_folding(data)
        return sorted(s + start for s in starts), folding


def _shortest_first(needles: Iterable[bytes]) -> tuple[bytes, ...]:
    """Shorter needles are the more general ones (`ECONNREFUSED` before a client's whole sentence): a line found
    by an anchor is likelier to hold one, so the check stops sooner."""
    return tuple(sorted(needles, key=len))


# 5-grams of words every log is full of ("version" in a boot banner, "connection" in an access log): as an anchor
# each costs an exact check on thousands of lines, so a needle holding one is covered by another gram or itself
COMMON_GRAMS = frozenset({b"versi", b"ersio", b"rsion", b"conne", b"onnec", b"nnect", b"necti", b"ectio", b"serve",
                          b"error", b"reque", b"eques", b"respo", b"start", b"timeo", b"imeou", b"meout", b"ation",
                          b"ction", b"while", b"umber"})


def _anchors(needles: list[bytes]) -> list[bytes]:
    """A few substrings such that every needle contains one (greedy set cover on 5-grams).

    A gram must cover at least three needles and hold no space (" the ", " for " are in every
    other line of a log: each hit costs an exact check); whatever is left is its own anchor."""
    todo = set(needles)
    out: list[bytes] = []
    while todo:
        counts: dict[bytes, int] = {}
        for n in todo:
            grams = {n[i : i + ANCHOR_LEN] for i in range(max(1, len(n) - ANCHOR_LEN + 1))}
            for g in grams:
                if len(g) == ANCHOR_LEN and g.isalnum() and g not in COMMON_GRAMS:
                    counts[g] = counts.get(g, 0) + 1
        best = max(counts, key=lambda g: (counts[g], g), default=None)
        if best is None or counts[best] < 3:
            out.extend(sorted(todo))  # the rest share nothing worth a pass: each is its own anchor
            break
        out.append(best)
        todo = {n for n in todo if best not in n}
    return out


class AhoCorasickEngine:
    """pyahocorasick: one automaton of the lower-cased needles, one pass in C per block.

    The wheel's automaton holds str keys, so the lower-cased block is decoded as Latin-1 (one byte,
    one character: offsets stay byte offsets). Matching case-insensitively is a superset for the
    case-sensitive needles, so such a key is checked against its needles in the line as it is; a line
    is taken at its first key that passes, and the rest of its keys are skipped."""

    name = "aho-corasick"

    def __init__(self, needles: Needles):
        import ahocorasick  # type: ignore[import-not-found]

        self.needles = needles
        self.automaton = ahocorasick.Automaton()
        # A key's value: None when it is a case-insensitive needle (a line holding it needs no check), else
        # the case-sensitive needles it is the lower-cased form of (the line must hold one of them as it is).
        keys: dict[bytes, tuple[bytes, ...] | None] = {}
        for needle, ci in needles.items:
            low = needle.lower()
            if ci:
                keys[low] = None
            elif keys.get(low, ()) is not None:
                keys[low] = (*keys.get(low, ()), needle)  # type: ignore[misc]
        for key in sorted(keys):
            self.automaton.add_word(key.decode("latin-1"), keys[key])
        self.automaton.make_automaton()

    def lines(self, buf: bytes | bytearray, size: int, start: int = 0) -> tuple[list[int], bool]:
        """As PythonEngine.lines."""
        data = bytes(memoryview(buf)[start:size]) if start or size != len(buf) or not isinstance(buf, bytes) else buf
        if not self.needles.items:
            return [], False
        text = data.lower().decode("latin-1")
        starts: list[int] = []
        end = -1  # the end of the line of the last key found, and whether that line is taken
        taken = False
        find, rfind = text.find, text.rfind
        # (one search from each line's end instead would be slower: every call converts the whole block)
        for pos, sensitive in self.automaton.iter(text):
            if pos > end:
                first = rfind("\n", 0, pos) + 1
                end = find("\n", pos)
                if end < 0:
                    end = len(text)
                line, taken = data[first:end], False
            elif taken:
                continue
            # a key found in another case than its case-sensitive needles' is no needle: the line's next key may be
            if sensitive is None or any(n in line for n in sensitive):
                starts.append(first + start)
                taken = True
        folding = has_folding(data)
        return starts, folding


class HyperscanEngine:
    """All needles in one Hyperscan database; one pass per block."""

    name = "hyperscan"

    def __init__(self, needles: Needles, minimal: bool = False):
        """`minimal`: search `needles.minimal()` (the same lines). The compiled database is kept across runs
        under the needles it was built from (analyzer.engine.dbcache): a run that finds it neither compiles
        them (tens of ms) nor works out the minimal ones."""
        import hyperscan  # type: ignore[import-not-found]

        from analyzer.engine import dbcache

        name = dbcache.key(needles.items, minimal, getattr(hyperscan, "__version__", "?"), "block")
        kept = dbcache.load(name)
        self.db = None
        if kept is not None:
            try:
                self.db = hyperscan.loadb(kept[1], hyperscan.HS_MODE_BLOCK)
                self.folding_from = kept[0]
            except Exception:  # another platform's, or damaged: compiled again
                self.db = None
        if self.db is None:
            chosen = needles.minimal() if minimal else needles
            exprs = [_hs_literal(n) for n, _ in chosen.items] + [_hs_literal(f) for f in FOLDING]
            flags = [hyperscan.HS_FLAG_CASELESS if ci else 0 for _, ci in chosen.items] + [0] * len(FOLDING)
            self.folding_from = len(chosen.items)
            self.db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            self.db.compile(expressions=exprs, ids=list(range(len(exprs))), elements=len(exprs), flags=flags)
            dbcache.store(name, self.folding_from, hyperscan.dumpb(self.db))
        self.scratch = hyperscan.Scratch(self.db)

    def lines(self, data: bytes | bytearray, size: int, start: int = 0) -> tuple[list[int], bool]:
        """As PythonEngine.lines; the block is searched where it lies (a copy of a part cost a 500 MB file 70 ms)."""
        ends: list[int] = []
        fold = self.folding_from
        folding = False

        def on_match(ident: int, first: int, end: int, flags: int, ctx: object) -> None:
            nonlocal folding
            if ident >= fold:
                folding = True
            else:
                ends.append(end - 1)

        if size > start:
            with memoryview(data) as view:
                self.db.scan(view[start:size], match_event_handler=on_match, scratch=self.scratch)
        starts: list[int] = []
        last = -1
        rfind, find = data.rfind, data.find
        for pos in sorted(ends):
            pos += start
            if pos <= last:
                continue
            first = rfind(b"\n", start, pos) + 1 or start  # (the part starts a line)
            end = find(b"\n", pos, size)
            last = end if end >= 0 else size
            starts.append(first)
        return starts, folding


def _hs_literal(needle: bytes) -> bytes:
    return b"".join(bytes([c]) if chr(c).isalnum() and c < 128 else b"\\x%02x" % c for c in needle)


def aho_corasick() -> Any:
    """The pyahocorasick module where it loads, else None."""
    try:
        import ahocorasick  # type: ignore[import-not-found]
    except Exception:  # ImportError, or a wheel whose native library does not load
        return None
    return ahocorasick


def light(needles: Needles) -> AhoCorasickEngine | None:
    """The Aho-Corasick engine where pyahocorasick loads (for small blocks: cheap to build), else None."""
    return AhoCorasickEngine(needles) if aho_corasick() is not None else None


def available() -> list[str]:
    """Engines usable here, fastest first."""
    out = []
    try:
        import hyperscan  # type: ignore[import-not-found]  # noqa: F401

        out.append("hyperscan")
    except Exception:  # ImportError, or a wheel whose native library does not load
        pass
    if aho_corasick() is not None:
        out.append("aho-corasick")
    out.append("python")
    return out


ENGINES = ("hyperscan", "aho-corasick", "python")  # fastest first
_CLASSES = {"hyperscan": HyperscanEngine, "aho-corasick": AhoCorasickEngine}


def engine_version(name: str) -> str:
    """The version of the library behind an engine (for `rla --version --verbose`)."""
    if name == "python":
        return "built in"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version({"hyperscan": "hyperscan", "aho-corasick": "pyahocorasick"}[name])
    except PackageNotFoundError:
        return "installed"


def build(needles: Needles, prefer: str | None = None, minimal: bool = False) -> HyperscanEngine | AhoCorasickEngine | PythonEngine:
    """The engine named by `prefer` or RLA_ENGINE, else the fastest available; `minimal`: searching
    `needles.minimal()`, the same lines (worked out only where needed: Hyperscan's kept database holds them)."""
    choice = prefer or os.environ.get("RLA_ENGINE") or ""
    if choice not in ("", "auto", *ENGINES):
        raise ValueError(f"unknown engine {choice!r} (expected auto, {', '.join(ENGINES)})")
    here = available()
    for name in ENGINES[:-1]:
        if choice in ("", "auto", name) and name in here:
            try:
                if name == "hyperscan":
                    return HyperscanEngine(needles, minimal)
                return AhoCorasickEngine(needles.minimal() if minimal else needles)
            except Exception:  # a pattern the library refuses: the next engine gives the same answer
                if choice == name:
                    raise
    return PythonEngine(needles.minimal() if minimal else needles)

