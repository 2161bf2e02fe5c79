"""Commands are registered without importing them (start-up, issue 17): `rla --help` imports no
command module, no HTTP and no table code, and still lists every command with its real summary."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.cli import app as cli

ROOT = Path(__file__).resolve().parents[1]
GROUPS = [("", cli._Root), ("rules", cli._Rules)]


@pytest.mark.parametrize(("group", "cls"), GROUPS)
def test_each_lazy_summary_is_the_first_paragraph_of_its_command(group: str, cls):  # type: ignore[no-untyped-def]
    import importlib

    for name, (module, function, summary) in cls.lazy.items():
        doc = inspect.getdoc(getattr(importlib.import_module(module), function)) or ""
        assert summary == doc.split("\n\n")[0], f"rla {group} {name}: update the summary in analyzer/cli.py"
        command = cli.load_command(name, module, function)
        assert command.name == name and command.help and command.help.startswith(summary)


def _modules_after(*args: str, env: dict[str, str] | None = None) -> tuple[set[str], str]:
    code = (
        "import sys; from analyzer.cli import main; sys.argv = ['rla', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    env = {**os.environ, "RLA_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    return set(out.stderr.split()), out.stdout


def test_help_imports_no_command_module_and_lists_them_all():
    modules, stdout = _modules_after("--help")
    heavy = {"analyzer.cli.doctor", "analyzer.cli.fetch", "analyzer.cli.follow", "analyzer.cli.check",
             "analyzer.cli.export", "httpx", "tabulate", "yaml", "analyzer.engine.rules"}  # fmt: skip
    assert not heavy & modules, heavy & modules
    for name, (_, _, summary) in cli._Root.lazy.items():
        assert f"  {name} " in stdout and summary.split()[0] in stdout
    assert stdout.index("analyze") < stdout.index("doctor") < stdout.index("check") < stdout.index("rules")


def test_a_lazy_command_runs_and_only_its_module_is_imported():
    modules, stdout = _modules_after("rules", "lint")
    assert "rules linted" in stdout
    assert "analyzer.cli.check" in modules
    assert not {"analyzer.cli.doctor", "analyzer.cli.fetch", "analyzer.cli.follow", "httpx"} & modules


@pytest.mark.parametrize(("group", "cls"), GROUPS)
def test_a_lazy_command_gets_the_shared_display_options(group: str, cls):  # type: ignore[no-untyped-def]
    """`command()` adds -o, the display options and the exit codes to every command it builds; one
    loaded later gets them too."""
    for name in cls.lazy:
        args = [*([group] if group else []), name, "--help"]
        _, stdout = _modules_after(*args)
        assert "--output" in stdout and "Exit codes" in stdout, args


# What a command may not import (start-up, issue 17): code for another command, another format or a
# rule pack read from YAML, the JSON document reader for a text log, tabulate for plain columns. Each is
# checked in a fresh interpreter, the rule pack from a warm cache.
NEVER = {"httpx", "websockets", "yaml", "jsonschema", "tempfile", "random", "analyzer.engine.ruletest",
         "analyzer.cli.doctor", "analyzer.cli.fetch", "analyzer.cli.follow", "analyzer.cli.export",
         "analyzer.render.api", "analyzer.report.html", "analyzer.report.junit", "analyzer.report.sarif",
         "analyzer.sources.jsondoc", "tabulate"}  # fmt: skip
STARTS = [
    (("rules", "list"), NEVER | {"analyzer.pipeline", "analyzer.judge", "analyzer.engine.scan", "analyzer.redact",
                                 "analyzer.cli.check", "analyzer.report"}),
    (("analyze", "samples/dashboard/ioredis/refused-remote.txt"), NEVER | {"analyzer.cli.check", "analyzer.report.ci",
                                                                           "analyzer.expect", "hashlib"}),
    (("check", "samples/dashboard/ioredis"), NEVER | {"analyzer.report.markdown", "hashlib", "analyzer.expect"}),
]  # fmt: skip


@pytest.mark.parametrize(("args", "banned"), STARTS, ids=[" ".join(a[:2]) for a, _ in STARTS])
def test_a_command_imports_only_what_it_uses(args: tuple[str, ...], banned: set[str], tmp_path: Path):
    env = {"RLA_CACHE_DIR": str(tmp_path)}
    _modules_after(*args, env=env)  # writes the rule-pack cache
    modules, stdout = _modules_after(*args, env=env)
    assert stdout.strip() and "analyzer.cli.app" in modules
    assert not banned & modules, sorted(banned & modules)


def _after(args: list[str], probe: str, env: dict[str, str]) -> str:
    """What `probe` (an expression) says after the command ran in a fresh interpreter; `reads` counts config.find()."""
    code = (
        "import sys, gc\nimport analyzer.cli.config as config\nfind, reads = config.find, []\n"
        "config.find = lambda *a, **k: reads.append(1) or find(*a, **k)\n"
        "from analyzer.cli import main\nsys.argv = ['rla', *sys.argv[1:]]\n"
        f"try:\n    main()\nexcept SystemExit:\n    pass\nprint(repr({probe}), file=sys.stderr)"
    )
    full = {**os.environ, "RLA_LANG": "en", "NO_COLOR": "1", **env}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, env=full, timeout=120)
    return out.stderr.strip().splitlines()[-1]


def test_the_collector_waits_for_start_up_only(tmp_path: Path):
    """Start-up defers the garbage collector (cli.main); once the rule pack is loaded it runs as usual,
    so a long `follow` or a big file collects like any program; a command without rules still collects."""
    from analyzer.cli.collector import NORMAL_THRESHOLD, START_THRESHOLD

    env = {"RLA_CACHE_DIR": str(tmp_path)}
    assert _after(["rules", "list"], "gc.get_threshold()", env) == repr(NORMAL_THRESHOLD)
    assert _after(["analyze", "samples/dashboard/ioredis/refused-remote.txt"], "gc.get_threshold()", env) == repr(NORMAL_THRESHOLD)
    assert _after(["--help"], "(gc.isenabled(), gc.get_threshold()[0])", env) == repr((True, START_THRESHOLD))


def test_the_project_configuration_is_read_once_per_command(tmp_path: Path):
    """analyze asks for the configuration for its rules, its --select check, its report and its exit
    code: one search of the folders and one parse of pyproject.toml (this repository has one) serve them all."""
    env = {"RLA_CACHE_DIR": str(tmp_path)}
    assert _after(["analyze", "samples/dashboard/ioredis/refused-remote.txt"], "len(reads)", env) == "1"
    assert _after(["check", "samples/dashboard/ioredis"], "len(reads)", env) == "1"
