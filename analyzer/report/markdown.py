"""--format markdown: for a PR comment, an issue, or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from analyzer.i18n import t
from analyzer.model import Diagnosis
from analyzer.report import ReportContext, evidence_fields, fill, verdict_text, when


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def render_markdown(diag: Diagnosis, ctx: ReportContext) -> str:
    lang = ctx.lang
    out = [f"**{_cell(verdict_text(diag, ctx))}**", ""]
    # what the diagnosis did not see: broken records, a fetch stopped half-way (as the table says)
    if diag.stats.unparsed:
        out += ["> " + _cell(t("summary.unparsed", lang, n=diag.stats.unparsed, where=diag.stats.first_unparsed)), ""]
    if diag.stats.incomplete:
        out += ["> " + _cell(t("summary.incomplete", lang, why=diag.stats.incomplete)), ""]
    shown = diag.findings
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
                when(f.first, lang),
                "; ".join(evidence_fields(f, lang)),
                fill(texts.cause, f.fields) if texts else "",
                "<br>".join(f"• {s}" for s in texts.solution) if texts else "",
            ]
            out.append("| " + " | ".join(_cell(c) for c in row) + " |")
    else:
        out.append(t("no_findings", lang))
    if ctx.unexplained and diag.unexplained:
        out += ["", t("unexplained.title", lang, n=len(diag.unexplained)), ""]
        for u in diag.unexplained[:20]:
            out.append(f"- {u.count}× `{u.template}` ({when(u.first, lang)})")
    return "\n".join(out) + "\n"
