"""Issue 13, heldout56's classes (session 14, the newest major versions of the Node.js and Python Redis stacks). Each
test is a family, built from the batch's real lines (samples/public/heldout56.yaml) and the rules' public examples:

- a source position in parentheses is no errno: Next.js prints an error's place as `http.js (101:0) @ …` (line 101,
  column 0), which was read as errno 101 (ENETUNREACH) and so a connection timeout;
- Upstash's other refusals of a whole database: a database suspended for its budget, and its plan's data size;
- BullMQ 1-3's 'DEPRECATION WARNING!' about maxRetriesPerRequest is a warning: the worker runs on (BullMQ 4+ throws,
  queue-connection-options keeps that);
- Dramatiq's broker reporting a middleware's failure in one of its hooks names the broker class (RedisBroker) in its
  logger, not a Redis failure;
- a Redis client's parser meeting a reply that is not RESP (redis-py's 'Protocol Error: b'…'', redis-parser's
  'Protocol error, got "H" as reply type byte') is a Redis error, never silent;
- RediSearch's '<index>: no such index' is the app's missing index (degraded, as WRONGTYPE), never Elasticsearch's
  'no such index [name]';
- a CROSSSLOT in a log where the same client was also redirected (MOVED) and did not follow: the client is not
  cluster-aware, the redirect is the root cause."""

from __future__ import annotations

import pytest

from analyzer.engine.rules import load_classes
from tests.conftest import ROOT, diag_of, ids, public_paste


def test_a_source_position_in_parentheses_is_no_errno():
    # public heldout56 upstash/ratelimit-js#28: Next.js' 'error - node_modules\@upstash\redis\esm\pkg\http.js (101:0)
    # @ HttpClient.request' was read as errno 101 (the address is unreachable)
    diag = diag_of(public_paste("node/upstash-ratelimit-js-28.log"))
    assert "redis-connection-timeout" not in ids(diag)


@pytest.mark.parametrize(
    "line, said",
    [
        # Python's (errno, message) tuple: public heldout23 bytedeck/bytedeck#1226 (django-redis on ElastiCache)
        ("Error while reading from bytedeck-redis.ilwwmc.0001.cac1.cache.amazonaws.com:6379 : (110, 'Connection timed out')", True),
        # a Next.js error's source position (line 101, column 0): public heldout56 upstash/ratelimit-js#28
        ("error - node_modules\\@upstash\\redis\\esm\\pkg\\http.js (101:0) @ HttpClient.request", False),
    ],
)
def test_an_errno_in_parentheses_is_a_tuples_or_rusts_never_a_position(line, said):
    classes = load_classes(ROOT / "rules")
    assert any(fc.recognises(line) for fc in classes) is said


@pytest.mark.parametrize(
    "text",
    [
        public_paste("node/brios-2266.log"),  # Vercel middleware's rate limiter, the database over its budget
        "ReplyError: ERR DB capacity quota exceeded\n",  # Upstash's troubleshooting page db_capacity_quota_exceeded
    ],
)
def test_upstash_refusing_a_whole_database_is_a_provider_limit(text):
    diag = diag_of(text)
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-provider-limit"


def test_bullmqs_deprecation_warning_is_no_cause_the_refusal_after_it_is():
    # public heldout56 gmpetrov/databerry#44: BullMQ's DEPRECATION WARNING twice, then 'connect ECONNREFUSED 127.0.0.1:6379'
    diag = diag_of(public_paste("node/databerry-44.log"))
    assert diag.verdict.root_cause == "redis-econnrefused"
    assert "queue-connection-options" not in ids(diag)
    assert "bullmq-maxretries-overridden" in ids(diag)


def test_bullmq_5_refusing_the_option_is_still_the_cause():
    # real: samples/raw/bullmq/maxretries-instance.log (BullMQ 5.81 throws)
    diag = diag_of("fatal: Error: BullMQ: Your redis options maxRetriesPerRequest must be null.\n")
    assert diag.verdict.root_cause == "queue-connection-options"


def test_dramatiqs_middleware_failure_is_not_a_redis_error():
    # public heldout56 SamR1/FitTrackee#757: 'dramatiq.broker.RedisBroker - CRITICAL - Unexpected failure in
    # after_process_boot of <…TimeLimit…>.' over 'RuntimeError: thread already started' (Python 3.13)
    diag = diag_of(public_paste("python/fittrackee-757.log"))
    assert diag.verdict.state not in ("failing", "degraded")


def test_a_redis_error_inside_a_traceback_introduced_by_a_warning_still_counts():
    # a probe, not a log (review h63): a traceback introduced by the app's WARNING line, ending in a Redis error no rule
    # names. Only Dramatiq's words on the introducing line (`unnamed_not_above`) exclude the exception it logs; a
    # WARNING there is no notice to drop (a failure logged at WARN with its exception is kept: docs/rules.md)
    text = (
        "2025-04-06 06:57:58 - app - WARNING - cache write failed\n"
        "Traceback (most recent call last):\n"
        '  File "/opt/venv/lib/python3.13/site-packages/redis/client.py", line 622, in execute_command\n'
        "    return conn.retry.call_with_retry(\n"
        "redis.exceptions.ResponseError: ERR unknown subcommand 'FOO'. Try CLIENT HELP.\n"
    )
    diag = diag_of(text)
    assert diag.verdict.state in ("failing", "degraded")


@pytest.mark.parametrize(
    "text",
    [
        public_paste("python/pytest-celery-92.log"),  # kombu over redis-py, a Memcached answering 'ERROR'
        "[ioredis] Unhandled error event: ParserError: Protocol error, got \"H\" as reply type byte. Please report this.\n",
    ],
)
def test_a_reply_that_is_not_resp_is_a_redis_error_never_silent(text):
    diag = diag_of(text)
    assert diag.verdict.state == "failing"


def test_redisearchs_missing_index_is_the_apps_data():
    # public heldout56 run-llama/llama_index#10393
    diag = diag_of(public_paste("python/llama-index-10393.log"))
    assert diag.verdict.state == "degraded"
    assert diag.verdict.root_cause == "redis-search-index-missing"


def test_elasticsearchs_missing_index_is_not_redis():
    # Elasticsearch's index_not_found_exception, as quoted in a public Alfresco thread
    diag = diag_of('"briefSummary":"Request failed: [index_not_found_exception] no such index [alfresco-archive]"\n')
    assert "redis-search-index-missing" not in ids(diag)


def test_crossslot_beside_an_unfollowed_redirect_is_the_redirect():
    # public heldout56 BerriAI/litellm#8159: CROSSSLOT and a pipeline's MOVED on an ElastiCache cluster-mode group
    diag = diag_of(public_paste("python/litellm-8159.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-cluster-redirect"


def test_crossslot_alone_stays_crossslot():
    # a cluster-aware client (no redirect in the log): its multi-key command across slots
    diag = diag_of("redis.exceptions.ResponseError: CROSSSLOT Keys in request don't hash to the same slot\n")
    assert diag.verdict.root_cause == "redis-crossslot"
