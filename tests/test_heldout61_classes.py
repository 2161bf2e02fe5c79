"""Issue 13, heldout61's classes (session 15, a third round of the JVM and .NET ecosystems): the JVM's 'Caused by: …'
pasted under the frames of the call it ended (a trace pasted from its middle) belongs to those frames, which name the
client; Windows' WSAECONNRESET text back-translated into English, and the JVM's and netty's ClosedChannelException (a
write on a channel closed under the client), are a dropped connection; the JVM running out of its own memory in a
Redis client's thread is not a Redis error; vert.x's NoStackTraceThrowable, the only word of failure of a Quarkus Redis
error, is an error line. Real output: the batch's public pastes (samples/public/heldout61.yaml) and, cited at each
test, lines of other public threads."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste

# redisson/redisson#4293 (public thread, Redisson 3.17 under Spring Boot): netty's encoder out of direct memory
REDISSON_DIRECT_OOM = (
    "2022-05-13 10:55:19.562  WARN 35848 --- [isson-netty-2-4] i.n.c.AbstractChannelHandlerContext      : Failed to mark a "
    "promise as failure because it has failed already: DefaultChannelPromise@10fe617b(failure: io.netty.handler.codec."
    "EncoderException: java.lang.OutOfMemoryError), unnotified cause: io.netty.handler.codec.EncoderException: "
    "java.lang.OutOfMemoryError\n"
    "\tat io.netty.handler.codec.MessageToByteEncoder.write(MessageToByteEncoder.java:125)\n"
    "\tat org.redisson.client.handler.CommandEncoder.write(CommandEncoder.java:75)\n"
)


def test_a_jvm_cause_pasted_under_the_client_frames_is_the_client_failure():
    # public heldout61 redis/lettuce#912: '\tat …LettuceKeyCommands.exists(…)', '\t... 59 more', then 'Caused by:
    # java.io.IOException: The remote host has forced an existing connection to close.' (Windows' reset, back-translated)
    diag = diag_of(public_paste("java/lettuce-912.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_a_jvm_cause_under_another_service_frames_stays_not_redis():
    # public heldout paste: Keycloak's 'Caused by: org.postgresql.util.PSQLException: FATAL: password authentication
    # failed' under JBoss frames (bitnami/charts#7536)
    diag = diag_of(public_paste("nonredis/bitnami-charts-7536.log"))
    assert diag.verdict.state not in ("failing", "degraded")


def test_a_closed_channel_under_a_redis_client_is_a_drop():
    # public heldout61 quarkusio/quarkus#36853: vert.x' RedisConnectionManager logger, then 'stacktrace :
    # io.netty.channel.StacklessClosedChannelException' (connections closed under the client after a DNS failure)
    diag = diag_of(public_paste("java/quarkus-36853.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"


@pytest.mark.parametrize("text", [public_paste("nonredis/redisson-5651.log"), REDISSON_DIRECT_OOM])
def test_the_jvm_out_of_memory_in_a_redis_client_thread_is_not_redis(text):
    # public heldout61 redisson/redisson#5651 (Java heap space, then 'Exception in thread "redisson-netty-1-6"') and
    # redisson/redisson#4293 (netty's EncoderException: java.lang.OutOfMemoryError under Redisson's encoder, on WARN)
    diag = diag_of(text)
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-error-unnamed" not in {f.rule_id for f in diag.findings}


def test_redis_out_of_memory_reply_is_still_redis():
    # public heldout paste: Redisson's RedisOutOfMemoryException, Redis's own OOM reply (redisson/redisson#1955)
    diag = diag_of(public_paste("java/redisson-1955.log"))
    assert diag.verdict.root_cause == "redis-oom"


def test_vertx_no_stack_trace_throwable_is_an_error_line():
    # public heldout61 quarkusio/quarkus#41548: the pool's TLS and the URL's scheme disagree; which side is wrong the
    # line cannot say (heldout25's quarkus#34761 prints the same for the other fault), but it is a Redis error
    diag = diag_of(public_paste("java/quarkus-41548.log"))
    assert diag.verdict.state == "failing"
