"""Every rule proves itself: its `match` examples match it, its `no_match` examples do not.

Examples are checked through the real scanner (prefilter included), so a rule whose regex the
prefilter cannot see fails here rather than silently in production.
"""

from __future__ import annotations

import pytest

from analyzer.pipeline import diagnose
from analyzer.engine.ruletest import check_examples, scanned_ids
from analyzer.engine.scan import classify, compile_plan
from analyzer.sources.files import text_block
from tests.conftest import builtin

RULES = builtin().rules
PLAN = compile_plan(RULES)


def _matched_ids(line: str) -> set[str]:
    # the same probe `rla rules test` uses (analyzer.engine.ruletest), so the two cannot drift apart
    return scanned_ids(line, PLAN)


def test_rla_rules_test_passes_on_our_pack():
    failures, _ = check_examples(builtin())
    assert not failures, "\n".join(map(str, failures))


@pytest.mark.parametrize("rule", [r for r in RULES if r.patterns], ids=lambda r: r.id)
def test_rule_has_examples(rule):
    assert rule.examples_match, f"{rule.id} has no examples.match"
    assert rule.examples_no_match, f"{rule.id} has no examples.no_match"


@pytest.mark.parametrize(
    "rule,line", [(r, e) for r in RULES for e in r.examples_match], ids=lambda x: getattr(x, "id", str(x)[:40])
)
def test_example_matches_through_scanner(rule, line):
    assert rule.id in _matched_ids(line), f"{rule.id} does not match its example {line!r}"
    if "\n" not in line.strip():  # a multi-line example (a traceback) is one entry only as the scanner joins it
        assert any(rid == rule.id for rid, _ in classify(PLAN, line))


@pytest.mark.parametrize(
    "rule,line", [(r, e) for r in RULES for e in r.examples_no_match], ids=lambda x: getattr(x, "id", str(x)[:40])
)
def test_counter_example_does_not_match(rule, line):
    assert rule.id not in {rid for rid, _ in classify(PLAN, line)}, f"{rule.id} matches {line!r}"


def test_rule_ids_unique_and_files_named_after_them():
    seen = set()
    for rule in RULES:
        assert rule.id not in seen
        seen.add(rule.id)
        assert rule.path.endswith(f"{rule.id}.yaml")


def test_seed_rule_ids_exist():
    seed = {
        "redis-connecting", "redis-ready", "redis-cache-connected", "redis-session-store-ready",
        "redis-connection-error", "redis-connection-test-failed", "redis-memory-cache-fallback",
        "redis-econnrefused", "redis-connection-timeout", "redis-url-not-set", "redis-ping-unexpected",
        "redis-url-empty", "redis-url-whitespace", "redis-url-malformed",
    }  # fmt: skip
    assert seed <= {r.id for r in RULES}


def test_diagnose_runs_on_examples_without_error():
    text = "\n".join(e for r in RULES for e in r.examples_match)
    diag = diagnose([text_block(text)], builtin())
    assert diag.findings
