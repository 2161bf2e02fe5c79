"""--format table (the default): the verdict in one line, then one row per finding with its
evidence, cause and fix, sized to the terminal, then the lines no rule explains."""

from __future__ import annotations

import os
import textwrap

from tabulate import tabulate

from analyzer.i18n import t
from analyzer.model import Diagnosis, Evidence, Severity
from analyzer.report import ReportContext, evidence_fields, fill, verdict_text, when

_ICON = {"healthy": "✅", "degraded": "⚠️ ", "failing": "❌", "recovered": "↺ ", "unknown": "?"}
_COLOR = {
    Severity.CRITICAL: "\x1b[1;31m",
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
    Severity.OK: "\x1b[32m",
}
_STATE_COLOR = {"healthy": "\x1b[1;32m", "degraded": "\x1b[1;33m", "failing": "\x1b[1;31m", "recovered": "\x1b[1;36m"}
_RESET = "\x1b[0m"


def _paint(text: str, code: str | None, on: bool) -> str:
    return f"{code}{text}{_RESET}" if on and code else text


WIDE = 150  # below this, cause and fix leave the table for a list under it: a 4-word column helps nobody


def _widths(total: int, wide: bool) -> list[int]:
    """Column widths for severity, finding, count, first seen, evidence[, cause, fix]."""
    fixed = [8, 22, 5, 14]
    if not wide:
        return fixed + [max(16, total - sum(fixed) - 3 * 5 - 1)]
    rest = max(total - sum(fixed) - 3 * 7 - 1, 45)
    evidence = max(16, rest * 20 // 100)
    cause = max(16, rest * 34 // 100)
    return fixed + [evidence, cause, rest - evidence - cause]


def _wrap(text: str, width: int, indent: str) -> list[str]:
    return textwrap.wrap(text, width=max(40, width), initial_indent=indent, subsequent_indent=indent + "  ")


def _first_seen(ev: Evidence, lang: str, many_sources: bool) -> str:
    """Time on one line, where on the next: the column stays narrow."""
    where = f"{os.path.basename(ev.source)}:{ev.line}" if many_sources else f"{t('line', lang)} {ev.line}"
    return f"{ev.time}\n{where}" if ev.time else where


def render_table(diag: Diagnosis, ctx: ReportContext) -> str:
    lang = ctx.lang
    v = diag.verdict
    head = f"{_ICON.get(v.state, '?')} {verdict_text(diag, ctx)}"
    lines = [_paint(head, _STATE_COLOR.get(v.state), ctx.color)]
    shown = diag.findings
    summary = t("summary.line", lang, findings=len(shown), lines=diag.stats.lines, sources=len(diag.stats.sources))
    if v.root_cause:
        summary += " · " + t("summary.details", lang, id=v.root_cause)
    lines.append("   " + summary)
    if diag.stats.unparsed:
        lines.append("   " + t("summary.unparsed", lang, n=diag.stats.unparsed, where=diag.stats.first_unparsed))
    if diag.stats.incomplete:
        lines.append("   " + t("summary.incomplete", lang, why=diag.stats.incomplete))
    lines.append("")
    if not shown:
        lines.append(t("no_findings", lang))
    else:
        wide = ctx.width >= WIDE
        rows, notes = [], []
        for f in shown:
            rule = ctx.ruleset.get(f.rule_id)
            texts = rule.text(lang) if rule else None
            explained = texts is not None and f.severity > Severity.OK
            cause = fill(texts.cause, f.fields) if explained and texts else ""
            steps = [f"• {s}" for s in texts.solution] if explained and texts else []
            row = [
                _paint(t(f"sev.{f.severity.label}", lang), _COLOR.get(f.severity), ctx.color),
                f"{f.rule_id}\n{texts.title if texts else ''}",
                f.count,
                _first_seen(f.first, lang, len(diag.stats.sources) > 1),
                "\n".join(evidence_fields(f, lang)) or f.sample,
            ]
            if wide:
                row += [cause, "\n".join(steps)]
            elif explained:
                notes.append(f"{f.rule_id}")
                notes += _wrap(f"{t('col.cause', lang)}: {cause}", ctx.width, "  ")
                notes += [line for step in steps for line in _wrap(step, ctx.width, "  ")]
                notes.append("")
            rows.append(row)
        keys = ["col.severity", "col.finding", "col.count", "col.first", "col.evidence"]
        if wide:
            keys += ["col.cause", "col.solution"]
        heads = [t(k, lang) for k in keys]
        lines.append(
            tabulate(rows, headers=heads, tablefmt="simple_grid", maxcolwidths=_widths(ctx.width, wide), disable_numparse=True)
        )
        if notes:
            lines += ["", *notes[:-1]]
    if ctx.unexplained and diag.unexplained:
        lines += ["", t("unexplained.title", lang, n=len(diag.unexplained))]
        for u in diag.unexplained[:10]:
            lines.append(f"  {u.count:>5}×  {u.template[: max(40, ctx.width - 30)]}  ({when(u.first, lang)})")
        if len(diag.unexplained) > 10:
            lines.append(f"  … +{len(diag.unexplained) - 10}")
    return "\n".join(lines) + "\n"
