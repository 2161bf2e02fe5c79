"""Issue 13, heldout44's classes (a blind batch of public pastes from operators of self-hosted apps, measured on
arrival): a Redis server that could not create its unix socket exits as one that could not load its data or bind its
port; Go's 'dial unix <path>: connect: no such file or directory' on a Redis socket is the unix form of the refusal,
as redis-py's, phpredis', Predis' and redis-rb's already were (another service's socket stays not Redis); a client in
Sentinel mode given a Redis server as its Sentinel (SENTINEL unknown) is the mirror of a Sentinel given as the server;
an app's own 'Retrying redis connection' line is the client reconnecting. Every log here is real output: the public
pastes of samples/public/ (their threads in samples/README.md, section E, "Forty-fourth batch") and the captures of
samples/raw/classes/session12-h46.log (samples/capture/classes/run_s12_h46.sh)."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, ids, public_paste, verdict_of

CAPTURE = "session12-h46.log"


# --- the server's unix socket ---

@pytest.mark.parametrize("section", [
    "redis-server, unixsocket in a directory that does not exist",
    "redis-server as nobody, unixsocket in a directory only root may write",
])
def test_a_server_that_could_not_create_its_unix_socket_did_not_start(section):
    # redis-server 7.0.15 exits on 'Failed opening Unix socket: bind: <reason>' (port 0: no other listener); it was
    # "can't tell", the server's start lines alone
    assert verdict_of(capture_section(CAPTURE, section)) == ("failing", "redis-server-start-failed")


def test_gitlabs_socket_on_a_volume_that_holds_none():
    # GitLab omnibus on arm64: redis-server's 'bind: Operation not supported', then KAS 'Program aborted: redis client:
    # dial unix /var/opt/gitlab/redis/redis.socket: connect: operation not supported'
    assert verdict_of(public_paste("go/gitlab-ce-arm64v8-docker-4.log")) == ("failing", "redis-server-start-failed")


# --- Go's dial unix ---

def test_go_on_a_missing_redis_socket_is_refused():
    # go-redis v5: 'dial unix …/nodir/redis.sock: connect: no such file or directory' was "can't tell"; its refused
    # form was already read, and so were the other clients' ENOENT on a socket
    body = capture_section(CAPTURE, "go-redis v5, the socket file does not exist")
    assert "connect: no such file or directory" in body
    assert verdict_of(body) == ("failing", "redis-econnrefused")
    stale = capture_section(CAPTURE, "go-redis v5, a socket file nobody listens on")
    assert verdict_of(stale) == ("failing", "redis-econnrefused")


def test_go_on_another_services_missing_socket_is_not_redis():
    # the same Go wording on PostgreSQL's socket, nothing of Redis in the path or the entry: no Redis finding
    body = capture_section(CAPTURE, "Go net.Dial, PostgreSQL's socket")
    assert ".s.PGSQL.5432: connect: no such file or directory" in body
    diag = diag_of(body)
    assert diag.verdict.state == "unknown" and not ids(diag)


# --- Sentinel mode on a Redis server ---

@pytest.mark.parametrize("section", [
    "ioredis, sentinels: [the Redis server]",
    "redis-py, Sentinel([the Redis server])",
])
def test_a_sentinel_client_given_a_redis_server(section):
    # ioredis 'All sentinels are unreachable … Last error: ERR unknown command 'sentinel'', redis-py 'ResponseError:
    # unknown command 'SENTINEL', with args beginning with: 'MASTERS'': was degraded, a command the server lacks
    assert verdict_of(capture_section(CAPTURE, section)) == ("failing", "redis-server-as-sentinel")


def test_harbor_operators_sentinel_url_on_a_plain_redis():
    # redigo: 'no sentinels available; last error: ERR unknown command `SENTINEL`' then FATAL
    assert verdict_of(public_paste("go/harbor-operator-1008.log")) == ("failing", "redis-server-as-sentinel")


def test_a_data_command_unknown_still_means_a_sentinel_given_as_the_server():
    # the reverse case keeps its cause: Sentinel knows no GET
    assert verdict_of("ReplyError: ERR unknown command 'GET', with args beginning with: 'session:1'") == (
        "failing", "redis-sentinel-as-server")


# --- the app's own retry line ---

def test_outlines_retry_lines_say_the_client_is_reconnecting():
    # '{"level":"warn","message":"Retrying redis connection: attempt 1"}' to 4 and nothing else: was "can't tell"
    diag = diag_of(public_paste("node/outline-4873.log"))
    assert diag.verdict.state == "failing"
    assert "redis-client-reconnecting" in ids(diag)


def test_retrying_something_else_is_not_redis():
    # a retry of another connection in the same words
    line = public_paste("node/outline-4873.log").replace("redis connection", "database connection")
    assert verdict_of(line)[0] == "unknown"


# --- a Redis unix socket the app may not open ---

PERM = "session12-h46-perm.log"


@pytest.mark.parametrize("section", [
    "redis-py as nobody",
    "redis-rb as nobody",
    "phpredis as nobody",
    "ioredis as nobody",
    "go-redis v5 as nobody",
])
def test_every_client_refused_the_redis_socket_names_its_permissions(section):
    # redis-server 7.0.15 as root with unixsocketperm 700, each client as nobody: 'Error 13 … Permission denied.',
    # 'Permission denied - connect(2) for …', 'RedisException: Permission denied', 'connect EACCES …', 'connect:
    # permission denied'; each was "a Redis error no rule names"
    assert verdict_of(capture_section(PERM, section)) == ("failing", "redis-socket-permission")


def test_another_sockets_permission_is_not_redis():
    # Go refused a root-only docker.sock in the same words: nothing names Redis
    body = capture_section(PERM, "Go net.Dial as nobody, a root-only socket named docker.sock")
    assert "docker.sock: connect: permission denied" in body
    diag = diag_of(body)
    assert diag.verdict.state == "unknown" and not ids(diag)


def test_the_same_socket_opened_by_its_owner_says_nothing_of_a_failure():
    # root's redis-py on the same socket printed its PING's True: no failure is read
    assert verdict_of(capture_section(PERM, "redis-py as root, the same socket"))[0] == "unknown"
