"""Recovery read from the app's own work (analyzer/storms.py, `_entry_request`): a unit of work that a Redis failure's
own entry says failed ('ERROR api: GET /api/search?q=shoes failed' above the traceback, 'worker: round 6 failed:
Redis::CommandError: LOADING …') and that the app then says it did ('GET /api/search?q=shoes 200', 'worker: round 7
carts=1') is Redis working again. Before, both logs below stayed 'failing' after Redis had finished loading.

Real captures: samples/heldout13 (capture/heldout13, samples/README.md section L)."""

from __future__ import annotations

from analyzer.i18n import said
from analyzer.storms import _entry_request
from tests.conftest import ROOT, diag_of

HELDOUT13 = ROOT / "samples" / "heldout13"


def _because(diag, rule_id: str) -> str:
    (finding,) = [f for f in diag.findings if f.rule_id == rule_id]
    return " ".join(said(b) for b in finding.because)


def test_a_request_that_failed_while_redis_loaded_and_was_answered_after_is_recovery():
    diag = diag_of((HELDOUT13 / "plain" / "limits" / "loading.cli.log").read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-loading")
    assert "'GET /api/search?q=shoes' failed with 3 Redis failures, and was done again after them" in _because(
        diag, "redis-app-resumed"
    )


def test_a_worker_round_that_failed_and_a_later_round_done_is_recovery():
    diag = diag_of((HELDOUT13 / "raw" / "redis-namespace" / "loading.log").read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-loading")
    assert "'worker: round <n>' failed with 6 Redis failures" in _because(diag, "redis-app-resumed")


def test_rounds_that_all_fail_are_no_recovery():
    diag = diag_of((HELDOUT13 / "raw" / "redis-namespace" / "oom.log").read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-oom")
    assert "redis-app-resumed" not in {f.rule_id for f in diag.findings}


def test_the_clients_own_retrying_is_no_unit_of_work():
    # BullMQ's and node-redis' retry lines name a count too: a later 'Starting retry 3' says nothing of Redis working
    line = (HELDOUT13 / "raw" / "redis-namespace" / "loading.log").read_text(encoding="utf-8").splitlines()[1]
    assert _entry_request(line) == "worker: round <n>"
    assert _entry_request(line.replace("worker: round", "redis: reconnect attempt")) is None


def test_requests_served_on_the_fallback_then_from_the_cache_after_two_failures_is_recovery():
    # two LOADING replies only (fewer than `resumed_after`), and no app line before them that is not a Redis line:
    # the request itself, answered on the fallback and then from the cache, says it (samples/heldout19, capture/heldout19)
    path = ROOT / "samples" / "heldout19" / "api" / "catalog-node-redis5" / "loading.jsonl"
    diag = diag_of(path.read_text(encoding="utf-8"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-loading")
    assert "the app answered 'GET /products/<n> <ok>' between 2 Redis failures (on its fallback)" in _because(
        diag, "redis-app-resumed"
    )


def test_work_done_after_the_app_said_it_went_on_without_redis_is_no_recovery():
    # the limits capture with heldout19's fallback line (node-redis 5 catalog, real) after its first failure: the
    # requests answered after it may be answered without Redis
    raw = ROOT / "samples" / "heldout19" / "raw" / "catalog-node-redis5" / "mixed-pg-api-redis-wrongpass.log"
    fallback = next(x for x in raw.read_text(encoding="utf-8").splitlines() if "cache offline, serving from database" in x)
    lines = (HELDOUT13 / "plain" / "limits" / "loading.cli.log").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "BusyLoadingError" in line) + 1
    lines.insert(at, lines[at].split("  ", 1)[0] + "  " + fallback)
    diag = diag_of("\n".join(lines))
    assert diag.verdict.state != "recovered"
    assert "redis-app-resumed" not in {f.rule_id for f in diag.findings}
