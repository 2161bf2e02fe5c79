"""Issue 13, heldout54's classes: real captures of high-availability Redis broken on purpose (Sentinel failovers, every
Sentinel down, a wrong master name, READONLY, MASTERDOWN, NOREPLICAS; Cluster node loss, MOVED, CROSSSLOT, TRYAGAIN)
across ioredis, node-redis 4/5, redis-py, redis-rb and phpredis, made as samples/README.md section L, heldout54, says.
Each test feeds the real output, or a part of it, to the pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import batch_capture, batch_lines, diag_of, ids, verdict_of


def _capture(name: str) -> str:
    return batch_capture("heldout54", name)


# -- a reply's code carried by the client's exception class, not by the message ---------------------------------------

def test_redis_pys_master_down_error_is_masterdown():
    # redis-py 8.2 raises MASTERDOWN as 'redis.exceptions.MasterDownError: Link with MASTER is down and …' (the code
    # dropped, as in ReadOnlyError, MovedError, ClusterDownError): read as a Redis error no rule names
    assert verdict_of(_capture("redis-py/masterdown-replica.log")) == ("failing", "redis-masterdown")


# -- each Cluster client's own words for a cluster that is down or that no node of answered -----------------------------

def test_phpredis_cluster_down_is_the_cluster_down():
    # phpredis: 'RedisClusterException: The Redis Cluster is down (CLUSTERDOWN)' (the code in parentheses)
    assert verdict_of(_capture("phpredis/cluster-shard-lost.log")) == ("failing", "redis-cluster-down")


def test_phpredis_with_no_seed_answering_is_the_cluster_unreachable():
    # 'PHP Fatal error:  Uncaught RedisClusterException: Couldn't map cluster keyspace using any provided seed'
    assert verdict_of(_capture("phpredis/cluster-all-down.log")) == ("failing", "redis-cluster-unreachable")


def test_node_redis_root_nodes_unavailable_is_the_cluster_unreachable():
    # node-redis 5's createCluster: 'Failed to start: RootNodesUnavailableError: All the root nodes are unavailable'
    # after each seed's refusal: the refusal is the root cause (the reason, as the house reads any Cluster symptom), the
    # Cluster finding linked to it
    diag = diag_of(_capture("node-redis5/cluster-all-down.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-econnrefused")
    assert "redis-cluster-unreachable" in ids(diag)
    assert verdict_of(batch_lines("heldout54", "node-redis5/cluster-all-down.log", "RootNodesUnavailableError")) == (
        "failing", "redis-cluster-unreachable")


def test_node_redis_none_of_the_sentinels_is_the_sentinel_lookup():
    # node-redis 5's createSentinel: 'Error: None of the sentinels are available'
    assert verdict_of(batch_lines("heldout54", "node-redis5/sentinels-all-down.log", "None of the sentinels")) == (
        "failing", "redis-sentinel-no-master")
    assert "redis-sentinel-no-master" in ids(diag_of(_capture("node-redis5/sentinels-all-down.log")))


# -- a Sentinel's or a cluster node's loopback address is no REDIS_URL --------------------------------------------------

@pytest.mark.parametrize("name, root", [
    # refusals of the Sentinels the client was given, on a log with Render paths: read 'REDIS_URL points to a loopback
    # address' (a URL was read), though no REDIS_URL is involved
    ("node-redis5/sentinels-all-down.log", "redis-econnrefused"),
    ("redis-py/cluster-all-down.log", "redis-econnrefused"),
    # the refusal of the master that went away, in a cluster that then says CLUSTERDOWN
    ("redis-py/cluster-shard-lost.log", "redis-cluster-down"),
])
def test_a_topologys_loopback_node_is_no_redis_url(name, root):
    diag = diag_of(_capture(name))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", root)
    assert "redis-url-loopback" not in ids(diag)


# -- a Cluster client that followed the redirects until it gave up -----------------------------------------------------

def test_too_many_cluster_redirections_is_the_cluster_down():
    # ioredis' Cluster: 'Too many Cluster redirections. Last error: ReplyError: MOVED 2775 127.0.0.1:7820' (the dead
    # master's slot) was read as a plain client against a cluster
    diag = diag_of(_capture("ioredis/cluster-master-killed.log"))
    assert diag.verdict.root_cause == "redis-cluster-down"
    assert "redis-cluster-redirect" not in ids(diag)


def test_a_plain_client_on_a_cluster_node_is_still_the_redirect():
    # control: new Redis(url) on one node: 'GET /api/cart/40 500 1ms - MOVED 7623 127.0.0.1:7821'
    assert verdict_of(_capture("ioredis/cluster-plain-client.log")) == ("failing", "redis-cluster-redirect")


# review h63: a Cluster client that gave up following redirects is a down cluster only where the log shows a node
# failing; the give-up alone also comes from nodes announced at addresses the app cannot reach. Public
# https://github.com/redis/ioredis/issues/1587 (an Azure cluster over TLS, MOVED to shard port 15003), its line verbatim
IOREDIS_1587 = '   2022-05-24T10:28:53.60+0530 [APP/PROC/WEB/0] OUT {"written_at":"2022-05-24T04:58:53.606Z","written_ts":1653368333606000000,"csn_component":"-","correlation_id":"-","type":"log","logger":"nodejs-logger","layer":"/Application/utils/redis","level":"error","container_id":"<redacted_container_ip>","component_type":"application","component_id":"<redacted_component_id>","component_name":"<redacted_component_name>","component_instance":-1,"source_instance":-1,"organization_id":"<redacted_cf_org_id>","organization_name":"<redacted_cf_org_name>","space_id":"<redacted_cf_space_id>","space_name":"<redacted_cf_space_name>","context_id":"","msg":"Unable to get key {CONFIG}_REDACTED_KEY_2 [Error: Too many Cluster redirections. Last error: ReplyError: MOVED 15581 <redacted_redis_ip>:15003]"}\n'  # noqa: E501


def test_a_cluster_client_giving_up_with_no_node_failing_is_no_cluster_down():
    assert verdict_of(IOREDIS_1587)[1] == "redis-cluster-redirect"
    assert verdict_of(batch_capture("heldout54", "ioredis/cluster-master-killed.log")) == ("failing", "redis-cluster-down")


def test_crossslot_beside_a_cluster_client_that_gave_up_is_no_plain_client():
    # heldout54's two ioredis Cluster captures in one log: the client followed redirects, so it is cluster-aware
    text = batch_capture("heldout54", "ioredis/cluster-master-killed.log") + batch_capture("heldout54", "ioredis/cluster-crossslot.log")
    assert verdict_of(text)[1] != "redis-cluster-redirect"
