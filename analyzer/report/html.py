"""--format html: one self-contained page (inline CSS and SVG, no script, no font or file from elsewhere)
that opens offline, prints, and reads on a phone: the verdict, the timeline chart, the findings with
cause, fix and evidence, the lines no rule explains, and what was read.

The chart (an inline SVG) has one lane per instance; in each lane one point (`g.pt`) per time bucket,
a bar stacked by finding. Each finding has a colour AND a pattern, each state a colour AND a label or
hatching, so the picture reads without colour. Machine-readable attributes (`data-*`) say what each
part shows: the browser tests check them against the JSON report. The chart is drawn twice, for a
laptop (`svg.wide`) and for a phone (`svg.narrow`, fewer axis labels), and CSS shows one: scaled down,
the wide one's text was unreadable on a phone, and scrolled sideways it hid the outage.
`diagnosis_body` is also each file's part of `rla check -f html` (analyzer/report/html_check.py).
"""

from __future__ import annotations

from html import escape

from analyzer import __version__
from analyzer.i18n import t
from analyzer.model import Diagnosis, Severity
from analyzer.report import ReportContext, evidence_fields, fill, verdict_text, when
from analyzer.report.table import read_lines
from analyzer.report.timeline_text import error_rules, step_text
from analyzer.timeline import Timeline

MAX_LANES = 8
# The SVG's user units (lane labels left of X0): a laptop's chart, and a phone's, drawn narrower rather
# than shrunk (1000 units in 370 px would make 13-unit text 5 px high); CSS shows one of the two.
WIDE = (1000, 96, 984, 6, 12)  # width, x0, x1, axis ticks, lane label characters
NARROW = (440, 74, 432, 2, 7)
BAND, LANE, AXIS, TOP = 26, 64, 26, 22
PALETTE = ("#c0392b", "#1f6fb2", "#b9770e", "#6c3483", "#117a65", "#5d6d7e")
PATTERNS = ("solid", "stripes", "dots", "cross", "vstripes", "grid")
STATE_FILL = {"healthy": "#d5f5e3", "recovered": "#d6eaf8", "degraded": "#fdebd0", "failing": "#fadbd8"}
STATE_INK = {"healthy": "#1e8449", "recovered": "#1f618d", "degraded": "#9c640c", "failing": "#a93226"}

CSS = """
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--card:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;overflow-wrap:anywhere;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.25rem;margin:.2rem 0 .4rem}h2{font-size:1.1rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1rem;margin:0 0 .3rem}
.verdict .v{font-size:1.25rem;margin:.2rem 0 .4rem}.finding .f{font-size:1rem;margin:0 0 .3rem}
section.file section>:first-child{font-size:1.05rem}
.verdict{border-left:8px solid;padding:10px 14px;background:var(--card);border-radius:6px}
.badge{display:inline-block;font-weight:700;text-transform:uppercase;letter-spacing:.04em;font-size:.8rem;padding:1px 8px;border-radius:10px;border:2px solid}
.state-healthy{border-color:#1e8449}.state-recovered{border-color:#1f618d}.state-degraded{border-color:#b9770e}
.state-failing{border-color:#a93226}.state-unknown{border-color:#57606a}
.muted{color:var(--muted)}
.chart{overflow-x:auto;border:1px solid var(--line);border-radius:6px;background:#fff}
.chart svg{display:block;width:100%;height:auto}.chart svg.narrow{display:none}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin:.5rem 0;padding:0;list-style:none;font-size:.9rem}
.legend li{display:flex;align-items:center;gap:6px}.legend svg{flex:none}
.finding{border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin:10px 0;background:#fff}
.sev{font-weight:700;text-transform:uppercase;font-size:.75rem;padding:0 6px;border:1px solid;border-radius:4px;margin-right:6px}
.sev-critical,.sev-error{color:#a93226}.sev-warning{color:#9c640c}.sev-info,.sev-ok{color:#1f618d}
code,pre{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{white-space:pre-wrap;word-break:break-all;background:var(--card);padding:8px;border-radius:4px;margin:.3rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0}dl.facts dt{font-weight:600}
dl.facts dd{margin:0;word-break:break-all}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}td code{word-break:break-all}
footer{margin-top:2rem;font-size:.85rem;color:var(--muted)}
.tag{font-size:.75rem;font-weight:700;padding:0 6px;border:1px dashed;border-radius:4px}
table.files th{font-size:.85rem;color:var(--muted)}table.files td:first-child{width:1%;white-space:nowrap}
table.files td:nth-child(2){width:24%}table.files td:nth-child(4){width:26%}
table.files td code{word-break:normal;overflow-wrap:anywhere}table.files td.gate span{white-space:nowrap}
section.file{margin:1.2rem 0}section.file summary{cursor:pointer}section.file summary h2{display:inline;border:0}
section.file summary code{font-size:1rem}
@media (max-width:600px){main{padding:10px}body{font-size:14px}dl.facts{grid-template-columns:1fr}
.verdict .v{font-size:1.05rem}.chart svg.wide{display:none}.chart svg.narrow{display:block}
table.files thead{display:none}table.files tr,table.files td{display:block;border:0;padding:2px 0;width:auto!important}
table.files tr{border-bottom:1px solid var(--line);padding:6px 0}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}.chart{overflow:visible;border:0}
.chart svg.wide{display:block}.chart svg.narrow{display:none}.finding{break-inside:avoid}a{color:inherit}}
"""


def _pattern(i: int, pid: str) -> str:
    """Finding i's fill: a colour and a pattern, so two findings differ without colour too."""
    color, kind = PALETTE[i % len(PALETTE)], PATTERNS[i % len(PATTERNS)]
    white = '<rect width="8" height="8" fill="#fff"/>'
    body = {
        "solid": f'<rect width="8" height="8" fill="{color}"/>',
        "stripes": white + f'<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="{color}" stroke-width="3"/>',
        "dots": white + f'<circle cx="4" cy="4" r="2.6" fill="{color}"/>',
        "cross": white + f'<path d="M0,0 l8,8 M8,0 l-8,8" stroke="{color}" stroke-width="2"/>',
        "vstripes": white + f'<rect width="4" height="8" fill="{color}"/>',
        "grid": white + f'<path d="M0,4 h8 M4,0 v8" stroke="{color}" stroke-width="2.4"/>',
    }[kind]
    return f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">{body}</pattern>'


def _hatch(pid: str) -> str:
    return (f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            '<rect width="6" height="6" fill="#fadbd8"/><rect width="2" height="6" fill="#e6b0aa"/></pattern>')


def _pattern_defs(ns: str) -> str:
    return "<defs>" + "".join(_pattern(i, f"{ns}p{i}") for i in range(len(PALETTE))) + _hatch(f"{ns}hatch") + "</defs>"


def _swatch(i: int, ns: str) -> str:
    # the legend's own copy of the pattern, so each swatch stands alone
    return (f'<svg width="22" height="14" aria-hidden="true"><defs>{_pattern(i, f"{ns}l{i}")}</defs>'
            f'<rect width="22" height="14" fill="url(#{ns}l{i})" stroke="{PALETTE[i % len(PALETTE)]}"/></svg>')


class _Chart:
    """One chart; `ns` prefixes its element ids, so that several charts share a page (rla check)."""

    def __init__(self, tl: Timeline, errors: set[str], ctx: ReportContext, ns: str = "",
                 shape: tuple[int, int, int, int, int] = WIDE) -> None:
        self.tl, self.ctx, self.lang, self.ns = tl, ctx, ctx.lang, ns
        self.shape = "narrow" if shape == NARROW else "wide"
        self.w, self.x0, self.x1, self.ticks, self.chars = shape
        by_instance: dict[str | None, dict[str, list[int]]] = {}
        for s in tl.series:
            if s.rule in errors:
                row = by_instance.setdefault(s.instance, {}).setdefault(s.rule, [0] * tl.buckets)
                for i, c in enumerate(s.counts):
                    row[i] += c
        ranked = sorted(by_instance.items(), key=lambda kv: -sum(map(sum, kv[1].values())))
        self.lanes = ranked[:MAX_LANES]
        if len(ranked) > MAX_LANES:
            merged: dict[str, list[int]] = {}
            for _, rules in ranked[MAX_LANES:]:
                for rule, counts in rules.items():
                    row = merged.setdefault(rule, [0] * tl.buckets)
                    for i, c in enumerate(counts):
                        row[i] += c
            self.lanes = ranked[: MAX_LANES - 1] + [(t("tl.others", self.lang, n=len(ranked) - MAX_LANES + 1), merged)]
        totals: dict[str, int] = {}
        for _, rules in self.lanes:
            for rule, counts in rules.items():
                totals[rule] = totals.get(rule, 0) + sum(counts)
        self.rules = sorted(totals, key=lambda r: -totals[r])
        self.top = max((sum(r[i] for r in rules.values()) for _, rules in self.lanes for i in range(tl.buckets)),
                       default=0) or 1
        self.t0 = tl.start
        self.t1 = tl.start + tl.buckets * tl.bucket_seconds

    def x(self, seconds: float) -> float:
        return self.x0 + (seconds - self.t0) / (self.t1 - self.t0) * (self.x1 - self.x0)

    def svg(self) -> str:
        tl, lang = self.tl, self.lang
        height = TOP + BAND + max(1, len(self.lanes)) * LANE + AXIS
        step = step_text(tl.bucket_seconds, lang)
        desc = t("html.chart.desc", lang, step=step, start=tl.label(tl.first), end=tl.label(tl.last))
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.w} {height}" class="{self.shape}" role="img" aria-labelledby="{self.ns}chart-desc" '
            f'data-x0="{self.x0}" data-x1="{self.x1}" data-t0="{self.t0}" data-t1="{self.t1}" data-buckets="{tl.buckets}" '
            f'font-family="system-ui,sans-serif" font-size="13">',
            f'<desc id="{self.ns}chart-desc">{escape(desc)}</desc>',
            _pattern_defs(self.ns),
        ]
        parts.append(self._states(TOP))
        lane_top = TOP + BAND
        for k, (instance, rules) in enumerate(self.lanes):
            parts.append(self._lane(instance, rules, lane_top + k * LANE))
        bottom = lane_top + max(1, len(self.lanes)) * LANE
        parts.append(self._axis(bottom))
        parts.append(self._markers(TOP, bottom))
        parts.append("</svg>")
        return "".join(parts)

    def _states(self, y: int) -> str:
        out = ['<g class="states">']
        for s in self.tl.states:
            x0, x1 = self.x(s.start), self.x(min(s.end, self.t1))
            name = t(f"tl.state.{s.state}", self.lang)
            fill_ = f"url(#{self.ns}hatch)" if s.state == "failing" else STATE_FILL[s.state]
            out.append(
                f'<g class="state" data-state="{s.state}"><title>{escape(name)}: {escape(self.tl.label(s.start))} → '
                f'{escape(self.tl.label(s.end))}</title><rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 1):.1f}" '
                f'height="{BAND - 4}" fill="{fill_}" stroke="{STATE_INK[s.state]}" stroke-width="1"/>'
            )
            if x1 - x0 > 8 * len(name) + 6:
                out.append(f'<text x="{(x0 + x1) / 2:.1f}" y="{y + BAND - 9}" text-anchor="middle" '
                           f'fill="{STATE_INK[s.state]}" font-weight="700">{escape(name)}</text>')
            out.append("</g>")
        out.append(f'<text x="{self.x0 - 8}" y="{y + BAND - 9}" text-anchor="end" fill="#57606a">Redis</text></g>')
        return "".join(out)

    def _lane(self, instance: str | None, rules: dict[str, list[int]], y: int) -> str:
        tl = self.tl
        name = instance if instance is not None else t("tl.all", self.lang)
        total = sum(map(sum, rules.values()))
        base = y + LANE - 6
        scale = (LANE - 14) / self.top
        width = (self.x1 - self.x0) / tl.buckets
        out = [
            f'<g class="series" data-instance="{escape(name)}" data-points="{tl.buckets}">',
            f'<line x1="{self.x0}" x2="{self.x1}" y1="{base}" y2="{base}" stroke="#d0d7de"/>',
            f'<text x="{self.x0 - 8}" y="{y + LANE / 2}" text-anchor="end" font-weight="600">{escape(name[-self.chars:])}</text>',
            f'<text x="{self.x0 - 8}" y="{y + LANE / 2 + 15}" text-anchor="end" fill="#57606a" font-size="11">'
            f'{escape(t("html.chart.total", self.lang, n=total))}</text>',
        ]
        for i in range(tl.buckets):
            count = sum(r[i] for r in rules.values())
            out.append(f'<g class="pt" data-bucket="{i}" data-count="{count}">')
            if count:
                x = self.x0 + i * width
                top = base
                tips = []
                for rule in self.rules:
                    c = rules.get(rule, [0] * tl.buckets)[i]
                    if not c:
                        continue
                    h = c * scale
                    top -= h
                    k = self.rules.index(rule) % len(PALETTE)
                    out.append(f'<rect x="{x + 0.5:.1f}" y="{top:.1f}" width="{max(width - 1, 1):.1f}" height="{h:.1f}" '
                               f'fill="url(#{self.ns}p{k})" stroke="{PALETTE[k]}" stroke-width="0.6"/>')
                    tips.append(f"{rule}: {c}")
                out.append(f"<title>{escape(name)} {escape(tl.label(tl.bucket_start(i)))}: {escape(', '.join(tips))}</title>")
            out.append("</g>")
        out.append("</g>")
        return "".join(out)

    def _axis(self, y: int) -> str:
        tl = self.tl
        ticks = self.ticks
        every = max(1, -(-tl.buckets // ticks))
        out = [f'<g class="axis"><line x1="{self.x0}" x2="{self.x1}" y1="{y}" y2="{y}" stroke="#57606a"/>']
        for i in range(0, tl.buckets + 1, every):
            x = self.x(tl.bucket_start(i))
            anchor = "start" if i == 0 else ("end" if x > self.x1 - 40 else "middle")
            out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y}" y2="{y + 5}" stroke="#57606a"/>'
                       f'<text x="{x:.1f}" y="{y + 18}" text-anchor="{anchor}" fill="#57606a">'
                       f'{escape(tl.label(tl.bucket_start(i), date=False))}</text>')
        out.append("</g>")
        return "".join(out)

    def _markers(self, top: int, bottom: int) -> str:
        out = ['<g class="markers">']
        for m in self.tl.markers:
            x = self.x(m.time)
            kind = t("tl.kind.deploy" if m.kind == "deploy" else "tl.kind.platform", self.lang)
            label = f"{kind} {self.tl.label(m.time, date=False)}"
            anchor = "end" if x > self.x1 - 120 else "start"
            dx = -4 if anchor == "end" else 4
            out.append(
                f'<g class="marker" data-kind="{escape(m.kind)}" data-time="{escape(self.tl.label(m.time))}" '
                f'data-seconds="{m.time}"><title>{escape(label)}: {escape(m.text)}</title>'
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{bottom}" stroke="#1b1f24" stroke-width="1.5" '
                f'stroke-dasharray="{"5 3" if m.kind == "deploy" else "2 3"}"/>'
            )
            if m.kind == "deploy":
                out.append(f'<path d="M{x - 5:.1f},{top - 12} h10 l-5,7 z" fill="#1b1f24"/>'
                           f'<text x="{x + dx:.1f}" y="{top - 6}" text-anchor="{anchor}" font-size="12">{escape(label)}</text>')
            out.append("</g>")
        out.append("</g>")
        return "".join(out)

    def legend(self, ctx: ReportContext) -> str:
        items = []
        for i, rule_id in enumerate(self.rules):
            rule = ctx.ruleset.get(rule_id)
            title = rule.text(self.lang).title if rule else rule_id
            items.append(f"<li>{_swatch(i % len(PALETTE), self.ns)}<span>{escape(title)} <code>{escape(rule_id)}</code></span></li>")
        for state in dict.fromkeys(s.state for s in self.tl.states):
            fill_ = f"url(#{self.ns}hatchl)" if state == "failing" else STATE_FILL[state]
            hatch = f"<defs>{_hatch(self.ns + 'hatchl')}</defs>" if state == "failing" else ""
            name = t(f"tl.state.{state}", self.lang)
            items.append(f'<li><svg width="22" height="14" aria-hidden="true">{hatch}<rect width="22" height="14" '
                         f'fill="{fill_}" stroke="{STATE_INK[state]}"/></svg>'
                         f"<span>Redis: {escape(name)}</span></li>")
        if any(m.kind == "deploy" for m in self.tl.markers):
            items.append('<li><svg width="22" height="14" aria-hidden="true"><path d="M6,0 h10 l-5,7 z" fill="#1b1f24"/>'
                         '<line x1="11" x2="11" y1="0" y2="14" stroke="#1b1f24" stroke-dasharray="3 2"/></svg>'
                         f"<span>{escape(t('tl.kind.deploy', self.lang))}</span></li>")
        if any(m.kind != "deploy" for m in self.tl.markers):  # a restart, the service going live
            items.append('<li><svg width="22" height="14" aria-hidden="true"><line x1="11" x2="11" y1="0" y2="14" '
                         'stroke="#1b1f24" stroke-width="1.5" stroke-dasharray="2 3"/></svg>'
                         f"<span>{escape(t('tl.kind.platform', self.lang))}</span></li>")
        return f'<ul class="legend" aria-label="{escape(t("html.legend", self.lang))}">' + "".join(items) + "</ul>"


def render_html(diag: Diagnosis, ctx: ReportContext) -> str:
    """`rla analyze/fetch/follow -f html`: one diagnosis, one page."""
    v = diag.verdict
    state_name = t(f"tl.state.{v.state}", ctx.lang) if v.state != "unknown" else "?"
    return page(f"{t('html.title', ctx.lang)}: {state_name}", diagnosis_body(diag, ctx), ctx)


def page(title: str, body: list[str], ctx: ReportContext) -> str:
    """The document around a body: no script, nothing fetched (the CSP says so to the browser too)."""
    return (
        f'<!doctype html>\n<html lang="{ctx.lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{escape(ctx.redactor.scrub(title))}</title><style>{CSS}</style></head>"
        f"<body><main>{''.join(body)}<footer>{escape(t('html.generated', ctx.lang, version=__version__))}</footer>"
        "</main></body></html>\n"
    )


def diagnosis_body(diag: Diagnosis, ctx: ReportContext, ns: str = "", level: int = 1,
                   tags: dict[str, str] | None = None) -> list[str]:
    """One diagnosis as HTML: the verdict, the chart (unless --no-timeline), the findings with cause,
    fix and evidence, the lines no rule explains, what was read. `level` is the verdict's heading level
    (the sections' is one more), `ns` prefixes every id (several diagnoses in one page), `tags` adds a
    word to a finding's heading (rla check: fails the check, known from the baseline)."""
    lang = ctx.lang
    scrub = ctx.redactor.scrub
    h1, h2, h3 = (f"h{min(level + k, 6)}" for k in range(3))

    def esc(text: object) -> str:  # redacted before escaping: an escaped '&' would hide a secret's shape
        return escape(scrub(str(text)))

    v = diag.verdict
    state_name = t(f"tl.state.{v.state}", lang) if v.state != "unknown" else "?"
    body = [
        f'<header class="verdict state-{v.state}"><span class="badge state-{v.state}">{esc(state_name)}</span>'
        f'<{h1} class="v">{esc(verdict_text(diag, ctx))}</{h1}>'
    ]
    body += [f'<p class="muted">{esc(line)}</p>' for line in read_lines(diag, ctx)]  # what was read, what was not
    body.append("</header>")
    tl = diag.timeline
    if ctx.timeline:
        body.append(f"<section><{h2}>{esc(t('html.timeline', lang))}</{h2}>")
        if tl is None:
            body.append(f'<p class="muted">{esc(t("html.timeline.none", lang))}</p>')
        else:
            errors = error_rules(ctx.ruleset, tl)
            chart = _Chart(tl, errors, ctx, ns)
            phone = _Chart(tl, errors, ctx, ns + "n-", NARROW)
            body.append(f'<figure class="chart" style="margin:0">{chart.svg()}{phone.svg()}</figure>')
            body.append(chart.legend(ctx))
            body.append(f'<p class="muted">{esc(t("html.chart.desc", lang, step=step_text(tl.bucket_seconds, lang), start=tl.label(tl.first), end=tl.label(tl.last)))}</p>')
        body.append("</section>")
    shown = [f for f in diag.findings if f.severity > Severity.OK]  # status lines are not findings
    status = [f for f in diag.findings if f.severity <= Severity.OK]
    body.append(f"<section><{h2}>{esc(t('html.findings', lang))} ({len(shown)})</{h2}>")
    if not shown:
        body.append(f"<p>{esc(t('no_findings', lang))}</p>")
    for f in shown:
        rule = ctx.ruleset.get(f.rule_id)
        texts = rule.text(lang) if rule else None
        severity = t(f"sev.{f.severity.label}", lang)
        tag = (tags or {}).get(f.rule_id)
        body.append(f'<article class="finding" id="{esc(ns + f.rule_id)}"><{h3} class="f"><span class="sev sev-{f.severity.label}">'
                    f"{esc(severity)}</span>{esc(texts.title if texts else f.rule_id)} "
                    f"<code>{esc(f.rule_id)}</code> <span class=\"muted\">{esc(t('html.count', lang, n=f.count))}</span>"
                    + (f' <span class="tag">{esc(tag)}</span>' if tag else "") + f"</{h3}>")
        body.append(f'<p class="muted">{esc(t("html.first_last", lang, first=when(f.first, lang, ctx.local_time), last=when(f.last, lang, ctx.local_time)))}</p>')
        if texts and texts.cause:
            body.append(f"<p><strong>{esc(t('html.cause', lang))}:</strong> {esc(fill(texts.cause, f.fields))}</p>")
        if rule is not None and texts and texts.solution:
            body.append(f"<p><strong>{esc(t('html.fix', lang))}:</strong></p><ul>"
                        + "".join(f"<li>{esc(s)}</li>" for s in rule.fix(lang, diag.platform, f.said())) + "</ul>")
        facts = evidence_fields(f, lang)
        body.append(f"<p><strong>{esc(t('html.evidence', lang))}:</strong> {esc('; '.join(facts))}</p>"
                    f"<pre>{esc(f.sample)}</pre></article>")
    if status:
        body.append(f'<p class="muted">{esc(t("html.status", lang))}: '
                    + ", ".join(f"<code>{esc(f.rule_id)}</code> ×{f.count}" for f in status) + "</p>")
    body.append("</section>")
    if ctx.unexplained and diag.unexplained:
        body.append(f"<section><{h2}>{esc(t('unexplained.title', lang, n=len(diag.unexplained)))}</{h2}><table><tbody>")
        for u in diag.unexplained[:50]:
            body.append(f'<tr><td class="n">{u.count}×</td><td><code>{esc(u.template)}</code></td>'
                        f'<td class="muted">{esc(when(u.first, lang, ctx.local_time))}</td></tr>')
        body.append("</tbody></table></section>")
    s = diag.stats
    window = f"{tl.label(tl.first)} → {tl.label(tl.last)}" if tl is not None else "—"
    if s.scope is not None and s.scope.start:
        window = f"{s.scope.start} → {s.scope.end or '…'}"
    body.append(f"<section><{h2}>{esc(t('html.read', lang))}</{h2}><dl class=\"facts\">"
                f"<dt>{esc(t('html.sources', lang))}</dt><dd>{esc(', '.join(s.sources) or '—')}</dd>"
                f"<dt>{esc(t('html.window', lang))}</dt><dd>{esc(window)}</dd>"
                f"<dt>{esc(t('html.lines', lang))}</dt><dd>{s.lines:,}</dd>"
                f"<dt>{esc(t('html.candidates', lang))}</dt><dd>{s.candidates:,}</dd></dl></section>")
    return body
