"""The run document: many diagnoses (one per log sample) plus what the gate made of them.

`rla check --format json` prints it; github, junit, sarif and the check's markdown and table are
thin functions of it. `rla analyze` wraps its single diagnosis in the same document to get the CI
formats too (`single_run`). Every finding keeps the canonical schema-1 fields of `to_dict` and adds:
`fingerprint` (stable across line shifts: rule + evidence with the variable parts folded),
`baseline` (known, does not fail) and `gate` (this finding fails the run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from analyzer import __version__
from analyzer.judge_shapes import template_of
from analyzer.model import Diagnosis, Finding, Severity
from analyzer.report import SCHEMA, ReportContext, to_dict

try:  # SHA-256 built into CPython: hashlib loads OpenSSL first, a few ms of every rla check
    from _sha256 import sha256  # Python 3.11
except ImportError:
    try:
        from _sha2 import sha256  # type: ignore[no-redef]  # 3.12 and later
    except ImportError:  # another interpreter
        from hashlib import sha256

# Statuses of one file in a run.
PASS, FAIL, PENDING, ERROR, MISSING = "pass", "fail", "pending", "error", "missing"
_STAND_IN = re.compile(r"«secret-\d+»")


def fingerprint(finding: Finding) -> str:
    """rule + the finding's evidence with line numbers, times, addresses, counts and secrets folded.

    Moving a log by a few lines, a new deploy's instance id or time, or a different retry count
    keep the fingerprint; a different error code, host or message changes it.
    """
    fields = sorted((k, template_of(_STAND_IN.sub("«secret»", v))) for k, v in finding.fields.items())
    sample = template_of(_STAND_IN.sub("«secret»", finding.sample))
    text = "\x1f".join([finding.rule_id, *(f"{k}={v}" for k, v in fields), sample])
    return sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Problem:
    """A way a sample's diagnosis differs from its expectation (or why a file could not be checked)."""

    kind: str  # missing | unexpected | count | verdict | root_cause | sample | read
    message: str
    rule: str | None = None


@dataclass
class FileResult:
    """One checked file's diagnosis and whether it passes."""

    path: str  # as shown in reports
    diag: Diagnosis | None = None
    pending: str | None = None  # pending reason (expectation mode)
    error: str | None = None  # could not be read
    expected: bool = False  # an expectation was compared
    problems: list[Problem] = field(default_factory=list)
    baseline: set[tuple[str, str]] = field(default_factory=set)  # (rule, fingerprint) already known


@dataclass
class Run:
    """A `rla check` run: every file's result."""

    results: list[FileResult]
    fail_on: Severity = Severity.ERROR
    mode: str = "severity"  # severity | expect | baseline
    baseline_file: str | None = None
    baseline_gone: list[dict[str, Any]] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)  # files found that no expectation names
    ignored: tuple[str, ...] = ()  # rule ids filtered out by select/ignore (for the junit cases)


def diff(diag: Diagnosis, exp: Any, allows: Any = None, lang: str = "en") -> list[Problem]:
    """analyzer.expect.compare, with each difference's kind and rule kept (same catalogue sentences),
    limited to the rules --select/--ignore leave in."""
    from analyzer.i18n import Msg, tr

    allows = allows or (lambda _id: True)
    out = []

    def add(kind: str, msg: Msg, rule: str | None = None) -> None:
        out.append(Problem(kind, str(tr(msg, lang)), rule))

    if exp.verdict is not None and diag.verdict.state != exp.verdict:
        add("verdict", Msg("expect.verdict", got=diag.verdict.state, want=exp.verdict))
    if exp.root_cause is not None and diag.verdict.root_cause != exp.root_cause:
        add("root_cause", Msg("expect.root_cause", got=diag.verdict.root_cause, want=exp.root_cause))
    if exp.findings is None:  # left out: only the verdict and root cause are checked
        return out
    got = {f.rule_id: f.count for f in diag.findings if allows(f.rule_id)}
    wanted = {k: v for k, v in exp.findings.items() if allows(k)}
    for rule_id, count in wanted.items():
        if rule_id not in got:
            add("missing", Msg("expect.missing", id=rule_id), rule_id)
        elif count is not None and got[rule_id] != count:
            add("count", Msg("expect.count", id=rule_id, got=got[rule_id], want=count), rule_id)
    for rule_id in sorted(set(got) - set(wanted)):
        add("unexpected", Msg("expect.unexpected", id=rule_id, n=got[rule_id]), rule_id)
    return out


def _status(res: FileResult, gate_findings: int) -> str:
    if res.error is not None:
        return ERROR
    if res.pending is not None:
        return PENDING
    if any(p.kind == "sample" for p in res.problems):
        return MISSING
    return FAIL if res.problems or gate_findings else PASS


def run_dict(run: Run, ctx: ReportContext) -> dict[str, Any]:
    """The canonical check document (schema 1, kind 'check')."""
    files = []
    per_severity: dict[str, int] = {s.label: 0 for s in sorted(Severity, reverse=True)}
    per_rule: dict[str, int] = {}
    counts = {PASS: 0, FAIL: 0, PENDING: 0, ERROR: 0, MISSING: 0}
    new = 0
    for res in run.results:
        doc = None
        gates = 0
        if res.diag is not None:
            doc = to_dict(res.diag, ctx)
            for f, d in zip(res.diag.findings, doc["findings"]):
                fp = fingerprint(f)
                known = (f.rule_id, fp) in res.baseline
                gate = run.mode != "expect" and not known and f.severity >= run.fail_on
                d.update(fingerprint=fp, baseline=known, gate=gate)
                gates += gate
                new += gate
                if f.severity > Severity.OK:  # status lines (ready, connected) are not findings
                    per_severity[f.severity.label] += 1
                    per_rule[f.rule_id] = per_rule.get(f.rule_id, 0) + 1
        status = _status(res, gates)
        counts[status] += 1
        files.append(
            {
                "path": res.path,
                "status": status,
                "reason": res.pending or res.error,
                "expected": res.expected,
                "problems": [{"kind": p.kind, "rule": p.rule, "message": p.message} for p in res.problems],
                "diagnosis": doc,
            }
        )
    failed = counts[FAIL] + counts[MISSING] > 0
    return {
        "schema": SCHEMA,
        "kind": "check",
        "tool": {"name": "rla", "version": __version__},
        "mode": run.mode,
        "fail_on": run.fail_on.label,
        "ok": not failed and counts[ERROR] == 0,
        "files": files,
        "baseline": {"file": run.baseline_file, "gone": run.baseline_gone} if run.baseline_file else None,
        "unlisted": run.unlisted,
        "summary": {
            "files": len(run.results),
            "passed": counts[PASS],
            "failed": counts[FAIL] + counts[MISSING],
            "pending": counts[PENDING],
            "errors": counts[ERROR],
            "failing_findings": new,
            "findings": {k: v for k, v in per_severity.items() if v},
            "rules": dict(sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0]))),
        },
        "rules": [r.id for r in ctx.ruleset.rules if r.id not in run.ignored],
    }


def exit_status(doc: dict[str, Any]) -> int:
    """0 clean, 1 a failing finding or expectation, 2 a file could not be read."""
    if doc["summary"]["errors"]:
        return 2
    return 0 if doc["ok"] else 1


def single_run(diag: Diagnosis, ctx: ReportContext) -> dict[str, Any]:
    """`rla analyze`'s one diagnosis (all its inputs together) as a one-file run."""
    sources = diag.stats.sources
    path = sources[0] if len(sources) == 1 else (", ".join(sources) if sources else "<stdin>")
    try:
        level = Severity.parse(ctx.fail_on)
    except (AttributeError, ValueError):
        level = Severity.ERROR
    return run_dict(Run([FileResult(path, diag)], fail_on=level), ctx)


def location(finding: dict[str, Any], fallback: str) -> tuple[str, int]:
    """Where to point a CI annotation: the evidence's file and line, else the sample file."""
    source = finding["first"]["source"] or fallback
    if source == "<stdin>" or source.startswith("render:"):
        source = fallback
    return source, max(int(finding["first"]["line"] or 1), 1)


def _n(key: str, n: int, lang: str) -> str:
    """key.1 or key.n by the language's plural rule (French: 0 and 1 are singular)."""
    from analyzer.i18n import t

    one = n == 1 or (lang == "fr" and n == 0)
    return t(f"{key}.{'1' if one else 'n'}", lang, n=n)


def _sev(label: str, lang: str) -> str:
    from analyzer.i18n import known, t

    return t(f"sev.{label}", lang) if known(f"sev.{label}") else label


def headline(doc: dict[str, Any], lang: str = "en") -> str:
    from analyzer.i18n import t

    s = doc["summary"]
    parts = [_n("ci.files", s["files"], lang), _n("ci.passed", s["passed"], lang), t("ci.failed", lang, n=s["failed"])]
    if s["pending"]:
        parts.append(t("ci.pending", lang, n=s["pending"]))
    if s["errors"]:
        parts.append(_n("ci.unreadable", s["errors"], lang))
    text = ", ".join(parts)
    if s["findings"]:
        text += t("ci.findings", lang, list=", ".join(f"{_sev(k, lang)} {v}" for k, v in s["findings"].items()))
    if doc["mode"] != "expect":
        text += t("ci.gate", lang, n=s["failing_findings"], level=_sev(doc["fail_on"], lang))
        if doc["baseline"]:
            text += t("ci.gate.baseline", lang)
    return text


# ---- the check's own human formats (analyze keeps its table and markdown) -------------------------

_MARK = {PASS: "✅", FAIL: "❌", MISSING: "❌", PENDING: "⏸", ERROR: "⚠️", "warn": "⚠️", "unknown": "❔"}


def md_text(text: Any) -> str:
    """Text for a markdown table cell: `<key value>` and `<password>` in a fix step stay visible
    (GitHub would take them for HTML tags and drop them), pipes and newlines do not break the row."""
    out = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.replace("|", "\\|").replace("\n", "<br>")


_md = md_text


def _code(text: Any) -> str:
    """Inside a `code span` entities are shown as typed: only the table's pipe is escaped."""
    return str(text).replace("|", "\\|").replace("`", "'")


def health_mark(f: dict[str, Any]) -> str:
    """A file's state for people: ok only when it passed and Redis is healthy (or recovered);
    a file that passed the gate with Redis degraded or failing is `warn`, one that told nothing `?`."""
    if f["status"] != PASS or not f["diagnosis"]:
        return f["status"]
    state = f["diagnosis"]["verdict"]["state"]
    if state in ("healthy", "recovered"):
        return PASS
    return "unknown" if state == "unknown" else "warn"


def _reason(text: str | None, lang: str) -> str:
    """Why a file was not checked, in `lang` when it is a catalogue error (its final period may be cut)."""
    from analyzer.i18n import said

    if not text:
        return ""
    for candidate in (text, text + "."):
        shown = said(candidate, lang)
        if shown != candidate:
            return shown.rstrip(".") if candidate != text else shown
    return text


def render_markdown(doc: dict[str, Any], lang: str = "en", timeline: bool = True) -> str:
    """For a PR comment and $GITHUB_STEP_SUMMARY: verdict of the run, one row per file, details
    (with each failing file's Mermaid timeline unless --no-timeline)."""
    from analyzer.i18n import t
    from analyzer.times import human

    ok = doc["ok"]
    out = [t("ci.md.title.passed" if ok else "ci.md.title.failed", lang), "", headline(doc, lang), ""]
    out += [t("ci.md.header", lang), "|---|---|---|---|---|"]
    for f in doc["files"]:
        d = f["diagnosis"]
        verdict = d["verdict"]["text"] if d else _reason(f["reason"], lang)
        shown = [x for x in d["findings"] if x["severity"] != "ok"] if d else []
        tag = t("ci.md.baseline_tag", lang)
        findings = ", ".join(f"`{x['rule']}`×{x['count']}" + (tag if x.get("baseline") else "") for x in shown)
        problems = t("sep.semicolon", lang).join(p["message"] for p in f["problems"])
        out.append(f"| {_MARK[health_mark(f)]} | `{_code(f['path'])}` | {_md(verdict)} | {_md(findings)} | {_md(problems)} |")
    details = []
    for f in doc["files"]:
        gate = [x for x in (f["diagnosis"] or {}).get("findings", []) if x.get("gate")]
        if not gate:
            continue
        details += ["", f"#### `{_code(f['path'])}`", "", t("ci.md.details_header", lang), "|---|---|---|---|---|"]
        for x in gate:
            where = t("ci.line", lang, line=x["first"]["line"]) + (f" ({human(x['first']['time'], lang)})" if x["first"]["time"] else "")
            fix = "<br>".join(_md(f"• {s}") for s in x["solution"])
            details.append(f"| {_sev(x['severity'], lang)} | `{x['rule']}` {_md(x['title'])} | {where} | {_md(x['cause'])} | {fix} |")
        details += _timeline_md(f["diagnosis"], lang) if timeline else []
    out += details
    if doc["baseline"] and doc["baseline"]["gone"]:
        out += ["", t("ci.md.gone", lang, n=len(doc["baseline"]["gone"])), ""]
        out += [t("ci.md.gone_item", lang, rule=g["rule"], file=_md(g["file"])) for g in doc["baseline"]["gone"]]
    if doc["unlisted"]:
        out += ["", t("ci.md.unlisted", lang, n=len(doc["unlisted"]))]
    return "\n".join(out) + "\n"


def _timeline_md(diag: dict[str, Any], lang: str) -> list[str]:
    """The file's timeline as Mermaid charts (issue 18), when its log spans a minute or more."""
    from analyzer.report.timeline_mermaid import error_rules_of, mermaid_blocks
    from analyzer.report.timeline_text import MIN_SPAN

    tl = diag.get("timeline")
    if not tl or tl["last_seconds"] - tl["first_seconds"] < MIN_SPAN:
        return []
    charts = mermaid_blocks(tl, error_rules_of(diag["findings"]), lang)
    return ["", *charts] if charts else []


def table_view(doc: dict[str, Any]) -> dict[str, Any]:
    """The part of a run document that `render_table`, `headline` and `exit_status` read, for a table run
    to redact instead of the whole document: a few strings a file rather than every field of every
    diagnosis (evidence, timeline, fix steps), which was the largest part of a table check's output time."""
    files = []
    for f in doc["files"]:
        d = f["diagnosis"]
        if d is not None:
            d = {
                "verdict": {"text": d["verdict"]["text"], "state": d["verdict"]["state"]},
                "findings": [
                    {k: x[k] for k in ("gate", "severity", "rule", "count", "title")} | {"first": {"line": x["first"]["line"]}}
                    for x in d["findings"] if x.get("gate")  # the table lists the failing findings only
                ],
            }
        files.append({k: f[k] for k in ("path", "status", "reason", "problems")} | {"diagnosis": d})
    return {k: doc[k] for k in ("mode", "fail_on", "ok", "baseline", "unlisted", "summary")} | {"files": files}


def render_table(doc: dict[str, Any], lang: str = "en", width: int = 80) -> str:
    """Plain text for a terminal or a CI log: one line per file, what failed under it, a summary."""
    from analyzer.i18n import t
    from analyzer.terminal import cells, fit, wrap

    lines = []
    for f in doc["files"]:
        d = f["diagnosis"]
        # fixed-width marks, every language; `ok` only for a healthy log, never for a degraded one that passed
        mark = {PASS: "ok  ", "warn": "warn", "unknown": "?   ", FAIL: "FAIL", MISSING: "FAIL", PENDING: "pend", ERROR: "ERR "}[health_mark(f)]
        what = d["verdict"]["text"] if d else _reason(f["reason"], lang)
        head = f"{mark} {f['path']}  "
        if cells(head) > width - 30:  # a long path on its own line(s): beside it the verdict had a column a letter wide
            lines += [fit(x, width) for x in wrap(f["path"], width, f"{mark} ", "       ")]
            head = "       "
        lines += [fit(x, width) for x in wrap(what, width, head, "       ")]
        for p in f["problems"]:
            lines.append(f"       {p['message']}")
        for x in (d or {}).get("findings", []):
            if x.get("gate"):
                where = t("ci.line", lang, line=x["first"]["line"])
                lines.append(f"       {x['severity']:<8} {x['rule']} ×{x['count']}  {x['title']} ({where})")
    if doc["baseline"] and doc["baseline"]["gone"]:
        lines.append("")
        lines.append(t("ci.table.gone", lang, n=len(doc["baseline"]["gone"])))
        lines += ["       " + t("ci.table.gone_item", lang, rule=g["rule"], file=g["file"]) for g in doc["baseline"]["gone"]]
    if doc["unlisted"]:
        lines.append("")
        lines.append(t("ci.table.unlisted", lang, n=len(doc["unlisted"]), example=doc["unlisted"][0]))
    rules = doc["summary"]["rules"]
    lines.append("")
    lines.append(t("ci.table.passed" if doc["ok"] else "ci.table.failed", lang, headline=headline(doc, lang)))
    if rules:
        lines.append(t("ci.table.per_rule", lang, list=", ".join(f"{k} {v}" for k, v in rules.items())))
    return "\n".join(fit(line, width) for line in lines) + "\n"
