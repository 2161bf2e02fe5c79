"""Issue 13, class "certificate and TLS errors whose line never names Redis": 'self-signed certificate', 'certificate
verify failed', 'wrong version number' are the same words from a Redis client and from an HTTPS call. They are Redis
findings only from evidence: the endpoint (a Redis port, rediss://), a Redis client in the entry or its frames, the
app's Redis lines around it; never by default, and never when the entry itself names another service's client
(requests/urllib3, Node's fetch, Net::HTTP: rules/affinity.yaml `other_text`). Real output only:
samples/raw/classes/tls-context.log (samples/capture/tls_context/run.sh: a real redis-server with TLS on 6380 and a
real HTTPS API with a self-signed certificate on 443, in a network namespace of their own)."""

from __future__ import annotations

import pytest

from analyzer.i18n import said
from analyzer.model import Severity
from tests.conftest import diag_of
from tests.test_split_records import FORMATS, section

REDIS_TLS = [
    "node 20 ioredis 5.11.1, rediss://",  # the handler prints 'Error: self-signed certificate' bare; the app's URL before
    "node 20 node-redis 4.7.1, rediss://",
    "python 3.11 redis-py 8.2.0, rediss://",  # 'Error 1 connecting to 127.0.0.1:6380. [SSL: CERTIFICATE_VERIFY_FAILED]'
    "ruby 3.1 redis-rb 4.8.0, rediss://",  # uncaught: 'SSL_connect returned=1 … peeraddr=127.0.0.1:6380'
    "sidekiq 6.4.1 booting on rediss://",
]
HTTPS_BESIDE_REDIS = [
    "node 20 ioredis 5.11.1 ready on redis://127.0.0.1:6379, then https.get and fetch to https://127.0.0.1/hook",
    "node 20 ioredis 5.11.1 ready on redis://127.0.0.1:6379, then https.get and fetch to https://127.0.0.1:8080/hook",
    "python 3.11 redis-py 8.2.0 on redis://127.0.0.1:6379, then requests",
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("title", REDIS_TLS)
def test_a_tls_failure_with_redis_evidence_is_redis(title: str, fmt: str):
    diag = diag_of(FORMATS[fmt](section(title)))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-tls-certificate")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("title", HTTPS_BESIDE_REDIS)
def test_the_same_words_from_an_https_call_beside_a_working_redis_are_not_redis(title: str, fmt: str):
    diag = diag_of(FORMATS[fmt](section(title)))
    assert diag.verdict.state not in ("failing", "degraded"), diag.verdict
    # (Severity is an IntEnum: compared with its order, not with names; the app's 'Redis ready' is a working client)
    assert all(f.rule_id.startswith("redis-") and f.severity <= Severity.INFO for f in diag.findings), diag.findings
    assert diag.not_redis, "the HTTPS failure is said, as not Redis"


def test_the_https_clients_own_words_say_whose_failure_it_is():
    # requests (urllib3's pool), Node's fetch: the entry names the HTTP client, which is the reason given, whatever
    # Redis line stands near it; Ruby's OpenSSL names its peer, whose port says it (Net::HTTP in a Sidekiq job)
    for text in (section(HTTPS_BESIDE_REDIS[0]), section(HTTPS_BESIDE_REDIS[2])):
        reasons = [said(n.because) for n in diag_of(text).not_redis]
        assert any("HTTP's client (" in r for r in reasons), reasons
    job = section("sidekiq 6.4.1 on redis://")
    job = job[: job.rindex("\n", 0, job.index("class=CacheJob")) + 1]
    assert [said(n.because) for n in diag_of(job).not_redis] == ["HTTPS's port"]
    # Ruby before 3.1 prints no peer (public paste sidekiq#5440): then the frames say it
    assert [said(n.because) for n in diag_of(job.replace(" peeraddr=127.0.0.1:443", "")).not_redis] == [
        "HTTP's client (/net/http.rb:1048)"
    ]


def test_a_redis_line_near_an_https_failure_does_not_claim_it():
    # Sidekiq's deprecation notice quoting 'redis.brpop(…)' stands five lines before the job's HTTPS failure: a Redis
    # line nearby, which tied it before the entry's own frames (net/http.rb) and peer (127.0.0.1:443) were read
    job = section("sidekiq 6.4.1 on redis://")
    job = job[: job.rindex("\n", 0, job.index("class=CacheJob")) + 1]
    assert 'redis.brpop("queue:default", timeout: 2)' in job
    for fmt in FORMATS.values():
        diag = diag_of(fmt(job))
        assert diag.verdict.state == "unknown" and [n.endpoint for n in diag.not_redis] == ["127.0.0.1:443"]


def test_never_by_default():
    # the bare words, nothing around them: not a Redis finding (can't tell)
    for line in ("Error: self-signed certificate", "certificate verify failed: self-signed certificate in certificate chain (_ssl.c:997).",
                 "SSL_connect returned=1 errno=0 state=error: certificate verify failed (unable to get local issuer certificate) (OpenSSL::SSL::SSLError)"):
        assert diag_of(line + "\n").verdict.state == "unknown", line
