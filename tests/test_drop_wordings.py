"""Drops, a timeout and a lookup in client words no rule had.

Ruby's EOFError under a Redis client (rules/classes/dropped.yaml): redis-client and redis-rb 5 wrap it when Redis shuts
down or an idle connection is cut (public: redis-rb/redis-client#119 and #96, redis-rb#1180); EOFError elsewhere
(Python's input(), an SMTP read) names no Redis and stays unread. Lettuce's 'Connection closed' (a drop) and 'Connection
closed prematurely' (before it was activated: a cut handshake)."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of


@pytest.mark.parametrize(
    "line",
    [
        "RedisClient::ConnectionError: EOFError",
        "/app/vendor/bundle/ruby/3.2.0/gems/redis-client-0.14.1/lib/redis_client/ruby_connection.rb:101:"
        "in `rescue in read': EOFError (RedisClient::ConnectionError)",
        "I get `Redis::ConnectionError (EOFError)` when I sit idle for 4 minutes or so.",
    ],
)
def test_eoferror_under_a_redis_client_is_a_drop(line):
    assert diag_of(line + "\n").verdict.root_cause == "redis-connection-dropped"


@pytest.mark.parametrize(
    "line", ["EOFError: EOF when reading a line", "EOFError: end of file reached (smtp.gmail.com)"]
)
def test_eoferror_naming_no_redis_is_not_redis(line):
    assert diag_of(line + "\n").verdict.root_cause is None


def test_lettuce_connection_closed_is_a_drop_and_prematurely_a_cut_handshake():
    # public: spring-projects/spring-data-redis#2246 (pending commands when the channel went away); redis/lettuce#919
    # (closed before Lettuce activated it: during the connect)
    closed = diag_of("Redis exception; nested exception is io.lettuce.core.RedisException: Connection closed\n")
    assert closed.verdict.root_cause == "redis-connection-dropped"
    early = diag_of("io.lettuce.core.RedisConnectionException: Connection closed prematurely\n")
    assert early.verdict.root_cause == "redis-handshake-failed"


def test_ioredis_socket_timeout_printed_bare_names_redis_by_its_own_words():
    # ioredis' socketTimeout message is its own (lib/Redis.ts); a queue's handler prints it with nothing else naming
    # Redis (public heldout34 langfuse/langfuse#13601)
    diag = diag_of("Error: Socket timeout. Expecting data, but didn't receive any in 30000ms.\n")
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-pool-timeout")


def test_erlangs_nxdomain_under_a_redis_client_is_a_name_that_does_not_resolve():
    # Redix formats Erlang's :nxdomain as 'non-existing domain' (public whatyouhide/redix#222); an HTTP client's
    # nxdomain names no Redis and stays unread
    diag = diag_of("06:17:52.643 [error] Failed to connect to Redis (vodon-redis.internal:6379): non-existing domain\n")
    assert diag.verdict.root_cause == "redis-dns-not-found"
    assert diag_of("[error] Failed to fetch https://api.example.com: nxdomain\n").verdict.root_cause is None
