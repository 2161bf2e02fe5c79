"""Issue 13, heldout62's classes (session 15, job queues and framework caches in production): Sidekiq's heartbeat is a
Redis write, so its failed beat ('ERROR: heartbeat: Waited 1 sec', connection_pool's wait) is Redis's; redis-rb's
read or write timeout said as its class alone (an error tracker's field) or as its message over its client's `io`
frames is a command timing out, not a connect timeout, while the class in parentheses after 'Error connecting to
Redis' stays one; Ruby's Timeout running out while redis-rb 2 opens its socket ('execution expired' over redis-rb's
connection frame) is a connect timeout, and the same words in a job's HTTP call are not Redis; a 'Unix socket' whose
path is a database number ('/0') is what a client left of a Redis URL it took for a path, while a real socket's path
with no file stays a refusal; a framework naming a Redis connection its configuration lacks (Laravel's and
Horizon's 'Redis connection [x] (has) not (been) configured') is a failure of its own. Real output: the batch's public
pastes (samples/public/heldout62.yaml) and earlier batches' lines."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste

# (paste, verdict, root cause): the batch's pastes each class was made from
PASTES = [
    # Sidekiq's heartbeat waiting on a server pool of one connection (sidekiq/sidekiq#1941)
    ("ruby/sidekiq-1941.log", "degraded", "redis-pool-timeout"),
    # redis-rb's command timeout: 'Connection timed out' over client.rb's `rescue in io' (redis/redis-rb#429), and
    # Airbrake's 'Error type<TAB>Redis::TimeoutError' / 'Error message<TAB>Connection timed out' (sidekiq/sidekiq#3035)
    ("ruby/redis-rb-429.log", "degraded", "redis-pool-timeout"),
    ("ruby/sidekiq-3035.log", "degraded", "redis-pool-timeout"),
    # exception_notification's mail: 'execution expired' over redis-rb 2's connection/ruby.rb (redis/redis-rb#170)
    ("ruby/redis-rb-170.log", "failing", "redis-connection-timeout"),
    # 'rediscache://127.0.0.1:6379/0' under django-redis 4.5: 'unix socket: /0' (joke2k/django-environ#95)
    ("python/django-environ-95.log", "failing", "redis-url-malformed"),
    # 'Redis connection [] has not been configured.' (laravel/horizon#674), '[session] not configured.' (faveo#2093)
    ("php/horizon-674.log", "failing", "redis-connection-not-configured"),
    ("php/faveo-helpdesk-2093.log", "failing", "redis-connection-not-configured"),
]

# (line, root cause): lines next to a class that must keep their own reading
LINES = [
    # rails/rails#42818: the class in parentheses after 'Error connecting to Redis' is a connect timeout's cause
    ("Redis::CannotConnectError: Error connecting to Redis on some-redis-host:6379 (Redis::TimeoutError)\n",
     "redis-connection-timeout"),
    # real (samples/raw/classes/session9-h18.log): a real socket's path with no file stays a refusal
    ("redis.exceptions.ConnectionError: Error 2 connecting to /var/run/redis/redis-server.sock. No such file or directory.\n",
     "redis-econnrefused"),
]


@pytest.mark.parametrize(("paste", "state", "root"), PASTES)
def test_heldout62_class_reads_its_paste(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)


@pytest.mark.parametrize(("line", "root"), LINES)
def test_neighbouring_lines_keep_their_reading(line, root):
    assert diag_of(line).verdict.root_cause == root


@pytest.mark.parametrize("paste", ["nonredis/sidekiq-3051.log", "nonredis/sidekiq-805.log"])
def test_execution_expired_without_redis_frames_is_no_redis_failure(paste):
    # public sidekiq/sidekiq#3051 (Net::OpenTimeout: execution expired), #805 (a mail job's Timeout::Error)
    assert diag_of(public_paste(paste)).verdict.state not in ("failing", "degraded")
