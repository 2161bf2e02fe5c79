"""--format github: GitHub Actions workflow commands, one annotation per finding or failure.

    ::error file=logs/a.log,line=12,title=redis-econnrefused: Redis refused the connection::…

A failing finding is an `error` annotation, other findings a `warning` (warning and up) or a
`notice` (info); ok-level status lines are not annotated. Several sources (files) give one `notice` each with
that source's own verdict, then one with the overall verdict. In expectation mode only the mismatches
are annotated (incident samples are expected to show errors). The markdown summary of the run goes
to $GITHUB_STEP_SUMMARY when that variable is set (see `append_step_summary`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from analyzer.report.ci import ERROR, MISSING, PENDING, headline, location

ENV = "GITHUB_STEP_SUMMARY"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, file: str | None = None, line: int | None = None, title: str | None = None) -> str:
    props = []
    if file:
        props.append(f"file={_prop(file)}")
    if line:
        props.append(f"line={line}")
    if title:
        props.append(f"title={_prop(title)}")
    return f"::{level}{' ' + ','.join(props) if props else ''}::{_data(message)}"


def _level(finding: dict[str, Any]) -> str | None:
    if finding.get("gate"):
        return "error"
    if finding.get("baseline"):
        return None
    return {"critical": "warning", "error": "warning", "warning": "warning", "info": "notice"}.get(finding["severity"])


def render_github(doc: dict[str, Any]) -> str:
    out = []
    expect = doc["mode"] == "expect"
    for f in doc["files"]:
        path = f["path"]
        if f["status"] == ERROR:
            out.append(command("error", f"cannot read the sample: {f['reason']}", path, None, "rla: unreadable sample"))
            continue
        if f["status"] == PENDING:
            out.append(command("notice", f"pending, not checked: {f['reason']}", path, None, "rla: pending sample"))
            continue
        for p in f["problems"]:
            title = "rla: sample missing" if f["status"] == MISSING else f"rla expectation: {p['kind'].replace('_', ' ')}"
            out.append(command("error", p["message"], path, None, title))
        if expect or not f["diagnosis"]:
            continue
        for x in f["diagnosis"]["findings"]:
            level = _level(x)
            if level is None:
                continue
            file, line = location(x, path)
            fix = " ".join(f"• {s}" for s in x["solution"])
            message = f"{x['cause']}\nFix: {fix}\n×{x['count']}, first: {x['sample']}"
            out.append(command(level, message, file, line, f"{x['rule']}: {x['title']}"))
        for n in f["diagnosis"].get("not_redis", []):  # said once, never a warning: not a Redis problem
            file, line = location(n, path)
            out.append(command("notice", n["text"], file, line, "rla: not Redis"))
        per_source = f["diagnosis"].get("per_source", [])
        for sv in per_source:  # several sources: each one's own story, then the overall line
            out.append(command("notice", sv["text"], sv["source"], None, f"rla: Redis {sv['state']} in this source"))
        if per_source:
            out.append(command("notice", f["diagnosis"]["verdict"]["text"], None, None, "rla: Redis overall"))
    if doc["baseline"]:
        for g in doc["baseline"]["gone"]:
            out.append(command("notice", f"baseline entry {g['rule']} no longer occurs", g["file"], None, "rla: fixed"))
    out.append(("rla check passed: " if doc["ok"] else "rla check failed: ") + headline(doc))
    return "\n".join(out) + "\n"


def append_step_summary(markdown: str) -> str | None:
    """Append to $GITHUB_STEP_SUMMARY when set; returns a problem sentence instead of raising."""
    path = os.environ.get(ENV)
    if not path:
        return None
    from analyzer.outfile import append_text

    try:
        append_text(Path(path), markdown if markdown.endswith("\n") else markdown + "\n")
    except OSError as exc:
        return f"cannot write the step summary {path} ({exc.strerror or exc})"
    return None
