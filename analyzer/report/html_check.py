"""`rla check -f html`: the run as one self-contained page, for a CI job's artifact.

What the gate decided comes first (passed or failed, the run's headline), then one row per file (its
state in words, its verdict, the findings that fail the gate, how it differs from its expectation),
then each file's own diagnosis as `rla analyze -f html` draws it (verdict, timeline chart, findings
with cause, fix and evidence). Files that need a look are open; healthy files that passed are folded
(`<details>`, no script). The run document (analyzer.report.ci.run_dict) says what the gate made of
each file; the diagnoses, in the same order, give the pictures.
"""

from __future__ import annotations

from html import escape
from typing import Any, Optional

from analyzer.i18n import t
from analyzer.model import Diagnosis
from analyzer.report import ReportContext
from analyzer.report.ci import PASS, _reason, health_mark, headline
from analyzer.report.html import diagnosis_body, page

# a file's state -> the badge's class (its colour); its word is the catalogue's html.check.mark.*
_BADGE = {PASS: "healthy", "warn": "degraded", "unknown": "unknown", "fail": "failing", "missing": "failing",
          "pending": "unknown", "error": "failing"}


def render_check_html(doc: dict[str, Any], diags: list[Optional[Diagnosis]], ctx: ReportContext) -> str:
    lang = ctx.lang
    scrub = ctx.redactor.scrub

    def esc(text: object) -> str:
        return escape(scrub(str(text)))

    ok = doc["ok"]
    word = t("html.check.passed" if ok else "html.check.failed", lang)
    body = [
        f'<header class="verdict state-{"healthy" if ok else "failing"}"><span class="badge state-{"healthy" if ok else "failing"}">'
        f"{esc(word)}</span><h1>{esc(t('html.check.title', lang, result=word))}</h1>",
        f'<p class="muted">{esc(headline(doc, lang))}</p></header>',
        f"<section><h2>{esc(t('html.check.files', lang, n=len(doc['files'])))}</h2>",
        '<table class="files"><thead><tr>'
        + "".join(f"<th>{esc(t(f'html.check.col.{c}', lang))}</th>" for c in ("state", "file", "verdict", "gate"))
        + "</tr></thead><tbody>",
    ]
    for i, f in enumerate(doc["files"]):
        mark = health_mark(f)
        d = f["diagnosis"]
        verdict = d["verdict"]["text"] if d else _reason(f["reason"], lang)
        gate = [x for x in (d or {}).get("findings", []) if x.get("gate")]
        why = [esc(p["message"]) for p in f["problems"]]
        why += [f"<span><code>{esc(x['rule'])}</code> ×{x['count']}</span>" for x in gate]
        body.append(
            f'<tr class="file-row"><td data-label="{esc(t("html.check.col.state", lang))}">{_badge(mark, lang)}</td>'
            f'<td><a href="#file-{i}"><code>{esc(f["path"])}</code></a></td>'
            f"<td>{esc(verdict)}</td><td class=\"gate\">{'<br>'.join(why) or '—'}</td></tr>"
        )
    body.append("</tbody></table>")
    body += _notes(doc, lang, esc)
    body.append("</section>")
    for i, (f, diag) in enumerate(zip(doc["files"], diags)):
        body += _file(i, f, diag, ctx, esc)
    return page(f"rla check: {word}", body, ctx)


def _badge(mark: str, lang: str) -> str:
    return f'<span class="badge state-{_BADGE[mark]}" data-mark="{mark}">{escape(t(f"html.check.mark.{mark}", lang))}</span>'


def _file(i: int, f: dict[str, Any], diag: Optional[Diagnosis], ctx: ReportContext, esc: Any) -> list[str]:
    """One file: folded when it passed and Redis is healthy, else open; what differs from its expectation
    first, then its diagnosis, each finding that fails the gate (or is known from the baseline) tagged."""
    lang = ctx.lang
    mark = health_mark(f)
    out = [f'<section class="file" id="file-{i}"><details{"" if mark == PASS else " open"}>'
           f"<summary><h2>{_badge(mark, lang)} <code>{esc(f['path'])}</code></h2></summary>"]
    if f["problems"]:
        out.append(f'<p><strong>{esc(t("html.check.problems", lang))}:</strong></p><ul class="problems">'
                   + "".join(f"<li>{esc(p['message'])}</li>" for p in f["problems"]) + "</ul>")
    if diag is None:
        out.append(f'<p class="muted">{esc(_reason(f["reason"], lang) or "—")}</p>')
    else:
        tags = {x["rule"]: t("html.check.tag.gate", lang) for x in f["diagnosis"]["findings"] if x.get("gate")}
        tags.update({x["rule"]: t("html.check.tag.baseline", lang) for x in f["diagnosis"]["findings"] if x.get("baseline")})
        out += diagnosis_body(diag, ctx, ns=f"f{i}-", level=3, tags=tags)
    out.append("</details></section>")
    return out


def _notes(doc: dict[str, Any], lang: str, esc: Any) -> list[str]:
    """Baseline entries no longer seen, files found that no expectation names."""
    out = []
    gone = (doc["baseline"] or {}).get("gone") or []
    if gone:
        out.append(f"<p>{esc(t('ci.table.gone', lang, n=len(gone)))}</p><ul>"
                   + "".join(f"<li>{esc(t('ci.table.gone_item', lang, rule=g['rule'], file=g['file']))}</li>" for g in gone)
                   + "</ul>")
    if doc["unlisted"]:
        out.append(f'<p class="muted">{esc(t("ci.table.unlisted", lang, n=len(doc["unlisted"]), example=doc["unlisted"][0]))}</p>')
    return out
