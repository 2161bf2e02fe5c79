"""The Blueprint check's report in every format: table, json, markdown, github, sarif.

Each result carries `data.file` and `data.line` (analyzer.render.blueprint), so `github` annotates the
line of render.yaml in a pull request and `sarif` gives code scanning the file and line.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from analyzer.i18n import t, tr
from analyzer.urllint import ITEMS, CheckResult

SYMBOL = {"ok": "✅", "fail": "❌", "warn": "⚠️ ", "unknown": "? "}
_SARIF_LEVEL = {"critical": "error", "error": "error", "warning": "warning", "info": "note", "ok": "none"}


def _text(x: Any, lang: str) -> str:
    return str(tr(x, lang)) if x else ""


def _counts(results: list[CheckResult]) -> dict[str, int]:
    return {st: sum(1 for r in results if r.status == st) for st in ("ok", "fail", "warn", "unknown")}


def render_blueprint(fmt: str, path: str, var: str, results: list[CheckResult], lang: str = "en") -> str:
    if fmt == "json":
        return _json(path, var, results, lang)
    if fmt == "markdown":
        return _markdown(path, var, results, lang)
    if fmt == "github":
        return _github(path, var, results, lang)
    if fmt == "sarif":
        return _sarif(results, lang)
    return _table(path, var, results, lang)


def _summary(results: list[CheckResult], lang: str) -> str:
    c = _counts(results)
    return t("bp.summary", lang, fail=c["fail"], warn=c["warn"], ok=c["ok"])


def _table(path: str, var: str, results: list[CheckResult], lang: str) -> str:
    lines = [t("bp.title", lang, path=path, var=var), ""]
    colon = t("colon", lang)
    for r in results:
        lines.append(f" {SYMBOL[r.status]} {path}:{r.data.get('line')}{colon} {_text(r.message, lang)}"
                     + (f"  [{r.severity.label}, {r.id}]" if r.status in ("fail", "warn") else ""))
        if r.status in ("fail", "warn"):
            for key, value in (("value", r.value), ("cause", _text(r.cause, lang)), ("fix", _text(r.fix, lang))):
                if value:
                    prefix = f"     {t(f'doctor.label.{key}', lang) + colon:<8} "
                    lines += textwrap.wrap(str(value), width=100, initial_indent=prefix,
                                           subsequent_indent=" " * len(prefix), break_long_words=False,
                                           break_on_hyphens=False)
    lines += ["", _summary(results, lang)]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(path: str, var: str, results: list[CheckResult], lang: str) -> str:
    md = {"ok": "✅", "fail": "❌", "warn": "⚠️", "unknown": "❔"}
    lines = [f"### {_md(t('bp.title', lang, path=path, var=var))}", "",
             f"| | {t('bp.col.line', lang)} | {t('bp.col.check', lang)} | {t('doctor.col.result', lang)} |",
             "|---|---|---|---|"]
    for r in results:
        fix = _text(r.fix, lang) if r.status in ("fail", "warn") else ""
        lines.append(f"| {md[r.status]} | {path}:{r.data.get('line')} | `{r.id}` | {_md(_text(r.message, lang))}"
                     + (f" — {_md(fix)}" if fix else "") + " |")
    lines += ["", _summary(results, lang)]
    return "\n".join(lines) + "\n"


def _json(path: str, var: str, results: list[CheckResult], lang: str) -> str:
    from analyzer import __version__

    doc = {
        "schema": 1,
        "tool": {"name": "rla", "version": __version__, "command": "doctor"},
        "mode": "blueprint", "file": path, "var": var,
        "results": [{"id": r.id, "item": r.item, "item_title": _text(ITEMS.get(r.item), lang), "status": r.status,
                     "severity": r.severity.label, "file": r.data.get("file"), "line": r.data.get("line"),
                     "service": r.data.get("service"), "message": _text(r.message, lang),
                     "cause": _text(r.cause, lang) or None, "fix": _text(r.fix, lang) or None, "value": r.value,
                     "data": {k: v for k, v in r.data.items() if k not in ("file", "line", "service")}}
                    for r in results],
        "counts": _counts(results),
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


def _github(path: str, var: str, results: list[CheckResult], lang: str) -> str:
    from analyzer.report.github import command

    out = []
    for r in results:
        if r.status not in ("fail", "warn"):
            continue
        level = "error" if r.status == "fail" else "warning"
        message = _text(r.message, lang)
        if r.cause:
            message += "\n" + _text(r.cause, lang)
        if r.fix:
            message += "\nFix: " + _text(r.fix, lang)
        out.append(command(level, message, str(r.data.get("file") or path), int(r.data.get("line") or 1),
                           f"rla {r.id}"))
    out.append(f"rla doctor --blueprint {path}: {_summary(results, lang)}")
    return "\n".join(out) + "\n"


def _location(path: str, uri: Any) -> dict[str, str]:
    u, base = uri(path)
    return {"uri": u, "uriBaseId": base} if base else {"uri": u}


def _sarif(results: list[CheckResult], lang: str) -> str:
    from analyzer import __version__
    from analyzer.report.sarif import SCHEMA_URI, uri

    shown = [r for r in results if r.status in ("fail", "warn")]
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    sarif_results = []
    for r in shown:
        if r.id not in index:
            index[r.id] = len(rules)
            rules.append({
                "id": r.id,
                "name": "".join(p.capitalize() for p in r.id.replace(".", "-").split("-")),
                "shortDescription": {"text": _text(ITEMS.get(r.item), lang) or r.id},
                "fullDescription": {"text": _text(r.cause, lang) or _text(r.message, lang)},
                "help": {"text": _text(r.fix, lang) or _text(r.message, lang)},
                "helpUri": "https://render.com/docs/blueprint-spec",
                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity.label]},
                "properties": {"tags": ["redis", "render-blueprint"]},
            })
        text = _text(r.message, lang) + (f" — {_text(r.fix, lang)}" if r.fix else "")
        sarif_results.append({
            "ruleId": r.id, "ruleIndex": index[r.id], "level": _SARIF_LEVEL[r.severity.label],
            "message": {"text": text},
            "locations": [{"physicalLocation": {"artifactLocation": _location(str(r.data.get("file")), uri),
                                                "region": {"startLine": int(r.data.get("line") or 1)}}}],
            "properties": {"severity": r.severity.label, "service": r.data.get("service"), "item": r.item},
        })
    run = {
        "tool": {"driver": {"name": "rla", "fullName": "rla, the Render log analyzer", "version": __version__,
                            "semanticVersion": __version__, "rules": rules}},
        "invocations": [{"executionSuccessful": True}],
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
    }
    return json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
