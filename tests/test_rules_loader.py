"""The rule loader refuses what would silently change a rule's meaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.engine.rules import RuleError, load_file

RULE = """\
id: {id}
title: T
severity: error
patterns: [x]
cause: c
solution:
{solution}
examples: {{match: [x], no_match: [y]}}
"""


def _write(tmp_path: Path, rule_id: str, solution: str) -> Path:
    path = tmp_path / f"{rule_id}.yaml"
    path.write_text(RULE.format(id=rule_id, solution=solution), encoding="utf-8")
    return path


def test_text_cut_by_a_yaml_comment_is_refused(tmp_path: Path):
    path = _write(tmp_path, "cut", "  - Percent-encode @ # / ? in the password")
    with pytest.raises(RuleError) as err:
        load_file(path)
    assert f"{path}:7" in str(err.value) and "quote the text" in str(err.value)


def test_quoted_text_and_comments_elsewhere_are_fine(tmp_path: Path):
    path = _write(tmp_path, "fine", '  - "Percent-encode @ # / ? in the password"\n  - Vérifiez la région')
    (rule,) = load_file(path)
    assert rule.text().solution == ("Percent-encode @ # / ? in the password", "Vérifiez la région")


def test_url_lint_must_name_a_group_of_the_patterns(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(RULE.format(id="bad", solution="  - s") + "url_lint: shown_url\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_file(bad)
    assert "url_lint" in str(err.value) and "(?P<name>" in str(err.value)
    good = tmp_path / "good.yaml"
    text = RULE.format(id="good", solution="  - s").replace("patterns: [x]", "patterns: ['url=(?P<shown_url>\\S+)']")
    good.write_text(text.replace("match: [x]", "match: ['url=redis:/h']") + "url_lint: shown_url\n", encoding="utf-8")
    (rule,) = load_file(good)
    assert rule.url_lint == "shown_url"
