"""The timeline as Mermaid (GitHub renders ```mermaid blocks in comments and step summaries), drawn from
the JSON report's `timeline` object so a run document (`rla check`) draws it the same way:

- an `xychart-beta` of Redis errors per bucket, one line per instance (at most MAX_POINTS points);
- a `gantt` of Redis's state as intervals, with platform events as milestones;
- a plain-text line under them, for where Mermaid is not rendered.

Omitted when there is no timeline or nothing to draw.
"""

from __future__ import annotations

from typing import Any

from analyzer.i18n import t

MAX_POINTS = 24
MAX_LINES = 4
# Mermaid's default theme draws the first line of an xychart in #ECECFF, white on white: the lines take
# the HTML report's colours instead (analyzer/report/html.py PALETTE).
_LINE_COLORS = "#c0392b, #1f6fb2, #b9770e, #6c3483"
_GANTT_TAG = {"failing": "crit", "degraded": "active", "recovered": "done", "healthy": "done"}


def _step(seconds: int, lang: str) -> str:
    from analyzer.report.timeline_text import step_text

    return step_text(seconds, lang)


def _quote(text: str) -> str:
    return text.replace('"', "'").replace("\n", " ")


def _clock(label: str) -> str:
    """'2026-11-26 19:46:16 UTC' -> '19:46:16', '+1d 08:46:05 PM' -> '08:46:05 PM': the time of day alone."""
    words = label.removesuffix(" UTC").split()
    return " ".join(w for w in words if not w.startswith("+") and w.count("-") != 2)


def mermaid_blocks(tl: dict[str, Any] | None, error_rules: set[str], lang: str) -> list[str]:
    if not tl:
        return []
    n, size, start = tl["buckets"], tl["bucket_seconds"], tl["start_seconds"]
    rows: dict[str, list[int]] = {}
    for s in tl["series"]:
        if s["rule"] in error_rules:
            row = rows.setdefault(s["instance"] or t("tl.all", lang), [0] * n)
            for i, c in enumerate(s["counts"]):
                row[i] += c
    out: list[str] = []
    factor = -(-n // MAX_POINTS)
    step = _step(size * factor, lang)
    ranked = sorted(rows.items(), key=lambda kv: -sum(kv[1]))[:MAX_LINES]
    if ranked:
        labels = [_offset_label(tl, start + i * size) for i in range(0, n, factor)]
        top = 0
        lines = []
        for _, row in ranked:
            cols = [sum(row[i : i + factor]) for i in range(0, n, factor)]
            top = max(top, *cols)
            lines.append("    line [" + ", ".join(str(c) for c in cols) + "]")
        out += [
            "```mermaid",
            '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "' + _LINE_COLORS + '"}}}}%%',
            "xychart-beta",
            f'    title "{_quote(t("tl.md.title", lang, step=step))}"',
            "    x-axis [" + ", ".join(f'"{lab}"' for lab in labels) + "]",
            f'    y-axis "{_quote(t("tl.md.y", lang))}" 0 --> {max(top, 1)}',
            *lines,
            "```",
        ]
    if tl["states"] or tl["markers"]:
        # the axis reads the log's own clock (12-hour when it wrote "08:46:05 PM"); no "today" line: the
        # dates are the log's, not the reader's
        twelve = tl["first"].endswith(("AM", "PM"))
        out += ["```mermaid", "gantt", "    dateFormat YYYY-MM-DD HH:mm:ss",
                f"    axisFormat {'%I:%M:%S %p' if twelve else '%H:%M:%S'}", "    todayMarker off"]
        if tl["states"]:
            out.append(f"    section {_quote(t('tl.md.states', lang))}")
            for s in tl["states"]:
                begin = _moment(tl, start + s["offset"])
                tag = _GANTT_TAG.get(s["state"], "")
                name = t(f"tl.state.{s['state']}", lang)
                out.append(f"    {name} :{tag + ', ' if tag else ''}{begin}, {s['seconds']}s")
        if tl["markers"]:
            out.append(f"    section {_quote(t('tl.md.events', lang))}")
            for m in tl["markers"]:
                # a colon ends a gantt task's name: the time is written with a ratio sign that looks the same
                name = f"{_kind(m['kind'], lang)} {_clock(m['time'])}".replace(":", "∶")
                out.append(f"    {_quote(name)} :milestone, {_moment(tl, start + m['offset'])}, 0s")
        out.append("```")
    if not out:
        return []
    return out + ["", fallback_line(tl, [name for name, _ in ranked], lang)]


def _moment(tl: dict[str, Any], seconds: int) -> str:
    """A gantt date as the log's clock reads it (Mermaid would shift epoch seconds to the viewer's zone);
    a log with times of day only sits on an arbitrary first day."""
    from datetime import datetime, timedelta, timezone

    base = datetime(1970, 1, 1) if tl["clock"] == "utc" else datetime(2000, 1, 1)
    return (base + timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")


def error_rules_of(findings: list[dict[str, Any]]) -> set[str]:
    """As timeline_text.error_rules, from the JSON report's findings (a run document has no rule objects)."""
    bad = {f["rule"]: f for f in findings if f["severity"] in ("warning", "error", "critical")}
    return {r for r, f in bad.items() if f.get("kind") != "symptom"} or set(bad)


def _offset_label(tl: dict[str, Any], seconds: int) -> str:
    rest = seconds % 86400
    if tl["first"].endswith(("AM", "PM")):  # the log's own 12-hour clock
        hour = rest // 3600
        return f"{(hour % 12) or 12:02d}:{rest // 60 % 60:02d}:{rest % 60:02d} {'PM' if hour >= 12 else 'AM'}"
    return f"{rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}"


def _kind(kind: str, lang: str) -> str:
    # a deploy, or another Render platform line (a restart's "==> Running …"): the rule id would mean little here
    return t("tl.kind.deploy" if kind == "deploy" else "tl.kind.platform", lang)


def fallback_line(tl: dict[str, Any], names: list[str], lang: str) -> str:
    """What the charts say in one line: the state intervals, then the platform events."""
    states = ", ".join(
        t(f"tl.state.{s['state']}", lang) + f" {_clock(s['start'])}–{_clock(s['end'])}" for s in tl["states"]
    ) or "—"
    if names:
        states += f" ({t('tl.md.lines', lang, names=', '.join(names))})"
    by_kind: dict[str, list[str]] = {}
    for m in tl["markers"]:
        by_kind.setdefault(m["kind"], []).append(_clock(m["time"]))
    events = "".join(t("tl.md.events_at", lang, kind=_kind(k, lang), times=", ".join(v)) for k, v in by_kind.items())
    return t("tl.md.fallback", lang, start=tl["first"], end=tl["last"], states=states, events=events)
