"""A client for the parts of the Render public API that rla uses.

- `RenderClient`: authenticated GETs with rate-limit pacing (`Ratelimit-Remaining`/`-Reset`),
  429 waits (`Retry-After` plus jitter), retries of 5xx/timeouts/resets with capped exponential
  backoff, and one-sentence errors for 400/401/403/404.
- Logs: `fetch_logs` walks the time-window pagination to the end (echoing `nextStartTime`/
  `nextEndTime`), dedupes by `id` and sorts by time; a stop half-way returns what was fetched
  with the reason and the part of the window left.
- Resources (also used by `rla doctor`): services, env vars, env groups, Key Value, deploys, owners.

The API key is kept in one private attribute, sent only in the Authorization header and
scrubbed from any text that leaves this module. httpx is imported lazily (`rla --help` stays fast).
"""

from __future__ import annotations

import os
import random
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from analyzer import clock

if TYPE_CHECKING:  # pragma: no cover
    import httpx

DEFAULT_BASE_URL = "https://api.render.com/v1"
USER_AGENT = "rla (Render log analyzer)"
LOG_PAGE_LIMIT = 1000  # the Render CLI pages with 1000; the spec says max 100
LOG_PAGE_FALLBACK = 100
LIST_LIMIT = 100
MAX_RETENTION_DAYS = 30  # Hobby 7, Professional 14, Organization/Enterprise 30
RETENTION_TEXT = ("Render keeps logs for 7 days on Hobby workspaces, 14 on Professional "
                  "and 30 on Organization/Enterprise")

# --------------------------------------------------------------------------- errors


class RenderAPIError(Exception):
    """An API failure, with a one-sentence message that never contains the key."""

    kind = "error"

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return self.message


class AuthError(RenderAPIError):
    kind = "auth"


class ForbiddenError(RenderAPIError):
    kind = "forbidden"


class NotFoundError(RenderAPIError):
    kind = "not_found"


class BadRequestError(RenderAPIError):
    kind = "bad_request"


class RetriesExhausted(RenderAPIError):
    kind = "retries"


class ConnectFailed(RetriesExhausted):
    """The API host could not be reached at all (refused, unknown name, no answer): a wrong
    RENDER_HOST/--api-url or no network, not a server having a bad minute."""

    kind = "connect"


class ResolveError(RenderAPIError):
    kind = "resolve"


class ConfigError(RenderAPIError):
    kind = "config"


# --------------------------------------------------------------------------- configuration


def is_loopback(host: str | None) -> bool:
    """127.0.0.0/8, ::1 and localhost: the only hosts the key may reach over plain http://."""
    if not host:
        return False
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    import ipaddress

    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalize_base_url(url: str | None) -> str:
    """`RENDER_HOST`/`--api-url`: with or without trailing slash; a bare host gets `/v1`.

    The key goes to this URL, so it must be https:// (plain http:// only for a loopback host, like
    the fake API of the tests) and carry no credentials, query or fragment of its own."""
    from urllib.parse import urlsplit

    url = (url or "").strip() or DEFAULT_BASE_URL
    if "://" not in url:
        url = "https://" + url
    url = url.rstrip("/")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise ConfigError(f"The API URL {_show_url(url)} is not a valid URL (expected https://api.render.com/v1).") from None
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not host:
        raise ConfigError(f"The API URL {_show_url(url)} must start with https:// and name a host "
                          "(e.g. https://api.render.com/v1).")
    if scheme == "http" and not is_loopback(host):
        raise ConfigError(f"Refusing to send the API key over plain http:// to {host}: use https:// "
                          "(http:// is accepted only for 127.0.0.1, ::1 and localhost).")
    if parts.username is not None or parts.password is not None or parts.query or parts.fragment:
        raise ConfigError("The API URL must not hold a user, password, query or fragment: the key is sent only "
                          "in the Authorization header (e.g. https://api.render.com/v1).")
    if not parts.path.strip("/"):
        url += "/v1"
    return url


def _show_url(url: str) -> str:
    from analyzer.redact import redact_value

    return repr(redact_value(url)[:200])


# A service reference: an ID (srv-…, crn-… cron jobs, red-… Key Value) or a service name.
_ID_SHAPE = re.compile(r"(srv|crn|red)-[a-z0-9][a-z0-9-]{3,60}")  # a name may look like an ID too
REF_FORMS = ("a service ID (srv-… or crn-…, lowercase letters and digits), a Key Value ID (red-…), "
             "or the service's name")


def check_ref(ref: str) -> str:
    """The reference stripped, or ConfigError naming the accepted forms (before any request)."""
    ref = ref.strip()
    if not ref or len(ref) > 255 or any(ord(c) < 32 or c in "/?#\\" for c in ref):
        raise ConfigError(f"{ref[:60]!r} is not a service: give {REF_FORMS}.")
    if re.match(r"(?i)(srv|crn|red)-", ref) and not _ID_SHAPE.fullmatch(ref):
        raise ConfigError(f"{ref[:60]!r} is not a valid ID: give {REF_FORMS}.")
    return ref


def load_api_key(api_key_file: str | os.PathLike | None = None, env: dict[str, str] | None = None) -> str:
    """The key from `--api-key-file` (first non-empty line) or `RENDER_API_KEY`."""
    env = os.environ if env is None else env
    if api_key_file:
        path = Path(api_key_file).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"Cannot read the API key file {path}: {exc.strerror or exc}.") from None
        key = next((line.strip() for line in text.splitlines() if line.strip()), "")
        if not key:
            raise ConfigError(f"The API key file {path} is empty.")
    else:
        key = env.get("RENDER_API_KEY", "").strip()
        if not key:
            raise ConfigError(
                "No Render API key: set RENDER_API_KEY or pass --api-key-file FILE "
                "(create a key under Account Settings > API Keys in the Render dashboard)."
            )
    if not re.fullmatch(r"[\x21-\x7e]+", key):
        raise ConfigError("The Render API key contains spaces or characters that cannot be sent in a header.")
    return key


@dataclass
class RetryPolicy:
    max_retries: int = 6  # 5xx, timeouts, resets, malformed answers: consecutive, per request
    # the host refused the connection, has no address (DNS) or did not answer the connect: a wrong
    # URL or no network far more often than a blip, so two quick retries, then one sentence
    max_connect_retries: int = 2
    max_rate_limit_waits: int = 60  # 429 answers waited out per request
    backoff_base: float = 0.5  # seconds; doubles each retry
    backoff_cap: float = 30.0
    jitter: float = 0.25  # up to this fraction added to every wait (never subtracted)
    max_wait: float = 900.0  # longest single wait a server may ask for
    timeout: float = 30.0  # read timeout of one request
    connect_timeout: float = 10.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "RetryPolicy":
        """Tuning knobs for slow links and tests: RLA_MAX_RETRIES, RLA_BACKOFF_BASE, RLA_BACKOFF_CAP,
        RLA_TIMEOUT (seconds)."""
        env = os.environ if env is None else env
        policy = cls()
        for name, attr, conv in (("RLA_MAX_RETRIES", "max_retries", int), ("RLA_BACKOFF_BASE", "backoff_base", float),
                                 ("RLA_BACKOFF_CAP", "backoff_cap", float), ("RLA_TIMEOUT", "timeout", float)):
            raw = env.get(name)
            if raw:
                try:
                    value = conv(raw)
                    if not 0 <= value < 1e6 or (attr == "timeout" and value <= 0):
                        raise ValueError
                    setattr(policy, attr, value)
                except ValueError:
                    raise ConfigError(f"{name} must be a positive number below 1000000, not {raw[:40]!r}.") from None
        policy.max_connect_retries = min(policy.max_connect_retries, policy.max_retries)
        return policy


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


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Resource:
    id: str
    name: str
    owner_id: str
    kind: str  # service type, or "key_value"
    region: str | None = None


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


@dataclass
class FetchResult:
    logs: list[dict]  # sorted by time, one per id
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
        return f"the fetch stopped after {self.pages} page(s) and {len(self.logs)} logs ({why}){gap}"


class Progress:
    """Observer of a fetch; the CLI draws a progress bar from these calls. All no-ops here."""

    def request(self) -> None: ...

    def waiting(self, seconds: float, reason: str) -> None: ...

    def retrying(self, attempt: int, of: int, why: str) -> None:
        """A request failed and is tried again (`why`: one phrase, an analyzer.i18n Msg)."""

    def page(self, logs: int, pages: int, covered_from: str | None, covered_to: str | None) -> None: ...


# --------------------------------------------------------------------------- client


class RenderClient:
    def __init__(self, api_key: str, base_url: str | None = None, *, policy: RetryPolicy | None = None,
                 progress: Progress | None = None, transport: Any = None,
                 sleep: Callable[[float], None] = time.sleep, url_from: str | None = None) -> None:
        self.__key = api_key
        self.base_url = normalize_base_url(base_url)
        self.url_from = url_from  # the setting the URL came from ("--api-url", "RENDER_HOST"), None: default
        # the API's clock, from the last answer's Date header: (its time, time.monotonic() then)
        self.server_date: tuple[datetime, float] | None = None
        self.policy = policy or RetryPolicy()
        self.progress = progress or Progress()
        self.requests = 0
        self.waited_s = 0.0
        self._sleep = sleep
        self._transport = transport
        self._http: httpx.Client | None = None
        self._not_before = 0.0  # monotonic time before which the rate limit says not to send
        self._rng = random.Random()

    def __repr__(self) -> str:
        return f"RenderClient(base_url={self.base_url!r})"

    # -- secrets
    def scrub(self, text: str) -> str:
        key = self.__key
        return text.replace(key, "[redacted]") if key and key in text else text

    def register_secret(self, redactor: Any) -> None:
        """Let an output redactor (analyzer.redact.Redactor) mask the key wherever it shows up."""
        redactor.add(self.__key)

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.__key}", "Accept": "application/json", "User-Agent": USER_AGENT}

    # -- plumbing
    def _client(self) -> "httpx.Client":
        if self._http is None:
            import httpx

            p = self.policy
            self._http = httpx.Client(
                base_url=self.base_url + "/",
                headers=self.auth_headers(),
                timeout=httpx.Timeout(p.timeout, connect=p.connect_timeout),
                transport=self._transport,
                follow_redirects=False,
            )
        return self._http

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def __enter__(self) -> "RenderClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait(self, seconds: float, reason: str) -> None:
        if seconds <= 0:
            return
        self.progress.waiting(seconds, reason)
        self.waited_s += seconds
        self._sleep(seconds)

    def _host(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self.base_url).hostname or self.base_url

    def _jittered(self, seconds: float) -> float:
        return seconds * (1 + self._rng.uniform(0, self.policy.jitter)) + self._rng.uniform(0, 0.05)

    def _backoff(self, attempt: int) -> float:
        p = self.policy
        return min(p.backoff_cap, self._jittered(p.backoff_base * (2 ** (attempt - 1))))

    @staticmethod
    def _seconds(value: str | None) -> float | None:
        """Retry-After / Ratelimit-Reset: seconds (the API sends these), or an epoch, or an HTTP date."""
        if value is None:
            return None
        value = value.strip()
        try:
            n = float(value)
        except ValueError:
            from email.utils import parsedate_to_datetime

            try:
                return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
            except (TypeError, ValueError):
                return None
        if n > 1e9:  # the docs call it "UTC epoch seconds"; real answers are relative
            n -= time.time()
        return max(0.0, n)

    def _note_rate_limit(self, headers: Any) -> None:
        remaining = headers.get("Ratelimit-Remaining")
        if remaining is not None and remaining.strip() in ("0", "0.0"):
            reset = self._seconds(headers.get("Ratelimit-Reset"))
            if reset is not None:
                self._not_before = max(self._not_before, time.monotonic() + min(reset, self.policy.max_wait))

    def _error_for(self, status: int, body_message: str | None, path: str) -> RenderAPIError:
        detail = f" ({self.scrub(body_message)})" if body_message else ""
        if status == 401:
            return AuthError("The Render API rejected the API key (401): check RENDER_API_KEY or --api-key-file.",
                             status=status)
        if status == 403:
            return ForbiddenError(f"This API key has no access to that resource or workspace (403){detail}.",
                                  status=status)
        if status == 404:
            return NotFoundError(f"Not found on Render (404){detail}: check the service ID or name.", status=status)
        if status == 400:
            return BadRequestError(f"The Render API rejected the request (400){detail}.", status=status)
        return RenderAPIError(f"The Render API answered {status}{detail} for {path}.", status=status)

    def _connect_error(self, exc: BaseException) -> Any:
        """The phrase for a connection that never opened (an analyzer.i18n Msg), or None when the
        failure happened later (a reset, a dropped answer: retried as a server hiccup)."""
        import httpx

        from analyzer.i18n import Msg

        where = self._where()
        if isinstance(exc, httpx.ConnectTimeout):
            return Msg("api.connect.timeout", host=where, s=f"{self.policy.connect_timeout:g}")
        if not isinstance(exc, httpx.ConnectError):
            return None
        if _transport_kind(exc) == "dns":
            return Msg("api.connect.dns", host=self._host())
        if any(isinstance(c, ConnectionRefusedError) for c in _causes(exc)) or "refused" in str(exc).lower():
            return Msg("api.connect.refused", host=where)
        return Msg("api.connect.failed", host=where, why=self.scrub(_first_line(exc)))

    def _where(self) -> str:
        """host:port as the user wrote it in the URL (the port only when it is not the scheme's)."""
        from urllib.parse import urlsplit

        parts = urlsplit(self.base_url)
        return parts.netloc.rsplit("@", 1)[-1] or self._host()

    def _setting(self) -> Any:
        from analyzer.i18n import Msg

        if self.url_from:
            return Msg("api.setting.named", setting=self.url_from, url=self.base_url)
        return Msg("api.setting.default", url=self.base_url)

    def _note_date(self, headers: Any) -> None:
        from email.utils import parsedate_to_datetime

        raw = headers.get("Date")
        if not raw:
            return
        try:
            when = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        self.server_date = (when.astimezone(timezone.utc), time.monotonic())

    def server_now(self) -> datetime | None:
        """The API's time now, from its last Date header (whole seconds: up to 1 s early)."""
        if self.server_date is None:
            return None
        when, at = self.server_date
        return when + timedelta(seconds=time.monotonic() - at)

    def get(self, path: str, params: Any = None) -> Any:
        """GET with pacing and retries; returns the decoded JSON."""
        import httpx

        from analyzer.i18n import Msg, error

        p = self.policy
        attempt = 0  # consecutive failures of the server (5xx, timeouts, resets, bad JSON)
        refused = 0  # consecutive connections that never opened
        rl_waits = 0
        last: Any = ""
        while True:
            delay = self._not_before - time.monotonic()
            if delay > 0:
                self._wait(self._jittered(delay), "rate limit")
            self.requests += 1
            self.progress.request()
            retry_after: float | None = None
            try:
                resp = self._client().get(path.lstrip("/"), params=params)
            except httpx.TransportError as exc:
                kind = _transport_kind(exc)
                host = self._host()
                if kind == "tls":  # a certificate or TLS problem does not fix itself: no retry
                    raise RenderAPIError(f"The TLS connection to {host} failed ({self.scrub(_first_line(exc))}); "
                                         "check --api-url / RENDER_HOST and the system's CA certificates.")
                why = self._connect_error(exc)
                if why is not None:
                    refused += 1
                    if refused > p.max_connect_retries:
                        raise ConnectFailed(error("api.connect.error", what=why, n=refused, setting=self._setting()))
                    self.progress.retrying(refused, p.max_connect_retries, why)
                    self._wait(self._backoff(refused), f"retry {refused}/{p.max_connect_retries}: {why}")
                    continue
                if isinstance(exc, httpx.TimeoutException):
                    last = Msg("api.why.timeout")
                else:
                    last = Msg("api.why.dropped", name=type(exc).__name__)
            else:
                refused = 0
                self._note_date(resp.headers)
                status = resp.status_code
                if status != 429:
                    self._note_rate_limit(resp.headers)
                else:
                    rl_waits += 1
                    if rl_waits > p.max_rate_limit_waits:
                        raise RetriesExhausted(
                            f"The Render API kept answering 429 (rate limited) after {rl_waits - 1} waits.",
                            status=429)
                    wait = self._seconds(resp.headers.get("Retry-After"))
                    if wait is None:
                        wait = self._seconds(resp.headers.get("Ratelimit-Reset"))
                    if wait is None:
                        wait = p.backoff_base * (2 ** min(rl_waits, 6))
                    wait = self._jittered(min(wait, p.max_wait))
                    self._not_before = max(self._not_before, time.monotonic() + wait)
                    continue
                if status < 300:
                    try:
                        return resp.json()
                    except (ValueError, RecursionError):  # RecursionError: JSON nested too deep
                        last = Msg("api.why.json")
                elif 300 <= status < 400:
                    # Never followed: the Authorization header would go with it (httpx drops it only
                    # across origins, and only in recent versions).
                    where = self.scrub(resp.headers.get("Location", "") or "?")
                    raise RenderAPIError(
                        f"The Render API answered a redirect ({status}) to {_show_target(where)}; rla does not follow "
                        "redirects with the API key: check --api-url / RENDER_HOST.", status=status)
                elif status >= 500 or status in (408, 425):
                    last = Msg("api.why.status", status=status)
                    retry_after = self._seconds(resp.headers.get("Retry-After"))
                else:
                    message = None
                    try:
                        body = resp.json()
                        if isinstance(body, dict) and isinstance(body.get("message"), str):
                            message = body["message"][:300]
                    except (ValueError, RecursionError):
                        pass
                    raise self._error_for(status, message, path)
            attempt += 1
            if attempt > p.max_retries:
                raise RetriesExhausted(error("api.failed_n", n=attempt, why=last))
            wait = self._backoff(attempt)
            if retry_after is not None:
                wait = max(wait, self._jittered(min(retry_after, p.max_wait)))
            self.progress.retrying(attempt, p.max_retries, last)
            self._wait(wait, f"retry {attempt}/{p.max_retries}: {last}")

    def _list_all(self, path: str, wrapper: str, params: list[tuple[str, str]] | None = None,
                  max_items: int | None = None) -> list[dict]:
        """Cursor pagination: pass the last item's cursor until a short or empty page."""
        out: list[dict] = []
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            q = list(params or []) + [("limit", str(LIST_LIMIT))]
            if cursor:
                q.append(("cursor", cursor))
            page = self.get(path, q)
            if not isinstance(page, list):
                raise RenderAPIError(f"Unexpected answer from {path}: expected a list.")
            for item in page:
                if isinstance(item, dict) and wrapper in item:
                    out.append(item[wrapper])
            if len(page) < LIST_LIMIT or not page:
                break
            cursor = page[-1].get("cursor") if isinstance(page[-1], dict) else None
            if not cursor or cursor in seen or (max_items and len(out) >= max_items):
                break
            seen.add(cursor)
        return out[:max_items] if max_items else out

    # -- resources (the doctor uses these too)
    def list_owners(self) -> list[dict]:
        return self._list_all("owners", "owner")

    def get_service(self, service_id: str) -> dict:
        return self.get(f"services/{service_id}")

    def list_services(self, names: Iterable[str] = (), owner_ids: Iterable[str] = ()) -> list[dict]:
        q: list[tuple[str, str]] = []
        names, owner_ids = list(names), list(owner_ids)
        if names:
            q.append(("name", ",".join(names)))  # style form, explode false
        if owner_ids:
            q.append(("ownerId", ",".join(owner_ids)))
        return self._list_all("services", "service", q)

    def list_env_vars(self, service_id: str) -> list[dict]:
        """Every env var set on the service (`[{key, value}]`, all pages). Values are secrets."""
        return self._list_all(f"services/{service_id}/env-vars", "envVar")

    def list_env_groups(self, owner_id: str | None = None) -> list[dict]:
        """Env group metadata (no values). The API returns a plain array without cursors."""
        out: list[dict] = []
        seen: set[str] = set()
        cursor: str | None = None
        while True:
            q = [("limit", str(LIST_LIMIT))] + ([("ownerId", owner_id)] if owner_id else [])
            if cursor:
                q.append(("cursor", cursor))
            page = self.get("env-groups", q)
            if not isinstance(page, list):
                raise RenderAPIError("Unexpected answer from env-groups: expected a list.")
            new = [g for g in page if isinstance(g, dict) and g.get("id") not in seen]
            out.extend(new)
            seen.update(g.get("id") for g in new)
            if len(page) < LIST_LIMIT or not new:
                break
            cursor = new[-1].get("id")
        return out

    def get_env_group(self, env_group_id: str) -> dict:
        return self.get(f"env-groups/{env_group_id}")

    def list_env_groups_for_service(self, service_id: str, owner_id: str | None = None) -> list[dict]:
        """The env groups linked to a service, each with its `envVars`."""
        if owner_id is None:
            owner_id = self.get_service(service_id).get("ownerId")
        linked = [g for g in self.list_env_groups(owner_id)
                  if any(link.get("id") == service_id for link in g.get("serviceLinks") or [])]
        return [self.get_env_group(g["id"]) for g in linked]

    def list_key_values(self, names: Iterable[str] = (), owner_ids: Iterable[str] = ()) -> list[dict]:
        q: list[tuple[str, str]] = []
        names, owner_ids = list(names), list(owner_ids)
        if names:
            q.append(("name", ",".join(names)))
        if owner_ids:
            q.append(("ownerId", ",".join(owner_ids)))
        return self._list_all("key-value", "keyValue", q)

    def get_key_value(self, key_value_id: str) -> dict:
        return self.get(f"key-value/{key_value_id}")

    def get_connection_info(self, key_value_id: str) -> dict:
        """`{internalConnectionString, externalConnectionString, cliCommand}`: holds the password."""
        return self.get(f"key-value/{key_value_id}/connection-info")

    def list_deploys(self, service_id: str, limit: int | None = 20) -> list[dict]:
        """Deploys, newest first (`limit=None`: all of them)."""
        return self._list_all(f"services/{service_id}/deploys", "deploy", max_items=limit)

    # -- resolution
    def resolve(self, ref: str, owner: str | None = None) -> Resource:
        """A `srv-…`/`red-…` id or a service (or Key Value) name -> the resource and its owner."""
        ref = check_ref(ref)
        if re.fullmatch(r"(srv|crn)-[a-z0-9]+", ref):
            svc = self.get_service(ref)
            return self._service_resource(svc, owner)
        if re.fullmatch(r"red-[a-z0-9]+", ref):
            kv = self.get_key_value(ref)
            return Resource(kv["id"], kv.get("name", ref), owner or (kv.get("owner") or {}).get("id", ""),
                            "key_value", kv.get("region"))
        owners = [owner] if owner else []
        hits = self.list_services([ref], owners)
        hits = [s for s in hits if s.get("name") == ref] or hits
        if len(hits) == 1:
            return self._service_resource(hits[0], owner)
        if len(hits) > 1:
            listing = "; ".join(f"{s['id']} ({s.get('type', '?')}, workspace {s.get('ownerId', '?')})" for s in hits)
            raise ResolveError(f"{len(hits)} services are named {ref!r}: {listing}; pass the srv-… ID or --owner.")
        kvs = [k for k in self.list_key_values([ref], owners) if k.get("name") == ref]
        if len(kvs) == 1:
            kv = kvs[0]
            return Resource(kv["id"], kv["name"], owner or kv["owner"]["id"], "key_value", kv.get("region"))
        if len(kvs) > 1:
            listing = "; ".join(f"{k['id']} (Key Value)" for k in kvs)
            raise ResolveError(f"{len(kvs)} Key Value instances are named {ref!r}: {listing}; pass the red-… ID.")
        everything = self.list_services((), owners)
        names = sorted({s["name"] for s in everything})
        import difflib

        close = difflib.get_close_matches(ref, names, n=5, cutoff=0.5)
        close += [n for n in names if ref.lower() in n.lower() and n not in close]
        pick = close or names[:10]
        cands = ", ".join(
            f"{s['name']} ({s['id']})" for n in pick[:10] for s in everything if s["name"] == n
        )
        hint = f" Did you mean: {cands}?" if close else (f" Services this key can see: {cands}." if cands else
                                                          " This key sees no services.")
        raise ResolveError(f"No service or Key Value named {ref!r}.{hint}")

    @staticmethod
    def _service_resource(svc: dict, owner: str | None) -> Resource:
        region = (svc.get("serviceDetails") or {}).get("region")
        return Resource(svc["id"], svc.get("name", svc["id"]), owner or svc["ownerId"], svc.get("type", "service"),
                        region)

    # -- logs
    def log_pages(self, query: LogQuery) -> Iterator[dict]:
        """Every page of /logs for the query's window, echoing nextStartTime/nextEndTime.

        On a 400 with a limit above 100, falls back to 100 once (the spec's maximum).
        """
        start = format_dt(query.start) if query.start else None
        end = format_dt(query.end) if query.end else None
        base = query.params() + [("direction", query.direction)]
        while True:
            q = list(base) + [("limit", str(query.limit))]
            if start:
                q.append(("startTime", start))
            if end:
                q.append(("endTime", end))
            try:
                page = self.get("logs", q)
            except BadRequestError:
                if query.limit > LOG_PAGE_FALLBACK:
                    query.limit = LOG_PAGE_FALLBACK
                    continue
                raise
            if not isinstance(page, dict) or not isinstance(page.get("logs"), list):
                raise RenderAPIError("Unexpected answer from /logs: no `logs` list.")
            page["_request_window"] = (start, end)
            yield page
            if not page.get("hasMore"):
                return
            nxt = (page.get("nextStartTime"), page.get("nextEndTime"))
            if not nxt[0] or not nxt[1]:
                raise RenderAPIError("The Render API said there were more logs but gave no next window.")
            if nxt == (start, end):
                raise RenderAPIError("The Render API pagination did not move forward (same window again).")
            start, end = nxt

    def last_log_time(self, owner_id: str, resources: list[str]) -> str | None:
        """The newest log's timestamp (the server's own window: its last hour), or None."""
        page = self.get("logs", LogQuery(owner_id, resources).params() + [("direction", "backward"), ("limit", "1")])
        logs = page.get("logs") if isinstance(page, dict) else None
        best: tuple[int, str] | None = None
        for log in logs if isinstance(logs, list) else []:
            try:
                stamp = (ts_ns(log["timestamp"]), log["timestamp"])
            except (TypeError, KeyError, ValueError):
                continue
            best = max(best or stamp, stamp)
        return best[1] if best else None

    def fetch_logs(self, query: LogQuery) -> FetchResult:
        """Every log in the window exactly once, sorted by time. Never raises for a stop half-way:
        the result carries the error (or the interruption) and the part of the window left."""
        by_id: dict[str, tuple[int, dict]] = {}
        res = FetchResult(logs=[], page_limit=query.limit)
        res.window_start = format_dt(query.start) if query.start else None
        res.window_end = format_dt(query.end) if query.end else None
        pending: tuple[str | None, str | None] = (res.window_start, res.window_end)
        requests_before = self.requests

        try:
            for page in self.log_pages(query):
                res.pages += 1
                for log in page["logs"]:
                    lid = log.get("id")
                    try:
                        ns = ts_ns(log.get("timestamp", ""))
                    except ValueError:
                        ns = 0
                    key = lid if isinstance(lid, str) and lid else f"{ns}:{log.get('message')}"
                    if key in by_id:
                        res.duplicates += 1
                        continue
                    by_id[key] = (ns, log)
                # what remains to fetch: the next window the server gave
                if page.get("hasMore"):
                    pending = (page.get("nextStartTime"), page.get("nextEndTime"))
                else:
                    pending = (None, None)
                if query.direction == "backward":
                    covered = (pending[1] or res.window_start, res.window_end)
                else:
                    covered = (res.window_start, pending[0] or res.window_end)
                self.progress.page(len(by_id), res.pages, covered[0], covered[1])
        except RenderAPIError as exc:
            res.complete = False
            res.error = exc
        except KeyboardInterrupt:
            res.complete = False
            res.interrupted = True
        if not res.complete:
            res.missing_start, res.missing_end = pending
        res.page_limit = query.limit
        res.requests = self.requests - requests_before
        res.logs = [log for _, log in sorted(by_id.values(), key=lambda item: (item[0], str(item[1].get("id"))))]
        return res


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        yield cur
        cur = cur.__cause__ or cur.__context__


def _transport_kind(exc: BaseException) -> str:
    """'tls', 'dns' or 'other' for an httpx transport error (by its causes, then its text)."""
    import socket
    import ssl

    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLError):
            return "tls"
        if isinstance(cause, socket.gaierror):
            return "dns"
    text = " ".join(str(c) for c in _causes(exc)).lower()
    if "ssl" in text or "certificate" in text or "tls" in text:
        return "tls"
    if "name or service not known" in text or "nodename nor servname" in text or "name resolution" in text \
            or "getaddrinfo" in text or "no address associated" in text:
        return "dns"
    return "other"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _show_target(location: str) -> str:
    from urllib.parse import urlsplit

    from analyzer.redact import redact_value

    try:
        parts = urlsplit(location)
        if parts.hostname:
            return f"{parts.scheme}://{parts.hostname}{parts.path}"[:200]
    except ValueError:
        pass
    return redact_value(location)[:200]


def client_from_env(api_key_file: str | None = None, api_url: str | None = None,
                    **kw: Any) -> RenderClient:
    """The client as the commands build it: key from --api-key-file or RENDER_API_KEY,
    base URL from --api-url, else RENDER_HOST, else https://api.render.com/v1."""
    key = load_api_key(api_key_file)
    env_url = os.environ.get("RENDER_HOST") or None
    url_from = "--api-url" if api_url else ("RENDER_HOST" if env_url else None)
    return RenderClient(key, api_url or env_url, url_from=url_from, **kw)
