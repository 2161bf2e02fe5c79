"""`classify` finds a message's candidate rules with an automaton of the keywords where pyahocorasick is
installed (analyzer.engine.match._Selector): it must give exactly the rules the plain definition gives (a
rule is a candidate when one of its keywords is in the message, lower-cased for a case-insensitive one),
on every line of the samples and on lines made of keyword pieces in mixed case and around characters whose
lower case is longer or ASCII (İ, K KELVIN SIGN, final sigma)."""

from __future__ import annotations

import sys
from dataclasses import replace
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


@pytest.mark.clock_neutral
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


# The affinity's text signals (rules/affinity.yaml) are found the same way: a text is searched only with the
# alternatives whose words it holds, each alternative's words being those one of which its every match holds
# (analyzer.engine.affinity.Affinity.text_parts); the plain definition is the whole union
AFFINITY = load_rules().affinity
PLAIN_AFFINITY = replace(AFFINITY, text_parts=())
TEXT_WORDS = sorted({w for _, words in AFFINITY.text_parts for w in words or ()})

FOLDS = {"s": "\u017f", "k": "\u212a", "i": "\u0131", "I": "\u0130"}  # what the regex folds onto an ASCII letter


def folded(text: str, flips: list[bool]) -> str:
    """Some of the letters that have one replaced by the character the case-insensitive regex takes for them."""
    return "".join(FOLDS.get(c, c) if flips and flips[i % len(flips)] else c for i, c in enumerate(text))


affinity_text_st = st.builds(
    lambda pieces, flips, folds, glue: glue.join(folded(recase(p, flips), folds) for p in pieces),
    st.lists(st.sampled_from(TEXT_WORDS + ["redis", "sidekiq", "6379", "ask", "ioredis"]), min_size=0, max_size=3),
    st.lists(st.booleans(), min_size=0, max_size=7),
    st.lists(st.booleans(), min_size=0, max_size=5),
    st.sampled_from(["", " ", "x", ":", "/", "İ", "ı", "\u212a", "\u017f", "Σ ", "é", "-", "\n"]),
)


def test_the_affinity_knows_the_words_of_its_text_signals() -> None:
    assert AFFINITY is not None and "redis" in TEXT_WORDS
    assert all(words for _, words in AFFINITY.text_parts), "an alternative without words runs on every text"
    assert AFFINITY.in_text("GET /api/files 200 12ms ua=\"Mozilla/5.0\"") is None
    assert AFFINITY.in_text("Error: connect ECONNREFUSED 10.0.0.5:6379") == "5:6379"


@pytest.mark.clock_neutral
def test_every_sample_line_gets_the_affinity_signal_of_the_regex() -> None:
    lines = sample_lines()
    signals = 0
    for line in lines:
        expected = PLAIN_AFFINITY.in_text(line)
        assert AFFINITY.in_text(line) == expected, line
        signals += expected is not None
    assert signals > 500


@pytest.mark.clock_neutral
def test_every_sample_file_whole_gets_the_affinity_signal_of_the_regex() -> None:
    """Whole files as one text, as a long entry (a traceback) is: words of several alternatives in it, the leftmost
    match of those let in must be the whole union's leftmost match."""
    signals = 0
    for path in sorted((ROOT / "samples").rglob("*")):
        if path.suffix in (".log", ".txt", ".jsonl") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            expected = PLAIN_AFFINITY.in_text(text)
            assert AFFINITY.in_text(text) == expected, path
            signals += expected is not None
    assert signals > 500


@settings(max_examples=400, deadline=None)
@given(text=affinity_text_st)
def test_signal_pieces_in_any_case_get_the_affinity_signal_of_the_regex(text: str) -> None:
    """Mixed case, and the characters the case-insensitive regex folds onto ASCII letters ('redi\u017f' is a match
    that lower-casing alone would miss)."""
    assert AFFINITY.in_text(text) == PLAIN_AFFINITY.in_text(text)
