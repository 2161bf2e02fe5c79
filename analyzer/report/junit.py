"""--format junit: the JUnit XML that CI servers read (Jenkins, GitLab, Azure, CircleCI …).

One <testsuite> per sample, one <testcase> per sample × rule, so a clean rule shows as a pass
(not as nothing): a finding that fails the gate is a <failure>, one below the threshold or in the
baseline passes with a note in <system-out>. In expectation mode a missing or unexpected finding is
the rule's failure, a verdict or root-cause mismatch fails a `(verdict)` case, a pending sample is
one skipped case. A sample that cannot be read is an <error>. Valid against the common Jenkins /
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


def _suite(root: ET.Element, f: dict[str, Any], rule_ids: list[str], expect: bool) -> tuple[int, int, int, int]:
    path = f["path"]
    suite = ET.SubElement(root, "testsuite", name=_clean(path))
    classname = "rla." + path
    tests = failures = errors = skipped = 0
    if f["status"] == ERROR:
        case = _case(suite, "(read)", classname)
        ET.SubElement(case, "error", type="unreadable", message=_clean(f["reason"] or "cannot read"))
        tests, errors = 1, 1
    elif f["status"] == PENDING:
        case = _case(suite, "(pending)", classname)
        ET.SubElement(case, "skipped", message=_clean(f["reason"] or "pending"))
        tests, skipped = 1, 1
    elif f["status"] == MISSING:
        case = _case(suite, "(sample)", classname)
        for p in f["problems"]:
            ET.SubElement(case, "failure", type="sample", message=_clean(p["message"]))
        tests, failures = 1, 1
    else:
        diag = f["diagnosis"]
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="verdict", value=diag["verdict"]["state"])
        ET.SubElement(props, "property", name="root_cause", value=diag["verdict"]["root_cause"] or "")
        ET.SubElement(props, "property", name="lines", value=str(diag["stats"]["lines"]))
        by_rule = {x["rule"]: x for x in diag["findings"]}
        problems: dict[str | None, list[dict[str, Any]]] = {}
        for p in f["problems"]:
            problems.setdefault(p["rule"], []).append(p)
        if expect and f["expected"]:
            tests += 1
            case = _case(suite, "(verdict)", classname)
            ET.SubElement(case, "system-out").text = _clean(diag["verdict"]["text"])
            for p in problems.get(None, []):
                ET.SubElement(case, "failure", type=p["kind"], message=_clean(p["message"]))
            failures += bool(problems.get(None))
        extra = [r for r in list(by_rule) + [r for r in problems if r] if r not in rule_ids]
        for rule_id in list(dict.fromkeys(rule_ids + extra)):
            tests += 1
            case = _case(suite, rule_id, classname)
            x = by_rule.get(rule_id)
            failed = False
            for p in problems.get(rule_id, []):
                ET.SubElement(case, "failure", type=p["kind"], message=_clean(p["message"])).text = (
                    _clean(_finding_text(x)) if x else None
                )
                failed = True
            if x is not None and x.get("gate"):
                fail = ET.SubElement(case, "failure", type=x["severity"], message=_clean(f"{x['title']} (×{x['count']})"))
                fail.text = _clean(_finding_text(x))
                failed = True
            elif x is not None and not failed:
                note = "in the baseline" if x.get("baseline") else "below the --fail-on threshold"
                if expect:
                    note = "expected"
                ET.SubElement(case, "system-out").text = _clean(f"{note}: {_finding_text(x)}")
            failures += failed
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    suite.set("time", "0")
    return tests, failures, errors, skipped


def render_junit(doc: dict[str, Any], ctx: ReportContext) -> str:
    root = ET.Element("testsuites", name="rla")
    rule_ids = list(doc["rules"])
    totals = [0, 0, 0, 0]
    for f in doc["files"]:
        for i, n in enumerate(_suite(root, f, rule_ids, doc["mode"] == "expect")):
            totals[i] += n
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    root.set("time", "0")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ['<?xml version="1.0" encoding="UTF-8"?>\n', "\n"]
    )
