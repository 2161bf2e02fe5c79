"""`rla doctor`: the note's checklist, ticked from what the Render API says about a service.

    facts = gather(client, "srv-…")          # the only part that talks to the API
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

Every fact that could not be fetched is None with the reason in `Facts.errors`; the checks it
blocks answer "unknown" ("?") with that reason, never a guess. Every value shown is redacted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable

from analyzer.model import Diagnosis, Rule, Severity
from analyzer.urllint import (
    INTERNAL_EXAMPLE,
    ITEMS,
    CheckResult,
    RedisURL,
    inspect_redis_url,
    looks_like_redis_url,
    redact_value,
    show_value,
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
    rules: dict[str, Rule] = field(default_factory=dict)  # to name log findings
    use: str = "cache"  # what Redis is used for: cache | queue | store
    errors: dict[str, str] = field(default_factory=dict)
    redactor: Any = None  # one analyzer.redact.Redactor for the run: one secret, one stand-in

    def why(self, *names: str) -> str:
        for n in names:
            if n in self.errors:
                return self.errors[n]
        return "not fetched"


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

_TS = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$")


def parse_ts(text: Any) -> datetime | None:
    """RFC 3339 with any fraction (the API sends up to ns) -> aware datetime; None if unreadable."""
    if not isinstance(text, str):
        return None
    m = _TS.match(text.strip())
    if not m:
        return None
    day, clock, frac, tz = m.groups()
    tz = tz or "Z"
    if tz == "Z":
        tz = "+00:00"
    elif ":" not in tz:
        tz = tz[:3] + ":" + tz[3:]
    frac = (frac or "0")[:6].ljust(6, "0")
    try:
        return datetime.fromisoformat(f"{day}T{clock}.{frac}{tz}").astimezone(timezone.utc)
    except ValueError:
        return None


def fmt_ts(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M UTC") if dt else "?"


def _norm_policy(policy: Any) -> str | None:
    return str(policy).strip().lower().replace("_", "-") if policy else None


def _owner_of_kv(kv: dict[str, Any]) -> str | None:
    owner = kv.get("owner")
    if isinstance(owner, dict):
        return owner.get("id")
    return kv.get("ownerId")


def _unknown(id: str, item: int, message: str, **kw: Any) -> CheckResult:
    return CheckResult(id, item, "unknown", Severity.INFO, message, **kw)


def _ok(id: str, item: int, message: str, **kw: Any) -> CheckResult:
    return CheckResult(id, item, "ok", Severity.OK, message, **kw)


def _info(id: str, item: int, message: str, **kw: Any) -> CheckResult:
    return CheckResult(id, item, "ok", Severity.INFO, message, **kw)


def _fail(id: str, item: int, sev: Severity, message: str, cause: str, fix: str, **kw: Any) -> CheckResult:
    return CheckResult(id, item, "fail", sev, message, cause, fix, **kw)


def _warn(id: str, item: int, message: str, cause: str, fix: str, **kw: Any) -> CheckResult:
    return CheckResult(id, item, "warn", Severity.WARNING, message, cause, fix, **kw)


def _name_distance(a: str, b: str) -> int:
    from analyzer.urllint import _edit_distance

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
            found.append(("service", value, None))
        elif looks_like_redis_url(value):
            loc.others.append((key, "service", value))
        elif key.upper() == var.upper() or (len(var) > 4 and _name_distance(key, var) <= 1):
            loc.near.append(f"{key} (service)")
    for group in facts.env_groups or []:
        gname = f"env group {group.get('name') or group.get('id')}"
        for ev in group.get("envVars") or []:
            key, value = str(ev.get("key", "")), ev.get("value")
            value = "" if value is None else str(value)
            if key == var:
                found.append((gname, value, group))
            elif looks_like_redis_url(value):
                loc.others.append((key, gname, value))
            elif key.upper() == var.upper() or (len(var) > 4 and _name_distance(key, var) <= 1):
                loc.near.append(f"{key} ({gname})")
    if found:
        loc.source, loc.value, loc.group = found[0]
        loc.duplicates = [(s, v) for s, v, _ in found[1:]]
    return loc


def check_presence(facts: Facts, loc: Located) -> list[CheckResult]:
    var, out = facts.var, []
    show = lambda v: show_value(v, facts.redactor)  # noqa: E731
    others = "; ".join(f"{k} ({src}) = {show(v)}" for k, src, v in loc.others)
    if loc.value is not None:
        out.append(_ok("env.present", 1, f"{var} is set ({loc.source})", value=show(loc.value),
                       data={"source": loc.source}))
        for src, v in loc.duplicates:
            if v != loc.value:
                out.append(_warn(
                    "env.duplicate", 1, f"{var} is also set in {src}, with a different value",
                    f"{var} is defined on the {loc.source} ({show(loc.value)}) and in {src} ({show(v)}). "
                    "Only one reaches the app (Render's docs give the service's own variable precedence over a "
                    "group's; the API does not show which), and the other gets edited by mistake.",
                    f"Keep one definition of {var} (usually in the env group shared by every service that uses Redis).",
                    value=show(v)))
    elif facts.env_vars is None and facts.env_groups is None:
        out.append(_unknown("env.present", 1, f"could not read the service's variables: {facts.why('env_vars')}"))
    elif facts.env_vars is None or facts.env_groups is None:
        missing = "its own variables" if facts.env_vars is None else "its linked env groups"
        out.append(_unknown(
            "env.present", 1,
            f"{var} is not in what could be read, but {missing} could not be read: "
            f"{facts.why('env_vars' if facts.env_vars is None else 'env_groups')}"))
    else:
        hint = ""
        if loc.near:
            hint += f" A variable with a close name exists: {', '.join(loc.near)}."
        if others:
            hint += f" Other variables hold Redis URLs: {others} — does the code read one of these instead (use --var)?"
        groups = ", ".join(str(g.get("name")) for g in facts.env_groups) or "none"
        out.append(_fail(
            "env.missing", 1, Severity.CRITICAL,
            f"{var} does not exist on the service nor in its linked env groups ({groups})",
            f"The app reads {var}; without it node-redis/ioredis connect to localhost:6379, where nothing listens "
            f"on Render (ECONNREFUSED 127.0.0.1:6379, 'REDIS_URL is NOT set').{hint}",
            f"Add {var} under the service's Environment (or in a linked env group) with the Key Value's "
            f"Internal URL ({INTERNAL_EXAMPLE}), then redeploy.",
            data={"others": [k for k, _, _ in loc.others]}))
        return out
    if others:
        out.append(_info("env.other-redis", 1, f"other Redis values: {others}",
                         data={"others": [{"key": k, "source": s, "value": show(v)} for k, s, v in loc.others]}))
    return out


# --------------------------------------------------------------------------------------------
# item 3: the Key Value instance
# --------------------------------------------------------------------------------------------

_STATUS_TEXT: dict[str, tuple[str, Severity | None, str, str]] = {
    # status: (what it means, severity when it fails (None: warn), cause, fix)
    "creating": ("is still being created", None,
                 "A new instance takes a few minutes before it accepts connections.",
                 "Wait until the dashboard shows it Available, then redeploy the service (or let it reconnect)."),
    "suspended": ("is suspended", Severity.CRITICAL,
                  "A suspended instance accepts no connections (suspended by a user, for billing, or a free "
                  "instance over its limits); clients get ECONNREFUSED or timeouts.",
                  "Resume it from the dashboard (or POST /v1/key-value/{id}/resume) and check billing."),
    "unavailable": ("is unavailable", Severity.CRITICAL,
                    "The instance is down; clients get ECONNREFUSED, timeouts or dropped connections.",
                    "Check the instance's Events in the dashboard; if it stays unavailable, contact Render support."),
    "config_restart": ("is restarting to apply a configuration change", None,
                       "Changing the instance's settings restarts it; it is unreachable for a few seconds.",
                       "Wait for it to be Available; keep client reconnection enabled."),
    "maintenance_scheduled": ("has maintenance scheduled", None,
                              "Render will restart the instance during the maintenance window; expect a short outage.",
                              "Keep client reconnection enabled; trigger the maintenance yourself at a quiet time."),
    "maintenance_in_progress": ("is under maintenance", None,
                                "During maintenance the instance restarts; connections drop for a short while.",
                                "Wait for the maintenance to end; keep client reconnection enabled."),
    "recovery_in_progress": ("is recovering", None,
                             "Render is recovering the instance after a failure; it may refuse connections meanwhile.",
                             "Wait for it to be Available; if it lasts, contact Render support."),
    "recovery_failed": ("failed to recover", Severity.CRITICAL,
                        "The instance could not be brought back after a failure; it accepts no connections.",
                        "Contact Render support, or create a new Key Value and point REDIS_URL at it."),
    "updating_instance": ("is changing instance type", None,
                          "An instance type change makes it unavailable for about 1-2 minutes.",
                          "Wait for it to be Available; keep client reconnection enabled."),
}


def check_instance(facts: Facts, url: RedisURL | None) -> list[CheckResult]:
    if url is None or not url.parsed:
        return [_unknown("kv.instance", 3, "no readable URL to follow (see items 1-2)")]
    inst = url.instance_id
    if inst is None:
        if url.kind in ("other", "ip"):
            return [_unknown("kv.instance", 3, f"{url.host} is not a Render Key Value hostname; nothing to look up")]
        if url.kind == "external":
            return [_unknown("kv.instance", 3, "the external URL has no red-… user name, so the instance is unknown")]
        return []  # localhost etc.: the lint already failed item 3
    kv = facts.key_value
    if kv is None:
        err = facts.errors.get("key_value", "not fetched")
        if facts.errors.get("key_value_status") == "404":
            return [_fail(
                "kv.not-found", 3, Severity.CRITICAL, f"no Key Value {inst} in this account",
                f"The API knows no instance {inst} for this key: it was deleted (or recreated with a new id), "
                "or it belongs to another workspace. The hostname then does not resolve (getaddrinfo ENOTFOUND).",
                f"Open the Key Value in the dashboard and copy its current Internal URL into {facts.var}, then redeploy.",
                value=inst)]
        return [_unknown("kv.instance", 3, f"could not read Key Value {inst}: {err}")]
    status = str(kv.get("status") or "unknown")
    name = kv.get("name") or inst
    label = f"Key Value {name} ({inst})"
    if status == "available":
        return [_ok("kv.status", 3, f"{label} is Live (available)", data={"status": status})]
    text = _STATUS_TEXT.get(status)
    if text is None:
        return [_unknown("kv.status", 3, f"{label} reports status '{status}', which says nothing about its health",
                         data={"status": status})]
    what, sev, cause, fix = text
    if status == "maintenance_scheduled":
        when = ((kv.get("maintenance") or {}).get("scheduledAt")) if isinstance(kv.get("maintenance"), dict) else None
        if when:
            cause += f" Scheduled for {fmt_ts(parse_ts(when))}."
    if sev is None:
        return [_warn("kv.status", 3, f"{label} {what} (status {status})", cause, fix, data={"status": status})]
    return [_fail("kv.status", 3, sev, f"{label} {what} (status {status}), not Live", cause, fix,
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
        return [_unknown("kv.internal-url", 4, "cannot be compared until the scheme is fixed (item 2)")]
    info = facts.connection_info
    if info is None:
        return [_unknown("kv.internal-url", 4,
                         f"could not read the connection info of {url.instance_id}: {facts.why('connection_info')}")]
    internal = str(info.get("internalConnectionString") or "")
    external = str(info.get("externalConnectionString") or "")
    if not internal:
        return [_unknown("kv.internal-url", 4, "the API gave no internal connection string")]
    show = lambda v: show_value(v, facts.redactor)  # noqa: E731
    iu, _ = inspect_redis_url(internal)
    eu, _ = inspect_redis_url(external) if external else (None, [])
    mine = _key(url, _password(url.cleaned))
    if mine == _key(iu, _password(internal)):
        trimmed = url.cleaned != url.raw
        return [_ok("kv.internal-url", 4,
                    "matches the instance's Internal URL"
                    + (f" (database /{url.db})" if url.db else "")
                    + (" once the characters of item 2 are removed" if trimmed else ""),
                    value=show(url.raw))]
    if eu is not None and mine == _key(eu, _password(external)):
        # The lint already warned "external from Render"; give the precise fix instead.
        return [_warn(
            "kv.external-url", 4, "it is the instance's External URL, not the Internal one",
            "The service runs on Render: the external URL leaves the private network (slower, TLS, billed egress) "
            "and only works while the service's outbound IPs are on the instance's IP allowlist.",
            f"Set {facts.var} to the Internal URL {show(internal)} (same region and workspace), then redeploy.",
            value=show(url.raw))]
    # neither: say what differs
    diffs: list[str] = []
    target = eu if url.kind == "external" and eu is not None else iu
    if (url.host or "").lower() != (target.host or "").lower():
        diffs.append(f"host {url.host} instead of {target.host}")
    if url.scheme != target.scheme:
        diffs.append(f"scheme {url.scheme}:// instead of {target.scheme}://")
    if url.effective_port != target.effective_port:
        diffs.append(f"port {url.effective_port} instead of {target.effective_port}")
    ref = internal if target is iu else external
    mine_pw, ref_pw = _password(url.cleaned), _password(ref)
    cause_extra = ""
    if ref_pw and not mine_pw:
        diffs.append("no password, while the instance requires one")
        if target is iu:
            cause_extra = (" Internal authentication is enabled on the instance: its internal URL now carries a "
                           "password, and a client without it gets NOAUTH Authentication required.")
    elif mine_pw and not ref_pw:
        diffs.append("a password the instance does not use")
        cause_extra = (" A password sent to an instance without auth makes node-redis/redis-py fail the handshake "
                       "(AUTH … called without any password configured).")
    elif mine_pw != ref_pw:
        diffs.append("a different password (rotated, or from another instance)")
        cause_extra = " The server answers WRONGPASS."
    if (url.username or None) != (target.username or None) and (url.username or target.username):
        diffs.append(f"user {url.username or '(none)'} instead of {target.username or '(none)'}")
    if not diffs:  # pragma: no cover - _key equality above covers it
        return [_ok("kv.internal-url", 4, "matches the instance's Internal URL", value=show(url.raw))]
    sev = Severity.ERROR
    already = {r.id for r in lint}
    if {"tls.internal-rediss", "tls.external-plaintext"} & already and all(d.startswith("scheme") for d in diffs):
        return []  # the lint has said it, with the fix
    return [_fail(
        "kv.url-mismatch", 4, sev, f"it differs from the instance's {'External' if target is eu else 'Internal'} URL: "
        + "; ".join(diffs),
        "The note asks that REDIS_URL be exactly the Internal Redis URL of the instance (Connect menu); "
        "any difference is a hand edit or a stale copy." + cause_extra,
        f"Set {facts.var} to {show(internal)}, then redeploy.",
        value=show(url.raw), data={"differences": diffs})]


# --------------------------------------------------------------------------------------------
# item 5: region and workspace
# --------------------------------------------------------------------------------------------


def check_region(facts: Facts, url: RedisURL | None) -> list[CheckResult]:
    svc, kv = facts.service, facts.key_value
    if url is None or not url.parsed or url.instance_id is None:
        return [_unknown("kv.region", 5, "no Render Key Value to compare with (see items 2-3)")]
    if svc is None or kv is None:
        missing = "service" if svc is None else "key_value"
        return [_unknown("kv.region", 5, f"could not compare: {facts.why(missing)}")]
    out: list[CheckResult] = []
    s_owner, k_owner = svc.get("ownerId"), _owner_of_kv(kv)
    if s_owner and k_owner and s_owner != k_owner:
        msg = f"the Key Value is in workspace {k_owner}, the service in {s_owner}"
        cause = ("Render's private network, and so the internal URL red-…:6379, only connects services and "
                 "instances of the same workspace (and region); from another workspace the name does not resolve "
                 "(ENOTFOUND).")
        fix = ("Create the Key Value in the service's workspace, or move the service; across workspaces only the "
               "External URL (rediss://, IP allowlist) works.")
        out.append(_fail("kv.workspace", 5, Severity.CRITICAL, msg, cause, fix) if url.kind == "internal"
                   else _warn("kv.workspace", 5, msg, cause, fix))
    s_region = (svc.get("serviceDetails") or {}).get("region")
    k_region = kv.get("region")
    if not s_region:
        out.append(_unknown("kv.region", 5, f"the service ({svc.get('type')}) has no region in the API; "
                            "static sites are not on the private network at all"))
    elif not k_region:
        out.append(_unknown("kv.region", 5, "the Key Value has no region in the API answer"))
    elif s_region != k_region:
        internal = url.kind == "internal"
        msg = f"the service runs in {s_region}, the Key Value in {k_region}"
        cause = ("The internal URL only works inside one region: from another region red-… does not resolve "
                 "(getaddrinfo ENOTFOUND red-…)." if internal else
                 "The external URL works across regions, but every command crosses the internet: slow and billed.")
        fix = (f"Keep service and Key Value in the same region: create a Key Value in {s_region} (the research "
               f"found no way to move one in place), migrate the data, and point {facts.var} at its Internal URL.")
        region_data = {"service": s_region, "key_value": k_region}
        out.append(_fail("kv.region", 5, Severity.CRITICAL, msg, cause, fix, data=region_data) if internal
                   else _warn("kv.region", 5, msg, cause, fix, data=region_data))
    elif not out:
        out.append(_ok("kv.region", 5, f"both in {s_region}" + (", same workspace" if s_owner and k_owner else ""),
                       data={"region": s_region}))
    else:
        out.append(_ok("kv.region", 5, f"both in {s_region}", data={"region": s_region}))
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
        who = ", ".join(svc.get("suspenders") or []) or "unknown"
        out.append(_fail(
            "deploy.suspended", 6, Severity.CRITICAL, f"the service is suspended (by: {who})",
            "A suspended service runs no instance: nothing connects to Redis and there are no new logs.",
            "Resume the service from the dashboard (Settings > Resume), then check the logs again."))
    if facts.deploys is None:
        out.append(_unknown("deploy.after-env", 6, f"could not read the deploys: {facts.why('deploys')}"))
        return out
    live = next((d for d in facts.deploys if d.get("status") == "live"), None)
    newest = facts.deploys[0] if facts.deploys else None
    if live is None:
        if newest is None:
            out.append(_fail("deploy.none", 6, Severity.CRITICAL, "the service has never been deployed",
                             "No deploy means no running code: nothing reads the variable yet.",
                             "Deploy the service (Manual Deploy > Deploy latest commit)."))
        else:
            out.append(_fail(
                "deploy.no-live", 6, Severity.ERROR,
                f"no live deploy; the latest ({newest.get('id')}) is {newest.get('status')}",
                "Without a live deploy the service runs nothing (or an old version that Render no longer lists).",
                "Open the deploy's logs to fix the build, then deploy again."))
        return out
    live_at = _deploy_time(live)
    data = {"live_deploy": live.get("id"), "live_since": live.get("startedAt") or live.get("createdAt"),
            "trigger": live.get("trigger")}
    if newest is not None and newest is not live and newest.get("status") in (
            "created", "queued", "build_in_progress", "update_in_progress", "pre_deploy_in_progress"):
        out.append(_info("deploy.in-progress", 6,
                         f"a newer deploy ({newest.get('id')}) is {newest.get('status')}: check again when it is live"))
    elif newest is not None and newest is not live and newest.get("status") in (
            "build_failed", "update_failed", "pre_deploy_failed"):
        out.append(_warn(
            "deploy.latest-failed", 6, f"the latest deploy ({newest.get('id')}) failed ({newest.get('status')})",
            "The service still runs an older live deploy; whatever the failed deploy was meant to bring "
            f"(a new {facts.var}?) is not running.",
            "Open the failed deploy's logs, fix it, and deploy again."))
    if loc.value is None:
        out.append(_unknown("deploy.after-env", 6, f"nothing to date: {facts.var} was not found (item 1)", data=data))
        return out
    # The strongest evidence: the running deploy itself logged that it had no value.
    unset = _logged_unset(facts, loc, live_at)
    if unset is not None:
        out.append(_fail(
            "deploy.stale-env", 6, Severity.CRITICAL,
            f"the running deploy logged '{facts.var} is NOT set' ({unset}), yet {facts.var} now has a value",
            f"The variable was added (or its env group linked) after the live deploy of {fmt_ts(live_at)} started: "
            "a service reads its variables when it deploys, so the running instances never saw it.",
            "Redeploy the service: Manual Deploy > Deploy latest commit. Then check that the logs show "
            "\"✅ Redis cache connected successfully\".",
            data={**data, "logged_unset": unset}))
        return out
    if loc.group is not None:
        changed = parse_ts(loc.group.get("updatedAt"))
        gname = loc.group.get("name") or loc.group.get("id")
        if changed is None or live_at is None:
            out.append(_unknown("deploy.after-env", 6, "the API gave no readable date for the env group or the deploy",
                                data=data))
        elif changed > live_at:
            out.append(_fail(
                "deploy.stale-env", 6, Severity.ERROR,
                f"env group {gname} changed at {fmt_ts(changed)}, after the live deploy ({fmt_ts(live_at)})",
                "A service reads its variables when it deploys: the running instances still have the values from "
                f"before {fmt_ts(changed)}. (The API dates the group as a whole: the change may have been another "
                "variable of the group.)",
                "Redeploy the service: Manual Deploy > Deploy latest commit (or POST /v1/services/{id}/deploys).",
                data={**data, "env_changed": loc.group.get("updatedAt")}))
        else:
            out.append(_ok("deploy.after-env", 6,
                           f"live deploy {fmt_ts(live_at)} is after the last change of env group {gname} ({fmt_ts(changed)})",
                           data={**data, "env_changed": loc.group.get("updatedAt")}))
        return out
    # The service's own variable: the env-vars endpoint returns only key and value.
    out.append(_unknown(
        "deploy.after-env", 6,
        f"the API gives no date for a service's own variables, so whether {facts.var} changed after the live deploy "
        f"({fmt_ts(live_at)}, trigger {live.get('trigger') or '?'}) cannot be told; if you edited it since, redeploy",
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
                return f"last at {fmt_ts(seen)}" if seen else "in the log window"
    return None


# --------------------------------------------------------------------------------------------
# item 7: the logs
# --------------------------------------------------------------------------------------------

CONNECTED_RULES = ("redis-cache-connected",)


def _rule_title(facts: Facts, rule_id: str | None) -> str:
    if not rule_id:
        return "?"
    rule = facts.rules.get(rule_id)
    return f"{rule_id} ({rule.title})" if rule else rule_id


def check_logs(facts: Facts) -> list[CheckResult]:
    window = facts.log_window or "the recent window"
    d = facts.diagnosis
    if d is None:
        return [_unknown("logs.connected", 7, f"could not read the logs: {facts.why('logs')}")]
    if not facts.log_count:
        return [_unknown("logs.connected", 7,
                         f"no log lines in {window}: the service logged nothing (or was not running); widen --since")]
    seen = {f.rule_id: f for f in d.findings}
    connected = next((seen[r] for r in CONNECTED_RULES if r in seen), None)
    v = d.verdict
    incomplete = f" ({facts.log_incomplete})" if facts.log_incomplete else ""
    data: dict[str, object] = {"verdict": v.state, "root_cause": v.root_cause, "lines": facts.log_count}
    if v.state in ("healthy", "recovered"):
        when = f", last at {connected.last.time}" if connected and connected.last.time else ""
        line = ("'✅ Redis cache connected successfully' seen"
                f" {connected.count}×{when}" if connected else "Redis up, though the exact line "
                "'✅ Redis cache connected successfully' is not in the window")
        extra = f"; it recovered from {_rule_title(facts, v.root_cause)}" if v.state == "recovered" else ""
        return [_ok("logs.connected", 7, f"{line}; nothing failed after it ({window}){extra}{incomplete}", data=data)]
    if v.state in ("failing", "degraded"):
        rule = facts.rules.get(v.root_cause or "")
        cause = rule.text().cause if rule else "The log diagnosis below has the details."
        fix = " ".join(rule.text().solution) if rule and rule.text().solution else "See the log diagnosis below."
        after = " after it connected" if connected else ""
        return [_fail(
            "logs.connected", 7, Severity.CRITICAL if v.state == "failing" else Severity.ERROR,
            f"Redis is {v.state}{after} in {window}: {_rule_title(facts, v.root_cause)}{incomplete}",
            cause, fix, data=data)]
    return [_unknown("logs.connected", 7,
                     f"no Redis line in {window} ({facts.log_count} lines): the app may not log its Redis "
                     f"connection, or it did so earlier; widen --since{incomplete}", data=data)]


# --------------------------------------------------------------------------------------------
# item 8: instance settings
# --------------------------------------------------------------------------------------------


def check_settings(facts: Facts, url: RedisURL | None) -> list[CheckResult]:
    kv = facts.key_value
    if kv is None:
        if url is not None and url.instance_id:
            return [_unknown("kv.settings", 8, f"could not read the instance: {facts.why('key_value')}")]
        return [_unknown("kv.settings", 8, "no Render Key Value to inspect (see items 2-3)")]
    out: list[CheckResult] = []
    options = kv.get("options") or {}
    policy = _norm_policy(options.get("maxmemoryPolicy"))
    oom = next((f for f in (facts.diagnosis.findings if facts.diagnosis else []) if "oom" in f.rule_id), None)
    use = facts.use
    if policy is None:
        out.append(_unknown("kv.maxmemory", 8, "the API does not show the instance's maxmemory policy"))
    elif use == "cache":
        if policy == "noeviction":
            sev_fail = oom is not None
            msg = "maxmemory policy noeviction for a cache" + (" — and the logs show OOM errors" if oom else "")
            cause = ("With noeviction nothing is ever evicted: once memory is full every write fails with "
                     "'OOM command not allowed when used memory > maxmemory'. A cache wants the least-used keys "
                     "evicted instead.")
            fix = ("Set the policy to allkeys-lru (dashboard > Key Value > Settings > Maxmemory Policy). Keep "
                   "noeviction only if this instance also holds job queues (then pass --use queue).")
            out.append(_fail("kv.maxmemory", 8, Severity.ERROR, msg, cause, fix, data={"policy": policy})
                       if sev_fail else _warn("kv.maxmemory", 8, msg, cause, fix, data={"policy": policy}))
        elif policy.startswith("volatile"):
            out.append(_warn(
                "kv.maxmemory", 8, f"maxmemory policy {policy}: only keys with a TTL can be evicted",
                "Keys written without an expiry are never evicted; when they fill memory, writes fail with OOM.",
                "Use allkeys-lru for a cache, or make sure every cache key has a TTL.", data={"policy": policy}))
        else:
            out.append(_ok("kv.maxmemory", 8, f"maxmemory policy {policy} suits a cache", data={"policy": policy}))
    elif use == "queue":
        if policy == "noeviction":
            out.append(_ok("kv.maxmemory", 8, "maxmemory policy noeviction suits job queues", data={"policy": policy}))
        else:
            out.append(_fail(
                "kv.maxmemory", 8, Severity.ERROR, f"maxmemory policy {policy} on an instance holding queues",
                "With an eviction policy, Redis deletes keys when memory is full: queued jobs and locks vanish "
                "(BullMQ 'Missing key for job', lost Sidekiq jobs).",
                "Set the policy to noeviction for queues (Render's recommendation), and size the plan for the backlog.",
                data={"policy": policy}))
    else:  # store: data that must not vanish
        if policy != "noeviction":
            out.append(_warn("kv.maxmemory", 8, f"maxmemory policy {policy} evicts data when memory is full",
                             "Data the app expects to find again (sessions, counters) can be evicted silently.",
                             "Use noeviction for data that must stay, and watch memory.", data={"policy": policy}))
        else:
            out.append(_ok("kv.maxmemory", 8, "maxmemory policy noeviction keeps the data", data={"policy": policy}))

    plan = kv.get("plan")
    persistence = options.get("persistenceMode")
    if plan == "free":
        out.append(_warn(
            "kv.persistence", 8, "free plan: no persistence",
            "A free Key Value keeps data only in memory: every restart, maintenance or upgrade empties it "
            "(sessions logged out, queued jobs lost), and upgrading from free also wipes it.",
            "Fine for a throwaway cache; for sessions or queues use a paid plan (persistence journal_snapshot).",
            data={"plan": plan}))
    elif persistence == "off":
        out.append(_warn("kv.persistence", 8, f"persistence is off ({plan} plan)",
                         "With persistence off, a restart empties the instance.",
                         "Set persistence to journal_snapshot unless this is a pure cache.", data={"plan": plan}))
    else:
        out.append(_ok("kv.persistence", 8, f"{plan} plan" + (f", persistence {persistence}" if persistence else ""),
                       data={"plan": plan}))

    allow = kv.get("ipAllowList")
    cidrs = [str(e.get("cidrBlock")) for e in (allow or []) if isinstance(e, dict) and e.get("cidrBlock")]
    external = url is not None and url.kind == "external"
    if external and not cidrs:
        out.append(_fail(
            "kv.allowlist", 8, Severity.ERROR, "the external URL is used, but the IP allowlist is empty",
            "An empty allowlist disables external connections: every client is refused with "
            "'Client IP address is not in the allowlist.'",
            f"From a Render service use the Internal URL instead. From outside Render add the client's CIDR under "
            "the Key Value's Networking > Access Control.", data={"allowlist": cidrs}))
    elif external and cidrs == ["0.0.0.0/32"]:
        out.append(_fail("kv.allowlist", 8, Severity.ERROR,
                         "the external URL is used, but the allowlist is 0.0.0.0/32 (blocks everyone)",
                         "0.0.0.0/32 is Render's way to block all external connections.",
                         "Use the Internal URL, or add the client's CIDR.", data={"allowlist": cidrs}))
    elif "0.0.0.0/0" in cidrs:
        out.append(_warn(
            "kv.allowlist", 8, "the IP allowlist is 0.0.0.0/0: the whole internet may connect",
            "Anyone who learns the password can reach the instance from anywhere.",
            "Narrow the allowlist to the CIDRs that need external access (use 0.0.0.0/32 to block all).",
            data={"allowlist": cidrs}))
    elif external:
        out.append(_info("kv.allowlist", 8,
                         f"IP allowlist: {', '.join(cidrs)} — the service's outbound IPs must be in it for the external URL",
                         data={"allowlist": cidrs}))
    else:
        out.append(_ok("kv.allowlist", 8, "external access " + ("closed (internal only)" if not cidrs or cidrs == ["0.0.0.0/32"]
                                                                else f"limited to {', '.join(cidrs)}"),
                       data={"allowlist": cidrs}))
    version = kv.get("version")
    if isinstance(version, str) and version.startswith("6."):
        out.append(_info("kv.version", 8, f"Redis {version}: a legacy instance (created before 2025-02-12)",
                         cause="Legacy instances stay on Redis 6; some libraries (Sidekiq 7, BullMQ) want ≥ 6.2.",
                         fix="If a library complains about the Redis version, create a new (Valkey 8) instance."))
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
        results.append(_unknown("url.format", 2, f"no value to check: {facts.var} was not found (item 1)"
                                if facts.env_vars is not None else f"no value to check: {facts.why('env_vars')}"))
    for check in (lambda: check_instance(facts, url), lambda: check_internal(facts, url, lint),
                  lambda: check_region(facts, url), lambda: check_redeploy(facts, loc), lambda: check_logs(facts),
                  lambda: check_settings(facts, url)):
        try:
            results += check()
        except Exception as exc:  # noqa: BLE001 - odd API data must not crash the doctor
            results.append(_unknown("internal-error", 0, f"a check failed on unexpected data ({type(exc).__name__})"))
    # the lint's "external from Render" warning is replaced by the comparison when there is one
    if any(r.id == "kv.external-url" for r in results):
        results = [r for r in results if r.id != "tls.external-from-render"]
    # an item with nothing to say about an unparsed URL answers "?"
    for item in (3, 4):
        if not any(r.item == item for r in results):
            results.append(_unknown(f"item-{item}", item, "nothing to check: see item 2"))
    return sorted(results, key=lambda r: r.item)


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
            out.append(ItemSummary(item, ITEMS.get(item, "internal"), "unknown", Severity.INFO, "not checked", []))
            continue
        top = max(STATUS_ORDER[r.status] for r in rs)
        same = [r for r in rs if STATUS_ORDER[r.status] == top]
        if top == 0:  # all ok: the last word is the most complete (API facts come after the lint's)
            worst, more = same[-1], ""
        else:
            worst = max(same, key=lambda r: r.severity)
            more = f" (+{len(same) - 1} more)" if len(same) > 1 else ""
        out.append(ItemSummary(item, ITEMS.get(item, "internal"), worst.status, worst.severity,
                               worst.message + more, rs))
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
    elif rules is None:
        facts.errors["logs"] = "log diagnosis not run"
    return facts


def _gather_logs(client: Any, facts: Facts, service: dict[str, Any], since: str, rules: Any, fetch: Any) -> None:
    from analyzer.pipeline import Session
    from analyzer.sources.formats import records_from_api_logs
    from analyzer.sources.render_api import LogQuery, resolve_window

    start, end = resolve_window(since, None, None)
    facts.log_window = f"the last {since}"
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


def redacted(text: str, facts: Facts | None = None) -> str:
    """Any text leaving the doctor: URL passwords and known secrets out."""
    return redact_value(text, facts.redactor if facts else None)
