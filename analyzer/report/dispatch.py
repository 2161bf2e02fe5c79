"""A diagnosis (`render`) or a run document (`render_run`) -> the chosen format's text. The one module
that imports the formats, each only when asked for: the formats import the package's shared document
(analyzer.report) and the run's helpers (analyzer.report.ci), never this dispatcher, so no cycle.
"""

from __future__ import annotations

from typing import Any

from analyzer.model import Diagnosis
from analyzer.report import CI_FORMATS, ReportContext


def render_run(doc: dict[str, Any], fmt: str, ctx: ReportContext, diags: list[Diagnosis | None] | None = None) -> str:
    """A run document in one format (redaction is the caller's last step). html draws each file's
    diagnosis too: `diags`, in the order of the document's files."""
    import json

    if fmt == "html":
        from analyzer.report.html_check import render_check_html

        shown = [None if d is None else ctx.redactor.tree(d) for d in (diags or [None] * len(doc["files"]))]
        return render_check_html(doc, shown, ctx)
    if fmt == "github":
        from analyzer.report.github import render_github

        return render_github(doc)
    if fmt == "junit":
        from analyzer.report.junit import render_junit

        return render_junit(doc, ctx)
    if fmt == "sarif":
        from analyzer.report.sarif import render_sarif

        return render_sarif(doc, ctx)
    if fmt == "markdown":
        from analyzer.report.ci import render_markdown

        return render_markdown(doc, ctx.lang, ctx.timeline)
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    from analyzer.report.ci import render_table

    return render_table(doc, ctx.lang, ctx.width)


def render(diag: Diagnosis, fmt: str, ctx: ReportContext) -> str:
    diag = ctx.redactor.tree(diag)  # before any format escapes the text; the rendered text is scrubbed again
    if fmt in CI_FORMATS:
        from analyzer.report.ci import single_run

        out = render_run(single_run(diag, ctx), fmt, ctx)
    elif fmt == "json":
        from analyzer.report.json_report import render_json

        out = render_json(diag, ctx)
    elif fmt == "html":
        from analyzer.report.html import render_html

        out = render_html(diag, ctx)
    elif fmt == "markdown":
        from analyzer.report.markdown import render_markdown

        out = render_markdown(diag, ctx)
    else:
        from analyzer.report.table import render_table

        out = render_table(diag, ctx)
    return ctx.redactor.scrub(out)
