"""Issue 13, heldout47's classes: real captures of JavaScript runtimes other than Node.js (Bun's own Redis client,
ioredis and node-redis under Bun; npm:redis and npm:ioredis under Deno), made as samples/README.md section L,
heldout47, says. Each test feeds the real output, or a part of it, to the pipeline."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import batch_capture, diag_of, verdict_of

ROOT = Path(__file__).resolve().parent.parent


# -- Bun prints an error under an excerpt of the code that threw: code, not an object left open ----------------------

def test_bun_source_excerpt_does_not_glue_the_next_error_to_it():
    # the dashboard's copy: Bun's fetch error to an API that does not resolve ('12 |   if (process.env.API_HOST) {'
    # in its excerpt) swallowed ioredis' refusal printed after it, and the API's ENOTFOUND was read as Redis's
    text = (ROOT / "samples/heldout47/dashboard/bun-ioredis/mixed-pg-api-redis-refused.txt").read_text(encoding="utf-8")
    assert verdict_of(text) == ("failing", "redis-econnrefused")
    diag = diag_of(text)
    assert any(n.rule_id == "redis-dns-not-found" and "api.stripe.com" in n.endpoint for n in diag.not_redis)


# -- an app's logger tag naming Redis before the client's event: '[redis] ready' ----------------------------------------

def test_logger_tag_ready_line_says_redis_works():
    # npm:ioredis under Deno, the app's 'ready' listener: the healthy log read "can't tell" (no line said Redis works)
    assert verdict_of(batch_capture("heldout47", "deno-ioredis/healthy.log")) == ("healthy", None)
    assert verdict_of("[redis] error: connect ECONNREFUSED 10.0.147.9:6379\n[redis] not ready\n")[0] == "failing"


# -- Bun's own client given a scheme it has no transport for ---------------------------------------------------------

def test_bun_bad_scheme_is_a_malformed_url():
    # 'error: Expected url protocol to be one of redis, valkey, rediss, …' thrown at the import of Bun's default
    # client, then 'Bun v1.4.5 (Linux x64)': read as a Redis error no rule names
    assert verdict_of(batch_capture("heldout47", "bun-redis-default/url-typo-scheme.log")) == ("failing", "redis-url-malformed")


# -- the app's fallback: Redis named as unusable, then what the app does instead -------------------------------------

def test_counting_in_memory_is_the_apps_fallback():
    # a hit counter on Bun's default client: 'redis unavailable, counting in memory: RedisError: WRONGPASS …' was read
    # failing; the app answers every request from its memory
    diag = diag_of(batch_capture("heldout47", "bun-redis-default/wrongpass.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-wrongpass")
    assert diag.verdict.fallback is not None


# -- a unit of work that failed, its noun between its number and the failure word, then done ------------------------

def test_round_whose_job_failed_then_done_is_recovery():
    # Bun's RedisClient under LOADING: 'round 11: job failed RedisError: LOADING …' then 'round 12: queued job 1': the
    # work that failed with the storm done after it (read failing: the line before the first failure was the client's
    # own 'Connected to Redis server', whose form never came back)
    # (Render's copy: the raw capture's two blank lines after each of Bun's errors still hide the storm's edges)
    text = (ROOT / "samples/heldout47/plain/bun-redisclient/loading.cli.log").read_text(encoding="utf-8")
    assert verdict_of(text) == ("recovered", "redis-loading")


def test_round_whose_connect_failed_is_no_unit_of_work():
    # the client's own words are not the app's work: the same real capture as above with its failing unit being the
    # client's connect ('round 11: connect failed RedisError: LOADING …', one word changed: no capture prints it) says
    # nothing of Redis working when a round's form comes back
    text = (ROOT / "samples/heldout47/plain/bun-redisclient/loading.cli.log").read_text(encoding="utf-8")
    assert ": job failed " in text
    assert verdict_of(text.replace(": job failed ", ": connect failed "))[0] != "recovered"


# -- Bun's own client: 'Connection closed' and 'Max reconnection attempts reached', no address, no reason -------------

def test_bun_connection_closed_after_work_is_the_drop():
    # five rounds queued, the server killed: 'Disconnected from Redis server: RedisError: Connection closed' with
    # code ERR_REDIS_CONNECTION_CLOSED (read as a Redis error no rule names)
    text = batch_capture("heldout47", "bun-redisclient/killed-not-back.log")
    assert verdict_of(text) == ("failing", "redis-connection-dropped")


def test_bun_connection_closed_before_any_success_says_it_does_not_know_why():
    # refused from the start: the same words, before the client ever worked; then it gives up
    diag = diag_of(batch_capture("heldout47", "bun-redisclient/down-refused.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("failing", "redis-connection-closed")
    assert "redis-retries-exhausted" in {f.rule_id for f in diag.findings}
