"""Issue 13, heldout41's classes (a second blind batch of public pastes of Ruby and PHP apps, measured on arrival): a
Redis client whose name holds Redis after a prefix (Credis, Magento's PHP client) ties its line to Redis as 'predis'
and 'aioredis' do; and heldout36's fixes, met again in new pastes: ActiveJob's 'to Sidekiq(default)' with a Redis
reply is still Redis's, another service's failure under a job runner or a Redis rate limiter is not. Every log here
is real output: the public pastes of samples/public/ (their threads in samples/README.md, section E, "Forty-first
batch") and lines quoted from them."""

from __future__ import annotations

import pytest

from tests.conftest import public_paste, verdict_of


# --- Credis by its name ---

def test_magentos_serialized_report_names_redis_by_its_client():
    # 'a:4:{i:0;s:24:"read error on connection";i:1;s:2003:"#0 /document_root/lib/Credis/Client.php(440):
    # Credis_Client->__call('select', Array)': the only Redis word is the client's name; it was "can't tell". phpredis'
    # bare 'read error on connection' says no class (a read that timed out, a closed connection: the house reading),
    # so the line is the never-silent finding
    assert verdict_of(public_paste("php/redis-2739.log")) == ("failing", "redis-error-unnamed")


def test_the_client_name_alone_ties_the_line():
    # the same report's first line with Credis' class and path taken out names nothing: no Redis finding
    line = public_paste("php/redis-2739.log").splitlines()[0]
    assert "Credis" in line
    bare = line.replace("/lib/Credis/Client.php(440): Credis_Client->", "/lib/Client.php(440): Client->")
    assert verdict_of(bare)[0] == "unknown"


# --- heldout36's fixes, in new pastes ---

def test_activejob_failing_to_enqueue_on_a_redis_reply_is_redis():
    # Spree: '[ActiveJob] Failed enqueuing ActionMailer::MailDeliveryJob to Sidekiq(default): Redis::CommandError
    # (NOAUTH Authentication required)': the adapter's label is no Redis signal, the Redis reply is
    assert verdict_of(public_paste("ruby/spree-starter-851.log")) == ("failing", "redis-noauth")


@pytest.mark.parametrize("name", [
    "nonredis/laravel-rate-limited-job-middleware-49.log",  # Guzzle's 'cURL error 6: getaddrinfo()' above Redis' limiter
    "nonredis/mastodon-3957.log",                           # HTTP::TimeoutError in a Sidekiq job
    "nonredis/laravel-framework-19005.log",                 # SQLSTATE[HY000] 2006 under queue:work
    "nonredis/exercism-website-5721.log",                   # Bugsnag: Faraday::TimeoutError, Net::ReadTimeout
])
def test_another_services_failure_under_a_redis_job_runner_is_not_redis(name):
    state, root = verdict_of(public_paste(name))
    assert state not in ("failing", "degraded") and root is None
