"""--format markdown: for a PR comment, an issue, or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from analyzer.i18n import t
from analyzer.model import Diagnosis, Severity
from analyzer.report import ReportContext, evidence_fields, fill, not_redis_text, state_text, verdict_text, when
from analyzer.report.ci import md_text as _cell
from analyzer.report.timeline_text import MIN_SPAN


def render_markdown(diag: Diagnosis, ctx: ReportContext) -> str:
    lang = ctx.lang
    from analyzer.report.table import read_lines

    out = [f"**{_cell(verdict_text(diag, ctx))}**", ""]
    if diag.per_source:  # each file's own story
        out += [f"- `{_cell(sv.source)}`: {_cell(state_text(sv.verdict, ctx))}" for sv in diag.per_source] + [""]
    out += ["> " + "<br>".join(_cell(line) for line in read_lines(diag, ctx)), ""]  # what was read, what was not
    if ctx.timeline and diag.timeline is not None and diag.timeline.span >= MIN_SPAN:
        from analyzer.report.timeline_mermaid import mermaid_blocks
        from analyzer.report.timeline_text import error_rules

        charts = mermaid_blocks(diag.timeline.to_dict(), error_rules(ctx.ruleset, diag.timeline), lang)
        out += [*charts, ""] if charts else []
    shown = [f for f in diag.findings if f.severity > Severity.OK]  # status lines are not findings
    status = [f for f in diag.findings if f.severity <= Severity.OK]
    if shown:
        heads = ["col.severity", "col.finding", "col.count", "col.first", "col.evidence", "col.cause", "col.solution"]
        out.append("| " + " | ".join(t(h, lang) for h in heads) + " |")
        out.append("|" + "---|" * len(heads))
        for f in shown:
            rule = ctx.ruleset.get(f.rule_id)
            texts = rule.text(lang) if rule else None
            row = [
                t(f"sev.{f.severity.label}", lang),
                f"`{f.rule_id}` {texts.title if texts else ''}",
                str(f.count),
                when(f.first, lang, ctx.local_time),
                "; ".join(evidence_fields(f, lang)),
                fill(texts.cause, f.fields) if texts else "",
            ]
            fix = "<br>".join(_cell(f"• {s}") for s in rule.fix(lang, diag.platform, f.said())) if rule and texts else ""
            out.append("| " + " | ".join(_cell(c) for c in row) + f" | {fix} |")
    else:
        out.append(t("healthy.note" if diag.verdict.state in ("healthy", "recovered") else "no_findings", lang))
    if status:
        out += ["", _cell(t("findings.status", lang, list=", ".join(f"{f.rule_id} ×{f.count}" for f in status)))]
    if diag.not_redis:
        out.append("")
        out += [f"- {_cell(not_redis_text(n, lang))} ({when(n.first, lang, ctx.local_time)})" for n in diag.not_redis[:20]]
    if ctx.unexplained and diag.unexplained:
        out += ["", t("unexplained.title", lang, n=len(diag.unexplained)), ""]
        for u in diag.unexplained[:20]:
            out.append(f"- {u.count}× `{u.template}` ({when(u.first, lang, ctx.local_time)})")
    return "\n".join(out) + "\n"
