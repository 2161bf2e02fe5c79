"""The story, not the bag of lines: verdicts, reclassification, one event per multi-line entry."""

from __future__ import annotations

from tests.conftest import diag_of, ids

# Render's own platform line (every dashboard capture has it): the evidence Render-specific inferences need
RENDER_LINE = "==> Running 'node server.js'\n"

READY = "06:22:48 PM [t7v9k] ✅ Redis ready and connected\n"
REFUSED_REMOTE = "06:22:47 PM [t7v9k] Error: connect ECONNREFUSED 10.0.3.7:6379\n"
FALLBACK = "06:22:54 PM [t7v9k] ⚠️  Redis connection failed, using memory cache\n"

NODE_OBJECT_NOT_SET = """\
06:22:53 PM [t7v9k] ❌ Redis connection error: {
06:22:53 PM [t7v9k]   message: 'connect ECONNREFUSED 127.0.0.1:6379',
06:22:53 PM [t7v9k]   code: 'ECONNREFUSED',
06:22:53 PM [t7v9k]   redisUrl: 'REDIS_URL is NOT set'
06:22:53 PM [t7v9k] }
"""


def test_no_redis_line_is_unknown_not_healthy():
    diag = diag_of("06:22:38 PM ==> Deploying...\n06:23:00 PM ==> Your service is live 🎉\nGET / 200\n")
    assert diag.verdict.state == "unknown"
    assert diag.findings == []


def test_healthy():
    diag = diag_of("🔄 Redis connecting...\n" + READY + "✅ Redis cache connected successfully\n")
    assert diag.verdict.state == "healthy"
    assert ids(diag) == {"redis-connecting", "redis-ready", "redis-cache-connected"}


def test_error_then_ready_is_recovered():
    diag = diag_of(REFUSED_REMOTE * 3 + READY)
    assert diag.verdict.state == "recovered"
    assert diag.verdict.root_cause == "redis-econnrefused"
    finding = next(f for f in diag.findings if f.rule_id == "redis-econnrefused")
    assert finding.count == 3
    assert finding.fields == {"host": "10.0.3.7", "port": "6379"}
    assert (finding.first.line, finding.last.line) == (1, 3)


def test_ready_then_error_is_failing():
    diag = diag_of(READY + REFUSED_REMOTE)
    assert diag.verdict.state == "failing"
    # ready first: the refusal is the server going away, not a wrong address (issue 13)
    assert diag.verdict.root_cause == "redis-connection-dropped"
    assert diag.verdict.since.line == 2


def test_the_servers_own_log_says_nothing_of_the_client():
    """A Redis server log (a Key Value's, a Docker Redis'): its "ready to accept connections" is listed, but a server that
    is up says nothing of the app's client: alone it reads "Can't tell", and client errors before it stay failing
    (public heldout11 StackExchange.Redis#804 pasted the server's ready line after the client's failure). Real captures
    (samples/raw/redis-server)."""
    from pathlib import Path

    raw = Path(__file__).resolve().parent.parent / "samples" / "raw" / "redis-server"
    for name in ("kv-restart.log", "unix-socket-start-stop.log"):
        diag = diag_of((raw / name).read_text(encoding="utf-8"))
        assert diag.verdict.state == "unknown", name
        assert "redis-server-ready" in ids(diag), name
    ready = "7750:M 04 Dec 2026 19:27:40.386 * Ready to accept connections\n"
    assert diag_of(REFUSED_REMOTE * 2 + ready).verdict.state == "failing"
    # PostgreSQL says the same words about itself
    assert "redis-server-ready" not in ids(diag_of("2025-10-27 19:55:23.456 UTC [1] LOG:  database system is ready to accept connections\n"))


def test_fallback_is_degraded_even_without_an_error_line():
    diag = diag_of(FALLBACK)
    assert diag.verdict.state == "degraded"


def test_multiline_node_object_is_one_event_with_its_evidence():
    diag = diag_of(NODE_OBJECT_NOT_SET + FALLBACK)
    by_id = {f.rule_id: f for f in diag.findings}
    error = by_id["redis-connection-error"]
    assert error.count == 1
    assert error.fields["message"] == "connect ECONNREFUSED 127.0.0.1:6379"
    assert error.fields["code"] == "ECONNREFUSED"
    assert error.fields["redis_url"] == "REDIS_URL is NOT set"
    assert (error.first.line, error.first.instance) == (1, "t7v9k")
    # the loopback refusal is the missing variable, counted once
    assert by_id["redis-url-not-set"].count == 1
    assert "redis-econnrefused" not in by_id
    assert diag.verdict.state == "degraded"
    assert diag.verdict.root_cause == "redis-url-not-set"
    assert by_id["redis-connection-error"].caused_by == "redis-url-not-set"
    assert by_id["redis-memory-cache-fallback"].caused_by == "redis-url-not-set"


def test_loopback_refusal_while_url_is_set_means_the_client_ignored_it():
    text = NODE_OBJECT_NOT_SET.replace("REDIS_URL is NOT set", "REDIS_URL is set")
    diag = diag_of(text)
    assert "redis-url-ignored" in ids(diag)
    assert "redis-url-not-set" not in ids(diag)
    assert diag.verdict.root_cause == "redis-url-ignored"


def test_raw_client_error_with_stack_and_object_is_one_event():
    text = (
        "Error: connect ECONNREFUSED 127.0.0.1:6379\n"
        "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {\n"
        "  errno: -111,\n"
        "  code: 'ECONNREFUSED',\n"
        "  syscall: 'connect',\n"
        "  address: '127.0.0.1',\n"
        "  port: 6379\n"
        "}\n"
    )
    diag = diag_of(text)
    # one event; without Render evidence the loopback refusal stays what the log shows (issue 13)
    assert [(f.rule_id, f.count) for f in diag.findings] == [("redis-econnrefused", 1)]
    diag = diag_of(RENDER_LINE + text)
    assert [(f.rule_id, f.count) for f in diag.findings] == [("redis-url-not-set", 1)]


def test_interleaved_instances_keep_objects_apart():
    a = NODE_OBJECT_NOT_SET.splitlines(keepends=True)
    b = [line.replace("t7v9k", "x2b4z").replace("127.0.0.1", "10.0.3.7").replace("NOT set", "set") for line in a]
    mixed = "".join(x for pair in zip(a, b) for x in pair)
    diag = diag_of(mixed)
    error = next(f for f in diag.findings if f.rule_id == "redis-connection-error")
    assert error.count == 2
    assert sorted(error.instances) == ["t7v9k", "x2b4z"]
    assert {"redis-url-not-set", "redis-econnrefused"} <= ids(diag)


def test_unexplained_error_lines_are_grouped_by_template():
    text = "TypeError: Cannot read properties of undefined (reading 'user')\n" * 2
    text += "TypeError: Cannot read properties of undefined (reading 'cart')\n"
    diag = diag_of(text)
    assert len(diag.unexplained) == 1
    assert diag.unexplained[0].count == 3


def test_secrets_never_reach_samples():
    diag = diag_of("Error: getaddrinfo ENOTFOUND red-x connecting rediss://red-x:s3cretpassw0rd@oregon-keyvalue.render.com:6379 failed\n")
    for u in diag.unexplained:
        assert "s3cretpassw0rd" not in u.template + u.sample


# -- issue 3: the inferences that make a diagnosis better than grep --------------------------------

CONNECTING = "06:22:46 PM [t7v9k] 🔄 Redis connecting...\n"
RESET = "06:22:47 PM [t7v9k] [ioredis] Unhandled error event: Error: read ECONNRESET\n"


def test_reset_after_connecting_but_before_ready_is_a_handshake_failure():
    diag = diag_of(CONNECTING + RESET + CONNECTING + RESET)
    assert "redis-handshake-failed" in ids(diag)
    assert "redis-connection-dropped" not in ids(diag)
    assert diag.verdict.root_cause == "redis-handshake-failed"


def test_reset_after_ready_is_a_dropped_connection():
    diag = diag_of(CONNECTING + READY + RESET)
    assert "redis-connection-dropped" in ids(diag)
    assert "redis-handshake-failed" not in ids(diag)
    assert diag.verdict.state == "failing"


def test_pending_handshake_is_per_instance():
    other_ready = READY.replace("t7v9k", "x2b4z")
    other_reset = RESET.replace("t7v9k", "x2b4z")
    diag = diag_of(CONNECTING + other_ready + other_reset + RESET)
    by_id = {f.rule_id: f for f in diag.findings}
    assert by_id["redis-connection-dropped"].instances == ["x2b4z"]
    assert by_id["redis-handshake-failed"].instances == ["t7v9k"]


def test_symptom_is_linked_to_the_cause_of_its_own_window():
    dns = "Error: getaddrinfo ENOTFOUND red-d0cjkelq67qs70c2nxdm\n"
    text = dns + FALLBACK.replace("[t7v9k] ", "") + READY.replace("[t7v9k] ", "") + REFUSED_REMOTE.replace("[t7v9k] ", "")
    text += "⚠️  Redis connection failed, using memory cache\n"
    diag = diag_of(text)
    fallback = next(f for f in diag.findings if f.rule_id == "redis-memory-cache-fallback")
    # the first fallback came after the DNS error, in the first window
    assert fallback.caused_by == "redis-dns-not-found"
    # the second window's cause: the refusal after ready, i.e. the server went away
    assert diag.verdict.root_cause == "redis-connection-dropped"


def test_wrapped_client_error_is_classified_on_the_innermost_message():
    line = (
        "[2026-11-26 07:08:33,690: ERROR/MainProcess] consumer: Cannot connect to redis://:**@red-d0cjkelq67qs70c2nxdm:6379/0: "
        "Error -2 connecting to red-d0cjkelq67qs70c2nxdm:6379. Name or service not known..\n"
    )
    diag = diag_of(line + "Trying again in 2.00 seconds... (1/100)\n")
    assert ids(diag) == {"redis-dns-not-found"}
    assert diag.findings[0].fields["host"] == "red-d0cjkelq67qs70c2nxdm"


def test_celery_amqp_default_means_the_broker_url_is_missing_or_ignored():
    line = "[2026-11-26 07:08:48,152: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: [Errno 111] Connection refused.\n"
    # on Render (a platform line), where the broker meant is Redis
    diag = diag_of("==> Running 'celery -A tasks worker'\n" + line)
    assert [(f.rule_id, f.count) for f in diag.findings] == [("redis-url-not-set", 1)]
    diag = diag_of("redisUrl: 'REDIS_URL is set'\n" + line)
    assert "redis-url-ignored" in ids(diag)
    # nothing says Render nor Redis: an AMQP broker refusing, not Redis (issue 13, third held-out batch)
    diag = diag_of(line)
    assert not diag.findings and [n.endpoint for n in diag.not_redis] == ["127.0.0.1:5672"]


def test_loopback_wins_whatever_the_client():
    for line in (
        "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.\n",
        "[ioredis] Unhandled error event: AggregateError [ECONNREFUSED]: \n",
        "Redis::CannotConnectError (Error connecting to Redis on 127.0.0.1:6379 (Errno::ECONNREFUSED)):\n",
        "dial tcp 127.0.0.1:6379: connect: connection refused\n",
    ):
        diag = diag_of(RENDER_LINE + line)  # a Render-specific inference needs Render evidence (issue 13)
        assert "redis-url-not-set" in ids(diag), line
        assert "redis-econnrefused" not in ids(diag), line


def test_python_traceback_is_one_event_on_its_last_line():
    text = (
        "Traceback (most recent call last):\n"
        '  File "/opt/render/project/src/.venv/lib/python3.11/site-packages/redis/connection.py", line 385, in connect\n'
        "    sock = self.retry.call_with_retry(\n"
        "ConnectionRefusedError: [Errno 111] Connection refused\n"
        "\n"
        "During handling of the above exception, another exception occurred:\n"
        "\n"
        "Traceback (most recent call last):\n"
        '  File "/opt/render/project/src/redis_ping.py", line 9, in <module>\n'
        "    print(\"PING ->\", r.ping())\n"
        "redis.exceptions.ConnectionError: Error 111 connecting to red-d0cjkelq67qs70c2rfsd:6379. Connection refused.\n"
    )
    diag = diag_of(text)
    assert [(f.rule_id, f.count) for f in diag.findings] == [("redis-econnrefused", 1)]
    assert diag.findings[0].fields["host"] == "red-d0cjkelq67qs70c2rfsd"


def test_crash_after_unhandled_error_links_the_exit_to_the_redis_error():
    text = (
        "node:internal/process/promises:391\n"
        "    triggerUncaughtException(err, true /* fromPromise */);\n"
        "    ^\n"
        "\n"
        "Error: connect ECONNREFUSED 10.0.3.7:6379\n"
        "Emitted 'error' event on Commander instance at:\n"
        "  errno: -111,\n"
        "  code: 'ECONNREFUSED',\n"
        "  syscall: 'connect',\n"
        "  address: '10.0.3.7',\n"
        "  port: 6379\n"
        "}\n"
        "\n"
        "Node.js v20.20.2\n"
        "==> Exited with status 1\n"
    )
    diag = diag_of(text)
    by_id = {f.rule_id: f for f in diag.findings}
    assert by_id["redis-econnrefused"].count == 1
    assert by_id["redis-unhandled-error-crash"].caused_by == "redis-econnrefused"
    assert by_id["render-exited"].caused_by == "redis-econnrefused"
    assert by_id["render-exited"].fields["status"] == "1"
    assert diag.verdict.root_cause == "redis-econnrefused"


def test_python_chained_exception_is_one_event():
    one_request = (
        "Internal Server Error: /api/files\n"
        "Traceback (most recent call last):\n"
        '  File "/opt/render/project/src/.venv/lib/python3.11/site-packages/django_redis/cache.py", line 29, in _decorator\n'
        "    return method(self, *args, **kwargs)\n"
        "django_redis.exceptions.ConnectionInterrupted: Redis ConnectionError: Error 111 connecting to red-d0cjkelq67qs70c2rfsd:6379. Connection refused.\n"
        "\n"
        "During handling of the above exception, another exception occurred:\n"
        "\n"
        "Traceback (most recent call last):\n"
        '  File "/opt/render/project/src/djapp.py", line 30, in files\n'
        "    data = cache.get(\"files\")\n"
        "redis.exceptions.ConnectionError: Error 111 connecting to red-d0cjkelq67qs70c2rfsd:6379. Connection refused.\n"
    )
    diag = diag_of(one_request * 2)
    assert [(f.rule_id, f.count) for f in diag.findings] == [("redis-econnrefused", 2)]


def test_ruby_cause_chain_is_one_event():
    text = (
        "/usr/share/rubygems-integration/all/gems/redis-4.8.0/lib/redis/client.rb:398:in `rescue in establish_connection': "
        "Error connecting to Redis on red-d0cjkelq67qs70c2rfsd:6379 (Errno::ECONNREFUSED) (Redis::CannotConnectError)\n"
        "\tfrom /usr/share/rubygems-integration/all/gems/redis-4.8.0/lib/redis/client.rb:379:in `establish_connection'\n"
        "/usr/lib/ruby/3.1.0/socket.rb:1214:in `__connect_nonblock': Connection refused - connect(2) for 10.0.3.7:6379 (Errno::ECONNREFUSED)\n"
    )
    diag = diag_of(text)
    assert [(f.rule_id, f.count) for f in diag.findings] == [("redis-econnrefused", 1)]


def test_blank_line_inside_a_dashboard_stack_does_not_split_the_event():
    text = (
        "Error: connect ECONNREFUSED 10.0.3.7:6379\n"
        "Emitted 'error' event on Commander instance at:\n"
        "\n"
        "    at RedisSocket.<anonymous> (/opt/render/project/src/node_modules/@redis/client/dist/lib/client/index.js:422:14) {\n"
        "  errno: -111,\n"
        "  code: 'ECONNREFUSED',\n"
        "}\n"
    )
    diag = diag_of(text)
    assert {f.rule_id: f.count for f in diag.findings} == {"redis-econnrefused": 1, "redis-unhandled-error-crash": 1}


def test_errors_that_stopped_after_a_deploy_are_told():
    text = (
        "06:22:38 PM ==> Deploying...\n"
        + REFUSED_REMOTE * 2
        + "06:40:02 PM ==> Deploying...\n"
        + "06:40:09 PM [a1b2c] GET /api/health 200 - 3ms\n"
        + "06:40:10 PM ==> Your service is live 🎉\n"
    )
    diag = diag_of(text)
    assert diag.verdict.state == "failing"
    assert diag.verdict.after_deploy is not None and diag.verdict.after_deploy.line == 4
    # errors after the last deploy: nothing to tell
    assert diag_of(text + REFUSED_REMOTE).verdict.after_deploy is None


def test_refusal_on_another_service_port_is_not_a_redis_finding():
    diag = diag_of("Error: connect ECONNREFUSED 10.0.7.2:5432\nError: connect ETIMEDOUT 10.0.7.3:3306\n")
    assert diag.findings == []
    assert diag.verdict.state == "unknown"


def test_loopback_timeout_is_a_url_problem_too():
    diag = diag_of(RENDER_LINE + "dial tcp 127.0.0.1:6379: i/o timeout\n")
    assert ids(diag) == {"redis-url-not-set"}


def test_root_cause_does_not_depend_on_the_hash_seed():
    """Two causes matched on one line (a chained traceback: the drop, then the refusal) tie on severity and
    position; the pack's order decides, not the iteration order of a set (which PYTHONHASHSEED changes)."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "samples/matrix/plain/redis-py/killed-then-back-remote.rfc3339.log"
    roots = set()
    for seed in ("0", "1", "2", "3"):
        out = subprocess.run(
            [sys.executable, "-m", "analyzer", "analyze", str(sample), "--format", "json"],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        roots.add(json.loads(out.stdout)["verdict"]["root_cause"])
    assert len(roots) == 1, roots
