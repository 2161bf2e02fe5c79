"""Issue 13, heldout84's classes (session 20, Redis failures in Ruby and PHP apps, fifth round: Sidekiq, Resque,
ActionCable, Rails, Laravel and Horizon on phpredis and Predis, Symfony, WordPress object caches, Magento, MISP). Six
classes, each from the batch's public pastes (samples/public/heldout84.yaml):

- phpredis 2.2.7 to 3.1 threw three server replies in words of its own, without the reply's code: LOADING as 'Redis
  is LOADING the dataset' (redis-loading), MASTERDOWN as 'SYNC with master in progress or master down!'
  (redis-masterdown), NOAUTH as 'Failed to AUTH connection' (redis-noauth);
- a Resque job finished is a Redis queue's success line, in Ruby's words ('done: (Job{queue} | Class | [args])', under
  any logger's prefix) and php-resque's ('(Job{…} | ID: … | Class | …) has finished'); the 'got:' line before it is not;
- the header an actor framework or a job server prints above the error that ended a thread or a process (Celluloid's
  '<Class> crashed!', Sidekiq's 'Sidekiq died due to the following error, cannot recover, process exiting') is no Redis
  failure by itself; the error after it keeps its own reading (rules/affinity.yaml `unnamed_not`);
- Monolog's chain of earlier causes ('[previous exception] [object] (…)', Laravel's and Symfony's logs) belongs to the
  entry above it, across the blank lines a trimmed paste leaves: the READONLY that began a failover's chain is the root
  cause, not the 'Connection closed' printed first (analyzer/engine/shapes.py MONOLOG_PREVIOUS);
- yii2-redis' own socket client failing to read or write ('Failed to read from socket.' / 'Failed to write to socket.
  <n> of <m> bytes written.', then 'Redis command was: …') is a dropped connection;
- the OS's timeout on redis-rb's socket write ('Connection timed out' raised in connection/ruby.rb `write') is a
  dropped connection, as Node's 'write ETIMEDOUT' is; redis-rb's own read timeout keeps its command-timeout reading."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste, verdict_of

BAD = ("failing", "degraded")


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # MISP/MISP#3006: php-resque-ex workers started while Redis loaded its dataset
        (public_paste("php/misp-3006.log"), "redis-loading"),
        ("Error: Redis is LOADING the dataset", "redis-loading"),
        # phpredis 2.2.7-3.1's words for the MASTERDOWN reply (its library.c, commit 24f75854)
        ("SYNC with master in progress or master down!", "redis-masterdown"),
        # ... and for NOAUTH (a blog's PHP error log line, a Redis given a requirepass)
        ("PHP Fatal error:  Uncaught exception 'RedisException' with message 'Failed to AUTH connection'", "redis-noauth"),
    ],
    ids=["misp-3006", "loading-bare", "masterdown", "noauth"],
)
def test_old_phpredis_words_for_server_replies(text, root):
    state, got = verdict_of(text)
    assert state == "failing"
    assert got == root


@pytest.mark.parametrize(
    "text",
    [
        # resque/resque#351: the worker's got/done lines, the Markdown '\*' kept
        public_paste("healthy/resque-351.log"),
        # resque/resque#473 (public heldout41) under Papertrail, Resque 1.19's '** [time] pid: ' prefix
        "Dec 09 16:48:13 production-util resque_0.log: *\\* [16:48:13 2011-12-09] 1737: done: (Job{normal} |"
        " Tasks::UpdateDatafeed | [1])",
        # php-resque's PSR-3 line (its Worker.php format, a real job's id and args from chrisboulton/php-resque#349)
        '[notice] (Job{default} | ID: 5d3629bf42919823d35ddf6ca8e1b609 | My_Job | [{"name":"Chris"}]) has finished',
    ],
    ids=["resque-351", "resque-473", "php-resque"],
)
def test_a_resque_job_done_says_redis_works(text):
    assert verdict_of(text)[0] == "healthy"


def test_a_resque_job_taken_is_not_yet_done():
    assert verdict_of("**\\* got: (Job{status_check} | CheckStatusJob | [])")[0] != "healthy"


@pytest.mark.parametrize(
    "text",
    [
        # sidekiq/sidekiq#976: Celluloid's header pasted alone
        public_paste("nonredis/sidekiq-976.log"),
        # sidekiq/sidekiq#2739's header, here without its WARN level
        "Sidekiq died due to the following error, cannot recover, process exiting",
    ],
    ids=["sidekiq-976", "sidekiq-died"],
)
def test_a_crash_header_alone_is_no_redis_failure(text):
    diag = diag_of(text)
    assert diag.verdict.state not in BAD
    assert "redis-error-unnamed" not in {f.rule_id for f in diag.findings}


def test_the_error_after_a_crash_header_keeps_its_reading():
    # sidekiq/sidekiq#2788 (public heldout41): GitLab's sidekiq.log, the header then the NOAUTH that ended the process
    assert verdict_of(public_paste("ruby/sidekiq-2788.log")) == ("failing", "redis-wrongpass")
    assert verdict_of("Sidekiq died due to the following error, cannot recover, process exiting\n"
                      "NOAUTH Authentication required.\n") == ("failing", "redis-noauth")


def test_monologs_previous_exceptions_are_the_entrys_chain():
    # laravel/horizon#938: an ElastiCache failover, the chain trimmed with blank lines between its causes
    diag = diag_of(public_paste("php/horizon-938.log"))
    assert diag.verdict.root_cause == "redis-readonly"
    assert [f.rule_id for f in diag.findings] == ["redis-readonly"]


def test_a_previous_exception_after_a_blank_line_is_not_an_entry_of_its_own():
    # the same chain with the page's blank line before the cause that names the failure
    text = public_paste("php/horizon-938.log").split("\n\n")
    chain = text[0] + "\n\n" + text[2]  # 'Connection closed', then the READONLY that began it
    assert verdict_of(chain)[1] == "redis-readonly"


@pytest.mark.parametrize(
    "text",
    [
        # yiisoft/yii2-redis#249: Craft CMS's JSON error page on DigitalOcean's Redis
        public_paste("php/yii2-redis-249.log"),
        # the same client's write (its Connection.php)
        'yii\\redis\\SocketException: Failed to write to socket. 0 of 28 bytes written.\nRedis command was: SET key value',
    ],
    ids=["yii2-redis-249", "write"],
)
def test_yii2_redis_socket_failures_are_a_dropped_connection(text):
    assert verdict_of(text) == ("failing", "redis-connection-dropped")


def test_the_os_timing_out_redis_rbs_write_is_a_dropped_connection():
    # resque/resque-loner#29: a MULTI written after a job's long query
    assert verdict_of(public_paste("ruby/resque-loner-29.log")) == ("failing", "redis-connection-dropped")


def test_redis_rbs_own_read_timeout_keeps_its_reading():
    # redis/redis-rb#429 (public): 'Connection timed out' from redis-rb 3.0.7's rescue in io, a command's read timeout
    assert verdict_of(public_paste("ruby/redis-rb-429.log"))[1] == "redis-pool-timeout"
