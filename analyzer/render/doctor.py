"""`rla doctor`: the note's checklist, ticked from what the Render API says about a service.

    facts = gather(client, "srv-…")          # the only part that talks to the API
    results = run_checks(facts)              # pure: Facts -> [CheckResult]
    items = summarize(results)               # one line per checklist item

The checks (ITEMS in analyzer.render.urllint) come from the user's note, diagnostic-redis.fr.md:

1. REDIS_URL exists (service env vars + linked env groups); other Redis-looking values are listed.
2. It is well-formed (the offline lint, analyzer.render.urllint).
3. It points at a Key Value of the account, and the instance is "Live" (`available`).
4. It is the instance's Internal connection string (connection-info), not the External one.
5. Service and Key Value share region and workspace (the internal URL only works there).
6. The service was redeployed after the variable changed (as far as the API can date it).
7. The logs of the recent window show Redis connected, and nothing failing after.
8. Beyond the note: maxmemory policy vs the use, free plan / no persistence, IP allowlist.
9-10. The Key Value's own side (analyzer.render.doctor_kv): its metrics and its own logs over the same
   window, read against the app's findings.

Every fact that could not be fetched is None with the reason in `Facts.errors`; the checks it
blocks answer "unknown" ("?") with that reason, never a guess. Every value shown is redacted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable

from analyzer.i18n import Msg as M
from analyzer.i18n import join
from analyzer.model import Diagnosis, Rule, Severity
from analyzer.render.timestamps import fmt_ts, parse_ts
from analyzer.render.urllint import (
    INTERNAL_EXAMPLE,
    ITEMS,
    CheckResult,
    RedisURL,
    fail,
    info,
    inspect_redis_url,
    looks_like_redis_url,
    ok,
    show_value,
    unknown,
    warn,
)

__all__ = ["Facts", "ItemSummary", "Located", "CheckResult", "ITEMS", "gather", "locate", "run_checks",
           "summarize", "worst_failure", "USES"]

USES = ("cache", "queue", "store")
STATUS_ORDER = {"fail": 3, "warn": 2, "unknown": 1, "ok": 0}


@dataclass
class Facts:
    """What the API told us about one service. None = not fetched (reason in `errors[name]`)."""

    var: str = "REDIS_URL"
    service: dict[str, Any] | None = None
    env_vars: list[dict[str, Any]] | None = None  # the service's own [{key, value}]
    env_groups: list[dict[str, Any]] | None = None  # linked groups, each with envVars and updatedAt
    key_value: dict[str, Any] | None = None  # the instance REDIS_URL points at
    connection_info: dict[str, Any] | None = None
    deploys: list[dict[str, Any]] | None = None  # newest first
    diagnosis: Diagnosis | None = None  # the log pipeline's verdict for the window
    log_count: int | None = None
    log_window: str | None = None  # "last 1h", for messages
    log_incomplete: str | None = None
    log_start: datetime | None = None  # the window of the app's logs, which the Key Value's side reuses
    log_end: datetime | None = None
    kv_side: Any = None  # analyzer.render.doctor_metrics.KVSide: the Key Value's metrics and own logs (items 9-10)
    rules: dict[str, Rule] = field(default_factory=dict)  # to name log findings
    use: str = "cache"  # what Redis is used for: cache | queue | store
    errors: dict[str, str] = field(default_factory=dict)
    redactor: Any = None  # one analyzer.redact.Redactor for the run: one secret, one stand-in

    def why(self, *names: str) -> str:
        for n in names:
            if n in self.errors:
                return self.errors[n]
        return M("doctor.not_fetched")


@dataclass
class Located:
    """Where the variable was found."""

    value: str | None = None
    source: str | None = None  # "service" or "env group <name>"
    group: dict[str, Any] | None = None
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, value) of other definitions
    others: list[tuple[str, str, str]] = field(default_factory=list)  # (key, source, value): other Redis values
    near: list[str] = field(default_factory=list)  # names that look like a misspelling of var


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

def _norm_policy(policy: Any) -> str | None:
    return str(policy).strip().lower().replace("_", "-") if policy else None


def _owner_of_kv(kv: dict[str, Any]) -> str | None:
    owner = kv.get("owner")
    if isinstance(owner, dict):
        return owner.get("id")
    return kv.get("ownerId")


def _name_distance(a: str, b: str) -> int:
    from analyzer.render.urllint import _edit_distance

    return _edit_distance(a.upper(), b.upper())


# --------------------------------------------------------------------------------------------
# item 1: where is the variable
# --------------------------------------------------------------------------------------------


def locate(facts: Facts) -> Located:
    """Find `facts.var` among the service's own variables and its linked env groups.

    The service's own value is the one checked when both define it (Render documents that
    service-level variables take precedence over a linked group's; the API does not say).
    """
    var = facts.var
    loc = Located()
    found: list[tuple[str, str, dict[str, Any] | None]] = []
    for ev in facts.env_vars or []:
        key, value = str(ev.get("key", "")), ev.get("value")
        value = "" if value is None else str(value)
        if key == var:
            found.append((M("doctor.src.service"), value, None))
        elif looks_like_redis_url(value):
            loc.others.append((key, M("doctor.src.service"), value))
        elif key.upper() == var.upper() or (len(var) > 4 and _name_distance(key, var) <= 1):
            loc.near.append(M("doctor.near", key=key, src=M("doctor.src.service")))
    for group in facts.env_groups or []:
        gname = M("doctor.src.group", name=group.get('name') or group.get('id'))
        for ev in group.get("envVars") or []:
            key, value = str(ev.get("key", "")), ev.get("value")
            value = "" if value is None else str(value)
            if key == var:
                found.append((gname, value, group))
            elif looks_like_redis_url(value):
                loc.others.append((key, gname, value))
            elif key.upper() == var.upper() or (len(var) > 4 and _name_distance(key, var) <= 1):
                loc.near.append(M("doctor.near", key=key, src=gname))
    if found:
        loc.source, loc.value, loc.group = found[0]
        loc.duplicates = [(s, v) for s, v, _ in found[1:]]
    return loc


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
# item 3: the Key Value instance
# --------------------------------------------------------------------------------------------

# status: severity when it fails (None: warn); the texts are doctor.kv.<status>.what/.cause/.fix
_STATUS_SEVERITY: dict[str, Severity | None] = {
    "creating": None,
    "suspended": Severity.CRITICAL,
    "unavailable": Severity.CRITICAL,
    "config_restart": None,
    "maintenance_scheduled": None,
    "maintenance_in_progress": None,
    "recovery_in_progress": None,
    "recovery_failed": Severity.CRITICAL,
    "updating_instance": None,
}
_STATUS_TEXT: dict[str, tuple[str, Severity | None, str, str]] = {
    # status: (what it means, severity when it fails (None: warn), cause, fix)
    status: (M(f"doctor.kv.{status}.what"), sev, M(f"doctor.kv.{status}.cause"), M(f"doctor.kv.{status}.fix"))
    for status, sev in _STATUS_SEVERITY.items()
}


def check_instance(facts: Facts, url: RedisURL | None) -> list[CheckResult]:
    if url is None or not url.parsed:
        return [unknown("kv.instance", 3, M("doctor.instance.no_url"))]
    inst = url.instance_id
    if inst is None:
        if url.kind in ("other", "ip"):
            return [unknown("kv.instance", 3, M("doctor.instance.not_render", host=url.host))]
        if url.kind == "external":
            return [unknown("kv.instance", 3, M("doctor.instance.no_user"))]
        return []  # localhost etc.: the lint already failed item 3
    kv = facts.key_value
    if kv is None:
        err = facts.errors.get("key_value", M("doctor.not_fetched"))
        if facts.errors.get("key_value_status") == "404":
            return [fail(
                "kv.not-found", 3, Severity.CRITICAL, M("doctor.not_found.msg", inst=inst),
                M("doctor.not_found.cause", inst=inst),
                M("doctor.not_found.fix", var=facts.var),
                value=inst)]
        return [unknown("kv.instance", 3, M("doctor.instance.unread", inst=inst, err=err))]
    status = str(kv.get("status") or "unknown")
    name = kv.get("name") or inst
    label = M("doctor.kv.label", name=name, inst=inst)
    if status == "available":
        return [ok("kv.status", 3, M("doctor.kv.live", label=label), data={"status": status})]
    text = _STATUS_TEXT.get(status)
    if text is None:
        return [unknown("kv.status", 3, M("doctor.kv.odd_status", label=label, status=status),
                         data={"status": status})]
    what, sev, cause, fix = text
    if status == "maintenance_scheduled":
        when = ((kv.get("maintenance") or {}).get("scheduledAt")) if isinstance(kv.get("maintenance"), dict) else None
        if when:
            cause = join([cause, M("doctor.kv.scheduled", when=fmt_ts(parse_ts(when)))], sep="")
    if sev is None:
        return [warn("kv.status", 3, M("doctor.kv.status_warn", label=label, what=what, status=status), cause, fix,
                      data={"status": status})]
    return [fail("kv.status", 3, sev, M("doctor.kv.status_fail", label=label, what=what, status=status), cause, fix,
                  data={"status": status})]


# --------------------------------------------------------------------------------------------
# item 4: internal connection string
# --------------------------------------------------------------------------------------------


def _key(url: RedisURL, password: str | None) -> tuple[Any, ...]:
    """What makes two URLs reach the same server as the same user (the database number aside)."""
    return (url.scheme, (url.host or "").lower(), url.effective_port, url.username or None, password)


def _password(value: str) -> str | None:
    from urllib.parse import unquote

    m = re.match(r"^[a-z]+://(.*)@[^@]*$", value.strip(), re.I | re.S)
    if not m or ":" not in m.group(1):
        return None
    return unquote(m.group(1).split(":", 1)[1]) or None


def check_internal(facts: Facts, url: RedisURL | None, lint: list[CheckResult]) -> list[CheckResult]:
    if url is None or not url.parsed or url.instance_id is None:
        return []  # nothing to compare; items 2-3 said why
    if url.scheme is None:
        return [unknown("kv.internal-url", 4, M("doctor.internal.scheme_first"))]
    conn = facts.connection_info
    if conn is None:
        return [unknown("kv.internal-url", 4,
                         M("doctor.internal.unread", inst=url.instance_id, why=facts.why('connection_info')))]
    internal = str(conn.get("internalConnectionString") or "")
    external = str(conn.get("externalConnectionString") or "")
    if not internal:
        return [unknown("kv.internal-url", 4, M("doctor.internal.none"))]
    show = lambda v: show_value(v, facts.redactor)  # noqa: E731
    iu, _ = inspect_redis_url(internal)
    eu, _ = inspect_redis_url(external) if external else (None, [])
    mine = _key(url, _password(url.cleaned))
    if mine == _key(iu, _password(internal)):
        trimmed = url.cleaned != url.raw
        return [ok("kv.internal-url", 4,
                    M("doctor.internal.ok", db=M("doctor.internal.db", db=url.db) if url.db else "",
                      trimmed=M("doctor.internal.trimmed") if trimmed else ""),
                    value=show(url.raw))]
    if eu is not None and mine == _key(eu, _password(external)):
        # The lint already warned "external from Render"; give the precise fix instead.
        return [warn(
            "kv.external-url", 4, M("doctor.external_url.msg"),
            M("doctor.external_url.cause"),
            M("doctor.external_url.fix", var=facts.var, internal=show(internal)),
            value=show(url.raw))]
    # neither: say what differs
    diffs: list[str] = []
    target = eu if url.kind == "external" and eu is not None else iu
    if (url.host or "").lower() != (target.host or "").lower():
        diffs.append(M("doctor.diff.host", mine=url.host, want=target.host))
    if url.scheme != target.scheme:
        diffs.append(M("doctor.diff.scheme", mine=url.scheme, want=target.scheme))
    if url.effective_port != target.effective_port:
        diffs.append(M("doctor.diff.port", mine=url.effective_port, want=target.effective_port))
    ref = internal if target is iu else external
    mine_pw, ref_pw = _password(url.cleaned), _password(ref)
    cause_extra: object = ""
    if ref_pw and not mine_pw:
        diffs.append(M("doctor.diff.no_password"))
        if target is iu:
            cause_extra = M("doctor.diff.no_password.cause")
    elif mine_pw and not ref_pw:
        diffs.append(M("doctor.diff.extra_password"))
        cause_extra = M("doctor.diff.extra_password.cause")
    elif mine_pw != ref_pw:
        diffs.append(M("doctor.diff.other_password"))
        cause_extra = M("doctor.diff.other_password.cause")
    if (url.username or None) != (target.username or None) and (url.username or target.username):
        diffs.append(M("doctor.diff.user", mine=url.username or M("doctor.diff.none"),
                       want=target.username or M("doctor.diff.none")))
    if not diffs:  # pragma: no cover - _key equality above covers it
        return [ok("kv.internal-url", 4, M("doctor.internal.ok", db="", trimmed=""), value=show(url.raw))]
    sev = Severity.ERROR
    already = {r.id for r in lint}
    if {"tls.internal-rediss", "tls.external-plaintext"} & already and all(d.startswith("scheme") for d in diffs):
        return []  # the lint has said it, with the fix
    return [fail(
        "kv.url-mismatch", 4, sev,
        M("doctor.mismatch.msg", which='External' if target is eu else 'Internal', diffs=join(diffs, sep_key="sep.semicolon")),
        M("doctor.mismatch.cause", extra=cause_extra),
        M("doctor.mismatch.fix", var=facts.var, internal=show(internal)),
        value=show(url.raw), data={"differences": diffs})]


# --------------------------------------------------------------------------------------------
# item 5: region and workspace
# --------------------------------------------------------------------------------------------


def check_region(facts: Facts, url: RedisURL | None) -> list[CheckResult]:
    svc, kv = facts.service, facts.key_value
    if url is None or not url.parsed or url.instance_id is None:
        return [unknown("kv.region", 5, M("doctor.region.no_kv"))]
    if svc is None or kv is None:
        missing = "service" if svc is None else "key_value"
        return [unknown("kv.region", 5, M("doctor.region.unread", why=facts.why(missing)))]
    out: list[CheckResult] = []
    s_owner, k_owner = svc.get("ownerId"), _owner_of_kv(kv)
    if s_owner and k_owner and s_owner != k_owner:
        msg = M("doctor.workspace.msg", kv=k_owner, svc=s_owner)
        cause = M("doctor.workspace.cause")
        fix = M("doctor.workspace.fix")
        out.append(fail("kv.workspace", 5, Severity.CRITICAL, msg, cause, fix) if url.kind == "internal"
                   else warn("kv.workspace", 5, msg, cause, fix))
    s_region = (svc.get("serviceDetails") or {}).get("region")
    k_region = kv.get("region")
    if not s_region:
        out.append(unknown("kv.region", 5, M("doctor.region.no_service_region", type=svc.get('type'))))
    elif not k_region:
        out.append(unknown("kv.region", 5, M("doctor.region.no_kv_region")))
    elif s_region != k_region:
        internal = url.kind == "internal"
        msg = M("doctor.region.msg", svc=s_region, kv=k_region)
        cause = M("doctor.region.cause_internal") if internal else M("doctor.region.cause_external")
        fix = M("doctor.region.fix", region=s_region, var=facts.var)
        region_data = {"service": s_region, "key_value": k_region}
        out.append(fail("kv.region", 5, Severity.CRITICAL, msg, cause, fix, data=region_data) if internal
                   else warn("kv.region", 5, msg, cause, fix, data=region_data))
    elif not out:
        out.append(ok("kv.region", 5, M("doctor.region.ok", region=s_region,
                                          same=M("doctor.region.same_workspace") if s_owner and k_owner else ""),
                       data={"region": s_region}))
    else:
        out.append(ok("kv.region", 5, M("doctor.region.ok", region=s_region, same=""), data={"region": s_region}))
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
# item 8: instance settings
# --------------------------------------------------------------------------------------------


def check_settings(facts: Facts, url: RedisURL | None) -> list[CheckResult]:
    kv = facts.key_value
    if kv is None:
        if url is not None and url.instance_id:
            return [unknown("kv.settings", 8, M("doctor.settings.unread", why=facts.why('key_value')))]
        return [unknown("kv.settings", 8, M("doctor.settings.no_kv"))]
    out: list[CheckResult] = []
    options = kv.get("options") or {}
    policy = _norm_policy(options.get("maxmemoryPolicy"))
    oom = next((f for f in (facts.diagnosis.findings if facts.diagnosis else []) if "oom" in f.rule_id), None)
    use = facts.use
    if policy is None:
        out.append(unknown("kv.maxmemory", 8, M("doctor.maxmemory.unknown")))
    elif use == "cache":
        if policy == "noeviction":
            sev_fail = oom is not None
            msg = M("doctor.maxmemory.cache_noeviction", oom=M("doctor.maxmemory.oom") if oom else "")
            cause = M("doctor.maxmemory.cache_noeviction.cause")
            fix = M("doctor.maxmemory.cache_noeviction.fix")
            out.append(fail("kv.maxmemory", 8, Severity.ERROR, msg, cause, fix, data={"policy": policy})
                       if sev_fail else warn("kv.maxmemory", 8, msg, cause, fix, data={"policy": policy}))
        elif policy.startswith("volatile"):
            out.append(warn(
                "kv.maxmemory", 8, M("doctor.maxmemory.volatile", policy=policy),
                M("doctor.maxmemory.volatile.cause"),
                M("doctor.maxmemory.volatile.fix"), data={"policy": policy}))
        else:
            out.append(ok("kv.maxmemory", 8, M("doctor.maxmemory.cache_ok", policy=policy), data={"policy": policy}))
    elif use == "queue":
        if policy == "noeviction":
            out.append(ok("kv.maxmemory", 8, M("doctor.maxmemory.queue_ok"), data={"policy": policy}))
        else:
            out.append(fail(
                "kv.maxmemory", 8, Severity.ERROR, M("doctor.maxmemory.queue", policy=policy),
                M("doctor.maxmemory.queue.cause"),
                M("doctor.maxmemory.queue.fix"),
                data={"policy": policy}))
    else:  # store: data that must not vanish
        if policy != "noeviction":
            out.append(warn("kv.maxmemory", 8, M("doctor.maxmemory.store", policy=policy),
                             M("doctor.maxmemory.store.cause"),
                             M("doctor.maxmemory.store.fix"), data={"policy": policy}))
        else:
            out.append(ok("kv.maxmemory", 8, M("doctor.maxmemory.store_ok"), data={"policy": policy}))

    plan = kv.get("plan")
    persistence = options.get("persistenceMode")
    if plan == "free":
        out.append(warn(
            "kv.persistence", 8, M("doctor.persistence.free"),
            M("doctor.persistence.free.cause"),
            M("doctor.persistence.free.fix"),
            data={"plan": plan}))
    elif persistence == "off":
        out.append(warn("kv.persistence", 8, M("doctor.persistence.off", plan=plan),
                         M("doctor.persistence.off.cause"),
                         M("doctor.persistence.off.fix"), data={"plan": plan}))
    else:
        out.append(ok("kv.persistence", 8, M("doctor.persistence.ok", plan=plan, persistence=M(
            "doctor.persistence.mode", mode=persistence) if persistence else ""), data={"plan": plan}))

    allow = kv.get("ipAllowList")
    cidrs = [str(e.get("cidrBlock")) for e in (allow or []) if isinstance(e, dict) and e.get("cidrBlock")]
    external = url is not None and url.kind == "external"
    if external and not cidrs:
        out.append(fail(
            "kv.allowlist", 8, Severity.ERROR, M("doctor.allowlist.empty"),
            M("doctor.allowlist.empty.cause"),
            M("doctor.allowlist.empty.fix"), data={"allowlist": cidrs}))
    elif external and cidrs == ["0.0.0.0/32"]:
        out.append(fail("kv.allowlist", 8, Severity.ERROR,
                         M("doctor.allowlist.blocked"),
                         M("doctor.allowlist.blocked.cause"),
                         M("doctor.allowlist.blocked.fix"), data={"allowlist": cidrs}))
    elif "0.0.0.0/0" in cidrs:
        out.append(warn(
            "kv.allowlist", 8, M("doctor.allowlist.open"),
            M("doctor.allowlist.open.cause"),
            M("doctor.allowlist.open.fix"),
            data={"allowlist": cidrs}))
    elif external:
        out.append(info("kv.allowlist", 8,
                         M("doctor.allowlist.external", cidrs=', '.join(cidrs)),
                         data={"allowlist": cidrs}))
    else:
        out.append(ok("kv.allowlist", 8, M("doctor.allowlist.closed") if not cidrs or cidrs == ["0.0.0.0/32"]
                       else M("doctor.allowlist.limited", cidrs=', '.join(cidrs)),
                       data={"allowlist": cidrs}))
    version = kv.get("version")
    if isinstance(version, str) and version.startswith("6."):
        out.append(info("kv.version", 8, M("doctor.version.legacy", version=version),
                         cause=M("doctor.version.legacy.cause"),
                         fix=M("doctor.version.legacy.fix")))
    return out


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


# --------------------------------------------------------------------------------------------
# gathering (the only part that talks to the API)
# --------------------------------------------------------------------------------------------


def new_redactor() -> Any:
    """The shared Redactor (stable stand-ins across the run), or None before redact.py existed."""
    try:
        from analyzer.redact import Redactor
    except ImportError:  # pragma: no cover
        return None
    return Redactor()


def _describe(exc: BaseException) -> str:
    msg = str(exc).strip() or type(exc).__name__
    return msg.rstrip(".")


def _status(exc: BaseException) -> str | None:
    status = getattr(exc, "status", None)
    return str(status) if status is not None else None


def gather(client: Any, service: dict[str, Any], *, var: str = "REDIS_URL", since: str | None = "1h",
           use: str = "cache", rules: Any = None, redactor: Any = None,
           progress: Any = None) -> Facts:
    """Fetch everything the checks need for one (already resolved) service. Never raises for API errors:
    each failure is recorded in `facts.errors` and the checks it blocks say "?"."""
    facts = Facts(var=var, service=service, use=use, redactor=redactor if redactor is not None else new_redactor(),
                  rules=dict(rules.by_id) if rules is not None and hasattr(rules, "by_id") else {})
    sid = service.get("id", "")
    owner = service.get("ownerId")

    def fetch(name: str, fn: Any) -> Any:
        if progress:
            progress(name)
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - every API failure degrades to "?"
            facts.errors[name] = _describe(exc)
            if _status(exc):
                facts.errors[name + "_status"] = _status(exc)  # type: ignore[assignment]
            return None

    facts.env_vars = fetch("env_vars", lambda: client.list_env_vars(sid))
    facts.env_groups = fetch("env_groups", lambda: client.list_env_groups_for_service(sid, owner))
    loc = locate(facts)
    if loc.value is not None:
        url, _ = inspect_redis_url(loc.value, var=var)
        if url.instance_id:
            facts.key_value = fetch("key_value", lambda: client.get_key_value(url.instance_id))
            if facts.key_value is not None:
                facts.connection_info = fetch("connection_info", lambda: client.get_connection_info(url.instance_id))
            elif "key_value" in facts.errors:
                facts.errors.setdefault("connection_info", facts.errors["key_value"])
    if facts.redactor is not None and facts.connection_info:
        for k in ("internalConnectionString", "externalConnectionString"):
            pw = _password(str(facts.connection_info.get(k) or ""))
            if pw:
                facts.redactor.add(pw)
    facts.deploys = fetch("deploys", lambda: client.list_deploys(sid, limit=20))
    if rules is not None and since:
        _gather_logs(client, facts, service, since, rules, fetch)
        from analyzer.render.doctor_kv import gather_kv

        facts.kv_side = gather_kv(client, facts, service, rules, fetch)
    elif rules is None:
        facts.errors["logs"] = M("doctor.logs.not_run")
    return facts


def _gather_logs(client: Any, facts: Facts, service: dict[str, Any], since: str, rules: Any, fetch: Any) -> None:
    from analyzer.pipeline import Session
    from analyzer.sources.formats import records_from_api_logs
    from analyzer.render.api import LogQuery, resolve_window

    start, end = resolve_window(since, None, None)
    facts.log_start, facts.log_end = start, end
    facts.log_window = M("doctor.window.last", since=since)
    query = LogQuery(owner_id=service.get("ownerId", ""), resources=[service.get("id", "")], start=start, end=end)
    result = fetch("logs", lambda: client.fetch_logs(query))
    if result is None:
        return
    if not result.logs and result.error is not None:
        facts.errors["logs"] = _describe(result.error)
        return
    session = Session(rules) if facts.redactor is None else Session(rules, redactor=facts.redactor)
    records = list(records_from_api_logs(result.logs, f"render:{service.get('id')}"))  # as rla fetch
    session.feed_records(records, records[0].source if records else "render")
    facts.diagnosis = session.diagnosis(result.incomplete)
    facts.log_count = len(records)
    facts.log_incomplete = result.incomplete
