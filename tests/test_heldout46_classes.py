"""Issue 13, heldout46's classes (session 12, a third blind batch of Node.js pastes): the HTTP Redis clients' unset
endpoint variable in their own words (@upstash/redis 1.20 and 1.39, @vercel/kv 0.2 and 3.0: redis-url-not-set), Node's
'read ETIMEDOUT' on an open connection (the dropped class, not the connect timeout), and an app's line naming the Redis
command that timed out (redis-pool-timeout). Real output: samples/raw/classes/session12-h48.log
(samples/capture/classes/run_s12_h48.sh) and the batch's public pastes (samples/public/heldout46.yaml)."""

from __future__ import annotations

import pytest

from tests.conftest import capture_section, diag_of, public_paste

CAPTURE = "session12-h48.log"
RUNS = (
    "node: upstash-new-fromEnv",
    "node: upstash-old-fromEnv",
    "node: upstash-new-url-undefined",
    "node: upstash-old-url-undefined",
    "node: vercel-kv-3",
    "node: vercel-kv-0.2",
)
SECTIONS = {run: capture_section(CAPTURE, run) for run in RUNS}
# @upstash/redis 1.20.1 given url: undefined throws a bare JavaScript TypeError ("Cannot read properties of undefined
# (reading 'startsWith')") whose only tie to Redis is a frame path: left as it reads (see samples/README.md)
UNSET = [run for run in RUNS if run != "node: upstash-old-url-undefined"]


def test_the_capture_holds_every_client_and_way_of_leaving_the_variable_unset():
    # each run printed its client's own words (a section found empty would test nothing)
    assert all("UPSTASH_REDIS_REST_URL" in SECTIONS[r] or "'url'" in SECTIONS[r] for r in RUNS[:3])
    assert all("KV_REST_API_URL" in SECTIONS[r] for r in RUNS[4:])


@pytest.mark.parametrize("run", UNSET)
def test_an_http_client_without_its_endpoint_variable_is_a_url_not_set(run):
    # Upstash's 'Unable to find environment variable: `UPSTASH_REDIS_REST_URL`' (thrown by 1.20, a warning in 1.39 before
    # undici's 'Failed to parse URL from /pipeline'), its 'url' property missing, @vercel/kv's missing variables: the
    # variable was never set, whatever the URL parser says after it
    diag = diag_of(SECTIONS[run])
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-url-not-set")


def test_the_token_alone_missing_is_not_an_unset_address():
    # the same warnings for the token only: the address is set, the client is not told it is missing
    lines = [
        line
        for line in SECTIONS["node: upstash-new-fromEnv"].splitlines(True)
        if "TOKEN" in line or "'token'" in line
    ]
    assert len(lines) == 2
    diag = diag_of("".join(lines))
    assert diag.verdict.root_cause != "redis-url-not-set"


@pytest.mark.parametrize(
    "paste, state, cause",
    [
        # futantan/OpenGpt#85: the Next.js dev server's 'error - ' prefix before @upstash/redis' words
        ("node/opengpt-85.log", "failing", "redis-url-not-set"),
        # tj/connect-redis#119: node_redis' 'failed - read ETIMEDOUT' with the address elided: an open connection lost
        ("node/connect-redis-119.log", "failing", "redis-connection-dropped"),
        # TupiC/strapi-cache#19: '[STRAPI CACHE] Redis get error: timeout.': a command's timeout, Redis answering
        ("node/strapi-cache-19.log", "degraded", "redis-pool-timeout"),
    ],
)
def test_the_public_pastes_read_as_their_class(paste, state, cause):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, cause)


def test_a_connect_that_timed_out_stays_a_connect_timeout():
    # 'connect ETIMEDOUT' (the syscall that never completed) is still the timeout class after 'read ETIMEDOUT' joined the
    # dropped one: heldout46's ioredis and Bull pastes
    for paste in ("node/ioredis-1322.log", "node/bull-1366.log"):
        diag = diag_of(public_paste(paste))
        assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-timeout"), paste

