"""Issue 13, heldout32's classes (a second blind batch of public pastes of Go, JVM and .NET apps, measured on arrival):
a Redis error reply that a structured logger quotes as a field's value (logfmt's error="ERR …"); the JVM refusing a
Redis client's classes as loaded (a linkage error and the verifier's report, no connection tried), which is not a Redis
failure; StackExchange.Redis 1.x/2.0's 'No connection is available' with no connect failure named before its counters,
a connection lost. Every log here is real output: the public pastes of samples/public/ (their threads in
samples/README.md, section E, "Thirty-second batch"); the controls are real pastes that must keep their reading."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, ids, public_paste


def test_a_redis_error_reply_quoted_by_a_structured_logger_is_a_redis_error():
    # Grafana's remote cache logs 'error="ERR invalid expire time in setex"' and no other word of Redis: the reply in
    # Redis' own form is the signal, whatever quote the logger puts before it
    diag = diag_of(public_paste("go/grafana-17377.log"))
    assert diag.verdict.state in ("failing", "degraded")
    assert diag.verdict.root_cause == "redis-error-unnamed"


def test_a_reply_after_a_space_is_read_as_before():
    # control: Cortex' 'err="ERR wrong number of arguments for 'mget' command"' beside its redis_cache.go caller
    assert diag_of(public_paste("go/cortex-2133.log")).verdict.root_cause == "redis-error-unnamed"


def test_the_jvm_refusing_a_redis_clients_classes_is_not_a_redis_failure():
    # a Flink job's netty clash: 'java.lang.VerifyError: Bad type on operand stack', then the verifier's 'Exception
    # Details:' whose frames are Lettuce's class initialiser: the client never connected
    diag = diag_of(public_paste("nonredis/flink-connector-redis-37.log"))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-error-unnamed" not in ids(diag)


def test_a_lettuce_failure_to_connect_is_still_read():
    # control: Lettuce's 'Unable to connect to localhost:6379' under Spring Boot (nothing listens) keeps its cause
    diag = diag_of(public_paste("java/spring-boot-22715.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-econnrefused"


def test_stackexchange_redis_old_no_connection_with_no_connect_failure_is_a_drop():
    # 1.x/2.0: 'No connection is available to service this operation: LPOP mcac-events; IOCP: (…' (workflow-core on Azure
    # when the network went away): no failure type before the counters, so the connection it had was lost
    diag = diag_of(public_paste("dotnet/workflow-core-791.log"))
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_stackexchange_redis_failed_connect_keeps_its_own_cause():
    # control: 'UnableToConnect on 127.0.0.1:6390/Interactive' (HangfireHttpJob, nothing on that port) is no drop
    diag = diag_of(public_paste("dotnet/hangfirehttpjob-7.log"))
    assert diag.verdict.root_cause == "redis-econnrefused"
    assert "redis-connection-dropped" not in ids(diag)


@pytest.mark.parametrize("paste", [
    "nonredis/tyk-pump-383.log",          # MongoDB i/o timeout
    "nonredis/nacos-docker-336.log",       # MySQL's SSL error under 'No DataSource set'
    "nonredis/cortex-2345.log",            # memcached connect timeout
    "healthy/spring-cloud-gateway-1040.log",
])
def test_the_same_apps_other_failures_are_not_redis(paste):
    assert diag_of(public_paste(paste)).verdict.state not in ("failing", "degraded")
