"""Issue 13, heldout25's classes (public pastes of Go, JVM, .NET and Rust apps, measured on arrival): a connection the
server closed in the words of the JVM ('java.net.SocketException: Connection reset'), of StackExchange.Redis 2.x (the
failure's detail between its type and the endpoint) and of Rust (an io::Error's '(os error 10054)', under a 1.73+ panic
whose message stands on the line after its place); an app's check of Redis at start whose read timed out before any
answer (a connection that never became usable, not a slow Redis); the Vert.x Redis client's own words under Quarkus.
Every log here is real output: the public pastes of samples/public/ (their threads in samples/README.md, section E,
"Twenty-fifth batch"); the controls are real pastes that must keep their reading."""

from __future__ import annotations

import pytest

from analyzer.engine.rules import pack_classes
from tests.conftest import diag_of, ids, public_paste


@pytest.mark.parametrize("paste", [
    "java/spring-session-1017.log",        # Jedis under Spring: 'java.net.SocketException: Connection reset'
    "dotnet/stackexchange-redis-1533.log",  # 'SocketClosed (ReadEndOfStream, last-recv: 0) on host:6379/Subscription'
    "rust/redis-rs-1287.log",              # "thread 'redis::test' panicked at …:" then '… (os error 10054)'
])
def test_a_connection_the_server_closed_is_a_drop_in_every_clients_words(paste):
    diag = diag_of(public_paste(paste))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"
    assert "redis-error-unnamed" not in ids(diag)


def test_rusts_os_error_number_says_its_class():
    # Rust's io::Error prints the platform's message and then '(os error N)': the number says the class whatever the
    # message's words (Windows' 10054 here, in wording no class lists)
    line = "called `Result::unwrap()` on an `Err` value: The remote host forcibly closed an existing connection. (os error 10054)"
    classes = pack_classes(())
    assert classes["dropped"].recognises(line)
    assert not classes["refused"].recognises(line)
    # the number alone is no errno: a port that happens to be 10054 says nothing
    assert not classes["dropped"].recognises("Listening on 0.0.0.0:10054 (os error reporting on)")


def test_an_old_style_rust_panic_is_read_as_before():
    # control: Rust before 1.73 put the message inside the panic's line (public heldout15 motorhead#71): one entry
    diag = diag_of(public_paste("rust/motorhead-71.log"))
    assert diag.verdict.state == "failing"


def test_an_apps_startup_ping_that_never_got_an_answer_is_a_connection_timeout():
    # Harbor core pings its ElastiCache at start: 'failed to ping redis://…: read tcp …: i/o timeout', then FATAL
    diag = diag_of(public_paste("go/harbor-20823.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-timeout"


def test_a_read_timeout_outside_a_startup_check_stays_a_command_timeout():
    # control: go-redis' pub/sub connection discarded on a read timeout (public heldout5 hibiken/asynq#556) is no check
    # at start: Redis answers slowly or the client's read timeout is short
    assert diag_of(public_paste("go/asynq-556.log")).verdict.root_cause == "redis-pool-timeout"


def test_the_vertx_redis_clients_own_words_name_redis():
    # Quarkus prints Vert.x' 'Cannot connect to any of the provided endpoints' as a NoStackTraceThrowable, no class
    # naming Redis (public quarkusio/quarkus#37348, the Redis cluster stopped): a Redis failure, not "can't tell"
    diag = diag_of(public_paste("java/quarkus-37348.log"))
    assert diag.verdict.state == "failing"
