"""Ruby's EOFError under a Redis client is a dropped connection (rules/classes/dropped.yaml): redis-client and redis-rb 5
wrap it when Redis shuts down or an idle connection is cut. Public: redis-rb/redis-client#119 and #96, redis-rb#1180.
EOFError elsewhere (Python's input(), an SMTP read) names no Redis and stays unread."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of


@pytest.mark.parametrize(
    "line",
    [
        "RedisClient::ConnectionError: EOFError",
        "/app/vendor/bundle/ruby/3.2.0/gems/redis-client-0.14.1/lib/redis_client/ruby_connection.rb:101:in `rescue in read':"
        " EOFError (RedisClient::ConnectionError)",
        "I get `Redis::ConnectionError (EOFError)` when I sit idle for 4 minutes or so.",
    ],
)
def test_eoferror_under_a_redis_client_is_a_drop(line):
    assert diag_of(line + "\n").verdict.root_cause == "redis-connection-dropped"


@pytest.mark.parametrize("line", ["EOFError: EOF when reading a line", "EOFError: end of file reached (smtp.gmail.com)"])
def test_eoferror_naming_no_redis_is_not_redis(line):
    assert diag_of(line + "\n").verdict.root_cause is None
