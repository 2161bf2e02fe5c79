"""Issue 13, heldout87's classes: real captures of the version spread of Redis clients (node_redis 2.8 and 3.1,
node-redis 4 and 5, ioredis 4 and 5, Bull 3, BullMQ 5, redis-py 2.10 to 6, aioredis 1.3 and 2.0, Debian's ruby-redis),
made as samples/README.md, heldout87, says. Two classes:

- an app's own fallback line names its own memory in any of its words as the store it uses instead of Redis ('serving
  price:sku-1 from memory cache', 'keeping presence in process memory', 'using in-memory scores', 'in local memory', 'in
  the worker's memory'): the app runs on its fallback (degraded), as 'falling back to local memory' already said;
- a client's 'reconnecting' line after a Redis success line on the same instance is the only trace of a lost working
  connection (redis-connection-dropped), as a refusal after a success is: node_redis 3 through a server restarted on a
  dump waits out LOADING in its ready check without a word, printing only 'redis reconnecting (attempt 1, …)' and
  'connected to redis'."""

from __future__ import annotations

import pytest

from tests.conftest import batch_file, batch_lines, diag_of, verdict_of


def capture(name: str) -> str:
    """A real capture of heldout87 (samples/heldout87/<app>/<scenario>.log)."""
    return batch_file("heldout87", name)


# -- the app's own memory as its fallback store ------------------------------------------------------------------------

def test_presence_kept_in_process_memory_through_loading_is_degraded():
    # aioredis 2.0.1: 'redis error TimeoutError: Timeout reading from redis:6379; keeping presence in process memory',
    # then BusyLoadingError with the same words; read failing (the fallback not seen)
    diag = diag_of(capture("presence-aio20/loading.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-loading")
    assert "redis-app-fallback" in {f.rule_id for f in diag.findings}


def test_prices_served_from_memory_cache_is_degraded():
    # node_redis 3.1.2 with REDIS_URL='': refused on its loopback default, 'redis not connected, serving price:sku-N from
    # memory cache' each second; read failing
    assert verdict_of(capture("prices-nr3/url-empty.log"))[0] == "degraded"


@pytest.mark.parametrize(
    "line",
    [
        # the family's other words for the app's own memory, after the same refusal
        "WARN cache: redis down (connect ECONNREFUSED 10.0.0.5:6379), storing sessions in local memory",
        "redis unreachable: keeping rate-limit counters in the worker's memory",
        "cache unavailable, reading settings from the in-memory store",
        "redis failed (ECONNRESET), using local memory",
        # ioredis 4's leaderboard (real: heldout87 leaderboard-io4/readonly.log), its words after a refusal
        "leaderboard: redis unavailable (connect ECONNREFUSED 10.0.0.5:6379), using in-memory scores",
    ],
)
def test_the_apps_own_memory_in_other_words_is_a_fallback(line):
    log = "redis error: connect ECONNREFUSED 10.0.0.5:6379\n" + line + "\n"
    diag = diag_of(log)
    assert diag.verdict.state == "degraded"
    assert "redis-app-fallback" in {f.rule_id for f in diag.findings}


def test_memory_named_while_redis_works_is_no_fallback():
    log = "prices: connected to redis\nredis connected, serving price:sku-1 from memory cache as its first tier\n"
    assert verdict_of(log)[0] == "healthy"


def test_loading_in_memory_is_not_the_apps_memory():
    # redis-py's own words for LOADING hold 'in memory': alone they are the failure, not a fallback
    log = "presence: redis error BusyLoadingError: Redis is loading the dataset in memory\n"
    diag = diag_of(log)
    assert diag.verdict.state == "failing"
    assert "redis-app-fallback" not in {f.rule_id for f in diag.findings}


# -- a reconnect after a success line: a working connection lost -------------------------------------------------------

def test_node_redis3_reconnecting_after_cached_reads_is_a_drop():
    # the server restarted on a slowly loading dump: node_redis 3 prints only its 'reconnecting' event and 'connected';
    # the root cause read 'The Redis client is reconnecting' (a symptom)
    assert verdict_of(capture("prices-nr3/loading.log")) == ("recovered", "redis-connection-dropped")


def test_reconnecting_lines_alone_after_a_success_are_a_drop():
    log = batch_lines("heldout87", "prices-nr3/loading.log", "prices:", "GET /prices/sku-0")
    assert verdict_of(log) == ("recovered", "redis-connection-dropped")


def test_ioredis_reconnecting_after_ready_then_failing_is_a_drop():
    # ioredis 5's listeners (heldout87 ratelimit-io5's words): ready and requests allowed, then only reconnects and the
    # limiter failing open
    log = (
        "2026-12-07T21:18:56.617Z INFO  ratelimit: redis ready\n"
        "2026-12-07T21:18:57.566Z INFO  ratelimit: request 1 allowed (1/100)\n"
        "2026-12-07T21:19:02.101Z INFO  ratelimit: [redis] reconnecting in 50ms\n"
        "2026-12-07T21:19:03.101Z INFO  ratelimit: [redis] reconnecting in 100ms\n"
    )
    assert verdict_of(log) == ("failing", "redis-connection-dropped")


def test_reconnecting_before_any_success_stays_what_it_was():
    # no success before: the reconnect says nothing of a working connection (node_redis 3's event before a refusal)
    log = "prices: redis reconnecting (attempt 1, delay 200ms)\n"
    assert verdict_of(log)[1] != "redis-connection-dropped"


@pytest.mark.parametrize(
    ("error", "root"),
    [
        ("getaddrinfo ENOTFOUND redis-cache.internal", "redis-dns-not-found"),
        ("WRONGPASS invalid username-password pair or user is disabled.", "redis-wrongpass"),
    ],
)
def test_reconnecting_after_a_success_beside_its_error_keeps_the_errors_cause(error, root):
    # the reconnect is then a symptom of the error logged with it: the error names the cause
    log = (
        "2026-12-07T21:18:56.617Z INFO  ratelimit: redis ready\n"
        "2026-12-07T21:18:57.566Z INFO  ratelimit: request 1 allowed (1/100)\n"
        "2026-12-07T21:19:02.101Z INFO  ratelimit: [redis] reconnecting in 50ms\n"
        f"2026-12-07T21:19:02.201Z WARN  ratelimit: redis connection error: {error}\n"
        "2026-12-07T21:19:03.101Z INFO  ratelimit: [redis] reconnecting in 100ms\n"
        f"2026-12-07T21:19:03.201Z WARN  ratelimit: redis connection error: {error}\n"
    )
    assert verdict_of(log) == ("failing", root)
