"""The Mermaid blocks of --format markdown (and so of rla check's GitHub step summary), rendered by the
real Mermaid library in Debian's chromium, as GitHub renders them: no parse error, and the SVG draws
what the JSON timeline holds (one line per instance with errors, one point per x label, every state
interval and platform event as a gantt task).

Mermaid is not vendored (5 MB): the test fetches the pinned release from the npm registry with
`npm pack` (which checks the tarball's integrity) into .cache/ in this repo, once. Where npm or the
registry is missing the test says so and is skipped, never silently; tests/test_timeline_golden.py
keeps the blocks' text.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_html_browser import CHROMIUM, FLAGS, _browser_or_skip  # noqa: E402

# chromium and Playwright's node driver hang under libfaketime (make test-clock); nothing here reads a date
pytestmark = pytest.mark.realtime_waits

MERMAID = "mermaid@12.3.0"
CACHE = ROOT / ".cache" / MERMAID.replace("@", "-")
GOLDEN = ROOT / "tests/timeline_golden/outage.mermaid.md"


def _mermaid_js() -> Path:
    """dist/mermaid.min.js of the pinned release, fetched once from the npm registry."""
    js = CACHE / "mermaid.min.js"
    if js.exists():
        return js
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"Mermaid render check skipped: no npm on PATH to fetch {MERMAID} (apt-get install npm)")
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        run = subprocess.run([npm, "pack", MERMAID, "--pack-destination", str(CACHE), "--silent"], capture_output=True,
                             text=True, timeout=300, cwd=CACHE)
    except subprocess.TimeoutExpired:
        pytest.skip(f"Mermaid render check skipped: the npm registry did not answer within 300 s for {MERMAID}")
    tgz = CACHE / run.stdout.strip().splitlines()[-1] if run.returncode == 0 and run.stdout.strip() else None
    if tgz is None or not tgz.exists():
        why = (run.stderr.strip().splitlines() or ["no tarball"])[-1]
        pytest.skip(f"Mermaid render check skipped: npm could not fetch {MERMAID} from the registry ({why})")
    with tarfile.open(tgz) as tar:
        member = tar.extractfile("package/dist/mermaid.min.js")
        assert member is not None
        js.with_suffix(".part").write_bytes(member.read())
        licence = tar.extractfile("package/LICENSE")
        if licence is not None:
            (CACHE / "LICENSE").write_bytes(licence.read())
    js.with_suffix(".part").rename(js)
    tgz.unlink()
    return js


def _blocks() -> list[tuple[str, str, dict | None]]:
    """(name, block, its timeline) for every sample whose log spans a minute, in English and French,
    drawn by the function the markdown formats use; and the golden block as committed."""
    from analyzer.report.timeline_mermaid import error_rules_of, mermaid_blocks
    from analyzer.report.timeline_text import MIN_SPAN

    run = subprocess.run([sys.executable, "-m", "analyzer", "check", "samples/", "-f", "json"], cwd=ROOT,
                         capture_output=True, text=True, env={**os.environ, "RLA_LANG": "en"})
    doc = json.loads(run.stdout)
    out: list[tuple[str, str, dict | None]] = []
    seen: set[str] = set()
    for f in doc["files"]:
        d = f["diagnosis"]
        tl = d and d["timeline"]
        if not tl or tl["last_seconds"] - tl["first_seconds"] < MIN_SPAN:
            continue
        for lang in ("en", "fr"):
            lines = mermaid_blocks(tl, error_rules_of(d["findings"]), lang)
            for block in "\n".join(lines).split("```mermaid")[1:]:
                body = block.split("```")[0].strip()
                if body not in seen:
                    seen.add(body)
                    out.append((f"{f['path']} ({lang})", body, {**tl, "errors": sorted(error_rules_of(d["findings"]))}))
    for block in GOLDEN.read_text(encoding="utf-8").split("```mermaid")[1:]:
        out.append((GOLDEN.name, block.split("```")[0].strip(), None))
    return out


RENDER = """async ([id, text]) => {
  try { await mermaid.parse(text); } catch (e) { return {error: 'parse: ' + String(e && e.message || e)}; }
  let svg;
  try { svg = (await mermaid.render(id, text)).svg; } catch (e) { return {error: 'render: ' + String(e && e.message || e)}; }
  const box = document.createElement('div'); box.innerHTML = svg; document.body.appendChild(box);
  const texts = [...box.querySelectorAll('text')].map(t => t.textContent.trim());
  const lines = [...box.querySelectorAll('g[class^=line-plot] path')].map(p => (p.getAttribute('d').match(/[ML]/g) || []).length);
  const strokes = [...box.querySelectorAll('g[class^=line-plot] path')].map(p => p.getAttribute('stroke'));
  const tasks = box.querySelectorAll('rect.task').length;
  const milestones = box.querySelectorAll('rect.task.milestone, rect.milestone').length;
  box.remove();
  return {texts, lines, strokes, tasks, milestones, syntaxError: /Syntax error/i.test(svg)};
}"""


def _lines_expected(tl: dict) -> int:
    from analyzer.report.timeline_mermaid import MAX_LINES

    instances = {s["instance"] for s in tl["series"] if s["rule"] in tl["errors"]}
    return min(len(instances), MAX_LINES)


def test_every_mermaid_block_renders_in_the_real_library(tmp_path: Path) -> None:
    sync_playwright = _browser_or_skip()
    js = _mermaid_js()
    blocks = _blocks()
    assert len(blocks) >= 6, [name for name, _, _ in blocks]  # several samples span a minute, in two languages
    kinds = {block.split("\n")[1 if block.startswith("%%") else 0].strip() for _, block, _ in blocks}
    assert kinds == {"xychart-beta", "gantt"}
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True,
                                                   args=FLAGS)
        try:
            page = ctx.pages[0] if ctx.pages else ctx.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            ctx.route("**/*", lambda route: route.abort())  # Mermaid draws offline, as GitHub's does
            page.set_content("<!doctype html><html><body></body></html>")
            page.add_script_tag(path=str(js))
            page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
            for n, (name, block, tl) in enumerate(blocks):
                got = page.evaluate(RENDER, [f"m{n}", block])
                assert "error" not in got, f"{name}: {got['error']}\n{block}"
                assert not got["syntaxError"], f"{name}: Mermaid drew its syntax-error picture\n{block}"
                head = [ln.strip() for ln in block.splitlines() if not ln.startswith("%%")][0]
                if head == "xychart-beta":
                    labels = json.loads("[" + block.split("x-axis [", 1)[1].split("]", 1)[0] + "]")
                    title = block.split('title "', 1)[1].split('"', 1)[0]
                    assert title in got["texts"] and all(lab in got["texts"] for lab in labels), (name, got["texts"])
                    assert got["lines"] == [len(labels)] * block.count("    line ["), (name, got["lines"])
                    assert "#ECECFF" not in got["strokes"] and len(set(got["strokes"])) == len(got["strokes"])
                    if tl is not None:
                        assert len(got["lines"]) == _lines_expected(tl), name
                else:
                    states = [ln for ln in block.splitlines() if ":done," in ln or ":crit," in ln or ":active," in ln]
                    events = [ln for ln in block.splitlines() if ":milestone," in ln]
                    assert got["tasks"] == len(states) + len(events), (name, got)
                    assert got["milestones"] == len(events), (name, got)
                    names = [ln.strip().split(" :", 1)[0] for ln in states + events]
                    assert all(x in got["texts"] for x in names), (name, names, got["texts"])
                    if tl is not None:
                        assert (len(states), len(events)) == (len(tl["states"]), len(tl["markers"])), name
            assert errors == [], errors
        finally:
            ctx.close()
