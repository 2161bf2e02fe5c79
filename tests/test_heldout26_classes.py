"""Issue 13, heldout26's classes (public pastes of Node.js apps, measured on arrival), each fixed for the family, not
the paste. Every log here is real output: the public pastes of samples/public/ (their threads in samples/README.md,
section E, "Twenty-sixth batch") and samples/raw/classes/session10-h28.log (samples/capture/classes/run_s10_h28.sh:
Node 20 with ioredis 5 and node-redis 4, Ruby 3.1 with redis-rb 4.8, against a loopback redis-server).
The controls are real lines that must keep their reading."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, ids, public_paste

_S10 = "session10-h28.log"


# --- the app's own code failing inside a handler its Redis client calls: Redis answered, no Redis failure ---

@pytest.mark.parametrize("section", [
    "node: ioredis-typeerror",      # TypeError in a subscriber's 'message' handler, frames in ioredis's DataHandler
    "node: node-redis-typeerror",   # the same in node-redis 4's pub/sub listener, frames in @redis/client
    "ruby: redis-rb",               # NoMethodError for nil in a subscribe block, frames in redis-rb (error_highlight)
])
def test_a_handler_bug_run_by_the_redis_client_is_no_redis_failure(section):
    diag = diag_of(capture_section(_S10, section))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-error-unnamed" not in ids(diag)


def test_n8ns_type_error_in_bulls_on_failed_is_no_redis_failure():
    # Bull's onFailed reads an undefined execution (an n8n bug); the stack runs through ioredis while Redis answers
    diag = diag_of(public_paste("nonredis/n8n-15154.log"))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-error-unnamed" not in ids(diag)


def test_a_redis_reply_error_naming_a_command_stays_a_redis_error():
    # control: a TypeError-free Redis error reply through the same client frames stays a Redis finding (public
    # heldout17 wotschofsky/domain-digger#36: Upstash's daily limit, named since session 10)
    assert diag_of(public_paste("node/domain-digger-36.log")).verdict.root_cause == "redis-provider-limit"


# --- a Redis-compatible server that requires TLS refusing a plaintext client in its own words ---

def test_redis_clouds_refusal_of_plaintext_is_a_plaintext_client_on_a_tls_endpoint():
    # Redis Cloud with TLS enforced answers node-redis 4 without TLS 'ERR unencrypted connection is prohibited'
    diag = diag_of(public_paste("node/node-redis-2030.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-plaintext-to-tls"


def test_an_unnamed_redis_error_reply_is_not_read_as_a_tls_refusal():
    # control: Upstash's quota reply, another 'ERR …' a managed Redis sends, keeps the unnamed finding
    # (public heldout15 medusajs/admin#654)
    assert diag_of(public_paste("node/medusa-admin-654.log")).verdict.root_cause != "redis-plaintext-to-tls"


# --- the client's own TLS files are not PEM text: a TLS certificate problem, before any handshake ---

@pytest.mark.parametrize("section", [
    "node: ioredis-tls-paths",                # tls {ca, cert, key} given file paths: 'PEM routines::no start line'
    "node: node-redis-tls-paths",             # node-redis 4's socket cert/key given file paths
    "python: redis-py, ssl_ca_certs",         # '[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found'
    "python: redis-py, ssl_certfile",         # '[SSL] PEM lib'
])
def test_tls_files_that_are_not_pem_are_a_redis_tls_certificate_problem(section):
    diag = diag_of(capture_section(_S10, section))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-tls-certificate"


@pytest.mark.parametrize("paste", ["node/ioredis-1938.log", "node/node-redis-2347.log"])
def test_the_public_pem_pastes_read_as_a_redis_tls_certificate_problem(paste):
    assert diag_of(public_paste(paste)).verdict.root_cause == "redis-tls-certificate"


def test_an_https_servers_pem_error_is_not_redis():
    # control: the same OpenSSL words from the app's own HTTPS server, no Redis client in the entry
    diag = diag_of(capture_section(_S10, "node: https-tls-paths"))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-tls-certificate" not in ids(diag)


# --- a connection that timed out on a read, then was established again: a recovery from a drop ---

def test_redis_oplogs_read_timeout_then_established_connection_is_a_recovered_drop():
    # 'ETIMEDOUT' with syscall 'read' in the retry's error object: the open connection went away (not a connect
    # timeout); 'Established connection to redis.' a second later: the client is back, events flow again
    diag = diag_of(public_paste("node/redis-oplog-409.log"))
    assert diag.verdict.state == "recovered"
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_a_connect_timeout_stays_a_connect_timeout():
    # control: ioredis' 'connect ETIMEDOUT' object (syscall 'connect') is a connection never made (public heldout26
    # usertour/usertour#153)
    assert diag_of(public_paste("node/usertour-153.log")).verdict.root_cause == "redis-connection-timeout"
