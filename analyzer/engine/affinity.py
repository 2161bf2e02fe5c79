"""Is it Redis? A refused, timed-out, unresolved, reset or TLS-failed connection can come from any TCP client
(the database, an HTTP API, the mail server). A rule marked `affinity: endpoint` is a Redis finding only when
evidence ties its endpoint or its entry to Redis; the signals are data (rules/affinity.yaml) and every
decision says which one it used.

    aff = load_affinity(Path("rules/affinity.yaml"))
    aff.tie({"host": "api.stripe.com"}, "Error: getaddrinfo ENOTFOUND api.stripe.com")
    # Tie(redis=False, reason='affinity.none', values={'endpoint': 'api.stripe.com'})
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from analyzer.i18n import Msg, error
from analyzer.engine.shapes import PY_TRACEBACK, split_label
from analyzer.engine.regex import FOLDING, dialect_problem, required_keywords

AFFINITY_FILE = "affinity.yaml"  # at a pack's root, beside pack.yaml: not a rule
_KEYS = {
    "schemes", "ports", "hosts", "text", "other_schemes", "other_ports", "window", "connecting",
    "unnamed", "unnamed_error", "unnamed_not", "unnamed_despite", "after_up", "resumed", "resumed_after", "stopped", "other_text",
    "blips", "lone", "platform_lines", "endpoint", "endpoint_not", "unnamed_not_above", "unnamed_never",
    "unnamed_not_below",
}  # fmt: skip


class AffinityError(Exception):
    """rules/affinity.yaml is wrong: one sentence, exit 2 (as a broken rule)."""


@dataclass(frozen=True)
class Tie:
    """The decision for one entry: Redis or not, and the evidence it rests on (a catalogue key + values)."""

    redis: bool
    reason: str
    values: dict[str, str] = field(default_factory=dict)

    @property
    def because(self) -> Msg:
        return Msg(self.reason, **self.values)


def endpoint_of(fields: dict[str, str]) -> str:
    """'10.0.9.9:5432', 'api.stripe.com', 'redis://…' or '' from a hit's named groups."""
    host, port = fields.get("host", ""), fields.get("port", "")
    if host and port:
        return f"{host}:{port}"
    return host or (f":{port}" if port else "")


@dataclass(frozen=True)
class Affinity:
    """The signals that tie a failure to Redis (rules/affinity.yaml)."""

    schemes: frozenset[str] = frozenset()
    ports: frozenset[str] = frozenset()
    hosts: re.Pattern[str] | None = None
    text: re.Pattern[str] | None = None
    other_schemes: dict[str, str] = field(default_factory=dict)
    other_ports: dict[str, str] = field(default_factory=dict)
    # another service's client named in the entry itself (urllib3's pool, Net::HTTP's frames): (service, pattern)
    other_text: tuple[tuple[str, re.Pattern[str]], ...] = ()
    window: int = 0
    connecting: str | None = None  # the rule id of a Redis connection attempt ("connecting", not yet "ready")
    after_up: frozenset[str] = frozenset()  # rules of a dropped connection: Redis's when Redis was up before
    blips: frozenset[str] = frozenset()  # rules whose one hit among a storm of another down cause is not the root cause
    lone: frozenset[str] = frozenset()  # symptoms whose single hit, the log's only Redis state, is no outage by itself
    unnamed: str | None = None
    unnamed_error: re.Pattern[str] | None = None  # what an unnamed Redis line must hold to be an error
    unnamed_not: re.Pattern[str] | None = None  # ... and must not (deprecation notices)
    # ... unless it holds this all the same: an exception's class and message on a WARN line is an error
    unnamed_despite: re.Pattern[str] | None = None
    # ... nor an exception whose traceback a line of this introduces (a library reporting another component's failure)
    unnamed_not_above: re.Pattern[str] | None = None
    # ... nor, whatever else it holds (`unnamed_despite` does not take it back), a line saying this: the JVM's own memory
    unnamed_never: re.Pattern[str] | None = None
    # ... nor an entry whose cause chain, below its first line, ends in this: a JVM class that failed to load or link
    unnamed_not_below: re.Pattern[str] | None = None
    # the signals a single line can show (scheme, port, host, text), as regexes over the whole line: what a
    # log platform can check where it sees one line at a time (analyzer.export.sigma)
    line: tuple[str, ...] = ()
    resumed: str | None = None  # the rule id of the app's own line back after a storm of failures (analyzer.storms)
    resumed_after: int = 3  # ... a storm being that many Redis failures or more
    stopped: str | None = None  # the rule id (a fact) of the app's work stopped by such a storm (analyzer.stopped)
    # `text`'s alternatives, each with the words one of which its every match holds (lower-cased, ASCII; None: not
    # known): a text is searched with the alternatives whose words it holds, none often. The whole union, that sre
    # tries alternative by alternative at each position, cost 60 us on an access line and 38 ms on a 27 KB Python
    # traceback of PostgreSQL's and an API's failures that holds 'err' and 'ask' (2 ms for the two alternatives
    # those words let in): an error entry with no Redis in it is the common case of a non-Redis outage
    text_parts: tuple[tuple[str, tuple[str, ...] | None], ...] = ()
    # the lines the platform writes itself ('==> Running …'): they name the start command, never a client's output
    platform_lines: re.Pattern[str] | None = None
    # where a failure line names its endpoint when no rule's groups say it (a URL, host:port, 'host", port N'): a line
    # read through its failure class alone gets its endpoint here, so another service's port still says "not Redis"
    endpoint: tuple[re.Pattern[str], ...] = ()
    endpoint_not: re.Pattern[str] | None = None  # ... unless its host is this (a frame's file: 'app.py:12')

    def unnamed_line(self, text: str) -> bool:
        """An error line about Redis that no rule names (the scanner found it error-looking already)."""
        return self.error_line(text) and self.in_text(text) is not None

    def error_line(self, text: str, alone: bool = False) -> bool:
        """An error by its first line: not a deprecation notice, a warning, an INFO line (`unnamed_not`). A Python
        traceback's entry starts with its exception line (analyzer.engine.entries); the log line that introduced the
        traceback comes next: a library reporting another component's failure in its own words (`unnamed_not_above`:
        Dramatiq's broker on a middleware's hook) excludes the exception it logs; a JVM cause chain that ends, below the
        first line, in a class that failed to load or link (`unnamed_not_below`: 'Caused by: java.lang.NoClassDefFoundError')
        is the classpath's failure, not Redis's. `alone`: the first line says a
        failure class's wording that is an error by itself (a localized strerror): no error word needed."""
        lines = text.split("\n", 2)
        head = lines[0]
        if self.unnamed_never is not None and self.unnamed_never.search(head):
            return False
        if not alone and self.unnamed_error is not None and not self.unnamed_error.search(head):
            return False
        if self.unnamed_not is not None and self.unnamed_not.search(head):
            if self.unnamed_despite is None or not self.unnamed_despite.search(head):
                return False
        below = self.unnamed_not_below
        if below is not None and len(lines) > 1 and below.search(text, len(head)):
            return False
        above = self.unnamed_not_above
        return not (above is not None and len(lines) > 2 and lines[2].startswith(PY_TRACEBACK) and above.search(lines[1]))

    def endpoint_in(self, text: str) -> dict[str, str]:
        """The first endpoint the text names, as a rule's named groups (host, port, scheme), or {}."""
        found = [m for p in self.endpoint if (m := next((m for m in p.finditer(text) if not self._file(m)), None))]
        first = min(found, key=lambda m: m.start(), default=None)
        return {k: v for k, v in first.groupdict().items() if v} if first else {}

    def _file(self, m: re.Match[str]) -> bool:
        """A host:port match that is a source file and its line (`endpoint_not`); a URL is never one."""
        host = m.groupdict().get("host") or ""
        return self.endpoint_not is not None and not m.groupdict().get("scheme") and bool(self.endpoint_not.search(host))

    def names_redis(self, text: str) -> bool:
        """A line of the app that shows a Redis signal: `nearby` evidence."""
        return self.app_signal(text) is not None

    def app_signal(self, text: str) -> str | None:
        """The Redis signal of a line of the app, or None. Not the platform's own line about the start command
        ('==> Running 'node connect-redis6-app.js'': a file name, no client's output)."""
        if self.platform_lines is not None and self.platform_lines.search(text):
            return None
        return self.in_text(text)

    def in_text(self, text: str) -> str | None:
        """The Redis signal found in an entry's text ('ioredis', 'redis.exceptions'), or None. Not in the process labels
        before its lines (a container's name: `without_labels`)."""
        rx = self.text
        if rx is None:
            return None
        text = self._unlabelled(text)
        if self.text_parts and (text.isascii() or not any(c in text for c in FOLDING)):
            low = text.lower()
            rx = _union_of(tuple(p for p, words in self.text_parts if words is None or any(w in low for w in words)))
            if rx is None:
                return None
        m = rx.search(text)
        while m is not None and (_project_folder(text, m) or _app_frame_name(text, m)):
            m = rx.search(text, m.end())
        return m.group(0).strip()[:40] if m else None

    def _unlabelled(self, text: str) -> str:
        """The entry's text without the process labels before its lines ('web_1  | ', 'app[web.1]: '), which name the
        container, dyno or process that relayed the line, not what it says: a compose project named after its stack
        ('docker-django-redis-celery-app-1  | psycopg2.OperationalError: … port 5432 failed: Connection refused', public
        heldout70 thepylot/docker-django-redis-celery#2) names no Redis client by it. A label whose service is Redis
        stays (`_redis_service`): its line is the Redis server's own."""
        if "|" not in text and "]: " not in text:
            return text
        lines = []
        for line in text.split("\n"):
            label, rest = split_label(line)
            lines.append(line if not label or self._redis_service(label) else rest)
        return "\n".join(lines)

    def _redis_service(self, label: str) -> bool:
        """A process label that names a Redis service by its first or its last word, instance numbers aside: compose's
        'redis_1', 'myapp-redis-1', Heroku's add-on 'app[redis-curly-70223]' (public heldout48 update.electronjs.org#134,
        the Redis server's own 'Error accepting a client connection'); not a project's name in the middle
        ('docker-django-redis-celery-app-1' is service 'app' of project 'docker-django-redis-celery')."""
        if self.hosts is None:
            return False
        inner = label[label.find("[") + 1 : -1] if label.endswith("]") else label
        words = [w for w in _LABEL_WORD.split(inner) if w and not w.isdigit()]
        return bool(words) and any(self.hosts.search(w) for w in {words[0], words[-1]})

    def tie(
        self, fields: dict[str, str], text: str, nearby: int | None = None, connecting: bool = False, dropped: bool = False,
        redis_hosts: frozenset[str] = frozenset(), not_redis: frozenset[str] = frozenset(),
    ) -> Tie:
        """Decide for one entry. `nearby`: the line of a Redis line just before it (same source and
        instance, within `window`); `connecting`: a Redis connection attempt with no success since;
        `dropped`: an established connection dropped on an instance whose last success was Redis's;
        `redis_hosts`: the hosts this instance's Redis failures named already (by their own evidence);
        `not_redis`: the endpoints whose failures were decided not Redis already."""
        scheme = fields.get("scheme", "").lower().rstrip(":/")
        port, host = fields.get("port", ""), fields.get("host", "")
        endpoint = endpoint_of(fields)
        if not scheme and host:
            # the entry names the endpoint's own URL (Go: 'Get "https://api.stripe.com/v1": dial tcp: lookup
            # api.stripe.com …'): its scheme says which service failed, as a captured scheme would
            scheme = _scheme_of(host, text)
        if scheme and scheme in self.schemes:
            return Tie(True, "affinity.scheme", {"scheme": scheme})
        if port in self.ports:
            return Tie(True, "affinity.port", {"endpoint": endpoint})
        if host and self.hosts is not None and self.hosts.search(host):
            return Tie(True, "affinity.host", {"host": host})
        signal = self.in_text(text)
        if signal:
            return Tie(True, "affinity.text", {"signal": signal})
        if scheme in self.other_schemes:
            return Tie(False, "affinity.other_scheme", {"endpoint": endpoint or scheme, "service": self.other_schemes[scheme]})
        if port in self.other_ports:
            return Tie(False, "affinity.other_port", {"endpoint": endpoint, "service": self.other_ports[port]})
        for service, pattern in self.other_text:
            # the entry's own text says which client failed: the Redis lines around it say nothing of this one
            m = pattern.search(text)
            if m:
                return Tie(False, "affinity.other_text", {"service": service, "signal": m.group(0).strip()[:40]})
        if host and redis_hosts and host not in redis_hosts:
            # the entry names its endpoint, and it is not the one this app's Redis failures named: proximity says
            # nothing here (a worker whose Redis is refused at 10.0.12.10:6379 and whose API call to api.stripe.com
            # does not resolve, every round, the two lines side by side: samples/heldout12 mixed-node-redis4)
            return Tie(False, "affinity.other_host", {"endpoint": endpoint, "redis": ", ".join(sorted(redis_hosts)[:3])})
        if endpoint in not_redis and host not in redis_hosts:
            # this endpoint failed before and nothing tied it to Redis then: the same dependency failing again is
            # not Redis because a Redis line stands near it now (an app whose every request calls api.stripe.com,
            # unresolvable, and whose session store gives up on Redis between two of them: samples/heldout13 koa-redis)
            return Tie(False, "affinity.known_other", {"endpoint": endpoint})
        if nearby is not None:
            return Tie(True, "affinity.nearby", {"line": str(nearby)})
        if connecting:
            return Tie(True, "affinity.connecting", {})
        if dropped:
            return Tie(True, "affinity.after_up", {})
        return Tie(False, "affinity.none", {"endpoint": endpoint or "?"})


_LABEL_WORD = re.compile(r"[-_.@|]")  # what separates the words of a process label (project, service, instance)


def _project_folder(text: str, m: re.Match[str]) -> bool:
    """A client's name as the start of a path segment named '<name>-…' ('/home/user/redis-ctl/app/core.py',
    '/opt/render/project/src/ioredis-worker.js:33:23'): a project's checkout, a tool's folder or the app's own source
    file, not a client's module (a Python package's name has no hyphen, nor has a Node package's folder; a client's own
    files say more: '/redis/client.py', 'node_modules/ioredis/built/Redis.js'). A traceback of an app so named,
    failing on another service, names no Redis by it (public heldout35 projecteru/redis-ctl#29: its Open-Falcon host
    did not resolve; heldout53 ioredis/api-bad-cert: the worker's fetch to an HTTPS API with an untrusted certificate,
    its frame in the app's 'ioredis-worker.js'). The same name joined by '-' anywhere in the name of an app's source
    file is the app's too (`_app_source_file`); under a dependency's folder it is a library's module, and keeps it.
    A pattern that brings its own boundary characters (affinity.yaml's job-queue entry matches '-bullmq.' in
    'media-bullmq.js') is read without them: the name is what lies between (heldout75 media-bullmq/mixed-pg: a
    PostgreSQL refusal in a job, its frame in the app's 'media-bullmq.js', was Redis's)."""
    start, end = m.span()
    word = m.group(0)
    start += len(word) - len(_EDGE.sub("", word, count=1))
    end -= len(word) - len(_EDGE_END.sub("", word, count=1))
    if start >= end or not text[start:end].isalnum() or start == 0:
        return False
    cut = max(text.rfind("/", 0, start), text.rfind("\\", 0, start))
    if cut < 0:
        return False
    token = max(text.rfind(c, 0, cut) for c in " \t\n(\"'")  # the start of the whole path
    if _DEPENDENCY.search(text, token + 1, cut + 1):
        return False
    return (cut == start - 1 and text[end : end + 1] == "-") or _app_source_file(text, cut, start, end)


# the characters a text pattern may match around a name (its own boundaries), left out of the name
_EDGE = re.compile(r"^[^A-Za-z0-9]+")
_EDGE_END = re.compile(r"[^A-Za-z0-9]+$")
# a Node.js stack frame: '    at [async ]<function name> [as <method>] (<location>)'
_JS_FRAME = re.compile(r"[ \t]*at (?:async )?([^\n(]*?) \(([^\n()]*)\)[ \t]*(?:\{[ \t]*)?$")


def _app_frame_name(text: str, m: re.Match[str]) -> bool:
    """A client's name inside the FUNCTION NAME of a Node.js frame whose location is one of the app's own files (not a
    dependency's, not Node's own): V8 names an anonymous function after the expression it was written in, so a job
    processor written beside `connection: new IORedis(…)` runs as 'Worker.connection.IORedis.maxRetriesPerRequest [as
    processFn] (/app/bullmq-worker.js:13:3)'. That is the app's code calling whatever it calls: a PostgreSQL refusal or
    an API's failed lookup in the job names no Redis by it (heldout71 thumbnails-bullmq/mixed-pg-api: both were read as
    Redis's). A client's own frames say it by their location ('(/app/node_modules/ioredis/built/Redis.js:…)')."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    frame = _JS_FRAME.match(text[start : len(text) if end < 0 else end])
    if frame is None or not (frame.start(1) <= m.start() - start and m.end() - start <= frame.end(1)):
        return False
    where = frame.group(2)
    return not where.startswith("node:") and not _DEPENDENCY.search(where) and _SOURCE_FILE.search(where) is not None


# a source file's name and the characters a frame puts after it ('app.js:12:5', 'app.py", line 3', 'app.rb:7:in')
_SOURCE_FILE = re.compile(r"[\w.\-]*?\.(?:py|js|mjs|cjs|ts|mts|cts|tsx|jsx|rb|go|php|rs|java|kt|cs|ex|exs|lua)(?=[:\"')\s,]|$)")
# the folders a dependency's files live in: a client's own module there is the client's frame, whatever its file's name
_DEPENDENCY = re.compile(r"(?i)[/\\](?:node_modules|site-packages|dist-packages|gems|vendor|pkg[/\\]mod)[/\\]")


def _app_source_file(text: str, cut: int, start: int, end: int) -> bool:
    """The name joined by '-' to another word inside the name of one of the app's own source files (the path segment
    after `cut`), at either end or in the middle ('/opt/render/project/src/fallback-ioredis.js:41:12',
    'socketio-ioredis.js'): the app's code calling whatever it calls, not the client's module. A PostgreSQL refusal or
    an API's failed lookup whose frames run through such a file names no Redis by it (heldout64: the routes of
    'fallback-ioredis.js', 'erl-ioredis.js' and 'socketio-ioredis.js' calling pg and fetch were false alarms). A file
    named only after the client ('ioredis.js') stays a signal: it is the app's Redis module."""
    if text[start - 1] != "-" and text[end : end + 1] != "-":
        return False
    name = _SOURCE_FILE.match(text, cut + 1)
    return name is not None and name.end() >= end


def _scheme_of(host: str, text: str) -> str:
    """The scheme of a URL in `text` whose host is `host` ('' when none): the failed endpoint's own URL."""
    m = re.search(r"\b([A-Za-z][\w+.\-]*)://(?:[^@/\s\"']*@)?" + re.escape(host) + r"(?![\w.\-])", text)
    return m.group(1).lower() if m else ""


def _union(patterns: list[str], where: str) -> re.Pattern[str] | None:
    for p in patterns:
        problem = dialect_problem(p)
        if problem:
            raise AffinityError(error("affinity.error.pattern", where=where, pattern=p, why=problem))
    if not patterns:
        return None
    # each alternative keeps its own flags: (?i) applies to its group only
    return re.compile("|".join(f"(?:{_scoped(p)})" for p in patterns))


def _words(pattern: str) -> tuple[str, ...] | None:
    """The literals one of which every match of `pattern` holds, lower-cased (None: none derived, or one not
    ASCII: then the regex decides alone). Worked out when the pack is parsed; the rule-pack cache keeps it."""
    derived = required_keywords(pattern)
    if derived is None or not derived[0] or not all(w.isascii() and w for w in derived[0]):
        return None
    return tuple(sorted({w.lower() for w in derived[0]}))


def _parts(patterns: list[str]) -> tuple[tuple[str, tuple[str, ...] | None], ...]:
    """Each alternative of a union, scoped, with its words (`Affinity.text_parts`)."""
    return tuple((f"(?:{_scoped(p)})", _words(_scoped(p))) for p in patterns)


@lru_cache(maxsize=64)
def _union_of(alternatives: tuple[str, ...]) -> re.Pattern[str] | None:
    """The alternatives a text's words let in, as one regex, in the pack's order: its leftmost match is the whole
    union's (an alternative left out holds none of the words its every match needs). Few sets occur in a log."""
    return re.compile("|".join(alternatives)) if alternatives else None


def _scoped(pattern: str) -> str:
    """'(?i)redis' -> '(?i:redis)': a leading global flag becomes a scoped group, so the union is valid."""
    m = re.match(r"\(\?([aiLmsux]+)\)", pattern)
    return f"(?{m.group(1)}:{pattern[m.end():]})" if m else pattern


def parse_affinity(doc: Any, where: str) -> Affinity:
    if doc is None:
        return Affinity()
    if not isinstance(doc, dict) or set(doc) - _KEYS:
        raise AffinityError(error("affinity.error.keys", where=where, keys=", ".join(sorted(_KEYS))))

    def strings(name: str) -> list[str]:
        value = doc.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
            raise AffinityError(error("affinity.error.list", where=where, key=name))
        return [str(v) for v in value]

    def names(name: str) -> dict[str, str]:
        value = doc.get(name) or {}
        if not isinstance(value, dict):
            raise AffinityError(error("affinity.error.map", where=where, key=name))
        return {str(k).lower(): str(v) for k, v in value.items()}

    other_text = doc.get("other_text") or {}
    if not isinstance(other_text, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in other_text.values()
    ):
        raise AffinityError(error("affinity.error.map", where=where, key="other_text"))
    window = doc.get("window", 0)
    if not isinstance(window, int) or window < 0:
        raise AffinityError(error("affinity.error.window", where=where))
    unnamed, connecting, resumed, stopped = doc.get("unnamed"), doc.get("connecting"), doc.get("resumed"), doc.get("stopped")
    schemes, ports, hosts, text = strings("schemes"), strings("ports"), strings("hosts"), strings("text")
    resumed_after = doc.get("resumed_after", 3)
    if not isinstance(resumed_after, int) or resumed_after < 1:
        raise AffinityError(error("affinity.error.resumed_after", where=where))
    return Affinity(
        schemes=frozenset(s.lower() for s in schemes),
        ports=frozenset(ports),
        hosts=_union(hosts, where),
        text=_union(text, where),
        text_parts=_parts(text),
        other_schemes=names("other_schemes"),
        other_ports=names("other_ports"),
        other_text=tuple((str(k), p) for k, v in other_text.items() if (p := _union(v, where)) is not None),
        window=window,
        connecting=str(connecting) if connecting else None,
        after_up=frozenset(strings("after_up")),
        blips=frozenset(strings("blips")),
        lone=frozenset(strings("lone")),
        unnamed=str(unnamed) if unnamed else None,
        unnamed_error=_union(strings("unnamed_error"), where),
        unnamed_not=_union(strings("unnamed_not"), where),
        unnamed_despite=_union(strings("unnamed_despite"), where),
        unnamed_not_above=_union(strings("unnamed_not_above"), where),
        unnamed_never=_union(strings("unnamed_never"), where),
        unnamed_not_below=_union(strings("unnamed_not_below"), where),
        line=_line_signals(schemes, ports, hosts, text),
        resumed=str(resumed) if resumed else None,
        resumed_after=resumed_after,
        stopped=str(stopped) if stopped else None,
        platform_lines=_union(strings("platform_lines"), where),
        endpoint=tuple(p for e in strings("endpoint") if (p := _union([e], where)) is not None),
        endpoint_not=_union(strings("endpoint_not"), where),
    )


def _line_signals(schemes: list[str], ports: list[str], hosts: list[str], text: list[str]) -> tuple[str, ...]:
    """The endpoint signals as regexes over a whole line, then the text ones: a scheme before `://`, a port
    after a host's `:`, a host pattern anchored at the host's start anchored at a word start instead."""
    out = []
    if schemes:
        out.append(r"(?i)\b(?:" + "|".join(re.escape(s) for s in sorted(schemes)) + ")://")
    if ports:
        out.append(r"[\w\]]:(?:" + "|".join(re.escape(p) for p in sorted(ports)) + r")\b")
    for host in hosts:
        m = re.match(r"(\(\?[a-zA-Z]+\))?\^", host)
        out.append(f"{m.group(1) or ''}\\b{host[m.end():]}" if m else host)
    return tuple(dict.fromkeys(out + text))  # in order, each once


def load_affinity(path: Path) -> Affinity | None:
    """rules/affinity.yaml -> Affinity; None for a pack without one (its endpoint rules then stay Redis)."""
    if not path.is_file():
        return None
    import yaml  # here, not at the top: a run whose rules come from the cache reads no YAML

    from analyzer import yamlsafe

    try:
        doc = yamlsafe.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AffinityError(error("affinity.error.read", where=path, why=str(exc).splitlines()[0])) from None
    return parse_affinity(doc, str(path))
