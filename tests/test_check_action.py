"""action.yml: a valid composite action whose check step, run as GitHub would run it (inputs in the
environment), calls `rla check` with the right options and passes the exit code on."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.test_check import ROOT, make_project

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEP = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "check")


def test_action_shape():
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "fail-on", "format", "output", "expect", "baseline", "rules", "args"} <= set(ACTION["inputs"])
    assert ACTION["inputs"]["format"]["default"] == "github"
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs must reach scripts through env, not be pasted into them"
    used = set(re.findall(r"inputs\.([\w-]+)", yaml.safe_dump(ACTION["runs"])))
    assert used <= set(ACTION["inputs"])


def run_step(project: Path, tmp_path: Path, **inputs: str) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update({"NO_COLOR": "1", "RLA_LANG": "en", "RLA_CONFIG": "none", "PYTHONPATH": str(ROOT)})
    bindir = tmp_path / "bin"
    bindir.mkdir(exist_ok=True)
    shim = bindir / "rla"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m analyzer "$@"\n')
    shim.chmod(0o755)
    env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
    out_file = tmp_path / "github_output"
    out_file.write_text("")
    env["GITHUB_OUTPUT"] = str(out_file)
    for name, default in ((n, spec.get("default", "")) for n, spec in ACTION["inputs"].items()):
        key = STEP["env"].get("RLA_" + name.upper().replace("-", "_"))
        if key is not None:
            env["RLA_" + name.upper().replace("-", "_")] = inputs.get(name.replace("-", "_"), default)
    proc = subprocess.run(["bash", "-c", STEP["run"]], cwd=project, env=env, capture_output=True, text=True, timeout=120)
    return proc.returncode, proc.stdout + proc.stderr, out_file.read_text()


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_action_check_step(tmp_path: Path):
    project = make_project(tmp_path / "repo")
    code, out, outputs = run_step(project, tmp_path, paths="logs", rules="rules", args="--select demo-")
    assert code == 1 and "exit-code=1" in outputs
    assert "::error file=logs/down.log,line=3,title=demo-widget-down" in out
    assert "+ rla check logs --format github --rules rules --select demo-" in out

    code, out, outputs = run_step(project, tmp_path, paths="logs", rules="rules", fail_on="critical", args="--select demo-")
    assert code == 0 and "exit-code=0" in outputs

    code, out, _ = run_step(
        project, tmp_path, paths="logs/down.log logs/slow.log", rules="rules", format="junit", output="r.xml", args="--select demo-"
    )
    assert code == 1 and (project / "r.xml").read_text().count("<testsuite ") == 2
