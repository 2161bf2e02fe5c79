"""Issue 13, heldout77's classes: real captures of the client ecosystems captured least (Java services on their own RESP
client, hiredis, Redis.pm, phpredis, Predis, redigo), made as samples/README.md section L, heldout77, says. Each test
feeds the real output, or a part of it, to the pipeline."""

from __future__ import annotations

from tests.conftest import batch_file, verdict_of


def capture(name: str) -> str:
    """A real capture of heldout77 (samples/heldout77/<app>/<scenario>.log: no raw/ level, as heldout71)."""
    return batch_file("heldout77", name)


# -- phpredis' connect() returns after its TLS handshake failed on the certificate: 'went away' is that failure -------------

def test_went_away_after_phpredis_certificate_failure_is_the_certificate():
    # tls:// to a server whose CA is not trusted: PHP's 'SSL operation failed … certificate verify failed' and 'Failed to
    # enable crypto', yet the app logs 'Redis connection established' and the first command says 'Redis server went
    # away', every round; the log read as a dropped connection
    assert verdict_of(capture("cart-phpredis/tls-untrusted.log")) == ("failing", "redis-tls-certificate")


def test_went_away_with_no_tls_failure_in_the_log_stays_a_drop():
    # the same app's lines, its work then 'went away' with no TLS line anywhere: a drop, as before
    healthy = capture("cart-phpredis/healthy.log").splitlines()[:5]
    went = [line for line in capture("cart-phpredis/tls-untrusted.log").splitlines() if "went away" in line][:3]
    assert verdict_of("\n".join(healthy + went) + "\n")[1] == "redis-connection-dropped"


# -- 'redis ready, <what the app read from the server>' says the client works ----------------------------------------------

def test_redis_ready_followed_by_a_setting_read_from_the_server_is_a_working_client():
    # redigo's rate limiter: 'ratelimiter: redis ready, maxmemory-policy=noeviction' after its CONFIG GET, then its
    # counters; the log read "can't tell"
    assert verdict_of(capture("ratelimiter-redigo/healthy.log")) == ("healthy", None)


def test_other_services_failures_beside_a_ready_redis_stay_healthy():
    # PostgreSQL refused on 10.77.0.10:5432 and the API's name unresolved, Redis ready: healthy, not "can't tell"
    assert verdict_of(capture("ratelimiter-redigo/mixed-pg-api-healthy.log")) == ("healthy", None)


def test_redis_not_ready_with_a_status_is_no_working_client():
    log = "2026/12/07 13:32:48.582642 ratelimiter: redis not ready, status=connecting\n"
    assert verdict_of(log)[0] != "healthy"
