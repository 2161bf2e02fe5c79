"""--format junit: the JUnit XML that CI servers read (Jenkins, GitLab, Azure, CircleCI …).

One <testsuite> per sample with one <testcase>: the sample is the test (2 samples give 2 cases, not
2 × every rule). Findings that fail the gate, or in expectation mode every mismatch (verdict, root
cause, missing or unexpected finding), make its one <failure>, each listed with cause and fix;
findings below the threshold or in the baseline are noted in <system-out> with the verdict; status
lines are not findings; several sources add one line each, with its own verdict, under the overall one in
<system-out>. A pending sample is skipped, one that cannot be read is an <error>. Valid against the common Jenkins /
Surefire schema (junit-10.xsd, see tests/schemas/).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from analyzer.report import ReportContext
from analyzer.report.ci import ERROR, MISSING, PENDING

# Characters XML 1.0 cannot carry at all (terminal escapes in a log line, NUL …).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: Any) -> str:
    return _ILLEGAL.sub("\ufffd", str(text))


def _finding_text(x: dict[str, Any]) -> str:
    first = x["first"]
    where = f"{first['source']}:{first['line']}" + (f" at {first['time']}" if first["time"] else "")
    lines = [
        f"{x['title']} ({x['severity']}, ×{x['count']}, first {where})",
        f"Cause: {x['cause']}",
        "Fix:",
        *[f"  • {s}" for s in x["solution"]],
        f"Evidence: {x['sample']}",
    ]
    if x.get("docs"):
        lines.append("Docs: " + " ".join(x["docs"]))
    return "\n".join(lines)


def _case(suite: ET.Element, name: str, classname: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", name=_clean(name), classname=_clean(classname), time="0")


def _suite(root: ET.Element, f: dict[str, Any], expect: bool) -> tuple[int, int, int, int]:
    """One <testsuite> per sample holding one <testcase>: the sample passes or fails as a whole,
    its failing findings (or expectation mismatches) listed in one <failure>."""
    path = f["path"]
    suite = ET.SubElement(root, "testsuite", name=_clean(path))
    failures = errors = skipped = 0
    if f["status"] not in (ERROR, PENDING, MISSING):
        diag = f["diagnosis"]
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="verdict", value=diag["verdict"]["state"])
        ET.SubElement(props, "property", name="root_cause", value=diag["verdict"]["root_cause"] or "")
        ET.SubElement(props, "property", name="lines", value=str(diag["stats"]["lines"]))
    case = _case(suite, path, "rla." + path)
    if f["status"] == ERROR:
        ET.SubElement(case, "error", type="unreadable", message=_clean(f["reason"] or "cannot read"))
        errors = 1
    elif f["status"] == PENDING:
        ET.SubElement(case, "skipped", message=_clean(f["reason"] or "pending"))
        skipped = 1
    elif f["status"] == MISSING:
        ET.SubElement(case, "failure", type="sample", message=_clean("; ".join(p["message"] for p in f["problems"])))
        failures = 1
    else:
        diag = f["diagnosis"]
        shown = [x for x in diag["findings"] if x["severity"] != "ok"]  # status lines are not findings
        by_rule = {x["rule"]: x for x in shown}
        gate = [x for x in shown if x.get("gate")]
        if f["problems"] or gate:
            heads = [p["message"] for p in f["problems"]] + [f"{x['rule']} ×{x['count']} ({x['severity']})" for x in gate]
            body = [p["message"] + ("\n" + _finding_text(by_rule[p["rule"]]) if p["rule"] in by_rule else "")
                    for p in f["problems"]]
            body += [_finding_text(x) for x in gate]
            kind = f["problems"][0]["kind"] if f["problems"] else gate[0]["severity"]
            failure = ET.SubElement(case, "failure", type=_clean(kind), message=_clean("; ".join(heads)))
            failure.text = _clean("\n\n".join(body))
            failures = 1
        others = [x for x in shown if not x.get("gate")]
        note = "expected" if expect else None
        out = [diag["verdict"]["text"]]
        if diag.get("per_source"):  # several sources: the overall line above, then one line per source
            out.append("\n".join(f"{sv['source']}: {sv['text']}" for sv in diag["per_source"]))
        for x in others:
            why = note or ("in the baseline" if x.get("baseline") else "below the --fail-on threshold")
            out.append(f"{why}: {_finding_text(x)}")
        out += [n["text"] for n in diag.get("not_redis", [])]  # said, never a failure: not a Redis problem
        ET.SubElement(case, "system-out").text = _clean("\n\n".join(out))
    suite.set("tests", "1")
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    suite.set("time", "0")
    return 1, failures, errors, skipped


def render_junit(doc: dict[str, Any], ctx: ReportContext) -> str:
    root = ET.Element("testsuites", name="rla")
    totals = [0, 0, 0, 0]
    for f in doc["files"]:
        for i, n in enumerate(_suite(root, f, doc["mode"] == "expect")):
            totals[i] += n
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    root.set("time", "0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ['<?xml version="1.0" encoding="UTF-8"?>\n', "\n"]
    )
