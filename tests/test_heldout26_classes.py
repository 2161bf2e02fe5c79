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
    # control: a TypeError-free Redis error reply through the same client frames keeps the unnamed finding (public
    # heldout17 wotschofsky/domain-digger#36)
    assert diag_of(public_paste("node/domain-digger-36.log")).verdict.root_cause == "redis-error-unnamed"
