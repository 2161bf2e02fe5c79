"""Issue 13, heldout15's classes (apps on a PaaS and managed Redis: Heroku, Render, Upstash, ElastiCache; public pastes
measured on arrival): a platform's line label before a backtrace's frames (Heroku's 'app[worker.1]: '), PHP's trace under
a bare message, a managed Redis's 'ERR' reply with only 'exceeded' to say it failed, BullMQ's version advice, redis-rs'
words for a URL it cannot parse, node_redis 2's warning that it ignores 'rediss'. Every log here is real output: the
public pastes of samples/public/ (their threads in samples/README.md, section E, "Fifteenth batch"); the few lines
written here are the controls that must stay as they were."""

from __future__ import annotations

from analyzer.sources.formats import looks_like_json_document
from tests.conftest import diag_of, ids, public_paste

_paste = public_paste


def test_a_heroku_dyno_label_does_not_part_a_ruby_backtrace_from_its_message():
    # Sidekiq 5 on Heroku: the resolver's bare message, then redis-rb's frame, each line under 'app[worker.1]: '
    diag = diag_of(_paste("ruby/redis-rb-726.log"))
    assert diag.verdict.root_cause == "redis-dns-not-found"
    # the same bare message with no Redis frame under it is no Redis finding
    alone = "2017-10-24T20:22:49.353839+00:00 app[worker.1]: getaddrinfo: Name or service not known\n"
    assert diag_of(alone).verdict.state != "failing"
    # redis-rb 4's uncaught report keeps its class on the line: one event, matched once (not twice)
    cause = "getaddrinfo: Name or service not known (SocketError)"
    assert "redis-dns-not-found" not in ids(diag_of(cause))


def test_a_php_trace_under_a_bare_refusal_ties_it_to_phpredis():
    # php-resque's console: 'Error: Connection refused', then '#0 …/Resque/Redis.php(23): Redis->pconnect()'
    assert diag_of(_paste("php/misp-7630.log")).verdict.root_cause == "redis-econnrefused"
    # Laravel's Monolog line with its [stacktrace] stays what it was
    assert diag_of(_paste("php/horizon-944.log")).verdict.root_cause == "redis-econnrefused"
    # a refusal whose PHP trace is another client's is not Redis
    pdo = ("Error: Connection refused\n"
           "#0 /app/vendor/doctrine/dbal/src/Driver/PDO/Connector.php(41): PDO->__construct()\n")
    assert diag_of(pdo).verdict.state != "failing"


def test_a_managed_redis_limit_reply_is_a_redis_error_even_without_its_client():
    # Upstash's daily quota, printed bare (no ReplyError class): a Redis finding, not "can't tell" (the unnamed one
    # until session 10, redis-provider-limit since)
    diag = diag_of(_paste("node/medusa-admin-654.log"))
    assert diag.verdict.state == "failing"
    assert diag.verdict.root_cause == "redis-provider-limit"
    # its other limits, with the client's class, the same finding
    for name in ("node/rsshub-20937.log", "node/emailengine-452.log"):
        assert diag_of(_paste(name)).verdict.root_cause == "redis-provider-limit", name
    # POP3's '-ERR' (a dash before it) is no Redis reply
    assert diag_of("-ERR mailbox quota exceeded").verdict.state != "failing"


def test_bullmqs_version_advice_is_not_a_failure():
    # 'It is highly recommended to use a minimum Redis version of 6.2.0', printed while jobs are queued and sent
    diag = diag_of(_paste("healthy/osmo-x-264.log"))
    assert diag.verdict.state not in ("failing", "degraded")
    assert "redis-server-version-advised" in ids(diag)
    assert "redis-server-too-old" not in ids(diag)
    # BullMQ's refusal below its minimum stays a server too old
    refusal = "Error: Redis version needs to be greater or equal than 5.0.0 Current: 4.0.9"
    assert diag_of(refusal).verdict.root_cause == "redis-server-too-old"


def test_redis_rs_url_that_does_not_parse_is_a_malformed_url():
    assert diag_of(_paste("rust/redis-me-68.log")).verdict.root_cause == "redis-url-malformed"


def test_node_redis_ignoring_rediss_is_a_plaintext_client_on_a_tls_endpoint():
    # the warning as node_redis 2 prints it (public IBM/alexa-skill-watson-assistant#30, its JSON escaping undone)
    line = 'node_redis: WARNING: You passed "rediss" as protocol instead of the "redis" protocol!'
    assert diag_of(line).verdict.root_cause == "redis-plaintext-to-tls"
    # another scheme it warns about is not TLS
    assert "redis-plaintext-to-tls" not in ids(diag_of(line.replace("rediss", "http")))


def test_a_paste_cut_out_of_a_json_document_is_read_as_text():
    # an OpenWhisk activation's result pasted from its second line on: one object, a comma, then its record's own keys
    text = _paste("node/alexa-skill-watson-assistant-30.log")
    assert not looks_like_json_document(text[:4096])
    diag = diag_of(text)
    assert diag.verdict.root_cause == "redis-plaintext-to-tls"  # the warning inside a quoted, escaped log line
    # a document whose first record is followed by the next one, or by the end of its array, stays a document
    assert looks_like_json_document('{"message": "a",\n "level": "info"},\n{"message": "b"}\n')
    assert looks_like_json_document('[\n  {"message": "a"}\n]\n')
    # a Node object printed over lines is decided as before (read as text by the JSON reader's fallback)
    assert looks_like_json_document(_paste("node/bullmq-3158.log")[:4096])
