"""Issue 13, heldout38's classes (public pastes from Go, Rust, Elixir and C++ clients and Redis-compatible servers,
measured on arrival), each fixed for the family, not the paste: Erlang's inet atom for a refusal, a client's own
words for a closed connection, a system error's number logged at WARN, Go's resolver reading options written after
the port as the port, Erlang's ssl naming a refused certificate, and two harmless lines no longer read as failures (a job queue's duplicate, a pool told of a connection
after the app closed its client). Every log here is real output: the public pastes of samples/public/ (their threads
in samples/README.md, section E, "Thirty-eighth batch") and the example lines of the rules. The controls are real
lines of other programs, or of the same clients, that must keep their old reading."""

from __future__ import annotations

import pytest

from tests.conftest import public_paste, verdict_of


# --- Erlang's inet atom: a BEAM client says a refusal as ':econnrefused', with no errno and no sentence ---

@pytest.mark.parametrize("paste", [
    "elixir/exq-142.log",  # '** (EXIT) {:connection_error, {:connection_error, :econnrefused}}' under Exq.Manager.Server
    "elixir/exq-186.log",  # 'GenServer Exq.Redis.Client terminating' / '** (stop) :econnrefused'
])
def test_a_beam_client_refused_is_the_refused_class(paste):
    assert verdict_of(public_paste(paste)) == ("failing", "redis-econnrefused")


def test_exq_names_redis_by_its_modules():
    # the line names no Redis: Exq's module does (the Exq signal of rules/affinity.yaml)
    line = "** (EXIT from #PID<0.47.0>) shutdown: failed to start child: Exq.Manager.Server\n    ** (EXIT) {:connection_error, {:connection_error, :econnrefused}}"
    assert verdict_of(line) == ("failing", "redis-econnrefused")


def test_postgrex_resolution_failure_stays_not_redis():
    # the same BEAM atoms from Postgrex, with Redis nowhere: not Redis (nonredis/postgrex-255)
    assert verdict_of(public_paste("nonredis/postgrex-255.log"))[0] in ("healthy", "unknown")


# --- a closed connection in the client's own words ---

def test_redix_tcp_connection_closed_then_reconnected_is_a_drop_recovered():
    # Heroku closing idle connections every 5 minutes: 'Disconnected from Redis (...): TCP connection closed', then
    # '[info] Reconnected to Redis (...)'
    assert verdict_of(public_paste("elixir/redix-82.log")) == ("recovered", "redis-connection-dropped")


def test_redix_tcp_connection_closed_without_reconnect_stays_a_drop():
    assert verdict_of(public_paste("elixir/redix-62.log"))[1] == "redis-connection-dropped"


def test_redis_async_closed_unexpectedly_is_a_drop():
    assert verdict_of(public_paste("rust/redis-async-rs-32.log")) == ("failing", "redis-connection-dropped")


# --- a system error's number logged at WARN is still an error ---

def test_fred_backchannel_timing_out_at_warn_is_the_timeout_class():
    # '[WARN] ... fred-…: Error creating or using backchannel for cluster nodes: Redis Error - kind: IO, details:
    # Os { code: 110, kind: TimedOut, message: "Connection timed out" }'
    assert verdict_of(public_paste("rust/fred-115.log")) == ("failing", "redis-connection-timeout")


def test_a_warn_line_without_an_error_number_stays_a_notice():
    # redis-server's own start-up warning (public healthy/overleaf-1263.log): no errno, no exception: not a failure
    assert verdict_of(public_paste("healthy/overleaf-1263.log"))[0] not in ("failing", "degraded")


# --- Go's resolver reading options written after the port as the port ---

@pytest.mark.parametrize("paste", [
    "go/loki-1618.log",    # 'address tcp/6379,defaultDatabase=14: unknown port' (Go's own resolver)
    "go/harbor-6090.log",  # 'lookup tcp/6379,100,passwd,0: Servname not supported for ai_socktype' (glibc under cgo)
])
def test_a_port_that_is_not_a_number_is_a_malformed_url(paste):
    assert verdict_of(public_paste(paste)) == ("failing", "redis-url-malformed")


def test_a_listener_on_a_named_port_is_not_redis():
    # the same resolver words from a Go listener, naming no Redis (a Go package's example output)
    assert verdict_of("listen tcp: lookup tcp/xxxx: Servname not supported for ai_socktype")[0] in ("healthy", "unknown")


# --- Erlang's ssl naming the certificate it refused ---

def test_erlang_bad_cert_under_redis_lines_is_a_certificate_failure():
    # sequin to AWS MemoryDB: '{:bad_cert, :hostname_check_failed}' under its 'Redis error while trying to acquire
    # mutex' lines (the tie: a Redis line just before, same instance)
    assert verdict_of(public_paste("elixir/sequin-719.log")) == ("failing", "redis-tls-certificate")


def test_erlang_bad_cert_with_no_redis_around_is_not_redis():
    # the same notice alone, naming no Redis and with no Redis line near it (the rule's affinity: endpoint)
    lines = public_paste("elixir/sequin-719.log").splitlines()[4:6]
    assert "bad_cert" in lines[1]
    assert verdict_of("\n".join(lines))[0] in ("healthy", "unknown")


# --- a cluster refusing what a single-node client does ---

def test_select_refused_by_a_cluster_is_a_database_the_cluster_lacks():
    assert verdict_of(public_paste("go/harbor-7409.log")) == ("failing", "redis-db-index")


def test_crossslot_under_loki_is_named():
    # Loki's index cache on a cluster: every batched get/put refused (the verdict, down by redis-crossslot's state,
    # is this batch's one disagreement with the house: Redis answers)
    assert verdict_of(public_paste("go/loki-helm-charts-1723.log"))[1] == "redis-crossslot"


# --- harmless lines that looked like failures ---

def test_asynq_duplicate_task_is_not_a_redis_failure():
    # 'ERROR: scheduler could not enqueue a task …: task ID conflicts with another task': the queue read Redis
    assert verdict_of(public_paste("healthy/asynq-449.log"))[0] not in ("failing", "degraded")


def test_go_redis_pool_put_after_close_is_not_a_failure():
    assert verdict_of(public_paste("healthy/go-redis-88.log"))[0] not in ("failing", "degraded")


def test_a_command_on_a_closed_go_redis_client_stays_a_failure():
    # the same words as a command's error, not the pool's housekeeping (redis-client-closed's example line)
    assert verdict_of("redis: client is closed") == ("failing", "redis-client-closed")
