"""Issue 13, heldout11's classes (Go, Java, .NET, PHP, Ruby clients and self-hosted apps, public pastes measured on
arrival): known failures in the words of older runtimes and other clients, whether a line is Redis's at all, and the
verdict of a client that came back. Every log here is real output: the public pastes of samples/public/ (their
threads in samples/README.md, section E, "Eleventh batch") and samples/raw/classes/session7-h11.log (made by
samples/capture/classes/run_s7_h11.sh against a real redis-server)."""

from __future__ import annotations

from tests.conftest import capture_section, diag_of, ids, public_paste

_paste = public_paste


def _capture(title: str) -> str:
    return capture_section("session7-h11.log", title)


def _line(name: str, needle: str) -> str:
    return next(line for line in _paste(name).splitlines() if needle in line)


def test_go_before_1_9_names_getsockopt_not_connect():
    # Go <= 1.8 read a non-blocking connect's result with getsockopt, and its error says so: radix (retyped with a
    # space after the colon) and redis_exporter in its logrus line at level=info; the port says Redis
    for name in ("go/radix-v2-76.log", "go/redis-exporter-78.log"):
        assert diag_of(_paste(name)).verdict.root_cause == "redis-econnrefused", name
    # the same system call with another reason is not a refusal
    timed_out = diag_of("dial tcp 10.0.3.7:6379: getsockopt: connection timed out")
    assert timed_out.verdict.root_cause == "redis-connection-timeout"
    # and on another service's port it is not Redis at all
    assert diag_of("dial tcp 10.0.3.7:5432: getsockopt: connection refused").verdict.state != "failing"


def test_php5_uncaught_exception_and_windows_sentence_before_predis_dump_are_refusals():
    # PHP 5 quotes the class and the message ("Uncaught exception 'Predis\...' with message 'Connection refused'");
    # Windows' sentence ends with its period before Predis' '[tcp://host:port]'
    for name in ("php/predis-129.log", "php/talk-example-38.log"):
        assert diag_of(_paste(name)).verdict.root_cause == "redis-econnrefused", name
    # the same PHP 5 form with another message is not a refusal
    assert "redis-econnrefused" not in ids(diag_of(_paste("php/phpredis-1102.log")))


def test_stackexchange_redis_1x_timeout_after_its_sentence_is_a_connect_timeout():
    diag = diag_of(_paste("dotnet/stackexchange-redis-238.log"))
    assert diag.verdict.root_cause == "redis-connection-timeout"
    # the failure types that are not a timeout stay what they were
    mono = diag_of(_paste("dotnet/aspnet-caching-124.log"))
    assert "redis-connection-timeout" not in ids(mono)


def test_redissons_pool_of_a_disconnected_node_is_a_lost_connection():
    diag = diag_of(_paste("java/redisson-2115.log"))
    assert diag.verdict.root_cause == "redis-connection-dropped"
    # Redisson failing to make its first connections is not a loss (it never had them)
    assert "redis-connection-dropped" not in ids(diag_of(_paste("java/redisson-391.log")))


def test_a_lua_script_the_server_rejects_says_the_server_is_too_old():
    # the server's own replies, captured from redis-server 7.0.15 through redis-cli and phpredis
    for title in ("redis-cli", "phpredis"):
        assert diag_of(_capture(title)).verdict.root_cause == "redis-server-too-old", title
    # Redis < 7's wording, as asynq printed it on the Windows port of Redis 3 (asynq#383)
    assert diag_of(_paste("go/asynq-383.log")).verdict.root_cause == "redis-server-too-old"
    # a script touching an undeclared key is the script's own fault, not the server's age (n8n#8767)
    assert "redis-server-too-old" not in ids(diag_of(_paste("node/n8n-8767.log")))


def test_a_pool_line_whose_cause_is_a_failed_connect_is_not_an_exhausted_pool():
    # Jedis 3's 'Failed connecting to host' under its pool line, Lettuce's 'Unable to connect to' under Spring's pool
    # exception: a connect failure with no reason printed, the never-silent finding, failing (not degraded)
    for name in ("java/jrebloom-21.log", "java/lettuce-3136.log"):
        diag = diag_of(_paste(name))
        assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-error-unnamed"), name
        assert "redis-pool-timeout" not in ids(diag), name
    # a pool line alone, or with the pool's own exhaustion, stays a pool timeout (heldout5 jedis-2432: numActive=>1000)
    assert diag_of(_paste("java/jedis-2432.log")).verdict.root_cause == "redis-pool-timeout"


def test_a_jobs_failure_logged_at_warn_with_its_exception_is_a_redis_error():
    # Sidekiq logs a failed job at WARN: 'WARN: Redis::CommandError: ERR only (P)SUBSCRIBE ...' is an error all the same
    diag = diag_of(_paste("ruby/sidekiq-2732.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-error-unnamed")
    # redis-server's own WARNING lines stay notices (overleaf#1263's start-up)
    assert diag_of(_paste("healthy/overleaf-1263.log")).verdict.state not in ("failing", "degraded")


def test_a_client_failing_to_close_its_connection_says_nothing_of_redis():
    # asynq's ERROR at every shutdown of a scheduler on a shared client (a cosmetic bug, asynq PR 972)
    assert diag_of(_paste("healthy/asynq-1068.log")).verdict.state not in ("failing", "degraded")
    # an error on the same client that is not about closing still is one
    line = _line("healthy/asynq-1068.log", "ERROR").replace("Failed to close redis client connection", "Failed to reach redis")
    assert diag_of(line).verdict.state == "failing"


def test_a_redis_only_job_queue_names_a_bare_refusal():
    # async-job's service logs Ruby's refusal without an address ('Connection refused - connect'): its queue is Redis
    diag = diag_of(_paste("ruby/async-job-adapter-11.log"))
    assert diag.verdict.root_cause == "redis-econnrefused"
    # the same bare refusal with nothing naming Redis is not a Redis finding
    assert diag_of("Errno::ECONNREFUSED: Connection refused - connect").verdict.state != "failing"


def test_ioredis_debug_status_reaching_ready_is_a_recovery():
    # DEBUG=ioredis:*: the first connect timed out, the reconnect reached 'ready' and flushed the offline queue
    diag = diag_of(_paste("node/ioredis-456.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-connection-timeout")
    # the same status lines without 'ready' at the end stay failing
    cut = "\n".join(line for line in _paste("node/ioredis-456.log").splitlines() if "-> ready" not in line)
    assert diag_of(cut).verdict.state == "failing"
