"""The CI formats: golden files for every format of `rla check`, and the JUnit and SARIF outputs
validated against the real schemas (tests/schemas/, see its README) with a schema validator.

Regenerate the golden files after an intended change with:
    RLA_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_formats_ci.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
import xmlschema

from tests.test_check import FORMATS, SECRET, check, make_project, rla

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "test_formats_ci_golden"
SCHEMAS = HERE / "schemas"
SUFFIX = {"table": "txt", "json": "json", "markdown": "md", "github": "github.txt", "junit": "xml", "sarif": "sarif.json"}


@pytest.fixture(scope="module")
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / "junit-10.xsd"))


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def assert_valid_junit(text: str, schema: xmlschema.XMLSchema) -> None:
    errors = list(schema.iter_errors(text))
    assert not errors, "\n".join(str(e) for e in errors[:3])


def assert_valid_sarif(text: str, validator: jsonschema.Draft4Validator) -> dict:
    doc = json.loads(text)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:3])
    return doc


def _stable(text: str) -> str:
    from analyzer import __version__

    return text.replace(__version__, "<version>")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("ci"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(project: Path, fmt: str):
    out = check(project, "--format", fmt)
    assert out.returncode == 1, out.stderr
    got = _stable(out.stdout)
    path = GOLDEN / f"check.{SUFFIX[fmt]}"
    if os.environ.get("RLA_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.is_file(), f"no golden file {path.name}: run with RLA_UPDATE_GOLDEN=1"
    want = path.read_text(encoding="utf-8")
    if fmt == "json":
        # schema 1 lets a new key appear (README, "JSON output"): every golden key must still be
        # there with the same value, in the same order of files and findings
        assert_within(json.loads(want), json.loads(got))
    else:
        assert got == want


def assert_within(want, got, where: str = "$") -> None:  # type: ignore[no-untyped-def]
    if isinstance(want, dict):
        assert isinstance(got, dict), where
        for key, value in want.items():
            assert key in got, f"{where}.{key} is gone"
            assert_within(value, got[key], f"{where}.{key}")
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), where
        for n, (a, b) in enumerate(zip(want, got)):
            assert_within(a, b, f"{where}[{n}]")
    else:
        assert want == got, f"{where}: {got!r}, golden {want!r}"


def test_junit_is_valid_and_has_one_case_per_sample(project: Path, junit_schema):
    text = check(project, "--format", "junit").stdout
    assert_valid_junit(text, junit_schema)
    doc = junit_schema.to_dict(text)
    suites = {s["@name"]: s for s in doc["testsuite"]}
    assert set(suites) == {"logs/clean.log", "logs/down.log", "logs/slow.log"}
    # 3 samples, 3 test cases (it was 3 × every rule = 9; 2 samples gave 114 with the built-in pack)
    assert (doc["@tests"], doc["@failures"]) == ("3", "1")
    case = lambda name: suites[name]["testcase"][0]  # noqa: E731
    assert all(len(s["testcase"]) == 1 for s in suites.values())
    down = case("logs/down.log")
    assert down["@name"] == "logs/down.log" and down["failure"][0]["@type"] == "error"
    assert "demo-widget-down ×2" in down["failure"][0]["@message"] and "Restart the widget." in down["failure"][0]["$"]
    slow = case("logs/slow.log")
    assert "failure" not in slow and "below the --fail-on" in slow["system-out"][0]
    assert "Redis degraded" in slow["system-out"][0]  # the verdict is told, not hidden behind a pass
    assert "widget is ready" not in case("logs/clean.log")["system-out"][0]  # status lines are not findings


def test_junit_expect_mode_failures_and_pending_are_valid(project: Path, junit_schema):
    exp = project / "logs" / "expected.yaml"
    exp.write_text(
        "samples:\n"
        "  down.log: {verdict: healthy, findings: [demo-widget-ready]}\n"
        "  slow.log: {findings: [demo-widget-ready, demo-widget-slow, demo-widget-down]}\n"
        "  clean.log: {pending: rule being written}\n"
        "  gone.log: {findings: []}\n"
    )
    try:
        out = check(project, "--expect", "logs/expected.yaml", "--format", "junit")
    finally:
        exp.unlink()
    assert out.returncode == 1
    assert_valid_junit(out.stdout, junit_schema)
    doc = junit_schema.to_dict(out.stdout)
    suites = {s["@name"]: s for s in doc["testsuite"]}
    case = lambda name: suites[name]["testcase"][0]  # noqa: E731
    down = case("logs/down.log")["failure"][0]
    assert down["@type"] == "verdict" and "demo-widget-down" in down["@message"]  # verdict and unexpected, one failure
    slow = case("logs/slow.log")["failure"][0]
    assert slow["@type"] == "missing" and "demo-widget-down" in slow["@message"]
    assert suites["logs/clean.log"]["@skipped"] == "1" and "skipped" in case("logs/clean.log")
    assert any(name.endswith("gone.log") for name in suites)


def test_sarif_is_valid_with_rules_help_and_locations(project: Path, sarif_validator):
    doc = assert_valid_sarif(check(project, "--format", "sarif").stdout, sarif_validator)
    run = doc["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {"demo-widget-down", "demo-widget-slow", "demo-widget-ready"} == set(rules)
    assert "Restart the widget." in rules["demo-widget-down"]["help"]["text"]
    assert rules["demo-widget-down"]["helpUri"] == "https://example.com/widget"
    results = {r["ruleId"]: r for r in run["results"]}
    assert set(results) == {"demo-widget-down", "demo-widget-slow"}  # ok-level status lines are not results
    loc = results["demo-widget-down"]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "logs/down.log", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] == 3
    assert results["demo-widget-down"]["level"] == "error" and results["demo-widget-slow"]["level"] == "warning"
    assert run["tool"]["driver"]["rules"][results["demo-widget-down"]["ruleIndex"]]["id"] == "demo-widget-down"


def test_sarif_expect_and_baseline_modes_are_valid(project: Path, sarif_validator):
    exp = project / "logs" / "expected.yaml"
    exp.write_text("samples:\n  down.log: {findings: [demo-widget-ready]}\n  gone.log: {findings: []}\n")
    try:
        doc = assert_valid_sarif(check(project, "--expect", "logs/expected.yaml", "-f", "sarif").stdout, sarif_validator)
    finally:
        exp.unlink()
    messages = [r["message"]["text"] for r in doc["runs"][0]["results"]]
    assert all(r["ruleId"] == "rla-expectation" for r in doc["runs"][0]["results"])
    assert "unexpected finding demo-widget-down (x2)" in messages and any("gone.log" in m for m in messages)

    check(project, "--write-baseline", "base.json")
    (project / "logs" / "slow2.log").write_text("ZZWIDGET down: overheated\n")
    try:
        doc = assert_valid_sarif(check(project, "--baseline", "base.json", "-f", "sarif").stdout, sarif_validator)
    finally:
        (project / "logs" / "slow2.log").unlink()
        (project / "base.json").unlink()
    states = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["baselineState"]) for r in doc["runs"][0]["results"]}
    assert ("logs/slow2.log", "new") in states and ("logs/down.log", "unchanged") in states
    assert all("suppressions" in r for r in doc["runs"][0]["results"] if r["baselineState"] == "unchanged")


def test_sarif_uri_of_odd_and_absolute_paths(tmp_path: Path, sarif_validator):
    from analyzer.report.sarif import uri

    assert uri("logs/a b#1.log") == ("logs/a%20b%231.log", "%SRCROOT%")
    assert uri("./logs/x.log") == ("logs/x.log", "%SRCROOT%")
    assert uri("/var/log/x.log") == ("file:///var/log/x.log", None)
    log = tmp_path / "odd name.log"
    log.write_text("❌ Redis connection error: { message: 'connect ECONNREFUSED 10.0.3.7:6379', code: 'ECONNREFUSED' }\n")
    out = rla("analyze", str(log), "-f", "sarif")
    doc = assert_valid_sarif(out.stdout, sarif_validator)
    assert doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")


@pytest.mark.parametrize("fmt", ["junit", "sarif", "github"])
def test_analyze_gets_the_ci_formats(tmp_path: Path, fmt: str, junit_schema, sarif_validator):
    log = tmp_path / "render.log"
    log.write_text(
        "06:22:48 PM [t7v9k] 🔄 Redis connecting...\n"
        f"06:22:53 PM [t7v9k] ❌ Redis connection error: {{ message: 'connect ECONNREFUSED 10.0.3.7:6379', url: 'redis://u:{SECRET}@h:6379' }}\n"
    )
    out = rla("analyze", str(log), "-f", fmt)
    assert out.returncode == 1, out.stderr
    assert SECRET not in out.stdout
    assert rla("analyze", str(log), "-f", fmt, "--fail-on", "critical").returncode == 0
    if fmt == "junit":
        assert_valid_junit(out.stdout, junit_schema)
        assert "<failure" in out.stdout
    elif fmt == "sarif":
        assert_valid_sarif(out.stdout, sarif_validator)
    else:
        assert re.search(rf"^::error file={re.escape(str(log))},line=2,title=redis-econnrefused%3A ", out.stdout, re.M), out.stdout


def test_github_annotation_escaping():
    from analyzer.report.github import command

    line = command("error", "50% done\nnext", "a,b:c.log", 3, "t: x, y")
    assert line == "::error file=a%2Cb%3Ac.log,line=3,title=t%3A x%2C y::50%25 done%0Anext"


def test_github_expect_mode_annotates_mismatches_only(project: Path):
    exp = project / "logs" / "expected.yaml"
    exp.write_text("samples:\n  down.log: {findings: [demo-widget-ready]}\n  clean.log: {pending: soon}\n")
    try:
        out = check(project, "--expect", "logs/expected.yaml", "-f", "github")
    finally:
        exp.unlink()
    lines = [x for x in out.stdout.splitlines() if x.startswith("::")]
    assert sorted(lines) == [
        "::error file=logs/down.log,title=rla expectation%3A unexpected::unexpected finding demo-widget-down (x2)",
        "::notice file=logs/clean.log,title=rla%3A pending sample::pending, not checked: soon",
    ]


def test_junit_survives_control_characters(tmp_path: Path, junit_schema):
    log = tmp_path / "ansi.log"
    log.write_text("\x1b[31m❌ Redis connection error: { message: 'connect ECONNREFUSED 10.0.3.7:6379' }\x1b[0m\x07\n")
    out = rla("analyze", str(log), "-f", "junit")
    assert_valid_junit(out.stdout, junit_schema)


def test_redaction_covers_every_ci_format_of_analyze(tmp_path: Path):
    log = tmp_path / "s.log"
    log.write_text(
        "❌ Redis connection error: { message: 'getaddrinfo ENOTFOUND oregon-keyvalue.render.com', code: 'ENOTFOUND', "
        f"url: 'rediss://red-abc:{SECRET}@oregon-keyvalue.render.com:6379' }}\n"
        "Error: request failed with key rnd_AbCdEfGh12345678\n"
    )
    for fmt in FORMATS:
        out = rla("analyze", str(log), "-f", fmt)
        assert SECRET not in out.stdout and "rnd_AbCdEfGh12345678" not in out.stdout, fmt
