"""A fake Render public API served over real HTTP (and WebSocket) on 127.0.0.1.

It implements the GET operations rla uses, as the OpenAPI spec describes them
(shared research: render-openapi-excerpt.yaml):

  GET /v1/logs                      time-window pagination, required ownerId/resource,
                                    repeated (explode) array parameters, limit bounds
  GET /v1/logs/subscribe            WebSocket: one JSON log object per text frame
  GET /v1/owners                    cursor pagination
  GET /v1/services[/{id}]           cursor pagination, comma-separated `name` filter
  GET /v1/services/{id}/env-vars    cursor pagination
  GET /v1/services/{id}/deploys     cursor pagination
  GET /v1/env-groups[/{id}]         plain array (no cursor wrapper), serviceLinks, envVars
  GET /v1/key-value[/{id}]          cursor pagination / keyValueDetail
  GET /v1/key-value/{id}/connection-info

Every answer carries Ratelimit-Limit/Remaining/Reset (Reset in seconds, as the real API
sends it); a 429 carries Retry-After. Errors are bodies `{"message": ...}` (the real
API's bodies hold only `message`).

Tests fill a `FakeData` fixture and turn fault knobs (`Fault`, `latency`, `ws_lifetime`);
humans start it with

    python -m tests.fake_render_api --port 8765 --demo

Nothing here imports the analyzer: the fake stands alone.
"""

from __future__ import annotations

import argparse
import base64
import bisect
import hashlib
import itertools
import json
import math
import random
import re
import socket
import struct
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs, urlsplit

# --------------------------------------------------------------------------- time

_TS = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$"
)


def parse_ns(text: str) -> int:
    """RFC 3339 (any fraction up to ns, Z or offset) -> Unix epoch nanoseconds."""
    m = _TS.match(text.strip())
    if not m:
        raise ValueError(f"not an RFC 3339 timestamp: {text!r}")
    y, mo, d, h, mi, s, frac, tz = m.groups()
    dt = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), tzinfo=timezone.utc)
    secs = int(dt.timestamp())
    if tz not in ("Z", "z"):
        sign = 1 if tz[0] == "+" else -1
        secs -= sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    return secs * 1_000_000_000 + int((frac or "0").ljust(9, "0"))


def format_ns(ns: int) -> str:
    """Epoch ns -> RFC 3339 UTC with trailing zeros trimmed (Go's RFC3339Nano)."""
    secs, frac = divmod(ns, 1_000_000_000)
    base = datetime.fromtimestamp(secs, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    if frac:
        base += "." + f"{frac:09d}".rstrip("0")
    return base + "Z"


def now_ns(offset_ns: int = 0) -> int:
    """The fake's "now" is rla's (RLA_NOW pins both in tests), so windows agree on any date;
    `offset_ns` is the fake's clock error (FakeRender.clock_offset_s)."""
    from analyzer import clock

    now = clock.now()
    return int(now.timestamp()) * 1_000_000_000 + now.microsecond * 1000 + offset_ns


# --------------------------------------------------------------------------- fixture


def _rid(prefix: str, seed: str) -> str:
    digest = hashlib.sha1(seed.encode()).hexdigest()
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    out = "".join(alphabet[int(digest[i : i + 2], 16) % 36] for i in range(0, 40, 2))
    return f"{prefix}-{out[:20]}"


_STAMP = "2026-01-05T10:00:00.000000Z"


class LogStore:
    """Logs kept sorted by time; thread safe; live subscribers are notified on append."""

    def __init__(self) -> None:
        self._ns: list[int] = []
        self._logs: list[dict] = []
        self._resource: list[str] = []
        self._labels: list[dict[str, str]] = []
        self.cond = threading.Condition()
        self._seq = itertools.count(1)
        self.version = 0
        self.offset_ns = 0  # the server's clock minus rla's (FakeRender.clock_offset_s)

    def __len__(self) -> int:
        return len(self._ns)

    def make(
        self,
        message: str,
        *,
        resource: str,
        ns: int | None = None,
        instance: str | None = None,
        level: str | None = "info",
        type: str | None = "app",
        id: str | None = None,
        extra_labels: Iterable[tuple[str, str]] = (),
    ) -> dict:
        ns = now_ns(self.offset_ns) if ns is None else ns
        labels = [{"name": "resource", "value": resource}]
        if instance:
            labels.append({"name": "instance", "value": instance})
        if level:
            labels.append({"name": "level", "value": level})
        if type:
            labels.append({"name": "type", "value": type})
        labels.extend({"name": n, "value": v} for n, v in extra_labels)
        log_id = id or f"{next(self._seq):08x}-{random.getrandbits(64):016x}"
        return {"id": log_id, "message": message, "timestamp": format_ns(ns), "labels": labels}

    def add(self, logs: Iterable[dict]) -> None:
        """Append log objects (already shaped like the API's)."""
        items = [(parse_ns(log["timestamp"]), log) for log in logs]
        with self.cond:
            in_order = all(a[0] <= b[0] for a, b in zip(items, items[1:])) and (
                not items or not self._ns or items[0][0] >= self._ns[-1]
            )
            if in_order:
                for ns, log in items:
                    self._append_at(len(self._ns), ns, log)
            else:
                for ns, log in items:
                    self._append_at(bisect.bisect_right(self._ns, ns), ns, log)
            self.version += 1
            self.cond.notify_all()

    def _append_at(self, i: int, ns: int, log: dict) -> None:
        labels = {lab["name"]: lab["value"] for lab in log["labels"]}
        self._ns.insert(i, ns)
        self._logs.insert(i, log)
        self._resource.insert(i, labels.get("resource", ""))
        self._labels.insert(i, labels)

    def emit(self, message: str, **kw: Any) -> dict:
        log = self.make(message, **kw)
        self.add([log])
        return log

    def entry(self, i: int) -> tuple[int, dict, dict[str, str]]:
        return self._ns[i], self._logs[i], self._labels[i]

    def bounds(self, start_ns: int, end_ns: int) -> tuple[int, int]:
        """Index range of [start, end)."""
        return bisect.bisect_left(self._ns, start_ns), bisect.bisect_left(self._ns, end_ns)

    def all(self) -> list[dict]:
        with self.cond:
            return list(self._logs)


@dataclass
class FakeData:
    """What the fake Render account holds. Tests fill it with the add_* helpers."""

    owners: dict[str, dict] = field(default_factory=dict)
    services: dict[str, dict] = field(default_factory=dict)
    env_vars: dict[str, list[dict]] = field(default_factory=dict)
    env_groups: dict[str, dict] = field(default_factory=dict)
    key_values: dict[str, dict] = field(default_factory=dict)
    connection_info: dict[str, dict] = field(default_factory=dict)
    deploys: dict[str, list[dict]] = field(default_factory=dict)
    logs: LogStore = field(default_factory=LogStore)
    # /v1/metrics/<name>: (resource, name) -> ([(ns, value)], unit); names: memory, memory-limit,
    # active-connections, cpu (render-api.md §5)
    metrics: dict[tuple[str, str], tuple[list[tuple[int, float]], str]] = field(default_factory=dict)

    # -- builders: every required field of the spec's schema is filled
    def add_owner(self, id: str | None = None, name: str = "My Workspace", *, type: str = "team",
                  email: str = "owner@example.com") -> dict:
        id = id or _rid("tea", name)
        owner = {"id": id, "name": name, "email": email, "type": type}
        self.owners[id] = owner
        return owner

    def default_owner(self) -> str:
        if not self.owners:
            self.add_owner()
        return next(iter(self.owners))

    def add_service(self, name: str, id: str | None = None, *, owner_id: str | None = None,
                    type: str = "web_service", region: str = "oregon", suspended: bool = False,
                    **overrides: Any) -> dict:
        id = id or _rid("srv", name + str(len(self.services)))
        owner_id = owner_id or self.default_owner()
        details: dict[str, Any] = {
            "env": "node", "runtime": "node", "plan": "starter", "region": region,
            "numInstances": 1, "healthCheckPath": "", "openPorts": [{"port": 10000, "protocol": "TCP"}],
            "envSpecificDetails": {"buildCommand": "npm install", "startCommand": "node index.js"},
            "url": f"https://{name}.onrender.com",
        }
        if type == "static_site":
            details = {"buildCommand": "npm run build", "publishPath": "dist", "url": f"https://{name}.onrender.com"}
        svc = {
            "id": id, "name": name, "ownerId": owner_id, "type": type,
            "createdAt": _STAMP, "updatedAt": _STAMP,
            "dashboardUrl": f"https://dashboard.render.com/web/{id}",
            "suspended": "suspended" if suspended else "not_suspended",
            "suspenders": ["user"] if suspended else [],
            "autoDeploy": "yes", "notifyOnFail": "default", "slug": name,
            "serviceDetails": details, "rootDir": "", "branch": "main",
            "repo": f"https://github.com/example/{name}",
        }
        svc.update(overrides)
        self.services[id] = svc
        self.env_vars.setdefault(id, [])
        self.deploys.setdefault(id, [])
        return svc

    def add_env_var(self, service_id: str, key: str, value: str) -> None:
        self.env_vars.setdefault(service_id, []).append({"key": key, "value": value})

    def add_env_group(self, name: str, env_vars: dict[str, str], *, linked: Iterable[str] = (),
                      id: str | None = None, owner_id: str | None = None) -> dict:
        id = id or _rid("evg", name)
        kinds = {"web_service": "web", "private_service": "pserv", "background_worker": "worker",
                 "cron_job": "cron", "static_site": "static"}
        links = [
            {"id": sid, "name": self.services[sid]["name"], "type": kinds[self.services[sid]["type"]]}
            for sid in linked
        ]
        group = {
            "id": id, "name": name, "ownerId": owner_id or self.default_owner(),
            "createdAt": _STAMP, "updatedAt": _STAMP, "serviceLinks": links,
            "envVars": [{"key": k, "value": v} for k, v in env_vars.items()],
            "secretFiles": [],
        }
        self.env_groups[id] = group
        return group

    def add_key_value(self, name: str, id: str | None = None, *, owner_id: str | None = None,
                      status: str = "available", region: str = "oregon", plan: str = "starter",
                      maxmemory_policy: str = "allkeys_lru", ip_allow_list: list | None = None,
                      password: str = "s3cr3tPassw0rd", version: str = "8.1.4", **overrides: Any) -> dict:
        id = id or _rid("red", name)
        owner = self.owners[owner_id or self.default_owner()]
        kv = {
            "id": id, "createdAt": _STAMP, "updatedAt": _STAMP, "status": status, "region": region,
            "plan": plan, "name": name, "owner": dict(owner),
            "options": {"maxmemoryPolicy": maxmemory_policy},
            "ipAllowList": ip_allow_list if ip_allow_list is not None else [],
            "version": version, "dashboardUrl": f"https://dashboard.render.com/r/{id}",
        }
        kv.update(overrides)
        self.key_values[id] = kv
        host = f"{region}-keyvalue.render.com"
        self.connection_info[id] = {
            "internalConnectionString": f"redis://{id}:6379",
            "externalConnectionString": f"rediss://{id}:{password}@{host}:6379",
            "cliCommand": f"REDISCLI_AUTH={password} valkey-cli --user {id} -h {host} -p 6379 --tls",
        }
        return kv

    def add_deploy(self, service_id: str, status: str = "live", *, id: str | None = None,
                   commit_message: str = "Update", created_at: str = _STAMP, trigger: str = "new_commit") -> dict:
        deploys = self.deploys.setdefault(service_id, [])
        id = id or _rid("dep", f"{service_id}{len(deploys)}")
        dep = {
            "id": id, "status": status, "trigger": trigger,
            "commit": {"id": hashlib.sha1(id.encode()).hexdigest(), "message": commit_message, "createdAt": created_at},
            "createdAt": created_at, "updatedAt": created_at, "startedAt": created_at, "finishedAt": created_at,
        }
        deploys.insert(0, dep)  # newest first
        return dep

    def add_metric(self, resource: str, name: str, points: Iterable[tuple[int, float]], unit: str) -> None:
        """A metric series of a resource: (ns, value) points and the unit the answer names."""
        self.metrics[(resource, name)] = (sorted(points), unit)

    def owner_of(self, resource: str) -> str | None:
        if resource in self.services:
            return self.services[resource]["ownerId"]
        if resource in self.key_values:
            return self.key_values[resource]["owner"]["id"]
        return None


# --------------------------------------------------------------------------- faults


@dataclass
class Fault:
    """One injected misbehaviour, applied to requests whose path starts with `path`.

    kind: an HTTP status ("429", "500", "503", "401", "403", "404", "400"), "hang" (never
    answer; the connection is dropped after `hang_seconds`), "reset" (TCP reset, no answer),
    "malformed" (200 with broken JSON).
    `path` is exact, or a prefix when it ends with `*` ("/v1/*": every endpoint).
    The first `after` matching requests pass untouched; then `count` requests get the fault
    (count < 0: forever).
    """

    kind: str
    count: int = 1
    after: int = 0
    path: str = "/v1/logs"
    retry_after: float | None = 1
    hang_seconds: float = 30.0
    message: str | None = None
    hits: int = 0

    def take(self, path: str) -> bool:
        if not (path == self.path or (self.path.endswith("*") and path.startswith(self.path[:-1]))):
            return False
        if self.after > 0:
            self.after -= 1
            return False
        if self.count == 0:
            return False
        if self.count > 0:
            self.count -= 1
        self.hits += 1
        return True


@dataclass
class RequestRecord:
    t: float  # time.monotonic() when the request arrived
    method: str
    path: str
    query: dict[str, list[str]]
    status: int | None = None
    early: bool = False  # arrived while a 429 said to wait


_MESSAGES = {
    400: "invalid request", 401: "unauthorized", 403: "forbidden", 404: "not found",
    429: "rate limit exceeded", 500: "internal server error", 502: "bad gateway", 503: "service unavailable",
}


class _ApiError(Exception):
    def __init__(self, status: int, message: str | None = None, headers: dict | None = None):
        self.status = status
        self.message = message or _MESSAGES.get(status, "error")
        self.headers = headers or {}


# --------------------------------------------------------------------------- the server


class FakeRender:
    """The fake. `with FakeRender(data) as fake: client(base_url=fake.url, api_key=fake.api_key)`."""

    def __init__(self, data: FakeData | None = None, *, api_key: str = "rnd_fakeTestKey0123456789",
                 host: str = "127.0.0.1", port: int = 0) -> None:
        self.data = data or FakeData()
        self.api_keys: dict[str, set[str] | None] = {api_key: None}  # key -> owners it may see (None: all)
        self.api_key = api_key
        self.host, self.port = host, port
        # knobs
        self.faults: list[Fault] = []
        self.latency = 0.0  # seconds added to every HTTP answer
        self.max_log_limit = 1000  # spec says 100; the real backend accepts 1000 (see research)
        self.max_list_limit = 100
        self.overlap_pages = False  # nextEndTime/nextStartTime re-include the boundary (duplicates)
        self.rate_limit = 400  # requests per window and key ("all other GET": 400/min)
        self.rate_window = 60.0
        self.retention_days = 30
        self.retention_mode = "clip"  # "clip": older logs are simply gone; "reject": 400 for an older startTime
        self.ws_lifetime = 60.0  # the server closes a log socket after this many seconds
        self.ws_close_mode = "close"  # "close": close frame 1000; "reset": drop the TCP connection
        self.ws_replay_default_s = 3600.0  # no startTime: replay from now - 1h
        # /v1/metrics: "documented" = the spec's bare array of {labels:[{field,value}], values:[{timestamp
        # (RFC 3339), value}], unit}; "alternative" = what the research leaves UNCONFIRMED, all at once: the
        # array wrapped in {"items": [...]}, epoch-second timestamps, values as strings, no memory-limit (404)
        self.metrics_shape = "documented"
        # observations
        self.requests: list[RequestRecord] = []
        self.ws_connections = 0
        self.ws_closed_by_server = 0
        self.ws_sent: set[str] = set()  # ids of logs written to some log socket
        self.blocked_until = 0.0
        self._buckets: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._ws_socks: set[socket.socket] = set()

    # -- lifecycle
    def start(self) -> "FakeRender":
        fake = self

        class Handler(_Handler):
            server_fake = fake

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 128

        self._server = Server((self.host, self.port), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-render", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        with self.data.logs.cond:
            self.data.logs.cond.notify_all()
        self.drop_websockets()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> "FakeRender":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    @property
    def clock_offset_s(self) -> float:
        """How far the server's clock is from rla's (negative: the server is behind, as when the
        client's clock runs ahead). It moves log times, windows and the Date header together."""
        return self.data.logs.offset_ns / 1e9

    @clock_offset_s.setter
    def clock_offset_s(self, seconds: float) -> None:
        self.data.logs.offset_ns = int(seconds * 1e9)

    def now_ns(self) -> int:
        return now_ns(self.data.logs.offset_ns)

    # -- convenience knobs
    def add_fault(self, kind: str, count: int = 1, **kw: Any) -> Fault:
        fault = Fault(kind, count, **kw)
        with self._lock:
            self.faults.append(fault)
        return fault

    def drop_websockets(self) -> int:
        """Close every open log socket now (abruptly). Returns how many were open."""
        with self._lock:
            socks = list(self._ws_socks)
        for s in socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        return len(socks)

    @property
    def early_requests(self) -> list[RequestRecord]:
        """Requests that arrived while a 429's Retry-After said to wait."""
        return [r for r in self.requests if r.early]

    def log_requests(self, path: str = "/v1/logs") -> list[RequestRecord]:
        return [r for r in self.requests if r.path == path]

    # -- internals used by the handler
    def _record(self, method: str, path: str, query: dict[str, list[str]]) -> RequestRecord:
        rec = RequestRecord(time.monotonic(), method, path, query)
        with self._lock:
            rec.early = rec.t < self.blocked_until
            self.requests.append(rec)
        return rec

    def _pick_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.take(path):
                    return fault
        return None

    def _rate(self, key: str) -> tuple[dict[str, str], bool]:
        """Consume one request from the key's bucket; return headers and whether it is allowed."""
        now = time.monotonic()
        with self._lock:
            start, used = self._buckets.get(key, (now, 0))
            if now - start >= self.rate_window:
                start, used = now, 0
            allowed = used < self.rate_limit
            if allowed:
                used += 1
            self._buckets[key] = (start, used)
            reset = max(0.0, self.rate_window - (now - start))
        headers = {
            "Ratelimit-Limit": str(self.rate_limit),
            "Ratelimit-Remaining": str(self.rate_limit - used),
            "Ratelimit-Reset": str(math.ceil(reset)),
        }
        if not allowed:
            headers["Retry-After"] = str(max(1, math.ceil(reset)))
        return headers, allowed

    def _block(self, seconds: float) -> None:
        with self._lock:
            self.blocked_until = max(self.blocked_until, time.monotonic() + seconds)


def _split(query: dict[str, list[str]], name: str, explode: bool = True) -> list[str]:
    values = query.get(name, [])
    if explode:
        return [v for v in values if v != ""]
    out: list[str] = []
    for v in values[-1:]:  # style form, explode false: one key, comma-separated values
        out.extend(x for x in v.split(",") if x)
    return out


def _limit(query: dict[str, list[str]], maximum: int, default: int = 20) -> int:
    raw = query.get("limit", [None])[-1]
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _ApiError(400, f"invalid limit: {raw!r}") from None
    if not 1 <= value <= maximum:
        raise _ApiError(400, f"limit must be between 1 and {maximum}")
    return value


def _pattern(value: str) -> Callable[[str], bool]:
    """Render filter syntax: /re2/ is a regex, * a wildcard, else a plain value."""
    if len(value) >= 2 and value.startswith("/") and value.endswith("/"):
        rx = re.compile(value[1:-1])
        return lambda s: rx.search(s) is not None
    if "*" in value:
        rx = re.compile(".*".join(re.escape(p) for p in value.split("*")), re.S)
        return lambda s: rx.fullmatch(s) is not None
    return lambda s: s == value


def _text_pattern(value: str) -> Callable[[str], bool]:
    if len(value) >= 2 and value.startswith("/") and value.endswith("/"):
        rx = re.compile(value[1:-1])
        return lambda s: rx.search(s) is not None
    rx = re.compile(".*".join(re.escape(p) for p in value.split("*")), re.S | re.I)
    return lambda s: rx.search(s) is not None


_LABEL_FILTERS = ("instance", "host", "statusCode", "method", "level", "type", "path", "task", "taskRun")


class _LogFilter:
    def __init__(self, query: dict[str, list[str]]):
        self.resources = set(_split(query, "resource"))
        self.labels: list[tuple[str, list[Callable[[str], bool]]]] = []
        try:
            for name in _LABEL_FILTERS:
                values = _split(query, name)
                if values:
                    self.labels.append((name, [_pattern(v) for v in values]))
            texts = _split(query, "text")
            self.texts = [_text_pattern(v) for v in texts]
        except re.error as exc:
            raise _ApiError(400, f"invalid filter regular expression: {exc}") from None

    def __call__(self, log: dict, labels: dict[str, str]) -> bool:
        if labels.get("resource") not in self.resources:
            return False
        for name, preds in self.labels:  # OR within one filter, AND across filters
            value = labels.get(name)
            if value is None or not any(p(value) for p in preds):
                return False
        if self.texts and not any(p(log["message"]) for p in self.texts):
            return False
        return True


class _Handler(BaseHTTPRequestHandler):
    server_fake: FakeRender
    protocol_version = "HTTP/1.1"
    server_version = "fake-render/1.0"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The Date header from the fake's clock (not the machine's), as a server tells its own time."""
        from email.utils import formatdate

        when = self.server_fake.now_ns() / 1e9 if timestamp is None else timestamp
        return formatdate(when, usegmt=True)

    def setup(self) -> None:
        super().setup()
        try:  # headers and body go out in two writes: don't let Nagle hold the second
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    # ---- plumbing
    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None, raw: bytes | None = None) -> None:
        data = raw if raw is not None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Render-Request-Id", f"fake-{random.getrandbits(32):08x}")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def _reset(self) -> None:
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        self.close_connection = True
        try:
            self.connection.close()
        except OSError:
            pass

    def do_POST(self) -> None:  # the fake serves GET only (as the excerpt does)
        self._send(405, {"message": "method not allowed"})

    do_PUT = do_PATCH = do_DELETE = do_POST

    def do_GET(self) -> None:
        fake = self.server_fake
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/"
        query = parse_qs(parts.query, keep_blank_values=True)
        rec = fake._record("GET", path, query)

        auth = self.headers.get("Authorization", "")
        key = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
        headers, allowed = fake._rate(key or "-")

        fault = fake._pick_fault(path)
        if fault is not None:
            rec.status = self._apply_fault(fault, headers)
            return

        if fake.latency and path != "/v1/logs/subscribe":
            time.sleep(fake.latency)

        if not allowed:
            fake._block(float(headers["Retry-After"]))
            rec.status = 429
            self._send(429, {"message": "rate limit exceeded"}, headers)
            return
        try:
            if key not in fake.api_keys:
                raise _ApiError(401, "unauthorized")
            accept = self.headers.get("Accept", "*/*").lower()
            if path != "/v1/logs/subscribe" and not any(
                    a.split(";")[0].strip() in ("*/*", "application/*", "application/json") for a in accept.split(",")):
                raise _ApiError(406, "Unable to generate preferred media types as specified by Accept request header.")
            if path == "/v1/logs/subscribe":
                rec.status = self._subscribe(query, key, headers)
                return
            status, body = self._route(path, query, key)
        except _ApiError as err:
            headers.update(err.headers)
            rec.status = err.status
            self._send(err.status, {"message": err.message}, headers)
            return
        except Exception as exc:  # a bug in the fake: answer 500 like a server would
            rec.status = 500
            self._send(500, {"message": f"fake server error: {type(exc).__name__}: {exc}"}, headers)
            return
        rec.status = status
        self._send(status, body, headers)

    def _apply_fault(self, fault: Fault, headers: dict[str, str]) -> int | None:
        fake = self.server_fake
        kind = fault.kind
        if kind == "hang":
            fake._stopping.wait(fault.hang_seconds)
            self._reset()
            return None
        if kind == "reset":
            self._reset()
            return None
        if kind == "malformed":
            self._send(200, None, headers, raw=b'{"hasMore": true, "logs": [{"id": "x", "mess')
            return 200
        status = int(kind)
        if status == 429:
            retry = fault.retry_after if fault.retry_after is not None else 1
            value = str(int(retry)) if float(retry).is_integer() else str(retry)
            headers = dict(headers, **{"Retry-After": value, "Ratelimit-Remaining": "0", "Ratelimit-Reset": value})
            fake._block(float(retry))
        elif fault.retry_after is not None and status == 503:
            headers = dict(headers, **{"Retry-After": str(fault.retry_after)})
        self._send(status, {"message": fault.message or _MESSAGES.get(status, "error")}, headers)
        return status

    # ---- access
    def _visible(self, key: str, owner_id: str | None) -> bool:
        allowed = self.server_fake.api_keys.get(key)
        return allowed is None or owner_id in allowed

    def _check_resource(self, key: str, resource_id: str, kind: str) -> dict:
        data = self.server_fake.data
        table = {"service": data.services, "keyValue": data.key_values}[kind]
        obj = table.get(resource_id)
        if obj is None or not self._visible(key, data.owner_of(resource_id)):
            raise _ApiError(404, f"not found: {resource_id}")
        return obj

    # ---- routes
    def _route(self, path: str, query: dict[str, list[str]], key: str) -> tuple[int, Any]:
        data = self.server_fake.data
        segs = path.split("/")[1:]  # ["v1", ...]
        if not segs or segs[0] != "v1":
            raise _ApiError(404, "not found")
        segs = segs[1:]
        n = len(segs)
        if segs == ["logs"]:
            return 200, self._logs(query, key)
        if n == 2 and segs[0] == "metrics":
            return 200, self._metrics(segs[1], query, key)
        if segs == ["owners"]:
            names = set(_split(query, "name"))
            items = [o for o in data.owners.values() if self._visible(key, o["id"]) and (not names or o["name"] in names)]
            return 200, self._cursor_page(items, "owner", query)
        if n == 2 and segs[0] == "owners":
            owner = data.owners.get(segs[1])
            if owner is None or not self._visible(key, owner["id"]):
                raise _ApiError(404, f"not found: {segs[1]}")
            return 200, owner
        if segs == ["services"]:
            return 200, self._cursor_page(self._services(query, key), "service", query)
        if n >= 2 and segs[0] == "services":
            svc = self._check_resource(key, segs[1], "service")
            if n == 2:
                return 200, svc
            if n == 3 and segs[2] == "env-vars":
                return 200, self._cursor_page(data.env_vars.get(svc["id"], []), "envVar", query)
            if n == 4 and segs[2] == "env-vars":
                for ev in data.env_vars.get(svc["id"], []):
                    if ev["key"] == segs[3]:
                        return 200, ev
                raise _ApiError(404, f"not found: {segs[3]}")
            if n == 3 and segs[2] == "deploys":
                statuses = set(_split(query, "status"))
                items = [d for d in data.deploys.get(svc["id"], []) if not statuses or d["status"] in statuses]
                return 200, self._cursor_page(items, "deploy", query)
            if n == 4 and segs[2] == "deploys":
                for d in data.deploys.get(svc["id"], []):
                    if d["id"] == segs[3]:
                        return 200, d
                raise _ApiError(404, f"not found: {segs[3]}")
        if segs == ["env-groups"]:
            return 200, self._env_groups(query, key)
        if n == 2 and segs[0] == "env-groups":
            group = data.env_groups.get(segs[1])
            if group is None or not self._visible(key, group["ownerId"]):
                raise _ApiError(404, f"not found: {segs[1]}")
            return 200, group
        if segs == ["key-value"]:
            names = set(_split(query, "name", explode=False))
            owners = set(_split(query, "ownerId", explode=False))
            regions = set(_split(query, "region", explode=False))
            items = [
                kv for kv in data.key_values.values()
                if self._visible(key, kv["owner"]["id"]) and (not names or kv["name"] in names)
                and (not owners or kv["owner"]["id"] in owners) and (not regions or kv["region"] in regions)
            ]
            return 200, self._cursor_page(items, "keyValue", query)
        if n >= 2 and segs[0] == "key-value":
            kv = self._check_resource(key, segs[1], "keyValue")
            if n == 2:
                return 200, kv
            if n == 3 and segs[2] == "connection-info":
                return 200, data.connection_info[kv["id"]]
        raise _ApiError(404, "not found")

    def _metrics(self, name: str, query: dict[str, list[str]], key: str) -> Any:
        fake = self.server_fake
        if name not in ("memory", "memory-limit", "active-connections", "cpu", "cpu-limit"):
            raise _ApiError(404, "not found")
        if name == "memory-limit" and fake.metrics_shape == "alternative":
            raise _ApiError(404, "not found")
        resources = _split(query, "resource") or _split(query, "service")
        try:
            resolution = float(query.get("resolutionSeconds", ["60"])[-1])
        except ValueError:
            raise _ApiError(400, "invalid resolutionSeconds") from None
        if resolution < 30:
            raise _ApiError(400, "resolutionSeconds must be at least 30")
        start, end = self._times(query)
        out = []
        for res in resources:
            owner = fake.data.owner_of(res)
            if owner is None or not self._visible(key, owner):
                raise _ApiError(404, f"not found: {res}")
            points, unit = fake.data.metrics.get((res, name), ([], "count"))
            values = [(ns, v) for ns, v in points if start <= ns <= end]
            if fake.metrics_shape == "alternative":
                vals = [{"timestamp": ns // 1_000_000_000, "value": str(v)} for ns, v in values]
            else:
                vals = [{"timestamp": format_ns(ns), "value": v} for ns, v in values]
            out.append({"labels": [{"field": "resource", "value": res}], "values": vals, "unit": unit})
        return {"items": out} if fake.metrics_shape == "alternative" else out

    def _services(self, query: dict[str, list[str]], key: str) -> list[dict]:
        data = self.server_fake.data
        names = set(_split(query, "name", explode=False))
        owners = set(_split(query, "ownerId", explode=False))
        types = set(_split(query, "type", explode=False))
        regions = set(_split(query, "region", explode=False))
        suspended = set(_split(query, "suspended", explode=False))
        out = []
        for svc in data.services.values():
            if not self._visible(key, svc["ownerId"]):
                continue
            if names and svc["name"] not in names:  # exact matches, as the CLI relies on
                continue
            if owners and svc["ownerId"] not in owners:
                continue
            if types and svc["type"] not in types:
                continue
            if regions and svc["serviceDetails"].get("region") not in regions:
                continue
            if suspended and svc["suspended"] not in suspended:
                continue
            out.append(svc)
        return out

    def _cursor_page(self, items: list[dict], wrapper: str, query: dict[str, list[str]]) -> list[dict]:
        """`[{wrapper: item, cursor}]` after the item whose cursor is given; the last page is `[]`."""
        limit = _limit(query, self.server_fake.max_list_limit)
        start = 0
        cursor = query.get("cursor", [""])[-1]
        if cursor:
            try:
                start = int(base64.urlsafe_b64decode(cursor.encode() + b"==").decode().split(":")[1]) + 1
            except (ValueError, IndexError, UnicodeDecodeError):
                raise _ApiError(400, "invalid cursor") from None
        page = items[start : start + limit]
        return [
            {wrapper: item, "cursor": base64.urlsafe_b64encode(f"c:{start + i}".encode()).decode().rstrip("=")}
            for i, item in enumerate(page)
        ]

    def _env_groups(self, query: dict[str, list[str]], key: str) -> list[dict]:
        data = self.server_fake.data
        limit = _limit(query, self.server_fake.max_list_limit)
        names = set(_split(query, "name", explode=False))
        owners = set(_split(query, "ownerId", explode=False))
        groups = [
            g for g in data.env_groups.values()
            if self._visible(key, g["ownerId"]) and (not names or g["name"] in names)
            and (not owners or g["ownerId"] in owners)
        ]
        cursor = query.get("cursor", [""])[-1]
        if cursor:  # undocumented: items carry no cursor; accept the last id seen
            ids = [g["id"] for g in groups]
            groups = groups[ids.index(cursor) + 1 :] if cursor in ids else []
        meta = ("id", "name", "ownerId", "createdAt", "updatedAt", "serviceLinks", "environmentId")
        return [{k: g[k] for k in meta if k in g} for g in groups[:limit]]

    def _times(self, query: dict[str, list[str]]) -> tuple[int, int]:
        fake = self.server_fake
        now = fake.now_ns()

        def one(name: str, default: int) -> int:
            raw = query.get(name, [""])[-1]
            if not raw:
                return default
            try:
                return parse_ns(raw)
            except ValueError:
                raise _ApiError(400, f"invalid {name}: must be an RFC 3339 date-time") from None

        end = one("endTime", now)
        start = one("startTime", end - 3600 * 1_000_000_000)
        if start > end:
            raise _ApiError(400, "startTime must be before endTime")
        oldest = now - fake.retention_days * 86400 * 1_000_000_000
        if start < oldest and fake.retention_mode == "reject":
            raise _ApiError(400, f"startTime is outside the {fake.retention_days}-day log retention")
        return max(start, oldest), end

    def _logs_common(self, query: dict[str, list[str]], key: str) -> _LogFilter:
        data = self.server_fake.data
        owner = query.get("ownerId", [""])[-1]
        if not owner:
            raise _ApiError(400, "ownerId is required")
        resources = _split(query, "resource")
        if not resources:
            raise _ApiError(400, "resource is required")
        if owner not in data.owners or not self._visible(key, owner):
            raise _ApiError(403, "forbidden")
        for res in resources:
            res_owner = data.owner_of(res)
            if res_owner is None or not self._visible(key, res_owner):
                raise _ApiError(404, f"not found: {res}")
            if res_owner != owner:
                raise _ApiError(400, f"resource {res} does not belong to owner {owner}")
        direction = query.get("direction", ["backward"])[-1]
        if direction not in ("forward", "backward"):
            raise _ApiError(400, f"invalid direction: {direction!r}")
        return _LogFilter(query)

    def _logs(self, query: dict[str, list[str]], key: str) -> dict:
        fake = self.server_fake
        flt = self._logs_common(query, key)
        limit = _limit(query, fake.max_log_limit)
        start, end = self._times(query)
        forward = query.get("direction", ["backward"])[-1] == "forward"
        store = fake.data.logs
        picked: list[int] = []
        has_more = False
        with store.cond:
            lo, hi = store.bounds(start, end)
            indices = range(lo, hi) if forward else range(hi - 1, lo - 1, -1)
            for i in indices:
                ns, log, labels = store.entry(i)
                if not flt(log, labels):
                    continue
                # a page never splits a group of logs sharing one timestamp
                if len(picked) >= limit and ns != store.entry(picked[-1])[0]:
                    has_more = True
                    break
                picked.append(i)
            logs = [store.entry(i)[1] for i in sorted(picked)]
            edge = store.entry(picked[-1])[0] if picked else None
        next_start, next_end = start, end
        if has_more and edge is not None:
            if forward:
                next_start = edge if fake.overlap_pages else edge + 1  # start is inclusive
            else:
                next_end = edge + 1 if fake.overlap_pages else edge  # end is exclusive
        return {"hasMore": has_more, "nextStartTime": format_ns(next_start),
                "nextEndTime": format_ns(next_end), "logs": logs}

    # ---- websocket
    def _subscribe(self, query: dict[str, list[str]], key: str, headers: dict[str, str]) -> int:
        fake = self.server_fake
        flt = self._logs_common(query, key)
        raw_start = query.get("startTime", [""])[-1]
        try:
            start = parse_ns(raw_start) if raw_start else fake.now_ns() - int(fake.ws_replay_default_s * 1e9)
        except ValueError:
            raise _ApiError(400, "invalid startTime: must be an RFC 3339 date-time") from None
        if self.headers.get("Upgrade", "").lower() != "websocket" or not self.headers.get("Sec-WebSocket-Key"):
            raise _ApiError(400, "expected a websocket upgrade")
        accept = base64.b64encode(
            hashlib.sha1((self.headers["Sec-WebSocket-Key"] + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest()
        ).decode()
        self.send_response(101, "Switching Protocols")
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept)
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.flush()
        self.close_connection = True
        sock = self.connection
        with fake._lock:
            fake.ws_connections += 1
            fake._ws_socks.add(sock)
        ws = _ServerSocket(sock)
        reader = threading.Thread(target=ws.read_loop, daemon=True)
        reader.start()
        deadline = time.monotonic() + fake.ws_lifetime
        store = fake.data.logs
        try:
            with store.cond:
                lo, _ = store.bounds(start, 1 << 62)
            pos = lo
            while not ws.closed and not fake._stopping.is_set():
                with store.cond:
                    n = len(store)
                    if pos >= n:
                        left = deadline - time.monotonic()
                        if left <= 0:
                            break
                        store.cond.wait(min(left, 0.2))
                        continue
                    batch = [store.entry(i) for i in range(pos, n)]
                    pos = n
                for ns, log, labels in batch:
                    if ns >= start and flt(log, labels):
                        ws.send_text(json.dumps(log))
                        fake.ws_sent.add(log["id"])
                if time.monotonic() >= deadline:
                    break
            if not ws.closed and not fake._stopping.is_set():
                fake.ws_closed_by_server += 1
                if fake.ws_close_mode == "close":
                    ws.send_close(1000, "connection lifetime reached")
                    reader.join(1.0)
        except OSError:
            pass
        finally:
            with fake._lock:
                fake._ws_socks.discard(sock)
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        return 101


class _ServerSocket:
    """The server side of RFC 6455, as much as a log stream needs (text out; ping/close in)."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.closed = False
        self._wlock = threading.Lock()

    def _frame(self, opcode: int, payload: bytes) -> bytes:
        head = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            head += bytes([n])
        elif n < 65536:
            head += bytes([126]) + struct.pack("!H", n)
        else:
            head += bytes([127]) + struct.pack("!Q", n)
        return head + payload

    def _write(self, opcode: int, payload: bytes) -> None:
        with self._wlock:
            self.sock.sendall(self._frame(opcode, payload))

    def send_text(self, text: str) -> None:
        self._write(0x1, text.encode())

    def send_close(self, code: int, reason: str = "") -> None:
        try:
            self._write(0x8, struct.pack("!H", code) + reason.encode())
        except OSError:
            pass

    def _read_exact(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise ConnectionError("closed")
            buf += chunk
        return buf

    def read_loop(self) -> None:
        try:
            while True:
                b1, b2 = self._read_exact(2)
                opcode = b1 & 0x0F
                n = b2 & 0x7F
                if n == 126:
                    n = struct.unpack("!H", self._read_exact(2))[0]
                elif n == 127:
                    n = struct.unpack("!Q", self._read_exact(8))[0]
                mask = self._read_exact(4) if b2 & 0x80 else b"\0\0\0\0"
                data = bytes(c ^ mask[i % 4] for i, c in enumerate(self._read_exact(n)))
                if opcode == 0x9:  # ping
                    self._write(0xA, data)
                elif opcode == 0x8:  # close: answer and stop
                    self.send_close(1000)
                    break
        except (OSError, ConnectionError, ValueError):
            pass
        finally:
            self.closed = True


# --------------------------------------------------------------------------- demo data

DEMO_SERVICE = "srv-d1abc2def3ghi4jkl5mn"
DEMO_KEY_VALUE = "red-d1abc2def3ghi4jkl5mn"
DEMO_OWNER = "tea-d1abc2def3ghi4jkl5mn"
DEMO_API_KEY = "rnd_demo_fake_key"

_FALLBACK_SAMPLE = """\
==> Deploying...
==> Running 'node index.js'
Server listening on port 10000
[ioredis] Unhandled error event: Error: connect ECONNREFUSED 10.214.3.7:6379
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)
Redis connection error: Error: connect ECONNREFUSED 10.214.3.7:6379
[ioredis] Unhandled error event: Error: connect ETIMEDOUT
ReplyError: OOM command not allowed when used memory > 'maxmemory'.
Error: Connection is closed.
==> Your service is live 🎉
"""

_DASH = re.compile(r"^(?:\d{1,2}:\d{2}:\d{2}\s?[AP]M)\s+(?:\[(?P<inst>[a-z0-9]{4,6})\]\s+)?(?P<msg>.*)$")
_ISO = re.compile(r"^(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\s(?P<msg>.*)$")


def find_demo_sample(root: Path) -> Path | None:
    """A real sample from samples/ if one is there (preferring a failing fylora one)."""
    base = root / "samples"
    if not base.is_dir():
        return None
    files = sorted(p for p in base.rglob("*") if p.is_file() and p.suffix in (".txt", ".log", ".jsonl")
                   and "node_modules" not in p.parts and not p.name.lower().startswith(("readme", "license")))
    for pred in (lambda p: "fylora" in p.name and "fail" in p.name and p.suffix == ".jsonl",
                 lambda p: "fylora" in p.name and "fail" in p.name,
                 # a real capture of the note's Node app: Redis refuses, the app degrades to a memory cache
                 lambda p: p.relative_to(base).as_posix() == "api/node-app/refused-remote.jsonl",
                 lambda p: p.name == "refused-remote.jsonl",
                 lambda p: "fail" in p.name, lambda p: p.suffix == ".jsonl", lambda p: True):
        for p in files:
            if pred(p):
                return p
    return None


def sample_messages(path: Path | None) -> list[tuple[str, str | None, str | None]]:
    """(message, instance suffix, level) lines of a sample: API JSON lines, CLI text, or dashboard copy."""
    if path is None:
        return [(line, None, None) for line in _FALLBACK_SAMPLE.splitlines()]
    out: list[tuple[str, str | None, str | None]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.startswith("Need better ways to work with logs?"):
            continue
        if line.startswith("{"):
            try:
                obj = json.loads(line)
                labels = {lab["name"]: lab["value"] for lab in obj.get("labels", [])}
                inst = labels.get("instance")
                out.append((obj["message"], inst.rsplit("-", 1)[-1] if inst else None, labels.get("level")))
                continue
            except (ValueError, KeyError, TypeError, AttributeError):
                pass
        m = _DASH.match(line) or _ISO.match(line)
        if m:
            out.append((m.group("msg"), m.groupdict().get("inst"), None))
        else:
            out.append((line, None, None))
    return out or [(line, None, None) for line in _FALLBACK_SAMPLE.splitlines()]


def _level_of(message: str, given: str | None) -> str | None:
    if given:
        return given
    if message.startswith("==>"):
        return None
    return "error" if re.search(r"(?i)\b(error|refused|timed? ?out|fail|oom)\b", message) else "info"


def seed_demo(data: FakeData, sample: Path | None, *, span_s: float = 3000.0) -> int:
    """The demo account: fylora-backend + its Key Value; its logs replay `sample` over the last hour."""
    data.add_owner(DEMO_OWNER, "Fylora", email="ops@fylora.example")
    data.add_service("fylora-backend", DEMO_SERVICE, owner_id=DEMO_OWNER)
    data.add_service("fylora-worker", owner_id=DEMO_OWNER, type="background_worker")
    data.add_key_value("fylora-cache", DEMO_KEY_VALUE, owner_id=DEMO_OWNER, maxmemory_policy="noeviction")
    data.add_env_var(DEMO_SERVICE, "NODE_ENV", "production")
    data.add_env_var(DEMO_SERVICE, "REDIS_URL", f"redis://{DEMO_KEY_VALUE}:6379")
    data.add_env_group("fylora-shared", {"REDIS_TLS": "false", "CACHE_TTL": "300"}, linked=[DEMO_SERVICE],
                       owner_id=DEMO_OWNER)
    data.add_deploy(DEMO_SERVICE, "live", commit_message="Add Redis session cache")
    data.add_deploy(DEMO_SERVICE, "live", commit_message="Use REDIS_URL from the Key Value")
    lines = sample_messages(sample)
    end = now_ns() - 1_000_000_000
    step = int(span_s * 1e9 / max(1, len(lines)))
    logs = []
    for i, (msg, inst, level) in enumerate(lines):
        logs.append(data.logs.make(
            msg, resource=DEMO_SERVICE, ns=end - (len(lines) - i) * step,
            instance=f"{DEMO_SERVICE}-{inst or 't7v9k'}" if not msg.startswith("==>") else None,
            level=_level_of(msg, level), type="app"))
    data.logs.add(logs)
    # the Key Value's own side: a starter instance (256 MB, 250 connections) a quarter full, a few
    # connections, and the server's start-up banner (real redis-server output, samples/raw/redis-server)
    minutes = [end - m * 60 * 1_000_000_000 for m in range(int(span_s // 60), -1, -1)]
    data.add_metric(DEMO_KEY_VALUE, "memory", [(ns, (60 + i % 7) * 1024 * 1024) for i, ns in enumerate(minutes)],
                    "bytes")
    data.add_metric(DEMO_KEY_VALUE, "memory-limit", [(ns, 256 * 1024 * 1024) for ns in minutes], "bytes")
    data.add_metric(DEMO_KEY_VALUE, "active-connections", [(ns, 8 + i % 3) for i, ns in enumerate(minutes)], "count")
    data.add_metric(DEMO_KEY_VALUE, "cpu", [(ns, 0.02) for ns in minutes], "CPU")
    data.logs.add([data.logs.make("1:M 04 Dec 2026 09:00:00.386 * Ready to accept connections",
                                  resource=DEMO_KEY_VALUE, ns=minutes[0], instance=f"{DEMO_KEY_VALUE}-0")])
    return len(lines)


def replay_live(data: FakeData, lines: list[tuple[str, str | None, str | None]], interval: float,
                stop: threading.Event) -> None:
    """Append the sample's lines again, one every `interval` seconds, with the current time."""
    for msg, inst, level in itertools.cycle(lines):
        if stop.wait(interval):
            return
        data.logs.emit(msg, resource=DEMO_SERVICE,
                       instance=f"{DEMO_SERVICE}-{inst or 't7v9k'}" if not msg.startswith("==>") else None,
                       level=_level_of(msg, level))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fake_render_api",
                                 description="A fake Render API on 127.0.0.1 for trying `rla fetch`/`rla follow`.")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--demo", action="store_true", help="seed the demo service fylora-backend and its Key Value")
    ap.add_argument("--sample", type=Path, help="log sample to replay (default: one from samples/)")
    ap.add_argument("--api-key", default=DEMO_API_KEY, help="the key the fake accepts (default: %(default)s)")
    ap.add_argument("--live-interval", type=float, default=2.0,
                    help="seconds between replayed live lines (0: no live lines)")
    ap.add_argument("--latency", type=float, default=0.0, help="seconds added to every HTTP answer")
    ap.add_argument("--ws-lifetime", type=float, default=60.0, help="seconds before the server closes a log socket")
    ap.add_argument("--log-limit", type=int, default=1000, help="largest `limit` /v1/logs accepts (spec: 100)")
    ap.add_argument("--rate-limit", type=int, default=400, help="GET requests per minute and key")
    ap.add_argument("--storm-429", type=int, default=0, metavar="N", help="answer the next N /v1/logs requests 429")
    ap.add_argument("--burst-503", type=int, default=0, metavar="N", help="answer the next N /v1/logs requests 503")
    ap.add_argument("--hang", type=int, default=0, metavar="N", help="never answer the next N /v1/logs requests")
    ap.add_argument("--reset", type=int, default=0, metavar="N", help="reset the next N /v1/logs connections")
    ap.add_argument("--malformed", type=int, default=0, metavar="N", help="send broken JSON to the next N requests")
    ap.add_argument("--retry-after", type=float, default=1.0, help="Retry-After of injected 429s (seconds)")
    args = ap.parse_args(argv)

    data = FakeData()
    sample = None
    if args.demo:
        root = Path(__file__).resolve().parents[1]
        sample = args.sample or find_demo_sample(root)
        seed_demo(data, sample)
    fake = FakeRender(data, api_key=args.api_key, host=args.host, port=args.port)
    fake.latency = args.latency
    fake.ws_lifetime = args.ws_lifetime
    fake.max_log_limit = args.log_limit
    fake.rate_limit = args.rate_limit
    for kind, n in (("429", args.storm_429), ("503", args.burst_503), ("hang", args.hang),
                    ("reset", args.reset), ("malformed", args.malformed)):
        if n:
            fake.add_fault(kind, n, retry_after=args.retry_after if kind == "429" else None)
    fake.start()
    stop = threading.Event()
    if args.demo and args.live_interval > 0:
        threading.Thread(target=replay_live, args=(data, sample_messages(sample), args.live_interval, stop),
                         daemon=True).start()
    print(f"fake Render API on {fake.url}  ({len(data.logs)} logs"
          + (f", replaying {sample}" if sample else "") + ")", flush=True)
    print("try:", flush=True)
    print(f"  export RENDER_HOST={fake.url} RENDER_API_KEY={args.api_key}", flush=True)
    if args.demo:
        print("  rla fetch fylora-backend --since 1h", flush=True)
        print(f"  rla follow {DEMO_SERVICE}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
