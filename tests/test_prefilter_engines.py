"""Every prefilter engine finds exactly the lines that hold a needle, in pastes and in big blocks.

The engines take short cuts: the pure-Python one checks a line found by an anchor against that anchor's
needles only (on a paste, smaller than SMALL bytes, each needle is its own anchor), Aho-Corasick searches case-folded text and checks a
case-sensitive key against its own needles only. A run builds its engine for big input from the minimal needles (one that holds another is dropped).
Lines made of needle pieces in mixed case (a key found in
another case than its needle's: `TCPConnectWrap` for `tcp`) must give the answer of the plain check of each
line against every needle.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.engine.match import compile_plan
from analyzer.engine.prefilter import FOLDING, SMALL, Needles, _CLASSES, PythonEngine, available, has_folding
from analyzer.engine.rules import load_rules

NEEDLES = Needles(compile_plan(load_rules().rules).needles)
PIECES = sorted({n.decode("latin-1") for n, _ in NEEDLES.items})
FILLER = b"12:00:00 AM [web-1] GET /health 200 in 3 ms, nothing to see here at all\n"
ENGINES = [name for name in available() if name != "python"]


MINIMAL = NEEDLES.minimal()


def engine(name: str, needles: Needles = MINIMAL):  # type: ignore[no-untyped-def]
    """As a run builds it for big input: from the minimal needles (the plain check below uses them all)."""
    return PythonEngine(needles) if name == "python" else _CLASSES[name](needles)


def expected(block: bytes) -> list[int]:
    starts, pos = [], 0
    # a big block is thousands of copies of FILLER: each distinct line is checked against every needle once
    has: dict[bytes, bool] = {}
    for line in block.split(b"\n"):
        found = has.get(line)
        if found is None:
            found = has[line] = NEEDLES.line_has(line)
        if found:
            starts.append(pos)
        pos += len(line) + 1
    return starts


def recase(text: str, flips: list[bool]) -> str:
    return "".join(c.swapcase() if flips[i % len(flips)] else c for i, c in enumerate(text)) if flips else text


line_st = st.builds(
    lambda pieces, flips, glue: glue.join(recase(p, flips) for p in pieces),
    st.lists(st.sampled_from(PIECES), min_size=0, max_size=3),
    st.lists(st.booleans(), min_size=0, max_size=7),
    st.sampled_from(["", " ", "x", "Connect", "at TCPConnectWrap.", "::"]),
)


@pytest.mark.parametrize("name", ["python", *ENGINES])
@pytest.mark.parametrize("big", [False, True])
@pytest.mark.parametrize("minimal", [False, True])
@settings(max_examples=30, deadline=None)
@given(lines=st.lists(line_st, min_size=1, max_size=30))
def test_engines_find_the_lines_the_plain_check_finds(name: str, big: bool, minimal: bool, lines: list[str]):
    block = "\n".join(lines).encode("latin-1")
    if big:  # past SMALL, the Python engine switches to its anchors: pad with lines that hold no needle
        block = FILLER * (SMALL // len(FILLER) + 1) + block
    assert not big or len(block) >= SMALL
    found, _ = engine(name, MINIMAL if minimal else NEEDLES).lines(block, len(block))
    assert found == expected(block)


def test_the_minimal_needles_drop_only_needles_that_hold_another():
    dropped = set(NEEDLES.items) - set(MINIMAL.items)
    assert len(MINIMAL.items) < len(NEEDLES.items) and dropped
    for needle, ci in dropped:
        assert MINIMAL.line_has(needle if not ci else needle.upper())


@pytest.mark.parametrize("name", ["python", *ENGINES])
def test_a_key_in_another_case_than_its_needle_is_no_match_but_the_next_key_in_the_line_is(name: str):
    sensitive = [n for n, ci in NEEDLES.items if not ci and n.swapcase().lower() == n.lower() and n.swapcase() != n]
    insensitive = [n for n, ci in NEEDLES.items if ci]
    assert sensitive and insensitive
    # a case-sensitive needle whose other case no needle holds (a rule may also say the same words in any case, as
    # redis-server-start-failed's '# Could not create server TCP listening socket' and its case-insensitive form do)
    wrong_case = next(n.swapcase() for n in sensitive if not NEEDLES.line_has(n.swapcase()))
    block = b"\n".join([wrong_case, wrong_case + b" then " + insensitive[0].upper(), FILLER.strip()])
    for size in (len(block), SMALL + len(block)):
        data = FILLER * ((size - len(block)) // len(FILLER) + (size > len(block))) + block
        found, _ = engine(name).lines(data, len(data))
        assert found == expected(data)
        assert len(found) == 1


@pytest.mark.parametrize("char", FOLDING)
def test_a_folding_character_among_other_non_ascii_text_is_seen(char: bytes):
    text = "connexion refusée à 10:00 — réessai\n".encode()
    assert not has_folding(text * 50)
    assert has_folding(text * 25 + b"REDIS " + char + b" x\n" + text * 25)


@pytest.mark.parametrize("name", ["python", *ENGINES])
@pytest.mark.parametrize("big", [False, True])
@settings(max_examples=20, deadline=None)
@given(before=st.lists(line_st, max_size=5), lines=st.lists(line_st, min_size=1, max_size=20),
       after=st.lists(line_st, max_size=5))
def test_a_part_of_a_buffer_is_searched_where_it_lies(name: str, big: bool, before: list[str], lines: list[str],
                                                      after: list[str]):
    """The scanner hands an engine the part of its block to search (whole lines) instead of a copy of it: the
    lines found are the part's, at their offsets in the buffer, whatever the lines around it hold."""
    head = b"".join(line.encode("latin-1") + b"\n" for line in before)
    part = b"".join(line.encode("latin-1") + b"\n" for line in lines)
    if big:
        part = FILLER * (SMALL // len(FILLER) + 1) + part
    tail = b"".join(line.encode("latin-1") + b"\n" for line in after)
    buffer = bytearray(head + part + tail)
    found, _ = engine(name).lines(buffer, len(head) + len(part), len(head))
    assert found == [len(head) + s for s in expected(part)]
