"""Live logs from Render's `/v1/logs/subscribe` WebSocket, without gaps or duplicates.

The server closes a log socket after about a minute (render-oss/cli issue #17: the CLI's tail
died there). `LogTail` reconnects at once, resumes from the last timestamp seen (minus a small
overlap, for lines of other instances that arrive a little late) and drops what it already
delivered by id.

Library: `websockets` (sync client). It sends the Bearer header on the handshake, exposes the
handshake status for one-sentence 401/403/404 errors, answers pings, and `recv(timeout=…)` lets
the caller redraw and notice Ctrl-C between frames. It is imported only when a tail starts.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterator
from urllib.parse import urlencode, urlsplit, urlunsplit

from analyzer import clock
from analyzer.i18n import Msg, error
from analyzer.render.api import (
    RenderAPIError,
    RenderClient,
    RetriesExhausted,
    format_ns,
    ts_ns,
)


# websockets logs a keepalive ping that failed (the connection closing under Ctrl-C, a network blip) at ERROR with its
# traceback, on stderr when nothing else handles its logger: the follow reconnects and says so in its own words, never
# with a traceback. The library is given this logger, which keeps its records to itself.
QUIET_LOG = logging.getLogger("analyzer.render.live.websockets")
QUIET_LOG.addHandler(logging.NullHandler())
QUIET_LOG.propagate = False

SEEN_MIN = 50_000  # ids remembered before the first pruning (a follow holds no list of all it saw)


@dataclass
class TailStats:
    connections: int = 0
    reconnects: int = 0
    received: int = 0
    delivered: int = 0
    duplicates: int = 0
    last_timestamp: str | None = None


class LogTail:
    """Iterate over live log objects (dicts shaped like /v1/logs items).

    `ticks=True` makes the iterator also yield None about every `tick` seconds when nothing
    arrives, so a caller can redraw; stop by breaking out (or Ctrl-C).
    """

    def __init__(self, client: RenderClient, owner_id: str, resources: list[str], *,
                 levels: list[str] = (), types: list[str] = (), texts: list[str] = (),  # type: ignore[assignment]
                 instances: list[str] = (), start: datetime | int | None = None,  # type: ignore[assignment]
                 overlap_s: float = 2.0, tick: float = 0.5, ticks: bool = False,
                 max_failures: int | None = None,
                 on_event: Callable[[str, str], None] | None = None) -> None:
        self.client = client
        self.owner_id = owner_id
        self.resources = list(resources)
        self.filters = [("level", list(levels)), ("type", list(types)), ("text", list(texts)),
                        ("instance", list(instances))]
        # `start`: epoch ns or a datetime; `rla follow` takes it from the server (its last log, its
        # clock): from this machine's clock, a clock running ahead would skip the live logs
        if isinstance(start, int):
            self.start_ns = start
        else:
            self.start_ns = int((start or clock.now()).timestamp() * 1e9)
        self.overlap_ns = int(overlap_s * 1e9)
        self.tick = tick
        self.ticks = ticks
        self.max_failures = client.policy.max_retries if max_failures is None else max_failures
        self.on_event = on_event or (lambda kind, text: None)
        self.stats = TailStats()
        self._seen: dict[str, int] = {}  # id -> ns, pruned to the overlap window
        self._ws: Any = None  # the open connection while a log is handed out (for drain())
        self._leftover: list[dict] = []  # received when a Ctrl-C stopped recv()
        self._prune_at = SEEN_MIN
        self._max_ns = 0

    # -- url
    def url(self, start_ns: int) -> str:
        parts = urlsplit(self.client.base_url)
        scheme = {"https": "wss", "http": "ws"}.get(parts.scheme, parts.scheme)
        q: list[tuple[str, str]] = [("ownerId", self.owner_id)]
        q += [("resource", r) for r in self.resources]
        for name, values in self.filters:
            q += [(name, v) for v in values]
        q.append(("startTime", format_ns(start_ns)))
        return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/") + "/logs/subscribe", urlencode(q), ""))

    def _resume_ns(self) -> int:
        if self._max_ns:
            return max(self.start_ns, self._max_ns - self.overlap_ns)
        return self.start_ns

    # -- dedupe
    def _accept(self, log: dict) -> bool:
        lid = log.get("id")
        try:
            ns = ts_ns(log.get("timestamp", ""))
        except ValueError:
            ns = self._max_ns
        key = lid if isinstance(lid, str) and lid else f"{ns}:{log.get('message')}"
        if key in self._seen:
            self.stats.duplicates += 1
            return False
        self._seen[key] = ns
        if ns > self._max_ns:
            self._max_ns = ns
            self.stats.last_timestamp = log.get("timestamp")
        if len(self._seen) > self._prune_at:  # only ids inside the resume overlap can come back
            floor = self._max_ns - 4 * self.overlap_ns - 60 * 1_000_000_000
            self._seen = {k: v for k, v in self._seen.items() if v >= floor}
            # a burst that fills the window keeps its ids: prune again only when they have doubled, so
            # memory stays within twice the ids of the last minute or so and each log is pruned O(1) times
            self._prune_at = max(SEEN_MIN, 2 * len(self._seen))
        return True

    # -- the loop
    def _connect(self):  # -> websockets.sync.client.ClientConnection
        from websockets.sync.client import connect

        url = self.url(self._resume_ns())
        host = urlsplit(url).hostname or ""
        kwargs = dict(
            additional_headers=self.client.auth_headers(),
            open_timeout=self.client.policy.connect_timeout,
            close_timeout=2,
            max_size=2**24,
            user_agent_header=None,
            logger=QUIET_LOG,
        )
        if host in ("127.0.0.1", "localhost", "::1"):
            kwargs["proxy"] = None
        try:
            return connect(url, **kwargs)
        except TypeError:  # websockets < 15 has no proxy argument
            kwargs.pop("proxy", None)
            return connect(url, **kwargs)

    def _handshake_error(self, exc: Exception) -> tuple[RenderAPIError | None, float | None]:
        """(fatal error, or None to retry; seconds the server asked to wait)."""
        response = getattr(exc, "response", None)
        status = getattr(response, "status_code", None)
        if status is None:
            return None, None
        message = None
        body = getattr(response, "body", b"") or b""
        try:
            obj = json.loads(body.decode("utf-8", "replace"))
            if isinstance(obj, dict) and isinstance(obj.get("message"), str):
                message = obj["message"][:300]
        except (ValueError, RecursionError):
            pass
        if status == 429:
            headers = getattr(response, "headers", {}) or {}
            return None, self.client._seconds(headers.get("Retry-After")) or 1.0
        if status >= 500:
            return None, None
        return self.client._error_for(status, message, "logs/subscribe"), None

    def _why(self, exc: BaseException) -> str:
        """Why a connection attempt failed, in the words of the HTTP client's retry notes."""
        import socket

        host = urlsplit(self.client.base_url).netloc.rsplit("@", 1)[-1]
        status = getattr(getattr(exc, "response", None), "status_code", None)
        if status is not None:
            return Msg("api.why.status", status=status)
        if isinstance(exc, ConnectionRefusedError):
            return Msg("api.connect.refused", host=host)
        if isinstance(exc, socket.gaierror):
            return Msg("api.connect.dns", host=urlsplit(self.client.base_url).hostname or host)
        if isinstance(exc, TimeoutError):
            return Msg("api.connect.timeout", host=host, s=f"{self.client.policy.connect_timeout:g}")
        return Msg("api.why.dropped", name=self.client.scrub(type(exc).__name__))

    def _take(self, frame: str | bytes) -> dict | None:
        """One frame as a log object, or None for a frame that is no log or one already seen."""
        try:
            log = json.loads(frame)
        except (ValueError, TypeError, RecursionError):  # nested too deep: a lost frame, not a crash
            return None
        if not isinstance(log, dict):
            return None
        self.stats.received += 1
        if not self._accept(log):
            return None
        self.stats.delivered += 1
        return log

    def _buffered(self, ws: Any) -> list[dict]:
        """The frames this machine already received when Ctrl-C came (the connection's reader thread
        and the socket hold them): they were read, so the report counts them. Bounded: a busy service
        keeps sending, so stop after a short quiet gap or a second at most."""
        from websockets.exceptions import ConnectionClosed

        logs: list[dict] = []
        until = time.monotonic() + 1.0
        while time.monotonic() < until:
            try:
                frame = ws.recv(timeout=0.05)
            except (TimeoutError, ConnectionClosed, OSError, RuntimeError):
                break
            log = self._take(frame)
            if log is not None:
                logs.append(log)
        return logs

    def drain(self) -> list[dict]:
        """After a Ctrl-C: the logs already received and not yet handed out, in order."""
        logs, self._leftover = self._leftover, []
        if self._ws is not None:
            logs += self._buffered(self._ws)
        return logs

    def __iter__(self) -> Iterator[dict | None]:
        from websockets.exceptions import ConnectionClosed, InvalidHandshake

        failures = 0
        while True:
            try:
                ws = self._connect()
            except (InvalidHandshake, OSError, TimeoutError) as exc:
                fatal, wait = self._handshake_error(exc)
                if fatal is not None:
                    raise fatal from None
                failures += 1
                if failures > self.max_failures:
                    raise RetriesExhausted(
                        error("live.error.reconnect", n=failures, why=self._why(exc))
                    ) from None
                delay = wait if wait is not None else self.client._backoff(failures)
                self.on_event("retry", Msg("live.reconnecting", delay=f"{delay:.1f}"))
                self.client.progress.retrying(failures, self.max_failures, self._why(exc))
                self.client._wait(self.client._jittered(delay) if wait else delay, Msg("live.wait_reconnect"))
                continue
            self.stats.connections += 1
            if self.stats.connections > 1:
                self.stats.reconnects += 1
                self.on_event("reconnect", Msg("live.reconnected", n=self.stats.reconnects))
            else:
                self.on_event("connected", Msg("live.connected"))
            opened = time.monotonic()
            got_any = False
            reason: str = Msg("live.closed")
            try:
                with ws:  # (websockets >= 17.1 wants the context manager; it closes on the way out)
                    while True:
                        try:
                            frame = ws.recv(timeout=self.tick)
                        except TimeoutError:
                            if self.ticks:
                                yield None
                            continue
                        except KeyboardInterrupt:
                            self._leftover = self._buffered(ws)
                            raise
                        got_any = True
                        log = self._take(frame)
                        if log is not None:
                            self._ws = ws  # open while the caller holds this log: drain() may read on
                            yield log
                            self._ws = None
            except ConnectionClosed as exc:
                rcvd = getattr(exc, "rcvd", None)
                reason = Msg("live.closed_by_server", code=rcvd.code) if rcvd is not None else Msg("live.connection_lost")
            except OSError as exc:
                reason = Msg("live.connection_lost_why", why=type(exc).__name__)
            self.on_event("closed", reason)
            # a socket that lived and delivered resets the failure count; one that died at
            # once counts as a failure (no hot reconnect loop against a broken server)
            if got_any or time.monotonic() - opened > 5:
                failures = 0
            else:
                failures += 1
                if failures > self.max_failures:
                    raise RetriesExhausted(error("live.error.kept_closing", reason=reason))
                self.client._wait(self.client._backoff(failures), Msg("live.wait_reconnect"))
