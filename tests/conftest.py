"""Shared helpers: diagnose a string the way `rla analyze` would, with the built-in rules."""

from __future__ import annotations

import functools
import os
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from analyzer.model import Diagnosis
from analyzer.pipeline import diagnose
from analyzer.engine.rules import RuleSet, load_rules
from analyzer.sources.files import text_block

ROOT = Path(__file__).resolve().parent.parent

# Tests never read the wall clock: "now" is pinned for the whole run, in this process and in every
# `rla` it starts (analyzer/clock.py). The suite passes with the system clock a year off (.ci/run).
TEST_NOW = "2026-11-27T00:00:00Z"
os.environ["RLA_NOW"] = TEST_NOW
NOW = datetime(2026, 11, 27, tzinfo=timezone.utc)
NOW_NS = int(NOW.timestamp()) * 1_000_000_000

# The validated rule-pack cache (analyzer/engine/packcache.py) of every `rla` the tests start lives in a
# folder of this run, never in the user's cache: each run starts empty, and the commands then read it.
_CACHE = tempfile.TemporaryDirectory(prefix="rla-test-cache-")
os.environ["RLA_CACHE_DIR"] = _CACHE.name
os.environ.pop("RLA_NO_CACHE", None)


def public_paste(name: str) -> str:
    """A public paste of samples/public/ (its thread in samples/README.md, section E)."""
    return (ROOT / "samples" / "public" / name).read_text(encoding="utf-8")


def capture_section(log: str, title: str) -> str:
    """One section of a capture log of samples/raw/classes/: the lines after its '=== <title>…' header, up to the
    next header."""
    text = (ROOT / "samples" / "raw" / "classes" / log).read_text(encoding="utf-8")
    for part in text.split("=== ")[1:]:
        head, _, body = part.partition("\n")
        if head.startswith(title):
            return body
    raise AssertionError(f"no section {title!r} in {log}")


def batch_capture(batch: str, name: str) -> str:
    """A real capture of a blind batch (samples/<batch>/raw/<client>/<scenario>.log, made as samples/README.md says)."""
    return (ROOT / "samples" / batch / "raw" / name).read_text(encoding="utf-8")


def batch_file(batch: str, name: str) -> str:
    """A real capture of a blind batch laid out without the raw/ level (samples/<batch>/<app>/<scenario>.log)."""
    return (ROOT / "samples" / batch / name).read_text(encoding="utf-8")


def batch_lines(batch: str, name: str, *needles: str) -> str:
    """The lines of such a capture holding any of the needles, in order (a short log made only of real lines); a batch
    without the raw/ level (batch_file's layout) is read there."""
    raw = ROOT / "samples" / batch / "raw" / name
    text = batch_capture(batch, name) if raw.exists() else batch_file(batch, name)
    return "".join(line for line in text.splitlines(True) if any(n in line for n in needles))


def refused_rule(folder: Path, fields: str) -> str:
    """The loader's one sentence for a minimal rule file with these extra YAML lines (the rule must be refused)."""
    from analyzer.engine.rules import RuleError, load_file

    path = folder / "bad.yaml"
    path.write_text(
        f"id: bad\ntitle: T\nseverity: error\npatterns: [x]\ncause: c\nsolution: [s]\n{fields}"
        "examples: {match: [x], no_match: [y]}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as err:
        load_file(path)
    return str(err.value)


@functools.lru_cache(maxsize=1)
def builtin() -> RuleSet:
    return load_rules()


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return builtin()


def wait_for(cond, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
    """Wait for a live test's condition (a client connected, lines delivered): a loaded machine is slow, never wrong."""
    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def diag_of(text: str, fmt: str = "auto") -> Diagnosis:
    return diagnose([text_block(text, "<test>")], builtin(), fmt)


def verdict_of(text: str, fmt: str = "auto") -> tuple[str, str | None]:
    """The verdict's state and root cause of a log text."""
    diag = diag_of(text, fmt)
    return diag.verdict.state, diag.verdict.root_cause


def ids(diag: Diagnosis) -> set[str]:
    return {f.rule_id for f in diag.findings}



@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    """make test's `--dist loadgroup` runs a module that shares a costly fixture in one worker only while xdist
    groups it (a worker gives a grouped test's id as 'path::name@group'): on pytest 9.2 that silently stopped
    (pytest-dev/pytest-xdist#1386) and the suite ran slower than serially. Stop and say so instead."""
    if node.config.getoption("dist", None) != "loadgroup" or any("@" in i for i in ids):
        return
    marked = {str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_*.py") if "xdist_group(" in p.read_text(encoding="utf-8")}
    grouped = sorted({i.split("::")[0] for i in ids} & marked)
    if grouped:
        pytest.exit(f"pytest-xdist grouped none of {grouped[0]}'s tests: pin pytest below 9.2, or use a pytest-xdist "
                    "that groups again", returncode=4)
