"""--format sarif: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

The tool's rules are the rule pack (title, cause, fix and docs as help text); each finding is a
result located at the sample file and the line of its first evidence, with a stable partial
fingerprint. Baseline findings are kept as suppressed results (baselineState 'unchanged');
expectation mismatches and unreadable samples are results of the `rla-expectation` and `rla-input`
rules. Valid against the OASIS schema (tests/schemas/sarif-schema-2.1.0.json).
"""

from __future__ import annotations

import json
import os
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from analyzer.report import ReportContext
from analyzer.report.ci import ERROR, MISSING, location

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"critical": "error", "error": "error", "warning": "warning", "info": "note", "ok": "none"}
_SECURITY = {"critical": "9.0", "error": "7.0", "warning": "4.0", "info": "1.0", "ok": "0.0"}

_META_RULES = {
    "rla-expectation": (
        "A sample does not give the diagnosis its expectation file says",
        "The sample's findings differ from its entry in the expectations file (--expect): a finding is "
        "missing, unexpected, counted differently, or the verdict or root cause changed.",
        "error",
    ),
    "rla-input": ("A sample could not be read", "The file could not be read or decoded.", "error"),
    "rla-verdict": (
        "Redis's state in one source, and overall",
        "With several sources (files), each one's own verdict (healthy, degraded, failing, recovered or unknown, with "
        "its root cause), and the overall one: the worst source's.",
        "note",
    ),
    "rla-not-redis": (
        "A connection failure that is not Redis",
        "A refused, timed-out, unresolved, reset or TLS-failed connection that nothing ties to Redis (another "
        "service's port or URL, no Redis client, host or line nearby): listed, never a Redis finding.",
        "note",
    ),
}


def uri(path: str) -> tuple[str, str | None]:
    """A file path as a SARIF artifact URI, with %SRCROOT% for relative paths."""
    if os.path.isabs(path):
        return PurePosixPath(path.replace(os.sep, "/")).as_uri(), None
    rel = path.replace(os.sep, "/")
    while rel.startswith("./"):
        rel = rel[2:]
    return quote(rel, safe="/-._~"), "%SRCROOT%"


def _artifact(path: str) -> dict[str, Any]:
    u, base = uri(path)
    return {"uri": u, "uriBaseId": base} if base else {"uri": u}


def _rule_descriptor(rule: Any, lang: str) -> dict[str, Any]:
    texts = rule.text(lang)
    fix = "\n".join(f"- {s}" for s in texts.solution)
    docs = "\n".join(f"- {d}" for d in rule.docs)
    help_text = f"{texts.cause}\n\nFix:\n{fix}" + (f"\n\nDocs:\n{docs}" if docs else "")
    md = f"**{texts.title}**\n\n{texts.cause}\n\n**Fix**\n\n{fix}" + (f"\n\n**Docs**\n\n{docs}" if docs else "")
    out: dict[str, Any] = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": texts.title},
        "fullDescription": {"text": texts.cause},
        "help": {"text": help_text, "markdown": md},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.label]},
        "properties": {
            "tags": [t for t in ("redis", rule.topic, rule.kind) if t],
            "severity": rule.severity.label,
            "security-severity": _SECURITY[rule.severity.label],
        },
    }
    if rule.docs:
        out["helpUri"] = rule.docs[0]
    return out


def _meta_descriptor(rule_id: str) -> dict[str, Any]:
    title, text, level = _META_RULES[rule_id]
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split("-")),
        "shortDescription": {"text": title},
        "fullDescription": {"text": text},
        "help": {"text": text},
        "defaultConfiguration": {"level": level},
    }


def render_sarif(doc: dict[str, Any], ctx: ReportContext) -> str:
    scope = set(doc["rules"])
    descriptors = [_rule_descriptor(r, ctx.lang) for r in ctx.ruleset.rules if r.id in scope]
    index = {d["id"]: i for i, d in enumerate(descriptors)}

    def rule_ref(rule_id: str) -> dict[str, Any]:
        if rule_id not in index:
            if rule_id in _META_RULES:
                descriptors.append(_meta_descriptor(rule_id))
            else:  # a finding of a rule outside the pack in scope (should not happen)
                descriptors.append({"id": rule_id, "shortDescription": {"text": rule_id}})
            index[rule_id] = len(descriptors) - 1
        return {"ruleId": rule_id, "ruleIndex": index[rule_id]}

    results = []
    for f in doc["files"]:
        path = f["path"]
        file_loc = [{"physicalLocation": {"artifactLocation": _artifact(path)}}]
        if f["status"] == ERROR:
            results.append(
                {**rule_ref("rla-input"), "level": "error", "message": {"text": f"{path}: {f['reason']}"}, "locations": file_loc}
            )
            continue
        for p in f["problems"]:
            text = p["message"] if f["status"] != MISSING else f"{path}: {p['message']}"
            results.append(
                {
                    **rule_ref("rla-expectation"),
                    "level": "error",
                    "message": {"text": text},
                    "locations": file_loc,
                    "properties": {"kind": p["kind"], "rule": p["rule"]},
                }
            )
        if not f["diagnosis"] or doc["mode"] == "expect":
            continue
        for x in f["diagnosis"]["findings"]:
            if x["severity"] == "ok":
                continue
            source, line = location(x, path)
            result: dict[str, Any] = {
                **rule_ref(x["rule"]),
                "level": "error" if x.get("gate") else ("note" if x["severity"] == "info" else "warning"),
                "message": {"text": f"{x['title']}: {x['cause']} (×{x['count']})"},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _artifact(source),
                            "region": {"startLine": line, "snippet": {"text": x["sample"]}},
                        }
                    }
                ],
                "partialFingerprints": {"rlaEvidence/v1": x["fingerprint"]},
                "occurrenceCount": max(int(x["count"]), 1),
                "properties": {"severity": x["severity"], "fields": x["fields"], "gate": bool(x.get("gate"))},
            }
            if x["last"]["line"] and x["last"]["line"] != x["first"]["line"]:
                result["relatedLocations"] = [
                    {
                        "id": 1,
                        "message": {"text": "last occurrence"},
                        "physicalLocation": {
                            "artifactLocation": _artifact(location({"first": x["last"]}, path)[0]),
                            "region": {"startLine": max(int(x["last"]["line"]), 1)},
                        },
                    }
                ]
            if doc["baseline"] is not None:
                result["baselineState"] = "unchanged" if x.get("baseline") else "new"
            if x.get("baseline"):
                result["suppressions"] = [{"kind": "external", "justification": "in the rla baseline"}]
            results.append(result)
        per_source = f["diagnosis"].get("per_source", [])
        for sv in per_source:  # several sources: each one's own verdict, then the overall one (no location)
            results.append(
                {
                    **rule_ref("rla-verdict"),
                    "level": "note",
                    "message": {"text": sv["text"]},
                    "locations": [{"physicalLocation": {"artifactLocation": _artifact(sv["source"])}}],
                    "properties": {"state": sv["state"], "root_cause": sv["root_cause"]},
                }
            )
        if per_source:
            verdict = f["diagnosis"]["verdict"]
            results.append(
                {
                    **rule_ref("rla-verdict"),
                    "level": "note",
                    "message": {"text": verdict["text"]},
                    "properties": {"state": verdict["state"], "root_cause": verdict["root_cause"], "overall": True},
                }
            )
        for n in f["diagnosis"].get("not_redis", []):  # a note, never a warning: not a Redis problem
            source, line = location(n, path)
            results.append(
                {
                    **rule_ref("rla-not-redis"),
                    "level": "note",
                    "message": {"text": n["text"]},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": _artifact(source), "region": {"startLine": line}}}
                    ],
                    "occurrenceCount": max(int(n["count"]), 1),
                    "properties": {"rule": n["rule"], "endpoint": n["endpoint"]},
                }
            )
    run = {
        "tool": {
            "driver": {
                "name": "rla",
                "fullName": "rla, the Render log analyzer",
                "version": doc["tool"]["version"],
                "semanticVersion": doc["tool"]["version"],
                "rules": descriptors,
            }
        },
        "invocations": [{"executionSuccessful": not doc["summary"]["errors"]}],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    sarif = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
