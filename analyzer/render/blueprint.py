"""`rla doctor --blueprint render.yaml`: the Key Value wiring of a Blueprint, checked before it ships.

    bp = load_blueprint(text, "render.yaml")     # YAML with the line of every key and item
    results = check_blueprint(bp, var="REDIS_URL", use=None)

Offline: no API, no key. Every result is a CheckResult of the doctor's checklist (item 1: the
variable is wired, 2-4: the URL lint of a literal value, 5: same region, 8: the Key Value's
settings) whose `data` holds `file`, `line` and `service`, so the CI formats can point at the line.

The facts come from Render's Blueprint YAML Reference (https://render.com/docs/blueprint-spec):
- a Key Value is a `services` entry of `type: keyvalue` (deprecated alias `redis`); `ipAllowList` is
  required, `[]` allows only internal connections, `0.0.0.0/0` everyone;
- `maxmemoryPolicy` is one of allkeys-lru (default), volatile-lru, allkeys-random, volatile-random,
  volatile-ttl, noeviction; `region` defaults to oregon for services and Key Value alike;
- a service gets the internal URL with `fromService: {type: keyvalue, name: …, property:
  connectionString}` (`host`/`port`/`hostport` are for web and private services only); a name that is
  not in the file must exist in the workspace;
- an environment group "can't reference values from your services": a Redis URL in a group is a
  literal; `fromGroup: <name>` links a group to a service.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable

from analyzer.i18n import Msg as M
from analyzer.model import Severity
from analyzer.render.blueprint_yaml import (
    DEFAULT_REGION,
    KV_TYPES,
    Blueprint,
    BlueprintError,
    Service,
    YMap,
    line_of,
    load_blueprint,
)
from analyzer.urllint import CheckResult, inspect_redis_url, looks_like_redis_url, show_value

__all__ = ["Blueprint", "BlueprintError", "Service", "load_blueprint", "check_blueprint", "infer_use",
           "KV_TYPES", "POLICIES", "DEFAULT_REGION", "DEFAULT_POLICY"]

POLICIES = ("allkeys-lru", "volatile-lru", "allkeys-random", "volatile-random", "volatile-ttl", "noeviction")
DEFAULT_POLICY = "allkeys-lru"
SPEC = "https://render.com/docs/blueprint-spec"

# What tells that a service uses Redis as a job queue. Strong: the framework itself (BullMQ and
# Sidekiq lose jobs under eviction; Celery, RQ & co. keep their queues in Redis too). Weak: a
# name or type that only suggests background jobs.
# names are delimited by anything but a letter or digit: BULLMQ_CONCURRENCY, celery-worker, `rq worker`
_QUEUE_STRONG = re.compile(
    r"(?<![a-z0-9])(bullmq|bull|bee-queue|sidekiq|resque|celery|rq(?:\s+worker|-worker|worker)?|dramatiq|arq|"
    r"asynq|huey|kue|machinery)(?![a-z0-9])", re.I)
_QUEUE_WEAK = re.compile(r"(queue|jobs?\b|worker)", re.I)


# --------------------------------------------------------------------------------------------
# the checks
# --------------------------------------------------------------------------------------------


def _res(bp: Blueprint, id: str, item: int, status: str, sev: Severity, message: str, line: int,
         service: str | None, cause: str = "", fix: str = "", value: str | None = None,
         **data: Any) -> CheckResult:
    return CheckResult(id, item, status, sev, message, cause, fix, value,
                       {"file": bp.path, "line": line, "service": service, **data})


@dataclass
class _Wiring:
    """How one service gets the variable."""

    service: Service
    entry: YMap | None = None  # the envVars entry
    group: str | None = None  # set through this env group
    kv: Service | None = None  # the Key Value it resolves to, when it does


def _queue_hints(svc: Service) -> tuple[list[str], list[str]]:
    """(strong, weak) hints that `svc` runs jobs from Redis, each said as 'where: what'."""
    strong, weak = [], []
    fields = [("name", svc.name)] + [(k, str(svc.spec.get(k))) for k in
                                     ("startCommand", "buildCommand", "preDeployCommand", "dockerCommand")
                                     if svc.spec.get(k)]
    for ev in svc.env_vars():
        if ev.get("key"):
            fields.append(("envVars", str(ev.get("key"))))
    for where, text in fields:
        m = _QUEUE_STRONG.search(text)
        if m:
            strong.append(f"{svc.name} {where}: {m.group(0)}")
            continue
        if where != "envVars":
            w = _QUEUE_WEAK.search(text)
            if w:
                weak.append(f"{svc.name} {where}: {w.group(0)}")
    if svc.type == "worker" and not weak:
        weak.append(f"{svc.name} type: worker")
    return strong, weak


def infer_use(consumers: Iterable[Service]) -> tuple[str, str, list[str]]:
    """(use, strength, hints): 'queue' when a consumer runs a job framework ('strong') or looks like a
    worker ('weak'); else 'cache'. The hints say what was used, for the message."""
    strong: list[str] = []
    weak: list[str] = []
    for svc in consumers:
        s, w = _queue_hints(svc)
        strong += s
        weak += w
    if strong:
        return "queue", "strong", strong
    if weak:
        return "queue", "weak", weak
    return "cache", "none", []


def _uses_redis(svc: Service) -> bool:
    """A service with no variable at all, that still looks like it talks to Redis."""
    strong, _ = _queue_hints(svc)
    text = " ".join(str(svc.spec.get(k) or "") for k in ("startCommand", "buildCommand", "dockerCommand"))
    return bool(strong) or bool(re.search(r"redis|valkey", text, re.I))


def _find_var(bp: Blueprint, svc: Service, var: str) -> _Wiring:
    for ev in svc.env_vars():
        if ev.get("key") == var:
            return _Wiring(svc, ev)
    for ev in svc.env_vars():
        group = ev.get("fromGroup")
        if group and str(group) in bp.groups:
            for gev in bp.groups[str(group)].get("envVars") or []:
                if isinstance(gev, YMap) and gev.get("key") == var:
                    return _Wiring(svc, gev, group=str(group))
    return _Wiring(svc)


def _lint_literal(bp: Blueprint, key: str, value: Any, line: int, svc: str | None, redactor: Any) -> list[CheckResult]:
    url, lint = inspect_redis_url(str(value), var=key, on_render=True)
    shown = show_value(str(value), redactor)
    return [replace(r, value=shown if r.value is not None else None,
                    data={**(r.data or {}), "file": bp.path, "line": line, "service": svc, "var": key})
            for r in lint]


def _unknown_groups(bp: Blueprint, svc: Service) -> list[tuple[str, int]]:
    return [(str(ev.get("fromGroup")), ev.line) for ev in svc.env_vars()
            if ev.get("fromGroup") and str(ev.get("fromGroup")) not in bp.groups]


def _check_wiring(bp: Blueprint, w: _Wiring, var: str, redactor: Any) -> list[CheckResult]:
    svc, ev = w.service, w.entry
    out: list[CheckResult] = []
    name = svc.name
    elsewhere = _unknown_groups(bp, svc)
    if ev is None and elsewhere:
        # the variable may come from a group defined outside this file: say so, do not fail
        group, line = elsewhere[0]
        return [_res(bp, "bp.group.unknown", 1, "warn", Severity.WARNING,
                     M("bp.group.unknown.msg", service=name, group=group, var=var), line, name,
                     M("bp.group.unknown.cause"), M("bp.group.unknown.fix", group=group))]
    if ev is None:
        out.append(_res(bp, "bp.var.missing", 1, "fail", Severity.ERROR,
                        M("bp.var.missing.msg", service=name, var=var), svc.line, name,
                        M("bp.var.missing.cause", var=var), M("bp.var.missing.fix", var=var)))
        return out
    where = M("bp.in_group", group=w.group) if w.group else ""
    line = ev.line
    frm = ev.get("fromService")
    if w.group and (frm is not None or ev.get("fromDatabase") is not None):
        out.append(_res(bp, "bp.group.reference", 1, "fail", Severity.ERROR,
                        M("bp.group.reference.msg", group=w.group, var=var), line, name,
                        M("bp.group.reference.cause"), M("bp.group.reference.fix", var=var, group=w.group)))
        return out
    if ev.get("fromDatabase") is not None:
        out.append(_res(bp, "bp.from.database", 1, "fail", Severity.ERROR,
                        M("bp.from.database.msg", service=name, var=var), line_of(ev, "fromDatabase"), name,
                        M("bp.from.database.cause"), M("bp.from.database.fix", var=var)))
        return out
    if ev.get("generateValue"):
        out.append(_res(bp, "bp.var.generated", 1, "fail", Severity.ERROR,
                        M("bp.var.generated.msg", service=name, var=var, where=where), line_of(ev, "generateValue"),
                        name, M("bp.var.generated.cause"), M("bp.var.generated.fix", var=var)))
        return out
    if isinstance(frm, YMap):
        return out + _check_from_service(bp, w, frm, var)
    if "value" in ev:
        value = ev.get("value")
        out.append(_res(bp, "bp.var.literal", 1, "warn", Severity.WARNING,
                        M("bp.var.literal.msg", service=name, var=var, where=where), line_of(ev, "value"), name,
                        M("bp.var.literal.cause"), M("bp.var.literal.fix", var=var),
                        value=show_value(str(value), redactor)))
        return out  # the literal itself is linted with every other literal
    if ev.get("sync") is False:
        out.append(_res(bp, "bp.var.sync-false", 1, "warn", Severity.WARNING,
                        M("bp.var.sync_false.msg", service=name, var=var), line_of(ev, "sync"), name,
                        M("bp.var.sync_false.cause"), M("bp.var.sync_false.fix", var=var)))
        return out
    out.append(_res(bp, "bp.var.empty", 1, "fail", Severity.ERROR, M("bp.var.empty.msg", service=name, var=var),
                    line, name, M("bp.var.empty.cause"), M("bp.var.empty.fix", var=var)))
    return out


def _check_from_service(bp: Blueprint, w: _Wiring, frm: YMap, var: str) -> list[CheckResult]:
    svc, out = w.service, []
    name = svc.name
    ftype, fname, prop = str(frm.get("type") or ""), str(frm.get("name") or ""), frm.get("property")
    target = bp.by_name(fname)
    if ftype not in KV_TYPES:
        sev = Severity.ERROR
        out.append(_res(bp, "bp.from.type", 1, "fail", sev,
                        M("bp.from.type.msg", service=name, var=var, type=ftype or "—"), line_of(frm, "type"), name,
                        M("bp.from.type.cause"), M("bp.from.type.fix", name=fname or "<key value>")))
    elif ftype == "redis":
        out.append(_res(bp, "bp.from.alias", 1, "ok", Severity.INFO, M("bp.from.alias.msg", service=name),
                        line_of(frm, "type"), name))
    if frm.get("envVarKey") is not None:
        out.append(_res(bp, "bp.from.property", 1, "fail", Severity.ERROR,
                        M("bp.from.envvarkey.msg", service=name, var=var, key=frm.get("envVarKey")),
                        line_of(frm, "envVarKey"), name, M("bp.from.property.cause"),
                        M("bp.from.property.fix", name=fname)))
    elif prop != "connectionString":
        out.append(_res(bp, "bp.from.property", 1, "fail", Severity.ERROR,
                        M("bp.from.property.msg", service=name, var=var, property=prop or "—"),
                        line_of(frm, "property"), name, M("bp.from.property.cause"),
                        M("bp.from.property.fix", name=fname)))
    if not fname:
        out.append(_res(bp, "bp.from.name", 1, "fail", Severity.ERROR, M("bp.from.noname.msg", service=name, var=var),
                        frm.line, name, M("bp.from.name.cause"), M("bp.from.name.fix")))
    elif target is None:
        known = ", ".join(sorted(bp.key_values)) or M("doctor.none")
        out.append(_res(bp, "bp.from.name", 1, "warn", Severity.WARNING,
                        M("bp.from.unknown.msg", service=name, var=var, name=fname, known=known),
                        line_of(frm, "name"), name, M("bp.from.name.cause"), M("bp.from.name.fix")))
    elif not target.is_kv:
        out.append(_res(bp, "bp.from.name", 1, "fail", Severity.ERROR,
                        M("bp.from.not_kv.msg", service=name, var=var, name=fname, type=target.type or "—"),
                        line_of(frm, "name"), name, M("bp.from.name.cause"), M("bp.from.name.fix")))
    else:
        w.kv = target
    if not out or all(r.status == "ok" for r in out):
        out.append(_res(bp, "bp.var.wired", 1, "ok", Severity.OK,
                        M("bp.var.wired.msg", service=name, var=var, name=fname), frm.line, name))
    return out


def _check_region(bp: Blueprint, w: _Wiring) -> list[CheckResult]:
    if w.kv is None or w.service.type in ("static",):
        return []
    a, b = w.service.region, w.kv.region
    if a == b:
        return [_res(bp, "bp.region", 5, "ok", Severity.OK,
                     M("bp.region.ok", service=w.service.name, kv=w.kv.name, region=a), w.service.line,
                     w.service.name)]
    line = line_of(w.service.spec, "region") if "region" in w.service.spec else w.service.line
    return [_res(bp, "bp.region", 5, "fail", Severity.CRITICAL,
                 M("bp.region.msg", service=w.service.name, region=a, kv=w.kv.name, kv_region=b), line,
                 w.service.name, M("bp.region.cause"), M("bp.region.fix", kv=w.kv.name, region=b))]


def _check_kv(bp: Blueprint, kv: Service, consumers: list[Service], external_from: list[str],
              use: str | None) -> list[CheckResult]:
    out: list[CheckResult] = []
    spec = kv.spec
    if kv.type == "redis":
        out.append(_res(bp, "bp.kv.alias", 8, "ok", Severity.INFO, M("bp.kv.alias.msg", kv=kv.name),
                        line_of(spec, "type"), kv.name))
    # ipAllowList: required; [] = internal only
    if "ipAllowList" not in spec:
        out.append(_res(bp, "bp.allowlist.missing", 8, "fail", Severity.ERROR,
                        M("bp.allowlist.missing.msg", kv=kv.name), spec.line, kv.name,
                        M("bp.allowlist.missing.cause"), M("bp.allowlist.missing.fix")))
    else:
        allow = spec.get("ipAllowList") or []
        sources = [str(e.get("source")) for e in allow if isinstance(e, dict) and e.get("source")]
        line = line_of(spec, "ipAllowList")
        if not sources and external_from:
            out.append(_res(bp, "bp.allowlist.external", 8, "fail", Severity.ERROR,
                            M("bp.allowlist.external.msg", kv=kv.name, who="; ".join(external_from)), line, kv.name,
                            M("bp.allowlist.external.cause"), M("bp.allowlist.external.fix", kv=kv.name)))
        elif "0.0.0.0/0" in sources:
            out.append(_res(bp, "bp.allowlist.open", 8, "warn", Severity.WARNING,
                            M("bp.allowlist.open.msg", kv=kv.name), line, kv.name,
                            M("doctor.allowlist.open.cause"), M("bp.allowlist.open.fix")))
        else:
            out.append(_res(bp, "bp.allowlist", 8, "ok", Severity.OK,
                            M("bp.allowlist.ok", kv=kv.name, sources=", ".join(sources) or "[]"), line, kv.name))
    # maxmemoryPolicy vs what the consumers do with it
    raw = spec.get("maxmemoryPolicy")
    policy = str(raw).strip().lower().replace("_", "-") if raw is not None else DEFAULT_POLICY
    pline = line_of(spec, "maxmemoryPolicy") if raw is not None else spec.line
    said = M("bp.policy.default") if raw is None else ""
    if policy not in POLICIES:
        out.append(_res(bp, "bp.maxmemory.invalid", 8, "fail", Severity.ERROR,
                        M("bp.maxmemory.invalid.msg", kv=kv.name, policy=raw), pline, kv.name,
                        M("bp.maxmemory.invalid.cause", values=", ".join(POLICIES)), M("bp.maxmemory.invalid.fix")))
        return out
    if use is not None:
        what, strength, hints = use, "given", [M("bp.use.given", use=use)]
    else:
        what, strength, hints = infer_use(consumers)
    shown_hints = "; ".join(str(h) for h in hints[:4]) or M("bp.use.no_hint")
    data = {"policy": policy, "use": what, "inferred_from": [str(h) for h in hints], "strength": strength}
    if what == "queue" and policy != "noeviction":
        sev = Severity.ERROR if strength in ("strong", "given") else Severity.WARNING
        out.append(_res(bp, "bp.maxmemory.queue", 8, "fail" if sev == Severity.ERROR else "warn", sev,
                        M("bp.maxmemory.queue.msg", kv=kv.name, policy=policy, default=said, hints=shown_hints),
                        pline, kv.name, M("doctor.maxmemory.queue.cause"), M("bp.maxmemory.queue.fix"), **data))
    elif what == "cache" and policy == "noeviction":
        out.append(_res(bp, "bp.maxmemory.cache", 8, "warn", Severity.WARNING,
                        M("bp.maxmemory.cache.msg", kv=kv.name, hints=shown_hints), pline, kv.name,
                        M("doctor.maxmemory.cache_noeviction.cause"), M("bp.maxmemory.cache.fix"), **data))
    elif what == "store" and policy != "noeviction":
        out.append(_res(bp, "bp.maxmemory.store", 8, "warn", Severity.WARNING,
                        M("doctor.maxmemory.store", policy=policy), pline, kv.name,
                        M("doctor.maxmemory.store.cause"), M("bp.maxmemory.queue.fix"), **data))
    else:
        out.append(_res(bp, "bp.maxmemory", 8, "ok", Severity.OK,
                        M("bp.maxmemory.ok", kv=kv.name, policy=policy, default=said, use=what, hints=shown_hints),
                        pline, kv.name, **data))
    if what == "queue" and str(spec.get("plan") or "") == "free":
        out.append(_res(bp, "bp.persistence.free", 8, "warn", Severity.WARNING,
                        M("bp.persistence.free.msg", kv=kv.name), line_of(spec, "plan"), kv.name,
                        M("doctor.persistence.free.cause"), M("doctor.persistence.free.fix")))
    return out


def _literal_values(bp: Blueprint, var: str) -> Iterable[tuple[str, Any, int, str | None, str | None]]:
    """Every literal env value that is the variable or looks like a Redis URL:
    (key, value, line, service, group)."""
    for svc in bp.services:
        for ev in svc.env_vars():
            if "value" in ev and (ev.get("key") == var or looks_like_redis_url(str(ev.get("value")))):
                yield str(ev.get("key")), ev.get("value"), line_of(ev, "value"), svc.name, None
    for gname, group in bp.groups.items():
        for ev in group.get("envVars") or []:
            if isinstance(ev, YMap) and "value" in ev and (
                    ev.get("key") == var or looks_like_redis_url(str(ev.get("value")))):
                yield str(ev.get("key")), ev.get("value"), line_of(ev, "value"), None, gname


def check_blueprint(bp: Blueprint, *, var: str = "REDIS_URL", use: str | None = None,
                    redactor: Any = None) -> list[CheckResult]:
    """Every check, sorted by line. Pure: never raises on an odd Blueprint."""
    out: list[CheckResult] = []
    kvs = bp.key_values
    consumers: dict[str, list[Service]] = {name: [] for name in kvs}
    external: dict[str, list[str]] = {name: [] for name in kvs}
    for svc in bp.services:
        if svc.is_kv or svc.type == "static" or svc.spec.get("runtime") == "static":
            continue
        w = _find_var(bp, svc, var)
        if w.entry is None and not (kvs and _uses_redis(svc)):
            continue  # this service does not use a Key Value
        out += _check_wiring(bp, w, var, redactor)
        out += _check_region(bp, w)
        if w.kv is not None:
            consumers[w.kv.name].append(svc)
            continue
        # Not wired to a Key Value of the file (a literal, a group, a name from elsewhere): with one
        # Key Value in the file it is the only candidate, so the service's queue use still counts.
        if len(kvs) == 1:
            consumers[next(iter(kvs))].append(svc)
        if w.entry is not None and "value" in w.entry:
            # A literal URL names its instance by id, unknown before creation: the region of an
            # external host decides which Key Value of the file it implies.
            url, _ = inspect_redis_url(str(w.entry.get("value")), var=var)
            if url.kind == "external":
                for kv in kvs.values():
                    if kv.region == url.region:
                        external[kv.name].append(M("bp.external.literal", service=svc.name,
                                                                 line=line_of(w.entry, "value")))
    for key, value, line, svc_name, group in _literal_values(bp, var):
        out += _lint_literal(bp, key, value, line, svc_name or (f"envVarGroups: {group}" if group else None),
                             redactor)
    for name, kv in kvs.items():
        out += _check_kv(bp, kv, consumers[name], external[name], use)
    if not kvs and not out:
        out.append(_res(bp, "bp.no-key-value", 1, "unknown", Severity.INFO, M("bp.no_kv.msg", var=var), 1, None))
    return sorted(out, key=lambda r: (int(r.data.get("line") or 0), r.item))
