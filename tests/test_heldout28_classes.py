"""Issue 13, heldout28's classes (error output pasted outside GitHub issues: blogs, a Stack Overflow question, vendors'
pages; measured on arrival), each fixed for the family, not the paste. Every log here is real output: the public pastes
of samples/public/ (their pages in samples/README.md, section E, "Twenty-eighth batch") and
samples/raw/classes/session10-h30.log (samples/capture/classes/run_s10_h30.sh: Debian's redis-cli 7.0 waiting on a
BLPOP when the server's CLIENT KILL closes its connection). The controls are real lines that must keep their reading."""

from __future__ import annotations

from tests.conftest import ROOT, capture_section, diag_of, ids, public_paste

_S10 = "session10-h30.log"


# --- the server closed a connection a command was reading from, in the words of clients that read it to its end ---

def test_jedis_unexpected_end_of_stream_is_a_dropped_connection():
    # Alibaba Cloud's guide to Jedis' exceptions: the server closed the connection under a read
    diag = diag_of(public_paste("java/aliyun-jedis-unexpected-end-of-stream.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_hiredis_server_closed_the_connection_is_a_dropped_connection():
    # redis-cli (hiredis) on a BLPOP when the server kills its connection; the capture's header names redis-cli
    text = (ROOT / "samples" / "raw" / "classes" / _S10).read_text(encoding="utf-8")
    assert diag_of(text).verdict.root_cause == "redis-connection-dropped"


def test_hiredis_words_alone_tie_nothing_to_redis():
    # control: the same line with nothing around it naming Redis is no Redis finding (affinity asks for a signal)
    diag = diag_of(capture_section(_S10, "redis-cli"))
    assert diag.verdict.state not in ("failing", "degraded")


def test_postgresqls_server_closed_the_connection_is_not_redis():
    # control: PostgreSQL's lowercase 'server closed the connection unexpectedly' under Rails (public nonredis)
    diag = diag_of(public_paste("nonredis/sidekiq-2892.log"))
    assert "redis-connection-dropped" not in ids(diag)


# --- the JVM's read timeout under a Jedis command: the command timed out, Redis is slow or the timeout short ---

def test_a_jedis_commands_read_timeout_is_a_command_timeout():
    # public heldout18 redis/jedis#1881: a GET's reply timed out, frames down to Jedis.get
    diag = diag_of(public_paste("java/jedis-1881.log"))
    assert diag.verdict.state == "degraded"
    assert diag.verdict.root_cause == "redis-pool-timeout"


def test_a_jedis_read_timeout_without_a_command_stays_a_failure():
    # control: public heldout20 redis/jedis#1977, the same words with no command's frame (a plaintext client on an
    # ElastiCache that requires TLS): a connection's first read as well as a command's, not read as a slow Redis
    diag = diag_of(public_paste("java/jedis-1977.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause != "redis-pool-timeout"


# --- StackExchange.Redis' connection log, copied by Sitecore at INFO: its words name Redis ---

def test_stackexchange_redis_failed_to_nominate_is_a_redis_error():
    # Sitecore's StackExchange.Redis 1.x on ElastiCache's Redis 5: 'failed to nominate (Faulted)' and
    # 'UnableToResolvePhysicalConnection on GET', no reason printed: the never-silent finding, not "can't tell"
    diag = diag_of(public_paste("dotnet/jeroen-de-groot-sitecore-elasticache-5.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-error-unnamed"


def test_stackexchange_redis_connect_log_that_succeeded_is_healthy():
    # control: the same client's connection log when it worked (PING answered PONG, 'returned with success')
    diag = diag_of(public_paste("healthy/jeroen-de-groot-sitecore-redis-connect.log"))
    assert diag.verdict.state not in ("failing", "degraded")
    assert not ids(diag) & {"redis-error-unnamed", "redis-connection-dropped"}
