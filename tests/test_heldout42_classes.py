"""Issue 13, heldout42's classes: real captures of Redis clients no corpus had run, from the ecosystems read worst
(valkey-glide's Rust core under Python and Node, hiredis in C, eredis in Erlang, redis-lua, gopkg.in/redis.v2 and redisc
in Go, redis-rb's hiredis driver), made as samples/README.md section L, heldout42, says. Each test feeds the real output,
or a part of it, to the pipeline."""

from __future__ import annotations

from analyzer.sources.text import clean
from tests.conftest import batch_capture, batch_lines, builtin, diag_of, verdict_of


def _verdict(name: str) -> tuple[str, str | None]:
    return verdict_of(batch_capture("heldout42", name))


# -- a Rust-core client says a timeout by Rust's io::Error Display alone: 'timed out' --------------------------------

def test_glide_python_logger_names_its_client():
    # the Python wrapper logs its core's lines under 'glide_logger', not the core's 'logger_core': its watchdog's line
    # about a command that got no answer names no host nor port
    line = clean(batch_lines("heldout42", "glide-python/killed-then-back.log", "timeout_watchdog")).splitlines()[0]
    assert ":6379" not in line and builtin().affinity.names_redis(line)


def test_glide_connect_timing_out_is_a_connection_timeout():
    # 'Failed connecting to red-…:6379, due to timed out' and 'ClosingError: Received error for address `…`: timed out':
    # read as a Redis error no rule names until the class knew Rust's word
    for name in ("glide-python/dns-nxdomain.log", "glide-python/tls-untrusted.log", "glide-node/blackholed.log",
                 "glide-node/plain-to-tls.log"):
        assert _verdict(name) == ("failing", "redis-connection-timeout"), name


def test_a_timeout_word_does_not_make_a_line_redis():
    # the wording reaches only lines the affinity already ties to Redis: an HTTP client's timeout stays out
    diag = diag_of("2026-12-06 12:33:02,934 ERROR payments: sync failed: ReadTimeout: timed out\n")
    assert diag.verdict.state not in ("failing", "degraded")


# -- the BEAM's reasons: a tuple tagged error or <kind>_error, the atom wrapped to the next line; eredis' modules ----

def test_eredis_crash_report_names_its_client():
    # '{eredis_client,connect,1,…' in the gen_server's crash report: the module ties the nxdomain to Redis (the app's
    # own 'connected to redis at' line came before it, and the log read healthy)
    assert _verdict("eredis-erlang/dns-nxdomain.log") == ("failing", "redis-dns-not-found")


def test_eredis_connection_error_tuple_is_a_refusal():
    # 'due to {connection_error,' with 'econnrefused}' on the report's next line
    entry = batch_lines("heldout42", "eredis-erlang/down-refused.log", "Re-establishing", "econnrefused}")
    diag = diag_of(entry)
    assert diag.verdict.root_cause == "redis-econnrefused"


def test_eredis_tcp_closed_is_a_dropped_connection():
    assert _verdict("eredis-erlang/killed-not-back.log") == ("failing", "redis-connection-dropped")


# -- a client that goes on after its AUTH was refused: the NOAUTH replies are the wrong password ----------------------

def test_noauth_after_wrongpass_is_the_wrong_password():
    assert _verdict("hiredis-c/wrongpass.log") == ("failing", "redis-wrongpass")


def test_noauth_alone_stays_noauth():
    assert _verdict("hiredis-c/noauth.log") == ("failing", "redis-noauth")


# -- Valkey is Redis: 'connected to valkey' is the client working ----------------------------------------------------

def test_connected_to_valkey_is_a_status_line():
    assert _verdict("glide-node/healthy.log") == ("healthy", None)
    diag = diag_of(batch_capture("heldout42", "glide-node/mixed-pg-api-healthy.log"))
    assert diag.verdict.state == "healthy"


# -- an app quoting the empty value it read; GLIDE's address on a timeout --------------------------------------------

def test_an_empty_value_quoted_after_redis_url_is_an_empty_url():
    # the Lua worker's 'invalid REDIS_URL: ' (the variable set to ''), then Render's 'Exited with status 1'
    assert _verdict("redis-lua/url-empty.log") == ("failing", "redis-url-empty")


def test_a_url_quoted_after_redis_url_is_not_empty():
    # real: go-redis v5 given 'red-…:6379' without a scheme (samples/raw/go-redis/url-no-scheme.log)
    diag = diag_of("2026/11/26 07:26:45 invalid REDIS_URL: invalid redis URL scheme: red-d1abc2def3ghi4jkl5mn\n")
    assert diag.verdict.root_cause != "redis-url-empty"


def test_glide_timing_out_on_the_default_localhost_is_the_url_never_given():
    # REDIS_URL unset, the app's default localhost: GLIDE says 'timed out' where other clients say refused; on Render
    # (the frames' /opt/render paths) a client's default address is the URL that never reached it
    assert _verdict("glide-node/down-loopback-default.log") == ("failing", "redis-url-not-set")
