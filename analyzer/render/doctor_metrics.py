"""`rla doctor` item 9: the Key Value's own metrics, read against what the app's logs say.

    side = KVSide(kv_id, plan, policy, start, end)     # filled by analyzer.render.doctor_kv.gather_kv
    results = check_metrics(side, app_diagnosis, deploys)

Pure: series in, CheckResults out. A figure corroborates a log finding (memory at its limit
around an OOM, connections at the plan's limit around max-clients refusals) or refutes it
(connections never near the limit; zero connections while the app says it is connected: the
app talks to another Redis). Every figure is given with its time; `data.spark` holds the series
for a sparkline (drawn by the renderer only when colour and width allow).

The response shape (render-api.md §5, OpenAPI excerpt `/metrics/*`): an array of time series
`{labels: [{field, value}], values: [{timestamp, value}], unit}`. UNCONFIRMED there: the unit of
memory (the spec's example says "GB"), whether the array comes wrapped in an object (`items`),
whether timestamps are RFC 3339 or epoch, and `memory-limit` for a Key Value (named, not
described). `parse_series` reads all of these; a unit it does not know is never guessed into bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable

from analyzer.i18n import Msg as M
from analyzer.model import Diagnosis, Severity
from analyzer.urllint import CheckResult

__all__ = ["PLAN_LIMITS", "PlanLimit", "Series", "KVSide", "parse_series", "check_metrics", "sparkline",
           "MEMORY_RULES", "CONNECTION_RULES", "ITEM"]

ITEM = 9
MiB = 1024 * 1024

# The plan limits of Render Key Value: (maxmemory in bytes, max connections). ONE table.
# Source: Render's "New Key Value" form as transcribed from the Dashboard (Free: 25 MB RAM, 50
# connections; Starter: 256 MB, 250; Standard: 1 GB, 1,000) and render.com/pricing, as quoted in
# public READMEs found with the docs search; Pro Plus (10 GB, 10,000) from render-oss/skills
# (render-migrate-from-heroku/references/service-mapping.md, per ../shared/research/redis-errors.md).
# `pro` and `custom` are not stated by any source we have: "limit unknown". MB read as MiB (Redis'
# own "mb").
@dataclass(frozen=True)
class PlanLimit:
    memory_bytes: int
    connections: int


PLAN_LIMITS: dict[str, PlanLimit] = {
    "free": PlanLimit(25 * MiB, 50),
    "starter": PlanLimit(256 * MiB, 250),
    "standard": PlanLimit(1024 * MiB, 1000),
    "pro_plus": PlanLimit(10 * 1024 * MiB, 10000),
}

# Log findings the figures speak to (rule ids: the rule pack's data, not wordings).
MEMORY_RULES = ("redis-oom", "redis-eviction-policy", "redis-data-missing", "redis-misconf")
CONNECTION_RULES = ("redis-max-clients", "redis-handshake-failed", "redis-connection-dropped",
                    "redis-server-tls-handshake-error")
UP_RULES = ("redis-ready", "redis-cache-connected", "redis-session-store-ready")  # the pack's `state: up` rules
NEAR = 0.9  # "at its limit" from 90 %
FAR = 0.5  # "nowhere near" below 50 %
AROUND_S = 300  # a figure is "around" a finding within 5 minutes of it

_UNITS = {"b": 1, "byte": 1, "bytes": 1, "kb": 1024, "kib": 1024, "mb": MiB, "mib": MiB, "gb": 1024 * MiB,
          "gib": 1024 * MiB}


@dataclass
class Series:
    name: str
    points: list[tuple[datetime, float]] = field(default_factory=list)  # sorted by time
    unit: str | None = None

    def peak(self) -> tuple[datetime, float] | None:
        return max(self.points, key=lambda p: p[1]) if self.points else None

    def bytes_factor(self) -> float | None:
        return _UNITS.get((self.unit or "").strip().lower()) if self.unit else None


@dataclass
class KVSide:
    """What the API told about the Key Value itself over the log window."""

    kv_id: str
    name: str | None = None
    plan: str | None = None
    policy: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    series: dict[str, Series] = field(default_factory=dict)  # memory, memory-limit, active-connections, cpu
    errors: dict[str, str] = field(default_factory=dict)
    logs: Diagnosis | None = None  # its own logs, diagnosed
    log_count: int | None = None


# --------------------------------------------------------------------------------------------
# parsing
# --------------------------------------------------------------------------------------------


def _time(value: Any) -> datetime | None:
    from analyzer.render.timestamps import parse_ts

    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        seconds = value / 1000 if value > 1e11 else value  # epoch ms or s
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str) and value.strip().replace(".", "", 1).isdigit():
        return _time(float(value))
    return parse_ts(value)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        n = float(value)
    except (TypeError, ValueError):
        return None
    return n if math.isfinite(n) else None


def parse_series(name: str, payload: Any, resource: str | None = None) -> Series:
    """One metric answer -> one series (the max of every series at each time, which for one Key
    Value is its only series). Reads the documented bare array and an object wrapping it."""
    raw = payload
    if isinstance(raw, dict):
        raw = next((raw[k] for k in ("items", "data", "series", "metrics") if isinstance(raw.get(k), list)), [raw])
    by_time: dict[datetime, float] = {}
    unit: str | None = None
    for s in raw if isinstance(raw, list) else []:
        if not isinstance(s, dict):
            continue
        labels = {str(lab.get("field") or lab.get("name")): str(lab.get("value"))
                  for lab in s.get("labels") or [] if isinstance(lab, dict)}
        if resource and labels.get("resource") not in (None, resource):
            continue  # another resource's series
        unit = unit or (str(s["unit"]) if s.get("unit") else None)
        for v in s.get("values") or []:
            if not isinstance(v, dict):
                continue
            t, n = _time(v.get("timestamp", v.get("time"))), _number(v.get("value"))
            if t is not None and n is not None:
                by_time[t] = max(n, by_time.get(t, n))
                unit = unit or (str(v["unit"]) if v.get("unit") else None)
    return Series(name, sorted(by_time.items()), unit)


# --------------------------------------------------------------------------------------------
# shaping figures
# --------------------------------------------------------------------------------------------

_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float], width: int = 24, top: float | None = None) -> str:
    """A short sparkline of `values` (max per bucket), scaled to `top` (the limit) when given."""
    if not values:
        return ""
    n = min(width, len(values))
    buckets = [max(values[i * len(values) // n:(i + 1) * len(values) // n] or [0.0]) for i in range(n)]
    hi = top if top and top > 0 else max(buckets)
    if hi <= 0:
        return _BARS[0] * n
    return "".join(_BARS[min(len(_BARS) - 1, max(0, int(v / hi * (len(_BARS) - 1) + 0.5)))] for v in buckets)


def _fmt_bytes(n: float) -> str:
    for unit, size in (("GB", 1024 * MiB), ("MB", MiB), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n:.0f} B"


def _hhmm(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%H:%M UTC")


def _finding_times(diag: Diagnosis | None, rule_ids: Iterable[str]) -> list[tuple[str, datetime | None]]:
    from analyzer.render.timestamps import parse_ts

    ids = set(rule_ids)
    return [(f.rule_id, parse_ts(f.first.time)) for f in (diag.findings if diag else []) if f.rule_id in ids]


def _around(series: Series, when: datetime | None) -> tuple[datetime, float] | None:
    """The highest point within AROUND_S of `when` (the whole window when the time is unknown)."""
    pts = series.points if when is None else [p for p in series.points if abs((p[0] - when).total_seconds()) <= AROUND_S]
    return max(pts, key=lambda p: p[1]) if pts else None


def _res(id: str, status: str, sev: Severity, message: str, cause: str = "", fix: str = "",
         **data: Any) -> CheckResult:
    return CheckResult(id, ITEM, status, sev, message, cause, fix, None, data)


def _spark_data(series: Series, scale: float = 1.0, top: float | None = None) -> dict[str, Any]:
    return {"spark": [v * scale for _, v in series.points], "spark_top": top,
            "points": [[t.isoformat().replace("+00:00", "Z"), v] for t, v in series.points]}


# --------------------------------------------------------------------------------------------
# the checks
# --------------------------------------------------------------------------------------------


def _memory(side: KVSide, diag: Diagnosis | None) -> list[CheckResult]:
    mem = side.series.get("memory")
    if mem is None:
        return [_res("kvm.memory", "unknown", Severity.INFO,
                     M("kvm.unread", what="memory", why=side.errors.get("memory", M("doctor.not_fetched"))))]
    if not mem.points:
        return [_res("kvm.memory", "unknown", Severity.INFO, M("kvm.no_points", what="memory"))]
    limit_series = side.series.get("memory-limit")
    factor = mem.bytes_factor()
    limit: float | None = None
    limit_from = ""
    if limit_series is not None and limit_series.points:
        lim_factor = limit_series.bytes_factor() or (factor if limit_series.unit in (None, mem.unit) else None)
        if factor is not None and lim_factor is not None:
            limit, limit_from = max(v for _, v in limit_series.points) * lim_factor, "memory-limit"
        elif limit_series.unit == mem.unit:  # same unknown unit: the ratio still holds
            factor, limit, limit_from = 1.0, max(v for _, v in limit_series.points), "memory-limit"
    if limit is None and side.plan in PLAN_LIMITS and factor is not None:
        limit, limit_from = float(PLAN_LIMITS[side.plan].memory_bytes), f"plan {side.plan}"
    peak_t, peak_v = mem.peak()  # type: ignore[misc]
    shown = (lambda v: _fmt_bytes(v * factor)) if factor is not None else (lambda v: f"{v:g} {mem.unit or ''}".strip())
    policy = side.policy or "?"
    findings = _finding_times(diag, MEMORY_RULES)
    data = {"peak": peak_v * (factor or 1), "peak_at": peak_t.isoformat(), "limit": limit, "limit_from": limit_from,
            "unit": "bytes" if factor else mem.unit, "policy": side.policy,
            **_spark_data(mem, factor or 1.0, limit)}
    if limit is None:
        return [_res("kvm.memory", "ok", Severity.INFO,
                     M("kvm.memory.no_limit", peak=shown(peak_v), at=_hhmm(peak_t), plan=side.plan or "?",
                       policy=policy), **data)]
    ratio = peak_v * factor / limit  # type: ignore[operator]
    pct = f"{ratio:.0%}"
    data["ratio"] = ratio
    lim = _fmt_bytes(limit)
    if findings:
        rule, when = findings[0]
        near = _around(mem, when)
        near_ratio = near[1] * factor / limit if near else 0.0  # type: ignore[operator]
        if near and near_ratio >= NEAR:
            return [_res("kvm.memory", "fail", Severity.ERROR,
                         M("kvm.memory.corroborates", value=shown(near[1]), limit=lim, pct=f"{near_ratio:.0%}",
                           at=_hhmm(near[0]), rule=rule, policy=policy, src=limit_from),
                         M("kvm.memory.corroborates.cause", policy=policy),
                         M("kvm.memory.corroborates.fix"), corroborates=rule, **data)]
        if ratio < FAR:
            return [_res("kvm.memory", "warn", Severity.WARNING,
                         M("kvm.memory.refutes", peak=shown(peak_v), limit=lim, pct=pct, at=_hhmm(peak_t), rule=rule),
                         M("kvm.memory.refutes.cause"), M("kvm.refutes.fix"), refutes=rule, **data)]
    if ratio >= NEAR:
        return [_res("kvm.memory", "warn", Severity.WARNING,
                     M("kvm.memory.high", peak=shown(peak_v), limit=lim, pct=pct, at=_hhmm(peak_t), policy=policy,
                       src=limit_from),
                     M("kvm.memory.corroborates.cause", policy=policy), M("kvm.memory.corroborates.fix"), **data)]
    return [_res("kvm.memory", "ok", Severity.OK,
                 M("kvm.memory.ok", peak=shown(peak_v), limit=lim, pct=pct, at=_hhmm(peak_t), src=limit_from), **data)]


def _segments(series: Series, deploys: list[datetime]) -> list[list[tuple[datetime, float]]]:
    cuts = sorted(d for d in deploys if series.points and series.points[0][0] < d < series.points[-1][0])
    out: list[list[tuple[datetime, float]]] = [[]]
    for p in series.points:
        while cuts and p[0] >= cuts[0]:
            cuts.pop(0)
            out.append([])
        out[-1].append(p)
    return [s for s in out if s]


def _climbs(seg: list[tuple[datetime, float]]) -> bool:
    """Connections that only go up over a deploy's life: the last quarter well above the first."""
    if len(seg) < 4:
        return False
    q = max(1, len(seg) // 4)
    first = sum(v for _, v in seg[:q]) / q
    last = sum(v for _, v in seg[-q:]) / q
    return last >= first + max(5.0, first * 0.5)


def _connections(side: KVSide, diag: Diagnosis | None, deploys: list[datetime],
                 up_rules: Iterable[str]) -> list[CheckResult]:
    con = side.series.get("active-connections")
    if con is None:
        return [_res("kvm.connections", "unknown", Severity.INFO,
                     M("kvm.unread", what="active-connections",
                       why=side.errors.get("active-connections", M("doctor.not_fetched"))))]
    if not con.points:
        return [_res("kvm.connections", "unknown", Severity.INFO, M("kvm.no_points", what="active-connections"))]
    out: list[CheckResult] = []
    peak_t, peak_v = con.peak()  # type: ignore[misc]
    plan = PLAN_LIMITS.get(side.plan or "")
    limit = float(plan.connections) if plan else None
    data: dict[str, Any] = {"peak": peak_v, "peak_at": peak_t.isoformat(), "limit": limit, "plan": side.plan,
                            **_spark_data(con, 1.0, limit)}
    # zero connections all window while the app says it is connected
    connected = _app_connected(diag, up_rules)
    if peak_v == 0 and connected is not None:
        return [_res("kvm.zero", "fail", Severity.CRITICAL,
                     M("kvm.zero.msg", kv=side.name or side.kv_id, said=connected,
                       start=_hhmm(con.points[0][0]), end=_hhmm(con.points[-1][0])),
                     M("kvm.zero.cause"), M("kvm.zero.fix"), refutes="connected", **data)]
    findings = _finding_times(diag, CONNECTION_RULES)
    lim_txt = f"{limit:.0f}" if limit else M("kvm.limit_unknown", plan=side.plan or "?")
    if findings:
        rule, when = findings[0]
        near = _around(con, when)
        if limit and near and near[1] >= NEAR * limit:
            out.append(_res("kvm.connections", "fail", Severity.ERROR,
                            M("kvm.conn.corroborates", value=f"{near[1]:.0f}", limit=lim_txt, at=_hhmm(near[0]),
                              rule=rule, plan=side.plan),
                            M("kvm.conn.corroborates.cause"), M("kvm.conn.corroborates.fix"), corroborates=rule,
                            **data))
        elif limit and peak_v < FAR * limit:
            out.append(_res("kvm.connections", "warn", Severity.WARNING,
                            M("kvm.conn.refutes", peak=f"{peak_v:.0f}", limit=lim_txt, at=_hhmm(peak_t), rule=rule),
                            M("kvm.conn.refutes.cause"), M("kvm.refutes.fix"), refutes=rule, **data))
    if not out:
        if limit and peak_v >= NEAR * limit:
            out.append(_res("kvm.connections", "warn", Severity.WARNING,
                            M("kvm.conn.high", peak=f"{peak_v:.0f}", limit=lim_txt, at=_hhmm(peak_t), plan=side.plan),
                            M("kvm.conn.corroborates.cause"), M("kvm.conn.corroborates.fix"), **data))
        else:
            out.append(_res("kvm.connections", "ok", Severity.OK if limit else Severity.INFO,
                            M("kvm.conn.ok", peak=f"{peak_v:.0f}", limit=lim_txt, at=_hhmm(peak_t)), **data))
    segs = _segments(con, deploys)
    climbing = [s for s in segs if _climbs(s)]
    if climbing and (len(segs) == 1 or len(climbing) >= 2):
        rise = ", ".join(f"{s[0][1]:.0f}→{s[-1][1]:.0f}" for s in climbing[:4])
        out.append(_res("kvm.leak", "warn", Severity.WARNING,
                        M("kvm.leak.msg", n=len(climbing), m=len(segs), rise=rise) if len(segs) > 1
                        else M("kvm.leak.one", rise=rise),
                        M("kvm.leak.cause"), M("kvm.leak.fix"), segments=len(segs), climbing=len(climbing)))
    return out


def _app_connected(diag: Diagnosis | None, up_rules: Iterable[str]) -> str | None:
    """What in the app's logs says it is connected (a Redis 'up' line), or None."""
    if diag is None:
        return None
    from analyzer.render.timestamps import parse_ts

    ids = set(up_rules)
    up = [f for f in diag.findings if f.rule_id in ids]
    if not up or diag.verdict.state not in ("healthy", "recovered"):
        return None
    last = max(up, key=lambda f: parse_ts(f.last.time) or datetime.min.replace(tzinfo=timezone.utc))
    when = parse_ts(last.last.time)
    return f"{last.rule_id}" + (f" ({_hhmm(when)})" if when else "")


def _cpu(side: KVSide) -> list[CheckResult]:
    cpu = side.series.get("cpu")
    if cpu is None or not cpu.points:
        return []
    t, v = cpu.peak()  # type: ignore[misc]
    return [_res("kvm.cpu", "ok", Severity.INFO, M("kvm.cpu.ok", peak=f"{v:.2f}", unit=cpu.unit or "", at=_hhmm(t)),
                 peak=v, peak_at=t.isoformat(), **_spark_data(cpu))]


def check_metrics(side: KVSide | None, diag: Diagnosis | None, deploys: Iterable[datetime] = (),
                  up_rules: Iterable[str] = UP_RULES) -> list[CheckResult]:
    """Item 9 for the Key Value `side` describes, against the app's diagnosis of the same window.
    `up_rules`: the rules whose lines say the client is connected (the pack's `state: up`)."""
    if side is None:
        return [_res("kvm.none", "unknown", Severity.INFO, M("kvm.no_kv"))]
    # memory last: when every figure is fine, the item's line shows the last one
    return _cpu(side) + _connections(side, diag, list(deploys), up_rules) + _memory(side, diag)
