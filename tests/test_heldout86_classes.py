"""Issue 13, heldout86's class (session 20, logs pasted in Q&A, forum, blog, vendor-manual and incident-report pages:
the search tool's pages corpus). One class, from the batch's public pastes (samples/public/heldout86.yaml):

- Jedis is a Redis client whatever its failure is logged as: its exception classes by their simple name
  ('JedisConnectionException: …', 'JedisDataException: …'), which the client-name signal '\\bjedis\\b' did not see inside
  the word, and its own sentence for a pool it could not borrow from ('Could not get a resource from the pool', which
  Spring Data Redis' PoolException repeats; 'from pool' as a Korean blog and Tapdata's Redis connection test quote it),
  pasted with no class at all, tie a connection-level failure to Redis (rules/affinity.yaml `text`); the pool sentence
  alone is Jedis' pool running out (redis-pool-timeout), as it was with the class's package before. Other pools'
  words (commons-pool's 'Timeout waiting for idle object', DBCP, Hikari) stay not Redis.

Left unfixed (samples/README.md, "Eighty-sixth batch"): a bare '[Errno 54] Connection reset by peer' and a bare
'OpenSSL::SSL::SSLError: certificate verify failed (self signed certificate in certificate chain)' name no client, so
nothing ties them to Redis (any TCP or HTTPS client prints them); an incident timeline's 'OUTAGE ENDS.' is the
reporter's prose, no client's line saying Redis works again."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste, verdict_of


def test_jedis_pool_sentence_quoted_alone_is_the_pool_running_out():
    # blooog.tistory.com: JedisPool at setMaxTotal 1000, resources held across Stream processing
    assert verdict_of(public_paste("ko/blooog-tistory-jedis-pool-maxtotal.log")) == ("degraded", "redis-pool-timeout")


@pytest.mark.parametrize(
    "line",
    [
        "Could not get a resource from the pool",
        "JedisConnectionException: Could not get a resource from the pool",
        # Jedis 3's wording when the pool is exhausted
        "JedisExhaustedPoolException: Could not get a resource since the pool is exhausted",
    ],
)
def test_jedis_pool_sentence_without_its_package(line):
    assert verdict_of(line) == ("degraded", "redis-pool-timeout")


@pytest.mark.parametrize(
    ("line", "cause"),
    [
        ("JedisConnectionException: java.net.ConnectException: Connection refused (Connection refused)", "redis-econnrefused"),
        ("JedisConnectionException: java.net.SocketException: Connection reset", "redis-connection-dropped"),
    ],
)
def test_jedis_exception_by_its_simple_name_ties_the_failure_to_redis(line, cause):
    assert verdict_of(line) == ("failing", cause)


@pytest.mark.parametrize(
    "line",
    [
        "java.util.NoSuchElementException: Timeout waiting for idle object",
        "Cannot get a connection, pool error Timeout waiting for idle object",
        "org.apache.commons.dbcp2.PoolableConnectionFactory: Could not get a connection from the pool",
        "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
    ],
)
def test_other_pools_are_not_redis(line):
    assert verdict_of(line)[0] not in ("failing", "degraded")


def test_a_bare_connection_reset_names_no_client():
    # openillumi's quoted redis-py question: the line alone could be any TCP client's
    diag = diag_of(public_paste("python/openillumi-redis-py-connection-reset-idle.log"))
    assert diag.verdict.state == "unknown"
