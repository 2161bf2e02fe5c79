"""Issue 13, heldout53's classes: the TLS failure family in depth, real captures of eleven clients against a TLS-only
redis-server broken in each TLS way (samples/README.md section L, heldout53). Each test feeds the real output, or a
part of it made only of its real lines, to the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import diag_of, verdict_of

ROOT = Path(__file__).resolve().parent.parent


def _capture(name: str) -> str:
    return (ROOT / "samples" / "heldout53" / name).read_text(encoding="utf-8")


# -- OpenSSL's verification results in Node's words: expired, not yet valid (class tls_certificate) -------------------

@pytest.mark.parametrize("name", ["node-redis4/cert-expired.log", "ioredis/cert-not-yet-valid.log"])
def test_certificate_expired_or_not_yet_valid_is_the_certificate(name: str):
    # 'Redis Client Error Error: certificate has expired' / CERT_HAS_EXPIRED (read as a Redis error no rule names) and
    # '[ioredis] Unhandled error event: Error: certificate is not yet valid' (read as retries exhausted)
    assert verdict_of(_capture(name)) == ("failing", "redis-tls-certificate")


# -- a server wanting a client certificate: the reset before the alert is the handshake's -----------------------------

@pytest.mark.parametrize("name", ["node-redis4/client-cert-missing.log", "go-redis-v5/client-cert-missing.log"])
def test_reset_before_the_certificate_alert_is_the_handshake(name: str):
    # a TLS 1.3 server sends 'certificate required' after the client's Finished: the client's first write may see
    # 'write ECONNRESET' / 'write: connection reset by peer' first, then the alert ('tlsv13 alert certificate required',
    # Go's 'remote error: tls: certificate required'); both were read as a dropped connection
    assert verdict_of(_capture(name)) == ("failing", "redis-tls-certificate")


def test_reset_after_the_client_worked_stays_a_drop():
    # the same reset on a client that had worked (a success line before it) is a drop, TLS failure or not in the log
    cert = _capture("go-redis-v5/client-cert-missing.log").splitlines(True)
    ok = _capture("go-redis-v5/healthy-tls.log").splitlines(True)
    text = "".join(ok[:3] + [line for line in cert if "connection reset" in line])
    assert verdict_of(text) == ("failing", "redis-connection-dropped")


# -- PHP's stream layer: the host name check, and a handshake no server answered --------------------------------------

def test_php_peer_name_mismatch_is_the_certificate():
    # 'Redis::connect(): Peer certificate subjectAltName did not match expected name `red-…'' then 'Redis server went
    # away': read as a dropped connection
    assert verdict_of(_capture("phpredis/hostname-other-name.log")) == ("failing", "redis-tls-certificate")


def test_php_handshake_timed_out_is_tls_to_plaintext():
    # 'Redis::connect(): SSL: Handshake timed out' (TCP connected, the TLS hello never answered), as Python's '_ssl.c:
    # The handshake operation timed out'
    assert verdict_of(_capture("phpredis/tls-to-plain.log")) == ("failing", "redis-tls-to-plaintext")


# -- no TLS version both sides accept (class tls_version, rule redis-tls-version-mismatch) ----------------------------

@pytest.mark.parametrize(
    "name",
    ["node-redis5/tls-version-max12.log", "redis-py/tls-version-min13.log", "redis-rb/tls-version-max12.log",
     "predis/tls-version-max12.log"],
)
def test_protocol_version_alert_is_a_version_mismatch(name: str):
    # OpenSSL's alert 70 in Node's, Python's, Ruby's and PHP's words: no rule named it (node-redis 5: a Redis error no
    # rule names; the others a connection error)
    assert verdict_of(_capture(name)) == ("failing", "redis-tls-version-mismatch")


def test_go_protocol_version_alert_beside_a_redis_port():
    # Go's 'remote error: tls: protocol version not supported' names neither Redis nor a port; after a line that does
    # (go-redis' reset on 10.0.157.9:6379, a real line of the same worker) it is this class
    reset = [line for line in _capture("go-redis-v5/client-cert-missing.log").splitlines(True) if "reset by peer" in line]
    version = [line for line in _capture("redigo/tls-version-max12.log").splitlines(True) if "protocol version" in line]
    assert verdict_of("".join(reset[:1] + version)) == ("failing", "redis-tls-version-mismatch")


def test_server_side_unsupported_protocol_is_a_rejected_handshake():
    line = next(x for x in (ROOT / "samples/raw/classes/session14-h57-tls-server.log").read_text(encoding="utf-8")
                .splitlines(True) if "unsupported protocol" in x)
    assert "redis-server-tls-handshake-error" in {f.rule_id for f in diag_of(line).findings}


# -- the app's own file named after its client is no Redis signal -----------------------------------------------------

def test_app_file_named_after_the_client_does_not_tie_an_https_failure():
    # ioredis works; the worker's fetch to an HTTPS API with an untrusted certificate fails ('TypeError: fetch failed'
    # … 'unable to verify the first certificate'), its frame in the app's own '/opt/render/project/src/ioredis-worker.js':
    # read as Redis's certificate (a false alarm)
    diag = diag_of(_capture("ioredis/api-bad-cert.log"))
    assert diag.verdict.state == "healthy"
    assert any(n.rule_id == "redis-tls-certificate" for n in diag.not_redis)
    # ioredis' own failure still names Redis (its '[ioredis]' prefix)
    assert verdict_of(_capture("ioredis/cert-unknown-ca.log")) == ("failing", "redis-tls-certificate")


# -- Go's net/http error names its URL: the HTTPS API's certificate is not Redis's ------------------------------------

def test_go_http_client_certificate_failure_is_not_redis():
    # go-redis' worker calling an API whose certificate a CA nobody has signed: 'payment api call failed: Get
    # "https://api.stripe.com/v1/charges": x509: certificate signed by unknown authority' names no endpoint in a group;
    # beside Redis resets (redigo's, real lines of another worker) it was tied to Redis, and the resets then read as
    # that certificate's handshake
    api = [x for x in _capture("go-redis-v5/api-bad-cert.log").splitlines(True) if "payment api" in x]
    resets = [x for x in _capture("redigo/plain-to-tls.log").splitlines(True) if "job" in x]
    diag = diag_of("".join(api + resets))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    assert any(n.rule_id == "redis-tls-certificate" for n in diag.not_redis)
