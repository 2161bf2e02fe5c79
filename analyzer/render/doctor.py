"""`rla doctor`: the note's checklist, ticked from what the Render API says about a service.

    facts = gather(client, service)          # analyzer.render.doctor_facts: the only part that talks to the API
    results = run_checks(facts)              # pure: Facts -> [CheckResult]
    items = summarize(results)               # one line per checklist item

The checks (ITEMS in analyzer.urllint) come from the user's note, diagnostic-redis.fr.md:

1. REDIS_URL exists (service env vars + linked env groups); other Redis-looking values are listed.
2. It is well-formed (the offline lint, analyzer.urllint).
3. It points at a Key Value of the account, and the instance is "Live" (`available`).
4. It is the instance's Internal connection string (connection-info), not the External one.
5. Service and Key Value share region and workspace (the internal URL only works there).
6. The service was redeployed after the variable changed (as far as the API can date it).
7. The logs of the recent window show Redis connected, and nothing failing after.
8. Beyond the note: maxmemory policy vs the use, free plan / no persistence, IP allowlist.
9-10. The Key Value's own side (analyzer.render.doctor_kv): its metrics and its own logs over the same
   window, read against the app's findings.

Items 1, 6 and 7 are judged here; 3, 4, 5 and 8 (the Key Value the URL points at) in
analyzer.render.doctor_instance.

Every fact that could not be fetched is None with the reason in `Facts.errors`; the checks it
blocks answer "unknown" ("?") with that reason, never a guess. Every value shown is redacted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable

from analyzer.i18n import Msg as M
from analyzer.i18n import join
from analyzer.model import Severity
from analyzer.render.doctor_facts import Facts, Located, gather, locate, new_redactor
from analyzer.render.doctor_instance import check_instance, check_internal, check_region, check_settings
from analyzer.render.timestamps import fmt_ts, parse_ts
from analyzer.urllint import INTERNAL_EXAMPLE, RedisURL, inspect_redis_url, show_value
from analyzer.urllint.checklist import ITEMS, CheckResult, fail, info, ok, unknown, warn

__all__ = ["Facts", "ItemSummary", "Located", "CheckResult", "ITEMS", "gather", "locate", "run_checks",
           "summarize", "worst_failure", "USES"]

USES = ("cache", "queue", "store")
STATUS_ORDER = {"fail": 3, "warn": 2, "unknown": 1, "ok": 0}


# --------------------------------------------------------------------------------------------
# item 1: where is the variable
# --------------------------------------------------------------------------------------------


def check_presence(facts: Facts, loc: Located) -> list[CheckResult]:
    var, out = facts.var, []
    show = lambda v: show_value(v, facts.redactor)  # noqa: E731
    others = join([M("doctor.other_value", key=k, src=src, value=show(v)) for k, src, v in loc.others], sep_key="sep.semicolon")
    if loc.value is not None:
        out.append(ok("env.present", 1, M("doctor.present.ok", var=var, source=loc.source), value=show(loc.value),
                      data={"source": loc.source}))
        for src, v in loc.duplicates:
            if v != loc.value:
                out.append(warn(
                    "env.duplicate", 1, M("doctor.duplicate.msg", var=var, src=src),
                    M("doctor.duplicate.cause", var=var, source=loc.source, value=show(loc.value), src=src,
                      other=show(v)),
                    M("doctor.duplicate.fix", var=var),
                    value=show(v)))
    elif facts.env_vars is None and facts.env_groups is None:
        out.append(unknown("env.present", 1, M("doctor.present.unread", why=facts.why('env_vars'))))
    elif facts.env_vars is None or facts.env_groups is None:
        missing = M("doctor.present.own_vars") if facts.env_vars is None else M("doctor.present.groups")
        out.append(unknown(
            "env.present", 1,
            M("doctor.present.partial", var=var, missing=missing,
              why=facts.why('env_vars' if facts.env_vars is None else 'env_groups'))))
    else:
        hint: list[object] = []
        if loc.near:
            hint.append(M("doctor.missing.near", near=join(loc.near)))
        if others:
            hint.append(M("doctor.missing.others", others=others))
        groups = ", ".join(str(g.get("name")) for g in facts.env_groups) or M("doctor.none")
        out.append(fail(
            "env.missing", 1, Severity.CRITICAL,
            M("doctor.missing.msg", var=var, groups=groups),
            M("doctor.missing.cause", var=var, hint=join(hint, sep="")),
            M("doctor.missing.fix", var=var, example=INTERNAL_EXAMPLE),
            data={"others": [k for k, _, _ in loc.others]}))
        return out
    if others:
        out.append(info("env.other-redis", 1, M("doctor.other_redis", others=others),
                        data={"others": [{"key": k, "source": s, "value": show(v)} for k, s, v in loc.others]}))
    return out


# --------------------------------------------------------------------------------------------
# item 6: redeployed after the variable was set
# --------------------------------------------------------------------------------------------


def _deploy_time(d: dict[str, Any]) -> datetime | None:
    return parse_ts(d.get("startedAt")) or parse_ts(d.get("createdAt"))


def check_redeploy(facts: Facts, loc: Located) -> list[CheckResult]:
    svc = facts.service
    out: list[CheckResult] = []
    if svc is not None and svc.get("suspended") == "suspended":
        who = ", ".join(svc.get("suspenders") or []) or M("doctor.unknown")
        out.append(fail(
            "deploy.suspended", 6, Severity.CRITICAL, M("doctor.suspended.msg", who=who),
            M("doctor.suspended.cause"),
            M("doctor.suspended.fix")))
    if facts.deploys is None:
        out.append(unknown("deploy.after-env", 6, M("doctor.deploys.unread", why=facts.why('deploys'))))
        return out
    live = next((d for d in facts.deploys if d.get("status") == "live"), None)
    newest = facts.deploys[0] if facts.deploys else None
    if live is None:
        if newest is None:
            out.append(fail("deploy.none", 6, Severity.CRITICAL, M("doctor.deploy_none.msg"),
                            M("doctor.deploy_none.cause"),
                            M("doctor.deploy_none.fix")))
        else:
            out.append(fail(
                "deploy.no-live", 6, Severity.ERROR,
                M("doctor.no_live.msg", id=newest.get('id'), status=newest.get('status')),
                M("doctor.no_live.cause"),
                M("doctor.no_live.fix")))
        return out
    live_at = _deploy_time(live)
    data = {"live_deploy": live.get("id"), "live_since": live.get("startedAt") or live.get("createdAt"),
            "trigger": live.get("trigger")}
    if newest is not None and newest is not live and newest.get("status") in (
            "created", "queued", "build_in_progress", "update_in_progress", "pre_deploy_in_progress"):
        out.append(info("deploy.in-progress", 6,
                        M("doctor.in_progress", id=newest.get('id'), status=newest.get('status'))))
    elif newest is not None and newest is not live and newest.get("status") in (
            "build_failed", "update_failed", "pre_deploy_failed"):
        out.append(warn(
            "deploy.latest-failed", 6, M("doctor.latest_failed.msg", id=newest.get('id'), status=newest.get('status')),
            M("doctor.latest_failed.cause", var=facts.var),
            M("doctor.latest_failed.fix")))
    if loc.value is None:
        out.append(unknown("deploy.after-env", 6, M("doctor.redeploy.no_var", var=facts.var), data=data))
        return out
    # The strongest evidence: the running deploy itself logged that it had no value.
    unset = _logged_unset(facts, loc, live_at)
    if unset is not None:
        out.append(fail(
            "deploy.stale-env", 6, Severity.CRITICAL,
            M("doctor.logged_unset.msg", var=facts.var, unset=unset),
            M("doctor.logged_unset.cause", live=fmt_ts(live_at)),
            M("doctor.logged_unset.fix"),
            data={**data, "logged_unset": unset}))
        return out
    if loc.group is not None:
        changed = parse_ts(loc.group.get("updatedAt"))
        gname = loc.group.get("name") or loc.group.get("id")
        if changed is None or live_at is None:
            out.append(unknown("deploy.after-env", 6, M("doctor.redeploy.no_date"),
                               data=data))
        elif changed > live_at:
            out.append(fail(
                "deploy.stale-env", 6, Severity.ERROR,
                M("doctor.group_changed.msg", group=gname, changed=fmt_ts(changed), live=fmt_ts(live_at)),
                M("doctor.group_changed.cause", changed=fmt_ts(changed)),
                M("doctor.group_changed.fix"),
                data={**data, "env_changed": loc.group.get("updatedAt")}))
        else:
            out.append(ok("deploy.after-env", 6,
                          M("doctor.group_changed.ok", live=fmt_ts(live_at), group=gname, changed=fmt_ts(changed)),
                          data={**data, "env_changed": loc.group.get("updatedAt")}))
        return out
    # The service's own variable: the env-vars endpoint returns only key and value.
    out.append(unknown(
        "deploy.after-env", 6,
        M("doctor.redeploy.own_var", var=facts.var, live=fmt_ts(live_at), trigger=live.get('trigger') or '?'),
        data=data))
    return out


UNSET_RULES = ("redis-url-not-set",)
EMPTY_RULES = ("redis-url-empty",)


def _logged_unset(facts: Facts, loc: Located, live_at: datetime | None) -> str | None:
    """When the logs say the variable was missing/empty after the live deploy began while it has a
    value now: the time of the last such line (or "in the window"), else None."""
    if facts.diagnosis is None or not (loc.value or "").strip() or facts.var != "REDIS_URL":
        return None
    for f in facts.diagnosis.findings:
        if f.rule_id in UNSET_RULES or f.rule_id in EMPTY_RULES:
            seen = parse_ts(f.last.time)
            if seen is None or live_at is None or seen >= live_at:
                return M("doctor.unset.last", when=fmt_ts(seen)) if seen else M("doctor.unset.window")
    return None


# --------------------------------------------------------------------------------------------
# item 7: the logs
# --------------------------------------------------------------------------------------------

CONNECTED_RULES = ("redis-cache-connected",)


def _rule_title(facts: Facts, rule_id: str | None) -> str:
    if not rule_id:
        return "?"
    rule = facts.rules.get(rule_id)
    return M.lazy(lambda lang: f"{rule_id} ({rule.text(lang).title})") if rule else rule_id


def check_logs(facts: Facts) -> list[CheckResult]:
    window = facts.log_window or M("doctor.window.recent")
    d = facts.diagnosis
    if d is None:
        return [unknown("logs.connected", 7, M("doctor.logs.unread", why=facts.why('logs')))]
    if not facts.log_count:
        return [unknown("logs.connected", 7, M("doctor.logs.empty", window=window))]
    seen = {f.rule_id: f for f in d.findings}
    connected = next((seen[r] for r in CONNECTED_RULES if r in seen), None)
    v = d.verdict
    incomplete = f" ({facts.log_incomplete})" if facts.log_incomplete else ""
    data: dict[str, object] = {"verdict": v.state, "root_cause": v.root_cause, "lines": facts.log_count}
    if v.state in ("healthy", "recovered"):
        when = M("doctor.logs.last_at", time=connected.last.time) if connected and connected.last.time else ""
        line = (M("doctor.logs.seen", count=connected.count, when=when) if connected else M("doctor.logs.up"))
        extra = M("doctor.logs.recovered", title=_rule_title(facts, v.root_cause)) if v.state == "recovered" else ""
        return [ok("logs.connected", 7, M("doctor.logs.ok", line=line, window=window, extra=extra,
                                          incomplete=incomplete), data=data)]
    if v.state in ("failing", "degraded"):
        rule = facts.rules.get(v.root_cause or "")
        cause = M.lazy(lambda lang: rule.text(lang).cause) if rule else M("doctor.logs.see_below_cause")
        fix = (M.lazy(lambda lang: " ".join(rule.text(lang).solution)) if rule and rule.text().solution
               else M("doctor.logs.see_below_fix"))
        after = M("doctor.logs.after_connected") if connected else ""
        return [fail(
            "logs.connected", 7, Severity.CRITICAL if v.state == "failing" else Severity.ERROR,
            M("doctor.logs.failing", state=M(f"doctor.logs.state.{v.state}"), after=after, window=window,
              title=_rule_title(facts, v.root_cause), incomplete=incomplete),
            cause, fix, data=data)]
    return [unknown("logs.connected", 7,
                    M("doctor.logs.no_redis", window=window, n=facts.log_count, incomplete=incomplete), data=data)]


# --------------------------------------------------------------------------------------------
# all of it
# --------------------------------------------------------------------------------------------


def run_checks(facts: Facts) -> list[CheckResult]:
    """Every item of the checklist, from what `facts` holds. Pure; never raises on odd API data."""
    if facts.redactor is None:
        facts.redactor = new_redactor()
    loc = locate(facts)
    results = check_presence(facts, loc)
    url: RedisURL | None = None
    lint: list[CheckResult] = []
    if loc.value is not None:
        url, lint = inspect_redis_url(loc.value, var=facts.var, on_render=True)
        lint = [_reshow(r, loc.value, facts) for r in lint]
        results += lint
    else:
        results.append(unknown("url.format", 2, M("doctor.url.no_value", var=facts.var)
                               if facts.env_vars is not None else M("doctor.url.unread", why=facts.why('env_vars'))))
    for check in (lambda: check_instance(facts, url), lambda: check_internal(facts, url, lint),
                  lambda: check_region(facts, url), lambda: check_redeploy(facts, loc), lambda: check_logs(facts),
                  lambda: check_settings(facts, url), lambda: _check_kv(facts)):
        try:
            results += check()
        except Exception as exc:  # noqa: BLE001 - odd API data must not crash the doctor
            results.append(unknown("internal-error", 0, M("doctor.check_crashed", error=type(exc).__name__)))
    # the lint's "external from Render" warning is replaced by the comparison when there is one
    if any(r.id == "kv.external-url" for r in results):
        results = [r for r in results if r.id != "tls.external-from-render"]
    # an item with nothing to say about an unparsed URL answers "?"
    for item in (3, 4):
        if not any(r.item == item for r in results):
            results.append(unknown(f"item-{item}", item, M("doctor.see_item_2")))
    return sorted(results, key=lambda r: r.item)


def _check_kv(facts: Facts) -> list[CheckResult]:
    from analyzer.render.doctor_kv import check_kv

    return check_kv(facts)


def _reshow(r: CheckResult, raw: str, facts: Facts) -> CheckResult:
    """Re-render the lint's value with the run's redactor, so one secret has one stand-in."""
    if r.value is None or facts.redactor is None:
        return r
    from dataclasses import replace

    return replace(r, value=show_value(raw, facts.redactor))


@dataclass
class ItemSummary:
    item: int
    title: str
    status: str
    severity: Severity
    message: str
    results: list[CheckResult]


def summarize(results: Iterable[CheckResult], items: Iterable[int] | None = None) -> list[ItemSummary]:
    """One line per checklist item: the worst result decides (fail > warn > ? > ok)."""
    by_item: dict[int, list[CheckResult]] = {}
    for r in results:
        by_item.setdefault(r.item, []).append(r)
    out: list[ItemSummary] = []
    for item in (items if items is not None else sorted(set(ITEMS) | set(by_item))):
        rs = by_item.get(item, [])
        if not rs:
            out.append(ItemSummary(item, ITEMS.get(item, M("item.internal")), "unknown", Severity.INFO,
                                   M("doctor.not_checked"), []))
            continue
        top = max(STATUS_ORDER[r.status] for r in rs)
        same = [r for r in rs if STATUS_ORDER[r.status] == top]
        if top == 0:  # all ok: the last word is the most complete (API facts come after the lint's)
            worst, more = same[-1], ""
        else:
            worst = max(same, key=lambda r: r.severity)
            more = M("doctor.more", n=len(same) - 1) if len(same) > 1 else ""
        out.append(ItemSummary(item, ITEMS.get(item, M("item.internal")), worst.status, worst.severity,
                               join([worst.message, more], sep="") if more else worst.message, rs))
    return out


def worst_failure(results: Iterable[CheckResult], fail_on: Severity) -> bool:
    """True when a ❌ (or ⚠️, whose severity is warning) item is at or above `fail_on`. "?" never fails."""
    return any(r.status in ("fail", "warn") and r.severity >= fail_on for r in results)
