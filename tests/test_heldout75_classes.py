"""Issue 13, heldout75's classes: real captures of network-path and endpoint faults (iptables DROP and REJECT mid-session,
a saturated or lossy link, NXDOMAIN, an HTTP server on REDIS_URL's port, TLS both ways and bad certificates, kill and
restart, a half-open connection, an MTU blackhole) under Node.js, Python and Ruby apps, made as samples/README.md section
L, heldout75, says. Each test feeds the real output, or a part of it, to the pipeline."""

from __future__ import annotations

from tests.conftest import batch_file, verdict_of


def capture(name: str) -> str:
    """A real capture of heldout75 (samples/heldout75/<app>/<scenario>.log)."""
    return batch_file("heldout75", name)


# -- a queue's name joined by '-' in the name of the app's own source file --------------------------------------------

def test_pg_refusal_in_a_job_whose_frame_is_the_apps_bullmq_named_file_is_not_redis():
    # 'at async Worker.connection [as processFn] (/tmp/h77/app/media-bullmq.js:13:3)': the app's file, named after the
    # queue it uses, was read as BullMQ ('-bullmq.'), and PostgreSQL's refusal in every job as Redis's
    log = capture("media-bullmq/mixed-pg.log")
    assert verdict_of(log) == ("healthy", None)


def test_a_refusal_the_apps_words_give_to_bullmq_stays_redis():
    # the same entry, the line saying BullMQ in the app's words and the port another: the words still tie it
    entry = capture("media-bullmq/mixed-pg.log").split("Job 1 has completed")[0]
    entry = entry.replace("Database query failed:", "BullMQ connection failed:").replace("5432", "7000")
    assert verdict_of(entry)[1] is not None


# -- the app's tag with a colon, and redis-rb's PONG, are the client working --------------------------------------------

def test_redis_colon_ready_says_the_client_works():
    assert verdict_of(capture("catalog-cache-noderedis4/healthy.log")) == ("healthy", None)


def test_redis_colon_ready_after_refusals_is_recovery():
    # REJECT with a TCP reset 5-15 s: 'read ECONNRESET', refusals, then 'redis: ready'; the log read failing
    assert verdict_of(capture("catalog-cache-noderedis4/reject-rst-midrun.log")) == ("recovered", "redis-connection-dropped")


def test_redis_rbs_pong_printed_after_the_word_redis_says_the_client_works():
    assert verdict_of(capture("ledger-ruby/healthy.log")) == ("healthy", None)


# -- Ruby's uncaught Errno:: exception through redis-rb's frames ---------------------------------------------------------

def test_an_uncaught_errno_exception_in_redis_rbs_frames_is_a_redis_failure():
    # '…:in `__connect_nonblock': Operation already in progress - connect(2) for 10.75.0.9:6379 (Errno::EALREADY)' and
    # redis-rb 4.8's frames, the worker dead: the log read healthy (no word of failure the scanner knew)
    state, _ = verdict_of(capture("ledger-ruby/reject-icmp-midrun.log"))
    assert state == "failing"


# -- redis-py's connection closed during its handshake ----------------------------------------------------------------

def test_connection_closed_under_redis_pys_handshake_is_a_handshake_failure():
    # REDIS_URL's port an HTTP server's: 'redis.exceptions.ConnectionError: Connection closed by server.' under
    # 'in on_connect_check_health', read as a dropped connection
    assert verdict_of(capture("rates-redis-py/wrong-port-http.log")) == ("failing", "redis-handshake-failed")


def test_connection_closed_on_an_established_connection_stays_a_drop():
    # the asyncio PubSub listener's half-open connection closed when the path came back: its frames are read_response,
    # no handshake
    log = capture("presence-redis-py-asyncio/half-open.log").splitlines(keepends=True)
    entry = "".join(log[106:136])
    assert entry.rstrip().endswith("Connection closed by server.")
    assert verdict_of(entry)[1] == "redis-connection-dropped"
