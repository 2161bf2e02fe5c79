"""Issue 13, heldout59's classes: real captures of apps that log through structured (JSON) loggers (pino, winston,
bunyan, Nest's JSON ConsoleLogger, Fastify; python-json-logger, structlog, loguru serialize=True, uvicorn, Django; Ruby's
Logger with a JSON formatter), made as samples/README.md section L, heldout59, says. Each test feeds the real output,
or a part of it, to the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.sources.formats import parse_line, record_from_api_log
from tests.conftest import batch_capture, batch_lines, diag_of, ids, verdict_of

ROOT = Path(__file__).resolve().parent.parent


# -- a Render API entry whose message is a structured logger's line ----------------------------------------------------

def test_api_entry_holding_a_pino_line_is_read_as_that_line():
    # pino's '{"level":30,…,"msg":"redis ready"}' as the message of a /v1/logs entry was kept as raw JSON: the ready
    # line was not read (can't tell), where the dashboard's copy of the same line said Redis works
    line = batch_lines("heldout59", "pino-ioredis-api/mixed-pg-api-healthy.log", '"msg":"redis ready"').strip()
    rec = record_from_api_log({"id": "x", "timestamp": "2027-04-27T02:05:05Z", "message": line, "labels": []}, "<t>", 1)
    assert rec.message == "redis ready"
    text = (ROOT / "samples/heldout59/api/pino-ioredis-api/mixed-pg-api-healthy.jsonl").read_text(encoding="utf-8")
    assert verdict_of(text) == ("healthy", None)


# -- 'Redis connection ready': an app's line on the client's ready event --------------------------------------------

def test_redis_connection_ready_says_the_client_worked():
    # Nest's RedisService logs 'Redis connection ready' on ioredis' 'ready' event, then the server is killed: the
    # refusals that follow were read as a server never reached (redis-econnrefused), not as the drop they are
    assert verdict_of(batch_capture("heldout59", "nest-json-ioredis/killed-not-back.log")) == (
        "failing", "redis-connection-dropped")
    assert verdict_of(batch_capture("heldout59", "nest-json-ioredis/mixed-pg-api-healthy.log")) == ("healthy", None)


# -- loguru's serialize=True document --------------------------------------------------------------------------------

def test_loguru_serialized_record_is_read_as_its_message_and_traceback():
    # '{"text": "<time> | ERROR | …\nTraceback …", "record": {"message": …, "exception": {…}, …}}' had no message key
    # rla knew: each line was read as raw JSON
    line = batch_lines("heldout59", "loguru-serialize-redis-py/killed-then-back.log", '"could not store prices"')
    rec = parse_line(line.splitlines()[0], "<t>", 1)
    assert rec is not None and rec.message.startswith("could not store prices\nTraceback (most recent call last):")
    assert rec.message.rstrip().endswith("Error 111 connecting to red-d5h59kv0q67qs70c2kvup:6379. Connection refused.")
    obj = json.loads(line.splitlines()[0])
    assert record_from_api_log(obj, "<t>", 1).level == "ERROR"


def test_a_multiline_structured_event_opens_no_object_for_the_next_record():
    # loguru's annotated traceback holds value reprs with brackets left open: the next record ('could not store
    # prices' again) was glued to the first as the rest of an object, five failures counted as one, and the worker's
    # 'prices stored (round 12)' after them was not read as recovery
    text = batch_capture("heldout59", "loguru-serialize-redis-py/killed-then-back.log")
    diag = diag_of(text)
    assert (diag.verdict.state, diag.verdict.root_cause) == ("recovered", "redis-connection-dropped")
    assert next(f for f in diag.findings if f.rule_id == "redis-connection-dropped").count == 5


# -- the app's fallback: the cache unavailable, read from another store ----------------------------------------------

def test_cache_unavailable_reading_from_another_store_is_a_fallback():
    # pino's 'cache unavailable, reading product from catalogue' beside ioredis' MaxRetriesPerRequestError: the app
    # answers from its catalogue (degraded), read failing
    diag = diag_of(batch_capture("heldout59", "pino-ioredis-api/down-refused.log"))
    assert (diag.verdict.state, diag.verdict.root_cause) == ("degraded", "redis-econnrefused")
    assert diag.verdict.fallback is not None


@pytest.mark.parametrize(
    "line",
    [
        # probes, not logs (review h63): another cache's outage, the app's way round it after it
        "WARN memcache unavailable, serving page from database",
        "memcache down, falling back to the database",
    ],
)
def test_another_caches_outage_is_no_redis_fallback(line):
    assert "redis-app-fallback" not in ids(diag_of(line + "\n"))
