"""`rla rules test` and `rla rules lint` catch each kind of broken rule, naming the rule, the
example line and the pattern; our own pack passes both."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.engine.rules import builtin_rules_dir, load_rules
from analyzer.engine.ruletest import check_examples, lint
from analyzer.engine.slowpatterns import attack_lines, slow_patterns
from tests.test_check import PACK, no_traceback, rla

GOOD = PACK["demo-widget-down.yaml"]


def pack(tmp_path: Path, files: dict[str, str], name: str = "my-rules") -> Path:
    root = tmp_path / name
    root.mkdir()
    for file, text in files.items():
        (root / file).write_text(text, encoding="utf-8")
    return root


def rule(rule_id: str, patterns: str, match: str, no_match: str, severity: str = "warning", extra: str = "") -> str:
    return (
        f"id: {rule_id}\ntitle: T\nseverity: {severity}\nkind: cause\npatterns: {patterns}\ncause: c\nsolution: [s]\n{extra}"
        f"examples:\n  match: {match}\n  no_match: {no_match}\n"
    )


# ---- our own pack ---------------------------------------------------------------------------------


def test_builtin_pack_passes_rules_test():
    failures, checked = check_examples(load_rules())
    assert not failures, "\n".join(map(str, failures))
    assert checked > 0


def test_builtin_pack_lints_clean():
    failures, n = lint([builtin_rules_dir()])
    assert not failures, "\n".join(map(str, failures))
    assert n == len(load_rules().rules)


def test_cli_rules_test_and_lint_on_our_pack():
    for args in (["rules", "test"], ["rules", "test", "rules/"], ["rules", "lint"], ["rules", "lint", "rules"]):
        out = rla(*args)
        assert out.returncode == 0, (args, out.stdout, out.stderr)
        assert "all pass" in out.stdout or "no problems" in out.stdout


# ---- rules test: each failure kind ----------------------------------------------------------------


def test_match_example_not_matched(tmp_path: Path):
    root = pack(tmp_path, {"my-rule.yaml": rule("my-rule", "['widget (?P<n>\\d+) failed']", "['widget x failed']", "['ok']")})
    failures, _ = check_examples(load_rules([root]), {"my-rule"})
    assert [f.kind for f in failures] == ["match"]
    f = failures[0]
    assert f.rule == "my-rule" and f.line == "widget x failed" and f.pattern == "widget (?P<n>\\d+) failed"
    assert "my-rule.yaml" in str(f) and "'widget x failed'" in str(f)


def test_no_match_example_matched(tmp_path: Path):
    root = pack(tmp_path, {"my-rule.yaml": rule("my-rule", "['widget \\w+ failed']", "['widget 1 failed']", "['widget ok failed']")})
    failures, _ = check_examples(load_rules([root]), {"my-rule"})
    assert [(f.kind, f.line, f.pattern) for f in failures] == [("no_match", "widget ok failed", "widget \\w+ failed")]


def test_prefilter_blind_spot(tmp_path: Path):
    # keywords the line does not contain: the scanner never tries the rule on it
    root = pack(
        tmp_path,
        {"my-rule.yaml": rule("my-rule", "['wid.et down']", "['widget down']", "['ok']", extra="keywords: [gadget]\n")},
    )
    failures, _ = check_examples(load_rules([root]), {"my-rule"})
    assert [f.kind for f in failures] == ["prefilter"]
    assert "keywords" in failures[0].message and failures[0].pattern == "wid.et down"


def test_example_triggering_a_more_severe_rule(tmp_path: Path):
    root = pack(
        tmp_path,
        {
            "my-info.yaml": rule("my-info", "['job \\d+ retried']", "['job 7 retried after ZZBOOM']", "['ok']", severity="info"),
            "my-boom.yaml": rule("my-boom", "['ZZBOOM']", "['ZZBOOM']", "['ok']", severity="critical"),
        },
    )
    failures, _ = check_examples(load_rules([root]), {"my-info", "my-boom"})
    assert [(f.kind, f.rule, f.pattern) for f in failures] == [("collision", "my-info", "ZZBOOM")]
    assert "also triggers my-boom (critical, higher than info)" in failures[0].message
    assert "examples.also: [my-boom]" in failures[0].message


def test_declared_overlap_is_allowed(tmp_path: Path):
    info = rule("my-info", "['job \\d+ retried']", "['job 7 retried after ZZBOOM']", "['ok']", severity="info")
    info = info.replace("  no_match: ['ok']\n", "  no_match: ['ok']\n  also: [my-boom]\n")
    root = pack(tmp_path, {"my-info.yaml": info, "my-boom.yaml": rule("my-boom", "['ZZBOOM']", "['ZZBOOM']", "['ok']", severity="critical")})
    failures, _ = check_examples(load_rules([root]), {"my-info", "my-boom"})
    assert failures == []


def test_cli_rules_test_on_a_broken_pack(tmp_path: Path):
    root = pack(tmp_path, {"my-rule.yaml": rule("my-rule", "['widget (?P<n>\\d+) failed']", "['widget x failed']", "['widget 2 failed']")})
    out = rla("rules", "test", str(root))
    no_traceback(out)
    assert out.returncode == 1
    assert "my-rule: examples.match line 'widget x failed' is not matched by its patterns: widget (?P<n>\\d+) failed" in out.stdout
    assert "examples.no_match line 'widget 2 failed' is matched by pattern" in out.stdout
    assert "1 rule, 2 example lines: 2 failure(s)" in out.stdout


def test_cli_rules_test_checks_user_rules_against_builtin_ones(tmp_path: Path):
    # a user rule whose example is a refused connection triggers our error-level redis-econnrefused
    root = pack(
        tmp_path,
        {"my-retry.yaml": rule("my-retry", "['retrying']", "['retrying: connect ECONNREFUSED 10.0.3.7:6379']", "['ok']", severity="info")},
    )
    out = rla("rules", "test", str(root))
    assert out.returncode == 1 and "also triggers redis-econnrefused" in out.stdout


def test_cli_rules_test_unloadable_pack_is_a_user_error(tmp_path: Path):
    root = pack(tmp_path, {"my-rule.yaml": GOOD.replace("severity:", "severty:").replace("demo-widget-down", "my-rule")})
    out = rla("rules", "test", str(root))
    no_traceback(out)
    assert out.returncode == 2 and "severty" in out.stderr and "rla rules lint" in out.stderr
    assert rla("rules", "test", str(tmp_path / "nope")).returncode == 2


# ---- rules lint: each problem kind ----------------------------------------------------------------


def test_lint_reports_every_broken_file_at_once(tmp_path: Path):
    root = pack(
        tmp_path,
        {
            "typo.yaml": GOOD.replace("id: demo-widget-down", "id: typo").replace("severity:", "severty:"),
            "lookaround.yaml": rule("lookaround", "['(?<=x)widget']", "['xwidget']", "['ok']"),
            "badre.yaml": rule("badre", "['widget (']", "['widget (']", "['ok']"),
            "noex.yaml": "id: noex\ntitle: T\nseverity: info\npatterns: ['ZZNOEX']\ncause: c\nsolution: [s]\n",
            "halfex.yaml": rule("halfex", "['ZZHALF']", "['ZZHALF']", "[]"),
            "ref.yaml": rule("ref", "['ZZREF']", "['ZZREF']", "['ok']", extra="reclassify:\n  - {if: {field: x, matches: y}, to: nowhere}\n"),
            "slow.yaml": rule("slow", "['ZZSLOW (\\w+\\s?)+$']", "['ZZSLOW a b']", "['ok']"),
            "name.yaml": rule("other-name", "['ZZNAME']", "['ZZNAME']", "['ok']"),
        },
    )
    (root / "sub").mkdir()
    (root / "sub" / "dup.yaml").write_text(
        rule("dup", "['ZZDUP']", "['ZZDUP']", "['ok']") + "---\n" + rule("dup", "['ZZDUP2']", "['ZZDUP2']", "['ok']")
    )
    failures, n = lint([root], load_rules().rules, budget=0.5)
    kinds = {(f.kind, Path(f.path).name) for f in failures}
    assert ("unknown-key", "typo.yaml") in kinds
    assert ("regex", "lookaround.yaml") in kinds
    assert ("regex", "badre.yaml") in kinds
    assert ("examples", "noex.yaml") in kinds and ("examples", "halfex.yaml") in kinds
    assert ("reference", "ref.yaml") in kinds
    assert ("slow", "slow.yaml") in kinds
    assert ("duplicate", "dup.yaml") in kinds
    assert ("load", "name.yaml") in kinds
    typo = next(f for f in failures if f.kind == "unknown-key")
    assert "typo.yaml:3" in typo.message and "did you mean 'severity'" in typo.message
    slow = next(f for f in failures if f.kind == "slow")
    assert slow.rule == "slow" and slow.pattern == "ZZSLOW (\\w+\\s?)+$"
    assert sum(f.kind == "examples" for f in failures) == 3  # noex: both kinds, halfex: no_match
    assert n == 6  # noex, halfex, ref, slow, dup ×2 loaded


def test_lint_flags_a_pattern_the_prefilter_cannot_search_for(tmp_path: Path):
    """Only non-ASCII text, or no literal at all: every line becomes a candidate. Declared keywords exempt it."""
    root = pack(
        tmp_path,
        {
            "cjk.yaml": rule("cjk", "['接続失敗']", "['接続失敗']", "['ok']"),
            "digits.yaml": rule("digits", "['^\\d{3} \\d+$']", "['500 12']", "['ok']"),
            "kw.yaml": rule("kw", "['接続失敗']", "['widget 接続失敗']", "['ok']", extra="keywords: [widget]\n"),
            "fine.yaml": rule("fine", "['接続失敗 widget']", "['接続失敗 widget']", "['ok']"),
        },
    )
    failures, _ = lint([root], load_rules().rules, budget=0.5)
    flagged = {(f.rule, f.pattern) for f in failures if f.kind == "regex"}
    assert flagged == {("cjk", "接続失敗"), ("digits", "^\\d{3} \\d+$")}, failures
    assert not [f for f in failures if f.rule in ("kw", "fine")], failures


def test_cli_rules_lint(tmp_path: Path):
    root = pack(tmp_path, {"my-rule.yaml": GOOD.replace("severity:", "severty:").replace("demo-widget-down", "my-rule")})
    out = rla("rules", "lint", str(root))
    no_traceback(out)
    assert out.returncode == 1
    assert "unknown field (did you mean 'severity'?)" in out.stdout and "1 problem(s)" in out.stdout
    ok = pack(tmp_path, {"demo-widget-down.yaml": GOOD}, name="ok-rules")
    out = rla("rules", "lint", str(ok))
    assert out.returncode == 0 and "1 rule linted: no problems" in out.stdout


def test_lint_reads_configured_packs_without_arguments(tmp_path: Path):
    pack(tmp_path, {"bad.yaml": rule("bad", "['(a+)+$']", "['aaa']", "['b']")}, name="rules")
    (tmp_path / ".rla.yaml").write_text("rules: [rules]\n")
    out = rla("rules", "lint", cwd=tmp_path, env={"RLA_CONFIG": None})  # type: ignore[dict-item]
    assert out.returncode == 1 and "bad: pattern '(a+)+$' takes over" in out.stdout


# ---- rules lint: languages the pack declares (pack.yaml) -----------------------------------------

FR_BLOCK = "fr:\n  title: T fr\n  cause: c fr\n  solution: [s fr]\n"


def test_our_pack_declares_english_and_french():
    from analyzer.engine.rules import pack_languages

    assert pack_languages(builtin_rules_dir()) == ("en", "fr")
    assert "pack" not in {r.id for r in load_rules().rules}  # pack.yaml is not a rule


def test_lint_fails_a_rule_lacking_a_declared_language(tmp_path: Path):
    root = pack(tmp_path, {
        "pack.yaml": "languages: [en, fr]\n",
        "half.yaml": rule("half", "['widget half']", "['widget half']", "['ok']"),
        "both.yaml": rule("both", "['widget both']", "['widget both']", "['ok']", extra=FR_BLOCK),
    })  # fmt: skip
    failures, n = lint([root], load_rules().rules)
    assert n == 2
    assert [(f.kind, f.rule, Path(f.path).name) for f in failures] == [("language", "half", "half.yaml")]
    assert "no 'fr' text" in failures[0].message and str(root / "pack.yaml") in failures[0].message
    out = rla("rules", "lint", str(root))
    no_traceback(out)
    assert out.returncode == 1
    assert f"{root / 'half.yaml'}: half: no 'fr' text" in out.stdout and "1 problem(s)" in out.stdout


def test_a_pack_without_pack_yaml_declares_english_only(tmp_path: Path):
    from analyzer.engine.rules import pack_languages

    root = pack(tmp_path, {"half.yaml": rule("half", "['widget half']", "['widget half']", "['ok']")})
    assert pack_languages(root) == ("en",)
    assert lint([root], load_rules().rules)[0] == []


@pytest.mark.parametrize("text", ["languages: [fr]\n", "languages: [en, de]\n", "langs: [en]\n", "languages: 3\n"])
def test_a_broken_pack_yaml_is_reported(tmp_path: Path, text: str):
    from analyzer.engine.rules import RuleError, load_pack

    root = pack(tmp_path, {"pack.yaml": text, "ok.yaml": rule("ok", "['widget ok']", "['widget ok']", "['no']")})
    failures, _ = lint([root], load_rules().rules)
    assert [(f.kind, Path(f.path).name) for f in failures] == [("load", "pack.yaml")]
    with pytest.raises(RuleError, match="pack.yaml"):
        load_pack(root)


# ---- the slow-pattern probe -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+$", r"(\w+\s?)+$", r"Redis (\w+\s*)+failed", r"^(\d+|\d+\.)*x", r"(x+x+)+y", r"(a|a)*b", r"(a|aa)+$"],
)
def test_catastrophic_patterns_are_caught_within_the_bound(pattern: str):
    assert slow_patterns([pattern], budget=0.5) == {0: pytest.approx(0.5, abs=0.5)}


def test_fast_patterns_pass_and_a_slow_one_does_not_stop_the_rest():
    fast = [r"connect ECONNREFUSED (?P<host>[\w.\-]+):(?P<port>\d+)", r"(?i)^redis url is (?P<v>\S+)$", r"ZZ"]
    result = slow_patterns([fast[0], r"(a+)+$", fast[1], r"(\w+\s?)+$", fast[2]], budget=0.5)
    assert set(result) == {1, 3}


def test_attack_lines_pump_the_repeat_after_its_prefix():
    lines = attack_lines(r"Redis (\w+\s*)+failed", length=100)
    assert any(line.startswith("Redis aaaa") for line in lines)
    assert all(len(line) <= 110 for line in lines)
