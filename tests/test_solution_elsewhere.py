"""Issue 13, class "Render-specific fix steps for logs from elsewhere": most pastes show no Render evidence, so they are
shown a rule's `solution_elsewhere` when it has one and its Render `solution` when it does not. A rule whose steps speak
of Render (the Key Value, its Connect menu, the Render Dashboard) therefore needs the same fix said for any platform,
in every language, unless its own hit proves the log comes from Render: such a rule carries `platform: render` (Render's
proxy reply, Render's '==> ' lines), which makes the judge show Render's steps whenever it is found (Texts.fix)."""

from __future__ import annotations

import re

import pytest

from analyzer.engine.ruleparse import parse_rule
from analyzer.model import Rule
from tests.conftest import ROOT, builtin

RENDER_WORDS = re.compile(r"\bRender\b|Key Value")
# what only Render has: a step naming one would send a Heroku, AWS or docker compose reader nowhere
RENDER_ONLY_WORDS = re.compile(r"\bRender\b|Key Value|\bred-|Internal (?:Key Value |Redis )?URL|Connect menu|Blueprint")


def speaks_of_render(rule: Rule) -> bool:
    return any(RENDER_WORDS.search(step) for step in rule.text("en").solution)


def problems(rule: Rule) -> list[str]:
    """Why the rule's fix steps would mislead a log from another platform, or [] when they do not."""
    en = rule.text("en")
    if rule.platform == "render":
        # its hit shows Render: the neutral steps would never be shown
        return ["platform: render, yet solution_elsewhere (never shown)"] if en.elsewhere else []
    found = []
    if speaks_of_render(rule) and not en.elsewhere:
        found.append("solution names Render, no solution_elsewhere and no platform: render")
    for lang, texts in rule.texts.items():
        if en.elsewhere and len(texts.elsewhere) != len(en.elsewhere):
            found.append(f"{lang}: {len(texts.elsewhere)} solution_elsewhere steps, English has {len(en.elsewhere)}")
        found += [f"{lang}: solution_elsewhere names Render: {step!r}" for step in texts.elsewhere if RENDER_ONLY_WORDS.search(step)]
    return found


RULES = builtin().rules


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_a_rule_speaking_of_render_says_the_fix_for_any_platform_too(rule: Rule):
    assert problems(rule) == [], rule.path


def test_the_check_sees_a_render_only_fix(tmp_path):
    doc = {"id": "x-render-only-fix", "title": "t", "severity": "error", "kind": "cause", "patterns": ["boom"],
           "cause": "c", "solution": ["Open the Key Value in the Render Dashboard."],
           "fr": {"title": "t", "cause": "c", "solution": ["Ouvrez le Key Value dans Render Dashboard."]}}
    path = str(tmp_path / "x.yaml")
    assert problems(parse_rule(doc, path)) == ["solution names Render, no solution_elsewhere and no platform: render"]
    # the French twin missing, or a neutral step that still names Render
    neutral = {**doc, "solution_elsewhere": ["Check the Redis server's log.", "Copy the Internal URL."]}
    assert sorted(problems(parse_rule(neutral, path))) == [
        "en: solution_elsewhere names Render: 'Copy the Internal URL.'", "fr: 0 solution_elsewhere steps, English has 2"]
    # a hit that proves Render: Render's steps only
    assert problems(parse_rule({**doc, "platform": "render"}, path)) == []
    assert problems(parse_rule({**neutral, "platform": "render"}, path)) == ["platform: render, yet solution_elsewhere (never shown)"]


def test_the_render_only_rules_say_why_in_their_file():
    for rule in RULES:
        if rule.platform == "render" and rule.kind != "context":
            assert "Render-only" in (ROOT / rule.path).read_text(encoding="utf-8"), rule.id  # rule.path is absolute: ROOT / keeps it
