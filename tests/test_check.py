"""`rla check` as a CI job runs it: real subprocesses, real files, every format, every exit code.

The fixtures use a small rule pack of their own (ids `demo-…`, selected with `--select demo-`) and
log lines no Redis rule matches, so these tests do not move when the built-in pack grows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ["table", "json", "markdown", "github", "junit", "sarif"]
SECRET = "s3cretpassw0rd"

PACK = {
    "demo-widget-down.yaml": """\
id: demo-widget-down
title: The widget is down
severity: error
kind: cause
state: down
patterns: ['ZZWIDGET down: (?P<reason>\\w+)']
cause: The widget stopped ({reason}).
solution: [Restart the widget., Check its power.]
docs: [https://example.com/widget]
examples:
  match: ['ZZWIDGET down: unplugged']
  no_match: ['ZZWIDGET ready']
""",
    "demo-widget-slow.yaml": """\
id: demo-widget-slow
title: The widget is slow
severity: warning
kind: symptom
state: degraded
patterns: ['ZZWIDGET slow after (?P<ms>\\d+) ms']
cause: The widget answered in {ms} ms.
solution: [Give the widget more memory.]
examples:
  match: ['ZZWIDGET slow after 900 ms']
  no_match: ['ZZWIDGET ready']
""",
    "demo-widget-ready.yaml": """\
id: demo-widget-ready
title: The widget is ready
severity: ok
kind: status
state: up
patterns: ['ZZWIDGET ready']
cause: The widget answers.
solution: [Nothing to do.]
examples:
  match: ['ZZWIDGET ready']
  no_match: ['ZZWIDGET down: unplugged']
""",
}

LOGS = {
    "logs/down.log": (
        "06:22:38 PM ==> Deploying...\n"
        "06:22:48 PM [t7v9k] ZZWIDGET ready\n"
        f"06:22:53 PM [t7v9k] ZZWIDGET down: unplugged url=redis://app:{SECRET}@widget.internal:6379\n"
        f"06:22:58 PM [t7v9k] ZZWIDGET down: unplugged url=redis://app:{SECRET}@widget.internal:6379\n"
    ),
    "logs/slow.log": "06:30:00 PM [a1b2c] ZZWIDGET ready\n06:30:05 PM [a1b2c] ZZWIDGET slow after 900 ms\n",
    "logs/clean.log": "06:40:00 PM [a1b2c] ZZWIDGET ready\n06:40:01 PM [a1b2c] GET / 200 3ms\n",
}


def rla(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", "RLA_LANG": "en", "COLUMNS": "200", "RLA_CONFIG": "none"}
    full_env.pop("GITHUB_STEP_SUMMARY", None)
    full_env.update(env or {})
    for key in [k for k, v in full_env.items() if v is None]:
        full_env.pop(key)
    return subprocess.run(
        [sys.executable, "-m", "analyzer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**full_env, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def make_project(root: Path) -> Path:
    """A user's repository: logs/ with three samples and rules/ with the demo pack."""
    for name, text in LOGS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "rules").mkdir(exist_ok=True)
    for name, text in PACK.items():
        (root / "rules" / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path)


def check(project: Path, *args: str, **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return rla("check", "logs", "--rules", "rules", "--select", "demo-", *args, cwd=project, **kw)


def no_traceback(out: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in out.stderr + out.stdout, out.stderr


# ---- exit codes -----------------------------------------------------------------------------------

# worst finding per sample: down.log error, slow.log warning, clean.log ok
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("level,code", [("critical", 0), ("error", 1), ("warning", 1), ("ok", 1)])
def test_exit_code_matrix_formats_x_thresholds(project: Path, fmt: str, level: str, code: int):
    out = check(project, "--format", fmt, "--fail-on", level)
    no_traceback(out)
    assert out.returncode == code, (fmt, level, out.stdout[-2000:], out.stderr)


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_zero_reports_but_passes(project: Path, fmt: str):
    out = check(project, "--format", fmt, "--exit-zero")
    assert out.returncode == 0 and out.stdout


def test_per_file_result_and_summary(project: Path):
    doc = json.loads(check(project, "-f", "json").stdout)
    by_path = {f["path"]: f for f in doc["files"]}
    assert set(by_path) == {"logs/clean.log", "logs/down.log", "logs/slow.log"}
    assert by_path["logs/down.log"]["status"] == "fail"
    assert by_path["logs/slow.log"]["status"] == "pass"  # warning < error
    assert by_path["logs/clean.log"]["diagnosis"]["verdict"]["state"] == "healthy"
    s = doc["summary"]
    assert (s["files"], s["passed"], s["failed"]) == (3, 2, 1)
    assert s["findings"] == {"error": 1, "warning": 1}  # the 3 ok status lines are not findings
    assert s["rules"] == {"demo-widget-down": 1, "demo-widget-slow": 1}
    down = by_path["logs/down.log"]["diagnosis"]["findings"]
    f = next(x for x in down if x["rule"] == "demo-widget-down")
    assert f["count"] == 2 and f["gate"] is True and f["first"]["line"] == 3 and len(f["fingerprint"]) == 16
    assert doc["ok"] is False and doc["mode"] == "severity"


def test_table_is_the_default(project: Path):
    out = check(project)
    assert out.returncode == 1
    assert "FAIL logs/down.log" in out.stdout and "demo-widget-down" in out.stdout
    assert "FAILED: 3 files checked, 2 passed, 1 failed" in out.stdout


def test_the_table_prints_from_its_view_what_the_whole_document_gives(project: Path):
    """A table run redacts only `table_view` of the run document (start-up, issue 17): the lines, the
    headline and the exit status must be those of the whole document, gated findings included."""
    from analyzer.report.ci import exit_status, headline, render_table, table_view

    runs = [(check(project, "--fail-on", level, "-f", "json"), check(project, "--fail-on", level)) for level in ("ok", "error")]
    runs.append((rla("check", "samples/dashboard/ioredis", "--fail-on", "warning", "-f", "json"),
                 rla("check", "samples/dashboard/ioredis", "--fail-on", "warning")))
    for as_json, as_table in runs:
        doc = json.loads(as_json.stdout)
        view = table_view(doc)
        assert any(x["gate"] for f in view["files"] if f["diagnosis"] for x in f["diagnosis"]["findings"])
        assert render_table(view, "en", 200) == render_table(doc, "en", 200) == as_table.stdout
        assert (headline(view), exit_status(view)) == (headline(doc), exit_status(doc))


def test_output_file_and_stdout_stay_empty(project: Path):
    out = check(project, "--format", "junit", "-o", "report.xml")
    assert out.returncode == 1 and out.stdout == ""
    assert (project / "report.xml").read_text().startswith("<?xml")


def test_github_step_summary_is_appended_when_set(project: Path):
    summary = project / "summary.md"
    summary.write_text("earlier step\n")
    out = check(project, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert out.returncode == 1
    text = summary.read_text()
    assert text.startswith("earlier step\n") and "### rla check: ❌ failed" in text and "demo-widget-down" in text
    assert SECRET not in text
    # analyze --format github writes the diagnosis' markdown too
    summary.write_text("")
    out = rla("analyze", "logs/down.log", "--rules", "rules", "-f", "github", cwd=project, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert out.returncode == 1 and "demo-widget-down" in summary.read_text() and SECRET not in summary.read_text()


def test_secrets_never_leave_in_any_format_nor_in_the_output_file(project: Path):
    for fmt in FORMATS:
        out = check(project, "--format", fmt)
        assert SECRET not in out.stdout + out.stderr, fmt
        assert "«secret-1»" in out.stdout or fmt in ("table", "markdown"), fmt  # those two show no evidence line
        check(project, "--format", fmt, "-o", f"out.{fmt}")
        assert SECRET not in (project / f"out.{fmt}").read_text(), fmt
        out = rla("analyze", "logs/down.log", "--rules", "rules", "-f", fmt, "-o", f"a.{fmt}", cwd=project)
        assert SECRET not in (project / f"a.{fmt}").read_text(), fmt


# ---- expectations ---------------------------------------------------------------------------------

EXPECTED = """\
samples:
  down.log:
    verdict: failing
    root_cause: demo-widget-down
    findings: {demo-widget-down: 2, demo-widget-ready: 1}
  slow.log:
    findings: [demo-widget-ready, demo-widget-slow]
  clean.log:
    pending: the rule for GET lines is being written
"""


def test_expectations_met_exit_0_even_with_error_findings(project: Path):
    (project / "logs" / "expected.yaml").write_text(EXPECTED)
    out = check(project, "--expect", "logs/expected.yaml", "-f", "json")
    assert out.returncode == 0, out.stdout
    doc = json.loads(out.stdout)
    status = {f["path"]: f["status"] for f in doc["files"]}
    assert status == {"logs/down.log": "pass", "logs/slow.log": "pass", "logs/clean.log": "pending"}
    assert doc["summary"]["pending"] == 1 and doc["mode"] == "expect"
    pending = next(f for f in doc["files"] if f["status"] == "pending")
    assert pending["reason"] == "the rule for GET lines is being written" and pending["diagnosis"] is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_expectation_mismatch_both_directions(project: Path, fmt: str):
    (project / "logs" / "expected.yaml").write_text(
        "samples:\n"
        "  down.log: {findings: [demo-widget-ready]}\n"  # demo-widget-down unexpected
        "  slow.log: {findings: [demo-widget-ready, demo-widget-slow, demo-widget-down]}\n"  # missing
        "  clean.log: {findings: {demo-widget-ready: 3}}\n"  # count
    )
    out = check(project, "--expect", "logs/expected.yaml", "-f", fmt)
    no_traceback(out)
    assert out.returncode == 1
    if fmt in ("table", "markdown", "github", "json"):
        assert "unexpected finding demo-widget-down (x2)" in out.stdout
        assert "missing finding demo-widget-down" in out.stdout
        assert "demo-widget-ready counted 1, expected 3" in out.stdout
    if fmt == "json":
        kinds = {p["kind"] for f in json.loads(out.stdout)["files"] for p in f["problems"]}
        assert kinds == {"missing", "unexpected", "count"}


def test_expectation_verdict_and_root_cause(project: Path):
    (project / "logs" / "expected.yaml").write_text(
        "samples:\n  down.log: {verdict: healthy, root_cause: demo-widget-slow, findings: [demo-widget-down, demo-widget-ready]}\n"
    )
    out = check(project, "--expect", "logs/expected.yaml")
    assert out.returncode == 1
    assert "verdict is failing, expected healthy" in out.stdout
    assert "root cause is demo-widget-down, expected demo-widget-slow" in out.stdout


def test_expectation_without_findings_checks_only_verdict_and_root_cause(project: Path):
    """A pasted incident log pins its verdict and root cause; the findings around them are not listed."""
    (project / "logs" / "expected.yaml").write_text("samples:\n  down.log: {verdict: failing, root_cause: demo-widget-down}\n")
    out = check(project, "--expect", "logs/expected.yaml", "-f", "json")
    assert out.returncode == 0, out.stdout
    (project / "logs" / "expected.yaml").write_text("samples:\n  down.log: {verdict: failing, root_cause: demo-widget-slow}\n")
    out = check(project, "--expect", "logs/expected.yaml", "-f", "json")
    assert out.returncode == 1
    (problem,) = json.loads(out.stdout)["files"][0]["problems"]
    assert problem["kind"] == "root_cause"
    (project / "logs" / "expected.yaml").write_text("samples:\n  down.log: {verdict: failing, findings: {}}\n")
    assert check(project, "--expect", "logs/expected.yaml").returncode == 1  # an empty list still means "none"


def test_listed_sample_that_does_not_exist_fails_and_unlisted_files_are_reported(project: Path):
    (project / "logs" / "expected.yaml").write_text(
        "samples:\n  down.log: {findings: [demo-widget-down, demo-widget-ready]}\n  gone.log: {findings: []}\n"
    )
    out = check(project, "--expect", "logs/expected.yaml", "-f", "json")
    assert out.returncode == 1
    doc = json.loads(out.stdout)
    gone = next(f for f in doc["files"] if f["path"].endswith("gone.log"))
    assert gone["status"] == "missing" and "does not exist" in gone["problems"][0]["message"]
    assert sorted(doc["unlisted"]) == ["logs/clean.log", "logs/slow.log"]


def test_our_own_samples_pass_their_expectations():
    out = rla("check", "samples/", "--expect", "samples/expected.yaml", "-f", "json")
    assert "Traceback" not in out.stderr, out.stderr  # (stdout may quote the samples' own Python tracebacks)
    doc = json.loads(out.stdout)
    bad = [(f["path"], f["problems"]) for f in doc["files"] if f["status"] not in ("pass", "pending")]
    assert out.returncode == 0 and not bad, bad
    assert doc["summary"]["passed"] > 0


# ---- baselines ------------------------------------------------------------------------------------


def test_baseline_round_trip_new_and_gone(project: Path):
    out = check(project, "--write-baseline", ".rla-baseline.json")
    assert out.returncode == 0, out.stderr
    assert "wrote 2 known finding(s)" in out.stderr
    base = json.loads((project / ".rla-baseline.json").read_text())
    assert {(e["file"], e["rule"]) for e in base["findings"]} == {("logs/down.log", "demo-widget-down"), ("logs/slow.log", "demo-widget-slow")}
    assert SECRET not in (project / ".rla-baseline.json").read_text()

    # known findings do not fail, even at --fail-on warning; lines moving does not matter
    log = project / "logs" / "down.log"
    log.write_text("06:00:00 PM ==> Build successful\n" * 5 + LOGS["logs/down.log"])
    out = check(project, "--baseline", ".rla-baseline.json", "--fail-on", "warning", "-f", "json")
    assert out.returncode == 0, out.stdout
    doc = json.loads(out.stdout)
    assert doc["mode"] == "baseline" and doc["baseline"]["gone"] == []
    f = next(x for x in doc["files"] if x["path"] == "logs/down.log")["diagnosis"]["findings"]
    assert any(x["rule"] == "demo-widget-down" and x["baseline"] and not x["gate"] for x in f)

    # a new finding fails; a fixed one is reported as gone, not as a failure
    (project / "logs" / "slow.log").write_text("06:30:00 PM [a1b2c] ZZWIDGET ready\n")
    (project / "logs" / "clean.log").write_text("06:40:00 PM [a1b2c] ZZWIDGET down: overheated\n")
    out = check(project, "--baseline", ".rla-baseline.json", "-f", "json")
    assert out.returncode == 1
    doc = json.loads(out.stdout)
    assert [g["rule"] for g in doc["baseline"]["gone"]] == ["demo-widget-slow"]
    new = [(f["path"], x["rule"]) for f in doc["files"] for x in f["diagnosis"]["findings"] if x["gate"]]
    assert new == [("logs/clean.log", "demo-widget-down")]
    table = check(project, "--baseline", ".rla-baseline.json").stdout
    assert "no longer seen" in table and "demo-widget-slow in logs/slow.log" in table


def test_baseline_fingerprint_changes_with_the_evidence(project: Path):
    check(project, "--write-baseline", "b.json")
    (project / "logs" / "down.log").write_text("06:22:53 PM [zz999] ZZWIDGET down: overheated\n")
    out = check(project, "--baseline", "b.json", "-f", "json")
    assert out.returncode == 1  # another reason is another finding
    assert json.loads(out.stdout)["baseline"]["gone"][0]["rule"] == "demo-widget-down"


def test_baseline_works_from_another_directory(project: Path):
    check(project, "--write-baseline", ".rla-baseline.json")
    sub = project / "sub"
    sub.mkdir()
    out = rla("check", "../logs", "--rules", "../rules", "--select", "demo-", "--baseline", "../.rla-baseline.json", cwd=sub)
    assert out.returncode == 0, out.stdout


# ---- user rules, select / ignore, configuration ---------------------------------------------------


def test_user_rule_overrides_a_builtin_one_said_once(project: Path):
    (project / "rules" / "redis-ready.yaml").write_text(
        "id: redis-ready\ntitle: Mine\nseverity: critical\npatterns: ['Redis ready and connected']\ncause: c\nsolution: [s]\n"
    )
    (project / "logs" / "redis.log").write_text("✅ Redis ready and connected\n")
    out = rla("check", "logs", "--rules", "rules", "-f", "json", cwd=project)
    assert out.stderr.count("your rule redis-ready replaces the built-in one") == 1
    doc = json.loads(out.stdout)
    f = next(x for f in doc["files"] if f["path"] == "logs/redis.log" for x in f["diagnosis"]["findings"])
    assert (f["rule"], f["title"], f["severity"]) == ("redis-ready", "Mine", "critical")
    assert out.returncode == 1


def test_select_and_ignore_by_id_or_prefix(project: Path):
    out = rla("check", "logs", "--rules", "rules", "--ignore", "demo-widget-down", "-f", "json", cwd=project)
    assert out.returncode == 0
    assert "demo-widget-down" not in json.dumps(json.loads(out.stdout)["summary"])
    out = rla("check", "logs", "--rules", "rules", "--select", "demo-widget-s,demo-widget-r", "--fail-on", "warning", cwd=project)
    assert out.returncode == 1 and "demo-widget-slow ×1" in out.stdout
    assert "per rule: demo-widget-slow 1\n" in out.stdout  # status lines are not findings
    # down.log passes the gate (its finding is not selected) but Redis is failing there: never `ok`
    assert "warn logs/down.log  Redis failing" in out.stdout
    out = rla("check", "logs", "--rules", "rules", "--select", "demo-wigdet", cwd=project)
    assert out.returncode == 2 and "'demo-wigdet' names no rule; did you mean demo-widget?" in out.stderr


@pytest.mark.parametrize(
    "name,text",
    [
        (".rla.yaml", "rules: [rules]\nselect: [demo-]\nfail-on: warning\n"),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.rla]\nrules = ["rules"]\nselect = ["demo-"]\nfail-on = "warning"\n'),
    ],
)
def test_configuration_file(project: Path, name: str, text: str):
    (project / name).write_text(text)
    env = {"RLA_CONFIG": None}  # type: ignore[dict-item]
    out = rla("check", "logs", "-f", "json", cwd=project, env=env)  # type: ignore[arg-type]
    assert out.returncode == 1, out.stderr
    doc = json.loads(out.stdout)
    assert doc["fail_on"] == "warning" and "demo-widget-slow" in doc["summary"]["rules"]
    assert all(r.startswith("demo-") for r in doc["summary"]["rules"])
    # the command line wins over the file
    assert rla("check", "logs", "--fail-on", "critical", cwd=project, env=env).returncode == 0  # type: ignore[arg-type]
    # analyze and rules list read the same packs
    assert "demo-widget-down" in rla("rules", "list", cwd=project, env=env).stdout  # type: ignore[arg-type]


def test_configuration_typo_is_an_error(project: Path):
    (project / ".rla.yaml").write_text("rulez: [rules]\n")
    out = rla("check", "logs", cwd=project, env={"RLA_CONFIG": None})  # type: ignore[dict-item]
    assert out.returncode == 2 and "unknown key 'rulez'" in out.stderr
    no_traceback(out)


# ---- user errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args,needle",
    [
        (["check", "nope/"], "no such file"),
        (["check", "logs", "--expect", "missing.yaml"], "cannot read"),
        (["check", "logs", "--baseline", "missing.json"], "no such baseline file"),
        (["check", "logs", "--expect", "logs/down.log"], "logs/down.log: invalid YAML"),
        (["check", "logs", "--expect", "rules/demo-widget-down.yaml"], "top-level 'samples:'"),
        (["check", "logs", "--expect", "x.yaml", "--baseline", "b.json"], "not both"),
        (["check", "logs", "--format", "xml"], "xml"),
        (["check", "logs", "--fail-on", "fatal"], "fatal"),
        (["check", "logs", "-o", "no/such/dir/out.xml"], "cannot write"),
        (["check"], "missing argument 'paths'"),
    ],
)
def test_user_errors_exit_2_one_sentence(project: Path, args: list[str], needle: str):
    out = rla(*args, cwd=project)
    no_traceback(out)
    assert out.returncode == 2, out.stdout
    assert needle in out.stderr


def test_a_bad_baseline_file_is_a_user_error(project: Path):
    (project / "b.json").write_text("{not json")
    out = check(project, "--baseline", "b.json")
    assert out.returncode == 2 and "not a baseline file" in out.stderr
    no_traceback(out)


def test_unreadable_sample_is_reported_and_exits_2(project: Path):
    bad = project / "logs" / "broken.log.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage-not-gzip")
    out = check(project, "-f", "json")
    no_traceback(out)
    assert out.returncode == 2
    doc = json.loads(out.stdout)
    assert next(f for f in doc["files"] if f["path"].endswith("broken.log.gz"))["status"] == "error"
    assert "broken.log.gz" in out.stderr
    assert check(project, "--exit-zero").returncode == 2  # --exit-zero never hides a broken input


def test_expectation_problems_are_the_sentences_of_expect_compare():
    from analyzer.expect import Expectation, compare
    from analyzer.report.ci import diff
    from tests.conftest import diag_of

    diag = diag_of("❌ Redis connection error: { message: 'connect ECONNREFUSED 10.0.3.7:6379', code: 'ECONNREFUSED' }\n")
    exp = Expectation("x", verdict="healthy", root_cause="redis-url-not-set", findings={"redis-econnrefused": 5, "redis-ready": None})
    assert [p.message for p in diff(diag, exp)] == [str(m) for m in compare(diag, exp)]
    assert {p.kind for p in diff(diag, exp)} == {"verdict", "root_cause", "count", "missing", "unexpected"}
    assert "constat manquant : redis-ready" in [p.message for p in diff(diag, exp, lang="fr")]
