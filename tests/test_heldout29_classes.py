"""Issue 13, heldout29's classes (public pastes of apps on Sentinel, Redis Cluster, Kubernetes and managed Redis with
failover, measured on arrival), each fixed for the family, not the paste. Every log here is real output: the public
pastes of samples/public/ (their threads in samples/README.md, section E, "Twenty-ninth batch") and
samples/raw/classes/session10-h31.log (samples/capture/classes/run_s10_h31.sh: redis-cli 7, redis-rb 4.8, ioredis 5
and redis-py 8.2 against a loopback primary with min-replicas-to-write, a Sentinel and a three-master Redis Cluster).
The controls are real lines that must keep their reading."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, ids, public_paste, verdict_of

_S10 = "session10-h31.log"


# --- a primary that refuses writes for want of replicas (min-replicas-to-write), as during a Sentinel failover ---

@pytest.mark.parametrize("section", [
    "redis-cli: SET",         # the bare reply
    "ruby: redis-rb, SET",    # Redis::CommandError
    "node: ioredis, SET",     # ReplyError
    "python: redis-py, SET",  # redis.exceptions.ResponseError
])
def test_noreplicas_is_the_primary_refusing_writes(section):
    assert verdict_of(capture_section(_S10, section)) == ("degraded", "redis-noreplicas")


def test_sidekiq_during_a_sentinel_failover_is_degraded_by_noreplicas():
    # public sidekiq/sidekiq#4940: 'Error fetching job: NOREPLICAS Not enough good replicas to write.' on Kubernetes
    assert verdict_of(public_paste("ruby/sidekiq-4940.log")) == ("degraded", "redis-noreplicas")


def test_a_replica_refusing_writes_stays_readonly():
    # control: READONLY from a replica is another reading (public asynq#854, Sentinel on Kubernetes)
    assert verdict_of(public_paste("go/asynq-854.log")) == ("degraded", "redis-readonly")


# --- redis-py's Sentinel errors: the replica lookup, and the message logged apart from its class ---

@pytest.mark.parametrize("section", [
    "python: redis-py Sentinel, a replica",  # SlaveNotFoundError: No slave found for 'othermaster'
    "python: an app that logs",              # {"error": "No master found for 'othermaster'", "exception": …}
])
def test_sentinel_giving_no_address_in_redis_pys_other_words(section):
    assert verdict_of(capture_section(_S10, section)) == ("failing", "redis-sentinel-no-master")


@pytest.mark.parametrize("name", ["python/netbox-chart-133.log", "python/netbox-7817.log"])
def test_netbox_behind_sentinel_got_no_address(name):
    assert verdict_of(public_paste(name)) == ("failing", "redis-sentinel-no-master")


# --- a Redis Cluster in the client's own words: redis-py drops the reply's first word, Redisson names the slot ---

@pytest.mark.parametrize("section, rule", [
    ("python: redis-py plain client on a cluster", "redis-cluster-redirect"),  # MovedError: 15495 127.0.0.1:…
    ("python: redis-py plain client, the same", "redis-cluster-down"),         # ClusterDownError: The cluster is down
    ("redis-cli: a master of three", "redis-cluster-down"),                    # control: the reply itself
    ("ruby: redis-rb plain client", "redis-cluster-redirect"),                 # control: 'MOVED … (Redis::CommandError)'
])
def test_cluster_replies_whatever_the_client_calls_them(section, rule):
    assert verdict_of(capture_section(_S10, section)) == ("failing", rule)


def test_redissons_slot_not_discovered_during_a_failover_is_the_cluster_down():
    # public redisson/redisson#4859: ElastiCache failover, 'Node: NodeSource [slot=10397, …] hasn't been discovered yet'
    assert verdict_of(public_paste("java/redisson-4859.log")) == ("failing", "redis-cluster-down")


def test_a_moved_whose_node_a_paste_wrapped_in_brackets_is_a_redirect():
    # public shm-open/code-push-server#240: 'MOVED 5285 [x.y.z.42:6379](http://x.y.z.42:6379/)'
    assert verdict_of(public_paste("node/code-push-server-240.log")) == ("failing", "redis-cluster-redirect")


# --- StackExchange.Redis says the connection was established: what failed after is a drop, even on a TLS port ---

def test_a_read_that_timed_out_on_an_established_azure_connection_is_a_drop():
    # public StackExchange/StackExchange.Redis#2703: Azure Cache on 6380, 'SocketFailure … state: ConnectedEstablished …
    # Unable to read data from the transport connection: A connection attempt failed …'
    diag = diag_of(public_paste("dotnet/stackexchange-2703.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    assert "redis-connection-timeout" not in ids(diag)


@pytest.mark.parametrize("name", ["node/ioredis-267.log", "node/ioredis-577.log"])
def test_a_plaintext_client_on_azures_tls_port_is_still_read_so(name):
    # control: ioredis without tls on 6380 (public heldout20) never had a connection established
    assert verdict_of(public_paste(name)) == ("failing", "redis-plaintext-to-tls")


def test_a_mongodb_server_selection_timeout_behind_a_headless_service_is_no_redis_failure():
    # control: a .NET app's MongoDB timeout on Kubernetes (public cravall/mongo-k8s-sidecar#101)
    assert diag_of(public_paste("nonredis/mongo-k8s-sidecar-101.log")).verdict.state not in ("failing", "degraded")


# --- a Cluster client that no node answered: a symptom; the reason it quotes is the root cause ---

def test_ioredis_cluster_with_no_node_answering_is_the_cluster_unreachable():
    # ioredis says no reason: 'Failed to refresh slots cache.', 'None of startup nodes is available'
    assert verdict_of(capture_section(_S10, "node: ioredis Cluster")) == ("failing", "redis-cluster-unreachable")


@pytest.mark.parametrize("section", [
    "python: redis-py RedisCluster",  # 'Redis Cluster cannot be connected. … reachable node: Error 111 … refused.'
    "ruby: redis-rb cluster",         # 'could not fetch cluster information: Error connecting … (Errno::ECONNREFUSED)'
])
def test_the_reason_a_cluster_client_quotes_is_the_root_cause(section):
    diag = diag_of(capture_section(_S10, section))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-econnrefused")
    assert "redis-cluster-unreachable" in ids(diag)


def test_an_elasticache_cluster_no_lambda_could_read_is_named():
    # public redis/ioredis#1330: 'ClusterAllFailedError: Failed to refresh slots cache.' under load, then 'None of
    # startup nodes is available'; before, a Redis error no rule names
    assert verdict_of(public_paste("node/ioredis-1330.log")) == ("failing", "redis-cluster-unreachable")
