"""The classes behind the fifth held-out batch's misses (issue 13, samples/public/heldout5.yaml).

Each test reads real output: the capture made here (samples/raw/classes/session5.log, made by
samples/capture/classes/run_s5.sh: an mTLS Redis refusing client certificates, a Redis Cluster answering
clients that do not follow redirects, then losing a master) or the public pastes of the batch. Each failed
before its rule data changed: the log got "Can't tell", the never-silent finding, or a false alarm.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, diag_of, ids

RAW = ROOT / "samples" / "raw" / "classes"
SESSION5 = (RAW / "session5.log").read_text(encoding="utf-8")
PUBLIC = ROOT / "samples" / "public"


def _section(title: str) -> str:
    """The lines the capture printed under one '=== title' header."""
    start = SESSION5.index("=== " + title)
    body = SESSION5[start:].split("\n", 1)[1]
    return body.split("\n=== ", 1)[0] + "\n"


def _paste(name: str) -> str:
    return (PUBLIC / name).read_text(encoding="utf-8")


def _root(text: str) -> tuple[str, str | None]:
    diag = diag_of(text)
    return diag.verdict.state, diag.verdict.root_cause


# ---- a Redis Cluster's replies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["redis-cli without -c", "node-redis 4 createClient against one cluster node", "ioredis 5 new Redis() against one cluster node"],
)
def test_a_redirect_the_client_did_not_follow_names_the_cluster(title):
    text = _section(title)
    assert "MOVED 12182 127.0.0.1:17103" in text
    assert _root(text) == ("failing", "redis-cluster-redirect")
    diag = diag_of(text)
    finding = next(f for f in diag.findings if f.rule_id == "redis-cluster-redirect")
    assert finding.fields.get("node") == "127.0.0.1:17103" and finding.fields.get("slot") == "12182"


@pytest.mark.parametrize("name", ["node/node-redis-2208.log", "go/confd-627.log", "dotnet/stackexchange-redis-248.log"])
def test_public_redirects_in_every_client_layout_are_the_cluster_redirect(name):
    # a masked node ('<IP>'), a Go daemon's log prefix, StackExchange.Redis' exception: each was "Can't tell" or
    # the never-silent finding
    assert _root(_paste(name)) == ("failing", "redis-cluster-redirect")


def test_moved_needs_its_slot_and_node():
    # the word alone, or with a number but no node, is an app's own text
    for line in ("2024-05-01 12:00:03 ERROR job MOVED 3 files to archive\n", "Item 42 was MOVED 3 times, fatal\n"):
        assert "redis-cluster-redirect" not in ids(diag_of(line))
    # nor is such a line a Redis line for the never-silent finding
    assert diag_of("ERROR: ASK 5 questions before the deploy failed\n").verdict.state == "unknown"


def test_a_cluster_with_a_slot_unserved_is_down():
    text = _section("a master stopped")
    assert "CLUSTERDOWN The cluster is down" in text
    assert _root(text) == ("failing", "redis-cluster-down")


# ---- mTLS: the server refused the client's certificate ----------------------------------------------------------


def test_go_names_the_alert_the_server_sent_about_the_client_certificate():
    # Go's crypto/tls, TLS 1.2 and 1.3, a certificate of another CA and a self-signed one (real): all four the same
    lines = [line for line in SESSION5.splitlines() if line.startswith("redis: getting command info:")]
    assert len(lines) == 4 and {line.split(": ", 2)[2] for line in lines} == {"remote error: tls: unknown certificate authority"}
    assert _root(lines[0] + "\n") == ("failing", "redis-tls-certificate")
    # go-redis' cluster client in a paste (go-redis#2223), two entries run together on one line
    assert _root(_paste("go/go-redis-2223.log")) == ("failing", "redis-tls-certificate")
    # the same alert printed by an HTTP client with nothing of Redis near it is not Redis's
    assert diag_of("GET https://api.example.com/v1 failed: remote error: tls: unknown certificate authority\n").verdict.state == "unknown"


def test_node_and_the_server_spell_the_same_refusal_their_way():
    node = _section("node tls, a client certificate of another CA")
    assert "alert unknown ca" in node and "ERR_SSL_TLSV1_ALERT_UNKNOWN_CA" in node
    server = _section("redis-server's own log")
    assert "certificate verify failed" in server


# ---- the JVM's and .NET's clients: pools, command timeouts, closed sockets, give-ups --------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "java/jedis-2432.log",  # JedisPool exhausted (numActive=>1000)
        "java/redisson-4185.log",  # Redisson: Unable to acquire connection!
        "java/redisson-1122.log",  # Redisson: Redis server response timeout (3000 ms)
        "dotnet/stackexchange-redis-2119.log",  # RedisTimeoutException: Timeout performing GET (5000ms)
        "dotnet/stackexchange-redis-565.log",  # 1.x: Timeout performing EXISTS, the article link cut
    ],
)
def test_pool_exhaustion_and_command_timeouts_of_every_client(name):
    assert _root(_paste(name)) == ("degraded", "redis-pool-timeout")


def test_jedis_pool_line_after_a_refusal_is_the_refusals_symptom():
    # Jedis says "Could not get a resource from the pool" also when it cannot connect at all: the refusal in its
    # cause chain stays the root cause (public heldout jedis-882 has that shape)
    text = (
        "redis.clients.jedis.exceptions.JedisConnectionException: Could not get a resource from the pool\n"
        "\tat redis.clients.util.Pool.getResource(Pool.java:53)\n"
        "Caused by: redis.clients.jedis.exceptions.JedisConnectionException: java.net.ConnectException: Connection refused (Connection refused)\n"
        "\tat redis.clients.jedis.Connection.connect(Connection.java:207)\n"
    )
    diag = diag_of(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-econnrefused")
    assert "redis-pool-timeout" not in ids(diag)  # the pool line is the refusal, said so
    # the pool line and its 'Caused by:' at the margin are one entry (tests/test_split_records.py): one refusal, the
    # pool's words in it
    [refused] = [f for f in diag.findings if f.rule_id == "redis-econnrefused"]
    assert refused.count == 1 and refused.fields.get("jedis_pool") == "Could not get a resource from the pool"
    assert _root(_paste("java/jodis-23.log")) == ("failing", "redis-econnrefused")


@pytest.mark.parametrize(
    "name",
    ["dotnet/stackexchange-redis-1281.log", "dotnet/stackexchange-redis-1184.log", "dotnet/stackexchange-redis-1925.log"],
)
def test_stackexchange_redis_closed_socket_is_a_dropped_connection(name):
    # SocketClosed on an established connection; the bare 1.x line (it names no client: the message is its own
    # signature); 2.x's 'No connection is active/available' with no connect failure named
    assert _root(_paste(name)) == ("failing", "redis-connection-dropped")


def test_stackexchange_redis_connect_timeout_stays_a_timeout():
    # the same opening words followed by the connect failure are the timeout (public heldout, #1955)
    assert _root(_paste("dotnet/stackexchange-redis-1955.log"))[1] == "redis-connection-timeout"


def test_jedis_cluster_giving_up_is_the_retries_symptom():
    assert _root(_paste("java/jedis-2347.log")) == ("failing", "redis-retries-exhausted")


# ---- other words of known failures ----------------------------------------------------------------------------------


def test_oom_inside_a_scripts_error_in_any_escaping():
    # a Node object's quoted message with its quotes escaped (Bull under Heroku's log prefix, bull#433)
    assert _root(_paste("node/bull-433.log")) == ("degraded", "redis-oom")
    # an HTML exception mail, and a paste without the quotes
    for line in ("OOM command not allowed when used memory &gt; &#39;maxmemory&#39;.", "-OOM command not allowed when used memory > maxmemory"):
        assert "redis-oom" in ids(diag_of(line + "\n")), line


def test_go_lookup_phase_is_a_dns_failure_whatever_the_resolver_said():
    # cgo's getaddrinfo failing on 'localhost' itself (noebs#184): not a piece of a URL read as a host
    diag = diag_of(_paste("go/noebs-184.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-dns-not-found")
    # a dial that got past the lookup is no DNS failure
    assert "redis-dns-not-found" not in ids(diag_of("redis: dial tcp 10.0.1.53:6379: i/o timeout\n"))


# ---- never silent, but not on an INFO line ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["healthy/cloud-bigdata-book-54.log", "healthy/zebrunner-reporting-1874.log"])
def test_spring_data_redis_start_up_info_is_no_redis_error(name):
    diag = diag_of(_paste(name))
    assert diag.verdict.state in ("healthy", "unknown") and not diag.findings


def test_an_error_line_naming_redis_is_still_never_silent():
    # the level guard reads a logger's level, not a word in the message: redis_exporter's 'Redis INFO err' stays an error
    text = 'redis-exporter | time="2023-08-31T15:01:25+08:00" level=error msg="Redis INFO err: some new reply"\n'
    assert ids(diag_of(text)) == {"redis-error-unnamed"}
    # and an ERROR-level line naming Redis that no rule explains is still the unnamed finding
    assert ids(diag_of("2018-11-19 03:37:08.332 [main] ERROR o.s.d.r.Foo -- Spring Data Redis - Could not frobnicate\n")) == {"redis-error-unnamed"}


def test_the_ordinary_line_right_before_a_failure_can_name_redis():
    # StackExchange.Redis 1.x prints 'No connection is available ...' (no error word, no entry of its own) and the
    # SocketClosed details on the next line: the line before ties the drop to Redis (public heldout5 #1184)
    paste = _paste("dotnet/stackexchange-redis-1184.log")
    assert _root(paste) == ("failing", "redis-connection-dropped")
    assert diag_of(paste.split("\n", 1)[1]).verdict.state == "unknown"  # without it, nothing names Redis
    # the same with an app's own words, and not when the line before names nothing of Redis
    said = "2024-05-01T10:00:00Z worker: Redis client created for the job queue\n2024-05-01T10:00:01Z Error: read ECONNRESET\n"
    assert _root(said) == ("failing", "redis-connection-dropped")
    assert diag_of(said.replace("Redis client", "HTTP client")).verdict.state == "unknown"
