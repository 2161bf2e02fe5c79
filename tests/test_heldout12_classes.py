"""Issue 13, heldout12's classes: real captures of clients this project had never run (samples/heldout12/raw/, made as
samples/README.md section L, heldout12, says). Each test feeds the real raw output, or its lines, to the whole pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, batch_capture, batch_lines, diag_of

RAW = ROOT / "samples" / "heldout12" / "raw"


def _diag(text: str):
    return diag_of(text)


def _raw(name: str) -> str:
    return batch_capture("heldout12", name)


def _lines(name: str, *needles: str) -> str:
    return batch_lines("heldout12", name, *needles)


# -- Perl's Redis.pm: 'Could not connect to Redis server at host:port: <reason>' -----------------------------------

@pytest.mark.parametrize(
    ("capture", "root"),
    [
        ("perl-redis/down-refused.log", "redis-econnrefused"),
        ("perl-redis/url-empty.log", "redis-econnrefused"),  # the fallback 127.0.0.1:6379, but no Render evidence
        ("perl-redis/dns-nxdomain.log", "redis-dns-not-found"),  # IO::Socket::INET: a name it cannot resolve is EINVAL
    ],
)
def test_perl_redis_wording_maps_through_its_reason(capture, root):
    diag = _diag(_raw(capture))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", root)


def test_perl_refusal_on_the_default_loopback_on_render_is_the_unset_url():
    # the same capture as Render shows it (formatted: its `==>` lines): the loopback inference applies
    text = (RAW.parent / "plain" / "perl-redis" / "url-empty.rfc3339.log").read_text(encoding="utf-8")
    assert _diag(text).verdict.root_cause == "redis-url-not-set"


def test_perl_invalid_argument_on_an_ip_literal_is_not_a_lookup():
    # the same words for an address (no name to look up) stay the address class, never DNS
    line = _lines("perl-redis/dns-nxdomain.log", "Could not connect").replace("red-d4h12nx0q67qs70c2nxdm", "10.0.12.77")
    assert line and _diag(line).verdict.root_cause != "redis-dns-not-found"


# -- a Cluster client against a single node; a framework's Redis plugin that never started -------------------------

def test_cluster_client_against_a_server_without_cluster_mode():
    diag = _diag(_raw("ioredis-cluster/cluster-disabled.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-cluster-disabled")


@pytest.mark.parametrize("capture", ["fastify-redis/blackholed.log", "fastify-redis/down-loopback-default.log"])
def test_fastify_redis_plugin_timeout_is_a_connection_timeout(capture):
    # pino's JSON line is all the log holds: Fastify gave up waiting for @fastify/redis
    diag = _diag(_raw(capture))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-timeout")


def test_another_plugin_timeout_is_not_redis():
    line = _raw("fastify-redis/blackholed.log").replace("@fastify/redis", "@fastify/postgres")
    assert _diag(line).verdict.root_cause != "redis-connection-timeout"


# -- a URL port urllib cannot read, under any Python Redis client --------------------------------------------------

def test_urllib_port_error_under_coredis_is_a_malformed_url():
    diag = _diag(_raw("coredis/url-bad-port.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-malformed")


# -- is it Redis? a failure naming another host than the one this app's Redis failures named ------------------------

def test_api_lookup_failure_beside_redis_refusals_is_not_redis():
    # every round: Redis refused at 10.0.12.10:6379, PostgreSQL refused at 10.0.12.10:5432, api.stripe.com unresolvable;
    # the lookup failure stands right after a Redis line, but it names its own host, not Redis's
    diag = _diag(_raw("mixed-node-redis4/mixed-pg-api-redis-refused.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-econnrefused")
    assert "redis-dns-not-found" not in {f.rule_id for f in diag.findings}
    stripe = [n for n in diag.not_redis if n.endpoint == "api.stripe.com"]
    assert stripe and stripe[0].because.key == "affinity.other_host" and stripe[0].count == 12


def test_a_host_no_redis_failure_named_yet_is_still_tied_by_proximity():
    # the same lookup failure with nothing known of Redis's endpoint (the Redis line names no host): proximity decides
    entry = _raw("mixed-node-redis4/mixed-pg-api-redis-refused.log").split("Failed to sync", 1)[1].split("}\n", 1)[0]
    text = "worker: redis command failed\nFailed to sync" + entry + "}\n"
    diag = _diag(text)
    assert diag.verdict.root_cause == "redis-dns-not-found"


def test_affinity_other_host_needs_a_known_redis_host():
    from analyzer.engine.affinity import load_affinity

    aff = load_affinity(ROOT / "rules" / "affinity.yaml")
    fields = {"host": "api.stripe.com"}
    text = "Error: getaddrinfo ENOTFOUND api.stripe.com"
    assert aff.tie(fields, text, nearby=3).reason == "affinity.nearby"
    assert aff.tie(fields, text, nearby=3, redis_hosts=frozenset({"10.0.12.10"})).reason == "affinity.other_host"
    # the host Redis's failures named stays Redis's by proximity
    assert aff.tie({"host": "cache"}, "getaddrinfo ENOTFOUND cache", nearby=3, redis_hosts=frozenset({"cache"})).redis


# -- a lone failed lookup among a storm of refusals: the resolver's blip, not the outage ----------------------------

def test_one_failed_lookup_among_refusals_is_a_blip():
    # iovalkey refused a dozen times at 10.0.12.10:6379; once, the namespace's resolver failed the Key Value's name
    diag = _diag(_raw("iovalkey/down-refused.log"))
    assert diag.verdict.root_cause == "redis-econnrefused"
    assert "redis-dns-not-found" in {f.rule_id for f in diag.findings}  # still reported, just not the cause


def test_the_same_lookup_failure_twice_is_no_blip():
    text = _raw("iovalkey/down-refused.log")
    first = text.index("[ioredis] Unhandled error event: Error: getaddrinfo")
    entry = text[first:].split("\n", 2)
    again = entry[0] + "\n" + entry[1] + "\n"
    assert _diag(text + again).verdict.root_cause == "redis-dns-not-found"


# -- never silent, but not on a line its logger marks INFO ----------------------------------------------------------

def test_python_logging_info_line_with_a_config_dump_is_no_redis_error():
    # SAQ's start-up line prints redis-py's pool repr ('orig_socket_timeout=5') under Python logging's INFO level;
    # the job SIGINT aborted at the end is SAQ's, not Redis's: a healthy log
    diag = _diag(_raw("saq/healthy.log"))
    assert diag.verdict.state in ("healthy", "unknown") and diag.verdict.root_cause is None


@pytest.mark.parametrize("level", ["ERROR", "WARNING"])
def test_the_same_line_at_an_error_level_is_still_never_silent(level):
    line = _lines("saq/healthy.log", "Worker starting").replace(" INFO saq:", f" {level} saq:").replace("Worker starting", "Worker failed")
    assert line
    diag = _diag(line)
    assert (diag.verdict.root_cause == "redis-error-unnamed") == (level == "ERROR")
