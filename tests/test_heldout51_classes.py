"""Issue 13, heldout51's classes (session 13, a blind batch from the long tail of languages: Lua/OpenResty, Dart,
Haskell, Scala, Kotlin, Swift, Crystal, Erlang, Elixir, Rust, C++/R): a failing symptom line read through the failure
classes (RcppRedis' 'Redis connection error: Connection refused'), the clients' own words for a closed connection
(Crystal's 'Connection closed (IO::Error)' and 'RedisError: Disconnected', rediscala's '(Connection closed)'), rustls'
'invalid peer certificate', SwiftNIO's and nginx's failed lookups (an empty name: the setting was never given),
RediStack's pool timeout and success line, hedis' runRedis, and an auth backend's 'not_authorized' verdict (not a Redis
failure). Real output: the batch's public pastes (samples/public/heldout51.yaml, sources in samples/README.md)."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste


@pytest.mark.parametrize(
    "paste, state, cause",
    [
        # eddelbuettel/rcppredis#40: the app's 'Redis connection error' line (a symptom) says the refusal in its words
        ("cpp/rcppredis-40.log", "failing", "redis-econnrefused"),
        # jgaskins/redis#65, hugopl/sidekiq.cr#58, KarelCemus/play-redis#134: connections the server closed
        ("crystal/jgaskins-redis-65.log", "failing", "redis-connection-dropped"),
        ("crystal/sidekiq-cr-58.log", "failing", "redis-connection-dropped"),
        ("scala/play-redis-134.log", "failing", "redis-connection-dropped"),
        # apache/opendal#4716: rustls' words under anyhow's 'Source:', below the Redis operation that failed
        ("rust/opendal-4716.log", "failing", "redis-tls-certificate"),
        # vapor/redis#212: SwiftNIO's resolver could not resolve the compose service name
        ("swift/vapor-redis-212.log", "failing", "redis-dns-not-found"),
        # openresty/lua-resty-redis#159: nginx asked to resolve an empty name: the host was never given
        ("lua/lua-resty-redis-159.log", "failing", "redis-url-not-set"),
        # vapor/queues-redis-driver#30: the pool timed out at boot, then RediStack's commands succeeded
        ("swift/queues-redis-driver-30.log", "recovered", "redis-pool-timeout"),
        # informatikr/hedis#79: runRedis threw the network library's refusal
        ("haskell/hedis-79.log", "failing", "redis-econnrefused"),
    ],
)
def test_the_public_pastes_read_as_their_class(paste, state, cause):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, cause)


def test_a_degraded_symptom_is_not_read_as_a_connection_class():
    # only a failing symptom is read through the classes: an app's line naming a command that timed out ('Redis get
    # error: timeout.') stays the command timeout it says, not a connect timeout (public heldout46 TupiC/strapi-cache#19)
    diag = diag_of(public_paste("node/strapi-cache-19.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-pool-timeout")


def test_an_auth_backend_refusing_a_login_is_not_a_redis_failure():
    # emqx/emqx#8197: '[Redis] Auth from redis failed: not_authorized': Redis answered, the MQTT login did not match
    diag = diag_of(public_paste("nonredis/emqx-8197.log"))
    assert diag.verdict.state not in ("failing", "degraded")

