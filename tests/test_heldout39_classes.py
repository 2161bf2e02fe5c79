"""Issue 13, heldout39's classes (a second blind batch of public pastes from Go, Rust, Elixir and C/C++ clients and
Redis-compatible servers, measured on arrival), each fixed for the family, not the paste: a Go client's pool
exhausted in its own prefix (redigo as go-redis), the key=value option string of the Go session and cache providers
refusing a key it does not know, a Redis-compatible server that cannot bind its port in the words of every version
(Redis up to 5.0.2, 5.0.3 to 6.2, 7, and Dragonfly), and Go's crypto/x509, whose errors hold no error word. Every log
here is real output: the public pastes of samples/public/ (their threads in samples/README.md, section E,
"Thirty-ninth batch") and the example lines of the rules. The controls are real lines that must keep their reading."""

from __future__ import annotations

import pytest

from tests.conftest import diag_of, public_paste, verdict_of


# --- a Go client's pool exhausted, whatever the client's prefix ---

def test_redigo_pool_exhausted_is_the_pool_class():
    # gorm's logger quoting redigo: '... redigo: connection pool exhausted] \n'
    assert verdict_of(public_paste("go/echo-web-8.log")) == ("degraded", "redis-pool-timeout")


def test_go_redis_pool_timeout_keeps_its_reading():
    assert verdict_of("redis: connection pool timeout") == ("degraded", "redis-pool-timeout")


def test_a_pool_told_of_a_connection_after_close_stays_healthy():
    # go-redis' 'pool.Put failed: redis: client is closed' after a deliberate Close (public heldout38 go-redis#88)
    assert verdict_of(public_paste("healthy/go-redis-88.log"))[0] not in ("failing", "degraded")


# --- the option string of the Go session and cache providers (Gitea, Gogs, Beego-style apps) ---

@pytest.mark.parametrize("paste", [
    "go/gitea-3307.log",  # 'panic: session/redis: unsupported option '/app/gitea/network''
    "go/gogs-1472.log",   # 'panic: session/redis: unsupported option 'localhost'' after Gogs' start-up lines
])
def test_an_option_the_provider_does_not_know_is_a_malformed_url(paste):
    assert verdict_of(public_paste(paste)) == ("failing", "redis-url-malformed")


# --- a Redis-compatible server that cannot bind its port, in every version's words ---

def test_dragonfly_that_cannot_open_its_port_could_not_start():
    # 'Check failed: !ec Could not open port 6379 system:98/Address already in use', then its stack trace
    assert verdict_of(public_paste("cpp/dragonfly-5096.log")) == ("failing", "redis-server-start-failed")


@pytest.mark.parametrize("line", [
    # Redis 4.0.1 (public redis/redis#4228) and 4.0.11 under syslog (opnsense/plugins#918): the only line, then it exits
    "15418:M 14 Aug 18:57:28.952 # Creating Server TCP listening socket *:6379: bind: Address already in use",
    "Oct 17 12:14:46 | redis[75526]: Creating Server TCP listening socket xx.xx.xx.106.106:6379: bind: Address already in use",
    # Redis 5.0.9 under Ray (ray-project/ray#11201)
    "129123:M 04 Oct 2020 12:37:38.959 # Could not create server TCP listening socket *:6379: bind: Address already in use",
])
def test_an_older_redis_that_cannot_bind_could_not_start(line):
    assert verdict_of(line) == ("failing", "redis-server-start-failed")


def test_redis_7s_warning_alone_is_no_start_failure():
    # Redis 7 warns, then says 'Failed listening on port … aborting' when it gives up (the rule's no_match example,
    # real: samples/raw/classes/session6-h8.log): the warning alone is not that finding
    line = "4495:M 05 Dec 2026 07:33:36.582 # Warning: Could not create server TCP listening socket 127.0.0.1:42571: bind: Address already in use"
    assert "redis-server-start-failed" not in {f.rule_id for f in diag_of(line).findings}


def test_a_dragonfly_that_started_stays_healthy():
    assert verdict_of(public_paste("healthy/dragonfly-202.log"))[0] not in ("failing", "degraded")


# --- Go's crypto/x509: its errors hold no error word ---

def test_a_go_certificate_error_naming_a_redis_host_is_the_certificate_class():
    # 'x509: "*.redis-locking.abc123.apse2.cache.amazonaws.com" certificate is not standards compliant' (Go 1.18, macOS)
    assert verdict_of(public_paste("go/go-redis-2058.log")) == ("failing", "redis-tls-certificate")


def test_a_lone_go_certificate_error_naming_no_endpoint_stays_not_redis():
    # asynqmon's browser console: '500 (Internal Server Error): x509: certificate signed by unknown authority' (public
    # heldout5 hibiken/asynqmon#151): no Redis word, a known miss left on purpose
    assert verdict_of(public_paste("go/asynqmon-151.log"))[0] not in ("failing", "degraded")
