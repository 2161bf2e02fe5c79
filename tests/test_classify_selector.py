"""`classify` finds a message's candidate rules with an automaton of the keywords where pyahocorasick is
installed (analyzer.engine.match._Selector): it must give exactly the rules the plain definition gives (a
rule is a candidate when one of its keywords is in the message, lower-cased for a case-insensitive one),
on every line of the samples and on lines made of keyword pieces in mixed case and around characters whose
lower case is longer or ASCII (İ, K KELVIN SIGN, final sigma)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.engine.match import _Selector, classify, compile_plan, match_rule
from analyzer.engine.rules import load_rules
from tests.test_prefilter_engines import recase

ROOT = Path(__file__).resolve().parents[1]
PLAN = compile_plan(load_rules().rules)
KEYWORDS = sorted({kw for kw, _, _ in PLAN.keyword_index})


def plain_candidates(message: str) -> set[int]:
    lowered = message.lower()
    out = set(PLAN.unindexed)
    for kw, ignore_case, positions in PLAN.keyword_index:
        if kw in (lowered if ignore_case else message):
            out.update(positions)
    return out


def plain_classify(message: str) -> tuple[tuple[str, dict[str, str]], ...]:
    out = []
    for pos in sorted(plain_candidates(message)):
        fields = match_rule(PLAN.rules[pos], message)
        if fields is not None:
            out.append((PLAN.rules[pos].id, fields))
    return tuple(out)


def without_ahocorasick() -> _Selector:
    saved = sys.modules.get("ahocorasick")
    sys.modules["ahocorasick"] = None  # type: ignore[assignment]  # import fails as where no wheel exists
    try:
        return _Selector(PLAN.keyword_index)
    finally:
        if saved is None:
            del sys.modules["ahocorasick"]
        else:
            sys.modules["ahocorasick"] = saved


SELECTORS = {"as built": PLAN.selector, "without pyahocorasick": without_ahocorasick()}


def test_the_automaton_is_used_where_installed() -> None:
    pytest.importorskip("ahocorasick")
    assert PLAN.selector.automaton is not None and len(PLAN.selector.rest) < len(PLAN.keyword_index) // 10
    assert SELECTORS["without pyahocorasick"].automaton is None


def sample_lines() -> list[str]:
    lines: dict[str, None] = {}
    for path in sorted((ROOT / "samples").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".log", ".json", ".jsonl", ""):
            lines.update(dict.fromkeys(path.read_text(encoding="utf-8", errors="replace").splitlines()[:200]))
    return list(lines)


@pytest.mark.parametrize("name", SELECTORS)
def test_every_sample_line_gets_the_rules_of_the_plain_definition(name: str) -> None:
    selector = SELECTORS[name]
    lines = sample_lines()
    assert len(lines) > 10_000
    found = 0
    for line in lines:
        expected = plain_candidates(line)
        assert selector.candidates(line, PLAN.unindexed) == expected, line
        found += bool(expected)
    assert found > 1000  # lines that hold keywords, not only lines that hold none
    for line in lines[::20]:
        assert classify(PLAN, line) == plain_classify(line)


message_st = st.builds(
    lambda pieces, flips, glue: glue.join(recase(p, flips) for p in pieces),
    st.lists(st.sampled_from(KEYWORDS), min_size=0, max_size=4),
    st.lists(st.booleans(), min_size=0, max_size=7),
    st.sampled_from(["", " ", "x", "İ", "\u212a", "Σ ", "ς", "ǅ", "::", "ﬀ"]),
)


@pytest.mark.parametrize("name", SELECTORS)
@settings(max_examples=300, deadline=None)
@given(message=message_st)
def test_keyword_pieces_in_any_case_get_the_rules_of_the_plain_definition(name: str, message: str) -> None:
    assert SELECTORS[name].candidates(message, PLAN.unindexed) == plain_candidates(message)
