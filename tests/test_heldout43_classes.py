"""Issue 13, heldout43's classes (a second blind batch of public JVM and .NET pastes, measured on arrival): Windows'
connection-aborted error (WSAECONNABORTED) in its other locales; StackExchange.Redis naming the OS's reason for the
socket it lost after the command; CSRedisCore's own sentence for a connect that timed out; Lua scripting refused as an
unknown command (a provider or a company's proxy turned it off, not a Sentinel); a Jedis pool whose cause chain is the
JVM's connect exception for a reason no rule names (a failed connect, not an exhausted pool).
Every log here is real output: the public pastes of samples/public/ (their threads in samples/README.md, section E,
"Forty-third batch"); the controls are real pastes that must keep their reading."""

from __future__ import annotations

import pytest

from analyzer.engine.rules import pack_classes
from tests.conftest import diag_of, ids, public_paste


@pytest.mark.parametrize("paste", [
    "dotnet/csredis-11.log",                # CSRedis under IIS: 'Unable to write data … 你的主机中的软件中止了一个已建立的连接'
    "dotnet/stackexchange-redis-1280.log",  # '…: EXISTS …; An existing connection was forcibly closed by the remote host; IOCP'
])
def test_a_connection_the_host_lost_is_a_drop(paste):
    diag = diag_of(public_paste(paste))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_windows_connection_aborted_is_the_dropped_class_in_every_locale():
    dropped = pack_classes(())["dropped"]
    # 10053 in English (before) and Chinese (csredis#11); the German and Russian texts were taken out in review: they
    # came from public code quoting them, not from a paste or a capture with its address
    assert dropped.recognises("An established connection was aborted by the software in your host machine.")
    assert dropped.recognises("System.Net.Sockets.SocketException: 你的主机中的软件中止了一个已建立的连接。")
    # a connect that timed out is not a drop (Windows' 10060 in Chinese stays the timeout class's)
    assert not dropped.recognises("由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。")


def test_stackexchange_redis_no_connection_without_a_reason_stays_unread():
    # control: the same message naming a failed connect keeps the connect's reading (ConnectTimeout is a timeout)
    diag = diag_of("Unhandled exception. StackExchange.Redis.RedisConnectionException: No connection is active/available"
                   " to service this operation: SET keyName ; It was not possible to connect to the redis server(s). "
                   "ConnectTimeout, mc: 1/1/0, mgr: 10 of 10 available, clientName: ip adderss, IOCP: (Busy=0,Free=1000,"
                   "Min=2,Max=1000), WORKER: (Busy=2,Free=32765,Min=2,Max=32767), v: 2.2.88.56325")
    assert diag.verdict.root_cause == "redis-connection-timeout"


def test_csredis_connect_timeout_is_a_connection_timeout():
    diag = diag_of(public_paste("dotnet/csredis-443.log"))  # 'RedisSocketException: Connect to server timeout'
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-timeout"
    timeout = pack_classes(())["timeout"]
    assert timeout.recognises(" ---> CSRedis.Internal.IO.RedisSocketException: Connect to server timeout")
    assert not timeout.recognises("CSRedis.RedisClientException: Connection was not opened")


def test_lua_refused_as_unknown_is_a_disabled_command_not_a_sentinel():
    diag = diag_of(public_paste("java/redisson-2734.log"))  # "RedisException: ERR unknown command 'EVAL'"
    assert diag.verdict.state == "degraded"
    assert diag.verdict.root_cause == "redis-command-unavailable"
    assert "redis-sentinel-as-server" not in ids(diag)


def test_a_data_command_refused_as_unknown_is_still_a_sentinel():
    # control: the Sentinel reading keeps the commands a Sentinel lacks and no provider turns off (heldout37's ECHO)
    diag = diag_of(public_paste("dotnet/hangfire-redis-stackexchange-107.log"))
    assert diag.verdict.root_cause == "redis-sentinel-as-server"


def test_a_jedis_pool_over_a_failed_connect_is_not_an_exhausted_pool():
    # 'Could not get a resource from the pool' … 'Caused by: …java.net.ConnectException: Can't assign requested address'
    diag = diag_of(public_paste("java/jedis-1196.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-error-unnamed"
    assert "redis-pool-timeout" not in ids(diag)


@pytest.mark.parametrize("paste,cause", [
    # controls: a pool over a refusal keeps the refusal, a pool with no cause chain stays a pool
    ("java/jodis-23.log", "redis-econnrefused"),
    ("java/jedis-2432.log", "redis-pool-timeout"),
])
def test_a_jedis_pool_keeps_its_other_readings(paste, cause):
    assert diag_of(public_paste(paste)).verdict.root_cause == cause
