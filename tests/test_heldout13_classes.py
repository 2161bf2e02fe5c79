"""Issue 13, heldout13's classes: real captures of clients this project had never run (samples/heldout13/raw/, made as
samples/README.md section L, heldout13, says). Each test feeds the real output, or its lines, to the whole pipeline."""

from __future__ import annotations

from analyzer.i18n import said
from tests.conftest import ROOT, batch_capture, diag_of

BATCH = ROOT / "samples" / "heldout13"


def _raw(name: str) -> str:
    return batch_capture("heldout13", name)


def _formatted(name: str) -> str:
    """The capture as Render shows it (its `==>` lines are the Render evidence the loopback inference needs)."""
    return (BATCH / name).read_text(encoding="utf-8")


def _without(text: str, needle: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if needle not in line)


# -- refusals on the client's default loopback after the server closed its open connection: the server went away ----

def test_refusals_after_the_server_closed_the_connection_are_the_drop():
    # redis-py: 'Connection closed by server.', then 'Error 111 connecting to 127.0.0.1:6379' to the end. Without
    # python-redis-lock's success lines and the app's own work before (its 'run N built 42 rows', which
    # redis-app-stopped reads), only the drop says the client had connected (the URL was read).
    text = _formatted("plain/python-redis-lock/killed-not-back-loopback.cli.log")
    text = _without(_without(text, "Acquired Lock("), "built 42 rows")
    assert "Connection closed by server." in text and "Error 111 connecting to 127.0.0.1:6379" in text
    diag = diag_of(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-dropped")
    assert {f.rule_id for f in diag.findings} == {"redis-connection-dropped"}


def test_loopback_refusals_with_no_drop_before_stay_the_unset_url():
    # the same client family, the same Render evidence, the app's default localhost:6379 refused from the start
    diag = diag_of(_formatted("plain/flask-session/down-loopback-default.rfc3339.log"))
    assert diag.verdict.root_cause == "redis-url-not-set"


# -- a dependency already judged not Redis stays so when it fails again next to a Redis line ------------------------

def test_an_api_failing_again_beside_a_redis_line_is_still_not_redis():
    # koa: each request calls api.stripe.com (unresolvable); between two of them koa-redis' ioredis gives up
    # (MaxRetriesPerRequestError, no host): the API's second failure, right after it, is the same dependency
    diag = diag_of(_formatted("plain/koa-redis/mixed-pg-api-redis-refused.rfc3339.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-retries-exhausted")
    stripe = [n for n in diag.not_redis if n.endpoint == "api.stripe.com"]
    assert stripe and stripe[0].count == 2


def test_affinity_known_other_endpoint():
    from analyzer.engine.affinity import load_affinity

    aff = load_affinity(ROOT / "rules" / "affinity.yaml")
    fields = {"host": "api.stripe.com"}
    text = "Error: getaddrinfo ENOTFOUND api.stripe.com"
    assert aff.tie(fields, text, nearby=3).redis  # nothing known: proximity decides
    known = frozenset({"api.stripe.com"})
    assert aff.tie(fields, text, nearby=3, not_redis=known).reason == "affinity.known_other"
    assert aff.tie(fields, text, connecting=True, not_redis=known).reason == "affinity.known_other"
    # a host the Redis failures named by their own evidence stays Redis's; the entry's own evidence always decides
    assert aff.tie(fields, text, nearby=3, redis_hosts=known, not_redis=known).redis
    assert aff.tie({"host": "api.stripe.com", "port": "6379"}, text, not_redis=frozenset({"api.stripe.com:6379"})).redis


# -- python-redis-lock's acquisition line: a lock taken in Redis, the client working -------------------------------

def test_lock_acquired_after_loading_is_the_recovery():
    diag = diag_of(_raw("python-redis-lock/loading.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-loading")


def test_loading_without_the_lock_lines_is_recovered_by_the_run_that_had_failed():
    # without a Redis line after the failures, the app's own 'run N built 42 rows' says it: 'run N failed' was in the
    # failures' own entries, so a run needs Redis (analyzer/storms.py, tests/test_work_back.py)
    diag = diag_of(_without(_raw("python-redis-lock/loading.log"), "Acquired Lock("))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-loading")
    (resumed,) = [f for f in diag.findings if f.rule_id == "redis-app-resumed"]
    assert "'reports: run <n>' failed with 5 Redis failures, and was done again after them" in " ".join(said(b) for b in resumed.because)
