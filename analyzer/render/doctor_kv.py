"""`rla doctor`, the Key Value's own side: its metrics (item 9) and its own logs (item 10), over
the window of the app's logs.

    side = gather_kv(client, facts, service, rules, fetch)   # the only part that talks to the API
    results = check_kv(facts)                          # pure

The Key Value's logs (`/v1/logs?resource=red-…`; what Render puts in them is UNCONFIRMED by the
research: the lines are read as any log) go through the same pipeline and rule pack as the app's:
the server-side rules (MISCONF, TLS handshake errors, restarts, LOADING) name what happened, and
each of its findings is linked to the app's findings within five minutes of it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

from analyzer.render.doctor_metrics import AROUND_S, UP_RULES, KVSide, check_metrics, parse_series
from analyzer.render.doctor_metrics import ITEM as METRICS_ITEM
from analyzer.i18n import Msg as M
from analyzer.i18n import join
from analyzer.model import Severity
from analyzer.urllint import CheckResult

__all__ = ["gather_kv", "check_kv", "METRICS", "LOGS_ITEM"]

LOGS_ITEM = 10
METRICS = ("memory", "memory-limit", "active-connections", "cpu")
MAX_POINTS = 300  # the resolution grows with the window so that a series stays small


def _fmt(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def gather_kv(client: Any, facts: Any, service: dict[str, Any], rules: Any,
              fetch: Callable[[str, Callable[[], Any]], Any]) -> KVSide | None:
    """Metrics and logs of the Key Value REDIS_URL points at, over facts.log_start..log_end (the
    logs are diagnosed with `rules`, the run's RuleSet).
    Every failure is recorded (side.errors) and turns only its own figure to '?'."""
    kv = facts.key_value
    if not isinstance(kv, dict) or not kv.get("id") or facts.log_start is None or facts.log_end is None:
        return None
    start, end = facts.log_start, facts.log_end
    side = KVSide(kv_id=str(kv["id"]), name=kv.get("name"), plan=kv.get("plan"),
                  policy=(kv.get("options") or {}).get("maxmemoryPolicy"), start=start, end=end)
    resolution = max(60, int((end - start).total_seconds() // MAX_POINTS) // 30 * 30)
    params = [("resource", side.kv_id), ("startTime", _fmt(start)), ("endTime", _fmt(end)),
              ("resolutionSeconds", str(resolution))]
    for name in METRICS:
        payload = fetch(f"metrics_{name}", lambda name=name: client.get(f"metrics/{name}", params))
        if payload is None:
            side.errors[name] = facts.errors.get(f"metrics_{name}", M("doctor.not_fetched"))
            continue
        side.series[name] = parse_series(name, payload, side.kv_id)
    _gather_kv_logs(client, facts, side, service, rules, fetch)
    return side


def _gather_kv_logs(client: Any, facts: Any, side: KVSide, service: dict[str, Any], rules: Any, fetch: Any) -> None:
    from analyzer.pipeline import Session
    from analyzer.render.api import LogQuery

    owner = ((facts.key_value.get("owner") or {}).get("id") if isinstance(facts.key_value.get("owner"), dict)
             else None) or service.get("ownerId", "")
    query = LogQuery(owner_id=owner, resources=[side.kv_id], start=side.start, end=side.end)
    result = fetch("kv_logs", lambda: client.fetch_logs(query))
    if result is None:
        side.errors["logs"] = facts.errors.get("kv_logs", M("doctor.not_fetched"))
        return
    with result:
        if not result.count and result.error is not None:
            side.errors["logs"] = str(result.error).rstrip(".")
            return
        session = Session(rules) if facts.redactor is None else Session(rules, redactor=facts.redactor)
        side.log_count = session.feed_api_logs(result.read(), f"render:{side.kv_id}")
    side.logs = session.diagnosis(result.incomplete)


# --------------------------------------------------------------------------------------------
# item 10: the Key Value's own logs, on the app's timeline
# --------------------------------------------------------------------------------------------


def _t(text: str | None) -> datetime | None:
    from analyzer.render.timestamps import parse_ts

    return parse_ts(text)


def _hhmm(t: datetime | None) -> str:
    return t.astimezone(timezone.utc).strftime("%H:%M:%S UTC") if t else "?"


def check_kv_logs(side: KVSide | None, app: Any, rules: dict[str, Any]) -> list[CheckResult]:
    def res(id: str, status: str, sev: Severity, msg: str, cause: str = "", fix: str = "", **data: Any) -> CheckResult:
        return CheckResult(id, LOGS_ITEM, status, sev, msg, cause, fix, None, data)

    if side is None:
        return [res("kvl.none", "unknown", Severity.INFO, M("kvm.no_kv"))]
    if side.logs is None:
        return [res("kvl.logs", "unknown", Severity.INFO,
                    M("kvl.unread", why=side.errors.get("logs", M("doctor.not_fetched"))))]
    if not side.log_count:
        return [res("kvl.logs", "unknown", Severity.INFO, M("kvl.empty", kv=side.name or side.kv_id))]
    found = [f for f in side.logs.findings if f.severity >= Severity.WARNING]
    if not found:
        return [res("kvl.logs", "ok", Severity.OK, M("kvl.ok", n=side.log_count, kv=side.name or side.kv_id))]
    out = []
    app_findings = list(app.findings) if app is not None else []
    for f in found:
        first, last = _t(f.first.time), _t(f.last.time)
        links = []
        for a in app_findings:
            at = _t(a.first.time)
            if at is None or first is None:
                continue
            lo = first.timestamp() - AROUND_S
            hi = (last or first).timestamp() + AROUND_S
            if lo <= at.timestamp() <= hi:
                links.append((a.rule_id, at))
        rule = rules.get(f.rule_id)
        title = M.lazy(lambda lang, rule=rule, f=f: rule.text(lang).title if rule else f.rule_id)
        cause = M.lazy(lambda lang, rule=rule: rule.text(lang).cause) if rule else ""
        fix = M.lazy(lambda lang, rule=rule: " ".join(rule.text(lang).solution)) if rule else ""
        linked = join([M("kvl.link", rule=r, at=_hhmm(t)) for r, t in links[:4]], sep_key="sep.semicolon") \
            if links else M("kvl.no_link")
        msg = M("kvl.finding", kv=side.name or side.kv_id, title=title, id=f.rule_id, n=f.count, first=_hhmm(first),
                last=_hhmm(last), linked=linked)
        status = "fail" if f.severity >= Severity.ERROR else "warn"
        out.append(res(f"kvl.{f.rule_id}", status, f.severity, msg, cause, fix, rule=f.rule_id, count=f.count,
                       first=f.first.time, last=f.last.time, sample=f.sample,
                       linked=[{"rule": r, "time": t.isoformat()} for r, t in links]))
    return out


def check_kv(facts: Any) -> list[CheckResult]:
    """Items 9 and 10 from what gather_kv left in facts.kv_side."""
    from analyzer.render.timestamps import parse_ts

    side = getattr(facts, "kv_side", None)
    if side is None:
        blocked = [k for k in ("key_value", "env_vars", "env_groups", "logs") if k in facts.errors]
        why = M("kvm.unread_kv", why=facts.why(*blocked)) if blocked else M("kvm.no_kv")
        return [CheckResult("kvm.none", METRICS_ITEM, "unknown", Severity.INFO, why),
                CheckResult("kvl.none", LOGS_ITEM, "unknown", Severity.INFO, why)]
    deploys = [t for t in (parse_ts(d.get("finishedAt") or d.get("createdAt")) for d in facts.deploys or []
                           if isinstance(d, dict)) if t is not None]
    up = tuple(r.id for r in facts.rules.values() if getattr(r, "state", None) == "up") or UP_RULES
    return check_metrics(side, facts.diagnosis, deploys, up) + check_kv_logs(side, facts.diagnosis, facts.rules)
