"""`rla doctor`, the facts gathered: what the Render API says about one service, fetched once.

    facts = gather(client, service)          # the only part that talks to the API
    loc = locate(facts)                      # where the variable was found (item 1)

Every fact that could not be fetched is None with the reason in `Facts.errors`; the checks it
blocks (analyzer.render.doctor) answer "unknown" ("?") with that reason, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from analyzer.i18n import Msg as M
from analyzer.model import Diagnosis, Rule
from analyzer.urllint import inspect_redis_url, looks_like_redis_url


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


def _name_distance(a: str, b: str) -> int:
    from analyzer.urllint.redisurl import edit_distance

    return edit_distance(a.upper(), b.upper())


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


def password_of(value: str) -> str | None:
    """The password of a `scheme://user:password@host…` value, decoded; None when it has none."""
    from urllib.parse import unquote

    m = re.match(r"^[a-z]+://(.*)@[^@]*$", value.strip(), re.I | re.S)
    if not m or ":" not in m.group(1):
        return None
    return unquote(m.group(1).split(":", 1)[1]) or None


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
            pw = password_of(str(facts.connection_info.get(k) or ""))
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
    from analyzer.render.api import LogQuery, resolve_window

    start, end = resolve_window(since, None, None)
    facts.log_start, facts.log_end = start, end
    facts.log_window = M("doctor.window.last", since=since)
    query = LogQuery(owner_id=service.get("ownerId", ""), resources=[service.get("id", "")], start=start, end=end)
    result = fetch("logs", lambda: client.fetch_logs(query))
    if result is None:
        return
    with result:
        if not result.count and result.error is not None:
            facts.errors["logs"] = _describe(result.error)
            return
        session = Session(rules) if facts.redactor is None else Session(rules, redactor=facts.redactor)
        facts.log_count = session.feed_api_logs(result.read(), f"render:{service.get('id')}")  # as rla fetch
    facts.diagnosis = session.diagnosis(result.incomplete)
    facts.log_incomplete = result.incomplete
