"""The redactor's gate (analyzer.redact._MAY_HOLD): a text it passes over is returned as it is, so it must find
a literal in every text any free-text pattern would change. Checked three ways: against the literals each
pattern requires (derived from the pattern itself, so a new or edited pattern is checked too), on every line
of the bundled samples, and on generated texts made of the patterns' pieces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analyzer.redact as R
from analyzer.engine.regex import required_keywords

ROOT = Path(__file__).resolve().parents[1]

# The patterns `Redactor._patterns` applies: every module-level pattern its code names.
PATTERNS = {n: getattr(R, n) for n in R.Redactor._patterns.__code__.co_names if isinstance(getattr(R, n, None), re.Pattern)}

# Where the literal the derivation picks is not the one the gate holds, the literal every match holds instead:
# `_CLI_FLAG`'s `redis-cli -a` branch holds "-cli" (the derivation names the client), `_BARE_USERINFO` and `_BARE_PASSWORD` an "@"
# (in its lookahead, which the derivation does not read).
OTHER_LITERAL = {("_CLI_FLAG", "redis"): "-cli", ("_CLI_FLAG", "valkey"): "-cli", ("_CLI_FLAG", "keydb"): "-cli"}
NO_DERIVED_LITERAL = {"_BARE_USERINFO": "@", "_BARE_PASSWORD": "@"}


def test_the_gate_finds_a_literal_of_every_pattern():
    assert len(PATTERNS) >= 14, PATTERNS  # the patterns are found (a refactor that hides them fails here)
    for name, pattern in PATTERNS.items():
        derived = required_keywords(pattern.pattern)
        if derived is None:
            assert name in NO_DERIVED_LITERAL, f"{name}: no literal derived; give the gate one every match holds"
            assert R._MAY_HOLD.search(NO_DERIVED_LITERAL[name]), name
            assert NO_DERIVED_LITERAL[name] in pattern.pattern, name
            continue
        words, ignore_case = derived
        for word in words:
            literal = OTHER_LITERAL.get((name, word), word)
            assert literal == word or literal in pattern.pattern, (name, word)
            for form in {literal, literal.lower(), literal.upper(), literal.swapcase()} if ignore_case else {literal}:
                assert R._MAY_HOLD.search(form), f"{name}: the gate misses {form!r}"


def _both(lines):  # type: ignore[no-untyped-def]
    """Each line through the gated redactor and through every pattern, each redactor numbering its own secrets."""
    gated, full = R.Redactor(), R.Redactor()
    for line in lines:
        assert gated(line) == (full._patterns(line) if line else line), line


@pytest.mark.clock_neutral
def test_gate_changes_nothing_on_the_samples():
    lines = []
    for path in sorted((ROOT / "samples").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".log", ".jsonl", ".json", ".yaml", ".md"):
            lines.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    assert len(lines) > 10_000
    _both(lines)


_pieces = st.sampled_from([
    "redis://", "rediss://u:", "pw", "@", "@host:6379", "@red-abc123", ":", " ", "'", '"', "=", "password", "PASS",
    "Authorization: ", "Bearer ", "token", "api-key", "--auth ", "redis-cli -a ", "AUTH default ", "rnd_", "AKIA",
    "eyJ", "abcdefgh12", ".", "name: 'auth', args: [ 'default', '", "' ]", "?password=", "&key=", "aws_secret_key=",
    "KEY", "secret", "cred", "x", "0123456789ABCDEF", "\n", "}", "{",
])


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_pieces, max_size=14).map("".join))
def test_gate_changes_nothing_on_made_up_texts(text: str):
    _both([text])
