"""`rla doctor`, the checks judged on the Key Value the URL points at: the instance is live (item 3),
the URL is its Internal connection string (item 4), service and Key Value share region and workspace
(item 5), and its settings fit the use (item 8). Pure: Facts in, CheckResults out.
"""

from __future__ import annotations

from typing import Any

from analyzer.i18n import Msg as M
from analyzer.i18n import join
from analyzer.model import Severity
from analyzer.render.doctor_facts import Facts, password_of
from analyzer.render.timestamps import fmt_ts, parse_ts
from analyzer.urllint import RedisURL, inspect_redis_url, show_value
from analyzer.urllint.checklist import CheckResult, fail, info, ok, unknown, warn


def _norm_policy(policy: Any) -> str | None:
    return str(policy).strip().lower().replace("_", "-") if policy else None


def _owner_of_kv(kv: dict[str, Any]) -> str | None:
    owner = kv.get("owner")
    if isinstance(owner, dict):
        return owner.get("id")
    return kv.get("ownerId")


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
    mine = _key(url, password_of(url.cleaned))
    if mine == _key(iu, password_of(internal)):
        trimmed = url.cleaned != url.raw
        return [ok("kv.internal-url", 4,
                   M("doctor.internal.ok", db=M("doctor.internal.db", db=url.db) if url.db else "",
                     trimmed=M("doctor.internal.trimmed") if trimmed else ""),
                   value=show(url.raw))]
    if eu is not None and mine == _key(eu, password_of(external)):
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
    mine_pw, ref_pw = password_of(url.cleaned), password_of(ref)
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
