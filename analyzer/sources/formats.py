"""One parser per line format -> LogRecord. Detection is per line (a paste mixes formats),
with an override (`--input-format`).

Parsing is lazy: the scanner calls `parse_line` only for lines that matter.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

from analyzer.model import LogRecord

FORMATS = ("auto", "plain", "dashboard", "legacy", "rfc3339", "cli-text", "json", "syslog", "viewer")

FOOTER = "Need better ways to work with logs?"

# 06:22:47 PM [t7v9k] msg   (instance absent on system lines; sometimes two spaces after the time)
# A viewer's table copied with its time column first keeps the column's bar: Vercel's build log as pasted from its
# dashboard, '13:12:47.832 | TypeError: …' then '13:12:47.832 | at new Redis (…)' (public heldout78
# upstash/redis-js#279), Prefect's own 'HH:MM:SS.mmm | LEVEL | logger - msg'. The bar is the column's, not the message's:
# without it a stack frame reads as one and continues the entry above it
_DASHBOARD = re.compile(
    r"(?P<time>\d{1,2}:\d{2}:\d{2}(?:\.\d+)?(?: ?[AaPp][Mm])?) {1,2}(?:\| )?(?:\[(?P<instance>[a-z0-9]{5})\] ?)?(?P<msg>.*)",
    re.S,
)
# Sep 1 01:30:54 PM  msg
_LEGACY = re.compile(
    r"(?P<time>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}\d{1,2} \d{1,2}:\d{2}:\d{2}(?: [AP]M)?) {1,2}(?P<msg>.*)",
    re.S,
)
# A log viewer's table copied out with its time column first, in its human date (Kibana's Discover, before 7: moment's
# 'MMMM Do YYYY, HH:mm:ss.SSS', "April 15th 2023, 02:41:35.532", public heldout66 getredash/contrib-helm-chart#124; from
# 7 on: 'MMM D, YYYY @ HH:mm:ss.SSS', "May 20, 2021 @ 13:17:57.286", public heldout38 goharbor/harbor#14943), often
# indented by the paste or led by a tab. One blank or tab after the time, then the message as the app printed it:
# a traceback's frames keep their own indentation there (they continue the entry by it).
_VIEWER = re.compile(
    r"[ \t]*(?P<time>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}(?:st|nd|rd|th) \d{4}, \d{2}:\d{2}:\d{2}(?:\.\d+)?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4} @ \d{2}:\d{2}:\d{2}(?:\.\d+)?)[ \t](?P<msg>.*)",
    re.S,
)
_MONTH_START = frozenset("JFMASOND")
# 2025-07-20T19:04:43.502061266Z msg
_RFC3339 = re.compile(
    r"(?P<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})) (?P<msg>.*)", re.S
)
# `render logs -o text`: 2026-11-26 06:12:03  msg; TrueNAS apps' viewer: 2025-01-22 21:08:18.084405+00:00msg (offset, no blank)
_CLI_TEXT = re.compile(
    r"(?P<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)(?: {1,2}|(?<=[+-]\d\d:\d\d)|(?<=Z))(?P<msg>.*)", re.S)
# RFC 5424: <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG
_SYSLOG = re.compile(
    r"<(?P<pri>\d{1,3})>1 (?P<time>\S+) (?P<host>\S+) (?P<app>\S+) (?P<procid>\S+) (?P<msgid>\S+) "
    r"(?P<sd>-|(?:\[[^\]]*\])+) ?(?P<msg>.*)",
    re.S,
)
_SYSLOG_LEVELS = ("emergency", "alert", "critical", "error", "warning", "notice", "info", "debug")


JSON_OPENER = re.compile(r'\{\s*"[^"\\]{0,200}"\s*:')  # {"key": — where JSON begins, not a printed object


class UnparsedRecord(ValueError):
    """A line that claims a structured format (JSON) but cannot be read as one."""


def _labels(raw: Any) -> dict[str, str]:
    """Render labels come as [{"name":..., "value":...}]; accept a plain mapping too."""
    out: dict[str, str] = {}
    if isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict) and "name" in item and "value" in item:
                out[str(item["name"])] = str(item["value"])
    elif isinstance(raw, dict):
        out = {str(k): str(v) for k, v in raw.items()}
    return out


def _short_instance(value: str | None) -> str | None:
    """`srv-d1abc…-t7v9k` -> `t7v9k`, the suffix the dashboard shows."""
    if not value:
        return None
    return value.rsplit("-", 1)[-1] if value.startswith(("srv-", "red-", "crn-", "dpg-")) else value


# A structured logger's line (issue 13): its message under one of these keys (structlog writes `event`), and the
# error it logs beside the message, which is where the failure is named (pino/bunyan `err`, structlog `exception`/
# an app's `exc`): read together, as the line a text logger would have printed.
_MESSAGE_KEYS = ("message", "log", "msg", "event")
# `detail`: an HTTP API's error body printed as a line (FastAPI/Starlette, DRF, RFC 7807 problem+json): '{"detail":
# "Error 11001 connecting to redis:6379. getaddrinfo failed."}' (public: https://github.com/redis/redis-py/issues/3175)
_ERROR_KEYS = ("err", "error", "exc", "exc_info", "exception", "stack", "stack_trace", "detail")


def _error_text(value: Any) -> str:
    """What a logged error says: a string as is; pino's `err` object by its stack (Node's stack starts with
    'Type: message'), else 'type: message'; structlog's dict_tracebacks list as 'exc_type: exc_value' lines."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if isinstance(value.get("stack"), str) and value["stack"].strip():  # node-redis' ErrorReply: an empty stack
            return value["stack"]
        kind, msg = value.get("type") or value.get("name"), value.get("message")
        if not msg and isinstance(value.get("code"), str) and isinstance(value.get("syscall"), str):
            return node_system_error(value)
        return f"{kind}: {msg}" if kind and msg else str(msg or "")
    if isinstance(value, list):
        return "\n".join(
            f"{e['exc_type']}: {e.get('exc_value', '')}" for e in value if isinstance(e, dict) and e.get("exc_type")
        )
    return ""


def node_system_error(fields: dict[str, Any]) -> str:
    """A Node system error logged by its own fields alone (winston's JSON format without `format.errors()` drops
    the message and the stack: `{"address":"127.0.0.1","code":"ECONNREFUSED","port":6379,"syscall":"connect"}`; its
    util.inspect fields at a text line's margin: analyzer.engine.entries), said as Node says it: 'connect ECONNREFUSED
    127.0.0.1:6379', 'getaddrinfo ENOTFOUND red-…'."""
    address, port = fields.get("address"), fields.get("port")
    where = f"{address}:{port}" if address and port is not None else str(address or fields.get("hostname") or "")
    return f"{fields['syscall']} {fields['code']} {where}".rstrip()


def time_of(value: Any) -> str | None:
    """A record's time as text; pino's and bunyan's epoch milliseconds (or seconds) as UTC RFC 3339."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            stamp = datetime.fromtimestamp(value / 1000 if value > 1e11 else value, timezone.utc)
        except (OverflowError, OSError, ValueError):
            return str(value)
        return stamp.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return str(value)


def _loguru_flat(obj: dict[str, Any]) -> dict[str, Any]:
    """loguru's `serialize=True` document (`{"text": <the formatted line>, "record": {"message", "exception", "time",
    "level", …}}`) as the flat line other loggers print: its message, the traceback its text ends with (after the
    formatted first line, as python-json-logger's `exc_info`), its time and level; any other object as it is."""
    rec, text = obj.get("record"), obj.get("text")
    if not isinstance(rec, dict) or not isinstance(text, str) or "message" not in rec:
        return obj
    when, level = rec.get("time"), rec.get("level")
    flat: dict[str, Any] = {"message": rec["message"]}
    if rec.get("exception"):
        flat["exc_info"] = text.split("\n", 1)[1] if "\n" in text.rstrip("\n") else text
    if isinstance(when, dict) and when.get("repr"):
        flat["timestamp"] = when["repr"]
    if isinstance(level, dict) and level.get("name"):
        flat["level"] = level["name"]
    return flat


def _message_of(obj: dict[str, Any]) -> str | None:
    message = next((obj[k] for k in _MESSAGE_KEYS if obj.get(k) is not None), None)
    errors = [e for e in (_error_text(obj.get(k)) for k in _ERROR_KEYS) if e]
    if message is None and not errors:
        return None
    parts = [str(message)] if message is not None else []
    return "\n".join(parts + [e for e in errors if e not in parts])


def record_from_api_log(obj: Any, source: str, line: int) -> LogRecord:
    """One Render API log object (or a Log Streams HTTPS payload, or a structured logger's JSON line) -> LogRecord."""
    if not isinstance(obj, dict):
        raise UnparsedRecord("not a JSON object")
    obj = _loguru_flat(obj)
    message = _message_of(obj)
    if message is None:
        raise UnparsedRecord("no message field")
    # a Render API entry's message that is itself a structured logger's line (pino, bunyan, structlog…): read as the
    # dashboard's copy of that line is (heldout59: one pino line gave 'redis ready' there, raw JSON here)
    message = _logged(message)
    labels = _labels(obj.get("labels"))
    from analyzer.sources.text import clean  # ANSI codes live inside API messages

    return LogRecord(
        source=source,
        line=line,
        message=clean(message),
        time=time_of(obj.get("timestamp", obj.get("time"))),
        instance=_short_instance(labels.get("instance") or obj.get("render_instance")),
        level=labels.get("level") or (str(obj["level"]) if "level" in obj else None),
        type=labels.get("type"),
        id=str(obj["id"]) if "id" in obj else None,
    )


def records_from_api_logs(logs: Iterable[Any], source: str) -> Iterator[LogRecord]:
    """API log objects (a `/v1/logs` page's `logs`, or `fetch --save` lines) -> records, numbered 1.."""
    for n, obj in enumerate(logs, start=1):
        yield record_from_api_log(obj, source, n)


def _plain(text: str, source: str, line: int) -> LogRecord:
    return LogRecord(source=source, line=line, message=text)


def _logged(msg: str) -> str:
    """A platform line's message that is a structured logger's JSON line (pino, bunyan, structlog behind Render's time
    and instance): read as that line alone is (its message and error, `_message_of`), its HTTP status kept as
    'status=N' (a request's form keeps its status class: analyzer.storms); any other message as it is."""
    if msg[:1] != "{":  # every platform line comes here: the common case costs one comparison
        return msg
    text = msg.rstrip()
    if text[-1:] != "}" or not JSON_OPENER.match(text):
        return msg
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        return msg
    if isinstance(obj, dict):
        obj = _loguru_flat(obj)
    said = _message_of(obj) if isinstance(obj, dict) else None
    if said is None:
        return msg
    res = obj.get("res")
    code = res.get("statusCode") if isinstance(res, dict) else obj.get("statusCode", obj.get("status"))
    return f"{said} status={code}" if isinstance(code, int) and not isinstance(code, bool) else said


def _from_match(m: re.Match[str], source: str, line: int, instance: str | None = None) -> LogRecord:
    return LogRecord(source=source, line=line, message=_logged(m.group("msg")), time=m.group("time"), instance=instance)


def _try(fmt: str, text: str, source: str, line: int) -> LogRecord | None:
    if fmt == "dashboard":
        m = _DASHBOARD.fullmatch(text)
        return _from_match(m, source, line, m.group("instance")) if m else None
    if fmt == "legacy":
        m = _LEGACY.fullmatch(text)
        return _from_match(m, source, line) if m else None
    if fmt == "rfc3339":
        m = _RFC3339.fullmatch(text)
        return _from_match(m, source, line) if m else None
    if fmt == "cli-text":
        m = _CLI_TEXT.fullmatch(text)
        return _from_match(m, source, line) if m else None
    if fmt == "viewer":
        m = _VIEWER.fullmatch(text)
        return _from_match(m, source, line) if m else None
    if fmt == "syslog":
        m = _SYSLOG.fullmatch(text)
        if not m:
            return None
        pri = int(m.group("pri"))
        app = m.group("app")
        instance = app.rsplit("-", 1)[-1] if "-" in app else None
        return LogRecord(
            source=source,
            line=line,
            message=m.group("msg"),
            time=m.group("time"),
            instance=instance,
            level=_SYSLOG_LEVELS[pri % 8],
            type=app.rsplit("-", 1)[0] if "-" in app else app,
        )
    if fmt == "json":
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise UnparsedRecord(f"invalid JSON ({exc.__class__.__name__})") from None
        return record_from_api_log(obj, source, line)
    return _plain(text, source, line)


_QUOTE = re.compile(r"(?:> ?)+(?=[^>]|$)")


def parse_line(text: str, source: str, line: int, fmt: str = "auto") -> LogRecord | None:
    """Parse one physical line. None for lines that carry nothing (blank, dashboard footer).

    Raises UnparsedRecord for a line that is structured but broken (truncated JSON).
    """
    if not text.strip() or FOOTER in text:
        return None
    if fmt != "auto":
        return _try(fmt, text, source, line) or _plain(text, source, line)
    first = text[0]
    if first == ">":
        # a paste quoted in Markdown ('> Traceback (most recent call last):', '>   File …', '> > …' when quoted twice):
        # the line under the marks, its indentation kept (a traceback's frames continue the entry by it)
        m = _QUOTE.match(text)
        if m is not None:
            return parse_line(text[m.end() :], source, line, fmt)
    if first == "{":
        stripped = text.rstrip()
        if JSON_OPENER.match(stripped):
            if stripped.endswith("}"):
                return _try("json", stripped, source, line)
            # A JSON record cut short (a truncated copy or download): unparsed, never the opener of
            # a multi-line entry that would swallow the whole records after it.
            raise UnparsedRecord("JSON record cut short")
        # a Node object opener, a brace on its own, or a term printed on one line that is not JSON (Erlang's
        # '{error,econnrefused}', samples/raw/classes/session4.log): text, never an unparsed record
        return _plain(text, source, line)
    if first == "<":
        return _try("syslog", text, source, line) or _plain(text, source, line)
    if first.isdigit():
        if len(text) > 10 and text[4] == "-":
            if text[10] == "T":
                return _try("rfc3339", text, source, line) or _plain(text, source, line)
            return _try("cli-text", text, source, line) or _plain(text, source, line)
        m = _DASHBOARD.fullmatch(text)  # the dashboard's lines, the commonest: no detour through _try
        if m is None:
            return _plain(text, source, line)
        time, instance, msg = m.group("time", "instance", "msg")
        return LogRecord(source, line, _logged(msg), time, instance)
    if first in "JFMASOND" and text[:3] in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"):
        return _try("legacy", text, source, line) or _try("viewer", text, source, line) or _plain(text, source, line)
    if first in " \t":
        body = text.lstrip(" \t")
        if body[:1] in _MONTH_START:  # a viewer's time column, indented by the paste
            return _try("viewer", text, source, line) or _plain(text, source, line)
        if _indented_stamp(body):
            # Rust's tracing-subscriber in its pretty format indents every event by two spaces and its 'at file:line'
            # deeper under it (public heldout80 juspay/hyperswitch#12162): a record of its own, not a continuation
            return _try("rfc3339", body, source, line) or _plain(text, source, line)
    return _plain(text, source, line)


def _indented_stamp(body: str) -> bool:
    """An indented line's text opens with an RFC 3339 time ('2026-05-06T11:50:56.337705Z ERROR …')."""
    return len(body) > 10 and body[4] == "-" and body[10] == "T" and body[:4].isdigit()


def parse_pasted_line(text: str, source: str, line: int) -> LogRecord:
    """A line of a paste that is all there is: what parse_line makes of it, its text where that is nothing (a blank)
    or a JSON record cut short (one log line of JSON copied out of a terminal and cut: its words are the evidence)."""
    try:
        record = parse_line(text, source, line)
    except UnparsedRecord:
        return _plain(text, source, line)
    return record if record is not None else _plain(text, source, line)


def looks_like_json_document(head: str) -> bool:
    """A JSON page/array/pretty-printed objects, as opposed to JSON lines or text."""
    stripped = head.lstrip()
    if not stripped or stripped[0] not in "[{":
        return False
    first_line = stripped.split("\n", 1)[0].rstrip()
    if stripped[0] == "[":  # an array of log objects, not a line like "[ioredis] …" or "[INFO] …"
        # An empty array is a document only when nothing follows it on its line: a Java layout whose empty MDC
        # field opens each line ('[] [eventId-…] [PingConnectionHandler.java,97,…]', public heldout73 redisson#5388)
        # is text.
        return re.match(r"\[\s*(?:\{|\][ \t]*(?:\n|$)|$)", stripped) is not None
    # One complete log object per line is JSON lines, read line by line (lazily); a one-line
    # `{"logs": [...]}` page is a document.
    try:
        obj = json.loads(first_line)
    except (ValueError, RecursionError):
        return not _fragment(stripped)
    return isinstance(obj, dict) and isinstance(obj.get("logs"), list)


_NEXT_RECORD = re.compile(r"[\s,]*(?:$|[{\[\]])")


def _fragment(head: str) -> bool:
    """A paste cut out of a JSON document: its first object whole, then the enclosing object's own keys
    ('{"error": …},' then '"success": false,', '"logs": [' …: public heldout15 IBM/alexa-skill-watson-assistant#30).
    Read as text, its lines keep their words; read as a document, all but that first object is lost. A document
    goes on after its first value with another record, the end of its array, or nothing."""
    try:
        _, end = json.JSONDecoder().raw_decode(head)
    except (ValueError, RecursionError):
        return False  # longer than the head, or a Node object printed over lines: decided as before
    return _NEXT_RECORD.match(head, end) is None


_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$")


def time_key(value: str | None) -> tuple[str, int] | None:
    """A sortable UTC key for an RFC 3339 timestamp (nanosecond fractions kept), else None."""
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        return None
    from datetime import datetime, timezone

    zone = m.group(4) or "Z"
    try:
        dt = datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}{'+00:00' if zone == 'Z' else zone}")
    except ValueError:
        return None
    nanos = int((m.group(3) or "0")[:9].ljust(9, "0"))
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"), nanos
