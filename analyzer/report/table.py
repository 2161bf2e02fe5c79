"""--format table (the default): the answer in one screen.

    ⚠️  verdict (state, since when, root cause)
       what was read
    Fix (root-cause id):          the root cause's steps, not every symptom's
      • …
    Then (symptom ids):           what a linked symptom leaves to do once the cause is fixed (`after_fix`)
      • …
    Findings (n):                 one line per finding, as Ruff's concise output
      error    redis-econnrefused     ×7  08:46:12–08:46:16 PM [ccwge] 10.0.3.7:6379
      error    ↳ redis-connection-error ×6 …
    -v: cause and fix of every finding · rla rules show ID

With `-v` (`--explain`) every finding's cause and fix follow; a symptom points at its root cause's
fix instead of repeating it. A healthy log gets a few lines, not a table of `ok` rows. Every line
fits `ctx.width` terminal cells (analyzer.terminal), and no identifier is cut.
"""

from __future__ import annotations

import os

from analyzer.i18n import t, tr
from analyzer.model import STATE_RANK, Diagnosis, Finding, Severity
from analyzer.report import (
    ReportContext,
    evidence_fields,
    fill,
    not_redis_text,
    nothing_read,
    state_text,
    verdict_text,
    when,
)
from analyzer.terminal import cells, clip, columns, wrap
from analyzer.times import clock, day, human

_ICON = {"healthy": "✅", "degraded": "⚠️", "failing": "❌", "recovered": "↺", "unknown": "?"}
_COLOR = {
    Severity.CRITICAL: "\x1b[1;31m",
    Severity.ERROR: "\x1b[31m",
    Severity.WARNING: "\x1b[33m",
    Severity.INFO: "\x1b[36m",
    Severity.OK: "\x1b[32m",
}
_STATE_COLOR = {"healthy": "\x1b[1;32m", "degraded": "\x1b[1;33m", "failing": "\x1b[1;31m", "recovered": "\x1b[1;36m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
SYMPTOM = "↳ "  # a symptom of the verdict's root cause
UNEXPLAINED_SHOWN = 5  # in the first screen; -v shows 20
AFTER_FIX_SHOWN = 2  # rules whose `after_fix` the first screen shows; -v prints each finding's own fix below


def _columns(rows: list[list[str]]) -> str:
    """The findings' columns: one space between them, a two-space indent (tabulate where terminal.columns
    leaves them to it)."""
    text = columns(rows, indent="  ", sep=" ")
    if text is None:
        from tabulate import DataRow, TableFormat, tabulate

        fmt = TableFormat(lineabove=None, linebelowheader=None, linebetweenrows=None, linebelow=None,
                          headerrow=DataRow("  ", " ", ""), datarow=DataRow("  ", " ", ""), padding=0, with_header_hide=None)
        text = tabulate(rows, tablefmt=fmt, disable_numparse=True)
    return text


def _paint(text: str, code: str | None, on: bool) -> str:
    return f"{code}{text}{_RESET}" if on and code else text


def _span(f: Finding, local: bool) -> str:
    """First–last time of day: `08:46:12–08:46:16 PM`, `19:46:16–19:48:02`."""
    first, last = clock(f.first.time, local), clock(f.last.time, local)
    if not first:
        return ""
    if not last or last == first:
        return first
    for half in (" AM", " PM"):
        if first.endswith(half) and last.endswith(half):
            return f"{first[:-3]}–{last}"
    return f"{first}–{last}"


def _instances(f: Finding) -> str:
    if not f.instances:
        return ""
    more = f"+{len(f.instances) - 1}" if len(f.instances) > 1 else ""
    return f"[{f.instances[0]}{more}]"


def key_evidence(f: Finding, lang: str, because: bool = True) -> str:
    """The evidence worth one line: host:port, code, REDIS_URL set, else the message, else the sample. The root
    cause's reasons are left out (`because=False`): the verdict's 'why:' line above already says them."""
    parts = evidence_fields(f, lang, instances=False, caused=False, because=because)
    # the message last: it is the longest and usually says again what host:port and the code say
    parts.sort(key=lambda p: p.startswith("message="))
    return " ".join(parts) if parts else f.sample


def _whole_words(text: str, room: int) -> str:
    """As many whole words of `text` as fit in `room` cells, `…` when some are left out: an address
    or an error code is shown whole or not at all."""
    if cells(text) <= room:
        return text
    out = ""
    for word in text.split():
        candidate = f"{out} {word}" if out else word
        if cells(candidate + "…") > room:
            break
        out = candidate
    return out + "…" if sum(ch.isalnum() for ch in out) >= 3 else ""  # a lone emoji says nothing


def read_lines(diag: Diagnosis, ctx: ReportContext) -> list[str]:
    """What was read: sources and lines, or the service and window of a fetch; filters; skips."""
    s, lang = diag.stats, ctx.lang
    out = []
    scope = getattr(s, "scope", None)  # fetch and follow fill it (the service, the window, the filters)
    if scope is not None:
        start = human(scope.start, lang, ctx.local_time) if scope.start else "?"
        end = human(scope.end, lang, ctx.local_time) if scope.end else "…"
        if scope.start and scope.end and day(scope.start, ctx.local_time) == day(scope.end, ctx.local_time):
            end = end[11:]  # same day: the end's time and zone suffice
        service = f"{scope.service} ({scope.service_id})" if scope.service_id and scope.service_id != scope.service else scope.service
        out.append(t("read.logs", lang, lines=f"{scope.logs or s.lines:,}", service=service, start=start, end=end))
        out += [t("read.filter", lang, filter=f"--{k} {','.join(v)}") for k, v in (scope.filters or {}).items() if v]
        out += [t("read.filter_joined", lang, filter=f"--{k} {','.join(v)}") for k, v in (scope.after_join or {}).items() if v]
    else:
        what = s.sources[0] if len(s.sources) == 1 else t("read.sources", lang, n=len(s.sources))
        if not s.sources:
            what = "<stdin>"
        out.append(t("read.lines", lang, lines=f"{s.lines:,}", what=what))
    out += [t("read.skipped", lang, what=w) for w in s.skipped]
    if s.unparsed:
        out.append(t("summary.unparsed", lang, n=s.unparsed, where=s.first_unparsed))
    if s.incomplete:
        out.append(t("summary.incomplete", lang, why=s.incomplete))
    return out


def _fix_target(diag: Diagnosis) -> Finding | None:
    """Whose steps the first screen shows: the root cause's, else the worst finding not caused by another."""
    if diag.verdict.root_cause:
        for f in diag.findings:
            if f.rule_id == diag.verdict.root_cause:
                return f
    heads = [f for f in diag.findings if f.severity > Severity.OK and not f.caused_by]
    return max(heads, key=lambda f: f.severity, default=None)


def _after_fix(diag: Diagnosis, target: Finding | None, ctx: ReportContext) -> list[tuple[str, tuple[str, ...]]]:
    """The steps a finding linked to the root cause leaves once that cause is fixed (the app still on its memory cache,
    its Lua scripts never loaded again): only while the verdict is bad, each rule once, the first AFTER_FIX_SHOWN."""
    if target is None or diag.verdict.state not in ("failing", "degraded"):
        return []
    out: list[tuple[str, tuple[str, ...]]] = []
    for f in diag.findings:
        rule = ctx.ruleset.get(f.rule_id) if f.caused_by == target.rule_id else None
        steps = rule.text(ctx.lang).after_fix if rule is not None else ()
        if steps and all(r != f.rule_id for r, _ in out):  # a rule found under two conditions is one finding each
            out.append((f.rule_id, tuple(fill(s, f.fields) for s in steps)))
    return out[:AFTER_FIX_SHOWN]


def _finding_lines(shown: list[Finding], diag: Diagnosis, ctx: ReportContext, show_instance: bool = True) -> list[str]:
    lang, width = ctx.lang, ctx.width
    root = diag.verdict.root_cause
    labels = {f.rule_id: t(f"sev.{f.severity.label}", lang) for f in shown}
    sev_w = max(cells(x) for x in labels.values())
    names = {f.rule_id: (SYMPTOM if root and f.caused_by == root else "") + f.rule_id for f in shown}
    counts = {f.rule_id: f"×{f.count}" for f in shown}
    name_w = max(cells(names[k]) + 1 + cells(counts[k]) for k in names)
    if 2 + sev_w + 1 + name_w > width // 2:  # a very long id: no alignment, evidence keeps its room
        name_w = 0
    heads = [names[f.rule_id] + " " + counts[f.rule_id] for f in shown]
    # the aligned columns (severity, rule ×count) are a table; what follows them is fitted to the width per row
    rows = _columns([[labels[f.rule_id], h] for f, h in zip(shown, heads)]).splitlines() if name_w else [
                        "  " + labels[f.rule_id] + " " * (sev_w - cells(labels[f.rule_id]) + 1) + h
                        for f, h in zip(shown, heads)]
    out = []
    for f, row in zip(shown, rows):
        label = labels[f.rule_id]
        prefix = row + " " * max(2 + sev_w + 1 + name_w - cells(row), 0)
        linked = f" ← {f.caused_by}" if f.caused_by and f.caused_by != root else ""
        span, where = _span(f, ctx.local_time), _instances(f) if show_instance else ""
        line = prefix
        # what does not fit goes, least useful first: the evidence is clipped, then the instance, then the times
        for tail in (" ".join(x for x in (span, where) if x), span):
            if tail and cells(prefix + "  " + tail + linked) <= width:
                line = prefix + "  " + tail
                break
        room = width - cells(line) - cells(linked) - 1
        evidence = _whole_words(key_evidence(f, lang, because=f.rule_id != root), room)
        if evidence:
            line += " " + evidence
        painted = line.replace(label, _paint(label, _COLOR.get(f.severity), ctx.color), 1)
        out.append(painted + linked)
    return out


def _explain(f: Finding, diag: Diagnosis, ctx: ReportContext, fixed: str | None) -> list[str]:
    """-v: one finding in full: title, first/last, evidence, cause, fix (or a pointer to the root's)."""
    lang, width = ctx.lang, ctx.width
    rule = ctx.ruleset.get(f.rule_id)
    texts = rule.text(lang) if rule else None
    title = f"{f.rule_id} — {texts.title}" if texts else f.rule_id
    out = wrap(_paint(title, _BOLD, ctx.color) if ctx.color else title, width + (len(_BOLD) + len(_RESET) if ctx.color else 0))
    first, last = when(f.first, lang, ctx.local_time), when(f.last, lang, ctx.local_time)
    out += wrap(t("explain.first_last", lang, first=first, last=last), width, "  ", "    ")
    evidence = "; ".join(evidence_fields(f, lang)) or f.sample
    out += wrap(f"{t('col.evidence', lang)}{t('colon', lang)} {evidence}", width, "  ", "    ")
    if rule is not None and texts is not None:
        out += wrap(f"{t('col.cause', lang)}{t('colon', lang)} {fill(texts.cause, f.fields)}", width, "  ", "    ")
        target = f.caused_by or (fixed if f.rule_id == fixed else None)
        if target:
            out += wrap(t("explain.see_root", lang, id=target), width, "  ", "    ")
        else:
            for step in rule.fix(lang, diag.platform, f.said()):
                out += wrap(f"• {step}", width, "  ", "    ")
    return out


_SOURCE_STATE = {"healthy": "source.healthy", "degraded": "source.degraded", "failing": "source.failing",
                 "recovered": "source.recovered", "unknown": "source.unknown"}


def _per_source(diag: Diagnosis, ctx: ReportContext) -> list[str]:
    """Worst first, one line each (name below the common folder, state, root cause), the first 8 so the root
    cause's fix stays on the first screen; -v gives every file's whole verdict sentence."""
    ranked = sorted(diag.per_source, key=lambda sv: -STATE_RANK.get(sv.verdict.state, 0))
    names = [sv.source for sv in ranked]
    try:
        base = os.path.commonpath(names) if len(names) > 1 else ""
    except ValueError:  # absolute and relative paths mixed
        base = ""
    if base in names:  # one path is the others' prefix: keep whole names
        base = ""
    out: list[str] = []
    shown = ranked[:50] if ctx.explain else ranked[:8]
    for sv in shown:
        mark = _ICON.get(sv.verdict.state, "?")
        name = os.path.relpath(sv.source, base) if base else sv.source
        if ctx.explain:
            out += wrap(f"{mark} {name}: {state_text(sv.verdict, ctx)}", ctx.width, "   ", "       ")
            continue
        text = f"{mark} {name}: {t(_SOURCE_STATE.get(sv.verdict.state, 'source.unknown'), ctx.lang)}"
        if sv.verdict.root_cause:
            text += f" · {sv.verdict.root_cause}"
        out += wrap(text, ctx.width, "   ", "       ")
    if len(ranked) > len(shown):
        out.append("   " + t("sources.more", ctx.lang, n=len(ranked) - len(shown)))
    return out


def render_table(diag: Diagnosis, ctx: ReportContext) -> str:
    lang, width = ctx.lang, ctx.width
    v = diag.verdict
    icon = _ICON.get(v.state, "?")
    lead = icon + " " * (3 - cells(icon))
    head = wrap(lead + verdict_text(diag, ctx), width, "", "   ")
    lines = [_paint(x, _STATE_COLOR.get(v.state), ctx.color) for x in head]
    root = next((f for f in diag.findings if f.rule_id == v.root_cause), None)
    if root is not None and root.because:  # what the root cause was inferred from, on the first screen
        lines += wrap(t("verdict.why", lang, why="; ".join(str(tr(b, lang)) for b in root.because)), width, "   ", "     ")
    for text in read_lines(diag, ctx):
        lines += wrap(text, width, "   ", "     ")
    if diag.per_source:  # several files: each one's own story under the worst one
        lines += wrap(t("sources.title", lang), width, "   ")
        lines += _per_source(diag, ctx)
    if ctx.timeline:
        from analyzer.report.timeline_text import timeline_lines

        lines += timeline_lines(diag.timeline, ctx.ruleset, lang, width, ctx.color)
    if nothing_read(diag):
        return "\n".join(lines) + "\n"

    shown = [f for f in diag.findings if f.severity > Severity.OK]
    status = [f for f in diag.findings if f.severity <= Severity.OK]
    target = _fix_target(diag)
    rule = ctx.ruleset.get(target.rule_id) if target else None
    if target is not None and rule is not None:
        lines += ["", _paint(t("fix.title", lang, id=target.rule_id), _BOLD, ctx.color)]
        for step in rule.fix(lang, diag.platform, target.said()):
            lines += wrap(f"• {fill(step, target.fields)}", width, "  ", "    ")
        after = _after_fix(diag, target, ctx)
        if after:
            title = wrap(t("fix.after", lang, ids=", ".join(r for r, _ in after)), width, "", "  ")
            lines += [_paint(x, _BOLD, ctx.color) for x in title]
            for _, steps in after:
                for step in steps:
                    lines += wrap(f"• {step}", width, "  ", "    ")
    if shown:
        # what every line would repeat is said once in the heading: the day and zone, the one instance
        days = {day(x, ctx.local_time) for f in shown for x in (f.first.time, f.last.time) if x}
        one_day = next(iter(days)) if len(days) == 1 and None not in days else None
        instances = {tuple(f.instances) for f in shown}
        one = next(iter(instances))[0] if len(instances) == 1 and len(next(iter(instances))) == 1 else None
        key = "findings.title" + (".day" if one_day else "") + (".instance" if one else "")
        title = t(key, lang, n=len(shown), day=one_day or "", instance=f"[{one}]")
        lines += ["", *wrap(title, width, "", "  "), *_finding_lines(shown, diag, ctx, show_instance=one is None)]
    elif v.state in ("healthy", "recovered"):
        lines += ["", t("healthy.note", lang)]
    else:
        lines += ["", t("no_findings", lang)]
    if status:
        listed = ", ".join(f"{f.rule_id} ×{f.count}" for f in status)
        lines += wrap(t("findings.status", lang, list=listed), width, "", "  ")
    if diag.not_redis:  # failures nothing ties to Redis: one line each, never a finding
        lines.append("")
        for n in diag.not_redis[:10]:
            lines += wrap(f"{not_redis_text(n, lang)} ({when(n.first, lang, ctx.local_time)})", width, "  ", "    ")
        if len(diag.not_redis) > 10:
            lines.append(f"  … +{len(diag.not_redis) - 10}")
    if ctx.unexplained and diag.unexplained:
        limit = 20 if ctx.explain else UNEXPLAINED_SHOWN
        lines += ["", t("unexplained.title", lang, n=len(diag.unexplained))]
        for u in diag.unexplained[:limit]:
            where = clock(u.first.time, ctx.local_time)
            lines.append(clip(f"  {u.count:>4}× {u.template}" + (f"  ({where})" if where else ""), width))
        if len(diag.unexplained) > limit:
            lines.append("  " + t("unexplained.more", lang, n=len(diag.unexplained) - limit))
    if ctx.explain and shown:
        fixed = target.rule_id if target else None
        for f in shown:
            lines += ["", *_explain(f, diag, ctx, fixed)]
    elif shown:
        more = t("findings.more", lang, id=v.root_cause) if v.root_cause else t("findings.more.plain", lang)
        lines += ["", *wrap(more, width)]
    return "\n".join(lines) + "\n"
