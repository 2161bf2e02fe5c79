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


def _modules_after(*args: str) -> tuple[set[str], str]:
    code = (
        "import sys; from analyzer.cli import main; sys.argv = ['rla', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    env = {**os.environ, "RLA_LANG": "en", "NO_COLOR": "1", "COLUMNS": "200"}
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
