"""Issue 13, heldout74's classes (session 18, users writing in languages other than English, a third round): the app's
own words in Chinese for Redis working ('Redis 连接成功', '连接redis成功': the Yunzai bots) are a client working, as
their English twins are, while '正在连接 redis://…' (connecting) stays no success; its words for failing over to
another store ('Redis连接失败，使用文件存储: <redis-py's error>': Redis failed, using file storage) are the app's own
fallback, so the refusal in the same line leaves Redis degraded, not failing; an app's 'connected to new redis client'
(Evolution API) is a client working; and the Redis server refusing to start on its configuration (Redis 7's 'Fatal
error, can't open config file', '*** FATAL CONFIG FILE ERROR ***', the Windows port's 'Invalid argument during
startup: Failed to open the .conf file' and its 'Could not create server TCP listening socket …: bind: <Windows'
Chinese words>' with no log prefix) is the server that could not start, not the client's EINVAL that the
'invalid_address' class reads in 'Invalid argument' on a line naming Redis. Real output: the batch's public pastes
(samples/public/heldout74.yaml) and redis-server 7.0.15 (samples/raw/classes/session18-h76-server-config.log, made by
samples/capture/classes/run_s18_h76.sh)."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, ids, public_paste

# (paste, verdict, root cause): the batch's pastes each class was made from
PASTES = [
    # hsliuping/TradingAgents-CN#273: 'Redis连接失败，使用文件存储: Error 111 connecting to localhost:6379. Connection refused.'
    ("zh/tradingagents-cn-273.log", "degraded", "redis-econnrefused"),
    # tporadowski/redis#119: Redis 5.0.14 for Windows, 'Invalid argument during startup: Failed to open the .conf file'
    ("zh/tporadowski-redis-119.log", "failing", "redis-server-start-failed"),
    # evolution-foundation/evolution-api#652: '[Redis] [string] connected to new redis client'
    ("pt/evolution-api-652.log", "healthy", None),
    # yoimiya-kokomi/Miao-Yunzai#158 and Le-niao/Yunzai-Bot#802: 'Redis 连接成功' / '连接redis成功', then a QQ failure
    ("nonredis/miao-yunzai-158.log", "healthy", None),
    ("nonredis/yunzai-bot-802.log", "healthy", None),
]


@pytest.mark.parametrize(("paste", "state", "root"), PASTES)
def test_heldout74_class_reads_its_paste(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)


def test_the_app_connecting_is_no_success():
    # yoimiya-kokomi/Miao-Yunzai#499: connecting, then its own 'Redis 错误：Error: Connection timeout' twice
    diag = diag_of(public_paste("zh/miao-yunzai-499.log"))
    assert diag.verdict.state == "failing"
    assert "redis-client-working" not in ids(diag)


@pytest.mark.parametrize("section", ["redis-server", "redis-server bad.conf"])
def test_a_server_refusing_its_configuration_could_not_start(section):
    # redis-server 7.0.15: a config file that does not exist, an unknown directive
    diag = diag_of(capture_section("session18-h76-server-config.log", section))
    assert diag.verdict.root_cause == "redis-server-start-failed"


def test_a_clients_invalid_argument_stays_the_address_class():
    # samples/raw/classes/url-as-host-einval.log's redis-py line: the client's EINVAL, not a server's start
    line = "redis.exceptions.ConnectionError: Error 22 connecting to fe80::1:6379. Invalid argument.\n"
    diag = diag_of(line)
    assert diag.verdict.root_cause in {"redis-address-invalid", "redis-url-malformed"}  # as before this batch
    assert "redis-server-start-failed" not in ids(diag)


def test_redis_7s_bind_warning_is_no_exit():
    # Redis 7 warns and goes on to 'Failed listening' (or not, for an optional address)
    line = ("1:M 05 May 2025 11:23:04.084 # Warning: Could not create server TCP listening socket ::1:6379: bind: "
            "Cannot assign requested address\n")
    assert "redis-server-start-failed" not in ids(diag_of(line))
