"""Issue 13, heldout68's classes (session 17, public pastes from pages outside GitHub issues: blogs, vendors' pages, an
incident report): Redis' OOM reply quoted without its tail ('OOM command not allowed') is still the OOM reply; a
MOVED redirect whose slot and node a paste's author masked ('MOVED **** {IP}:{PORT}', 'MOVED xxxx 10.0.3.17:6379') is
still a redirect; express-session's MemoryStore warning with nothing else about Redis in the log is no Redis fallback
(the app was given no store) but beside a Redis failure it stays the app's fallback. Real output: the batch's pastes
(samples/public/heldout68.yaml, samples/README.md "Sixty-eighth batch") and the node-app capture the warning's rule
was made from (samples/raw/node-app/degraded.log)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import diag_of, ids, public_paste

ROOT = Path(__file__).resolve().parents[1]
BAD = ("failing", "degraded")

# (paste, verdict, root cause): the batch's pastes each class was made from
PASTES = [
    # Gemfury's incident report: writes began receiving "OOM command not allowed" error responses
    ("pages2/gemfury-status-redis-oom-command-not-allowed.log", "degraded", "redis-oom"),
    # velog (doobyeol): Spring's Lettuce on ElastiCache in cluster mode, slot and node masked by the author
    ("pages2/velog-doobyeol-lettuce-moved-elasticache-cluster.log", "failing", "redis-cluster-redirect"),
]


@pytest.mark.parametrize(("paste", "state", "root"), PASTES)
def test_heldout68_class_reads_its_paste(paste, state, root):
    diag = diag_of(public_paste(paste))
    assert (diag.verdict.state, diag.verdict.root_cause) == (state, root)


def test_a_masked_slot_before_a_real_address_is_a_redirect():
    diag = diag_of("worker: redis command failed ReplyError: MOVED xxxx 10.0.3.17:6379\n")
    assert diag.verdict.root_cause == "redis-cluster-redirect"


def test_moved_in_prose_is_no_redirect():
    diag = diag_of("2024-05-01 12:00:03 INFO Package MOVED **** to the new warehouse\n")
    assert "redis-cluster-redirect" not in ids(diag)


def test_a_lone_memory_store_warning_is_not_a_redis_fallback():
    # moca9012.tistory: a tutorial's Express app before it adds connect-redis, the warning and nothing else
    diag = diag_of(public_paste("pages2/moca9012-tistory-express-session-memorystore-warning.log"))
    assert diag.verdict.state not in BAD
    assert "express-session-memory-store" not in ids(diag)


def test_the_memory_store_warning_after_a_redis_failure_stays_the_fallback():
    # the capture the rule was made from: the note's app fell back to express-session's MemoryStore after Redis failed
    log = (ROOT / "samples" / "raw" / "node-app" / "degraded.log").read_text(encoding="utf-8")
    diag = diag_of(log)
    assert diag.verdict.state in BAD
    assert "express-session-memory-store" in ids(diag)
