"""Issue 13, class "Render-specific fix steps for logs from elsewhere": a rule carries Render's steps (`solution`: the
Key Value's dashboard, its Internal URL) and the same fix said for any platform (`solution_elsewhere`); the steps
shown follow where the log's own lines say it comes from (a `platform` context rule: render-platform, paas-platform),
the platform-neutral ones when they show another platform or none. Real logs: the bundled Render captures and public
pastes of samples/public (Heroku's dyno lines, a plain paste)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analyzer.engine.ruleparse import RuleError, parse_rule
from analyzer.report import ReportContext, to_dict
from tests.conftest import ROOT, builtin, diag_of

RENDER = ROOT / "samples" / "dashboard" / "node-app" / "degraded.txt"  # the note's app on Render ('==> ' lines)
HEROKU = ROOT / "samples" / "public" / "node" / "derby-337.log"  # heroku[web.1] / app[web.1] lines
PLAIN = ROOT / "samples" / "public" / "java" / "jedis-882.log"  # no platform line at all


def _text(path) -> str:
    return path.read_text(encoding="utf-8")


def _fix(path, lang: str = "en") -> str:
    """The fix block of `rla analyze` on the file: the lines after the verdict's blank line, up to the next one."""
    out = subprocess.run(
        [sys.executable, "-m", "analyzer", "analyze", "--no-timeline", "--lang", lang, str(path)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    ).stdout
    return out.split("\n\n")[1]


@pytest.mark.parametrize(("path", "platform"), [(RENDER, "render"), (HEROKU, "elsewhere"), (PLAIN, None)])
def test_the_platform_is_read_from_the_logs_own_lines(path, platform):
    assert diag_of(_text(path)).platform == platform


def test_render_logs_get_renders_steps_others_the_platform_neutral_ones():
    rules = builtin()
    render = diag_of(_text(RENDER))
    assert render.verdict.root_cause == "redis-econnrefused"
    steps = rules.get("redis-econnrefused").text("en")
    assert steps.elsewhere and steps.elsewhere != steps.solution
    assert "Render" in _fix(RENDER)

    for path in (HEROKU, PLAIN):
        fix = _fix(path)
        assert "Render" not in fix and "Key Value" not in fix, fix
        diag = diag_of(_text(path))
        root = diag.verdict.root_cause
        assert root in ("redis-url-not-set", "redis-econnrefused")
        doc = to_dict(diag, ReportContext(rules))
        [finding] = [f for f in doc["findings"] if f["rule"] == root]
        assert finding["solution"] == list(rules.get(root).text("en").elsewhere)


def test_the_neutral_steps_in_french_too():
    fix = _fix(HEROKU, "fr")
    expected = builtin().get("redis-url-not-set").text("fr").elsewhere
    assert expected and expected[0][:40] in " ".join(fix.split()), fix
    assert "Render" not in fix


def test_render_evidence_wins_over_another_platforms():
    # a paste of both (an app moved from Heroku to Render, its old and new logs): Render's lines are Render's
    assert diag_of(_text(HEROKU) + _text(RENDER)).platform == "render"


def test_a_rule_without_neutral_steps_keeps_its_own_everywhere():
    rule = builtin().get("redis-cluster-down")  # its steps name no platform: one list for all
    texts = rule.text("en")
    assert not texts.elsewhere
    assert texts.fix(None) == texts.fix("elsewhere") == texts.fix("render") == texts.solution


def test_rules_show_prints_both():
    out = subprocess.run(
        [sys.executable, "-m", "analyzer", "rules", "show", "redis-econnrefused"], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert "Fix, for a log that shows no Render evidence:" in out
    assert out.index('on Render.') < out.index("Fix, for a log that shows no Render evidence:")


def test_a_platform_must_be_known(tmp_path):
    doc = {"id": "x-platform", "title": "t", "severity": "info", "kind": "context", "platform": "heroku",
           "patterns": ["heroku\\["], "cause": "c", "solution": ["s"]}
    with pytest.raises(RuleError, match="platform"):
        parse_rule(doc, str(tmp_path / "x.yaml"))
