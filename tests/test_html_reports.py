"""`-f html` and `--no-timeline` on every command that diagnoses: check (the run as one page), fetch and
follow (the final report, against the fake Render API over real HTTP/WebSocket on 127.0.0.1).

Read with the stdlib's HTML parser: the page is one whole document, its rows and charts say what the
JSON of the same run says. tests/test_html_browser.py opens the pages in a real browser.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import NOW_NS, TEST_NOW  # noqa: E402
from tests.fake_render_api import FakeData, FakeRender, _level_of  # noqa: E402

DASHBOARD = ROOT / "samples/dashboard/node-app"
OUTAGE = ROOT / "samples/timeline/outage-two-instances.txt"
KEY = "rnd_HtmlReportsSecret_5e2b"
OWNER = "tea-htmlreportsowner0000"
SID = "srv-htmlreportshtmlrep01"
API_SAMPLE = ROOT / "samples/api/node-app/refused-remote.jsonl"


class Page(HTMLParser):
    """What a test asks of a page: elements by tag and class, their attributes and text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[list[str]] = []
        self.text = text
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        chunks: list[str] = []
        self.elements.append((tag, {k: v or "" for k, v in attrs}, chunks))
        if tag not in ("meta", "br", "line", "rect", "path", "circle", "input"):
            self._open.append(chunks)

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag not in ("meta", "br", "line", "rect", "path", "circle", "input"):
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for chunks in self._open:
            chunks.append(data)

    def find(self, tag: str, cls: str | None = None) -> list[tuple[dict[str, str], str]]:
        return [(a, "".join(c)) for t, a, c in self.elements
                if t == tag and (cls is None or cls in a.get("class", "").split())]


def rla(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analyzer", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env or {**os.environ, "RLA_LANG": "en", "NO_COLOR": "1", "COLUMNS": "100"},
                          timeout=timeout)


def is_one_page(text: str) -> None:
    assert text.startswith("<!doctype html>"), text[:200]
    assert text.rstrip().endswith("</html>") and text.count("<html") == 1
    assert "<script" not in text


# --------------------------------------------------------------------------- rla check -f html


def test_check_html_is_the_run_as_a_page(tmp_path: Path) -> None:
    out = tmp_path / "check.html"
    run = rla("check", str(DASHBOARD), str(OUTAGE), "-f", "html", "-o", str(out))
    doc = json.loads(rla("check", str(DASHBOARD), str(OUTAGE), "-f", "json").stdout)
    table = rla("check", str(DASHBOARD), str(OUTAGE))
    assert run.returncode == table.returncode == 1, run.stderr  # the same gate in every format
    assert run.stdout == ""
    text = out.read_text(encoding="utf-8")
    is_one_page(text)
    page = Page(text)
    assert page.find("span", "badge")[0][1] == "failed"
    # one row per file, in the run's order, each with its state in words and its failing findings
    rows = page.find("tr", "file-row")
    assert len(rows) == len(doc["files"]) == doc["summary"]["files"]
    marks = [a["data-mark"] for a, _ in page.find("span", "badge") if "data-mark" in a]
    row_marks = marks[: len(rows)]
    want = {"pass": "pass", "fail": "fail"}
    for f, mark, (_, row) in zip(doc["files"], row_marks, rows):
        assert f["path"] in row
        gate = [x for x in f["diagnosis"]["findings"] if x["gate"]]
        for x in gate:
            assert f"{x['rule']} ×{x['count']}" in row
        if f["status"] == "fail":
            assert mark == "fail"
        elif f["diagnosis"]["verdict"]["state"] in ("healthy", "recovered"):
            assert mark == want[f["status"]]
    # each file's section: open when it needs a look, folded when healthy and passed
    details = page.find("details")
    assert len(details) == len(doc["files"])
    for f, (attrs, _) in zip(doc["files"], details):
        healthy_pass = f["status"] == "pass" and f["diagnosis"]["verdict"]["state"] in ("healthy", "recovered")
        assert ("open" in attrs) != healthy_pass, f["path"]
    # one chart per file with a timeline, its lanes those of the file's instances with Redis errors
    timelines = [f["diagnosis"]["timeline"] for f in doc["files"] if f["diagnosis"]["timeline"]]
    for shape in ("wide", "narrow"):  # a laptop's chart and a phone's (CSS shows one)
        charts = [a for a, _ in page.find("svg", shape) if "data-buckets" in a]
        assert len(charts) == len(timelines) >= 2
        assert [int(a["data-buckets"]) for a in charts] == [tl["buckets"] for tl in timelines]
    ids = [a["id"] for t, a, _ in page.elements if "id" in a]
    assert len(ids) == len(set(ids)), "element ids repeat across the files' charts"
    outage = next(i for i, f in enumerate(doc["files"]) if f["path"].endswith("outage-two-instances.txt"))
    lanes = [a["data-instance"] for a, _ in page.find("g", "series")]
    assert {"k7p2x", "m4q9z"} <= set(lanes)
    for x in doc["files"][outage]["diagnosis"]["findings"]:  # each finding of the file, under the file's own ids
        assert (f'id="f{outage}-{x["rule"]}"' in text) == (x["severity"] != "ok"), x["rule"]
    # the gate's own words on the findings that fail it
    assert text.count("fails the check") == doc["summary"]["failing_findings"]


def test_check_html_in_french_and_redacted(tmp_path: Path) -> None:
    canary = "Canary5ecretPw0rd"
    log = tmp_path / "leak.txt"
    log.write_text((DASHBOARD / "degraded.txt").read_text(encoding="utf-8")
                   + f"08:46:25 PM [ccwge] Error: connect to redis://default:{canary}@red-abc:6379 failed\n",
                   encoding="utf-8")
    out = tmp_path / "r.html"
    run = rla("check", str(log), "-f", "html", "-o", str(out), "--lang", "fr")
    assert run.returncode == 1, run.stderr
    text = out.read_text(encoding="utf-8")
    assert canary not in text and "redis://default:" in text
    assert '<html lang="fr">' in text and "Vérification rla échouée" in text and "fait échouer" in text


def test_check_html_with_expectations_says_what_differs(tmp_path: Path) -> None:
    sample = tmp_path / "degraded.txt"
    sample.write_text((DASHBOARD / "degraded.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "expected.yaml").write_text("samples:\n  degraded.txt:\n    verdict: healthy\n", encoding="utf-8")
    out = tmp_path / "e.html"
    run = rla("check", str(tmp_path), "--expect", str(tmp_path / "expected.yaml"), "-f", "html", "-o", str(out))
    assert run.returncode == 1, run.stderr
    page = Page(out.read_text(encoding="utf-8"))
    problems = page.find("ul", "problems")
    assert len(problems) == 1 and "healthy" in problems[0][1] and "degraded" in problems[0][1]


# --------------------------------------------------------------------------- --no-timeline


def test_no_timeline_on_check_and_analyze(tmp_path: Path) -> None:
    with_md = rla("check", str(OUTAGE), "-f", "markdown").stdout
    without_md = rla("check", str(OUTAGE), "-f", "markdown", "--no-timeline").stdout
    assert "```mermaid" in with_md and "```mermaid" not in without_md
    assert without_md.split("\n", 1)[0] == with_md.split("\n", 1)[0]
    root = json.loads(rla("analyze", str(OUTAGE), "-f", "json").stdout)["verdict"]["root_cause"]
    assert root
    for command in ("check", "analyze"):
        on, off = tmp_path / f"{command}-on.html", tmp_path / f"{command}-off.html"
        rla(command, str(OUTAGE), "-f", "html", "-o", str(on))
        rla(command, str(OUTAGE), "-f", "html", "-o", str(off), "--no-timeline")
        assert "data-buckets" in on.read_text(encoding="utf-8")
        text = off.read_text(encoding="utf-8")
        assert "data-buckets" not in text and f'id="{root}"' in text.replace('id="f0-', 'id="'), command


# --------------------------------------------------------------------------- fetch and follow


def _api_logs(data: FakeData, start_ns: int, every_s: int) -> list[dict]:
    """The real lines of an ioredis app refused by its Redis, one every `every_s` seconds (a span the
    timeline draws), on two instances."""
    messages = [json.loads(line)["message"] for line in API_SAMPLE.read_text(encoding="utf-8").splitlines()]
    return [data.logs.make(m, resource=SID, ns=start_ns + i * every_s * 10**9, level=_level_of(m, None),
                           instance=f"{SID}-{'ab12c' if i % 2 else 'de34f'}")
            for i, m in enumerate(messages)]


def _fake() -> FakeRender:
    data = FakeData()
    data.add_owner(OWNER, "Html")
    data.add_service("html-app", SID, owner_id=OWNER)
    return FakeRender(data, api_key=KEY)


def _env(fake: FakeRender) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RENDER_", "RLA_"))}
    env.update({"RLA_NOW": TEST_NOW, "RENDER_HOST": fake.url, "RENDER_API_KEY": KEY, "NO_COLOR": "1",
                "RLA_LANG": "en", "COLUMNS": "100", "RLA_BACKOFF_BASE": "0.02", "RLA_BACKOFF_CAP": "0.1"})
    return env


def test_fetch_html_and_no_timeline(tmp_path: Path) -> None:
    with _fake() as fake:
        fake.data.logs.add(_api_logs(fake.data, NOW_NS - 1800 * 10**9, 5))
        out = tmp_path / "fetch.html"
        page_run = rla("fetch", "html-app", "--since", "1h", "-f", "html", "-o", str(out), env=_env(fake))
        doc = json.loads(rla("fetch", "html-app", "--since", "1h", "-f", "json", env=_env(fake)).stdout)
        table = rla("fetch", "html-app", "--since", "1h", env=_env(fake)).stdout
        bare = rla("fetch", "html-app", "--since", "1h", "--no-timeline", env=_env(fake)).stdout
    assert page_run.returncode == 1, page_run.stderr
    assert page_run.stdout == ""
    text = out.read_text(encoding="utf-8")
    is_one_page(text)
    assert KEY not in text
    assert doc["timeline"] is not None and doc["verdict"]["root_cause"] == "redis-econnrefused"
    page = Page(text)
    lanes = {a["data-instance"]: int(a["data-points"]) for a, _ in page.find("g", "series")}
    assert lanes and set(lanes.values()) == {doc["timeline"]["buckets"]}
    assert f'id="{doc["verdict"]["root_cause"]}"' in text
    assert "html-app" in text  # the service read, in "What was read"
    assert "Timeline" in table and "Timeline" not in bare
    assert bare.split("\n", 1)[0] == table.split("\n", 1)[0]  # the same verdict


@pytest.mark.realtime_waits  # the live tail's timed waits (it reads no date: rla and the fake share RLA_NOW)
@pytest.mark.parametrize("timeline", [True, False])
def test_follow_final_report_as_html(tmp_path: Path, timeline: bool) -> None:
    """Not a terminal: stdout holds the one page, and no "new finding" line before it."""
    with _fake() as fake:
        args = ["follow", "html-app", "-f", "html", "--for", "4s"] + ([] if timeline else ["--no-timeline"])
        proc = subprocess.Popen([sys.executable, "-m", "analyzer", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, env=_env(fake))
        deadline = time.monotonic() + 20
        while fake.ws_connections == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        fake.data.logs.add(_api_logs(fake.data, fake.now_ns() + 10**9, 5))
        stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 1, stderr
    is_one_page(stdout)
    assert "redis-econnrefused" in stdout and KEY not in stdout
    assert ("data-buckets" in stdout) == timeline
