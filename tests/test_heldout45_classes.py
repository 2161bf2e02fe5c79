"""Issue 13, heldout45's classes (a third batch of public pastes of Python and Go libraries, measured on arrival), each
fixed for the family, not the paste: a Python library saying in its own words that its redis package is missing, and
Python refusing a call whose arguments do not fit (neither is a Redis failure); Go's resolver that did not answer; the
Windows refusal Python numbers as errno 22; MEMORY, a Redis 4.0 command; a bare host without its port on a Redis line;
and Go's x509 checks that name the host or the certificate first. Every log here is real output: the public pastes of
samples/public/ (their threads in samples/README.md, section E, "Forty-fifth batch") and one Go line run here (Go 1.19's
net.Dial). The controls are real logs of the neighbouring case, which must keep their reading."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, public_paste, verdict_of


# --- code that never reached Redis: no Redis failure ---

def test_a_library_saying_its_redis_package_is_missing_is_not_a_redis_failure():
    # limits under Flask-Limiter: 'ConfigurationError: redis prerequisite not available' (alisaifee/flask-limiter#273)
    assert verdict_of(public_paste("nonredis/flask-limiter-273.log"))[0] in ("unknown", "healthy")


def test_a_call_that_does_not_fit_its_signature_under_redis_library_frames_is_not_a_redis_failure():
    # "TypeError: ExecutionEngine.crawl() got an unexpected keyword argument 'spider'" in scrapy_redis' frames
    # (rmax/scrapy-redis#285)
    assert verdict_of(public_paste("nonredis/scrapy-redis-285.log"))[0] in ("unknown", "healthy")


@pytest.mark.parametrize("name", [
    "python/redis-py-1274.log",  # Celery: 'Unrecoverable error: TypeError("unhashable type: 'Redis'")' (redis-py#1274)
    "python/walrus-96.log",      # 'redis.exceptions.RedisError: ZADD requires an equal number of values and scores'
])
def test_the_client_failing_in_its_own_code_stays_failing(name):
    assert verdict_of(public_paste(name))[0] == "failing"


# --- Go's resolver that did not answer is a lookup, not a connect timeout ---

def test_a_lookup_whose_resolver_timed_out_is_dns():
    # 'dial tcp: lookup <redis-address> on 172.31.0.2:53: dial udp 172.31.0.2:53: i/o timeout' (gocraft/work#166)
    assert verdict_of(public_paste("go/gocraft-work-166.log")) == ("failing", "redis-dns-not-found")


def test_a_dial_to_redis_that_timed_out_stays_a_connect_timeout():
    # go-redis v9: 'connection pool: failed to dial after 5 attempts: dial tcp <ip1>:6379: i/o timeout' (go-redis#3593)
    assert verdict_of(public_paste("go/go-redis-3593.log")) == ("failing", "redis-connection-timeout")


# --- Windows' refusal numbered 22 by Python is a refusal ---

def test_errno_22_whose_words_say_refused_is_a_refusal():
    # 'Error 22 connecting to localhost:6379. The remote computer refused the network connection.' (fastapi-guard#89)
    assert verdict_of(public_paste("python/fastapi-guard-89.log")) == ("failing", "redis-econnrefused")


def test_errno_22_in_its_own_words_stays_an_invalid_address():
    # Django's debug page: 'Error 22 connecting to 127.0.0.1:6379. 22.' (heldout40 jazzband/django-redis#737)
    assert verdict_of(public_paste("python/django-redis-737.log"))[1] == "redis-address-invalid"


# --- MEMORY came with Redis 4.0 ---

def test_memory_refused_is_a_server_too_old():
    # asynqmon: "ERR unknown command 'memory'" (maintainer: Redis below 4.0; hibiken/asynqmon#85)
    assert verdict_of(public_paste("go/asynqmon-85.log")) == ("failing", "redis-server-too-old")


def test_module_refused_stays_a_command_the_server_lacks():
    # redis-om on Redis Cloud: "unknown command 'module'" (a managed service's disabled command; redis-om-python#73)
    assert verdict_of(public_paste("python/redis-om-python-73.log")) == ("degraded", "redis-command-unavailable")


# --- a bare host without its port on a Redis line ---

def test_a_redis_host_without_its_port_is_a_malformed_url():
    # asynq: 'redis pubsub receive error: dial tcp: address redis.dev.thefittingroom.xyz: missing port in address'
    assert verdict_of(public_paste("go/asynq-582.log")) == ("failing", "redis-url-malformed")


def test_a_host_without_its_port_on_a_line_naming_no_redis_is_no_redis_finding():
    # real: Go 1.19's net.Dial("tcp", "db.internal") (samples/raw/classes/session12-godial.log)
    line = capture_section("session12-godial.log", "go")
    assert line == "dial tcp: address db.internal: missing port in address\n"
    assert verdict_of(line)[1] is None


# --- Go's x509 checks that name the host or the certificate first ---

@pytest.mark.parametrize("name", [
    "go/ratelimit-208.log",  # 'x509: cannot validate certificate for 192.168.60.60 because it doesn't contain any IP
                             # SANs' below its Sentinel URL (envoyproxy/ratelimit#208)
    "go/go-redis-2058.log",  # 'x509: "*.redis-locking….cache.amazonaws.com" certificate is not standards compliant'
])
def test_go_x509_checks_are_certificate_failures(name):
    assert verdict_of(public_paste(name)) == ("failing", "redis-tls-certificate")
