"""The HTML report as a person sees it: opened in a real headless Chromium (Debian's `chromium`, driven
by Playwright with the system browser; `make test` and .ci/run install it) at 1280 and 390 px.

No console error, no request leaving the file, no sideways scrolling of the page; the chart has one
series per instance that has Redis errors, each with one point per time bucket of the JSON report;
each deploy marker sits where the sample's own "==> Deploying..." line says, on screen. A screenshot
is written (to tmp, or to $RLA_SCREENSHOT_DIR: `make screenshots` refreshes docs/).

Skipped, saying why, only where no browser is installed; under CI it fails instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

# Chromium and Playwright's node driver hang under libfaketime (make test-clock); the pages read no date.
pytestmark = pytest.mark.realtime_waits

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SAMPLES = {
    "degraded": ROOT / "samples/dashboard/node-app/degraded.txt",
    "recovery": ROOT / "samples/dashboard/node-app/recovery.txt",
    "outage": ROOT / "samples/timeline/outage-two-instances.txt",
}
WIDTHS = (1280, 390)


def _browser_or_skip():  # type: ignore[no-untyped-def]
    why = None
    if CHROMIUM is None:
        why = "no chromium on PATH (apt-get install chromium; make test installs it where it can)"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        why = why or "the playwright package is missing (pip install -e '.[test]')"
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: {why}")
        pytest.skip(f"browser tests skipped: {why}")
    return sync_playwright


def _rla(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analyzer", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "RLA_LANG": "en"})


def _deploy_times(sample: Path) -> list[tuple[str, int]]:
    """The sample's own deploy lines (time as written, seconds of the day), read with a regex of the
    test's, not rla's parser."""
    out = []
    for line in sample.read_text(encoding="utf-8").splitlines():
        m = re.match(r"((\d\d):(\d\d):(\d\d) ([AP]M)) ==> Deploying\.\.\.", line)
        if m:
            h = int(m.group(2)) % 12 + (12 if m.group(5) == "PM" else 0)
            out.append((m.group(1), h * 3600 + int(m.group(3)) * 60 + int(m.group(4))))
    return out


def _error_instances(doc: dict) -> set[str]:
    """Instances whose series count a finding at warning or worse that is not a mere symptom."""
    sev = {f["rule"]: f for f in doc["findings"]}
    bad = {r for r, f in sev.items() if f["severity"] in ("warning", "error", "critical")}
    main = {r for r in bad if sev[r]["kind"] != "symptom"} or bad
    return {s["instance"] for s in doc["timeline"]["series"] if s["rule"] in main and sum(s["counts"])}


@contextmanager
def _opened(p, profile: Path, url: str, width: int, height: int = 900):  # type: ignore[no-untyped-def]
    """The page at `url` in chromium at this width, loaded, checked for what no page may do: log a console
    error, or send a request anywhere but its own file."""
    ctx = p.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
                                               viewport={"width": width, "height": height}, device_scale_factor=1)
    try:
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        errors: list[str] = []
        outside: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        ctx.route("**/*", lambda route: route.continue_() if route.request.url == url
                  else (outside.append(route.request.url), route.abort()))
        page.goto(url)
        page.wait_for_load_state("load")
        assert errors == [], errors
        assert outside == [], f"requests left the file: {outside}"
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"the page scrolls sideways at {width} px ({scroll} px wide)"
        yield page
    finally:
        ctx.close()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_html_report_in_a_real_browser(name: str, tmp_path: Path) -> None:
    sample = SAMPLES[name]
    if not sample.exists():
        pytest.fail(f"{sample} is missing")
    sync_playwright = _browser_or_skip()
    report = tmp_path / "report.html"
    run = _rla("analyze", str(sample.relative_to(ROOT)), "-f", "html", "-o", str(report))  # the path as a user types it
    assert run.returncode in (0, 1), run.stderr
    doc = json.loads(_rla("analyze", str(sample), "-f", "json").stdout)
    tl = doc["timeline"]
    assert tl is not None
    instances = _error_instances(doc)
    assert instances, "the sample has Redis errors on some instance"
    deploys = _deploy_times(sample)
    assert deploys, "every sample here starts with a deploy line"
    shots = Path(os.environ.get("RLA_SCREENSHOT_DIR") or tmp_path)
    url = report.as_uri()
    with sync_playwright() as p:
        for width in WIDTHS:
            with _opened(p, tmp_path / f"profile-{width}", url, width) as page:
                # the chart drawn for this width (a laptop's, or a phone's drawn narrower): the one on screen
                shown = page.eval_on_selector_all("svg[data-t0]", "els => els.map(e => e.checkVisibility())")
                assert shown.count(True) == 1, shown
                chart = f"svg[data-t0].{'wide' if width > 600 else 'narrow'}"
                series = page.eval_on_selector_all(
                    f"{chart} g.series", "els => els.map(e => [e.dataset.instance, e.querySelectorAll('g.pt').length])")
                assert {s for s, _ in series} == instances
                assert all(points == tl["buckets"] for _, points in series), (series, tl["buckets"])
                # a phone draws its own chart rather than a laptop's shrunk: the lane names stay readable
                label = page.eval_on_selector(f"{chart} g.series text", "e => e.getBoundingClientRect().height")
                assert label >= 9, f"lane labels {label:.1f} px high at {width} px"
                marks = page.eval_on_selector_all(
                    f"{chart} g.marker[data-kind=deploy]",
                    "els => els.map(e => { const l = e.querySelector('line').getBoundingClientRect();"
                    " return [e.dataset.time, l.left + l.width / 2]; })")
                assert [m[0] for m in marks] == [text for text, _ in deploys]
                box = page.evaluate(
                    "(c => { const s = document.querySelector(c); const r = s.getBoundingClientRect();"
                    " const d = s.dataset; return [r.left, r.width, +d.x0, +d.x1, +d.t0, +d.t1, s.viewBox.baseVal.width]; })",
                    chart)
                left, px, x0, x1, t0, t1, vbw = box
                for (shown, at), (_, of_day) in zip(marks, deploys):
                    seconds = of_day + (t0 // 86400) * 86400
                    want = left + (x0 + (seconds - t0) / (t1 - t0) * (x1 - x0)) / vbw * px
                    assert abs(at - want) < 1.5, (shown, at, want)
                # the verdict reads first, in the state's own words, without colour
                badge = page.inner_text("header .badge").lower()
                assert badge == {"recovered": "recovered", "degraded": "degraded", "failing": "failing"}.get(
                    doc["verdict"]["state"], badge)
                path = shots / f"report-{name}-{width}.png"
                page.screenshot(path=str(path), full_page=True)
                assert path.stat().st_size > 10_000


CHECKED = ["samples/dashboard/node-app/degraded.txt", "samples/dashboard/node-app/recovery.txt",
           "samples/dashboard/node-app/healthy.txt", "samples/timeline/outage-two-instances.txt"]


def test_check_report_in_a_real_browser(tmp_path: Path) -> None:
    """`rla check -f html`: the gate's verdict and one row per file on the first screen; the files that
    need a look open, each with its chart; a healthy file that passed folded."""
    sync_playwright = _browser_or_skip()
    report = tmp_path / "check.html"
    run = _rla("check", *CHECKED, "-f", "html", "-o", str(report))
    assert run.returncode == 1, run.stderr
    doc = json.loads(_rla("check", *CHECKED, "-f", "json").stdout)
    opened = [f for f in doc["files"] if not (f["status"] == "pass" and f["diagnosis"]["verdict"]["state"] == "healthy")]
    charts = sum(1 for f in opened if f["diagnosis"]["timeline"])
    shots = Path(os.environ.get("RLA_SCREENSHOT_DIR") or tmp_path)
    url = report.as_uri()
    with sync_playwright() as p:
        for width in WIDTHS:
            with _opened(p, tmp_path / f"profile-{width}", url, width, 900 if width > 600 else 1400) as page:
                assert page.inner_text("header .badge").lower() == "failed"
                rows = page.eval_on_selector_all("tr.file-row", "els => els.map(e => e.innerText)")
                assert len(rows) == len(CHECKED)
                assert all(path in row for path, row in zip((f["path"] for f in doc["files"]), rows))
                # the table is on the first screen, whole
                bottom = page.eval_on_selector("table.files", "e => e.getBoundingClientRect().bottom")
                assert bottom <= page.viewport_size["height"], f"the files table ends at {bottom} px"
                visible = page.eval_on_selector_all(
                    "svg[data-t0]", "els => els.filter(e => e.checkVisibility()).length")
                assert visible == charts
                path = shots / f"report-check-{width}.png"
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=str(path))
                assert path.stat().st_size > 10_000


def test_html_is_self_contained_and_redacted(tmp_path: Path) -> None:
    """No URL to fetch anything in the page; a password in a Redis URL of the log never reaches it."""
    log = tmp_path / "leak.txt"
    canary = "Canary5ecretPw0rd"
    text = (ROOT / "samples/dashboard/node-app/degraded.txt").read_text(encoding="utf-8")
    log.write_text(text.replace("10.0.3.7:6379", f"redis://default:{canary}@10.0.3.7:6379", 1)
                   + f"08:46:25 PM [ccwge] Error: connect to redis://default:{canary}@red-abc:6379 failed\n",
                   encoding="utf-8")
    out = tmp_path / "r.html"
    run = _rla("analyze", str(log), "-f", "html", "-o", str(out))
    assert run.returncode in (0, 1), run.stderr
    page = out.read_text(encoding="utf-8")
    assert canary not in page
    assert "redis://default:" in page  # the URL is still shown, its password masked
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", page)
    assert "<script" not in page and "@import" not in page and "url(http" not in page
