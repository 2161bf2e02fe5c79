"""The timeline in a few terminal lines, under the verdict: one line per instance (the busiest three;
the rest summed on one line), block characters for Redis errors per column, coloured by Redis's
state when colour is on, the start and end times in the head line, deploys marked under them.

   Timeline 20:46:05 → 20:48:30, one column = 5 s, height = Redis errors
   ccwge    ▁▃██▇▅▂▁      ▁
   ▲ deploy ▲

Omitted when the log has no timestamps or spans less than a minute (a picture of 20 seconds says
nothing the verdict's times do not).
"""

from __future__ import annotations

from analyzer.i18n import t
from analyzer.terminal import clip
from analyzer.model import Severity
from analyzer.timeline import Timeline

BLOCKS = "▁▂▃▄▅▆▇█"
MIN_SPAN = 60
LABEL = 9  # instance column, with its space
MAX_LINES = 3
_STATE_COLOR = {"healthy": "\x1b[32m", "recovered": "\x1b[36m", "degraded": "\x1b[33m", "failing": "\x1b[31m"}
_RESET = "\x1b[0m"
_STATE_MARK = {"healthy": "·", "recovered": "·", "failing": "✗", "degraded": "≈"}
_RANK = {"healthy": 0, "recovered": 1, "degraded": 2, "failing": 3}


def step_text(seconds: int, lang: str) -> str:
    if seconds % 3600 == 0:
        return t("tl.step.h", lang, n=seconds // 3600)
    if seconds % 60 == 0:
        return t("tl.step.min", lang, n=seconds // 60)
    return t("tl.step.s", lang, n=seconds)


def error_rules(ruleset, tl: Timeline) -> set[str]:  # type: ignore[no-untyped-def]
    """The series drawn as errors: findings at warning or worse (a `ready` line is not one), and of those
    the causes and states when there are any, so one refused connection that the app also wraps in its
    own "connection error" line is drawn once, not twice."""
    bad = {}
    for s in tl.series:
        rule = ruleset.get(s.rule)
        if rule is not None and rule.severity >= Severity.WARNING:
            bad[s.rule] = rule
    main = {r for r, rule in bad.items() if rule.kind != "symptom"}
    return main or set(bad)


def columns(values: list[int], factor: int) -> list[int]:
    return [sum(values[i : i + factor]) for i in range(0, len(values), factor)]


def bucket_states(tl: Timeline) -> list[str | None]:
    """Redis's state in each bucket (None before the first state line)."""
    out: list[str | None] = [None] * tl.buckets
    for span in tl.states:
        lo = (span.start - tl.start) // tl.bucket_seconds
        hi = (span.end - tl.start) // tl.bucket_seconds
        for i in range(max(lo, 0), min(hi, tl.buckets)):
            out[i] = span.state
    return out


def _bar(count: int, top: int) -> str:
    if count <= 0:
        return " "
    return BLOCKS[min(len(BLOCKS) - 1, max(0, -(-count * len(BLOCKS) // top) - 1))]


def timeline_lines(tl: Timeline | None, ruleset, lang: str, width: int, color: bool) -> list[str]:  # type: ignore[no-untyped-def]
    if tl is None or tl.span < MIN_SPAN:
        return []
    rows = tl.per_instance(error_rules(ruleset, tl))
    if not rows:
        return []
    avail = max(20, width - 3 - LABEL - 1)
    factor = -(-tl.buckets // avail)
    states = bucket_states(tl)
    col_state = []
    for i in range(0, tl.buckets, factor):
        group = [s for s in states[i : i + factor] if s]
        col_state.append(max(group, key=lambda s: _RANK[s]) if group else None)
    named = list(rows.items())
    shown = named[:MAX_LINES] if len(named) <= MAX_LINES else named[: MAX_LINES - 1]
    rest = named[len(shown) :]
    lines_data = [(_label(inst, lang), columns(vals, factor)) for inst, vals in shown]
    if rest:
        summed = [sum(v) for v in zip(*(vals for _, vals in rest))]
        lines_data.append((t("tl.others", lang, n=len(rest)), columns(summed, factor)))
    top = max((max(c) for _, c in lines_data), default=1) or 1
    step = step_text(tl.bucket_seconds * factor, lang)
    head = t("tl.head", lang, start=tl.label(tl.first), end=tl.label(tl.last, date=_days(tl) > 0), step=step)
    out = ["   " + clip(head, width - 3)]
    for label, cols in lines_data:
        bars = "".join(_paint(_bar(c, top), col_state[i], color) for i, c in enumerate(cols))
        out.append(f"   {label[: LABEL - 1]:<{LABEL - 1}} {bars}".rstrip())
    # Redis's state, readable without colour: · working, ✗ failing, ≈ degraded (the memory fallback)
    marks_state = "".join(_STATE_MARK.get(st or "", " ") for st in col_state)
    out.append(f"   {'Redis':<{LABEL - 1}} " + "".join(_paint(c, st, color) for c, st in zip(marks_state, col_state)).rstrip())
    deploys = [m for m in tl.markers if m.kind == "deploy"]
    if deploys:
        marks = [" "] * len(lines_data[0][1])
        for m in deploys:
            marks[min(len(marks) - 1, (m.time - tl.start) // tl.bucket_seconds // factor)] = "▲"
        legend = t("tl.deploys", lang)
        out.append(f"   {legend[: LABEL - 1]:<{LABEL - 1}} {''.join(marks)}".rstrip())
    return out


def _days(tl: Timeline) -> int:
    return tl.last // 86400 - tl.first // 86400


def _label(instance: str | None, lang: str) -> str:
    if instance is None:
        return t("tl.all", lang)
    return instance[-(LABEL - 1) :]  # an API instance id ends with the dashboard's short suffix


def _paint(char: str, state: str | None, on: bool) -> str:
    code = _STATE_COLOR.get(state or "")
    return f"{code}{char}{_RESET}" if on and code and char != " " else char
