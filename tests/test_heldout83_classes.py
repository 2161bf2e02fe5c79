"""Issue 13, heldout83's classes (session 19, Redis failures as logged by cloud runtimes other than PaaS dynos: AWS
Lambda, ECS, Cloud Run and App Engine, Azure Functions, Kubernetes pods). Three classes, each from the batch's public
pastes (samples/public/heldout83.yaml):

- a Redis client's connection settings printed whole are no failure: StackExchange.Redis' connect log echoes its
  configuration string ('host:6379,asyncTimeout=3000,connectTimeout=3000,abortConnect=False,connectRetry=1') and an
  option's name is no error word (rules/affinity.yaml `unnamed_not`); an error that quotes the string keeps its reading;
- Redisson's command timeout in its older words, the node named instead of the command ('Command execution timeout for
  /10.108.113.3:6379', 'for host/ip:6379') and 'Unable to send command!', is the client's own command timeout
  (redis-pool-timeout), as its 3.x words already were;
- go-redis' Ring marking a shard down after a failed health check ('ring shard state changed: Redis<:6379 db:0> is
  down') is a Redis failure, never "can't tell"; its 'is up' says no failure."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste, verdict_of

BAD = ("failing", "degraded")


def test_a_clients_configuration_string_is_no_failure():
    # StackExchange/StackExchange.Redis#2017: a healthy connect log inside an AWS Lambda
    diag = diag_of(public_paste("healthy/stackexchange-redis-2017.log"))
    assert diag.verdict.state not in BAD
    assert "redis-error-unnamed" not in {f.rule_id for f in diag.findings}


@pytest.mark.parametrize(
    "line",
    [
        # OrchardCore's failure quotes the option inside its message (public heldout, orchardcore-16483)
        "RedisConnectionException: It was not possible to connect to the redis server(s). Error connecting right now. To"
        " allow this multiplexer to continue retrying until it's able to connect, use abortConnect=false in your"
        " connection string or AbortOnConnectFail=false; in your code.",
        # StackExchange/StackExchange.Redis#2710: a Lambda's CloudWatch line with the same words
        public_paste("dotnet/stackexchange-redis-2710.log"),
    ],
    ids=["orchardcore-16483", "stackexchange-redis-2710"],
)
def test_an_error_quoting_the_options_keeps_its_reading(line):
    assert verdict_of(line)[0] == "failing"


# redisson/redisson#2175: Redisson 3.10's words for a command it could not write in time
UNABLE_TO_SEND = (
    "org.redisson.client.RedisTimeoutException: Unable to send command! Try to increase 'nettyThreads' and/or"
    " connection pool size settings Node source: NodeSource [slot=null, addr=null, redisClient=null, redirect=null,"
    " entry=MasterSlaveEntry [masterEntry=[freeSubscribeConnectionsAmount=1, freeConnectionsAmount=31,"
    " client=[addr=redis://127.0.0.1:6379], nodeType=MASTER, firstFail=0]]]"
)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (public_paste("java/redisson-971.log"), "degraded"),
        (public_paste("java/redisson-1694.log"), "degraded"),
        (public_paste("java/redisson-3009.log"), "degraded"),
        (UNABLE_TO_SEND, None),
    ],
    ids=["redisson-971", "redisson-1694", "redisson-3009", "unable-to-send"],
)
def test_redissons_command_timeouts_in_older_words(text, state):
    got_state, root = verdict_of(text)
    assert root == "redis-pool-timeout"
    assert state is None or got_state == state


def test_a_ring_shard_marked_down_is_a_redis_failure():
    # redis/go-redis#1007: a Ring on App Engine whose shard address had no host
    assert verdict_of(public_paste("go/go-redis-1007.log"))[0] == "failing"


def test_a_ring_shard_back_up_is_no_failure():
    # the same line's way back (go-redis ring.go prints 'is up' when the shard passes its health check again)
    assert verdict_of("ring.go:263: ring shard state changed: Redis<10.0.0.3:6379 db:0> is up")[0] not in BAD
