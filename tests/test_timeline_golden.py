"""Golden pictures of the timeline (issue 18), from the real two-instance outage capture
(samples/timeline/outage-two-instances.txt): the terminal lines at 80 and 120 columns, and
the Mermaid block of --format markdown. A change to them is a change people see: look at the new
output, then refresh with RLA_GOLDEN_UPDATE=1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "timeline_golden"
SAMPLE = "samples/timeline/outage-two-instances.txt"


def _rla(*args: str, columns: int = 80) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "RLA_LANG")}
    env.update(COLUMNS=str(columns), RLA_LANG="en")
    run = subprocess.run([sys.executable, "-m", "analyzer", "analyze", SAMPLE, *args], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr
    return run.stdout


def _timeline_part(text: str) -> str:
    """From the 'Timeline' head line to the last line before the blank one."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("Timeline "))
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    return "\n".join(lines[start:end]) + "\n"


def _check(name: str, got: str) -> None:
    path = GOLDEN / name
    if os.environ.get("RLA_GOLDEN_UPDATE"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("columns", [80, 120])
def test_terminal_timeline(columns: int) -> None:
    part = _timeline_part(_rla(columns=columns))
    assert all(len(line) <= columns for line in part.splitlines())
    _check(f"outage-{columns}.txt", part)


def test_no_timeline_option_and_short_logs() -> None:
    assert "Timeline " not in _rla("--no-timeline")
    short = subprocess.run([sys.executable, "-m", "analyzer", "analyze", "samples/dashboard/node-app/recovery.txt"],
                           cwd=ROOT, capture_output=True, text=True, env={**os.environ, "RLA_LANG": "en"})
    assert "Timeline " not in short.stdout  # 10 seconds: the verdict's times say it all


def test_mermaid_block() -> None:
    md = _rla("-f", "markdown")
    start = md.index("```mermaid")
    end = md.index("\n\n", md.rindex("```"))
    block = md[start : md.index("\n", end + 2) + 1]
    assert block.count("```mermaid") == 2 and "Timeline " in block.splitlines()[-1]
    _check("outage.mermaid.md", block)


def test_lines_fit_the_width_and_use_it() -> None:
    """A log of 119 one-second buckets: 80 columns merge them two by two, 140 columns show each."""
    from analyzer.report.timeline_text import timeline_lines
    from analyzer.engine.rules import load_rules
    from analyzer.timeline import TimelineBuilder

    b = TimelineBuilder()
    for i in range(1, 120):
        b.add(f"2026-11-26T10:{i // 60:02d}:{i % 60:02d}Z", "abcde", i, [("redis-econnrefused", ())] * (i % 7),
              [("redis-econnrefused", ())], None)
    tl = b.build(lambda k: k[0], lambda k: "down")
    rules = load_rules([])
    narrow = timeline_lines(tl, rules, "en", 80, False)
    wide = timeline_lines(tl, rules, "en", 140, False)
    assert all(len(line) <= 80 for line in narrow) and all(len(line) <= 140 for line in wide)
    assert len(narrow[1]) < len(wide[1])
    assert narrow[0].startswith("   Timeline 2026-11-26 10:00:01 UTC → ")
