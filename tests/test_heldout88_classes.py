"""Issue 13, heldout88's classes (session 20, Redis failures on Windows and macOS hosts and their layers: WSL, Docker
Desktop and Toolbox, Homebrew, the Windows ports of Redis). Two classes, each from the batch's public pastes
(samples/public/heldout88.yaml) and, for the second, real redis-server 7.0.15 crashes (samples/raw/classes/
session20-h90-server-*.log, made by samples/capture/classes/run_s20_h90_server_crash.sh):

- Redisson's Netty handlers named by their class alone ('| CommandsQueue.exceptionCaught(153)' under log4j's
  '%C{1}.%M', logback's shortened 'o.r.c.h.CommandDecoder') and the two sentences they log in Redisson's spelling
  ('Exception occured. Channel: [id: 0x…', 'Unable to decode data. channel: [id: 0x…') name the Redis client, so the
  exception printed under them is Redis's on any port (rules/affinity.yaml `text`), in Windows' words for a reset in
  any locale, and the handler's line alone is a Redis error; Netty's own 'An exceptionCaught() event was fired' names
  no Redis and stays no finding;
- the Redis server's crash report ('Redis 6.0.9 crashed by signal: 11', '=== ASSERTION FAILED ===') is the server
  gone, at start or later (redis-server-start-failed, 'could not start, or crashed'), never "can't tell"; the
  Windows port's access violation beside a client's MISCONF stays MISCONF, and the lines before a crash are no
  failure."""

from __future__ import annotations

import pytest

from tests.conftest import batch_file, diag_of, public_paste, verdict_of

BAD = ("failing", "degraded")

# redisson/redisson#2094: Redisson on a Windows machine, log4j's pattern printing the handler's class and method only,
# a Redis on port 9001
REDISSON_HEADER = (
    "2019-05-07 12:25:16,383 ERROR Exception occured. Channel: [id: 0x4d9736e1, L:/192.168.144.77:56563 -"
    " R:192.168.119.10/192.168.119.10:9001] | CommandsQueue.exceptionCaught(153)\n"
)


@pytest.mark.parametrize(
    "text",
    [
        public_paste("java/redisson-2094.log"),
        # the same reset in Windows' English words (redisson/redisson#1885 quotes them for Redisson's CommandsQueue)
        REDISSON_HEADER + "java.io.IOException: An existing connection was forcibly closed by the remote host\n",
        # ... and in its Russian words (redisson/redisson#945, Redisson under a Russian Windows)
        REDISSON_HEADER + "java.io.IOException: Удаленный хост принудительно разорвал существующее подключение\n",
    ],
    ids=["redisson-2094", "english-windows", "russian-windows"],
)
def test_an_exception_under_redissons_handler_is_redis(text):
    got_state, root = verdict_of(text)
    assert root == "redis-connection-dropped"
    assert got_state in BAD


def test_redissons_handler_line_alone_is_a_redis_error():
    # the same header with nothing under it: an exception on a Redis channel whose words no rule has
    assert verdict_of(REDISSON_HEADER) == ("failing", "redis-error-unnamed")


def test_nettys_own_unhandled_exception_is_no_redis_failure():
    # the Google Pub/Sub emulator's log (Netty under gRPC): the same kind of reset, no Redis anywhere
    text = (
        "[pubsub] Dec 02, 2022 7:31:53 PM io.netty.channel.DefaultChannelPipeline onUnhandledInboundException\n"
        "[pubsub] WARNING: An exceptionCaught() event was fired, and it reached at the tail of the pipeline. It usually"
        " means the last handler in the pipeline did not handle the exception.\n"
        "[pubsub] java.io.IOException: Connection reset by peer\n"
    )
    assert verdict_of(text)[0] not in BAD


@pytest.mark.parametrize(
    "text",
    [
        # redis/redis#8291: Homebrew's x86 Redis 6.0.9 under Rosetta on an M1 Mac, crashing right after start
        public_paste("cpp/redis-8291.log"),
        # real: redis-server 7.0.15 after DEBUG SEGFAULT and DEBUG ASSERT, once it was ready
        batch_file("raw/classes", "session20-h90-server-segfault.log"),
        batch_file("raw/classes", "session20-h90-server-assert.log"),
    ],
    ids=["redis-8291", "segfault-7.0.15", "assert-7.0.15"],
)
def test_a_server_crash_report_is_the_server_gone(text):
    assert verdict_of(text) == ("failing", "redis-server-start-failed")


def test_the_lines_before_a_crash_are_no_failure():
    text = batch_file("raw/classes", "session20-h90-server-segfault.log")
    before = text.split("=== REDIS BUG REPORT START")[0]
    assert "Ready to accept connections" in before
    assert verdict_of(before)[0] not in BAD


def test_the_windows_ports_access_violation_beside_misconf_stays_misconf():
    # redis/redis#13444: Redis 5.0.14.1 for Windows, the client's MISCONF and the server's EXCEPTION_ACCESS_VIOLATION
    assert verdict_of(public_paste("cpp/redis-13444.log"))[1] == "redis-misconf"
