"""Issue 13, heldout85's classes (session 20, Redis failures in Python apps, sixth round: Celery/kombu, RQ, dramatiq,
huey, arq, Django Channels, django-redis, self-hosted Python apps). Six classes, each from the batch's public pastes
(samples/public/heldout85.yaml) and the family's other wordings:

- redis-py's traceback ending on the bare 'OSError: [Errno 99] Cannot assign requested address' is the refusal
  redis-econnrefused has long read in 'Error 99 connecting to …' (localhost in a container without IPv6); Go's dialer
  saying it of a remote address (local ports exhausted) is not;
- the server's 'unknown command' reply whose quotes an error tracker dropped ('unknown command HELLO, with args
  beginning with: 3') still names its command: HELLO is redis-server-too-old;
- a Sentinel refusing PUBLISH ('Only HELLO messages are accepted by Sentinel instances.') is a Sentinel spoken to as the
  server (redis-sentinel-as-server);
- a name lookup that failed because the process had no file descriptor left (Go's '… dial udp …:53: socket: too many
  open files', or EMFILE elsewhere in the log) is redis-out-of-file-descriptors, not a DNS fault;
- not failures: Python's 'RuntimeError: can't start new thread' under redis-py's frames, an optimistic transaction that
  lost its race (WatchError, aioredis' WatchVariableError, node-redis' and go-redis' words);
- a cache manager's logger name ('superset.utils.cache_manager:Falling back to the built-in cache … It is recommended to
  use `RedisCache`') is no cache falling back: 'cache' must be a word of its own."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste, verdict_of

BAD = ("failing", "degraded")


@pytest.mark.parametrize(
    "text",
    [
        # cvat-ai/cvat#7282: Django's Redis cache under CVAT's health check, redis-py's first traceback ending bare
        public_paste("python/cvat-7282.log"),
        # the same in a Celery task's redis-py connect (the traceback's frames as Python prints them)
        "Traceback (most recent call last):\n"
        '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 357, in connect\n'
        "    sock = self.retry.call_with_retry(\n"
        '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 745, in _connect\n'
        "    sock.connect(socket_address)\n"
        "OSError: [Errno 99] Cannot assign requested address",
    ],
    ids=["cvat-7282", "celery-task"],
)
def test_an_address_that_cannot_be_assigned_is_a_refusal(text):
    assert verdict_of(text) == ("failing", "redis-econnrefused")


def test_go_out_of_local_ports_stays_unnamed():
    # public heldout25 gocraft/work#151: EC2 to ElastiCache, the host out of local ports, no refusal
    line = "ERROR: worker.fetch - dial tcp 172.31.23.53:6379: connect: cannot assign requested address"
    assert verdict_of(line)[1] != "redis-econnrefused"


def test_an_unrelated_unassignable_address_is_no_redis_failure():
    # redis-server's own bind warning at start-up is the server's line, and a web framework's is another service's
    for text in (
        "1:M 05 May 2025 11:23:04.084 # Warning: Could not create server TCP listening socket ::1:6379: bind: Cannot"
        " assign requested address",
        "OSError: [Errno 99] Cannot assign requested address\n  File \"/app/venv/lib/python3.11/site-packages/uvicorn/"
        'server.py", line 161, in startup',
    ):
        assert verdict_of(text)[0] not in BAD


@pytest.mark.parametrize(
    "text",
    [
        # neodb-social/neodb#1585: Sentry's issue title, the reply's quotes gone
        public_paste("python/neodb-1585.log"),
        "redis.exceptions.ResponseError: unknown command HELLO, with args beginning with: 3",
        # the quoted forms already read so (Redis 6.2+, and before 6.0)
        "ERR unknown command 'HELLO', with args beginning with: '3'",
        "redis.exceptions.ResponseError: unknown command 'HELLO'",
    ],
    ids=["neodb-1585", "unquoted", "quoted-62", "quoted-5"],
)
def test_hello_unknown_to_the_server_is_a_server_too_old(text):
    assert verdict_of(text)[1] == "redis-server-too-old"


def test_a_command_line_tools_unknown_command_stays_no_redis_reply():
    assert verdict_of('Error: unknown command "serve" for "app"')[0] not in BAD


@pytest.mark.parametrize(
    "text",
    [
        # redis/redis-py#966: a Python publisher given the Sentinel's port
        public_paste("python/redis-py-966.log"),
        # real: redis-server 7.0.15 in Sentinel mode under redis-cli, PUBLISH events hello
        "ERR Only HELLO messages are accepted by Sentinel instances.",
    ],
    ids=["redis-py-966", "redis-cli"],
)
def test_a_sentinel_refusing_publish_is_a_sentinel_spoken_to_as_the_server(text):
    assert verdict_of(text) == ("failing", "redis-sentinel-as-server")


@pytest.mark.parametrize(
    "text",
    [
        # mozilla-services/cliquet#664: 'localhost' did not resolve while the process was out of descriptors
        public_paste("python/cliquet-664.log"),
        # Go's resolver, its own socket refused (the wording of a public Go crawler's README, here under go-redis)
        "redis: dial tcp: lookup redis on 127.0.0.11:53: dial udp 127.0.0.11:53: socket: too many open files",
    ],
    ids=["cliquet-664", "go-resolver"],
)
def test_a_lookup_failed_for_want_of_descriptors_is_out_of_file_descriptors(text):
    assert verdict_of(text) == ("failing", "redis-out-of-file-descriptors")


def test_a_lookup_failing_alone_stays_dns():
    assert verdict_of("redis: dial tcp: lookup redis on 127.0.0.11:53: no such host")[1] == "redis-dns-not-found"


@pytest.mark.parametrize(
    "text",
    [
        # netbox-community/netbox-docker#814: RQ's worker starting redis-py's pubsub thread on an old Docker
        public_paste("nonredis/netbox-docker-814.log"),
        # python-arq/arq#147: another worker claimed the job first
        public_paste("healthy/arq-147.log"),
        "redis.exceptions.WatchError: Watched variable changed.",
        "[ErrorReply: WatchError: One (or more) of the watched keys has been changed]",
        "ERROR failed to reserve seat: redis: transaction failed",
    ],
    ids=["netbox-docker-814", "arq-147", "redis-py", "node-redis", "go-redis"],
)
def test_a_thread_refused_or_a_lost_watch_race_is_no_redis_failure(text):
    diag = diag_of(text)
    assert diag.verdict.state not in BAD
    assert "redis-error-unnamed" not in {f.rule_id for f in diag.findings}


def test_a_cache_managers_logger_name_is_no_fallback():
    # apache/superset#25182: the advice at start-up, then PostgreSQL's unresolved name
    assert verdict_of(public_paste("nonredis/superset-25182.log"))[0] not in BAD


@pytest.mark.parametrize(
    "line",
    [
        "cache unavailable, falling back to database: cache timeout after 1000ms",
        "[cache] redis not ready; using in-memory cache",
        "2026-12-06 10:00:01,002 WARNING app.cache: cache: Redis down, falling back to the database",
    ],
)
def test_a_cache_named_as_a_word_still_falls_back(line):
    assert verdict_of(line)[0] == "degraded"
