"""A connect failure that names no reason, on the machine's own loopback address, is a refusal, and the finding says
how it was inferred (rules/redis/connection/redis-econnrefused.yaml, the `reasonless` patterns).

Real lines: public pastes in samples/public/ (addresses in samples/README.md section E) and StackExchange.Redis'
message from https://github.com/jonowilliams26/UrlShortener/issues/2 (no Redis running on the developer's machine).
Before, each was "a Redis error no rule names"."""

from __future__ import annotations

import pytest

from analyzer.i18n import said
from tests.conftest import ROOT, diag_of

SE_REDIS = (
    "  Message=It was not possible to connect to the redis server(s). UnableToConnect on localhost:6379/Interactive, "
    "Initializing/NotStarted, last: NONE, origin: BeginConnectAsync, outstanding: 0, last-read: 2s ago, last-write: 2s "
    "ago, keep-alive: 60s, state: Connecting, mgr: 10 of 10 available, last-heartbeat: never, global: 12s ago, "
    "v: 2.1.58.34321"
)


def _public(name: str) -> str:
    return (ROOT / "samples" / "public" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text,said_first",
    [
        (_public("java/spring-framework-25517.log"), "Unable to connect to"),  # Lettuce, its cause chain cut
        (_public("python/celery-3253.log"), "Cannot connect to"),  # kombu, an empty reason
        ("StackExchange.Redis.RedisConnectionException\n  HResult=0x80131500\n" + SE_REDIS, "UnableToConnect"),
    ],
)
def test_a_reasonless_connect_failure_on_loopback_is_a_refusal_and_says_why(text, said_first):
    diag = diag_of(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-econnrefused")
    (finding,) = [f for f in diag.findings if f.rule_id == "redis-econnrefused"]
    because = " ".join(said(b) for b in finding.because)
    assert f"does not say why ('{said_first}')" in because
    assert "nothing listens there" in because


def test_a_reasonless_connect_failure_elsewhere_is_not_given_a_reason():
    # Azure's TLS port: a refusal, a timeout or a TLS mismatch all read 'UnableToConnect' there (heldout11)
    diag = diag_of(_public("dotnet/redissamples-4.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause != "redis-econnrefused"
