"""Failures that are not Redis: those decided so, and those held (no address, no Redis line before
them) until the lines after them on the same instance say. A part of `Judge` (analyzer.judge), kept
apart: it is the judge's "not Redis" book, bounded per stream and in streams."""

from __future__ import annotations

import copy

from analyzer.engine.affinity import Tie, endpoint_of
from analyzer.engine.scan import Hit
from analyzer.judge_shapes import MAX_HELD, MAX_STREAMS, MAX_TEMPLATES, _evidence
from analyzer.model import LogRecord, NotRedis

# what ties a failure to Redis by the entry's own evidence, not by what stands around it (Affinity.tie)
_DIRECT = frozenset({"affinity.scheme", "affinity.port", "affinity.host", "affinity.text"})
_MAX_REDIS_HOSTS = 8


class NotRedisBook:
    def _note_redis_host(self, record: LogRecord, tie: Tie | None, host: str) -> None:
        """Remember a host this instance's Redis failures named by their own evidence (a Redis port, scheme, host name
        or client in the entry): a later failure naming another host is then not tied to Redis by proximity
        (Affinity.tie's `redis_hosts`). Bounded: a few hosts a stream, MAX_STREAMS streams."""
        if not host or tie is None or not tie.redis or tie.reason not in _DIRECT:
            return
        key = (record.source, record.instance or "")
        known = self._redis_hosts.get(key, frozenset())
        if host in known or len(known) >= _MAX_REDIS_HOSTS:
            return
        self._redis_hosts[key] = known | {host}
        if len(self._redis_hosts) > MAX_STREAMS:
            del self._redis_hosts[next(iter(self._redis_hosts))]

    def _hold(self, hit: Hit, matched: tuple[str, ...], tie: Tie) -> None:
        """Keep a failure that names no address and follows no Redis line until the window after it says."""
        key = (hit.record.source, hit.record.instance or "")
        held = self._held.setdefault(key, [])
        held.append((Hit(hit.record, tuple((r, f) for r, f in hit.matches if r in matched and self.rules[r].affinity)), tie))
        if len(held) > MAX_HELD:
            self._release(*held.pop(0))
        if len(self._held) > MAX_STREAMS:
            for old in self._held.pop(next(iter(self._held))):
                self._release(*old)

    def _expire_held(self, record: LogRecord) -> None:
        """Held failures of this stream that the window has passed are not Redis (streaming: decided as lines come)."""
        key = (record.source, record.instance or "")
        held = self._held.get(key)
        if not held or self.affinity is None:
            return
        limit = record.line - self.affinity.window
        while held and (held[0][0].record.end_line or held[0][0].record.line) < limit:
            self._release(*held.pop(0))
        if not held:
            del self._held[key]

    def _release(self, hit: Hit, tie: Tie) -> None:
        self._note_not_redis(hit, tuple(r for r, _ in hit.matches), tie)

    def _note_not_redis(self, hit: Hit, matched: tuple[str, ...], tie: Tie, times: int = 1) -> None:
        self._explain_unnamed(hit.record, tie)
        rule_id = next(r for r in matched if self.rules[r].affinity)
        fields = next((f for r, f in hit.matches if r == rule_id), {})
        endpoint = endpoint_of(fields)
        key = (rule_id, endpoint)
        entry = self._not_redis.get(key)
        if entry is not None:
            entry.count += times
        elif len(self._not_redis) < MAX_TEMPLATES:
            record = hit.record
            self._not_redis[key] = NotRedis(
                rule_id, self.redactor(endpoint), times, _evidence(record), self._sample(record), tie.because,
                untied=tie.reason == "affinity.none" and not endpoint,
            )

    def _not_redis_endpoints(self) -> frozenset[str]:
        """The endpoints (host, host:port) of the failures decided "not Redis" so far, any stream: an endpoint is a
        dependency of the app or its Redis, whichever instance names it (Affinity.tie's `not_redis`)."""
        return frozenset(endpoint for _, endpoint in self._not_redis if endpoint and endpoint != "?")

    def _not_redis_now(self) -> dict[tuple[str, str], NotRedis]:
        """The failures decided "not Redis", and those still held (nothing claimed them): a copy, the state unchanged."""
        if not self._held:
            return self._not_redis
        keep, self._not_redis = self._not_redis, {k: copy.copy(v) for k, v in self._not_redis.items()}
        try:
            for held in self._held.values():
                for hit, tie in held:
                    self._release(hit, tie)
            return self._not_redis
        finally:
            self._not_redis = keep
