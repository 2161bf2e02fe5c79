"""Render log queries: the time window, label filters, the query and what a fetch brought back.

- Times: RFC 3339 with nanoseconds (what /v1/logs sends) <-> epoch ns; `--since`/`--start`/`--end`
  windows checked against Render's log retention.
- `LogQuery` (the /v1/logs parameters) and `FetchResult` (a fetch's logs, or how far it got).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from analyzer import clock
from analyzer.render.http import ConfigError, RenderAPIError

if TYPE_CHECKING:  # pragma: no cover
    from analyzer.render.spool import LogSpool  # (the spool imports nothing of render: no cycle)

LOG_PAGE_LIMIT = 1000  # the Render CLI pages with 1000; the spec says max 100
LOG_PAGE_FALLBACK = 100
MAX_RETENTION_DAYS = 30  # Hobby 7, Professional 14, Organization/Enterprise 30
RETENTION_TEXT = ("Render keeps logs for 7 days on Hobby workspaces, 14 on Professional "
                  "and 30 on Organization/Enterprise")

# --------------------------------------------------------------------------- time helpers

_TS = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:?\d{2})$"
)


_SECONDS: dict[str, int] = {}  # "2026-11-26T06:12:03" -> epoch seconds (logs share them)


def ts_ns(text: str) -> int:
    """RFC 3339 timestamp (ns precision, any offset) -> epoch nanoseconds."""
    # fast path for what the API sends: UTC with "Z" and up to 9 fraction digits
    if len(text) >= 20 and text[-1] == "Z" and text[10] == "T" and text[19] in ".Z":
        head = text[:19]
        secs = _SECONDS.get(head)
        frac = text[20:-1]
        if (secs is not None or _TS.match(text)) and (
            (text[19] == "Z" and len(text) == 20) or (frac.isdigit() and len(frac) <= 9)
        ):
            if secs is None:
                import calendar

                secs = calendar.timegm((int(head[0:4]), int(head[5:7]), int(head[8:10]), int(head[11:13]),
                                        int(head[14:16]), int(head[17:19]), 0, 0, 0))
                if len(_SECONDS) > 200_000:
                    _SECONDS.clear()
                _SECONDS[head] = secs
            return secs * 1_000_000_000 + (int(frac.ljust(9, "0")) if frac else 0)
    m = _TS.match(text.strip())
    if not m:
        raise ValueError(f"not an RFC 3339 timestamp: {text!r}")
    y, mo, d, h, mi, s, frac, tz = m.groups()
    secs = int(datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), tzinfo=timezone.utc).timestamp())
    if tz not in ("Z", "z"):
        tz = tz.replace(":", "")
        sign = 1 if tz[0] == "+" else -1
        secs -= sign * (int(tz[1:3]) * 3600 + int(tz[3:5]) * 60)
    return secs * 1_000_000_000 + int((frac or "0").ljust(9, "0"))


def format_ns(ns: int) -> str:
    secs, frac = divmod(ns, 1_000_000_000)
    base = datetime.fromtimestamp(secs, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    if frac:
        base += "." + f"{frac:09d}".rstrip("0")
    return base + "Z"


def format_dt(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + (
        f".{dt.microsecond:06d}".rstrip("0") if dt.microsecond else "") + "Z"


def short_ts(text: str | None) -> str:
    """A compact form for messages: 2026-11-26 06:40:12Z."""
    if not text:
        return "?"
    try:
        ns = ts_ns(text)
    except ValueError:
        return text
    return datetime.fromtimestamp(ns // 1_000_000_000, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")


_REL = re.compile(r"^(\d+)\s*([smhdw])$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> timedelta:
    m = _REL.match(text.strip().lower())
    if not m:
        raise ValueError(f"{text!r} is not a duration like 15m, 2h or 1d")
    return timedelta(seconds=int(m.group(1)) * _UNITS[m.group(2)])


def parse_time(text: str, now: datetime) -> datetime:
    """RFC 3339, or relative (`2h` = two hours ago) like the Render CLI's --start/--end."""
    text = text.strip()
    if _REL.match(text.lower()):
        return now - parse_duration(text)
    try:
        ns = ts_ns(text)
    except ValueError:
        raise ValueError(
            f"{text!r} is neither RFC 3339 (2026-11-26T06:00:00Z) nor relative (15m, 2h, 1d)"
        ) from None
    return datetime.fromtimestamp(ns / 1e9, tz=timezone.utc)


def resolve_window(since: str | None, start: str | None, end: str | None,
                   now: datetime | None = None) -> tuple[datetime, datetime]:
    """The [start, end] window of `--since` or `--start/--end` (default: the last hour)."""
    try:
        now = now or clock.now()
    except clock.ClockError as exc:
        raise ConfigError(str(exc)) from None
    if since and start:
        raise ConfigError("Use either --since or --start, not both.")
    try:
        t_end = parse_time(end, now) if end else now
        if since:
            t_start = t_end - parse_duration(since)
        elif start:
            t_start = parse_time(start, now)
        else:
            t_start = t_end - timedelta(hours=1)
    except ValueError as exc:
        raise ConfigError(f"Bad time window: {exc}.") from None
    if t_end > now:
        t_end = now
    if t_start >= t_end:
        raise ConfigError(f"Bad time window: the start ({format_dt(t_start)}) is not before the end ({format_dt(t_end)}).")
    oldest = now - timedelta(days=MAX_RETENTION_DAYS)
    if t_start < oldest - timedelta(minutes=1):
        raise ConfigError(
            f"Logs before {oldest:%Y-%m-%d %H:%M}Z are gone: {RETENTION_TEXT}, "
            f"so ask for at most --since {MAX_RETENTION_DAYS}d (or less on smaller plans)."
        )
    return t_start, t_end


def label_filter(values: Iterable[str]) -> Callable[[str | None], bool] | None:
    """Render's filter syntax for one label, applied by rla: `/regex/`, `*` wildcards, else the value
    itself; any value may match. None when there is no value (everything passes)."""
    preds: list[Callable[[str], bool]] = []
    for value in values:
        if len(value) >= 2 and value.startswith("/") and value.endswith("/"):
            try:
                rx = re.compile(value[1:-1])
            except re.error as exc:
                raise ConfigError(f"{value[:60]!r} is not a valid regular expression ({exc}).") from None
            preds.append(lambda s, rx=rx: rx.search(s) is not None)
        elif "*" in value:
            rx = re.compile(".*".join(re.escape(p) for p in value.split("*")), re.S | re.I)
            preds.append(lambda s, rx=rx: rx.fullmatch(s) is not None)
        else:
            preds.append(lambda s, v=value.lower(): s.lower() == v)
    if not preds:
        return None
    return lambda label: label is not None and any(p(label) for p in preds)


@dataclass
class LogQuery:
    owner_id: str
    resources: list[str]
    start: datetime | None = None
    end: datetime | None = None
    levels: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    instances: list[str] = field(default_factory=list)
    direction: str = "backward"
    limit: int = LOG_PAGE_LIMIT

    def params(self) -> list[tuple[str, str]]:
        """Query parameters; arrays are repeated keys (form, explode), as the spec says."""
        p: list[tuple[str, str]] = [("ownerId", self.owner_id)]
        p += [("resource", r) for r in self.resources]
        for name, values in (("level", self.levels), ("type", self.types), ("text", self.texts),
                             ("instance", self.instances)):
            p += [(name, v) for v in values]
        return p


def log_key(log: dict) -> tuple[int, str, str]:
    """(epoch ns, id as text, identity): the order is (ns, id); the identity says which logs are one
    (the id; a log without one is its time and message). A timestamp that does not parse sorts first."""
    try:
        ns = ts_ns(log.get("timestamp", ""))
    except (ValueError, TypeError, AttributeError):
        ns = 0
    lid = log.get("id")
    identity = lid if isinstance(lid, str) and lid else f"{ns}:{log.get('message')}"
    return ns, str(lid), identity


@dataclass
class FetchResult:
    """What a fetch brought back: the logs stay on disk (analyzer/render/spool.py) until `read()`."""

    spool: "LogSpool | None" = None
    count: int = 0  # logs fetched, one per id
    pages: int = 0
    requests: int = 0
    duplicates: int = 0
    complete: bool = True
    error: RenderAPIError | None = None
    interrupted: bool = False
    window_start: str | None = None
    window_end: str | None = None
    missing_start: str | None = None  # the part of the window not fetched, when incomplete
    missing_end: str | None = None
    page_limit: int = LOG_PAGE_LIMIT

    @property
    def incomplete(self) -> str | None:
        """One sentence for the report when the window was not fetched to the end."""
        if self.complete:
            return None
        why = "interrupted (Ctrl-C)" if self.interrupted else (str(self.error).rstrip(".") if self.error else "stopped")
        gap = ""
        if self.missing_start and self.missing_end:
            gap = f"; logs from {short_ts(self.missing_start)} to {short_ts(self.missing_end)} were not fetched"
        return f"the fetch stopped after {self.pages} page(s) and {self.count} logs ({why}){gap}"

    def read(self) -> Iterator[dict]:
        """The logs, oldest first, one per id (read from the spool: as many times as wanted)."""
        if self.spool is None:
            return iter(())
        return self._counted(self.spool)

    def _counted(self, spool: "LogSpool") -> Iterator[dict]:
        yield from spool.read()
        self.count, self.duplicates = spool.count, spool.duplicates

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()

    def __enter__(self) -> "FetchResult":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
