"""Issue 13, heldout23's classes (Python apps and the products built on them; public pastes measured on arrival): a
blocked command the server ended when it became a replica (UNBLOCKED), a host that reached the client as the language's
empty value (None, undefined), urllib's port error on a line that names Redis, an app naming its way round before the
failing cache, and TrueNAS's app log lines (a time with its UTC offset glued to the message). Every log here is real
output: the public pastes of samples/public/ (their threads in samples/README.md, section E, "Twenty-third batch") and
samples/raw/classes/session10-h23.log (samples/capture/classes/run_s10_h23.sh); the few lines written here are the
controls that must stay as they were."""

from __future__ import annotations

from analyzer.sources.formats import parse_line
from tests.conftest import capture_section, diag_of, ids, public_paste

_LOG = "session10-h23.log"


def test_a_blocked_command_ended_because_the_server_became_a_replica_is_readonly():
    # redis-py's BLPOP when REPLICAOF reached the server, then a SET refused: the server answers, as a replica
    diag = diag_of(capture_section(_LOG, "redis-py 8.2.0: a BLPOP"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-readonly")
    # Celery stopping on the same reply, the server's REPLICAOF lines above it (a stranger's, public 8Knot#361)
    diag = diag_of(public_paste("python/8knot-361.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-readonly")
    # the server's own REPLICAOF line says nothing of a client
    assert diag_of(capture_section(_LOG, "the server's own lines")).verdict.state == "unknown"


def test_a_host_that_reached_the_client_as_an_empty_value_is_a_url_never_set():
    # redis-py given host=None dials loopback and is refused there; a URL built from None looks up 'none'
    for title in ("redis-py: Redis(host=None", "redis-py: from_url(f'"):
        assert diag_of(capture_section(_LOG, title)).verdict.root_cause == "redis-url-not-set", title
    assert diag_of(public_paste("python/authentik-helm-39.log")).verdict.root_cause == "redis-url-not-set"
    # a host of its own, refused or unresolved, keeps its class
    assert diag_of(public_paste("python/authentik-12107.log")).verdict.root_cause == "redis-econnrefused"
    assert diag_of(public_paste("python/ragflow-4994.log")).verdict.root_cause == "redis-dns-not-found"


def test_a_port_error_on_a_line_naming_redis_is_a_malformed_url():
    # NetBox's health-check plugin quotes the Redis URL it was parsing (a password holding ':')
    assert diag_of(public_paste("python/netbox-healthcheck-plugin-19.log")).verdict.root_cause == "redis-url-malformed"
    # redis-py's own traceback ('#' in the password), as before
    whole = capture_section(_LOG, "redis-py: from_url() of a URL whose password holds")
    assert diag_of(whole).verdict.root_cause == "redis-url-malformed"
    # urllib's line alone names no Redis: any URL (a database's) says it
    bare = whole.strip().splitlines()[-1]
    assert bare.startswith("ValueError: Port could not be cast") and diag_of(bare).verdict.state == "unknown"


def test_an_app_naming_its_way_round_before_the_failing_cache_serves_on_its_fallback():
    diag = diag_of(public_paste("python/aker-92.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-econnrefused")
    assert "redis-app-fallback" in ids(diag)
    # a refusal with no word of a way round is failing
    assert diag_of(public_paste("python/dramatiq-319.log")).verdict.state == "failing"


def test_truenas_app_log_lines_have_their_time_glued_to_the_message():
    line = public_paste("python/truenas-apps-1426.log").splitlines()[10]
    record = parse_line(line, "paste", 11)
    assert record is not None
    assert (record.time, record.message) == (
        "2025-01-22 21:08:18.085635+00:00", "ValueError: Port could not be cast to integer value as 'c<)'"
    )
    # controls: `render logs -o text` as before; a time without an offset is not glued to what follows it
    assert parse_line("2026-11-26 06:12:03  worker: tick 1", "t", 1).message == "worker: tick 1"
    assert parse_line("2026-11-26 06:12:03worker", "t", 1).time is None
