"""Issue 13, heldout57's classes (session 14, a fourth round for Go): Go's net.ErrClosed on a WRITE ('write tcp
…->…:6379: use of closed network connection': a command sent on a connection already closed under the client) is a
dropped connection, while the same words on go-redis' PubSub READ at the app's own shutdown stay healthy; the server
refusing a command inside a Lua script ('ERR This Redis command is not allowed from script', a noscript command or
one a managed service forbids in scripts) is a command the server does not have, not an unnamed error; and Loki's
and Cortex's 'error connecting to redis' with a read timeout is the app's check of Redis at start that never got an
answer (the connection never became usable), not commands timing out. Real output: the batch's public pastes
(samples/public/heldout57.yaml), earlier batches' pastes and redis-server 7.0's reply under redis-cli."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste


@pytest.mark.parametrize("paste", ["go/threatmapper-1305.log", "go/redigo-189.log"])
def test_a_write_on_a_closed_go_connection_is_a_drop(paste):
    # public heldout57 deepfence/ThreatMapper#1305 ('HSET EOF' then 'SETEX write tcp …: use of closed network
    # connection'), heldout5 gomodule/redigo#189 (the line alone)
    diag = diag_of(public_paste(paste))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"


@pytest.mark.parametrize("paste", ["healthy/go-redis-2117.log", "healthy/refinery-1578.log"])
def test_go_redis_pubsub_reader_closed_at_shutdown_is_no_failure(paste):
    # public heldout39: 'discarding bad PubSub connection: read tcp …: use of closed network connection' when the app
    # closes its PubSub itself
    diag = diag_of(public_paste(paste))
    assert diag.verdict.state not in ("failing", "degraded")


def test_a_command_refused_inside_a_script_is_a_command_the_server_lacks():
    # public heldout57 hibiken/asynqmon#210: ElastiCache refuses MEMORY USAGE from asynqmon's script
    diag = diag_of(public_paste("go/asynqmon-210.log"))
    assert diag.verdict.state == "degraded"
    assert diag.verdict.root_cause == "redis-command-unavailable"


def test_redis_server_own_noscript_reply_is_the_same_class():
    # real: redis-server 7.0 under redis-cli, EVAL "return redis.call('subscribe','x')" 0 (session 14)
    line = "ERR This Redis command is not allowed from script script: 2f334966be3d5602175118691c9d198b0a695e53, on @user_script:1.\n"
    diag = diag_of(line)
    assert "redis-command-unavailable" in {f.rule_id for f in diag.findings}


def test_error_connecting_with_a_read_timeout_is_a_connection_that_never_answered():
    # public heldout57 cortexproject/cortex#3290: Loki's cache 'msg="error connecting to redis" … read tcp …: i/o
    # timeout' (a TLS endpoint spoken to in plain TCP, which the log cannot show): the connection never became usable
    diag = diag_of(public_paste("go/cortex-3290.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-timeout"
