"""Issue 13, heldout21's classes (public pastes measured on arrival, steered towards whether the VERDICT is true to the
log): a Redis server's own log lines are not the app's client failing, a bare reset through redis-py is a dropped
connection, Redisson's replica marked down then up is a drop and a recovery, and an app's own 'Redis reconnecting' line is
a lost connection whose 'connected'/'ready' after it says the client came back. Every log here is real output: the
public pastes of samples/public/ (their threads in samples/README.md, section E, "Twenty-first batch") and the rules'
captures; the few lines written here are the controls that must stay as they were."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, ids, public_paste

_paste = public_paste


@pytest.mark.parametrize("name", [
    "healthy/bitnami-charts-6165.log",  # a replica's 'Error condition on socket for SYNC: Connection refused' in a failover
    "healthy/redis-11748.log",          # 'Reading from client: Connection reset by peer' after clients left
    "healthy/redis-6971.log",           # the same, then a SIGTERM shutdown
    "healthy/redis-1054.log",           # 'Received SIGTERM, scheduling shutdown...', 'ready to exit, bye bye'
])
def test_a_redis_servers_own_lines_are_not_the_client_failing(name):
    diag = diag_of(_paste(name))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-error-unnamed" not in ids(diag)


def test_the_server_line_exclusion_leaves_the_clients_unnamed_errors_and_the_servers_named_failures():
    # an app's Redis error no rule names is still quoted (public heldout25 gocraft/work#151, 'dial tcp …:6379: connect:
    # cannot assign requested address'; heldout17's domain-digger#36 and heldout25's centrifugo#130, used here before,
    # are now named: redis-provider-limit, redis-db-index)
    assert diag_of(_paste("go/gocraft-work-151.log")).verdict.root_cause == "redis-error-unnamed"
    # a rule that names a server's failure still reads the server's line (redis-server-start-failed's capture)
    line = "4442:M 05 Dec 2026 07:33:36.281 # Fatal error loading the DB: Invalid argument. Exiting."
    assert "redis-server-start-failed" in ids(diag_of(line))


def test_a_bare_connection_reset_through_redis_py_is_a_dropped_connection():
    # celery beat: ConnectionResetError raised in redis/connection.py's send_packed_command, the paste cut before the wrapper
    diag = diag_of(_paste("python/celery-once-72.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_a_bare_connection_reset_elsewhere_is_not_redis():
    # control: the same OS error raised in an HTTP client's frames holds no redis-py frame
    text = (
        "Traceback (most recent call last):\n"
        '  File "/usr/local/lib/python3.7/http/client.py", line 1009, in send\n'
        "    self.sock.sendall(data)\n"
        "ConnectionResetError: [Errno 104] Connection reset by peer\n"
    )
    assert "redis-connection-dropped" not in ids(diag_of(text))


def test_redissons_replica_down_then_up_is_a_recovered_drop():
    # Redisson behind sentinels: 'slave: redis://10.42.0.180:6379 is down', then 'is up' and its pools initialized again
    diag = diag_of(_paste("java/bitnami-charts-9478.log"))
    assert diag.verdict.state == "recovered"
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_an_apps_reconnecting_line_then_ready_is_recovered():
    # ioredis' close/reconnecting/connect/ready events as the app logs them (Azure closing idle connections)
    diag = diag_of(_paste("node/ioredis-912.log"))
    assert diag.verdict.state == "recovered"
    assert "redis-client-reconnecting" in ids(diag)


def test_a_reconnecting_line_is_no_root_cause_beside_the_error_it_follows():
    # pino prints 'Redis reconnecting in 2000' before the ENOTFOUND it follows (public heldout14 graphql-hive#7326)
    diag = diag_of(_paste("node/graphql-hive-7326.log"))
    assert diag.verdict.root_cause == "redis-dns-not-found"
    # ioredis' own debug transitions stay read by the lines they come with (public heldout11 redis/ioredis#456)
    assert diag_of(_paste("node/ioredis-456.log")).verdict.state == "recovered"
