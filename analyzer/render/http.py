"""HTTP to the Render public API: the key, the base URL, rate-limit pacing and retries.

- `HttpClient`: authenticated GETs with rate-limit pacing (`Ratelimit-Remaining`/`-Reset`),
  429 waits (`Retry-After` plus jitter), retries of 5xx/timeouts/resets with capped exponential
  backoff, and one-sentence errors for 400/401/403/404.
- The errors every Render API call may raise, the API key and URL checks, the retry policy.

The API key is kept in one private attribute, sent only in the Authorization header and
scrubbed from any text that leaves this module. httpx is imported lazily (`rla --help` stays fast).
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import httpx

DEFAULT_BASE_URL = "https://api.render.com/v1"
USER_AGENT = "rla (Render log analyzer)"

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


class Progress:
    """Observer of a fetch; the CLI draws a progress bar from these calls. All no-ops here."""

    def request(self) -> None: ...

    def waiting(self, seconds: float, reason: str) -> None: ...

    def retrying(self, attempt: int, of: int, why: str) -> None:
        """A request failed and is tried again (`why`: one phrase, an analyzer.i18n Msg)."""

    def page(self, logs: int, pages: int, covered_from: str | None, covered_to: str | None) -> None: ...


# --------------------------------------------------------------------------- client


class HttpClient:
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

    def __enter__(self) -> "HttpClient":
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
